"""Facts about a parsed article that several speaker rules ask for again and again (line
bounds, entities, proper-noun positions, the tokens as a list), computed once per doc.

Only the facts of the last few docs are kept. Many of them hold tokens or spans, which hold
their doc, so a table that kept every doc's facts would keep every doc alive for the whole
run; and the doc's own ``user_data`` is no place for them either, since ``Doc.copy``,
pickling and ``Doc.to_bytes`` copy it and tokens cannot be copied. A stage reads one doc at
a time, so a doc asked about again after eight others simply has its facts computed anew.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar
from weakref import ReferenceType, ref

from spacy.tokens import Doc, Span, Token

from counterpoint.nlp import doc_text
from counterpoint.quotes.marks import Segment, find_segments

__all__ = ["all_line_bounds", "dateline", "entities", "line_bounds", "memo", "propn_positions", "lemmas", "remember",
           "segments", "starts", "story_names", "tokens", "verb_in_name", "words"]

_T = TypeVar("_T")
_KEPT = 8
_RECENT: OrderedDict[int, tuple[ReferenceType[Doc], dict[str, Any]]] = OrderedDict()


def memo(doc: Doc, key: str, build: Callable[[Doc], _T]) -> _T:
    """``build(doc)``, computed once per doc and key (for the stages that ask twice)."""
    entry = _RECENT.get(id(doc))
    if entry is None or entry[0]() is not doc:  # a new doc (perhaps at a dead one's address)
        entry = _RECENT[id(doc)] = (ref(doc), {})
        while len(_RECENT) > _KEPT:
            _RECENT.popitem(last=False)
    _RECENT.move_to_end(id(doc))
    store = entry[1]
    if key not in store:
        store[key] = build(doc)
    return store[key]  # type: ignore[no-any-return]


def remember(doc: Doc, key: str, value: Any) -> None:
    """Set the fact ``key`` of ``doc`` to ``value`` (a fact the doc cannot tell by itself,
    such as the names the rest of the story uses)."""
    memo(doc, key, lambda d: value)
    _RECENT[id(doc)][1][key] = value


def story_names(doc: Doc) -> frozenset[str]:
    """The words of the names the story's other articles give its people and organisations
    (set by the quotes stage when it is handed the story's entities)."""
    return memo(doc, "story-names", lambda d: frozenset())


def tokens(doc: Doc) -> list[Token]:
    """The tokens of ``doc`` as a list: spaCy makes a new ``Token`` object on every
    iteration and index, and the stages walk the whole doc several times."""
    return memo(doc, "tokens", list)


def words(doc: Doc) -> list[str]:
    """The text of every token, in token order."""
    return memo(doc, "words", lambda d: [t.text for t in tokens(d)])


def lemmas(doc: Doc) -> list[str]:
    """The lower-case lemma of every token, in token order."""
    return memo(doc, "lemmas", lambda d: [t.lemma_.lower() for t in tokens(d)])


def starts(doc: Doc) -> list[int]:
    """The character offset of every token, in token order (for bisecting)."""
    return memo(doc, "starts", lambda d: [t.idx for t in tokens(d)])


def _breaks_line(token: Token) -> bool:
    """True when a line break follows ``token`` (in its trailing space or as a space token)."""
    return "\n" in token.whitespace_ or (token.is_space and "\n" in token.text)


def _build_lines(doc: Doc) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    first = 0
    toks, offsets, texts = tokens(doc), starts(doc), words(doc)
    for i, token in enumerate(toks):
        if _breaks_line(token) or i == len(toks) - 1:
            span = (offsets[first], offsets[i] + len(texts[i]))
            bounds.extend([span] * (i - first + 1))
            first = i + 1
    return bounds


def line_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """Character range of the line holding token ``i`` (tokens up to a line break)."""
    return all_line_bounds(doc)[i]


def all_line_bounds(doc: Doc) -> list[tuple[int, int]]:
    """The line range of every token, in token order."""
    return memo(doc, "lines", _build_lines)


def segments(doc: Doc) -> tuple[Segment, ...]:
    """The quotation segments of the text ``doc`` was parsed from, found once."""
    return memo(doc, "segments", lambda d: find_segments(doc_text(d)))


def dateline(doc: Doc, i: int) -> int:
    """Where the dateline or capitalised kicker that opens token ``i``'s line ends
    ("WASHINGTON (AP) — "; see :func:`edges.dateline_end`), or the line's start."""
    lo = line_bounds(doc, i)[0]
    return memo(doc, "datelines", _build_datelines).get(lo, lo)


def _build_datelines(doc: Doc) -> dict[int, int]:
    from counterpoint.quotes.edges import dateline_end

    text = doc_text(doc)
    out = {}
    for lo in sorted({lo for lo, _ in all_line_bounds(doc)}):
        end = dateline_end(text, lo)
        if end > lo:
            out[lo] = end
    return out


def entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, read once (spaCy rebuilds the tuple on every access), with one-word
    names labelled as the article uses them: a surname of a full person name elsewhere is a
    person ("According to Marchuk" after "Yelena Marchuk"), and a lone "person" that the
    article otherwise names only as a place or organisation is not ("Vessaria")."""
    return memo(doc, "ents", _consistent_ents)


_NAMED = ("ORG", "GPE", "NORP")


def _consistent_ents(doc: Doc) -> tuple[Span, ...]:
    """The entities of ``doc`` with one-word names relabelled as described in ``entities``."""
    ents = tuple(doc.ents)
    surnames = {e[-1].text for e in ents if e.label_ == "PERSON" and len(e) > 1}
    other = {t.text: e.label_ for e in reversed(ents) if e.label_ in _NAMED for t in e}  # first label wins
    out = []
    for e in _without_headline_verbs(doc, ents):
        if len(e) == 1 and e.label_ in _NAMED and e.text in surnames:
            e = Span(doc, e.start, e.end, label="PERSON")
        elif len(e) == 1 and e.label_ == "PERSON" and e.text not in surnames and e.text in other:
            e = Span(doc, e.start, e.end, label=other[e.text])
        out.append(e)
    return tuple(out)


def _without_headline_verbs(doc: Doc, ents: tuple[Span, ...]) -> list[Span]:
    """Names cut at a headline's verb the recogniser ran them over: "Marine Le Pen Backs
    Trump" is Marine Le Pen and Trump."""
    out = []
    for e in ents:
        cut = next((t.i for t in e[1:] if t.is_title and verb_in_name(t)), None)
        if cut is None:
            out.append(e)
            continue
        out.append(Span(doc, e.start, cut, label=e.label_))
        if cut + 1 < e.end and doc[cut + 1].pos_ == "PROPN" and doc[cut + 1].is_title and not doc[cut + 1].is_stop:
            out.append(Span(doc, cut + 1, e.end, label=e.label_))
    return out


def verb_in_name(token: Token) -> bool:
    """True for a verb no name holds: one in lower case ("Trump accused Holt of"; "Black Lives
    Matter" is capitalised, and the "to" of "Alliance to Reclaim" is no verb), a participle
    opening a sentence ("Asserting Clinton's ...") or, in a headline, a reporting verb in
    headline case ("Hillary Clinton Slams Donald Trump", whatever its tag)."""
    if token.is_title and _headline_verb(token):
        return True
    if token.pos_ not in ("VERB", "AUX") or not token.tag_.startswith(("VB", "MD")):
        return False
    return token.text.islower() or (bool(token.is_sent_start) and token.tag_ in ("VBG", "VBN", "VBD"))


def _headline_verb(token: Token) -> bool:
    """True for "Slams", "Backs", "Responds" in a line set in headline case: a finite verb
    the tagger reads as part of a name."""
    from counterpoint.quotes.cues import load_lexicon

    if token.tag_ not in ("VBZ", "VBD"):
        word = token.lower_
        if not word.endswith(("s", "ed")):
            return False
        verbs = load_lexicon().verbs
        if word[:-1] not in verbs and word[:-2] not in verbs:
            return False
    return line_bounds(token.doc, token.i)[0] in memo(token.doc, "headlines", _headline_lines)


def _headline_lines(doc: Doc) -> frozenset[int]:
    """Where the lines set in headline case start."""
    from counterpoint.quotes.layout import headline

    text = doc_text(doc)
    return frozenset(lo for lo, hi in set(all_line_bounds(doc)) if headline(text, lo, hi))


def propn_positions(doc: Doc, lower: str) -> list[int]:
    """Indices of the proper nouns whose lower-case form is ``lower``, in text order."""
    def build(d: Doc) -> dict[str, list[int]]:
        index: dict[str, list[int]] = {}
        for token in tokens(d):
            if token.pos_ == "PROPN":
                index.setdefault(token.lower_, []).append(token.i)
        return index
    return memo(doc, "propn", build).get(lower, [])
