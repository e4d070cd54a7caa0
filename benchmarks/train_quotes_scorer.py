"""Train the quotes scorer (``counterpoint/data/quotes_scorer.json``) on PolNeAR train.

Usage::

    python benchmarks/train_quotes_scorer.py [--cache DIR] [--out PATH] [--c 0.5]

Learns only from PolNeAR train minus the held-out fifth (``benchmarks/quotes.py`` keeps
that fifth and PolNeAR dev for measuring). Every candidate the rules propose (lexicon cues
and open cues) is labelled by the benchmark's own matching rule: positive when its content
overlaps a gold attribution by at least half of each and its speaker mention overlaps the
gold speaker. A logistic regression over the candidates' symbolic features is fitted; the
two keep thresholds (lexicon cues, open cues) are chosen on 5-fold out-of-fold scores
(folds by article) to maximise F1 over all gold attributions (the middle of the plateau
of near-best pairs). Prints the cross-validated
table and writes the weights as plain JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import quotes as bench  # noqa: E402  (the benchmark's loaders and matching rule)

from counterpoint.config import DEFAULT_SPACY_MODEL  # noqa: E402
from counterpoint.nlp import load_pipeline  # noqa: E402
from counterpoint.quotes.extract import candidate_quotes  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src" / "counterpoint" / "data" / "quotes_scorer.json"
GRID = [round(x, 2) for x in np.arange(0.05, 0.96, 0.025)]


def _hit(gold: list, span: tuple[int, int], speaker: tuple[int, int] | None) -> bool:  # type: ignore[type-arg]
    """True when ``span`` matches a gold attribution whose speaker ``speaker`` overlaps."""
    return any(bench.matches(g.content, span) and (
        g.speaker is None or (speaker is not None and bench.overlap(g.speaker, speaker) > 0)) for g in gold)


def harvest(records: list[dict], docs: list) -> dict:  # type: ignore[type-arg]
    """Features, labels, open flags and article index of every scored candidate; the gold
    total and the matched / predicted counts of the unscored (colon, layout, continuation)
    attributions."""
    out: dict = {"feats": [], "labels": [], "opens": [], "groups": [], "gold": 0, "fixed": [0, 0]}
    for n, (record, doc) in enumerate(zip(records, docs, strict=True)):
        gold = bench.gold_items(record)
        out["gold"] += len(gold)
        for cand in candidate_quotes(bench.article_for(record), doc):
            quote = cand.quote
            spk = (quote.speaker.start, quote.speaker.end) if quote.speaker.start is not None else None
            hit = _hit(gold, (quote.start, quote.end), spk)
            if not cand.features:
                out["fixed"][0] += hit
                out["fixed"][1] += 1
                continue
            out["feats"].append(dict.fromkeys(cand.features, 1))
            out["labels"].append(int(hit))
            out["opens"].append(cand.open_cue)
            out["groups"].append(n)
    return out


def choose(prob: np.ndarray, y: np.ndarray, is_open: np.ndarray, gold: int, fixed: tuple[int, int]) -> tuple[float, float, float]:
    """The thresholds (lexicon, open) for the best F1 over all gold attributions: the
    middle of the plateau within 0.001 of the best, so that a retrain does not jump
    between near-equal maxima."""
    grid = []
    for t_lex in GRID:
        keep_lex = (~is_open) & (prob >= t_lex)
        for t_open in GRID:
            keep = keep_lex | (is_open & (prob >= t_open))
            matched = int(y[keep].sum()) + fixed[0]
            pred = int(keep.sum()) + fixed[1]
            grid.append((2 * matched / (pred + gold) if pred + gold else 0.0, t_lex, t_open))
    best = max(f for f, _, _ in grid)
    near = [(t_lex, t_open) for f, t_lex, t_open in grid if f >= best - 0.001]
    t_lex = float(np.median([t for t, _ in near]))
    t_open = float(np.median([t for _, t in near]))
    return best, round(t_lex, 3), round(t_open, 3)


def main(argv: list[str] | None = None) -> int:
    from rich.console import Console
    from rich.table import Table
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, cross_val_predict

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=None, help="parse cache (as benchmarks/quotes.py)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--c", type=float, default=0.5, help="inverse regularisation strength")
    parser.add_argument("--min-count", type=int, default=2, help="drop features seen fewer times")
    args = parser.parse_args(argv)

    console = Console()
    records = bench.load_records("train")
    nlp = load_pipeline(DEFAULT_SPACY_MODEL)
    docs, _ = bench.parse_all(nlp, records, args.cache)
    # candidates come from the rules as they stand, open cues included, whatever the
    # packaged scorer says
    data = harvest(records, docs)
    feats, labels, opens, groups, gold = data["feats"], data["labels"], data["opens"], data["groups"], data["gold"]
    fixed_m, fixed_p = data["fixed"]
    counts: dict[str, int] = {}
    for f in feats:
        for k in f:
            counts[k] = counts.get(k, 0) + 1
    feats = [{k: v for k, v in f.items() if counts[k] >= args.min_count} for f in feats]
    vec = DictVectorizer()
    x = vec.fit_transform(feats)
    y = np.array(labels)
    is_open = np.array(opens)
    model = LogisticRegression(C=args.c, max_iter=2000)
    prob = cross_val_predict(model, x, y, groups=groups, cv=GroupKFold(n_splits=5), method="predict_proba")[:, 1]
    f1, t_lex, t_open = choose(prob, y, is_open, gold, (fixed_m, fixed_p))
    keep_all_lex = (~is_open)
    base_f1 = 2 * (int(y[keep_all_lex].sum()) + fixed_m) / (int(keep_all_lex.sum()) + fixed_p + gold)

    table = Table(title=f"Quotes scorer, 5-fold by article on PolNeAR train ({len(records)} articles)")
    for col in ("candidates", "positives", "open candidates", "open positives", "features",
                "rules-only F1", "scored F1", "threshold lexicon", "threshold open"):
        table.add_column(col, justify="right")
    table.add_row(str(len(y)), str(int(y.sum())), str(int(is_open.sum())), str(int(y[is_open].sum())),
                  str(x.shape[1]), f"{base_f1:.3f}", f"{f1:.3f}", f"{t_lex:.3f}", f"{t_open:.3f}")
    console.print(table)

    model.fit(x, y)
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)
               if abs(w) >= 1e-4}
    payload = {
        "about": ("Weights of the quotes scorer (counterpoint/quotes/scorer.py): a logistic regression "
                  "over symbolic features of candidate attributions, trained by "
                  "benchmarks/train_quotes_scorer.py on PolNeAR train minus its held-out fifth "
                  f"({len(records)} articles, {len(y)} candidates). No text from the corpus is stored: "
                  "only feature names (syntax labels, cue lemmas, speaker word classes) and numbers. "
                  f"C={args.c}, min count {args.min_count}; thresholds chosen on 5-fold out-of-fold "
                  f"scores (F1 over all gold attributions {f1:.3f}, rules alone {base_f1:.3f})."),
        "bias": round(float(model.intercept_[0]), 4),
        "threshold_lexicon": t_lex,
        "threshold_open": t_open,
        "weights": dict(sorted(weights.items())),
    }
    args.out.write_text(json.dumps(payload, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    console.print(f"wrote {args.out} ({len(weights)} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
