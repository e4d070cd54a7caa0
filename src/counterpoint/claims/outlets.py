"""What a claim's reports add up to: positions per actor, outlets, independence, status."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

from counterpoint.model import ClaimOutlets, Position, Report, ReportStance, Source

__all__ = ["actors_of", "positions_of", "outlets_of", "origins_of", "status_of", "origin_map", "carriers_of"]

Status = Literal["contested", "unverified", "single_source", "consensus"]
AGAINST: frozenset[str] = frozenset({"denies", "disputes"})
STANCE_ORDER: tuple[ReportStance, ...] = (
    "asserts", "denies", "disputes", "cannot_confirm", "reports",
)


def origin_map(article_ids: Sequence[str], copies: Sequence[Sequence[str]]) -> dict[str, str]:
    """Article id -> origin id: articles of one copies group share the group's first id."""
    origin = {a: a for a in article_ids}
    for group in copies:
        members = sorted(group)
        for member in members:
            origin[member] = members[0]
    return origin


def actor_key(report: Report) -> str | None:
    """Who a report belongs to: the source entity (or name); ``None`` for the reporter."""
    if report.voice == "own" or report.source is None:
        return None
    return report.source.entity_id or (report.source.name or "").lower() or None


def actors_of(report: Report) -> list[tuple[str, Source]]:
    """Each actor a report speaks for, keyed like :func:`actor_key`: its source, or each of
    the sources who speak together ("Both Putin and Zelensky denied ..."); none for the
    reporter's own voice."""
    if report.voice == "own" or report.source is None:
        return []
    out: list[tuple[str, Source]] = []
    for source in report.source.members or (report.source,):
        key = source.entity_id or (source.name or "").lower()
        if key and all(key != k for k, _ in out):
            out.append((key, source))
    return out


def positions_of(reports: Sequence[Report]) -> tuple[Position, ...]:
    """One position per (actor, stance), listing the indices of the reports that show it;
    speakers who speak together each hold the position."""
    found: dict[tuple[str, ReportStance], list[int]] = {}
    names: dict[str, tuple[str | None, str]] = {}
    for i, report in enumerate(reports):
        for key, source in actors_of(report):
            names.setdefault(key, (source.entity_id, source.name or key))
            found.setdefault((key, report.stance), []).append(i)
    ordered = sorted(found.items(), key=lambda kv: (kv[1][0], STANCE_ORDER.index(kv[0][1])))
    return tuple(
        Position(names[key][0], names[key][1], stance, tuple(idx))
        for (key, stance), idx in ordered
    )


def outlets_of(reports: Sequence[Report], story_articles: Sequence[str]) -> ClaimOutlets:
    """Which articles state, attribute, hedge, dispute or leave out the claim."""
    own = {r.article_id for r in reports if r.voice == "own" and r.stance == "asserts"}
    attributed = {r.article_id for r in reports if r.voice == "attributed"}
    hedged = {r.article_id for r in reports if r.hedges or (r.voice == "own" and r.stance == "reports")}
    disputing = {
        r.article_id for r in reports
        if r.voice == "own" and r.stance in ("denies", "disputes", "cannot_confirm")
    }
    present = {r.article_id for r in reports}
    order = {a: i for i, a in enumerate(story_articles)}

    def ordered(ids: set[str]) -> tuple[str, ...]:
        return tuple(sorted(ids, key=lambda a: order.get(a, len(order))))

    return ClaimOutlets(
        own_voice=ordered(own), attributed=ordered(attributed), hedged=ordered(hedged),
        disputing=ordered(disputing),
        omitting=tuple(a for a in story_articles if a not in present),
    )


def origins_of(reports: Sequence[Report], origin: Mapping[str, str]) -> tuple[int, int]:
    """(outlet_count, independent_origins): distinct articles, and distinct copy origins."""
    articles = {r.article_id for r in reports}
    return len(articles), len({origin.get(a, a) for a in articles})


def carriers_of(reports: Sequence[Report], origin: Mapping[str, str]) -> set[str]:
    """Who carries a claim: each attributed actor, and each origin stating it in its own voice."""
    carriers: set[str] = set()
    for report in reports:
        keys = [key for key, _ in actors_of(report)]
        carriers.update(f"actor:{key}" for key in keys)
        if not keys:
            carriers.add(f"origin:{origin.get(report.article_id)}")
    return carriers


def status_of(reports: Sequence[Report], origin: Mapping[str, str]) -> Status:
    """contested > unverified > single_source > consensus, from the reports' stances.

    Contested when anyone denies or disputes; unverified when someone says it cannot be
    confirmed; single_source when it rests on one actor in one origin (one outlet or one group
    of copies). A statement of one actor that independent outlets carry without anyone
    disputing it is consensus: every outlet that mentions it agrees. A claim made only of
    disputes ("targeting the Kremlin made no sense") is the disputer's own argument, worded
    in the disputer's words: nobody contests it, so it is told like an assertion.
    """
    stances = {r.stance for r in reports}
    if stances == {"disputes"}:
        stances = {"asserts"}
    if stances & AGAINST:
        return "contested"
    if "cannot_confirm" in stances:
        return "unverified"
    backing = [r for r in reports if r.stance in ("asserts", "reports")] or list(reports)
    origins = {origin.get(r.article_id, r.article_id) for r in backing}
    if len(origins) <= 1:
        return "single_source"
    return "consensus"
