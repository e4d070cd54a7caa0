"""The order of a summary: which claim leads, and the weight of the others.

Part of :mod:`counterpoint.summary`. The lead is the central event as the outlets carry it in
their own voice; the others go by independent origins, dispute, actors and headline words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from counterpoint.model import Article, Claim, Report
from counterpoint.summary.wording import name_key, named, stems

__all__ = ["strong", "importance", "lead_claim", "own_backing", "story_stems", "BACKING"]

BACKING = ("asserts", "reports")


def strong(claim: Claim) -> bool:
    """Worth telling even when the summary is long enough: disputed, unverified, carried by
    several origins, or held by a named actor."""
    return (claim.status in ("contested", "unverified") or claim.independent_origins > 1
            or any(named(p.name) for p in claim.positions))


def importance(claim: Claim, lead_stems: set[str]) -> float:
    """Weight of a claim: independent origins first, then dispute, actors and salience."""
    actors = {name_key(p.name) for p in claim.positions}
    dispute = {"contested": 5.0, "unverified": 2.5}.get(claim.status, 0.0)
    return (2.0 * claim.independent_origins + dispute + min(len(actors), 4)
            + 0.5 * _salience(claim, lead_stems))


def lead_claim(
    claims: Sequence[Claim], texts: Mapping[str, str], lead_stems: set[str]
) -> Claim | None:
    """The central event: carried in the outlets' own voice, early in the articles, with the
    words the titles and article openings share; else the weightiest claim."""
    carried = [c for c in claims if own_backing(c)]
    if not carried:
        return max(claims, key=lambda c: (importance(c, lead_stems), c.id))

    def score(claim: Claim) -> float:
        own = own_backing(claim)
        early = {r.article_id for r in own
                 if r.start < max(400, len(texts[r.article_id]) // 8)}
        return (_salience(claim, lead_stems) + 2.0 * len(early) + _origins(own)
                + 0.5 * claim.independent_origins)

    return max(carried, key=lambda c: (score(c), c.id))


def own_backing(claim: Claim) -> list[Report]:
    return [r for r in claim.reports if r.voice == "own" and r.stance in BACKING]


def _origins(reports: Sequence[Report]) -> int:
    """Outlets carrying these reports; word-for-word copies count once."""
    return len({re.sub(r"\W+", " ", r.text.casefold()).strip() for r in reports})


def _salience(claim: Claim, lead_stems: set[str]) -> float:
    """How many of the words that several titles and openings share the claim's best report
    has: the story's central event is in its headlines."""
    best = 0
    for report in claim.reports:
        best = max(best, len(stems(report.text) & lead_stems))
    return float(min(best, 5))


def story_stems(articles: Sequence[Article]) -> set[str]:
    """Stems found in the title or opening of at least two articles."""
    counts: dict[str, int] = {}
    for article in articles:
        for stem in stems(f"{article.title or ''} {article.text[:300]}"):
            counts[stem] = counts.get(stem, 0) + 1
    return {s for s, n in counts.items() if n >= 2}
