"""Stories: articles grouped by what they report.

The similarity is simple and explainable: the cosine similarity of sentence
embeddings of each article's title and opening, clustered by average linkage
with a fixed threshold. Copies of one text always land in the same story. The
stage is replaceable: anything that maps articles to groups of ids will do.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from counterpoint.model import Article, make_id

__all__ = ["story_text", "group_stories", "story_id", "story_title"]

OPENING_CHARS = 1200


def story_text(article: Article) -> str:
    """What an article is about, for grouping: its title and opening."""
    head = article.text[:OPENING_CHARS]
    return f"{article.title}. {head}" if article.title else head


def group_stories(
    articles: Sequence[Article],
    vectors: Mapping[str, np.ndarray],
    copies: Sequence[Sequence[str]] = (),
    threshold: float = 0.55,
) -> tuple[tuple[str, ...], ...]:
    """Groups of article ids (sorted) whose average similarity is at least ``threshold``."""
    ids = sorted(a.id for a in articles)
    if len(ids) < 2:
        return tuple((i,) for i in ids)
    from sklearn.cluster import AgglomerativeClustering

    matrix = np.stack([vectors[i] for i in ids])
    distance = np.clip(1.0 - matrix @ matrix.T, 0.0, 2.0)
    for group in copies:
        members = [ids.index(i) for i in group if i in ids]
        for x in members:
            for y in members:
                distance[x, y] = 0.0
    labels = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average",
        distance_threshold=1.0 - threshold,
    ).fit_predict(distance)
    groups: dict[int, list[str]] = {}
    for aid, label in zip(ids, labels):
        groups.setdefault(int(label), []).append(aid)
    return tuple(sorted(tuple(g) for g in groups.values()))


def story_id(article_ids: Sequence[str]) -> str:
    return make_id("s", *sorted(article_ids))


def story_title(articles: Sequence[Article], vectors: Mapping[str, np.ndarray]) -> str:
    """The title of the article nearest the story's centre (its first line if untitled)."""
    ordered = sorted(articles, key=lambda a: a.id)
    matrix = np.stack([vectors[a.id] for a in ordered])
    centre = matrix.mean(axis=0)
    best = ordered[int(np.argmax(matrix @ centre))]
    titled = [a for a in ordered if a.title]
    if best.title:
        return best.title
    if titled:
        return titled[0].title or ""
    first = best.text.strip().split("\n", 1)[0]
    return first if len(first) <= 120 else first[:117].rsplit(" ", 1)[0] + "…"
