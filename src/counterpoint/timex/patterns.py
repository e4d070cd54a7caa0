"""Regular-expression pieces shared by the rules, built from the lexicon, and number parsing."""

from __future__ import annotations

import re

from counterpoint.timex.lexicon import alternation, load_lexicon

__all__ = [
    "LEX",
    "MONTH",
    "WEEKDAY",
    "NUMBER",
    "VAGUE",
    "UNIT",
    "YEAR",
    "APPROX",
    "POSITION",
    "TIMEZONE",
    "compile_rule",
    "parse_number",
    "month_number",
    "unit_code",
]

LEX = load_lexicon()

_FULL_MONTHS = [m for m in LEX.months if len(m) > 4 or m in {"may", "june", "july"}]
_ABBR_MONTHS = [m for m in LEX.months if m not in _FULL_MONTHS]
MONTH = f"(?:{alternation(_FULL_MONTHS)}|{alternation(_ABBR_MONTHS)}\\.?)"
WEEKDAY = alternation(LEX.weekdays)
_TENS = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ONES = "(?:one|two|three|four|five|six|seven|eight|nine)"
NUMBER = (
    rf"(?:{_TENS}[\s-]+{_ONES}|\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:\.\d+)?|"
    + alternation(LEX.numbers)[3:-1]
    + ")"
)
VAGUE = alternation(LEX.vague_numbers)
UNIT = (
    r"(?:second|minute|hour|day|week|fortnight|month|year|decade|century|centurie|quarter|weekend)"
)
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
APPROX = (
    r"(?:about|around|approximately|roughly|nearly|almost|over|more\s+than|less\s+than|"
    r"fewer\s+than|at\s+least|at\s+most|up\s+to|just\s+over|just\s+under|well\s+over|"
    r"under|close\s+to|some|only|barely|the\s+better\s+part\s+of|a\s+full|full)"
)
POSITION = (
    r"(?:early|earlier|late|later|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
    r"the\s+middle\s+of|the\s+rest\s+of|the\s+remainder\s+of|end|end\s+of)"
)
TIMEZONE = alternation(LEX.timezones) + r"|(?:[A-Z][a-z]+\s+time)"

_UNIT_CODES = {
    "second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W", "fortnight": "2W",
    "month": "M", "year": "Y", "decade": "E", "century": "C", "centurie": "C", "quarter": "Q",
    "weekend": "WE",
}  # fmt: skip


def compile_rule(body: str) -> re.Pattern[str]:
    """A case-insensitive pattern that starts and ends on word boundaries."""
    return re.compile(rf"(?<![\w$£€&/]){body}(?![\w/])", re.IGNORECASE)


def parse_number(word: str) -> float | None:
    """The value of a number written in digits or words; ``None`` for vague ones ("a few")."""
    low = re.sub(r"\s+", " ", word.lower().replace("-", " ")).strip()
    if low in LEX.numbers:
        return float(LEX.numbers[low])
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", low):
        return float(low.replace(",", ""))
    parts = low.split()
    if len(parts) == 2 and all(p in LEX.numbers for p in parts):
        return float(LEX.numbers[parts[0]] + LEX.numbers[parts[1]])
    return None


def month_number(word: str | None, *, require_capital: bool = True) -> int | None:
    """Month 1-12 for a month word; ``None`` when lowercase ("may" the verb) or unknown."""
    if not word or (require_capital and not word[0].isupper()):
        return None
    return LEX.months.get(word.lower().rstrip("."))


def unit_code(word: str) -> str:
    """TIMEX3 unit letter(s) for a unit word, singular or plural (``T`` prefix = time)."""
    low = word.lower()
    if low.endswith("s") and low[:-1] in _UNIT_CODES:
        low = low[:-1]
    return _UNIT_CODES[low]
