"""The order of a summary: which claim leads, and the weight of the others.

Part of :mod:`counterpoint.summary`. The lead is the central event as the outlets carry it in
their own voice; the others go by independent origins, dispute, actors and headline words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from counterpoint.model import Article, Claim, Report
from counterpoint.summary.wording import name_key, named, stems

__all__ = ["strong", "importance", "outside_account", "backed_counts", "lead_claim", "own_backing", "story_stems", "BACKING"]

BACKING = ("asserts", "reports")


def strong(claim: Claim) -> bool:
    """Worth telling even when the summary is long enough: disputed, unverified, carried by
    several origins, or held by a named actor."""
    return (claim.status in ("contested", "unverified") or claim.independent_origins > 1
            or any(named(p.name) for p in claim.positions))


#: weight of an outside account of the central event (see :func:`outside_account`)
OUTSIDE_ACCOUNT = 5.0


def importance(claim: Claim, lead_stems: set[str], lead: Claim | None = None,
               backed: Mapping[str, int] | None = None) -> float:
    """Weight of a claim: independent origins first, then dispute, actors and salience; an
    outside account of the central event weighs as much as a dispute."""
    actors = {name_key(p.name) for p in claim.positions}
    dispute = {"contested": 5.0, "unverified": 2.5}.get(claim.status, 0.0)
    outside = OUTSIDE_ACCOUNT if lead is not None and outside_account(
        claim, lead, lead_stems, backed or {}) else 0.0
    return (2.0 * claim.independent_origins + dispute + min(len(actors), 4)
            + 0.5 * _salience(claim, lead_stems) + outside)


def backed_counts(claims: Sequence[Claim]) -> dict[str, int]:
    """How many claims each named actor asserts or relays."""
    counts: dict[str, int] = {}
    for claim in claims:
        for name in {name_key(p.name) for p in claim.positions
                     if p.stance in BACKING and named(p.name)}:
            counts[name] = counts.get(name, 0) + 1
    return counts


def outside_account(
    claim: Claim, lead: Claim, lead_stems: set[str], backed: Mapping[str, int]
) -> bool:
    """A single-source account of the central event that a named actor asserts and who is no
    party to the story (an expert, an institution): "X likely staged this attack" from one
    think tank. It speaks of the central event (two or more of the words the headlines and
    the central claim's reports share); its holder takes no side on the central claim and
    asserts no other claim; a relayed report ("according to a broadcaster") is not an
    account of one's own. A reader must see it even though only one source carries it."""
    if claim is lead or claim.status != "single_source":
        return False
    holders = {name_key(p.name) for p in claim.positions
               if p.stance == "asserts" and named(p.name)}
    if not holders or holders & {name_key(p.name) for p in lead.positions}:
        return False
    if any(backed.get(h, 0) > 1 for h in holders):
        return False
    event = set().union(*(stems(r.text) for r in lead.reports)) & lead_stems
    return any(len(stems(r.text) & event) >= 2 for r in claim.reports
               if r.voice == "attributed" and r.stance == "asserts")


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
