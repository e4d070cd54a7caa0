"""The word lists behind the time-expression rules, read from ``data/timex_lexicon.json``.

Keeping the words in a data file lets a user see (and extend) what the rules know
without reading regular expressions.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["Lexicon", "load_lexicon", "alternation"]


@dataclass(frozen=True)
class Lexicon:
    """Month, weekday, number and unit words with the values TIMEX3 gives them."""

    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    numbers: Mapping[str, int]
    vague_numbers: tuple[str, ...]
    ordinals: Mapping[str, int]
    units: Mapping[str, str]
    parts_of_day: Mapping[str, str]
    seasons: Mapping[str, str]
    present_ref: tuple[str, ...]
    past_ref: tuple[str, ...]
    future_ref: tuple[str, ...]
    sets: Mapping[str, str]
    fixed_holidays: Mapping[str, tuple[int, int]]
    floating_holidays: Mapping[str, tuple[int, int, int]]
    easter_holidays: Mapping[str, int]
    timezones: tuple[str, ...]
    past_cues: frozenset[str]
    future_cues: frozenset[str]
    reporting_verbs: frozenset[str]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the packaged lexicon once."""
    raw = json.loads(
        resources.files("counterpoint").joinpath("data/timex_lexicon.json").read_text("utf-8")
    )
    return Lexicon(
        months=raw["months"],
        weekdays=raw["weekdays"],
        numbers=raw["numbers"],
        vague_numbers=tuple(raw["vague_numbers"]),
        ordinals=raw["ordinals"],
        units=raw["units"],
        parts_of_day=raw["parts_of_day"],
        seasons=raw["seasons"],
        present_ref=tuple(raw["present_ref"]),
        past_ref=tuple(raw["past_ref"]),
        future_ref=tuple(raw["future_ref"]),
        sets=raw["sets"],
        fixed_holidays={k: tuple(v) for k, v in raw["fixed_holidays"].items()},
        floating_holidays={
            k: tuple(v) for k, v in raw["floating_holidays"].items() if not k.startswith("_")
        },
        easter_holidays=raw["easter_holidays"],
        timezones=tuple(raw["timezones"]),
        past_cues=frozenset(raw["past_cues"]),
        future_cues=frozenset(raw["future_cues"]),
        reporting_verbs=frozenset(raw["reporting_verbs"]),
    )


def alternation(words: Iterable[str]) -> str:
    """A regex group matching any of ``words`` (longest first, spaces flexible)."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    escaped = [re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in ordered]
    return "(?:" + "|".join(escaped) + ")"
