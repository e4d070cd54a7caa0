"""Copies of one text: articles that share long verbatim passages (wire copy, syndication).

MinHash over word shingles finds candidate pairs quickly (datasketch LSH); each
candidate is then confirmed by exact containment, the share of the smaller
article's shingles that the other article also has. Confirmed pairs are joined
into groups, which later stages count as one independent origin.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from datasketch import MinHash, MinHashLSH

from counterpoint.model import Article

__all__ = ["shingles", "containment", "find_copies"]

SHINGLE_WORDS = 5
NUM_PERM = 128
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE_WORDS) -> frozenset[str]:
    """Overlapping runs of ``size`` lower-cased words."""
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller set found in the larger one (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _minhash(items: frozenset[str]) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, seed=1)
    for item in sorted(items):
        m.update(item.encode("utf-8"))
    return m


def _candidate_pairs(sets: dict[str, frozenset[str]]) -> set[tuple[str, str]]:
    lsh = MinHashLSH(threshold=0.2, num_perm=NUM_PERM)
    hashes = {aid: _minhash(s) for aid, s in sets.items() if s}
    for aid, m in hashes.items():
        lsh.insert(aid, m)
    pairs: set[tuple[str, str]] = set()
    for aid, m in hashes.items():
        for other in lsh.query(m):
            if other != aid:
                pairs.add((min(aid, other), max(aid, other)))
    return pairs


def find_copies(articles: Sequence[Article], threshold: float = 0.5) -> tuple[tuple[str, ...], ...]:
    """Groups (of two or more article ids, sorted) whose texts are copies of one another."""
    sets = {a.id: shingles(a.text) for a in articles}
    parent = {aid: aid for aid in sets}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in sorted(_candidate_pairs(sets)):
        if containment(sets[a], sets[b]) >= threshold:
            parent[root(a)] = root(b)
    groups: dict[str, list[str]] = {}
    for aid in sorted(sets):
        groups.setdefault(root(aid), []).append(aid)
    return tuple(sorted(tuple(g) for g in groups.values() if len(g) > 1))
