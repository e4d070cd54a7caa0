"""Train the quotes tagger (``counterpoint/data/quotes_tagger.crfsuite``) on PolNeAR train.

Usage::

    python benchmarks/train_quotes_tagger.py [--cache DIR] [--iterations 100] [--c1 2.0] [--folds 3]

Learns only from PolNeAR train minus the held-out fifth (``benchmarks/quotes.py`` keeps
that fifth and PolNeAR dev for measuring). Each paragraph is a sequence; each token is
labelled B/I/O from the gold content spans and described by ``quotes.tagger``'s features,
which include the content spans the rules already find (the rules run first, exactly as in
``extract_quotes``). The confidence a proposed span needs is chosen on out-of-fold
proposals (folds by article): the one that maximises F1 over all gold attributions when the
proposals that survive the cue and speaker checks are added to the rules' attributions.
Prints the sweep and writes the model and ``quotes_tagger.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import quotes as bench  # noqa: E402  (the benchmark's loaders and matching rule)

from counterpoint.config import DEFAULT_SPACY_MODEL  # noqa: E402
from counterpoint.nlp import load_pipeline  # noqa: E402
from counterpoint.quotes.cues import load_lexicon  # noqa: E402
from counterpoint.quotes.extract import extract_quotes  # noqa: E402
from counterpoint.quotes.marks import find_segments  # noqa: E402
from counterpoint.quotes.tagged import tagged_drafts  # noqa: E402
from counterpoint.quotes.tagger import Tagger, document_features, paragraph_tokens, span_labels  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "src" / "counterpoint" / "data"
GRID = [round(0.5 + 0.025 * k, 3) for k in range(19)]


def prepare(records: list[dict], docs: list) -> list[dict]:  # type: ignore[type-arg]
    """Per article: the rule spans (as drafts), the gold items and the CRF sequences."""
    cues = frozenset(load_lexicon().verbs)
    out = []
    for record, doc in zip(records, docs, strict=True):
        article = bench.article_for(record)
        rules = extract_quotes(article, doc, with_tagger=False)
        spans = [(q.start, q.end) for q in rules]
        gold = bench.gold_items(record)
        paragraphs = paragraph_tokens(doc)
        seqs = list(zip(document_features(doc, paragraphs, spans, cues),
                        [span_labels(doc, p, [g.content for g in gold]) for p in paragraphs], strict=True))
        out.append({"doc": doc, "text": record["text"], "rules": rules, "gold": gold, "seqs": seqs})
    return out


def train(items: list[dict], iterations: int, c1: float, c2: float, path: Path) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for item in items:
        for features, labels in item["seqs"]:
            trainer.append(features, labels)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations,
                        "feature.possible_transitions": True})
    trainer.train(str(path))


def proposals(items: list[dict], path: Path) -> list[list[tuple[float, bench.Item]]]:
    """For each article, the confidence and scored item of each attribution the tagger at
    ``path`` adds (at any confidence)."""
    import pycrfsuite

    crf = pycrfsuite.Tagger()
    crf.open(str(path))
    tagger = Tagger(crf, 0.0)
    out = []
    for item in items:
        segments = find_segments(item["text"])
        spans = [(q.start, q.end) for q in item["rules"]]
        used = [q.cue.start for q in item["rules"] if q.cue is not None]
        found = tagged_drafts(item["doc"], item["text"], spans, used, segments, tagger)
        out.append([(p.confidence, bench.Item((d.start, d.end), (d.speaker_start, d.speaker_end), False))
                    for p, d in found])
    return out


def sweep(items: list[dict], extra: list[list[tuple[float, bench.Item]]]) -> list[tuple[float, float, int, int]]:
    """(threshold, F1, matched, predicted) over all articles for each threshold."""
    gold = sum(len(i["gold"]) for i in items)
    rows = []
    for threshold in [1.01, *GRID]:
        tally = bench.Tally()
        for item, added in zip(items, extra, strict=True):
            ours = [bench.Item((q.start, q.end), None, False) for q in item["rules"]]
            bench.score(tally, item["gold"], ours + [it for c, it in added if c >= threshold])
        rows.append((threshold, 2 * tally.matched / (tally.pred + gold), tally.matched, tally.pred))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, default=None, help="directory for cached parses")
    parser.add_argument("--iterations", type=int, default=100)
    parser.add_argument("--c1", type=float, default=2.0)
    parser.add_argument("--c2", type=float, default=0.01)
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--out", type=Path, default=DATA / "quotes_tagger.crfsuite")
    args = parser.parse_args(argv)
    nlp = load_pipeline(DEFAULT_SPACY_MODEL)
    records = bench.load_records("train")
    docs, _ = bench.parse_all(nlp, records, args.cache)
    items = prepare(records, docs)
    extra: list[list[tuple[float, bench.Item]]] = [[] for _ in items]
    with tempfile.TemporaryDirectory() as tmp:
        for fold in range(args.folds):
            held = [k for k in range(len(items)) if k % args.folds == fold]
            model = Path(tmp) / f"fold{fold}.crfsuite"
            train([it for k, it in enumerate(items) if k % args.folds != fold], args.iterations, args.c1, args.c2, model)
            for k, added in zip(held, proposals([items[k] for k in held], model), strict=True):
                extra[k] = added
            print(f"fold {fold + 1}/{args.folds} done", flush=True)
    rows = sweep(items, extra)
    print(f"{'threshold':>9} {'F1':>7} {'matched':>8} {'predicted':>9}")
    for threshold, f1, matched, predicted in rows:
        label = "rules" if threshold > 1 else f"{threshold:.3f}"
        print(f"{label:>9} {f1:7.4f} {matched:8d} {predicted:9d}")
    best = max(rows[1:], key=lambda r: r[1])
    train(items, args.iterations, args.c1, args.c2, args.out)
    meta = {"threshold": best[0], "iterations": args.iterations, "c1": args.c1, "c2": args.c2,
            "trained_on": f"PolNeAR train minus held-out, {len(items)} articles",
            "out_of_fold_f1": {"rules": round(rows[0][1], 4), "with_tagger": round(best[1], 4)}}
    args.out.with_suffix(".json").write_text(json.dumps(meta, indent=2) + "\n", "utf-8")
    print(f"threshold {best[0]} (out-of-fold F1 {best[1]:.4f} vs rules {rows[0][1]:.4f}); wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
