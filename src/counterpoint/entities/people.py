"""Merging the names of people: full names first, then lone surnames and given names.

Two full names are one person when both their surnames and their given names
are compatible (:mod:`counterpoint.entities.names`). A lone word is then attached
to the one person it can only mean: the person with that surname introduced in
the same article, else the only person in the story with that surname; a lone
given name ("Erik") joins the only person of the story with that given name, and
only in an article where that person is named in full. Anything ambiguous is
left unattached rather than guessed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from counterpoint.entities.mentions import Candidate
from counterpoint.entities.names import (
    given_compatible,
    is_initial,
    normalize_word,
    person_parts,
    surname_compatible,
)

__all__ = [
    "Group",
    "Key",
    "LoneResult",
    "Parts",
    "attach_mislabelled",
    "attach_lone",
    "cluster_full_names",
    "parts",
    "same_person",
]

Key = tuple[str, ...]
Group = list[Candidate]


@dataclass(frozen=True)
class Parts:
    """A person name's normalised given name ("" if none) and surname."""

    given: str
    surname: str
    initial: bool


def parts(words: Sequence[str]) -> Parts:
    """The :class:`Parts` of a name's words."""
    split = person_parts(words)
    if split is None:
        return Parts("", "", False)
    given, surname = split
    return Parts(given or "", surname, bool(given) and is_initial(words[0]))


def same_person(a: Parts, b: Parts) -> bool:
    if not surname_compatible(a.surname, b.surname):
        return False
    if a.initial or b.initial:
        return a.given[:1] == b.given[:1]
    return given_compatible(a.given, b.given)


def cluster_full_names(keys: Sequence[Key], by_key: Mapping[Key, Group]) -> list[Group]:
    """Clusters of mentions of full person names (given name and surname).

    Names with a written-out given name merge with each other (transitively);
    a name with only an initial ("J. Smith") then joins the one cluster it fits,
    or stays apart when it fits several.
    """
    info = {k: parts(by_key[k][0].words) for k in keys}
    clusters: list[list[Key]] = []
    for k in (k for k in keys if not info[k].initial):
        matching = [cl for cl in clusters if any(same_person(info[k], info[o]) for o in cl)]
        merged = [o for cl in matching for o in cl] + [k]
        clusters = [cl for cl in clusters if cl not in matching] + [merged]
    for k in (k for k in keys if info[k].initial):
        fits = [cl for cl in clusters if any(same_person(info[k], info[o]) for o in cl)]
        if len(fits) == 1:
            fits[0].append(k)
        else:
            clusters.append([k])
    return [[c for k in cluster for c in by_key[k]] for cluster in clusters]


@dataclass
class LoneResult:
    """Lone names that joined no person: still people, or not people after all."""

    unattached: dict[Key, Group] = field(default_factory=dict)
    demoted: dict[Key, Group] = field(default_factory=dict)


@dataclass
class _Index:
    """Who in the story (and in each article) has a given surname or given name."""

    surname: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    given: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    local_surname: dict[tuple[str, str], set[int]] = field(default_factory=lambda: defaultdict(set))
    present: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))


def _index(clusters: Sequence[Group]) -> _Index:
    """Index the full names only: a lone word attached earlier says nothing new."""
    index = _Index()
    for i, cluster in enumerate(clusters):
        for c in cluster:
            p = parts(c.words)
            if not p.given:
                continue
            index.surname[p.surname].add(i)
            index.local_surname[(p.surname, c.article_id)].add(i)
            index.present[c.article_id].add(i)
            if p.given and not p.initial:
                index.given[p.given].add(i)
    return index


_NOBODY = -1


def name_like(word: str) -> bool:
    """A word that can be a surname: letters (with inner hyphens or apostrophes),
    capitalised, not an all-capitals abbreviation such as "US"."""
    letters = word.replace("-", "").replace("'", "").replace("’", "")
    return letters.isalpha() and word[:1].isupper() and not word.isupper()


def _owner(c: Candidate, index: _Index) -> int | None:
    """The cluster a lone word belongs to; ``_NOBODY`` when no person has that
    name at all, ``None`` when it is ambiguous."""
    if not name_like(c.words[-1]):
        return _NOBODY
    word = normalize_word(c.words[-1])
    if word in index.surname:
        local = index.local_surname.get((word, c.article_id), set())
        owners = local or index.surname[word]
        return next(iter(owners)) if len(owners) == 1 else None
    given = index.given.get(word, set())
    if len(given) == 1 and given <= index.present[c.article_id]:
        return next(iter(given))
    return None if given else _NOBODY


def attach_lone(
    lone: Iterable[Key],
    by_key: Mapping[Key, Group],
    clusters: list[Group],
    other_evidence: Mapping[Key, bool],
) -> LoneResult:
    """Attach lone person words to clusters (in place) and return the rest.

    A lone word that no person of the story is called and that the story also
    shows as something else (``other_evidence``: another label on one of its
    mentions, or a spelling variant of a known place) is demoted: not a person.
    """
    index = _index(clusters)
    result = LoneResult()
    for key in lone:
        for c in by_key[key]:
            owner = _owner(c, index)
            if owner is not None and owner != _NOBODY:
                clusters[owner].append(c)
            elif owner == _NOBODY and other_evidence.get(key, False):
                result.demoted.setdefault(key, []).append(c)
            else:
                result.unattached.setdefault(key, []).append(c)
    return result


def attach_mislabelled(
    keys: Iterable[Key], by_key: Mapping[Key, Group], clusters: list[Group]
) -> None:
    """Attach one-word names spaCy labelled as something else ("Solvik" as an
    organisation) to the one person with that surname: the one named in the same
    article, else the only one in the story.

    Given names do not count here, only surnames. The attached mentions are
    moved out of the ``by_key`` groups (which are changed in place).
    """
    index = _index(clusters)
    for key in keys:
        group = by_key[key]
        keep = []
        for c in group:
            word = normalize_word(c.words[-1])
            owners = index.local_surname.get((word, c.article_id)) or index.surname.get(word, set())
            if len(owners) == 1 and name_like(c.words[-1]):
                clusters[next(iter(owners))].append(c)
            else:
                keep.append(c)
        group[:] = keep
