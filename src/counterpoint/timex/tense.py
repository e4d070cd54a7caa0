"""Tense from the dependency parse: the verb an expression hangs from says which way it
points ("will meet Monday" and "meet Monday" look ahead, "met Monday" looks back).

Used when the caller passes a spaCy ``Doc``; the cue-word reading in ``context`` is the
fallback when there is no parse or the parse gives no verb.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from counterpoint.timex.calendar import Tense

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["parse_tense", "had_perfect"]

_FUTURE_AUX = frozenset({"will", "'ll", "’ll", "shall", "wo", "would", "gon"})
_PAST_AUX = frozenset({"was", "were", "had", "did", "'d"})
_PERFECT = frozenset({"has", "have", "'ve", "’ve"})
# Heads whose infinitive complement lies ahead of them ("expected to arrive Friday").
_INTENT = frozenset(
    "expect schedule plan set due likely poised slate ready hope intend want aim going "
    "prepare promise vow pledge threaten seek try agree decide".split()
)
_SCHEDULE = frozenset({"plan", "schedule", "slate"})
_MAX_CLIMB = 4


def _governing_verb(doc: Doc, start: int, end: int) -> Token | None:
    """The first verb above the expression's tokens in the parse."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    for _ in range(8):
        if token.pos_ in {"VERB", "AUX"} and token.dep_ not in {"aux", "auxpass"}:
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def _own_tense(verb: Token) -> Tense:
    """The tense marked on one verb by its auxiliaries and its own form."""
    auxes = [c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(a in _FUTURE_AUX for a in auxes):
        return "future"
    if verb.lemma_.lower() in _SCHEDULE and "had" not in auxes:
        return "future"  # "planned a rally on Saturday": the date is the plan's
    if any(a in _PAST_AUX for a in auxes):
        return "past"
    if any(a in _PERFECT for a in auxes):
        return "past"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBG" and any(a in {"is", "are", "'s", "'re", "am"} for a in auxes):
        return "future"
    if verb.tag_ in {"VBP", "VBZ"} and verb.lemma_ != "be" and not _past_in_sentence(verb):
        return "future"  # "the leaders meet Monday"
    if verb.tag_ == "VBN" and not auxes and verb.dep_ != "conj":
        return "past"  # "others wounded in the blasts on Friday"
    return "neutral"


def _past_in_sentence(verb: Token) -> bool:
    """Whether the sentence has a past-tense verb: then a present form such as "hurt" is
    likelier a past form the tagger misread than a schedule."""
    return any(t.tag_ == "VBD" for t in verb.sent)


def had_perfect(doc: Doc, start: int, end: int) -> bool:
    """Whether the expression's verb is in the past perfect ("until Thursday they had not")."""
    verb = _governing_verb(doc, start, end)
    return verb is not None and any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ == "had" for c in verb.children
    )


def parse_tense(doc: Doc, start: int, end: int) -> Tense:
    """Past, future or neutral for the expression at ``start:end`` from its verb.

    An infinitive takes its reading from the verb it completes: after a verb of intent
    ("planned to meet", "is due to expire") it looks ahead unless that verb is in the
    past perfect ("had been due to expire Friday" is over).
    """
    verb = _governing_verb(doc, start, end)
    for _ in range(_MAX_CLIMB):
        if verb is None:
            return "neutral"
        tense = _own_tense(verb)
        infinitive = verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to"
                                               for c in verb.children)  # fmt: skip
        if tense == "neutral" and verb.dep_ == "conj" and verb.head is not verb:
            verb = verb.head
            continue
        if tense != "neutral" or not infinitive or verb.head is verb:
            return tense
        head = verb.head
        if head.lemma_.lower() in _INTENT:
            holders = [head, head.head] if head.pos_ == "ADJ" else [head]
            auxes = {c.lower_ for h in holders for c in h.children if c.dep_ in {"aux", "auxpass"}}
            return "past" if "had" in auxes else "future"
        verb = head
    return "neutral"
