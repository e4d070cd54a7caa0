"""Throughput of the whole pipeline beside spaCy's own parse of the same texts.

Usage: python benchmarks/throughput.py [PATH_TO_JSONL] [--limit N]

Analyses the articles of an ECB+-style JSON Lines file (default: the 575
articles of ../shared/data/ecbplus/train.jsonl) into a fresh SQLite database and
prints articles per second, seconds per stage and peak memory, beside the time
of spaCy's ``nlp.pipe`` over the same texts (the floor everything else adds to).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "ecbplus" / "train.jsonl"


def _write_input(src: Path, dest: Path, limit: int | None) -> list[str]:
    texts, lines = [], []
    with src.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                break
            row = json.loads(line)
            texts.append(row["text"])
            lines.append(json.dumps({"id": row["doc_id"], "text": row["text"],
                                     "title": row.get("title"), "language": "en"}))
    dest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()

    from counterpoint.api import analyze
    from counterpoint.config import Config
    from counterpoint.nlp import load_pipeline, parse

    console = Console()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        texts = _write_input(args.path, corpus, args.limit)
        config = Config()
        nlp = load_pipeline(config.spacy_model)
        parse(nlp, ["warm up"])
        started = time.perf_counter()
        parse(nlp, texts, config.batch_size)
        spacy_seconds = time.perf_counter() - started

        timings: dict[str, float] = {}
        started = time.perf_counter()
        dossier = analyze([corpus], db=Path(tmp) / "bench.db", config=config, timings=timings)
        total = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    table = Table(title=f"Counterpoint throughput on {len(texts)} articles ({args.path.name})")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("baseline: spaCy nlp.pipe alone (s)", f"{spacy_seconds:.1f}")
    table.add_row("baseline: spaCy articles/s", f"{len(texts) / spacy_seconds:.1f}")
    table.add_row("counterpoint analyze, whole run (s)", f"{total:.1f}")
    table.add_row("counterpoint articles/s", f"{len(texts) / total:.2f}")
    table.add_row("stories analysed", str(len(dossier.stories)))
    table.add_row("inputs or stories that failed", str(len(dossier.failures)))
    table.add_row("peak memory (MB)", f"{peak_mb:.0f}")
    for stage, seconds in timings.items():
        table.add_row(f"  stage {stage} (s)", f"{seconds:.1f}")
    console.print(table)
    for failure in dossier.failures:
        console.print(f"failed: {failure.input[:80]}: {failure.reason[:300]}", markup=False)


if __name__ == "__main__":
    sys.exit(main())
