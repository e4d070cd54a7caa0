"""Calendar arithmetic for TIMEX3 values: shifting by units, picking a year or weekday.

Everything here is a pure function of an anchor date, so the same text with the
same publication date always gets the same values.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

__all__ = [
    "Tense",
    "day_value",
    "month_value",
    "week_value",
    "quarter_of",
    "shift",
    "weekday_near",
    "year_for_month_day",
    "year_for_month",
    "year_for_quarter",
    "nth_weekday",
    "easter_offset",
    "mask_value",
]

Tense = Literal["past", "future", "neutral"]

TENSE_PENALTY = 2


def day_value(day: dt.date) -> str:
    """``YYYY-MM-DD``."""
    return day.isoformat()


def month_value(day: dt.date) -> str:
    """``YYYY-MM`` of the month holding ``day``."""
    return f"{day.year:04d}-{day.month:02d}"


def week_value(day: dt.date) -> str:
    """ISO week ``YYYY-Www`` holding ``day``."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(day: dt.date) -> int:
    """Calendar quarter 1-4 of ``day``."""
    return (day.month - 1) // 3 + 1


def shift(day: dt.date, amount: int, unit: str) -> dt.date:
    """``day`` moved by ``amount`` units (D, W, M, Y, Q, E for decade)."""
    step = {
        "D": relativedelta(days=1),
        "W": relativedelta(weeks=1),
        "WE": relativedelta(weeks=1),
        "M": relativedelta(months=1),
        "Q": relativedelta(months=3),
        "Y": relativedelta(years=1),
        "E": relativedelta(years=10),
        "C": relativedelta(years=100),
    }[unit]
    return day + step * amount


def weekday_near(anchor: dt.date, weekday: int, tense: Tense, strict: bool = False) -> dt.date:
    """The weekday (ISO 1-7) a bare weekday name means in news text.

    Past or neutral context: the latest such day on or before ``anchor``; future
    context: the first on or after it. ``strict`` excludes the anchor itself
    ("last Friday", "next Friday").
    """
    diff = (anchor.isoweekday() - weekday) % 7
    if tense == "future":
        ahead = (weekday - anchor.isoweekday()) % 7
        if strict and ahead == 0:
            ahead = 7
        return anchor + dt.timedelta(days=ahead)
    if strict and diff == 0:
        diff = 7
    return anchor - dt.timedelta(days=diff)


def year_for_month_day(anchor: dt.date, month: int, day: int, tense: Tense) -> int:
    """The year of "May 9" without a year: the occurrence nearest the anchor.

    Tense tips the balance: in past-tense reporting a later date counts as twice as
    far away, in future-tense text an earlier one does. So "the parade on May 9" in
    an article of May 3 stays in the same year, "Aug. 6" in a February report of
    past events is last year's, and "Feb. 1" announced in October is next year's.
    """
    best_year, best_cost = anchor.year, float("inf")
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            gap = (dt.date(year, month, min(day, 28 if month == 2 else day)) - anchor).days
        except ValueError:
            continue
        cost = abs(gap) * (
            TENSE_PENALTY
            if (gap > 0) == (tense == "past") and tense != "neutral" and gap != 0
            else 1
        )
        if cost < best_cost:
            best_year, best_cost = year, cost
    return best_year


def year_for_month(anchor: dt.date, month: int, tense: Tense) -> int:
    """The year of a bare month name, by the rule of :func:`year_for_month_day`."""
    if month == anchor.month:
        return anchor.year
    return year_for_month_day(anchor, month, 15, tense)


def year_for_quarter(anchor: dt.date, quarter: int, tense: Tense) -> int:
    """The year of "the third quarter": last year's when it has not begun yet in past-tense text."""
    if tense == "past" and quarter > quarter_of(anchor):
        return anchor.year - 1
    return anchor.year


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The ``nth`` ISO ``weekday`` of a month (negative ``nth`` counts from the end)."""
    if nth > 0:
        first = dt.date(year, month, 1)
        offset = (weekday - first.isoweekday()) % 7
        return first + dt.timedelta(days=offset + 7 * (nth - 1))
    last = dt.date(year, month, 1) + relativedelta(months=1, days=-1)
    offset = (last.isoweekday() - weekday) % 7
    return last - dt.timedelta(days=offset + 7 * (-nth - 1))


def easter_offset(year: int, days: int) -> dt.date:
    """A day given relative to (Western) Easter Sunday."""
    return easter(year) + dt.timedelta(days=days)


def mask_value(value: str, scope: Literal["all", "year"]) -> str:
    """Replace anchor-derived digits with X, as TIMEX3 does when no anchor is known.

    ``all`` masks the whole calendar part (``2023-W18`` -> ``XXXX-WXX``), ``year``
    only the first four digits (``2023-05-09`` -> ``XXXX-05-09``). Times of day stay.
    """
    if value.endswith("_REF") or value.startswith("P"):
        return value
    date_part, sep, time_part = value.partition("T")
    if scope == "year":
        masked = "XXXX" + date_part[4:]
    else:
        masked = "".join("X" if ch.isdigit() else ch for ch in date_part)
    return masked + sep + time_part
