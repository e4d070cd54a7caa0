"""Content of an "according to X" phrase: the statement the source vouches for.

The phrase may open the sentence ("According to the agency, the plan ..."), close it
("The plan would cost $1 billion, according to the agency."), or stand between commas
inside it ("Other cleavages, according to the poll, include age"). Whatever word the
parser hung it on, the content is the clause it sources, without the phrase itself
and without a comment of the writer's that follows it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from counterpoint.quotes.cues import CueMatch

__all__ = ["according_content"]


def according_content(doc: Doc, cue: CueMatch) -> set[int]:
    """Content of "according to X, ...": the clause the phrase modifies, minus the phrase."""
    marker = doc[cue.start]
    middle = _mid_sentence(marker)
    if middle:
        return middle
    clause = marker.head if marker.head is not marker else marker.sent.root
    if clause.i == marker.i:
        return set()
    ids = {t.i for t in clause.subtree} - {t.i for t in marker.subtree}
    before = {i for i in ids if i < marker.i}
    if not before and clause.head is not clause:
        clause = clause.head  # the phrase hung on a comment after the statement
        before = {t.i for t in clause.subtree if t.i < marker.i}
    if _trailing(marker, clause, before) and _closes_sentence(marker):
        while clause.dep_ in _SUBORDINATE and clause.head.i < clause.i:
            clause = clause.head  # "X is worse than Y has ever been, according to Z": all of it
        before = {t.i for t in clause.subtree if t.i < marker.i}
    return before if _trailing(marker, clause, before) else ids


_SUBORDINATE = {"advcl", "conj", "ccomp", "xcomp"}


def _mid_sentence(marker: Token) -> set[int]:
    """The whole sentence around an "according to X" set off by commas inside it ("Other
    cleavages, according to the poll, include age and income"), whatever word the parser
    hung the phrase on: the source vouches for all of it. Empty unless two words or more
    stand on each side of the phrase."""
    doc, sent = marker.doc, marker.sent
    phrase = sorted(t.i for t in marker.subtree)
    lo, hi = phrase[0], phrase[-1]
    if lo - 1 <= sent.start or hi + 1 >= sent.end or doc[lo - 1].text != "," or doc[hi + 1].text != ",":
        return set()
    before = [t for t in doc[sent.start : lo - 1] if not (t.is_punct or t.is_space)]
    after = [t for t in doc[hi + 2 : sent.end] if not (t.is_punct or t.is_space)]
    if len(before) < 2 or len(after) < 2 or before[-1].dep_ in ("mark", "cc", "prep"):
        return set()  # "..., because, according to Roe, the vote ...": the clause after the phrase
    if after[0].dep_ != "mark" and not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD", "VBG") for t in after):
        return set()  # "..., according to the port, a sum larger than the budget": the writer's gloss
    return set(range(before[0].i, after[-1].i + 1)) - set(phrase)


def _closes_sentence(marker: Token) -> bool:
    """True when nothing but punctuation follows the "according to" phrase in its sentence,
    and the phrase does not close a parenthesis ("... (the real figure is lower, according to
    the audit office)." sources what stands in the brackets, not the sentence)."""
    doc = marker.doc
    opened = doc[marker.sent.start : marker.i].text
    if opened.count("(") > opened.count(")"):
        return False
    last = max(t.i for t in marker.subtree)
    return all(t.is_punct or t.is_space for t in doc[last + 1 : marker.sent.end])


def _trailing(marker: Token, clause: Token, before: set[int]) -> bool:
    """True when "according to X" closes the statement it sources ("The plan would cost
    $1 billion, according to the agency, a figure ..."): the statement's verb stands
    before the phrase, and what follows is a comment of the writer's."""
    doc = marker.doc
    return clause.i in before and marker.i > 0 and doc[marker.i - 1].text in (",", "—", "–")
