"""Story grouping scored against ECB+ event clusters (B-cubed over documents).

Usage: python benchmarks/stories.py [PATH_TO_JSONL]

Prints B-cubed precision, recall and F1 of ``counterpoint.stories.group_stories``
at several thresholds, beside a TF-IDF baseline clustered the same way and the
trivial one-story-per-topic-free baselines (all in one, each alone), in one run.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "ecbplus" / "dev.jsonl"


def bcubed(pred: dict[str, int], gold: dict[str, str]) -> tuple[float, float, float]:
    by_pred: dict[int, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for doc, label in pred.items():
        by_pred[label].add(doc)
    for doc, label in gold.items():
        by_gold[label].add(doc)
    p = r = 0.0
    for doc in gold:
        same_pred, same_gold = by_pred[pred[doc]], by_gold[gold[doc]]
        both = len(same_pred & same_gold)
        p += both / len(same_pred)
        r += both / len(same_gold)
    p, r = p / len(gold), r / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def labels_from_groups(groups: Sequence[Sequence[str]]) -> dict[str, int]:
    return {doc: n for n, group in enumerate(groups) for doc in group}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    args = parser.parse_args()

    from sklearn.feature_extraction.text import TfidfVectorizer

    from counterpoint.embeddings import load_embedder
    from counterpoint.model import Article
    from counterpoint.stories import group_stories, story_text

    rows = [json.loads(line) for line in args.path.open(encoding="utf-8")]
    articles = [Article(id=r["doc_id"], input_id=r["doc_id"], origin=str(args.path), outlet=None,
                        url=None, title=r.get("title"), authors=(), published=None,
                        language="en", text=r["text"]) for r in rows]
    gold = {r["doc_id"]: r["cluster"] for r in rows}
    texts = [story_text(a) for a in articles]
    embedded = load_embedder("all-MiniLM-L6-v2").encode(texts)
    tfidf = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    tfidf_vectors = np.asarray(tfidf.todense(), dtype=np.float32)
    ids = [a.id for a in articles]

    table = Table(title=f"Story grouping, B-cubed over {len(rows)} documents, "
                        f"{len(set(gold.values()))} gold events ({args.path.name})")
    for col in ("method", "threshold", "stories", "precision", "recall", "F1"):
        table.add_column(col, justify="right" if col != "method" else "left")
    for name, labels in (("baseline: all in one", {d: 0 for d in gold}),
                         ("baseline: each alone", {d: n for n, d in enumerate(gold)})):
        table.add_row(name, "-", str(len(set(labels.values()))),
                      *(f"{x:.3f}" for x in bcubed(labels, gold)))
    for name, matrix in (("baseline: TF-IDF", tfidf_vectors), ("counterpoint (MiniLM)", embedded)):
        vectors = dict(zip(ids, matrix))
        for threshold in (0.15, 0.25, 0.35, 0.45, 0.55, 0.65):
            groups = group_stories(articles, vectors, threshold=threshold)
            table.add_row(name, f"{threshold:.2f}", str(len(groups)),
                          *(f"{x:.3f}" for x in bcubed(labels_from_groups(groups), gold)))
    Console().print(table)


if __name__ == "__main__":
    sys.exit(main())
