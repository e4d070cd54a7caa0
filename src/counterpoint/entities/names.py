"""Comparing written names: normalisation, transliteration rules, given-name variants.

Everything here works on name *words* (whitespace-separated pieces of a mention)
and only decides whether two written forms may be the same name. The rules come
from ``data/name_variants.json`` and ``data/titles.txt`` so that they can be read,
reviewed and extended without touching code (see ``docs/entities.md``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rapidfuzz.distance import Levenshtein

__all__ = [
    "NameRules",
    "given_compatible",
    "is_initial",
    "is_suffix",
    "load_rules",
    "load_titles",
    "normalize_word",
    "person_parts",
    "place_word",
    "surname_compatible",
]

# A surname this long may differ by one edit (a typo or a rare spelling) when the
# given names already agree; shorter surnames must match exactly.
FUZZY_SURNAME_MIN_LEN = 7


@dataclass(frozen=True)
class NameRules:
    """The compiled contents of ``name_variants.json``."""

    token_rules: tuple[tuple[re.Pattern[str], str], ...]
    place_rules: tuple[tuple[re.Pattern[str], str], ...]
    suffixes: frozenset[str]
    given_groups: dict[str, int]
    type_cues: dict[tuple[str, ...], str]
    place_nouns: frozenset[str]
    org_nouns_before: frozenset[str]


def _data_text(name: str) -> str:
    return resources.files("counterpoint").joinpath("data", name).read_text(encoding="utf-8")


def _compile(rules: Sequence[dict[str, str]]) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(r["pattern"]), r["replace"]) for r in rules)


@lru_cache(maxsize=1)
def load_rules() -> NameRules:
    """Load and compile the packaged spelling rules and given-name variant groups."""
    raw = json.loads(_data_text("name_variants.json"))
    token_rules = _compile(raw["token_rules"])
    groups: dict[str, int] = {}
    for index, group in enumerate(raw["given_name_groups"]["groups"]):
        for name in group:
            groups[_apply(token_rules, _fold(name))] = index
    return NameRules(
        token_rules=token_rules,
        place_rules=_compile(raw["place_rules"]),
        suffixes=frozenset(raw["name_suffixes"]),
        given_groups=groups,
        type_cues={
            **{(noun,): "GPE" for noun in raw["place_nouns"]["words"]},
            **{
                tuple(phrase.split()): etype
                for etype, phrases in raw["type_cues"].items()
                if not etype.startswith("_")
                for phrase in phrases
            },
        },
        place_nouns=frozenset(raw["place_nouns"]["words"]),
        org_nouns_before=frozenset(raw["org_nouns_before"]["words"]),
    )


@lru_cache(maxsize=1)
def load_titles() -> frozenset[tuple[str, ...]]:
    """Title and role phrases from ``titles.txt``, each as a tuple of lower-case words."""
    phrases = set()
    for line in _data_text("titles.txt").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            phrases.add(tuple(line.split()))
    return frozenset(phrases)


def _fold(word: str) -> str:
    """Casefold and drop accents: "Łukasz" and "lukasz" compare equal."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace("ł", "l").replace("ø", "o").replace("ß", "ss")


def _apply(rules: Sequence[tuple[re.Pattern[str], str]], word: str) -> str:
    for pattern, replacement in rules:
        word = pattern.sub(replacement, word)
    return word


@lru_cache(maxsize=8192)
def normalize_word(word: str) -> str:
    """The comparison form of one name word: folded, then the token rules applied."""
    return _apply(load_rules().token_rules, _fold(word))


def place_word(normalized: str) -> str:
    """Apply the place-only rules (e.g. Kyiv/Kiev) to an already normalised word."""
    return _apply(load_rules().place_rules, normalized)


def is_suffix(word: str) -> bool:
    """True for "Jr.", "III" and the like, which follow a surname."""
    return _fold(word).strip(".") in load_rules().suffixes


def is_initial(word: str) -> bool:
    """True for "J." or "J": a given name written as its initial."""
    return len(word.rstrip(".")) == 1 and word[:1].isalpha()


def person_parts(words: Sequence[str]) -> tuple[str | None, str] | None:
    """Split a person's name into (given name, surname), both normalised.

    The surname is the last word that is not a suffix such as "Jr."; the given
    name is the first word when it is capitalised and not the surname. Names
    that start with a lower-case particle ("von der Leyen") have no given name.
    Returns ``None`` when no word is left.
    """
    core = list(words)
    while len(core) > 1 and is_suffix(core[-1]):
        core.pop()
    if not core:
        return None
    surname = normalize_word(core[-1])
    if len(core) == 1 or not core[0][:1].isupper():
        return None, surname
    return normalize_word(core[0]), surname


def given_compatible(a: str, b: str, a_raw: str = "", b_raw: str = "") -> bool:
    """Whether two normalised given names may name the same person.

    Equal after the spelling rules, listed together as variants of one name,
    or one of them is an initial of the other. Nothing fuzzier: John and Joan
    are different people.
    """
    if a == b:
        return True
    if is_initial(a_raw or a) or is_initial(b_raw or b):
        return a[:1] == b[:1]
    groups = load_rules().given_groups
    return a in groups and groups.get(a) == groups.get(b)


def surname_compatible(a: str, b: str) -> bool:
    """Whether two normalised surnames are the same name.

    Equal after the spelling rules, or, for long surnames, one edit apart
    (rapidfuzz Levenshtein distance 1), which catches a dropped or doubled letter
    the rules do not cover.
    """
    if a == b:
        return True
    if min(len(a), len(b)) < FUZZY_SURNAME_MIN_LEN:
        return False
    return Levenshtein.distance(a, b, score_cutoff=1) <= 1
