"""Rules for expressions read against the anchor or the text: weekdays, "yesterday",
"last week", "two days ago", nights, durations, recurrences and generic references."""

from __future__ import annotations

import datetime as dt
import re

from counterpoint.timex import calendar as cal
from counterpoint.timex.base import Handler, Resolution, Rule
from counterpoint.timex.context import Context
from counterpoint.timex.lexicon import alternation
from counterpoint.timex.patterns import (
    APPROX,
    LEX,
    MONTH,
    NUMBER,
    POSITION,
    UNIT,
    VAGUE,
    WEEKDAY,
    YEAR,
    compile_rule,
    month_number,
    parse_number,
    unit_code,
)

__all__ = ["RELATIVE_RULES"]

_POD = r"(?P<pod>morning|afternoon|evening|night)"
_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
              "the day before yesterday": -2, "the day after tomorrow": 2}  # fmt: skip
_ANAPHORS = {"the next day": 1, "the following day": 1, "the day after": 1,
             "the previous day": -1, "the day before": -1, "that day": 0, "the same day": 0,
             "that same day": 0, "earlier that day": 0, "later that day": 0,
             "later in the day": 0, "earlier in the day": 0, "the next morning": 1,
             "the following morning": 1, "that night": 0, "that morning": 0}  # fmt: skip
_SHIFTS = {"last": -1, "previous": -1, "past": -1, "next": 1, "following": 1, "coming": 1}
_OVERNIGHT_NOUNS = (
    r"\s+(?:rates?|interest|lending|loans?|stays?|trips?|bags?|success|sensations?|"
    r"deliver(?:y|ies)|shipping|trading|session|markets?)\b"
)


def _pod_code(word: str | None) -> str:
    return "T" + LEX.parts_of_day[word.lower()] if word else ""


def _shift_word(deic: str) -> int:
    words = deic.lower().split()
    return next((_SHIFTS[w] for w in reversed(words) if w in _SHIFTS), 0)


def _weekday_day(m: re.Match[str], ctx: Context, word: str, deic: str) -> dt.date:
    weekday = LEX.weekdays[word.lower()]
    shift = _shift_word(deic)
    if shift:
        return cal.weekday_near(ctx.ref, weekday, "future" if shift > 0 else "past", strict=True)
    tense = ctx.tense(m.start(), m.end())
    return cal.weekday_near(ctx.ref, weekday, tense)


def _weekday(m: re.Match[str], ctx: Context) -> Resolution | None:
    if not m["wd"][0].isupper():
        return None
    day = _weekday_day(m, ctx, m["wd"], m["deic"] or "")
    pod = _pod_code(m["pod"])
    return Resolution("TIME" if pod else "DATE", day.isoformat() + pod, relative=True)


_NAME_BEFORE = re.compile(r"(?:^|[^\w.!?:;,\n])([A-Z][\w&'’.-]*)[ \t]+$")
_NOT_NAME_WORDS = frozenset({"And", "But", "Or", "So", "Even", "Only", "Until", "Till", "From",
                             "Since", "As", "Of", "For", "By", "Before", "After", "Then"})


def _in_proper_name(m: re.Match[str], text: str) -> bool:
    """A capitalised "Today"/"Tonight" right after a capitalised word in the same sentence
    ends a name (a newspaper, a programme), unless that word is a sentence-initial
    function word ("But Today ...")."""
    if not m["word"][:1].isupper() or m["word"].lower() not in ("today", "tonight"):
        return False
    before = _NAME_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
    return before is not None and before.group(1) not in _NOT_NAME_WORDS


def _day_word(m: re.Match[str], ctx: Context) -> Resolution | None:
    word = re.sub(r"\s+", " ", m["word"].lower())
    if word == "today" and re.match(r"['’]s\s+[a-z]", ctx.text[m.end() : m.end() + 4]):
        return None  # "today's world": the present in general, not a day
    if _in_proper_name(m, ctx.text):
        return None  # "USA Today", "Vessaria Today": a title, not a day
    day = ctx.ref + dt.timedelta(days=_DAY_WORDS[word])
    pod = _pod_code(m["pod"]) or ("TNI" if word == "tonight" else "")
    return Resolution("TIME" if pod else "DATE", day.isoformat() + pod, relative=True)


def _this_pod(m: re.Match[str], ctx: Context) -> Resolution | None:
    shift = -1 if m["deic"].lower() == "last" else 0
    day = ctx.ref + dt.timedelta(days=shift)
    return Resolution("TIME", day.isoformat() + _pod_code(m["pod"]), relative=True)


def _overnight(m: re.Match[str], ctx: Context) -> Resolution | None:
    if re.match(_OVERNIGHT_NOUNS, ctx.text[m.end() : m.end() + 20], re.I):
        return None
    shift = 0 if ctx.tense(m.start(), m.end()) == "future" else -1
    day = ctx.ref + dt.timedelta(days=shift)
    return Resolution("TIME", day.isoformat() + "TNI", relative=True)


def _qualified_pod(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "mid-afternoon yesterday", "late morning": a part of day on the named day, else on
    the day of its sentence."""
    code = _pod_code(m["pod"])
    if m["word"]:
        day = ctx.ref + dt.timedelta(days=_DAY_WORDS[m["word"].lower()])
        return Resolution("TIME", day.isoformat() + code, relative=True)
    return Resolution("TIME", code, relative=True, pending="part_of_day")


def _bare_pod(m: re.Match[str], ctx: Context) -> Resolution | None:
    return Resolution("TIME", _pod_code(m["pod"]), relative=True, pending="part_of_day")


def _anaphor(m: re.Match[str], ctx: Context) -> Resolution | None:
    phrase = re.sub(r"\s+", " ", m.group(0).lower())
    offset = _ANAPHORS[phrase]
    pod = next((_pod_code(p) for p in ("morning", "night") if phrase.endswith(p)), "")
    return Resolution("DATE", f"{offset:+d}{pod}", relative=True, pending="anaphor")


def _night_weekdays(m: re.Match[str], ctx: Context) -> Resolution | None:
    first, second = (LEX.weekdays[m[g].lower()] for g in ("wd1", "wd2"))
    if second % 7 == (first + 1) % 7:
        day = _weekday_day(m, ctx, m["wd2"], "") - dt.timedelta(days=1)
    else:
        day = _weekday_day(m, ctx, m["wd1"], "")
    return Resolution("TIME", day.isoformat() + "TNI", relative=True)


def _night_dates(m: re.Match[str], ctx: Context) -> Resolution | None:
    month = month_number(m["month"])
    first = int(m["d1"])
    if month is None or not 1 <= first <= 31:
        return None
    if m["year"]:
        year, relative = int(m["year"]), False
    else:
        tense = ctx.tense(m.start(), m.end())
        year, relative = cal.year_for_month_day(ctx.ref, month, first, tense), True
    try:
        day = dt.date(year, month, first)
    except ValueError:
        return None
    return Resolution("TIME", day.isoformat() + "TNI", relative=relative, mask="year")


def _unit_date(day: dt.date, code: str) -> str:
    values = {
        "D": day.isoformat(), "W": cal.week_value(day), "WE": cal.week_value(day) + "-WE",
        "M": cal.month_value(day), "Y": f"{day.year:04d}", "Q": f"{day.year}-Q{cal.quarter_of(day)}",
        "E": f"{day.year:04d}"[:3], "C": f"{day.year:04d}"[:2],
    }  # fmt: skip
    return values.get(code, day.isoformat())


def _deictic_unit(m: re.Match[str], ctx: Context) -> Resolution | None:
    code = unit_code(m["unit"])
    day = cal.shift(ctx.ref, _shift_word(m["deic"]), code)
    return Resolution("DATE", _unit_date(day, code), relative=True)


_UNIT_ANAPHOR_SHIFT = {"following": 1, "previous": -1, "preceding": -1, "prior": -1}


def _unit_anaphor(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "that year", "later that month", "the following year": read against the last
    date the text mentioned (completed in the engine); the anchor's unit if there is none."""
    code = unit_code(m["unit"])
    offset = _UNIT_ANAPHOR_SHIFT.get((m["dir"] or "").lower(), 0)
    fallback = _unit_date(cal.shift(ctx.ref, offset, code), code)
    return Resolution(
        "DATE", f"{offset:+d}{code}|{fallback}", relative=True, pending="unit_anaphor"
    )


def _the_year(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "the year": this year, or a one-year span after "for" ("for the year")."""
    full = re.search(r"full|entire|whole", m.group(0), re.I)
    if not full and re.search(r"\bfor\s+$", ctx.text[max(0, m.start() - 5) : m.start()], re.I):
        return Resolution("DURATION", "P1Y")
    return Resolution("DATE", f"{ctx.ref.year:04d}", relative=True)


def _amount(word: str | None) -> str:
    number = parse_number(word) if word else 1.0
    if number is None:
        return "X"
    return str(int(number)) if number == int(number) else str(number)


_SMALLER = {"Y": ("M", 12), "D": ("TH", 24), "TH": ("TM", 60), "TM": ("TS", 60)}


def _split_fraction(amount: str, code: str) -> str | None:
    """ "2.5 years" as TIMEX3 writes it, in whole units: ``P2Y6M``, ``PT5H30M``."""
    whole, _, frac = amount.partition(".")
    if not frac or code not in _SMALLER:
        return None
    small, per = _SMALLER[code]
    part = round(float("0." + frac) * per)
    if part != float("0." + frac) * per:
        return None
    big = f"{whole}{code[-1]}" if whole != "0" else ""
    if code.startswith("T") or small.startswith("T"):
        date_part = big if not code.startswith("T") else ""
        time_part = (big if code.startswith("T") else "") + f"{part}{small[-1]}"
        return f"P{date_part}T{time_part}"
    return f"P{big}{part}{small}"


def _duration_value(amount: str, code: str, half: bool = False) -> str:
    if half and amount != "X":
        amount = _amount(str(float(amount) + 0.5))
    if amount != "X" and "." in amount:
        split = _split_fraction(amount, code)
        if split:
            return split
    if code == "Q":
        code, amount = "M", amount if amount == "X" else str(int(float(amount) * 3))
    if code == "2W":
        code, amount = "W", amount if amount == "X" else str(int(float(amount) * 2))
    if code in {"E", "C"} and amount != "X":
        code, amount = "Y", _amount(str(float(amount) * (10 if code == "E" else 100)))
    if code == "WE":
        return "P2D" if amount in {"1", "X"} else f"P{amount}WE"
    if code.startswith("T"):
        return f"PT{amount}{code[1:]}"
    return f"P{amount}{code}"


def _previous_or_next_unit(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "the past year", "the next month": the calendar unit before or after the anchor's,
    as TimeML annotates them; "the first day" and the like stay durations."""
    shift = _shift_word(m["deic"])
    code = unit_code(m["unit"])
    if not shift or code.startswith("T") or code == "2W":
        return Resolution("DURATION", _duration_value("1", code))
    day = cal.shift(ctx.ref, shift, code)
    return Resolution("DATE", _unit_date(day, code), relative=True)


_AMOUNT = re.compile(r"(?:\d|\b(?:million|billion|thousand|hundreds?|dozens?|[a-z]+s))\s+$", re.I)


def _after_amount(m: re.Match[str], ctx: Context) -> bool:
    """ "$5 million a year", "four flights a week": a rate, which TimeML reads as a set."""
    return bool(_AMOUNT.search(ctx.text[max(0, m.start() - 30) : m.start()]))


def _duration(m: re.Match[str], ctx: Context) -> Resolution | None:
    groups = m.groupdict()
    num = groups.get("num")
    unit = m["unit"].lower()
    if num and num.lower() in {"a", "an"} and unit.startswith(("second", "quarter")):
        return None
    if groups.get("deic") and not num and not groups.get("the"):
        return None
    if groups.get("deic") and not num and ctx.text[m.end("unit") : m.end("unit") + 1] != "s":
        return _previous_or_next_unit(m, ctx)
    if re.search(r"(?:once|twice|times|per)\s+$", ctx.text[max(0, m.start() - 8) : m.start()]):
        return None
    if num and num.lower() in {"a", "an"} and _after_amount(m, ctx):
        return Resolution("SET", _duration_value("1", unit_code(unit)))
    half = bool(re.search(r"and\s+a\s+half|1/2|½", m.group(0), re.I))
    plural = ctx.text[m.end("unit") : m.end("unit") + 1].lower() == "s"
    vague = groups.get("vague") or (not num and plural)
    amount = "X" if vague else _amount(num)
    return Resolution("DURATION", _duration_value(amount, unit_code(unit), half))


def _range(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "two to three weeks": one duration valued at its lower bound, as TimeML does."""
    low, high = parse_number(m["num"]), parse_number(m["num2"])
    if low is None or high is None or not 0 < low < high:
        return None
    return Resolution("DURATION", _duration_value(_amount(m["num"]), unit_code(m["unit"])))


def _vague_duration(m: re.Match[str], ctx: Context) -> Resolution | None:
    return Resolution("DURATION", _duration_value("X", unit_code(m["unit"])))


def _ago(m: re.Match[str], ctx: Context) -> Resolution | None:
    code = unit_code(m["unit"])
    number = parse_number(m["num"])
    forward = m["dir"].lower().split()[0] in {"later", "from", "hence"}
    if number is None or number != int(number):
        return Resolution("DATE", "FUTURE_REF" if forward else "PAST_REF")
    amount = int(number) * (1 if forward else -1)
    if code.startswith("T"):
        return Resolution("DATE", ctx.ref.isoformat(), relative=True)
    if code == "Y" and amount == -1 and _about_quarters(m, ctx):
        quarter = _quarter_in_focus(m, ctx)
        return Resolution("DATE", f"{quarter[0] - 1}-Q{quarter[1]}", relative=True)
    step = {"2W": ("W", 2), "E": ("Y", 10), "C": ("Y", 100)}.get(code, (code, 1))
    day = cal.shift(ctx.ref, amount * step[1], step[0])
    return Resolution("DATE", _unit_date(day, step[0] if code != "E" else "Y"), relative=True)


_QUARTER_REACH = 1  # sentences back in which a quarter word puts figures in a quarterly frame
_QUARTER_WORD = re.compile(
    r"\b(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter\b|\bquarter", re.I
)
_QUARTER_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                "fourth": 4, "4th": 4}  # fmt: skip


def _about_quarters(m: re.Match[str], ctx: Context) -> bool:
    """Whether this or the previous sentence is about quarterly figures
    ("Net rose in the quarter. Sales rose from $2 a year earlier.")."""
    s_start, s_end = ctx.sentence(m.start())
    prev_start = s_start
    for _ in range(_QUARTER_REACH):
        prev_start = ctx.sentence(max(0, prev_start - 2))[0]
    return bool(_QUARTER_WORD.search(ctx.text, prev_start, s_end))


def _quarter_in_focus(m: re.Match[str], ctx: Context) -> tuple[int, int]:
    """(year, quarter) last named before ``m``, else the quarter before the anchor's."""
    named = [q for q in _QUARTER_WORD.finditer(ctx.text, 0, m.start()) if q["ord"]]
    prev = cal.shift(ctx.ref, -1, "Q")
    if named:
        quarter = _QUARTER_ORD[named[-1]["ord"].lower()]
        return cal.year_for_quarter(ctx.ref, quarter, ctx.tense(m.start(), m.end())), quarter
    return prev.year, cal.quarter_of(prev)


def _generic(value: str) -> Handler:
    """A handler that gives every match the same generic reference value."""

    def handler(m: re.Match[str], ctx: Context) -> Resolution | None:
        return Resolution("DATE", value, relative=True)

    return handler


def _set_word(m: re.Match[str], ctx: Context) -> Resolution | None:
    return Resolution("SET", LEX.sets[re.sub(r"\s+", " ", m.group(0).lower())])


def _set_weekday(m: re.Match[str], ctx: Context) -> Resolution | None:
    if m["wd"]:
        value = f"XXXX-WXX-{LEX.weekdays[m['wd'].lower().rstrip('s')]}" + _pod_code(m["pod"])
        return Resolution("SET", value)
    month = month_number(m["month"])
    return Resolution("SET", f"XXXX-{month:02d}") if month else None


def _set_every(m: re.Match[str], ctx: Context) -> Resolution | None:
    return Resolution("SET", _duration_value(_amount(m["num"]), unit_code(m["unit"])))


def _weekend(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "the weekend": the last one in past-tense text, the coming one otherwise."""
    tense = ctx.tense(m.start(), m.end())
    saturday = cal.weekday_near(ctx.ref, 6, "future" if tense == "future" else "past")
    return Resolution("DATE", cal.week_value(saturday) + "-WE", relative=True)


def _year_earlier(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "the year-earlier period": the same quarter last year in quarterly reports, else last year."""
    if _about_quarters(m, ctx):
        year, quarter = _quarter_in_focus(m, ctx)
        return Resolution("DATE", f"{year - 1}-Q{quarter}", relative=True)
    return Resolution("DATE", f"{ctx.ref.year - 1}", relative=True)


def _latest_period(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "the latest period" in a quarterly report: the quarter being reported."""
    if not _about_quarters(m, ctx):
        return None
    year, quarter = _quarter_in_focus(m, ctx)
    return Resolution("DATE", f"{year}-Q{quarter}", relative=True)


def _present(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "now" and the like; a sentence-opening "Now," is a discourse marker, not a time."""
    if ctx.text[m.end() : m.end() + 1] == "," and m.group(0) == "Now":
        return None
    return Resolution("DATE", "PRESENT_REF", relative=True)


def _year_end(m: re.Match[str], ctx: Context) -> Resolution | None:
    return Resolution("DATE", f"{ctx.ref.year}", relative=True)


_DEIC = r"(?:this\s+past|this\s+coming|last|next|this|the\s+current|current|the\s+coming|coming|the\s+previous|the\s+following)"
_DUR_DEIC = r"(?:past|last|next|first|previous|coming|following|final|latest|recent|initial|ensuing|subsequent|remaining|last\s+few|past\s+few|next\s+few)"
_NIGHT = r"(?:the\s+)?night\s+(?:between|of|from)\s+"
_TO = r"\s*(?:and|to|into|-|–|/)\s*"
_ORD = r"(?:st|nd|rd|th)?"

RELATIVE_RULES: tuple[Rule, ...] = (
    Rule(
        "unit_anaphor",
        compile_rule(
            r"(?:(?:earlier|later)\s+)?(?:that|the\s+same|"
            r"the\s+(?P<dir>following|previous|preceding|prior))\s+(?P<unit>year|month|quarter)"
        ),
        _unit_anaphor,
    ),
    Rule(
        "night_weekdays",
        compile_rule(rf"{_NIGHT}(?P<wd1>{WEEKDAY})\s+(?:and|to|into)\s+(?P<wd2>{WEEKDAY})"),
        _night_weekdays,
    ),
    Rule(
        "night_day_month",
        compile_rule(
            rf"{_NIGHT}(?P<d1>\d{{1,2}}){_ORD}{_TO}(?P<d2>\d{{1,2}}){_ORD}\s+(?:of\s+)?"
            rf"(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR}))?"
        ),
        _night_dates,
    ),
    Rule(
        "night_month_day",
        compile_rule(
            rf"{_NIGHT}(?P<month>{MONTH})\s+(?P<d1>\d{{1,2}}){_ORD}{_TO}(?:{MONTH}\s+)?"
            rf"(?P<d2>\d{{1,2}}){_ORD}(?:,?\s+(?P<year>{YEAR}))?"
        ),
        _night_dates,
    ),
    Rule(
        "weekday",
        compile_rule(
            rf"(?:(?P<deic>last|next|this\s+past|this\s+coming|this|the\s+previous|the\s+following|"
            rf"early|late|mid)[\s-]+)?(?P<wd>{WEEKDAY})(?:\s+{_POD})?"
        ),
        _weekday,
    ),
    Rule(
        "day_word",
        compile_rule(
            r"(?:(?:early|earlier|late|later)\s+)?(?P<word>today|tonight|yesterday|tomorrow|"
            rf"the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)(?:\s+{_POD})?"
        ),
        _day_word,
    ),
    Rule(
        "this_pod", compile_rule(rf"(?:(?:early|late)\s+)?(?P<deic>this|last)\s+{_POD}"), _this_pod
    ),
    Rule("overnight", compile_rule(r"overnight"), _overnight),
    Rule(
        "qualified_pod",
        compile_rule(
            r"(?:early|late|mid)[\s-]?(?P<pod>morning|afternoon|evening)"
            r"(?:\s+(?P<word>yesterday|today|tomorrow))?"
        ),
        _qualified_pod,
    ),
    Rule(
        "bare_pod",
        compile_rule(
            r"(?:late\s+)?(?:at|in|during|through|throughout|overnight)\s+(?P<span>(?:(?:the\s+)?"
            rf"(?:middle\s+of\s+the\s+|dead\s+of\s+|early\s+hours\s+of\s+the\s+)?{_POD}))"
        ),
        _bare_pod,
    ),
    Rule("anaphor", compile_rule(alternation(_ANAPHORS)), _anaphor),
    Rule(
        "deictic_unit",
        compile_rule(
            rf"(?:{POSITION}\s+)?(?P<deic>{_DEIC})\s+(?P<unit>week|weekend|month|year|quarter|decade|"
            r"century)"
        ),
        _deictic_unit,
    ),
    Rule(
        "the_year",
        compile_rule(
            r"the\s+(?:(?:full|entire|whole|current)\s+)?year"
            r"(?![-‐]|\s+(?:of|before|after|earlier|ago|later|in|\d|two|nineteen))"
        ),
        _the_year,
    ),
    Rule("weekend", compile_rule(r"the\s+weekend"), _weekend),
    Rule(
        "year_earlier",
        compile_rule(
            r"(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?year[\s-](?:earlier|ago)"
            r"(?:\s+(?:period|quarter|months?))?"
        ),
        _year_earlier,
    ),
    Rule(
        "latest_period",
        compile_rule(r"the\s+(?:latest|most\s+recent|recent|current)\s+(?:period|three\s+months)"),
        _latest_period,
    ),
    Rule("year_end", compile_rule(r"(?:the\s+)?year['’]?s?[\s-]end"), _year_end),
    Rule(
        "recent_units",
        compile_rule(r"recent\s+(?P<unit>minute|hour|day|week|month|year|decade)s"),
        _vague_duration,
    ),
    Rule(
        "duration_deictic",
        compile_rule(
            rf"(?:{APPROX}\s+)?(?P<the>the\s+)?(?P<deic>{_DUR_DEIC})\s+(?:(?P<num>{NUMBER}|{VAGUE})\s+)?"
            rf"(?P<unit>{UNIT})s?"
        ),
        _duration,
    ),
    Rule(
        "duration",
        compile_rule(
            rf"(?:{APPROX}\s+)?(?:(?P<num>{NUMBER})|(?P<vague>{VAGUE}))"
            r"(?:\s+and\s+a\s+half|\s+1/2|\s*½)?\s+"
            rf"(?P<unit>{UNIT})s?(?![-‐])(?:\s+and\s+a\s+half)?(?:\s+long)?(?![\s-]+old\b)"
        ),
        _duration,
    ),
    Rule(
        "duration_range",
        compile_rule(
            rf"(?:{APPROX}\s+)?(?P<num>{NUMBER})\s*(?:to|or|-|–)\s*(?P<num2>{NUMBER})\s+"
            rf"(?P<unit>{UNIT})s?(?![-‐\w])(?!\s+(?:ago|earlier|later|before|after|old)\b)"
        ),
        _range,
    ),
    Rule(
        "duration_adjective",
        compile_rule(
            rf"(?P<num>{NUMBER})-(?P<unit>second|minute|hour|day|week|month|year|decade|century)"
            r"(?!-old)(?![\w-])"
        ),
        _duration,
    ),
    Rule(
        "duration_plural",
        compile_rule(
            r"(?:for|over|within|in)\s+(?P<span>(?P<unit>minute|hour|day|week|month|year|decade)s)"
        ),
        _vague_duration,
    ),
    Rule(
        "ago",
        compile_rule(
            rf"(?:{APPROX}\s+)?(?P<num>{NUMBER}|{VAGUE})\s+(?P<unit>{UNIT})s?\s+"
            r"(?:or\s+so\s+)?(?P<dir>ago|earlier|from\s+now|hence|back)"
        ),
        _ago,
    ),
    Rule("present_ref", compile_rule(alternation(LEX.present_ref)), _present),
    Rule("past_ref", compile_rule(alternation(LEX.past_ref)), _generic("PAST_REF")),
    Rule("future_ref", compile_rule(alternation(LEX.future_ref)), _generic("FUTURE_REF")),
    Rule("set_word", compile_rule(alternation(LEX.sets)), _set_word),
    Rule(
        "set_named",
        compile_rule(rf"(?:every|each)\s+(?:(?P<wd>{WEEKDAY})(?:\s+{_POD})?|(?P<month>{MONTH}))"),
        _set_weekday,
    ),
    Rule(
        "set_plural_weekday",
        compile_rule(
            r"(?P<wd>(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s)(?P<month>)(?P<pod>)"
        ),
        _set_weekday,
    ),
    Rule("set_every", compile_rule(rf"every\s+(?P<num>{NUMBER})\s+(?P<unit>{UNIT})s"), _set_every),
)
