"""The story's timeline: dated events from every outlet on one time axis, and the places
where outlets put the same event at different times.

An event report is a verb in a sentence together with the date or time expression that
hangs from it in the parse ("the drones *attacked* ... *in the night between Tuesday and
Wednesday*"). Reports from different articles are one event when they share content
lemmas and their times are near each other; a group whose reports give disjoint times is
a time discrepancy. Every entry cites the verbatim clause of each report.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from counterpoint.model import Article, Citation, Discrepancy, Side, TimeExpression, TimelineEntry
from counterpoint.timex.lexicon import load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["build_timeline", "interval_of"]

Precision = Literal["minute", "hour", "day", "month", "year"]

_PARTS_OF_DAY = {"MO": (5, 12), "MI": (11, 13), "AF": (12, 18), "EV": (18, 22), "NI": (20, 30),
                 "DT": (6, 18)}  # fmt: skip
_REPORTING = load_lexicon().reporting_verbs
_MAX_HOPS = 6
_NEAR = dt.timedelta(hours=12)
_NEAR_CLOCK = dt.timedelta(hours=2)
_CLOCK_SPAN = dt.timedelta(hours=1)
_DAY = dt.timedelta(days=1)
_TOLERANCE = dt.timedelta(minutes=15)
_CLOCK_TOLERANCE = dt.timedelta(minutes=20)
_MIN_SHARED = 2
_MIN_OVERLAP = 0.3


@dataclass(frozen=True)
class _Report:
    """One article's mention of a dated event."""

    article_id: str
    clause: tuple[int, int]
    text: str
    expression: TimeExpression
    start: dt.datetime
    end: dt.datetime
    precision: Precision
    lemmas: frozenset[str]
    events: frozenset[str]


def interval_of(value: str) -> tuple[dt.datetime, dt.datetime, Precision] | None:
    """The time span a TIMEX3 value covers (end inclusive, to the minute), or ``None``.

    A day runs 00:00-23:59, a night 20:00 to 06:00 the next day, a clock time is its
    minute (or its hour for a round hour). Vague values (``PAST_REF``, ``XXXX``) have none.
    """
    if "X" in value or not re.match(r"\d{4}", value):
        return None
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T(?:(\d{2}):(\d{2})|([A-Z]{2})))?", value)
    try:
        return _day_interval(m) if m else _period_interval(value)
    except ValueError:  # a calendar value that does not exist ("2023-W53", "T24:00")
        return None


def _day_interval(m: re.Match[str]) -> tuple[dt.datetime, dt.datetime, Precision] | None:
    day = dt.datetime(int(m[1]), int(m[2]), int(m[3]))
    if m[4] == "24":  # midnight at the end of the day
        return day + dt.timedelta(days=1), day + dt.timedelta(days=1), "minute"
    if m[4]:
        start = day + dt.timedelta(hours=int(m[4]), minutes=int(m[5]))
        if m[5] == "00":
            return start, start + dt.timedelta(minutes=59), "hour"
        return start, start, "minute"
    if m[6] in _PARTS_OF_DAY:
        first, last = _PARTS_OF_DAY[m[6]]
        start, end = day + dt.timedelta(hours=first), day + dt.timedelta(hours=last)
        return start, end - dt.timedelta(minutes=1), "hour"
    return day, day + dt.timedelta(hours=23, minutes=59), "day"


def _period_interval(value: str) -> tuple[dt.datetime, dt.datetime, Precision] | None:
    year = int(value[:4])
    rest = value[4:]
    if rest == "":
        return dt.datetime(year, 1, 1), dt.datetime(year, 12, 31, 23, 59), "year"
    if m := re.fullmatch(r"-(\d{2})", rest):
        return _months(year, int(m[1]), 1)
    if m := re.fullmatch(r"-Q([1-4])", rest):
        return _months(year, 3 * int(m[1]) - 2, 3)
    if m := re.fullmatch(r"-H([12])", rest):
        return _months(year, 6 * int(m[1]) - 5, 6)
    if m := re.fullmatch(r"-W(\d{2})(-WE)?", rest):
        monday = dt.datetime.fromisocalendar(year, int(m[1]), 1)
        start = monday + dt.timedelta(days=5 if m[2] else 0)
        return start, monday + dt.timedelta(days=6, hours=23, minutes=59), "day"
    return None


def _months(year: int, first: int, count: int) -> tuple[dt.datetime, dt.datetime, Precision]:
    if not 1 <= first <= 12:
        raise ValueError(f"month {first} out of range")
    start = dt.datetime(year, first, 1)
    last_month = first + count
    after = dt.datetime(year + (last_month - 1) // 12, (last_month - 1) % 12 + 1, 1)
    return start, after - dt.timedelta(minutes=1), "month"


# ---------------------------------------------------------------- event reports


def _governing_verb(span: Span) -> tuple[Token, int] | None:
    """The verb a time expression modifies, and how many arcs away it is."""
    token, hops = span.root, 0
    while token.i in range(span.start, span.end) or token.pos_ not in {"VERB", "AUX"}:
        if token.head.i == token.i or hops >= _MAX_HOPS:
            return None
        token, hops = token.head, hops + 1
    return token, hops


def _dated_verbs(article: Article, doc: Doc) -> dict[int, tuple[TimeExpression, tuple]]:
    """For each verb with a date or time hanging from it, the closest, narrowest one."""
    best: dict[int, tuple[tuple[int, dt.timedelta], TimeExpression, tuple]] = {}
    for expr in article.time_expressions:
        interval = interval_of(expr.value) if expr.type in {"DATE", "TIME"} else None
        span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
        found = _governing_verb(span) if interval and span is not None else None
        if found is None or interval is None:
            continue
        verb, hops = found
        rank = (hops, interval[1] - interval[0])
        if verb.i not in best or rank < best[verb.i][0]:
            best[verb.i] = (rank, expr, interval)
    return {i: (expr, interval) for i, (_, expr, interval) in best.items()}


def _clause_tokens(doc: Doc, verb_i: int, others: set[int]) -> set[int]:
    """The verb's subtree without the subtrees of other dated verbs inside it."""
    tokens = {t.i for t in doc[verb_i].subtree}
    for other in others & tokens - {verb_i}:
        tokens -= {t.i for t in doc[other].subtree}
    return tokens


def _clause_span(doc: Doc, verb_i: int, tokens: set[int]) -> tuple[int, int]:
    """The contiguous run of ``tokens`` around the verb, within its paragraph, trimmed of
    edge punctuation, conjunctions and white space."""
    left = right = verb_i
    while left - 1 in tokens and "\n" not in doc[left - 1].text:
        left -= 1
    while right + 1 in tokens and "\n" not in doc[right + 1].text:
        right += 1
    while left < verb_i and (_is_edge(doc[left]) or doc[left].dep_ in {"cc", "mark"}):
        left += 1
    while right > verb_i and (_is_edge(doc[right]) or doc[right].dep_ in {"cc", "mark"}):
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right])


def _is_edge(token: Token) -> bool:
    """Punctuation or white space that should not start or end a description."""
    return token.is_punct or token.is_space or not token.text.strip()


def _content_tokens(doc: Doc, verb_i: int, tokens: set[int]) -> set[int]:
    """Tokens that say what happened: a reporting verb's reported clause is left out
    ("Peskov *told reporters* on Thursday [that ...]"), since that is a different event."""
    verb = doc[verb_i]
    if verb.lemma_.lower() not in _REPORTING:
        return tokens
    reported = {t.i for c in verb.children if c.dep_ in {"ccomp", "parataxis", "xcomp"}
                for t in c.subtree}  # fmt: skip
    return tokens - reported


def _content_lemmas(
    doc: Doc, tokens: set[int], skip: Sequence[TimeExpression]
) -> tuple[frozenset[str], frozenset[str]]:
    """Lower-cased lemmas of content words (leaving out time words and reporting verbs),
    and the subset of common nouns and verbs: the words that name what happened."""

    def is_time(idx: int) -> bool:
        return any(e.start <= idx < e.end for e in skip)

    kept = [
        doc[i]
        for i in tokens
        if doc[i].pos_ in {"NOUN", "PROPN", "VERB", "ADJ"}
        and doc[i].is_alpha
        and not doc[i].is_stop
        and doc[i].lemma_.lower() not in _REPORTING
        and not is_time(doc[i].idx)
    ]
    lemmas = frozenset(t.lemma_.lower() for t in kept)
    return lemmas, frozenset(t.lemma_.lower() for t in kept if t.pos_ in {"NOUN", "VERB"})


def _reports(article: Article, doc: Doc) -> list[_Report]:
    """The dated event reports of one article."""
    dated = _dated_verbs(article, doc)
    reports = []
    for verb_i, (expr, (start, end, precision)) in sorted(dated.items()):
        tokens = _clause_tokens(doc, verb_i, set(dated))
        content = _content_tokens(doc, verb_i, tokens)
        clause = _clause_span(doc, verb_i, content)
        lemmas, events = _content_lemmas(doc, content, article.time_expressions)
        text = article.text[clause[0] : clause[1]]
        reports.append(
            _Report(article.id, clause, text, expr, start, end, precision, lemmas, events)
        )
    return reports


# ---------------------------------------------------------------- grouping


def _gap(a: _Report, b: _Report) -> dt.timedelta:
    """Time between two reports' intervals (zero when they overlap)."""
    return max(dt.timedelta(0), max(a.start, b.start) - min(a.end, b.end))


def _near(a: _Report, b: _Report) -> bool:
    """Close enough in time to be one event: within 2 hours when both give a clock time,
    the same day when both name a day, within 12 hours otherwise (a night and a day)."""
    clock = a.end - a.start <= _CLOCK_SPAN and b.end - b.start <= _CLOCK_SPAN
    if a.precision == b.precision == "day" and a.end - a.start < _DAY:
        return _gap(a, b) == dt.timedelta(0)  # two named days: the same day or not at all
    return _gap(a, b) <= (_NEAR_CLOCK if clock else _NEAR)


def _similarity(a: _Report, b: _Report) -> float:
    """Shared content lemmas over the smaller set; 0 below the minimum shared count or
    when no common noun or verb is shared (names alone do not make the same event)."""
    shared = len(a.lemmas & b.lemmas)
    if shared < _MIN_SHARED or not a.events & b.events:
        return 0.0
    return shared / min(len(a.lemmas), len(b.lemmas))


def _group(reports: list[_Report]) -> list[list[_Report]]:
    """Groups of reports of one event.

    Pairs that share enough content words are joined most similar first, and two groups
    merge only when every report of one is near in time to every report of the other,
    so a chain of loosely related reports cannot drag distant moments into one event.
    """
    pairs = sorted(
        (-sim, i, j)
        for i, a in enumerate(reports)
        for j in range(i + 1, len(reports))
        if (sim := _similarity(a, reports[j])) >= _MIN_OVERLAP and _near(a, reports[j])
    )
    group_of = {i: [i] for i in range(len(reports))}
    for _, i, j in pairs:
        gi, gj = group_of[i], group_of[j]
        if gi is gj or not all(_near(reports[x], reports[y]) for x in gi for y in gj):
            continue
        gi.extend(gj)
        for member in gj:
            group_of[member] = gi
    unique = {id(g): sorted(g) for g in group_of.values()}
    return [[reports[i] for i in g] for g in sorted(unique.values())]


# ---------------------------------------------------------------- output


def _iso(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M")


def _entry(group: list[_Report]) -> TimelineEntry:
    """One timeline entry: the most precise report's time and words, citing every report."""
    best = min(group, key=lambda r: r.end - r.start)
    citations = tuple(dict.fromkeys(Citation(r.article_id, *r.clause) for r in group))
    return TimelineEntry(_iso(best.start), _iso(best.end), best.precision, best.text, citations)


def _conflicts(a: _Report, b: _Report) -> bool:
    """Different articles giving different times: two clock times more than 20 minutes
    apart ("around 2:30 a.m." and "shortly after 3 a.m."), or spans that do not meet."""
    if a.article_id == b.article_id:
        return False
    if a.end - a.start <= _CLOCK_SPAN and b.end - b.start <= _CLOCK_SPAN:
        return abs(a.start - b.start) > _CLOCK_TOLERANCE
    return _gap(a, b) > _TOLERANCE


def _discrepancy(group: list[_Report], names: Mapping[str, str]) -> Discrepancy | None:
    """A time discrepancy when reports of one event from different articles do not overlap."""
    involved = [r for r in group if any(_conflicts(r, o) for o in group)]
    if not involved:
        return None
    sides = tuple(
        dict.fromkeys(
            Side(r.article_id, r.expression.start, r.expression.end, r.expression.text)
            for r in involved
        )
    )
    placed = "; ".join(
        f"{names[r.article_id]} says \u201c{r.expression.text}\u201d ({r.expression.value})"
        for r in involved
    )
    description = f"Outlets place \u201c{involved[0].text}\u201d at different times: {placed}."
    return Discrepancy("time", description, sides)


def build_timeline(
    articles: Sequence[Article], docs: Mapping[str, Doc]
) -> tuple[tuple[TimelineEntry, ...], tuple[Discrepancy, ...]]:
    """The story's dated events sorted by time, and the time discrepancies between outlets.

    ``articles`` carry their ``time_expressions``; ``docs`` maps article id to the spaCy
    parse of its text. Articles without a parse (or whose parse is of another text) are
    skipped, since offsets could not be trusted.
    """
    parsed = [a for a in articles if a.id in docs and docs[a.id].text == a.text]
    reports = [r for a in parsed for r in _reports(a, docs[a.id])]
    groups = _group(reports)
    names = {a.id: a.outlet or a.id for a in articles}
    entries = sorted((_entry(g) for g in groups), key=lambda e: (e.start, e.end, e.text))
    found = (_discrepancy(g, names) for g in groups)
    return tuple(entries), tuple(d for d in found if d is not None)
