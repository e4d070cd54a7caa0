"""Write a dossier to a folder: ``dossier.json``, ``report.html`` and ``report.md``."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from counterpoint.model import Dossier, to_json

__all__ = ["write_dossier", "RunSummary", "summarize_run"]


def write_dossier(dossier: Dossier, out_dir: str | os.PathLike[str]) -> list[Path]:
    """Validate the dossier against its schema and write the three files; returns their paths."""
    from counterpoint.report import render_html, render_markdown
    from counterpoint.schema import validate_dossier

    data = to_json(dossier)
    validate_dossier(data)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = {
        "dossier.json": json.dumps(data, ensure_ascii=False, indent=2) + "\n",
        "report.html": render_html(dossier),
        "report.md": render_markdown(dossier),
    }
    paths = []
    for name, text in written.items():
        path = out / name
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
        paths.append(path)
    return paths


@dataclass(frozen=True)
class RunSummary:
    """What a run did, for people (a table) and programs (``--json``)."""

    articles: int
    stories: int
    quotes: int
    claims: int
    failures: tuple[dict[str, str], ...]
    not_analysed: tuple[dict[str, str], ...]
    outputs: tuple[str, ...]
    database: str


def summarize_run(dossier: Dossier, outputs: list[Path], database: str) -> RunSummary:
    articles = [a for s in dossier.stories for a in s.articles]
    skipped = tuple(
        {"article": a.origin, "language": a.language, "reason": a.skipped_stages[0].reason}
        for a in articles if a.skipped_stages
    )
    return RunSummary(
        articles=len(articles),
        stories=len(dossier.stories),
        quotes=sum(len(s.quotes) for s in dossier.stories),
        claims=sum(len(s.claims) for s in dossier.stories),
        failures=tuple({"input": f.input, "reason": f.reason} for f in dossier.failures),
        not_analysed=skipped,
        outputs=tuple(str(p) for p in outputs),
        database=database,
    )
