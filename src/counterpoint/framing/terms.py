"""Find a lexicon's terms in a parsed article, as character spans with their entries.

Terms are matched with spaCy's ``Matcher`` on lower-cased tokens; the last word of a
term may also match by lemma, so "warmonger" finds "warmongers". Overlapping hits keep
the longest ("so-called" wins over "called").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from spacy.matcher import Matcher
from spacy.tokens import Span
from spacy.util import filter_spans

from counterpoint.lexicons import Lexicon, LexiconEntry

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

__all__ = ["TermFinder", "TermHit", "term_words"]


@dataclass(frozen=True)
class TermHit:
    """One occurrence of a lexicon term in an article."""

    start: int
    end: int
    text: str
    entry: LexiconEntry


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import spacy

    return spacy.blank("en").tokenizer


@lru_cache(maxsize=8192)
def term_words(term: str) -> tuple[str, ...]:
    """A term split the way spaCy's English tokenizer splits article text, lower-cased."""
    return tuple(t.lower_ for t in _tokenizer()(term))


def _patterns(words: tuple[str, ...]) -> list[list[dict[str, Any]]]:
    exact = [{"LOWER": w} for w in words]
    by_lemma = [*exact[:-1], {"LEMMA": words[-1]}]
    return [exact, by_lemma]


class TermFinder:
    """Matches every term of one lexicon; build once per vocabulary, reuse per doc."""

    def __init__(self, vocab: Vocab, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        self._matcher = Matcher(vocab)
        for key in lexicon.entries:
            words = term_words(key)
            if words:
                self._matcher.add(key, _patterns(words))

    def find(self, doc: Doc) -> list[TermHit]:
        """Hits in ``doc`` in text order, longest match kept where they overlap."""
        spans = [Span(doc, s, e, label=m) for m, s, e in self._matcher(doc)]
        hits = []
        for span in sorted(filter_spans(spans), key=lambda s: s.start):
            entry = self._lexicon.entries[doc.vocab.strings[span.label]]
            hits.append(TermHit(span.start_char, span.end_char, span.text, entry))
        return hits
