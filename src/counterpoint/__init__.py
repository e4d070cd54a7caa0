"""Counterpoint: how a news story is told across outlets, with claim-level provenance."""

from counterpoint.model import SCHEMA_VERSION, Dossier

__all__ = ["SCHEMA_VERSION", "Dossier", "analyze"]


def __getattr__(name: str):  # pragma: no cover - thin lazy import
    if name == "analyze":
        from counterpoint.api import analyze

        return analyze
    raise AttributeError(name)
