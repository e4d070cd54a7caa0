"""The word lists the claims stage reads, loaded once from ``counterpoint/data/claims_*.json``.

Lists live in data files so that they can be reviewed and extended without touching code;
each file documents its keys in a ``_doc`` entry.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["Lexicon", "load_lexicon", "find_phrases"]


@dataclass(frozen=True)
class Lexicon:
    """Every word list of the claims stage, as frozen sets of lower-case strings."""

    denial_cues: frozenset[str]
    doubt_cues: frozenset[str]
    relay_cues: frozenset[str]
    assertive_cues: frozenset[str]
    reporting_verbs: frozenset[str]
    cannot_confirm: tuple[str, ...]
    dispute_phrases: tuple[str, ...]
    rejection_words: tuple[str, ...]
    hedges: tuple[str, ...]
    negators: frozenset[str]
    negative_phrases: tuple[str, ...]
    call_cues: frozenset[str]
    modal_calls: frozenset[str]
    call_phrases: tuple[str, ...]
    evaluative: tuple[str, ...]
    before: tuple[str, ...]
    after: tuple[str, ...]
    damage: frozenset[str]
    no_damage: tuple[str, ...]
    count_nouns_ignore: frozenset[str]
    publication_nouns: frozenset[str]
    count_verbs: dict[str, str]


def _read(name: str) -> dict[str, list[str]]:
    text = resources.files("counterpoint").joinpath("data", name).read_text("utf-8")
    data: dict[str, list[str]] = json.loads(text)
    return data


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the packaged lexicons (cached: the files do not change during a run)."""
    stance = _read("claims_stance.json")
    negation = _read("claims_negation.json")
    opinion = _read("claims_opinion.json")
    disc = _read("claims_discrepancy.json")
    return Lexicon(
        denial_cues=frozenset(stance["denial_cues"]),
        doubt_cues=frozenset(stance["doubt_cues"]),
        relay_cues=frozenset(stance["relay_cues"]),
        assertive_cues=frozenset(stance["assertive_cues"]),
        reporting_verbs=frozenset(stance["reporting_verbs"]),
        cannot_confirm=tuple(stance["cannot_confirm"]),
        dispute_phrases=tuple(stance["dispute_phrases"]),
        rejection_words=tuple(stance["rejection_words"]),
        hedges=tuple(_read("claims_hedges.json")["hedges"]),
        negators=frozenset(negation["negators"]),
        negative_phrases=tuple(negation["negative_phrases"]),
        call_cues=frozenset(opinion["call_cues"]),
        modal_calls=frozenset(opinion["modal_calls"]),
        call_phrases=tuple(opinion["call_phrases"]),
        evaluative=tuple(opinion["evaluative"]),
        before=tuple(disc["before"]),
        after=tuple(disc["after"]),
        damage=frozenset(disc["damage"]),
        no_damage=tuple(disc["no_damage"]),
        count_nouns_ignore=frozenset(disc["count_nouns_ignore"]),
        publication_nouns=frozenset(disc["publication_nouns"]),
        count_verbs=dict(disc.get("count_verbs", {})),  # type: ignore[arg-type]
    )


@lru_cache(maxsize=4096)
def _pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])")


def find_phrases(text: str, phrases: tuple[str, ...] | frozenset[str]) -> list[str]:
    """The phrases that occur in ``text`` on word boundaries (case-insensitive), in list order."""
    lowered = _normalise(text)
    return [p for p in phrases if _pattern(p).search(lowered)]


def _normalise(text: str) -> str:
    """Lower case with typographic apostrophes folded, so "didn’t" matches "didn't"."""
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")
