"""Hand-built claims for the summary tests: reports found in the text, claims from reports.

The summary is written against the Claim contract, so these build claims the way the claims
stage documents them (positions per actor and stance, outlets, origins, status) without
running it: a test then knows exactly which claims the summary was given.
"""

from __future__ import annotations

from collections.abc import Sequence

from counterpoint.model import (
    Article,
    Claim,
    ClaimOutlets,
    Discrepancy,
    Position,
    Report,
    Side,
    Source,
    make_id,
)


def report(
    article: Article,
    fragment: str,
    *,
    voice: str = "own",
    stance: str = "asserts",
    source: str | None = None,
    hedges: Sequence[str] = (),
) -> Report:
    """A report over the first occurrence of ``fragment`` in the article."""
    start = article.text.index(fragment)
    return Report(
        article_id=article.id, start=start, end=start + len(fragment), text=fragment,
        voice=voice,  # type: ignore[arg-type]
        quote_id=None if voice == "own" else make_id("q", article.id, start),
        source=Source(make_id("e", source), source) if source else None,
        stance=stance,  # type: ignore[arg-type]
        hedges=tuple(hedges),
    )


def claim(text: str, reports: Sequence[Report], story: Sequence[Article]) -> Claim:
    """A claim over ``reports`` with positions, outlets, origins and status as the claims
    stage defines them (every article its own origin)."""
    positions: dict[tuple[str, str], list[int]] = {}
    for i, rep in enumerate(reports):
        if rep.voice == "attributed" and rep.source is not None and rep.source.name:
            positions.setdefault((rep.source.name, rep.stance), []).append(i)
    carrying = sorted({r.article_id for r in reports})
    stances = {r.stance for r in reports}
    backing = {r.article_id for r in reports if r.stance in ("asserts", "reports")}
    status = ("contested" if stances & {"denies", "disputes"} else
              "unverified" if "cannot_confirm" in stances else
              "single_source" if len(backing) <= 1 else "consensus")
    outlets = ClaimOutlets(
        own_voice=tuple(sorted({r.article_id for r in reports
                                if r.voice == "own" and r.stance == "asserts"})),
        attributed=tuple(sorted({r.article_id for r in reports if r.voice == "attributed"})),
        hedged=tuple(sorted({r.article_id for r in reports if r.hedges})),
        disputing=tuple(sorted({r.article_id for r in reports if r.voice == "own"
                                and r.stance in ("denies", "disputes", "cannot_confirm")})),
        omitting=tuple(a.id for a in story if a.id not in carrying),
    )
    return Claim(
        id=make_id("c", *sorted(f"{r.article_id}:{r.start}:{r.end}" for r in reports)),
        text=text, status=status,  # type: ignore[arg-type]
        reports=tuple(reports),
        positions=tuple(
            Position(make_id("e", name), name, stance, tuple(idx))  # type: ignore[arg-type]
            for (name, stance), idx in positions.items()
        ),
        outlets=outlets, outlet_count=len(carrying), independent_origins=len(carrying),
        why_grouped=(),
    )


def side(article: Article, fragment: str) -> Side:
    start = article.text.index(fragment)
    return Side(article.id, start, start + len(fragment), fragment)


def discrepancy(kind: str, description: str, *sides: Side) -> Discrepancy:
    return Discrepancy(kind, description, tuple(sides))  # type: ignore[arg-type]
