"""Whose voices an article carries, and whom each voice speaks for.

A voice is a speaker with the number of quotes and content words the article gives
them. Its group (affiliation) is read from the story's own text: the titles and
modifiers before the speaker's name ("Kremlin spokesman X", "Ukrainian presidential
adviser X") and appositions ("X, a spokesman for the Y government"; "X, professor of
... at the University of Z"). Expert cues in that role phrase give "independent
expert"; otherwise the first nationality, place or organisation named there gives the
group, with nationality words mapped to their country through the demonym lexicon.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from counterpoint.framing.naming import left_extension
from counterpoint.lexicons import Lexicon
from counterpoint.model import Article, Entity, Quote, Speaker, Voice

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["INDEPENDENT_EXPERT", "Affiliations", "article_voices"]

INDEPENDENT_EXPERT = "independent expert"
_COUNTRY_LABELS = frozenset({"NORP", "GPE"})
_SUFFIXES = frozenset({"n", "an", "ian", "ean", "ese", "ish", "i", "ic", "ien"})
_SKIP_DEPS = frozenset({"relcl", "acl"})


@dataclass
class Affiliations:
    """Finds a speaker's group from the story's parses; results cached per entity."""

    docs: Mapping[str, Doc]
    entities: Sequence[Entity]
    affiliation: Lexicon
    demonyms: Lexicon
    _cache: dict[str, str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._titles = frozenset(self.affiliation.terms())
        self._expert = re.compile(
            r"\b(?:"
            + "|".join(re.escape(t) for t in self.affiliation.terms(INDEPENDENT_EXPERT))
            + r")\b"
        )
        self._places = [e.name for e in self.entities if e.type == "GPE"]
        self._names: dict[str, str] = {}
        for e in self.entities:
            for alias in (e.name, *e.aliases):
                self._names.setdefault(alias.lower(), e.name)

    def for_entity(self, entity: Entity) -> str | None:
        """The group most of the entity's mentions show, or ``None``."""
        if entity.type in _COUNTRY_LABELS:
            entry = self.demonyms.get(entity.name)  # a country speaks for itself
            return entry.category if entry is not None else entity.name
        if entity.id not in self._cache:
            votes: Counter[str] = Counter()
            for m in entity.mentions:
                group = self.for_span(m.article_id, m.start, m.end, entity.type)
                if group is not None:
                    votes[group] += 1
            self._cache[entity.id] = votes.most_common(1)[0][0] if votes else None
        return self._cache[entity.id]

    def for_span(
        self, article_id: str, start: int, end: int, kind: str | None = None
    ) -> str | None:
        """The group shown around one mention of a speaker, or ``None``.

        ``kind`` is the speaker's entity type; without it the parse's label is used.
        An organisation's own name may show its country ("the Russian Foreign
        Ministry"); a person's name never does.
        """
        doc = self.docs.get(article_id)
        span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
        if span is None or len(span) == 0:
            return None
        tokens = self._role_tokens(span)
        if (kind or span.root.ent_type_ or "PERSON") != "PERSON":
            tokens = [*span, *tokens]
        return self._group(tokens)

    def _role_tokens(self, span: Span) -> list[Token]:
        """Tokens of the titles before the name and of its appositions."""
        doc = span.doc
        inside = set(range(span.start, span.end))
        first = left_extension(span, self._titles)
        tokens = list(doc[first : span.start])
        owner = doc[first - 2] if first >= 2 and doc[first - 1].dep_ == "case" else None
        if owner is not None and owner.dep_ == "poss" and first <= owner.head.i < span.end:
            tokens.extend(owner.subtree)  # "Norland's Defence Minister X"
        root = span.root
        heads = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            heads.append(root.head)
        heads = [h for h in heads if not _in_brackets(h)]  # photo credits, asides
        for head in heads:
            skip = inside | {t.i for c in head.children if c.dep_ in _SKIP_DEPS for t in c.subtree}
            skip |= {t.i for t in root.subtree} if head is root.head else set()
            tokens.extend(t for t in head.subtree if t.i not in skip)
        return sorted(set(tokens), key=lambda t: t.i)

    def _group(self, tokens: list[Token]) -> str | None:
        """Expert cue, else the first country (or nationality) named, else the first ORG."""
        if not tokens:
            return None
        if self._expert.search(" ".join(t.lower_ for t in tokens)):
            return INDEPENDENT_EXPERT
        for tok in tokens:
            country = self._country(tok)
            if country is not None:
                return country
        for tok in tokens:
            if tok.ent_type_ == "ORG":
                return self._entity_group(tok)
        return None

    def _country(self, tok: Token) -> str | None:
        """The country a nationality word or place name points to, if ``tok`` is one."""
        if tok.pos_ == "PRON" or not tok.text[:1].isupper():
            return None
        entry = self.demonyms.get(tok.text)
        if entry is not None:
            return entry.category
        for place in self._places:
            if _demonym_of(tok.text, place):
                return place
        if tok.ent_type_ in _COUNTRY_LABELS:
            return self._entity_group(tok)
        return None

    def _entity_group(self, tok: Token) -> str:
        ent = next(e for e in tok.doc.ents if e.start <= tok.i < e.end)
        words = []
        for t in ent:
            if t.is_bracket or (t.is_quote and t.text not in "'’") or t.text in ",;:":
                break
            words.append(t.text_with_ws)
        text = re.sub(r"^the\s+", "", " ".join("".join(words).split()), flags=re.IGNORECASE)
        entry = self.demonyms.get(text)
        if entry is not None:
            return entry.category
        return self._names.get(text.lower(), text)


def _in_brackets(head: Token) -> bool:
    """True when the phrase headed by ``head`` opens right after a bracket."""
    first = head.left_edge.i
    return first > 0 and head.doc[first - 1].is_bracket


def _demonym_of(word: str, place: str) -> bool:
    """True for a nationality adjective of ``place`` ("Vessarian" of "Vessaria").

    The word must extend the place name, sharing all of it but at most its last letter.
    """
    if len(place) < 4 or len(word) <= len(place) - 1 or word == place:
        return False
    return word.startswith(place[:-1]) and word[len(place) - 1 :].lower() in _SUFFIXES


def _speaker_key(speaker: Speaker) -> str | None:
    if speaker.entity_id is not None:
        return speaker.entity_id
    return speaker.name.strip().lower() if speaker.name else None


def _is_pronoun(doc: Doc | None, speaker: Speaker) -> bool:
    """True when an unresolved speaker is only a pronoun ("he", "they")."""
    if doc is None or speaker.start is None or speaker.end is None:
        return False
    span = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    return span is not None and all(t.pos_ == "PRON" for t in span)


def article_voices(
    article: Article,
    quotes: Sequence[Quote],
    entities: Mapping[str, Entity],
    affiliations: Affiliations,
) -> tuple[Voice, ...]:
    """One voice per speaker quoted in ``article``, most quoted first.

    Speakers that are neither resolved to an entity nor named (or only named by a
    pronoun) are left out: they are not an actor a reader could identify.
    """
    doc = affiliations.docs.get(article.id)
    counts: dict[str, list[int]] = {}
    first: dict[str, Speaker] = {}
    for q in quotes:
        if q.article_id != article.id:
            continue
        for speaker in q.speaker.members or (q.speaker,):  # speakers who speak together: each one
            key = _speaker_key(speaker)
            if key is None or (speaker.entity_id is None and _is_pronoun(doc, speaker)):
                continue
            tally = counts.setdefault(key, [0, 0])
            tally[0] += 1
            tally[1] += len(q.text.split())
            first.setdefault(key, speaker)
    voices = [
        _voice(first[k], n, w, article, entities, affiliations) for k, (n, w) in counts.items()
    ]
    return tuple(sorted(voices, key=lambda v: (-v.quotes, -v.words)))


def _voice(
    speaker: Speaker,
    quotes: int,
    words: int,
    article: Article,
    entities: Mapping[str, Entity],
    affiliations: Affiliations,
) -> Voice:
    entity = entities.get(speaker.entity_id) if speaker.entity_id else None
    group: str | None = None
    if entity is not None:
        name, group = entity.name, affiliations.for_entity(entity)
    else:
        name = speaker.name or ""
        if speaker.start is not None and speaker.end is not None:
            group = affiliations.for_span(article.id, speaker.start, speaker.end)
    return Voice(entity_id=speaker.entity_id, name=name, quotes=quotes, words=words, group=group)
