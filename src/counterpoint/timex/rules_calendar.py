"""Rules for expressions that name calendar units: dates, months, years, decades,
quarters, seasons, holidays and clock times."""

from __future__ import annotations

import datetime as dt
import re

from counterpoint.timex import calendar as cal
from counterpoint.timex.base import Resolution, Rule
from counterpoint.timex.context import Context
from counterpoint.timex.lexicon import alternation
from counterpoint.timex.patterns import (
    APPROX,
    LEX,
    MONTH,
    NUMBER,
    POSITION,
    TIMEZONE,
    WEEKDAY,
    YEAR,
    compile_rule,
    month_number,
    parse_number,
)

__all__ = ["CALENDAR_RULES"]

_ORD = r"(?:st|nd|rd|th)"
_BARE_MONTH_CUES = frozenset(
    "in since until till by during from through before after of for early late mid last next "
    "this that between and to or".split()
)
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _iso(m: re.Match[str], ctx: Context) -> Resolution | None:
    day = _day(int(m["y"]), int(m["mo"]), int(m["d"]))
    if day is None:
        return None
    if m["h"]:
        return Resolution("TIME", f"{day.isoformat()}T{m['h']}:{m['mi']}")
    return Resolution("DATE", day.isoformat())


def _month_day(m: re.Match[str], ctx: Context) -> Resolution | None:
    month = month_number(m["month"])
    day_num = int(m["day"])
    if month is None or not 1 <= day_num <= 31:
        return None
    if m["year"]:
        day = _day(int(m["year"]), month, day_num)
        return Resolution("DATE", day.isoformat()) if day else None
    year = cal.year_for_month_day(ctx.ref, month, day_num, ctx.tense(m.start(), m.end()))
    day = _day(year, month, day_num)
    if day is None:
        return None
    return Resolution("DATE", day.isoformat(), relative=True, mask="year")


def _previous_word(ctx: Context, pos: int) -> str:
    words = re.findall(r"[A-Za-z]+", ctx.text[max(0, pos - 20) : pos])
    return words[-1].lower() if words else ""


def _bare_month_ok(m: re.Match[str], ctx: Context) -> bool:
    word = m["month"]
    if len(word.rstrip(".")) <= 3 and word.lower() != "may":
        return False
    follower = re.match(r"\s+([A-Z][a-z]+)", ctx.text[m.end() : m.end() + 20])
    cued = _previous_word(ctx, m.start()) in _BARE_MONTH_CUES
    if word.lower() in {"may", "march"} or follower:
        return cued
    return True


def _month_year(m: re.Match[str], ctx: Context) -> Resolution | None:
    month = month_number(m["month"])
    if month is None:
        return None
    if m["year"]:
        return Resolution("DATE", f"{int(m['year']):04d}-{month:02d}")
    anchor = ctx.ref
    if m["yeardeic"]:
        year = anchor.year + {"this": 0, "last": -1, "next": 1}[m["yeardeic"].lower()]
        return Resolution("DATE", f"{year:04d}-{month:02d}", relative=True)
    if not (m["deic"] or m["pos"]) and not _bare_month_ok(m, ctx):
        return None
    deic = (m["deic"] or "").lower().split()
    if deic and deic[0] == "last" or deic[-1:] == ["past"]:
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif deic and deic[0] == "next" or deic[-1:] == ["coming"]:
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif deic:
        year = anchor.year
    else:
        year = cal.year_for_month(anchor, month, ctx.tense(m.start(), m.end()))
    return Resolution("DATE", f"{year:04d}-{month:02d}", relative=True, mask="year")


def _year(m: re.Match[str], ctx: Context) -> Resolution | None:
    tail = ctx.text[m.end() : m.end() + 12]
    if re.match(r"\s*(?:%|percent|per\s+cent|[-–]\d|\.\d|,\d)", tail):
        return None
    if re.search(r"(?:No\.|#|number|page|room|flight|route)\s*$", ctx.text[: m.start()], re.I):
        return None
    return Resolution("DATE", m["year"])


_WORD_TENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
              "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20}  # fmt: skip


def _spoken_year(m: re.Match[str], ctx: Context) -> Resolution | None:
    """Years read out in broadcast transcripts: "nineteen ninety-six", "two thousand"."""
    if m["thousand"]:
        rest = parse_number(m["rest"]) if m["rest"] else 0
        return Resolution("DATE", f"{2000 + int(rest or 0):04d}") if rest is not None else None
    century = _WORD_TENS[m["century"].lower()]
    rest = parse_number(m["rest"]) if m["rest"] else 0
    if rest is None or rest >= 100 or (rest < 10 and not m["yearword"]):
        return None
    return Resolution("DATE", f"{century * 100 + int(rest):04d}")


def _decade(m: re.Match[str], ctx: Context) -> Resolution | None:
    if m["dec"]:
        return Resolution("DATE", m["dec"])
    return Resolution("DATE", f"19{m['d2']}")


def _century(m: re.Match[str], ctx: Context) -> Resolution | None:
    return Resolution("DATE", f"{int(m['n']) - 1:02d}")


def _quarter(m: re.Match[str], ctx: Context) -> Resolution | None:
    ordinal = re.sub(r"[\s-]+", " ", (m["ord"] or "").lower())
    year_text = m["year"] or m["year2"] or m["pyear"]
    if m["pdeic"]:
        year_text = str(ctx.ref.year + {"this": 0, "last": -1, "next": 1}[m["pdeic"].lower()])
    anchor = ctx.ref
    current = cal.quarter_of(anchor)
    numbered = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                "fourth": 4, "4th": 4, "final": 4}  # fmt: skip
    if ordinal in numbered:
        q = numbered[ordinal]
        if year_text:
            return Resolution("DATE", f"{year_text}-Q{q}", relative=bool(m["pdeic"]))
        year = cal.year_for_quarter(anchor, q, ctx.tense(m.start(), m.end()))
        return Resolution("DATE", f"{year}-Q{q}", relative=True)
    if year_text and not ordinal:
        last = cal.quarter_of(cal.shift(anchor, -1, "Q"))
        return Resolution("DATE", f"{year_text}-Q{last}", relative=True)
    if ordinal == "current":
        return Resolution("DATE", f"{anchor.year}-Q{current}", relative=True)
    prev = cal.shift(anchor, -1, "Q")
    year = prev.year - 1 if ordinal.startswith("year") else prev.year
    return Resolution("DATE", f"{year}-Q{cal.quarter_of(prev)}", relative=True)


def _half(m: re.Match[str], ctx: Context) -> Resolution | None:
    half = 1 if m["ord"].lower() == "first" else 2
    if m["year"]:
        return Resolution("DATE", f"{m['year']}-H{half}")
    shift = {"last": -1, "next": 1}.get((m["deic"] or "").lower(), 0)
    return Resolution("DATE", f"{ctx.ref.year + shift}-H{half}", relative=True)


def _season(m: re.Match[str], ctx: Context) -> Resolution | None:
    code = LEX.seasons[m["season"].lower()]
    year_text = m["year"] or m["year2"]
    if year_text:
        return Resolution("DATE", f"{year_text}-{code}")
    deic = re.sub(r"\s+", " ", (m["deic"] or "").lower())
    if not deic or (deic == "the" and ctx.text[m.end() : m.end() + 4].lower() == " of "):
        return None
    anchor, start_month = ctx.ref, _SEASON_START[code]
    year = anchor.year
    if deic.startswith("last") or deic == "this past":
        year = anchor.year if start_month + 3 <= anchor.month else anchor.year - 1
    elif deic.startswith("next") or deic == "this coming":
        year = anchor.year if start_month > anchor.month else anchor.year + 1
    return Resolution("DATE", f"{year}-{code}", relative=True)


def _holiday_day(name: str, year: int) -> dt.date | None:
    if name in LEX.fixed_holidays:
        month, day = LEX.fixed_holidays[name]
        return dt.date(year, month, day)
    if name in LEX.floating_holidays:
        month, weekday, nth = LEX.floating_holidays[name]
        return cal.nth_weekday(year, month, weekday, nth)
    return cal.easter_offset(year, LEX.easter_holidays[name])


def _holiday(m: re.Match[str], ctx: Context) -> Resolution | None:
    if not m["name"][0].isupper():
        return None
    name = re.sub(r"\s+", " ", m["name"].lower()).replace("’", "'")
    if m["year"]:
        day = _holiday_day(name, int(m["year"]))
        return Resolution("DATE", day.isoformat()) if day else None
    anchor = ctx.ref
    this_year = _holiday_day(name, anchor.year)
    if this_year is None:
        return None
    tense = ctx.tense(m.start(), m.end())
    year = cal.year_for_month_day(anchor, this_year.month, this_year.day, tense)
    day = _holiday_day(name, year)
    return Resolution("DATE", day.isoformat(), relative=True) if day else None


def _clock(m: re.Match[str], ctx: Context) -> Resolution | None:
    hour = parse_number(m["h"])
    minute = int(m["mi"]) if m["mi"] else 0
    if hour is None or hour != int(hour) or minute > 59:
        return None
    hour = int(hour)
    groups = m.groupdict()
    marker = (groups.get("ap") or "").lower()
    pod = (groups.get("pod") or groups.get("pod2") or "").lower()
    late = pod in {"afternoon", "evening"} or (pod == "night" and hour >= 6)
    if (marker == "p" or late) and hour < 12:
        hour += 12
    elif (marker == "a" or pod in {"morning", "night"}) and hour == 12:
        hour = 0
    if hour > 23 or (not marker and not _clock_cued(m, ctx)):
        return None
    return Resolution("TIME", f"T{hour:02d}:{minute:02d}", relative=True, pending="time")


def _clock_cued(m: re.Match[str], ctx: Context) -> bool:
    """A bare ``14:30`` counts only after a time preposition or before a time zone."""
    cue = _previous_word(ctx, m.start()) in {
        "at",
        "by",
        "around",
        "about",
        "until",
        "till",
        "from",
        "to",
        "before",
        "after",
        "since",
    }
    return cue or bool(m.groupdict().get("tz")) or "clock" in m.group(0).lower()


def _noon(m: re.Match[str], ctx: Context) -> Resolution | None:
    value = "T24:00" if m["w"].lower() == "midnight" else "T12:00"
    return Resolution("TIME", value, relative=True, pending="time")


_WD = rf"(?:(?P<wd>{WEEKDAY}),?\s+)?"
_YEAR_TAIL = rf"(?:,?\s+(?P<year>{YEAR})(?!\d))?"
_AP = r"(?P<ap>[ap])(?:\.\s?m\.|\.\s?m\b|m\b)"
_TZ = rf"(?:\s+\(?(?P<tz>{TIMEZONE})\)?)?"
_HOLIDAYS = alternation([*LEX.fixed_holidays, *LEX.floating_holidays, *LEX.easter_holidays])

CALENDAR_RULES: tuple[Rule, ...] = (
    Rule(
        "iso_date",
        compile_rule(
            r"(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?:[T ](?P<h>\d{2}):(?P<mi>\d{2}))?(?![\d-])"
        ),
        _iso,
    ),
    Rule(
        "month_day",
        compile_rule(
            rf"{_WD}(?P<month>{MONTH})\s+(?P<day>\d{{1,2}}){_ORD}?(?![\d:.]\d){_YEAR_TAIL}"
        ),
        _month_day,
    ),
    Rule(
        "day_month",
        compile_rule(
            rf"{_WD}(?:the\s+)?(?P<day>\d{{1,2}}){_ORD}?\s+(?:of\s+)?(?P<month>{MONTH}){_YEAR_TAIL}"
        ),
        _month_day,
    ),
    Rule(
        "month_year",
        compile_rule(
            rf"(?:(?P<pos>{POSITION})[\s-]+)?(?P<deic>(?:this\s+past|this\s+coming|last|next|this)\s+)?"
            rf"(?P<month>{MONTH})(?:,?\s+(?:of\s+)?(?:(?P<year>{YEAR})(?!\d)|"
            r"(?P<yeardeic>this|last|next)\s+year))?"
        ),
        _month_year,
    ),
    Rule(
        "year",
        compile_rule(
            rf"(?:(?:{POSITION}|fiscal|calendar|the\s+year|the\s+fiscal\s+year|FY)[\s-]+)?"
            rf"(?P<year>{YEAR})"
        ),
        _year,
    ),
    Rule(
        "spoken_year",
        compile_rule(
            r"(?P<yearword>the\s+year\s+)?(?:(?P<thousand>two\s+thousand)(?:\s+and)?|"
            r"(?P<century>nineteen|eighteen|twenty))(?:[\s-]+(?P<rest>(?:(?:twenty|thirty|forty|"
            r"fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|"
            r"eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
            r"nineteen|one|two|three|four|five|six|seven|eight|nine)))?"
        ),
        _spoken_year,
    ),
    Rule(
        "decade",
        compile_rule(
            r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?P<dec>(?:1[6-9]|20)\d)0['’]?s|['’](?P<d2>\d)0s)"
        ),
        _decade,
    ),
    Rule("century", compile_rule(rf"(?:the\s+)?(?P<n>\d{{1,2}}){_ORD}[\s-]+century"), _century),
    Rule(
        "quarter",
        compile_rule(
            rf"(?:the\s+)?(?:(?P<pyear>{YEAR})\s+|(?P<pdeic>this|last|next)\s+year['’]s\s+)?"
            r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|"
            r"previous|past|recent|most\s+recent|year[\s-]earlier|year[\s-]ago)[\s-]+(?:fiscal[\s-]+)?"
            rf"quarter(?:\s+of\s+(?:fiscal\s+)?(?P<year>{YEAR})|,?\s+(?P<year2>{YEAR}))?"
        ),
        _quarter,
    ),
    Rule(
        "the_quarter",
        compile_rule(
            rf"the\s+(?:(?P<pyear>{YEAR})\s+)?quarter(?P<ord>)(?P<year>)(?P<year2>)(?P<pdeic>)"
        ),
        _quarter,
    ),
    Rule(
        "half",
        compile_rule(
            r"(?:the\s+)?(?P<ord>first|second|last|latter)\s+half(?:\s+of\s+(?:"
            rf"(?P<year>{YEAR})|(?P<deic>this|last|next|the)\s+year))?(?!\s+of)"
        ),
        _half,
    ),
    Rule(
        "season",
        compile_rule(
            r"(?:(?P<deic>this\s+past|this\s+coming|last|this|next|early|late|the|mid)[\s-]+)?"
            rf"(?P<season>spring|summer|fall|autumn|winter)"
            rf"(?:\s+of\s+(?P<year>{YEAR})|,?\s+(?P<year2>{YEAR}))?"
        ),
        _season,
    ),
    Rule(
        "holiday",
        compile_rule(rf"(?P<name>{_HOLIDAYS})(?:,?\s+(?:of\s+)?(?P<year>{YEAR}))?"),
        _holiday,
    ),
    Rule(
        "clock_ampm",
        compile_rule(rf"(?:{APPROX}\s+)?(?P<h>\d{{1,2}})(?:[:.](?P<mi>\d{{2}}))?\s*{_AP}{_TZ}"),
        _clock,
    ),
    Rule(
        "clock_pod",
        compile_rule(
            rf"(?:{APPROX}\s+)?(?P<h>\d{{1,2}}|{NUMBER})(?::(?P<mi>\d{{2}}))?(?:\s+o['’]clock)?\s+"
            r"(?:in\s+the\s+(?P<pod>morning|afternoon|evening)|at\s+(?P<pod2>night))"
        ),
        _clock,
    ),
    Rule(
        "clock_24",
        compile_rule(rf"(?:{APPROX}\s+)?(?P<h>[01]?\d|2[0-3])[:h](?P<mi>[0-5]\d)(?!\d){_TZ}"),
        _clock,
    ),
    Rule(
        "oclock",
        compile_rule(rf"(?:{APPROX}\s+)?(?P<h>\d{{1,2}}|{NUMBER})\s+o['’]clock(?P<mi>){_TZ}"),
        _clock,
    ),
    Rule("noon", compile_rule(rf"(?:{APPROX}\s+)?(?P<w>noon|midday|midnight){_TZ}"), _noon),
)
