"""Speaker frames read from the words around a quotation when the parse missed them.

The small parser sometimes hangs the words after a quotation on the wrong verb: in
'"My dear friend," the conference speaker says into the camera' it takes the quoted
name for the subject of "says", and '"How big is that wall?" asked the boy' leaves the
quotation unattached. The surface order is still plain: a quotation whose words end in
a comma, question or exclamation mark, then either a noun phrase and a reporting verb
('the boy asked') or a reporting verb and a noun phrase ('said the boy'). This module
reads that order from part-of-speech tags alone.

Only the lexicon's reporting verbs count in the 'noun phrase, verb' order: '"The
Apprentice," the show Trump hosted' has the same shape with a verb that reports nothing.
The inverted order ('exhorted the actress') is reporting in English whatever the verb,
so an open verb counts there when a name or a role noun follows it.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from counterpoint.quotes.cues import Lexicon
from counterpoint.quotes.doccache import starts as token_starts
from counterpoint.quotes.marks import Segment

__all__ = ["FrameHit", "frame_hits"]

_NP_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PART"})
_HEAD_POS = frozenset({"NOUN", "PROPN"})
_PERSONAL = frozenset({"he", "she", "they", "we", "i"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_MAX_NP = 6
_ENDS = (",", "?", "!")


@dataclass(frozen=True)
class FrameHit:
    """A quotation with the verb (token index) and speaker head read around it."""

    segment: Segment
    verb: int
    head: Token
    speaker: tuple[int, int]  # token range of the speaker phrase
    open_verb: bool


def frame_hits(doc: Doc, text: str, segments: tuple[Segment, ...], lexicon: Lexicon) -> list[FrameHit]:
    """Every closed quotation followed by a speaker frame in its own sentence."""
    starts = token_starts(doc)
    hits = []
    for seg in segments:
        if not (seg.opened and seg.closed):
            continue
        hit = _lead(doc, bisect_left(starts, seg.start), lexicon)
        inner = text[seg.inner_start : seg.inner_end].rstrip()
        if hit is None and (inner.endswith(_ENDS) or text[seg.end : seg.end + 1] == ","):
            i = bisect_left(starts, seg.end)
            if i < len(doc) and doc[i].text == ",":
                i += 1
            hit = _speaker_then_verb(doc, i, lexicon) or _verb_then_speaker(doc, i, lexicon)
        if hit is not None:
            verb, head, span, open_verb = hit
            hits.append(FrameHit(seg, verb, head, span, open_verb))
    return hits


def _lead(doc: Doc, mark: int, lexicon: Lexicon) -> tuple[int, Token, tuple[int, int], bool] | None:
    """'Said Ellis: "..."', 'Added the senator, "..."': a sentence that opens with a
    reporting verb and its speaker, then a colon or comma and the quotation (whose
    opening mark is token ``mark``)."""
    colon = mark - 1
    if colon < 2 or doc[colon].text not in (":", ","):
        return None
    i = colon - 1
    while i > 0 and colon - i < _MAX_NP and doc[i - 1].pos_ in _NP_POS and not doc[i - 1].is_sent_start:
        i -= 1
    verb = doc[i - 1]
    opens = verb.is_sent_start or doc[verb.i - 1].text in (".", "!", "?") or "\n" in doc[verb.i - 1].text_with_ws
    if not (opens and verb.is_title and _past_or_present(verb) and lexicon.lemma(verb) in lexicon.verbs):
        return None
    np = _noun_phrase(doc, i)
    if np is None or np[1] != colon or doc[i].lower_ in _PERSONAL:
        return None
    return verb.i, np[2], (np[0], np[1]), False


def _noun_phrase(doc: Doc, i: int) -> tuple[int, int, Token] | None:
    """The noun phrase opening at token ``i``: its range and head (its last noun), or a
    personal pronoun."""
    if i >= len(doc):
        return None
    if doc[i].lower_ in _PERSONAL:
        return i, i + 1, doc[i]
    j = i
    while j < len(doc) and j - i < _MAX_NP and doc[j].pos_ in _NP_POS and "\n" not in doc[j].text:
        j += 1
    nouns = [t for t in doc[i:j] if t.pos_ in _HEAD_POS]
    if not nouns or doc[j - 1].pos_ not in _HEAD_POS:
        return None
    return i, j, doc[j - 1]


def _speaker_then_verb(doc: Doc, i: int, lexicon: Lexicon) -> tuple[int, Token, tuple[int, int], bool] | None:
    """'the boy asked', 'the conference speaker says into the camera', 'he later said'."""
    np = _noun_phrase(doc, i)
    if np is None:
        return None
    start, end, head = np
    k = end
    while k < len(doc) and doc[k].pos_ in ("ADV", "AUX") and k - end < 2:
        k += 1
    if k >= len(doc) or doc[k].pos_ != "VERB" or doc[k].tag_ not in _FINITE | {"VBN"}:
        return None
    if doc[k].tag_ == "VBN" and not any(doc[m].pos_ == "AUX" for m in range(end, k)):
        return None
    if lexicon.lemma(doc[k]) not in lexicon.verbs:
        return None
    return k, head, (start, end), False


def _verb_then_speaker(doc: Doc, i: int, lexicon: Lexicon) -> tuple[int, Token, tuple[int, int], bool] | None:
    """'asked the boy', 'exhorted the actress Jane Doe'."""
    if i >= len(doc) or not _past_or_present(doc[i]):
        return None
    np = _noun_phrase(doc, i + 1)
    if np is None or doc[i + 1].lower_ in _PERSONAL:
        return None
    start, end, head = np
    known = lexicon.lemma(doc[i]) in lexicon.verbs
    if not known and head.pos_ != "PROPN" and head.lemma_.lower() not in lexicon.roles \
            and not _named_after(doc, end):
        return None
    return i, head, (start, end), not known


def _past_or_present(token: Token) -> bool:
    """A finite verb, or an -ed word the tagger took for an adjective ('exhorted')."""
    if token.pos_ == "VERB":
        return token.tag_ in _FINITE | {"VBN"}
    return token.pos_ == "ADJ" and token.lower_.endswith("ed")


def _named_after(doc: Doc, end: int) -> bool:
    """True when a comma and a name follow the phrase ('her introducer, actress Jo Day')."""
    if end >= len(doc) or doc[end].text != ",":
        return False
    np = _noun_phrase(doc, end + 1)
    return np is not None and np[2].pos_ == "PROPN"
