"""The shared shapes of the rule engine: a rule, what it resolves to, a candidate span."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from counterpoint.timex.context import Context

__all__ = ["Resolution", "Candidate", "Rule", "Pending", "TimexType", "Handler"]

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Pending = Literal["none", "time", "part_of_day", "anaphor", "unit_anaphor"]


@dataclass(frozen=True)
class Resolution:
    """A rule's reading of a match.

    ``relative`` says the value was computed from the anchor; ``mask`` which digits to
    hide when there is no anchor. ``pending`` marks values completed after all spans are
    known: a clock time or part of day still needs its day (``value`` holds ``T02:30``
    or ``TNI``), an anaphor ("the next day") holds its day offset from the last date, a
    unit anaphor ("that year", "the following month") its offset and unit (``+1M``) from
    the last dated expression, with ``value`` after ``|`` as the anchor-based fallback.
    """

    type: TimexType
    value: str
    relative: bool = False
    mask: Literal["all", "year"] = "all"
    pending: Pending = "none"


@dataclass(frozen=True)
class Candidate:
    """A matched span with its resolution; ``rank`` breaks ties between equal lengths."""

    start: int
    end: int
    resolution: Resolution
    rank: int


Handler = Callable[[re.Match[str], Context], Resolution | None]


@dataclass(frozen=True)
class Rule:
    """A named pattern and the function that turns its match into a value."""

    name: str
    pattern: re.Pattern[str]
    handler: Handler
