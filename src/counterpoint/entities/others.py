"""Merging the names of places, organisations, groups and events.

Names are compared by a key that ignores what does not change the thing named
(see ``docs/entities.md``): case, accents, a leading "the" (removed earlier),
the plural of a demonym ("Ukrainians"), the Ukrainian/Russian-derived ending of a
place ("Kharkiv"/"Kharkov"), and word order around "of" ("Ministry of Defence"/
"Defence Ministry"). Three further, narrower rules join a short name to the
one longer name it abbreviates ("Halden Institute" for "Halden Institute for
Security Studies"), a one-letter misspelling of a long place name, and an
acronym to the one name it spells ("ISW").
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from importlib import resources

from rapidfuzz.distance import Levenshtein

from counterpoint.entities.mentions import Candidate
from counterpoint.entities.names import normalize_word, place_word

__all__ = ["is_acronym", "merge_others", "other_key", "vote_type", "votes"]

Key = tuple[str, ...]
Group = list[Candidate]

# When a group's votes tie, the earlier type wins.
TYPE_ORDER = ("PERSON", "GPE", "ORG", "NORP", "LOC", "FAC", "EVENT")
FALLBACK_TYPE = "ORG"
_LINK_WORDS = frozenset({"of", "for", "the", "and", "on", "in", "at", "de", "&"})
_PREPOSITIONS = frozenset({"of", "for", "on", "in", "at"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
FUZZY_PLACE_MIN_LEN = 7
MIN_TYPE_CUES = 2


def votes(group: Iterable[Candidate]) -> Counter[str]:
    """spaCy's labels over a group's recognised mentions (scanned ones do not vote)."""
    return Counter(c.label for c in group if c.label is not None)


def vote_type(group: Sequence[Candidate]) -> str:
    """The most frequent non-person label (ties go to the earlier type in
    TYPE_ORDER), unless the label is ORG and at least two mentions carry context
    cues of one other type ("Norland's airspace"): then that type. A place or group
    with one organisation cue ("the company Norgrain") is an organisation. A group
    with no label but a person's takes its cue's type, else ORG."""
    counts = Counter({t: n for t, n in votes(group).items() if t != "PERSON"})
    cues = Counter(c.cue for c in group if c.cue is not None)
    if not counts:
        return cues.most_common(1)[0][0] if cues else FALLBACK_TYPE
    best = min(counts, key=lambda t: (-counts[t], TYPE_ORDER.index(t)))
    if best in ("GPE", "LOC", "NORP", "FAC") and cues.get("ORG"):
        return "ORG"  # "the company Norgrain": one such mention outweighs the tagger
    if best == "ORG" and cues:
        cue, n = cues.most_common(1)[0]
        return cue if n >= MIN_TYPE_CUES else best
    return best


def other_key(key: Key) -> Key:
    """Key for a non-person name: plural demonym, place spelling, word order folded."""
    if not key:
        return key
    last = re.sub(r"(?<=an)s$", "", key[-1])
    key = key[:-1] + (place_word(last),)
    if len(key) == 1:
        return key
    return tuple(sorted(w for w in key if w not in _LINK_WORDS))


def merge_others(others: Mapping[Key, Group]) -> list[tuple[Group, str]]:
    """Non-person groups merged by :func:`other_key` and the two narrow rules,
    each with its voted type."""
    by_key: dict[Key, Group] = {}
    for key, group in others.items():
        by_key.setdefault(other_key(key), []).extend(group)
    keys = list(by_key)
    types = {k: vote_type(by_key[k]) for k in keys}
    parent = {k: k for k in keys}

    def find(k: Key) -> Key:
        while parent[k] != k:
            k = parent[k]
        return k

    pairs = (_abbreviations(by_key, types) + _misspelt_places(keys, types)
             + _country_names(keys))
    for short, long in pairs + _acronyms(by_key, types):
        parent[find(short)] = find(long)
    merged: dict[Key, Group] = {}
    for k in keys:
        merged.setdefault(find(k), []).extend(by_key[k])
    return [(group, vote_type(group)) for group in merged.values()]


@lru_cache(maxsize=1)
def country_keys() -> dict[Key, Key]:
    """Key of each long or abbreviated country name -> key of the country's short name,
    from ``data/country_names.json``."""
    text = resources.files("counterpoint").joinpath("data", "country_names.json")
    raw = json.loads(text.read_text(encoding="utf-8"))

    def key_of(name: str) -> Key:
        return other_key(tuple(normalize_word(w) for w in name.split()))

    return {
        key_of(alias): key_of(short)
        for short, aliases in raw["countries"].items()
        for alias in aliases
    }


def _country_names(keys: Sequence[Key]) -> list[tuple[Key, Key]]:
    """"Russian Federation" joins "Russia" when both are named in the story."""
    present = set(keys)
    table = country_keys()
    return [(k, table[k]) for k in keys if k in table and table[k] in present]


def _ordered(group: Sequence[Candidate]) -> tuple[str, ...]:
    return tuple(normalize_word(w) for w in group[0].words)


def _abbreviations(by_key: Mapping[Key, Group], types: Mapping[Key, str]) -> list[tuple[Key, Key]]:
    """A name of two or more words that is exactly the head of one longer name of
    the same type, before its first "of"/"for"/"on" ("Halden Institute" for
    "Halden Institute for Security Studies"), joins it."""
    heads: dict[tuple[tuple[str, ...], str], list[Key]] = {}
    for key, group in by_key.items():
        words = _ordered(group)
        cut = next((i for i, w in enumerate(words) if w in _PREPOSITIONS), None)
        if cut is not None and cut >= 2:
            heads.setdefault((words[:cut], types[key]), []).append(key)
    pairs = []
    for key, group in by_key.items():
        words = _ordered(group)
        longer = heads.get((words, types[key]), [])
        if len(words) >= 2 and len(longer) == 1 and longer[0] != key:
            pairs.append((key, longer[0]))
    return pairs


def _misspelt_places(keys: Sequence[Key], types: Mapping[Key, str]) -> list[tuple[Key, Key]]:
    """Two one-word place names of the same type, at least seven letters long,
    same first letter and one edit apart ("Lakeport"/"Lakeporte")."""
    single = [k for k in keys if len(k) == 1 and types[k] in _PLACE_TYPES]
    pairs: list[tuple[Key, Key]] = []
    for i, a in enumerate(single):
        for b in single[i + 1 :]:
            if (
                types[a] == types[b]
                and min(len(a[0]), len(b[0])) >= FUZZY_PLACE_MIN_LEN
                and a[0][0] == b[0][0]
                and Levenshtein.distance(a[0], b[0], score_cutoff=1) <= 1
            ):
                pairs.append((a, b))
    return pairs


def is_acronym(form: str) -> bool:
    """ "ISW", "U.S.": two to six capitals, dots allowed."""
    letters = form.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def _initials(words: Sequence[str]) -> str:
    return "".join(w[0] for w in words if w.lower() not in _LINK_WORDS and w[:1].isupper())


def _acronyms(by_key: Mapping[Key, Group], types: Mapping[Key, str]) -> list[tuple[Key, Key]]:
    """An acronym joins the one multi-word name of the same type whose
    capitalised words' initials spell it ("ISW" for "Institute for the Study of
    War", "US" for "United States")."""
    spelled: dict[tuple[str, str], set[Key]] = {}
    for key, group in by_key.items():
        for c in group:
            if len(c.words) >= 2:
                spelled.setdefault((_initials(c.words), types[key]), set()).add(key)
    pairs = []
    for key, group in by_key.items():
        forms = {c.form for c in group if is_acronym(c.form)}
        for form in forms:
            longer = spelled.get((form.replace(".", ""), types[key]), set()) - {key}
            if len(longer) == 1:
                pairs.append((key, next(iter(longer))))
                break
    return pairs
