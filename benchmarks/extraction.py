"""Main-text extraction benchmark: trafilatura alone vs trafilatura + Counterpoint cleaning.

Usage::

    python benchmarks/extraction.py [DIR] [--per-page]

``DIR`` (default ``benchmarks/data/extraction``) holds pairs ``NAME.html`` + ``NAME.txt``
(the gold main text) and/or ``*.jsonl`` files with one ``{"id", "html", "text"}`` record a
line. Each page is scored by token-level precision, recall and F1 (bag of lower-cased word
tokens, as in the usual extraction evaluations); totals are micro-averaged over all tokens,
with the mean of per-page F1 beside them. All systems run in the same process on the same
pages, so the rows are directly comparable.

With ``--clean-corpus FILE.jsonl ...`` it instead runs the plain-text cleaning over corpora
of already clean news text (one ``{"text": ...}`` record a line, e.g. the development sets
in ``../shared/data``) and prints how often each rule fired and how many characters it
removed: on clean text every removal is a candidate false positive to read.

The bundled set is small and hand-written for this project (fictional pages with
navigation, cookie and paywall banners, captions, newsletter and app prompts, teasers,
embedded posts, comments and footers); it checks that cleaning never makes trafilatura's
output worse, it is not a substitute for a public benchmark.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from trafilatura import bare_extraction

from counterpoint.clean import clean_article
from counterpoint.errors import InputError
from counterpoint.model import RawArticle

DEFAULT_DIR = Path(__file__).parent / "data" / "extraction"
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class Case:
    """One page and its gold main text."""

    name: str
    html: str
    gold: str


@dataclass
class Score:
    """Token counts: true positives, false positives, false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load_cases(folder: Path) -> list[Case]:
    """HTML/gold pairs and JSONL records under ``folder``, sorted by name."""
    cases = [
        Case(html.stem, html.read_text(encoding="utf-8"), gold.read_text(encoding="utf-8"))
        for html in sorted(folder.glob("*.html"))
        if (gold := html.with_suffix(".txt")).is_file()
    ]
    for jsonl in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(jsonl.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                record = json.loads(line)
                name = str(record.get("id") or f"{jsonl.stem}:{number}")
                cases.append(Case(name, record["html"], record["text"]))
    return sorted(cases, key=lambda c: c.name)


def score(predicted: str, gold: str) -> Score:
    """Bag-of-tokens overlap between a prediction and the gold text."""
    pred = Counter(t.casefold() for t in _TOKEN.findall(predicted))
    ref = Counter(t.casefold() for t in _TOKEN.findall(gold))
    tp = sum((pred & ref).values())
    return Score(tp, sum(pred.values()) - tp, sum(ref.values()) - tp)


def _trafilatura(precision: bool) -> Callable[[Case], str]:
    def run(case: Case) -> str:
        doc = bare_extraction(case.html, favor_precision=precision, include_comments=False)
        fields = {} if doc is None else doc if isinstance(doc, dict) else doc.as_dict()
        return str(fields.get("text") or "")

    return run


def _counterpoint(case: Case) -> str:
    try:
        return clean_article(RawArticle(case.name, f"{case.name}.html", html=case.html)).text
    except InputError:
        return ""


SYSTEMS: dict[str, Callable[[Case], str]] = {
    "trafilatura (default)": _trafilatura(False),
    "trafilatura (favor_precision)": _trafilatura(True),
    "trafilatura (favor_precision) + counterpoint clean": _counterpoint,
}


def evaluate(cases: list[Case]) -> dict[str, tuple[Score, list[tuple[str, Score]]]]:
    """Per system: the micro total and each page's score."""
    results = {}
    for system, run in SYSTEMS.items():
        total, pages = Score(), []
        for case in cases:
            page = score(run(case), case.gold)
            total.add(page)
            pages.append((case.name, page))
        results[system] = (total, pages)
    return results


def _table(results: dict[str, tuple[Score, list[tuple[str, Score]]]], pages: int) -> str:
    width = max(len(name) for name in results)
    lines = [f"{'system':<{width}}  precision  recall     F1  mean page F1   ({pages} pages)"]
    for system, (total, per_page) in results.items():
        p, r, f = total.prf()
        mean_f = sum(s.prf()[2] for _, s in per_page) / max(1, len(per_page))
        lines.append(f"{system:<{width}}  {p:9.3f}  {r:6.3f}  {f:5.3f}  {mean_f:12.3f}")
    return "\n".join(lines)


def _page_table(results: dict[str, tuple[Score, list[tuple[str, Score]]]]) -> str:
    lines = []
    for system, (_, per_page) in results.items():
        lines.append(f"\n{system}")
        for name, page in per_page:
            p, r, f = page.prf()
            lines.append(f"  {name:<20} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    return "\n".join(lines)


def clean_corpus_report(paths: list[Path], examples: int) -> str:
    """Per removal reason: how often it fired on clean text and a few of its pieces."""
    from counterpoint.clean import clean_text

    counts: Counter[str] = Counter()
    removed_chars: Counter[str] = Counter()
    pieces: dict[str, list[str]] = {}
    docs = chars = 0
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line)["text"] if line.strip() else ""
            docs, chars = docs + bool(text), chars + len(text)
            for piece in clean_text(text).removed if text else ():
                counts[piece.reason] += 1
                removed_chars[piece.reason] += len(piece.text)
                pieces.setdefault(piece.reason, []).append(piece.text[:100])
    lines = [f"{docs} documents, {chars:,} characters"]
    for reason, count in counts.most_common():
        share = removed_chars[reason] / max(1, chars)
        lines.append(f"{count:6d}  {share:7.4%}  {reason}")
        lines.extend(f"              | {text}" for text in pieces[reason][:examples])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--per-page", action="store_true", help="also print each page's scores")
    parser.add_argument("--clean-corpus", nargs="+", type=Path, metavar="JSONL",
                        help="report rule hits on already clean text instead")
    parser.add_argument("--examples", type=int, default=3, help="pieces shown per rule")
    args = parser.parse_args(argv)
    if args.clean_corpus:
        print(clean_corpus_report(args.clean_corpus, args.examples))
        return 0
    cases = load_cases(args.folder)
    if not cases:
        print(f"no HTML/gold pairs or JSONL records in {args.folder}", file=sys.stderr)
        return 2
    results = evaluate(cases)
    print(_table(results, len(cases)))
    if args.per_page:
        print(_page_table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
