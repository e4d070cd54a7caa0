"""Run the rules over a text: collect candidates, keep the longest non-overlapping ones,
join a date with its part of day, then fill in values that depend on other expressions."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from counterpoint.timex import calendar as cal
from counterpoint.timex.base import Candidate, Resolution, Rule
from counterpoint.timex.context import Context
from counterpoint.timex.rules_calendar import CALENDAR_RULES
from counterpoint.timex.rules_relative import RELATIVE_RULES

__all__ = ["ALL_RULES", "tag"]

ALL_RULES: tuple[Rule, ...] = CALENDAR_RULES + RELATIVE_RULES

_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})")
_POD_SUFFIX = re.compile(
    r",?\s+(?:at\s+(?P<night>night)|in\s+the\s+(?P<pod>morning|afternoon|evening|night))\b", re.I
)
_POD_PREFIX = re.compile(r"(?:\bthe\s+)?\b(?P<pod>morning|afternoon|evening|night)\s+of\s+$", re.I)
_EVE = re.compile(r"(?<!\w)(?:the\s+)?eve\s+of\s+", re.I)
_EVE_GAP = re.compile(r"^[^.;!?\n]{0,60}$")
_POD_CODES = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI"}


@dataclass(frozen=True)
class Tagged:
    """A chosen span with its resolution, before conversion to the model record."""

    start: int
    end: int
    resolution: Resolution


def _candidates(ctx: Context) -> list[Candidate]:
    found = []
    for rank, rule in enumerate(ALL_RULES):
        for m in rule.pattern.finditer(ctx.text):
            resolution = rule.handler(m, ctx)
            if resolution is None:
                continue
            span = m.span("span") if "span" in rule.pattern.groupindex else m.span()
            found.append(Candidate(span[0], span[1], resolution, rank))
    return found


def _select(candidates: list[Candidate]) -> list[Tagged]:
    """Longest first; among equal lengths the earlier rule wins."""
    chosen: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.rank, c.start)):
        if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
            chosen.append(cand)
    return sorted((Tagged(c.start, c.end, c.resolution) for c in chosen), key=lambda t: t.start)


def _is_day(item: Tagged) -> bool:
    res = item.resolution
    return res.pending == "none" and res.type in {"DATE", "TIME"} and bool(_DAY.match(res.value))


def _with_part_of_day(item: Tagged, start: int, end: int, code: str) -> Tagged:
    day = _DAY.match(item.resolution.value)
    value = (day.group(1) if day else item.resolution.value) + code
    return Tagged(start, end, replace(item.resolution, type="TIME", value=value))


def _merge_parts_of_day(items: list[Tagged], text: str) -> list[Tagged]:
    """ "May 3 at night" and "the night of May 2" become one expression."""
    out: list[Tagged] = []
    for item in items:
        if out and item.start < out[-1].end:
            continue
        if _is_day(item) and "T" not in item.resolution.value:
            suffix = _POD_SUFFIX.match(text, item.end)
            prefix = _POD_PREFIX.search(text[max(0, item.start - 30) : item.start])
            if suffix:
                word = (suffix["night"] or suffix["pod"]).lower()
                item = _with_part_of_day(item, item.start, suffix.end(), _POD_CODES[word])
            elif prefix:
                start = item.start - len(prefix.group(0))
                code = _POD_CODES[prefix["pod"].lower()]
                item = _with_part_of_day(item, start, item.end, code)
        while out and out[-1].end > item.start:
            out.pop()
        out.append(item)
    return out


_AFTER_TIME = re.compile(r",?\s+(?:on\s+)?$")


def _merge_time_and_day(items: list[Tagged], text: str) -> list[Tagged]:
    """ "9 a.m. Tuesday", "5 p.m. EST, Nov. 9": a clock time followed by its day is one time."""
    out: list[Tagged] = []
    for item in items:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.resolution.pending == "time"
            and _is_day(item)
            and "T" not in item.resolution.value
            and _AFTER_TIME.match(text[prev.end : item.start])
        ):
            value = item.resolution.value + prev.resolution.value
            out[-1] = Tagged(
                prev.start, item.end, replace(item.resolution, type="TIME", value=value)
            )
            continue
        out.append(item)
    return out


def _eves(items: list[Tagged], text: str) -> list[Tagged]:
    """ "the eve of the parade on May 9": the day before the next date in the clause."""
    out = list(items)
    for m in _EVE.finditer(text):
        if any(t.start <= m.start() < t.end for t in out):
            continue
        target = next((t for t in out if t.start >= m.end()), None)
        if (
            target is None
            or not _is_day(target)
            or not _EVE_GAP.match(text[m.end() : target.start])
        ):
            continue
        day = dt.date.fromisoformat(target.resolution.value[:10]) - dt.timedelta(days=1)
        words = re.sub(r"[\s,]*(?:\b(?:on|in|at|of)\s*)?$", "", text[m.end() : target.start])
        if not words.strip():
            out.remove(target)
            end = target.end
        else:
            end = m.end() + len(words.rstrip())
        res = replace(target.resolution, value=day.isoformat() + target.resolution.value[10:])
        out.append(Tagged(m.start(), end, res))
    return sorted(out, key=lambda t: t.start)


def _sentence_day(item: Tagged, done: list[Tagged], ctx: Context) -> str | None:
    """The day of the nearest dated expression in the same sentence (preceding first)."""
    s_start, s_end = ctx.sentence(item.start)
    same = [t for t in done if s_start <= t.start < s_end and t is not item and _is_day(t)]
    if not same:
        return None
    best = min(same, key=lambda t: (abs(t.start - item.start), t.start > item.start))
    return _day_for_time(item, best)


def _day_for_time(item: Tagged, best: Tagged) -> str:
    """The day of ``best``, or the next day for an early-morning time after a night."""
    value = best.resolution.value
    day = dt.date.fromisoformat(value[:10])
    hour = item.resolution.value[1:3]
    if value.endswith("TNI") and hour.isdigit() and int(hour) < 6:
        day += dt.timedelta(days=1)
    return day.isoformat()


_DATED = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-Q(\d))?(?:$|T)")
_ANAPHOR_REACH = 600  # characters back to the date a "that year" may refer to


def _unit_anaphor_value(res: Resolution, item: Tagged, last: Tagged | None) -> str:
    """ "that year" after "in 1995" is 1995, "the following month" after March is April;
    without a date shortly before, the anchor-based value the rule computed."""
    spec, _, fallback = res.value.partition("|")
    m = _DATED.match(last.resolution.value) if last else None
    if last is None or m is None or item.start - last.end > _ANAPHOR_REACH:
        return fallback
    offset, code = int(spec[:-1]), spec[-1]
    year, month, day, quarter = m.groups()
    if code == "Y":
        return f"{int(year) + offset:04d}"
    if code == "M" and month:
        base = dt.date(int(year), int(month), 1)
        return cal.month_value(cal.shift(base, offset, "M"))
    if code == "Q" and (month or quarter):
        q = int(quarter) if quarter else (int(month) - 1) // 3 + 1
        base = dt.date(int(year), 3 * q - 2, 1)
        shifted = cal.shift(base, offset, "Q")
        return f"{shifted.year:04d}-Q{cal.quarter_of(shifted)}"
    return fallback


def _resolve_pending(items: list[Tagged], ctx: Context) -> list[Tagged]:
    out: list[Tagged] = []
    last_day: str | None = None
    last_dated: Tagged | None = None
    for item in items:
        res = item.resolution
        if res.pending == "unit_anaphor":
            value = _unit_anaphor_value(res, item, last_dated)
            relative = last_dated is None or value == res.value.partition("|")[2]
            relative = relative or (last_dated is not None and last_dated.resolution.relative)
            res = replace(res, value=value, pending="none", relative=relative)
        elif res.pending == "anaphor":
            offset, _, pod = res.value.partition("T")
            base = dt.date.fromisoformat(last_day) if last_day else ctx.ref
            value = (base + dt.timedelta(days=int(offset))).isoformat() + (f"T{pod}" if pod else "")
            res = replace(res, value=value, pending="none", type="TIME" if pod else "DATE")
        elif res.pending in {"time", "part_of_day"}:
            res = replace(res, value=_pending_day(item, items, ctx) + res.value, pending="none")
        item = Tagged(item.start, item.end, res)
        if _is_day(item):
            last_day = res.value[:10]
        if res.type in {"DATE", "TIME"} and _DATED.match(res.value):
            last_dated = item
        out.append(item)
    return out


def _pending_day(item: Tagged, items: list[Tagged], ctx: Context) -> str:
    day = _sentence_day(item, items, ctx)
    if day:
        return day
    earlier = [t for t in items if t.end <= item.start and _is_day(t)]
    if item.resolution.pending == "time" and earlier:
        return _day_for_time(item, earlier[-1])  # the story's last-mentioned day
    if item.resolution.value == "TNI" and ctx.tense(item.start, item.end) != "future":
        return (ctx.ref - dt.timedelta(days=1)).isoformat()
    return ctx.ref.isoformat()


def tag(ctx: Context) -> list[Tagged]:
    """All time expressions in ``ctx.text`` with final values (anchor masking aside)."""
    items = _select(_candidates(ctx))
    items = _merge_parts_of_day(items, ctx.text)
    items = _merge_time_and_day(items, ctx.text)
    items = _eves(items, ctx.text)
    return _resolve_pending(items, ctx)


def final_value(res: Resolution, ctx: Context) -> str:
    """The value to publish: anchor-derived digits masked when there is no anchor."""
    if ctx.anchor is None and res.relative:
        return cal.mask_value(res.value, res.mask)
    return res.value
