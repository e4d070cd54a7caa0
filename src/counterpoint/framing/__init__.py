"""Framing per article: how each outlet tells the story, with evidence spans.

For every article: the forms it uses to name each entity, loaded and emotive words
(in the reporter's own voice or inside a quote), hedges and boosters (and the claim
each one qualifies), whose voices it carries and for whom they speak, and which
contested claims it states in its own voice. All word lists come from
:mod:`counterpoint.lexicons`, so users can extend them with their own files.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from counterpoint.framing.naming import naming_forms
from counterpoint.framing.terms import TermFinder, TermHit
from counterpoint.framing.voices import Affiliations, article_voices
from counterpoint.lexicons import Lexicon, load_lexicon
from counterpoint.model import Article, Claim, Entity, Framing, Hedge, LoadedTerm, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

__all__ = ["FramingLexicons", "build_framing", "own_voice_claims"]


@dataclass(frozen=True)
class FramingLexicons:
    """The five lexicons framing reads, each built-in list merged with the user's files."""

    loaded_terms: Lexicon
    hedges: Lexicon
    naming: Lexicon
    affiliation: Lexicon
    demonyms: Lexicon

    @classmethod
    def load(cls, extra_paths: Sequence[str] = ()) -> FramingLexicons:
        """Load every lexicon, merging those ``extra_paths`` files that name it."""
        return cls(**{name: load_lexicon(name, extra_paths) for name in _LEXICON_NAMES})


_LEXICON_NAMES = ("loaded_terms", "hedges", "naming", "affiliation", "demonyms")


def build_framing(
    articles: Sequence[Article],
    docs: Mapping[str, Doc],
    entities: Sequence[Entity],
    quotes: Sequence[Quote],
    claims: Sequence[Claim],
    lexicon_paths: Sequence[str] = (),
) -> tuple[Framing, ...]:
    """One :class:`Framing` per article, in the order of ``articles``.

    ``docs`` maps article id to its spaCy parse; an article without one (e.g. a
    skipped language) still gets naming from raw mention text, voices and
    own-voice claims, but no loaded terms or hedges.
    """
    lex = FramingLexicons.load(lexicon_paths)
    affiliations = Affiliations(docs, entities, lex.affiliation, lex.demonyms)
    by_id = {e.id: e for e in entities}
    finders: dict[int, tuple[TermFinder, TermFinder]] = {}
    framings = []
    for article in articles:
        doc = docs.get(article.id)
        found = _finders(finders, doc.vocab, lex) if doc is not None else None
        loaded = found[0].find(doc) if found and doc is not None else []
        hedges = found[1].find(doc) if found and doc is not None else []
        framings.append(
            Framing(
                article_id=article.id,
                naming=naming_forms(
                    article, doc, entities, lex.naming.terms(), lex.affiliation.terms()
                ),
                loaded_terms=_loaded_terms(loaded, article, quotes),
                hedges=_hedges(hedges, article, quotes, claims),
                voices=article_voices(article, quotes, by_id, affiliations),
                own_voice_claims=own_voice_claims(article.id, claims),
            )
        )
    return tuple(framings)


def _finders(
    cache: dict[int, tuple[TermFinder, TermFinder]], vocab: Vocab, lex: FramingLexicons
) -> tuple[TermFinder, TermFinder]:
    """Matchers for loaded terms and hedges, built once per spaCy vocabulary."""
    key = id(vocab)
    if key not in cache:
        cache[key] = (TermFinder(vocab, lex.loaded_terms), TermFinder(vocab, lex.hedges))
    return cache[key]


def _quoted_ranges(article: Article, quotes: Sequence[Quote]) -> list[tuple[int, int]]:
    """Where an article gives other people's words: verbatim segments, direct quotes,
    and any words the article itself sets between a pair of quotation marks (even when
    no attribution was found for them, the marks say they are not the reporter's).

    The content of an indirect or partial quote outside its quoted segments is the
    reporter's paraphrase, so a loaded word there is the outlet's own word choice.
    """
    from counterpoint.quotes.marks import closed_inner, find_segments

    ranges = closed_inner(find_segments(article.text))
    for q in quotes:
        if q.article_id == article.id:
            ranges.extend(q.quoted)
            if q.kind == "direct":
                ranges.append((q.start, q.end))
    return ranges


def _loaded_terms(
    hits: Sequence[TermHit], article: Article, quotes: Sequence[Quote]
) -> tuple[LoadedTerm, ...]:
    """Loaded-term hits with their voice and why (category and lexicon source)."""
    ranges = _quoted_ranges(article, quotes)
    return tuple(
        LoadedTerm(
            start=h.start,
            end=h.end,
            text=h.text,
            voice="quoted" if any(s <= h.start and h.end <= e for s, e in ranges) else "own",
            why=f"{h.entry.category} ({h.entry.source})",
        )
        for h in hits
    )


def _hedges(
    hits: Sequence[TermHit], article: Article, quotes: Sequence[Quote], claims: Sequence[Claim]
) -> tuple[Hedge, ...]:
    """The outlet's own hedges, each tied to the claim whose report here contains it.

    A hedge inside someone's verbatim words ("it is 'definitely' them") is that
    speaker's, not the outlet's, so it is left out.
    """
    quoted = _quoted_ranges(article, quotes)
    reports = [
        (r.end - r.start, r.start, r.end, c.id)
        for c in claims
        for r in c.reports
        if r.article_id == article.id
    ]
    result = []
    for h in hits:
        if any(s <= h.start and h.end <= e for s, e in quoted):
            continue
        around = [rep for rep in reports if rep[1] <= h.start and h.end <= rep[2]]
        applies_to = min(around)[3] if around else None
        result.append(Hedge(start=h.start, end=h.end, text=h.text, applies_to=applies_to))
    return tuple(result)


def own_voice_claims(article_id: str, claims: Sequence[Claim]) -> tuple[str, ...]:
    """Ids of contested claims that ``article_id`` reports at least once in its own voice."""
    return tuple(
        c.id
        for c in claims
        if c.status == "contested"
        and any(r.article_id == article_id and r.voice == "own" for r in c.reports)
    )
