"""Temporal expressions: find dates, times, durations and recurrences in a text and
normalise them to TIMEX3 values relative to an anchor (publication or story date).

The rules are regular expressions over words from ``data/timex_lexicon.json``; they need
no parse. See ``docs/time.md`` for what is recognised and how values are chosen.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Literal

from counterpoint.model import TimeExpression
from counterpoint.timex.context import Context
from counterpoint.timex.engine import final_value, tag

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["find_time_expressions", "parse_anchor", "date_printed_near_top"]

_HEAD_CHARS = 400


def find_time_expressions(
    text: str,
    anchor: dt.date | None,
    anchor_kind: Literal["published", "story"] = "published",
    doc: Doc | None = None,
) -> tuple[TimeExpression, ...]:
    """Time expressions in ``text`` with TIMEX3 values computed against ``anchor``.

    ``anchor`` is the publication date (``anchor_kind="published"``) or, when that is
    unknown, the story's date (``"story"``). Without any anchor, relative expressions keep
    X placeholders ("XXXX-XX-XX") and are labelled "story". ``doc``, a parse of ``text``,
    only supplies sentence boundaries. Spans never overlap and are sorted by position.
    """
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    ctx = Context(text, anchor, anchor_kind, doc)
    label: Literal["published", "story"] = anchor_kind if anchor is not None else "story"
    return tuple(
        TimeExpression(
            start=item.start,
            end=item.end,
            text=text[item.start : item.end],
            type=item.resolution.type,
            value=final_value(item.resolution, ctx),
            anchor=label if item.resolution.relative else "absolute",
        )
        for item in tag(ctx)
    )


def parse_anchor(published: str | None) -> dt.date | None:
    """The calendar date of an ISO-8601 publication stamp ("2023-05-04", "2023-05-04T09:30Z")."""
    if not published:
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", published)
    if m is None:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def date_printed_near_top(text: str, head_chars: int = _HEAD_CHARS) -> dt.date | None:
    """A full date printed in the first ``head_chars`` characters (a dateline or date line),
    for articles whose metadata gives no publication date; ``None`` when there is none."""
    for expr in find_time_expressions(text[:head_chars], None):
        if expr.anchor == "absolute" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", expr.value):
            return dt.date.fromisoformat(expr.value)
    return None
