"""Merging candidate mentions into a story's entities.

The steps, each explained in ``docs/entities.md``:

1. repair spans that glued a place onto a person's name;
2. group mentions whose names are equal after normalisation (type-agnostic);
3. decide which groups are people by a vote over spaCy's labels, where a lone
   word seen as a place or organisation anywhere in the story and never
   attached to a full name is not a person;
4. merge full names of people (given and surname compatible), then attach each
   lone surname to the one person in the story with that surname;
5. merge the other names by their place/organisation key;
6. scan every article for exact occurrences of the merged names spaCy missed.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from spacy.tokens import Doc

from counterpoint.entities.mentions import Candidate, extract_candidates
from counterpoint.entities.names import (
    given_compatible,
    is_initial,
    load_titles,
    normalize_word,
    person_parts,
    place_word,
    surname_compatible,
)
from counterpoint.model import Article, Entity, Mention, make_id

__all__ = ["entity_at", "resolve_entities"]

Key = tuple[str, ...]
Group = list[Candidate]

# When a group's votes tie, the earlier type wins.
_TYPE_ORDER = ("PERSON", "GPE", "ORG", "NORP", "LOC", "FAC", "EVENT")
_FALLBACK_TYPE = "ORG"


def resolve_entities(articles: Sequence[Article], docs: Mapping[str, Doc]) -> tuple[Entity, ...]:
    """The people, organisations, places and groups of a story, merged across articles.

    ``docs`` maps an article id to the spaCy parse of that article's text;
    articles without a parse (e.g. non-English ones) are skipped. Entities are
    sorted by number of mentions (most first), then by name.
    """
    parsed = [a for a in articles if a.id in docs]
    candidates: list[Candidate] = []
    for article in parsed:
        candidates.extend(extract_candidates(article.id, docs[article.id]))
    candidates = _repair_glued(candidates)
    groups = _merge(candidates)
    groups = _add_alias_mentions(groups, {a.id: a.text for a in parsed})
    entities = [_build_entity(group, person) for group, person in groups]
    return tuple(sorted(entities, key=lambda e: (-len(e.mentions), e.name)))


def entity_at(entities: Sequence[Entity], article_id: str, start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping ``[start, end)`` in that article.

    When several overlap, the one with the largest overlap wins, then the one
    whose mention is tightest around the span.
    """
    best: tuple[int, int] | None = None
    found: Entity | None = None
    for entity in entities:
        for m in entity.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if m.article_id != article_id or overlap <= 0:
                continue
            score = (overlap, -(m.end - m.start))
            if best is None or score > best:
                best, found = score, entity
    return found


# ------------------------------------------------------------------ repair


def _repair_glued(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Cut "Ukraine Volodymyr Zelensky" (from "President of Ukraine Volodymyr
    Zelensky") to the person's name when the story shows both halves: the tail
    is a full name seen as a person, the head a name seen as something else."""
    people = {c.words for c in candidates if c.label == "PERSON" and len(c.words) >= 2}
    others = {c.words for c in candidates if c.label not in (None, "PERSON")}
    titles = load_titles()
    repaired = []
    for c in candidates:
        cut = next(
            (
                k
                for k in range(1, len(c.words) - 1)
                if c.words[k:] in people
                and (c.words[:k] in others or tuple(w.lower() for w in c.words[:k]) in titles)
            ),
            None,
        )
        if cut is None:
            repaired.append(c)
            continue
        repaired.append(
            Candidate(
                c.article_id,
                c.word_starts[cut],
                c.end,
                c.words[cut:],
                c.word_starts[cut:],
                "PERSON",
            )
        )
    return repaired


# ------------------------------------------------------------------ merging


def _key(words: Sequence[str]) -> Key:
    return tuple(normalize_word(w) for w in words)


def _votes(group: Iterable[Candidate]) -> Counter[str]:
    return Counter(c.label for c in group if c.label is not None)


def _is_person_vote(votes: Counter[str]) -> bool:
    person = votes.get("PERSON", 0)
    return person > 0 and person >= max((n for t, n in votes.items() if t != "PERSON"), default=0)


def _merge(candidates: Sequence[Candidate]) -> list[tuple[Group, bool]]:
    """Groups of mentions, each flagged True when it is a person."""
    by_key: dict[Key, Group] = defaultdict(list)
    for c in candidates:
        by_key[_key(c.words)].append(c)
    person_keys = [k for k, g in by_key.items() if _is_person_vote(_votes(g))]
    full = [k for k in person_keys if person_parts(by_key[k][0].words)[0] is not None]  # type: ignore[index]
    lone = [k for k in person_keys if k not in set(full)]
    clusters = _cluster_full_names(full, by_key)
    others = {k: g for k, g in by_key.items() if k not in set(person_keys)}
    other_groups = _merge_others(others)
    place_keys = {_other_key(k) for k in others}
    leftover = _attach_surnames(lone, by_key, clusters, place_keys)
    for k in leftover.demoted:
        other_groups.setdefault(_other_key(k), []).extend(by_key[k])
    result: list[tuple[Group, bool]] = [
        ([c for k in cluster for c in by_key[k]], True) for cluster in clusters
    ]
    result += [(by_key[k], True) for k in leftover.unattached]
    result += [(g, False) for g in other_groups.values()]
    return result


def _cluster_full_names(keys: Sequence[Key], by_key: Mapping[Key, Group]) -> list[list[Key]]:
    """Clusters of full person names: given names and surnames both compatible.

    Names with a written-out given name are merged with each other (transitively);
    a name with only an initial ("J. Smith") then joins the one cluster it fits,
    or stays apart when it fits several.
    """
    parts = {k: _parts(by_key[k][0].words) for k in keys}
    initials = [k for k in keys if parts[k][2]]
    clusters: list[list[Key]] = []
    for k in (k for k in keys if not parts[k][2]):
        matching = [cl for cl in clusters if any(_same_person(parts[k], parts[o]) for o in cl)]
        merged = [k] + [o for cl in matching for o in cl]
        clusters = [cl for cl in clusters if cl not in matching] + [merged]
    for k in initials:
        fits = [cl for cl in clusters if any(_same_person(parts[k], parts[o]) for o in cl)]
        if len(fits) == 1:
            fits[0].append(k)
        else:
            clusters.append([k])
    return clusters


def _parts(words: Sequence[str]) -> tuple[str, str, bool]:
    given, surname = person_parts(words)  # type: ignore[misc]
    return given or "", surname, is_initial(words[0])


def _same_person(a: tuple[str, str, bool], b: tuple[str, str, bool]) -> bool:
    if not surname_compatible(a[1], b[1]):
        return False
    if a[2] or b[2]:
        return a[0][:1] == b[0][:1]
    return given_compatible(a[0], b[0])


class _Leftover:
    """Lone names that joined no person: still people, or places after all."""

    def __init__(self) -> None:
        self.unattached: list[Key] = []
        self.demoted: list[Key] = []


def _attach_surnames(
    lone: Sequence[Key],
    by_key: Mapping[Key, Group],
    clusters: list[list[Key]],
    place_keys: set[Key],
) -> _Leftover:
    """Attach each lone surname to the unique person with that surname.

    A surname shared by two people stays unattached. A lone word that joins no
    person and that the story also shows as a place or organisation (another
    label on one of its mentions, or a spelling variant of a known place) is
    not a person.
    """
    surnames: dict[str, set[int]] = defaultdict(set)
    for i, cluster in enumerate(clusters):
        for k in cluster:
            surnames[_parts(by_key[k][0].words)[1]].add(i)
    leftover = _Leftover()
    for k in lone:
        owners = surnames.get(_parts(by_key[k][0].words)[1], set())
        if len(owners) == 1:
            clusters[next(iter(owners))].append(k)
        elif len(owners) > 1:
            leftover.unattached.append(k)
        elif set(_votes(by_key[k])) - {"PERSON"} or _other_key(k) in place_keys:
            leftover.demoted.append(k)
        else:
            leftover.unattached.append(k)
    return leftover


def _other_key(key: Key) -> Key:
    """Key for non-person names: demonym plurals and place spellings folded."""
    if not key:
        return key
    last = re.sub(r"(?<=an)s$", "", key[-1])
    return key[:-1] + (place_word(last),)


def _merge_others(others: Mapping[Key, Group]) -> dict[Key, Group]:
    merged: dict[Key, Group] = {}
    for key, group in others.items():
        merged.setdefault(_other_key(key), []).extend(group)
    return merged


# ------------------------------------------------------------------ alias scan


def _add_alias_mentions(
    groups: Sequence[tuple[Group, bool]], texts: Mapping[str, str]
) -> list[tuple[Group, bool]]:
    """Add exact, token-bounded occurrences of each entity's names that no
    recognised mention covers. A name used by two entities is not scanned."""
    owner: dict[str, int] = {}
    clash: set[str] = set()
    for i, (group, _) in enumerate(groups):
        for form in {c.form for c in group}:
            if form in owner and owner[form] != i:
                clash.add(form)
            owner[form] = i
    forms = sorted(
        (f for f in owner if f not in clash and f[:1].isupper() and len(f) > 1),
        key=lambda f: (-len(f), f),
    )
    result = [(list(g), p) for g, p in groups]
    if not forms:
        return result
    pattern = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(r"\s+".join(map(re.escape, f.split())) for f in forms)
        + r")(?![\w-])"
    )
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for group, _ in groups:
        for c in group:
            taken[c.article_id].append((c.start, c.end))
    for article_id, text in texts.items():
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken[article_id]):
                continue
            form = " ".join(m.group().split())
            starts = tuple(m.start() + w.start() for w in re.finditer(r"\S+", m.group()))
            result[owner[form]][0].append(
                Candidate(article_id, m.start(), m.end(), tuple(form.split()), starts, None)
            )
    return result


# ------------------------------------------------------------------ records


def _build_entity(group: Group, person: bool) -> Entity:
    forms = Counter(c.form for c in group)
    name = _canonical(forms, person)
    etype = "PERSON" if person else _vote_type(_votes(group))
    mentions = sorted(
        {Mention(c.article_id, c.start, c.end) for c in group},
        key=lambda m: (m.article_id, m.start, m.end),
    )
    return Entity(
        id=make_id("e", etype, name),
        name=name,
        type=etype,
        aliases=tuple(sorted(forms)),
        mentions=tuple(mentions),
    )


def _canonical(forms: Counter[str], person: bool) -> str:
    """The fullest, most frequent form: for people a full name beats a surname,
    then frequency, then length; for others frequency, then length."""

    def rank(form: str) -> tuple[int, int, int, str]:
        words = len(form.split())
        full = int(person and words >= 2)
        return (-full, -forms[form], -words, form)

    return min(forms, key=rank)


def _vote_type(votes: Counter[str]) -> str:
    votes = Counter({t: n for t, n in votes.items() if t != "PERSON"})
    if not votes:
        return _FALLBACK_TYPE
    return min(votes, key=lambda t: (-votes[t], _TYPE_ORDER.index(t)))
