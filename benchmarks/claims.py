"""Stance benchmark for the claims stage: our stance reader against a cue-word-only baseline.

Items live in ``benchmarks/data/claims_stance.jsonl`` (hand-annotated by us). Items from the
bundled example quote it verbatim; PolNeAR items point into ``../shared/data/polnear`` by
document id and character offsets (or annotation id), so their text never enters the repo.
Gold stance is the stance of the source toward the *un-negated* proposition of the content:
"X said there was no risk" is scored as X denying "there was risk".

    python benchmarks/claims.py [--data-dir ../shared/data] [--example-dir examples/lakeport]

PolNeAR: Newell, Margolin and Ruths, "An Attribution Relations Corpus for Political News",
LREC 2018.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from counterpoint.claims.extract import (
    Candidate,
    EntityIndex,
    _attribution_in,
    _cue_lemma,
    _lexical_stance,
    sentences,
)
from counterpoint.claims.lexicon import load_lexicon
from counterpoint.claims.stance import cue_only_stance, read_stance, relative_stance
from counterpoint.config import DEFAULT_SPACY_MODEL
from counterpoint.model import Cue
from counterpoint.nlp import load_pipeline

ROOT = Path(__file__).resolve().parent.parent
STANCES = ("asserts", "denies", "disputes", "cannot_confirm", "reports")


@dataclass(frozen=True)
class Item:
    """One annotated report: where its content and cue are, and its gold labels."""

    id: str
    text_key: str
    start: int
    end: int
    cue: tuple[int, int] | None
    voice: str
    stance: str
    split: str


def _polnear_docs(data_dir: Path) -> dict[str, dict]:
    docs: dict[str, dict] = {}
    for name in ("dev.jsonl", "train.jsonl"):
        path = data_dir / "polnear" / name
        if path.exists():
            for line in path.open(encoding="utf-8"):
                doc = json.loads(line)
                docs[doc["doc_id"]] = doc
    return docs


def _example_text(example_dir: Path, name: str) -> str:
    path = example_dir / name
    if name.endswith(".jsonl"):
        return json.loads(path.read_text("utf-8").splitlines()[0])["text"]
    return path.read_text("utf-8")


def load_items(path: Path, data_dir: Path, example_dir: Path) -> tuple[list[Item], dict[str, str]]:
    """Resolve every item to offsets in a text; returns items and the texts by key."""
    polnear = _polnear_docs(data_dir)
    texts: dict[str, str] = {}
    items = []
    for line in path.open(encoding="utf-8"):
        raw = json.loads(line)
        if raw["source"] == "polnear":
            doc = polnear[raw["doc_id"]]
            key = "polnear:" + raw["doc_id"]
            texts[key] = doc["text"]
            span, cue = raw.get("span"), raw.get("cue_span")
            if "quote_id" in raw:
                quote = next(q for q in doc["quotes"] if q["id"] == raw["quote_id"])
                span, cue = quote["quote_span"], quote["cue_span"]
        else:
            key = "example:" + raw["file"]
            text = texts.setdefault(key, _example_text(example_dir, raw["file"]))
            start = text.index(raw["content"])
            span = [start, start + len(raw["content"])]
            cue = _near(text, raw.get("cue"), start)
        items.append(Item(
            raw["id"], key, span[0], span[1], tuple(cue) if cue else None,  # type: ignore[arg-type]
            raw["voice"], raw["stance"], raw["split"],
        ))
    return items, texts


def _near(text: str, cue: str | None, anchor: int) -> list[int] | None:
    """The occurrence of the cue closest to the content."""
    if not cue:
        return None
    spots = [i for i in range(len(text)) if text.startswith(cue, i)]
    best = min(spots, key=lambda i: abs(i - anchor))
    return [best, best + len(cue)]


def predict(item: Item, doc, lex) -> tuple[str, str, str]:
    """(system stance, baseline stance, predicted voice) for one item."""
    sent = next((s for s in sentences(doc) if s.start_char <= item.start < s.end_char), None)
    ctx_start = sent.start_char if sent is not None else item.start
    ctx_end = sent.end_char if sent is not None else item.end
    cue = lemma = None
    if item.cue is not None:
        lemma = _cue_lemma(doc, Cue(item.cue[0], item.cue[1], "", "neutral"))
        cue = Cue(item.cue[0], item.cue[1], doc.text[item.cue[0]:item.cue[1]],
                  _lexical_stance(lemma or "", lex))
        ctx_start, ctx_end = min(ctx_start, item.cue[0]), max(ctx_end, item.cue[1])
    voice = "attributed" if cue is not None else _own_or_attributed(doc, sent, lex)
    cand = Candidate(
        "bench", item.start, item.end, doc.text[item.start:item.end], voice,  # type: ignore[arg-type]
        None, None, cue, lemma, ctx_start, ctx_end, (),
    )
    reading = read_stance(doc, cand, lex)
    system = relative_stance(reading.stance, reading.negated, False)
    return system, cue_only_stance(lemma, voice, lex), voice


def _own_or_attributed(doc, sent, lex) -> str:
    if sent is None:
        return "own"
    found = _attribution_in("bench", doc, sent, EntityIndex({}, {}), lex)
    return "own" if found is None else "attributed"


def _table(rows: list[tuple[Item, str, str, str]], title: str) -> list[str]:
    out = [f"\n{title} ({len(rows)} items)", f"{'stance':<16}{'n':>4}{'system':>10}{'cue-only':>10}"]
    per: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    for item, system, base, _ in rows:
        per[item.stance].append((system == item.stance, base == item.stance))
    for stance in STANCES:
        hits = per.get(stance, [])
        if hits:
            sys_acc = sum(h[0] for h in hits) / len(hits)
            base_acc = sum(h[1] for h in hits) / len(hits)
            out.append(f"{stance:<16}{len(hits):>4}{sys_acc:>10.2f}{base_acc:>10.2f}")
    n = max(len(rows), 1)
    system_all = sum(r[1] == r[0].stance for r in rows) / n
    base_all = sum(r[2] == r[0].stance for r in rows) / n
    voice = sum(r[3] == r[0].voice for r in rows) / n
    out.append(f"{'all':<16}{len(rows):>4}{system_all:>10.2f}{base_all:>10.2f}")
    out.append(f"voice accuracy {voice:.2f}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--example-dir", type=Path, default=ROOT / "examples" / "lakeport")
    parser.add_argument("--items", type=Path, default=ROOT / "benchmarks" / "data" / "claims_stance.jsonl")
    parser.add_argument("--errors", action="store_true", help="list the items the system gets wrong")
    args = parser.parse_args(argv)
    items, texts = load_items(args.items, args.data_dir, args.example_dir)
    nlp = load_pipeline(DEFAULT_SPACY_MODEL)
    keys = sorted(texts)
    docs = dict(zip(keys, nlp.pipe([texts[k] for k in keys])))
    lex = load_lexicon()
    rows = [(it, *predict(it, docs[it.text_key], lex)) for it in items]
    lines = []
    for split in ("dev", "heldout"):
        lines += _table([r for r in rows if r[0].split == split], f"split {split}")
    lines += _table(rows, "all items")
    lines.append("\ngold counts: " + str(dict(Counter(it.stance for it in items))))
    if args.errors:
        for item, system, base, _ in rows:
            if system != item.stance:
                snippet = texts[item.text_key][item.start:item.end][:90]
                lines.append(f"{item.id} gold={item.stance} system={system} base={base} | {snippet}")
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
