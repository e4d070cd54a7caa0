"""The phrases a summary sentence is joined from: names, counted outlets, verbs, citations.

Part of :mod:`counterpoint.summary`. Verbs agree with the number of names; unnamed outlets
are counted ("two other outlets"); a function word that opens a source sentence is lowered
when the words follow "writes that".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from counterpoint.model import Citation, Report
from counterpoint.summary.grammar import DETERMINERS

__all__ = ["Named", "lower_first", "normal", "distinct_outlets", "counted", "agree", "join",
           "join_names", "citations", "NUMBER_WORDS"]

NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
#: First words lowered after "writes that" (names keep their capital).
FUNCTION_WORDS = DETERMINERS | {"there", "it", "two", "three", "several", "many", "most"}


class Named(Protocol):
    """An actor or outlet told by name."""

    @property
    def name(self) -> str: ...


def lower_first(text: str) -> str:
    """A sentence's first word in lower case when it is a function word ("The Kremlin" ->
    "the Kremlin"); names keep their capital."""
    first, _, rest = text.partition(" ")
    if first.lower() in FUNCTION_WORDS:
        return f"{first.lower()} {rest}".strip()
    return text


def normal(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


def distinct_outlets(holders: Sequence[Named]) -> list[str]:
    named = {h.name for h in holders if h.name}
    return [*named, *[""] * sum(1 for h in holders if not h.name)]


def counted(holders: Sequence[Named]) -> str:
    """Named outlets, the unnamed counted: "Daily Mirror and two other outlets"."""
    named = list(dict.fromkeys(h.name for h in holders if h.name))
    unnamed = sum(1 for h in holders if not h.name)
    if unnamed:
        count = NUMBER_WORDS[min(unnamed, 10) - 1]
        noun = "outlet" if unnamed == 1 else "outlets"
        if named:
            named.append(f"{count} other {noun}")
        else:
            named.append(f"{count} {noun}" if unnamed > 1 else "one outlet")
    return join_names(named)


PLURAL_NAMES = frozenset({"police", "authorities", "officials"})  # "Police say", not "Police says"


def agree(base: str | None, holders: Sequence[object]) -> str:
    plural = len(holders) > 1 or (
        len(holders) == 1 and str(getattr(holders[0], "name", "")).lower() in PLURAL_NAMES)
    if base is None:
        return "say it cannot be confirmed" if plural else "says it cannot be confirmed"
    if plural:
        return base
    return {"say": "says", "deny": "denies", "dispute": "disputes", "report": "reports",
            "hedge": "hedges", "state": "states"}[base]


def join(holders: Sequence[Named]) -> str:
    return join_names([h.name for h in holders])


def join_names(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def citations(items: Sequence[Report | Citation]) -> tuple[Citation, ...]:
    seen: list[Citation] = []
    for item in items:
        cite = item if isinstance(item, Citation) else Citation(item.article_id, item.start,
                                                                 item.end)
        if cite not in seen:
            seen.append(cite)
    return tuple(seen)
