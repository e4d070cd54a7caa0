"""Merging candidate mentions into a story's entities.

The steps, each explained in ``docs/entities.md``:

1. repair mis-cut spans where the story shows the right cut (:mod:`.repair`);
2. group mentions whose names are equal after normalisation (type-agnostic);
3. decide which groups are people by a vote over spaCy's labels;
4. merge full names of people (:mod:`.people`), then attach lone surnames and
   given names to the one person they can mean; a lone word that joins nobody
   and that the story also shows as a place or organisation is not a person;
5. merge the other names (:mod:`.others`);
6. scan every article for exact occurrences of the names spaCy missed (:mod:`.scan`).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc

from counterpoint.entities.mentions import Candidate, extract_candidates
from counterpoint.entities.names import load_rules, normalize_word
from counterpoint.entities.others import (
    country_keys,
    is_acronym,
    merge_others,
    other_key,
    votes,
)
from counterpoint.entities.people import attach_mislabelled, attach_lone, cluster_full_names, parts
from counterpoint.entities.repair import repair
from counterpoint.entities.scan import add_alias_mentions
from counterpoint.model import Article, Entity, Mention, make_id

__all__ = ["entity_at", "resolve_entities"]

_NEXT_WORD = re.compile(r"\s+(\w+)")
_LIST_GAPS = (", ", " and ", ", and ")

Key = tuple[str, ...]
Group = list[Candidate]


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
    texts = {a.id: a.text for a in parsed}
    groups = _merge(repair(_outside_headlines(candidates), texts), texts)
    groups = add_alias_mentions(groups, texts)
    outlets = _outlet_names(parsed)
    entities = [
        _build_entity(group, "ORG" if _names_an_outlet(group, outlets) else etype)
        for group, etype in groups
        if group
    ]
    return tuple(sorted(entities, key=lambda e: (-len(e.mentions), e.name, e.id)))


def _outlet_names(articles: Sequence[Article]) -> frozenset[str]:
    """The ways the story's outlets name themselves in text: "The Daily Flare", "Daily
    Flare" and its last word "Flare" ("told the Flare")."""
    names: set[str] = set()
    for article in articles:
        outlet = (article.outlet or "").strip()
        if not outlet or "." in outlet:  # a bare domain is never written in running text
            continue
        words = outlet.split()
        if words[0].lower() == "the":
            words = words[1:]
        if words:
            names.add(" ".join(words).casefold())
            if len(words) > 1 and len(words[-1]) >= 4:
                names.add(words[-1].casefold())
    return frozenset(names)


def _names_an_outlet(group: Group, outlets: frozenset[str]) -> bool:
    """True when every form of the group is one of the story's outlets: a news
    organisation, whatever the tagger took it for ("Meridian Wire" as a person)."""
    return bool(outlets) and all(" ".join(c.words).casefold() in outlets for c in group)


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


def _outside_headlines(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Drop names found only in Title Case headlines, where spaCy takes every
    capitalised word for a name ("Putin Residence"); names the story also uses
    elsewhere stay, and the alias scan finds them in the headlines again."""
    known = {c.words for c in candidates if not c.in_headline}
    return [c for c in candidates if not c.in_headline or c.words in known]


def _is_person_vote(counts: Counter[str]) -> bool:
    person = counts.get("PERSON", 0)
    others = max((n for t, n in counts.items() if t != "PERSON"), default=0)
    return person > 0 and person >= others


def _merge(candidates: Sequence[Candidate], texts: Mapping[str, str]) -> list[tuple[Group, str]]:
    """Groups of mentions, each with its entity type."""
    by_key: dict[Key, Group] = defaultdict(list)
    for c in candidates:
        by_key[tuple(normalize_word(w) for w in c.words)].append(c)
    person_keys = [k for k, g in by_key.items() if _is_person_vote(votes(g))]
    full = [k for k in person_keys if parts(by_key[k][0].words).given]
    lone = [k for k in person_keys if not parts(by_key[k][0].words).given]
    others = {k: g for k, g in by_key.items() if k not in set(person_keys)}
    place_keys = {other_key(k) for k in others}
    places = _place_spans(candidates)

    def place_like(c: Candidate) -> bool:
        return _before_place_noun(c, texts) or _listed_with(c, places, texts)

    evidence = {
        k: bool(set(votes(by_key[k])) - {"PERSON"})
        or other_key(k) in place_keys
        or any(place_like(c) for c in by_key[k])
        for k in lone
    }
    clusters = cluster_full_names(full, by_key)
    rest = attach_lone(lone, by_key, clusters, evidence)
    for key, group in rest.demoted.items():
        others.setdefault(key, []).extend(
            dataclasses.replace(c, cue="GPE") if place_like(c) and c.cue is None else c
            for c in group
        )
    attach_mislabelled([k for k in others if len(k) == 1], others, clusters)
    others = {k: g for k, g in others.items() if g}
    groups: list[tuple[Group, str]] = [(c, "PERSON") for c in clusters]
    groups += [(g, "PERSON") for g in rest.unattached.values()]
    return groups + merge_others(others)


def _before_place_noun(c: Candidate, texts: Mapping[str, str]) -> bool:
    """Whether the mention is followed by a place noun ("Kirovohrad region")."""
    after = _NEXT_WORD.match(texts[c.article_id], c.end)
    return after is not None and after.group(1).lower() in load_rules().place_nouns


def _place_spans(candidates: Sequence[Candidate]) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for c in candidates:
        if c.label in ("GPE", "LOC"):
            spans[c.article_id].append((c.start, c.end))
    return spans


def _listed_with(
    c: Candidate, places: Mapping[str, list[tuple[int, int]]], texts: Mapping[str, str]
) -> bool:
    """Whether the mention stands inside a list of places: a place right before
    or after it with only ", " or " and " between, and a list separator on its
    other side too ("Kyiv, Sumy, Kirovohrad regions"). "In Geneva, Lavrov
    said" is no list."""
    text = texts[c.article_id]
    before = any(text[end : c.start] in _LIST_GAPS for _, end in places.get(c.article_id, []))
    after = any(text[c.end : start] in _LIST_GAPS for start, _ in places.get(c.article_id, []))
    opens = text[: c.start].endswith(_LIST_GAPS)
    closes = text[c.end :].startswith(_LIST_GAPS)
    return (before and closes) or (after and opens)


def _build_entity(group: Group, etype: str) -> Entity:
    forms = Counter(c.form for c in group)
    name = _canonical(forms, etype == "PERSON")
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
    """The fullest, most frequent form: for people a full name beats a lone
    name, then frequency, then length; for others a spelled-out name beats an
    acronym, then frequency, then length, and a country's short name ("Russia")
    beats its official one ("Russian Federation")."""

    aliases = country_keys()
    keys = {f: other_key(tuple(normalize_word(w) for w in f.split())) for f in forms}
    shorts = {keys[f] for f in forms if not person and keys[f] in aliases.values()}

    def rank(form: str) -> tuple[int, int, int, int, str]:
        words = len(form.split())
        # a country's official or abbreviated name gives way to its short name
        official = int(not person and aliases.get(keys[form]) in shorts)
        return (official, -int(person and words >= 2), -forms[form], -words, form)

    spelled_out = [f for f in forms if person or not is_acronym(f)]
    return min(spelled_out or forms, key=rank)
