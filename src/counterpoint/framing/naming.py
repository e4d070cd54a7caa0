"""How an article names each entity: the mention plus the words bound to it.

A naming form is the mention as written, widened to the left over titles and
modifiers that belong to the name ("Russian President Vladimir Putin"), or, when the
name modifies a naming noun such as "regime" or "government", widened to that noun
phrase ("the Kiev regime", "the regime in Kiev"). Quote marks are dropped from forms.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from counterpoint.model import Article, Entity, NamingForms

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["form_of", "left_extension", "naming_forms"]

_ATTACH_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
_LEFT_DEPS = frozenset({"compound", "amod", "nmod", "flat"})
_LEFT_POS = frozenset({"PROPN", "ADJ", "NOUN"})
_NAMING_PREPS = frozenset({"in", "of"})
_APOSTROPHES = frozenset({"'", "’", "‘"})


def naming_forms(
    article: Article,
    doc: Doc | None,
    entities: Sequence[Entity],
    naming_nouns: Collection[str],
    titles: Collection[str],
) -> tuple[NamingForms, ...]:
    """Each entity's naming forms in ``article`` with counts, in entity order."""
    result = []
    for entity in entities:
        forms: Counter[str] = Counter()
        for m in entity.mentions:
            if m.article_id == article.id:
                forms[form_of(doc, article.text, m.start, m.end, naming_nouns, titles)] += 1
        forms.pop("", None)
        if forms:
            result.append(NamingForms(entity_id=entity.id, forms=dict(forms)))
    return tuple(result)


def form_of(
    doc: Doc | None,
    text: str,
    start: int,
    end: int,
    naming_nouns: Collection[str],
    titles: Collection[str],
) -> str:
    """The naming form of the mention at ``start:end`` (just its text without a parse)."""
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    if span is None or len(span) == 0:
        return " ".join(text[start:end].split())
    noun = _naming_noun(span, naming_nouns)
    if noun is not None:
        first = min(noun.left_edge.i, span.start)
        return _surface(span.doc[first : max(noun.i + 1, span.end)])
    return _surface(span.doc[left_extension(span, titles) : span.end])


def _is_naming(token: Token, naming_nouns: Collection[str]) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and (
        token.lemma_.lower() in naming_nouns or token.lower_ in naming_nouns
    )


def _naming_noun(span: Span, naming_nouns: Collection[str]) -> Token | None:
    """The naming noun the name attaches to: "the X regime" or "the regime in X"."""
    root = span.root
    head = root.head
    if root.dep_ in _ATTACH_DEPS and head.i >= span.end and _is_naming(head, naming_nouns):
        return head
    after_noun = root.dep_ == "pobj" and head.lower_ in _NAMING_PREPS
    if after_noun and head.head.i == head.i - 1 and _is_naming(head.head, naming_nouns):
        return head.head
    return None


def left_extension(span: Span, titles: Collection[str]) -> int:
    """Index of the first token of the titles and modifiers bound to the name's left."""
    doc = span.doc
    first = span.start
    sent_start = span.sent.start
    while first > sent_start:
        tok = doc[first - 1]
        if first < span.start and first - 2 >= sent_start and _title_of(doc, first, titles):
            first -= 2  # "President of Ukraine X" (but not "the head of X")
            continue
        bound = tok.dep_ in _LEFT_DEPS and first <= tok.head.i < span.end
        if not bound or not _modifier(tok, titles):
            break
        first -= 1
    return first


def _title_of(doc: Doc, first: int, titles: Collection[str]) -> bool:
    """True when ``first`` is preceded by "<title> of" (as in "Secretary of State X")."""
    return first >= 2 and doc[first - 1].lower_ == "of" and doc[first - 2].lower_ in titles


def _modifier(tok: Token, titles: Collection[str]) -> bool:
    """A title, adjective or common noun; a proper noun only when it is a named entity
    or modifies a title ("Defence Minister"). This keeps capitalised headline words
    ("aimed to KILL X") out.
    """
    if tok.lower_ in titles:
        return True
    if not any(c.isalpha() for c in tok.text):
        return False  # "Telegram | Email": a separator is not a modifier
    if tok.pos_ == "PROPN":
        return bool(tok.ent_type_) or tok.head.lower_ in titles
    return tok.pos_ in _LEFT_POS


def _surface(tokens: Span) -> str:
    """The tokens as written, without quote marks or brackets; a leading "The" is lower-cased.

    Single quotes inside the form stay: they are usually apostrophes ("Dockworkers’ Union").
    """
    last = len(tokens) - 1
    parts = []
    for k, t in enumerate(tokens):
        keep = not t.is_bracket and (not t.is_quote or (0 < k < last and t.text in _APOSTROPHES))
        parts.append(t.text_with_ws if keep else t.whitespace_)
    text = "".join(parts).strip()
    text = " ".join(text.split())
    if text.startswith("The "):
        text = "the " + text[4:]
    return text
