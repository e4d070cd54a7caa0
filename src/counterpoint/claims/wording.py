"""Clean wording: report spans without attribution tails or datelines, claim texts that read
as propositions.

Quoted content often arrives with the words around it: ``..., he said``, ``»,» the ministry
said in a statement``, a dateline ``LAKEPORT, Norland (Agency) —`` in front of the first
sentence, a photo credit ``(Social media/...`` cut open at the end. A report span is moved off
those words (it stays a piece of the article). A claim text is made from source words only:
quote marks dropped, and an object-control complement (``Ukraine of attempting to ...`` cut
from ``accused Ukraine of attempting to ...``) given back the verb it hangs on.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from counterpoint.nlp import doc_text

__all__ = ["clean_span", "control_verb_start", "tidy_claim_text"]

DATELINE = re.compile(r"^[A-Z][A-Z'’.\- ]{2,},(?:[^—–\n]{0,60}?\s[—–]\s*"
                      r"|[^—–\n]{0,40}?[\d)][^—–\n]{0,20}?\s-\s+)")  # also "MARLOW, March 8 - ", "KYIV (Reuters) - "
OPEN_PAREN_TAIL = re.compile(r"\s*\([^)]{0,80}$")
QUOTE_CHARS = re.compile(r"[“”«»\"]|(?<!\w)['‘’]|['‘’](?!\w)")
TRAILING_PAREN = re.compile(r"\s*\([^()]{0,80}\)(?=\W*$)")
LEAD_JUNK = re.compile(r"^[^\w\"“«'‘(]+")
CLOSERS = {",", "”", "\"", "»", "’", "'", ";", "—", "–"}


def clean_span(doc: Doc, start: int, end: int, verbs: frozenset[str]) -> tuple[int, int]:
    """The span moved off a leading dateline and a trailing attribution or open parenthesis."""
    text = doc_text(doc)
    dateline = DATELINE.match(text[start:end])
    if dateline and end - start - dateline.end() > 20:
        start += dateline.end()
    cut = _attribution_tail(doc, start, end, verbs)
    if cut is not None:
        end = cut
    paren = OPEN_PAREN_TAIL.search(text[start:end])
    if paren and paren.start() > 20:
        end = start + paren.start()
    while end > start and text[end - 1] in " ,;:—–\"'”’«»":
        end -= 1
    return start, end


def _attribution_tail(doc: Doc, start: int, end: int, verbs: frozenset[str]) -> int | None:
    """Where a trailing ``, X said (...)`` or ``," said X`` begins inside ``[start, end)``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 6:
        return None
    for tok in span[3:]:
        if tok.lemma_.lower() not in verbs or tok.tag_ not in ("VBD", "VBZ", "VBP"):
            continue
        punct = _closer_before(tok, span)
        if punct is not None and punct.i > span.start + 2:
            return punct.idx
    return None


def _closer_before(verb: Token, span: Span) -> Token | None:
    """The comma or closing quote that opens an attribution ending at ``verb``: only the
    verb's subject (and adverbs such as "also", "previously") may stand between them."""
    subject = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    i = verb.i - 1
    while i >= span.start:
        tok = verb.doc[i]
        if tok.text in CLOSERS:
            first = tok
            while first.i > span.start and verb.doc[first.i - 1].text in CLOSERS:
                first = verb.doc[first.i - 1]
            return first if _subject_after(verb, subject) else None
        if i not in subject and tok.pos_ not in ("ADV", "SCONJ") and tok.lower_ != "as":
            return None
        i -= 1
    return None


def _subject_after(verb: Token, subject: set[int]) -> bool:
    """Has the verb a subject at all (before it, or inverted after it: ``," said Moberg``)."""
    return bool(subject)


def control_verb_start(doc: Doc, start: int, end: int) -> int | None:
    """Where the verb starts when ``[start, end)`` is its object-control complement.

    ``accused Ukraine of attempting to attack`` parses with "Ukraine" as the object of
    "accused"; the content span then begins at "Ukraine" and reads as a fragment. Returns the
    offset of the governing verb when it stands right before the span, else ``None``.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    head = root.head
    if root.dep_ not in ("dobj", "pobj") or head.i >= span.start or head.pos_ != "VERB":
        return None
    if not any(t.dep_ == "prep" and t.lower_ in ("of", "for") and t.head == head for t in span):
        return None
    gap = doc_text(doc)[head.idx + len(head.text):start]
    return head.idx if not gap.strip() else None


def tidy_claim_text(text: str, capitalise: bool = True) -> str:
    """Quote marks, leading symbols and a closing parenthetical (photo credits, section
    labels) dropped, first letter upper case. Only removes characters: never adds a word."""
    text = QUOTE_CHARS.sub("", text)
    text = LEAD_JUNK.sub("", text)
    text = re.sub(r"\s{2,}", " ", text).strip(" ,;:—–")
    closing = TRAILING_PAREN.search(text)
    if closing and closing.start() > 20:
        text = text[: closing.start()] + text[closing.end():].strip()
    text = text.strip(" ,;:—–")
    if not capitalise:
        return text
    return text[:1].upper() + text[1:] if text else text
