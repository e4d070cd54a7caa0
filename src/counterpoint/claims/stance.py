"""Stance of a report toward its proposition, read from the cue, negation scope and context.

The stance a candidate gets here is toward its own wording. Once candidates are grouped into
a claim, :func:`relative_stance` turns it into the stance toward the claim's proposition: a
speaker who says "A has nothing to do with it" denies the claim "A did it".
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from counterpoint.claims.extract import Candidate
from counterpoint.claims.lexicon import Lexicon, find_phrases
from counterpoint.nlp import doc_text
from counterpoint.model import ReportStance

__all__ = [
    "Reading", "read_stance", "cue_only_stance", "relative_stance", "hedges_in", "is_negated",
    "negated_lemmas", "without_negation",
]


class Reading:
    """What the stance reader found for one candidate (plain values, no behaviour)."""

    __slots__ = ("stance", "negated", "hedges", "negated_lemmas", "denial_phrase")

    def __init__(
        self, stance: ReportStance, negated: bool, hedges: tuple[str, ...],
        negated_lemmas: frozenset[str] = frozenset(), denial_phrase: bool = False,
    ) -> None:
        self.stance = stance
        self.negated = negated
        self.hedges = hedges
        self.negated_lemmas = negated_lemmas
        self.denial_phrase = denial_phrase


CONFIRMING = frozenset({"confirm", "verify", "validate", "corroborate"})


def read_stance(doc: Doc, cand: Candidate, lex: Lexicon) -> Reading:
    """Stance, polarity and hedges of a candidate, using the cue and the words around it.

    Order matters: a statement that something cannot be confirmed wins over everything, then a
    denying or doubting cue, then dispute phrases in the content, then relaying and hedging.
    """
    context = doc_text(doc)[cand.context_start:cand.context_end]
    frame = _frame(doc_text(doc), cand)
    if cand.cue is not None:
        lo, hi = min(cand.cue.start, cand.start), max(cand.cue.end, cand.end)
        frame = f"{frame} … {doc_text(doc)[lo:hi]}"
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    negated = span is not None and is_negated(span, lex)
    hedges = hedges_in(context, lex)
    stance = _stance(cand, frame, span is not None and hedges_main_clause(span, lex), lex)
    if stance == "denies" and negated:
        # "denied the claims, saying: we do not attack" -- the content already is the denial
        stance = "asserts"
    lemmas = negated_lemmas(span, lex) if span is not None and negated else frozenset()
    phrase = bool(find_phrases(cand.text, lex.negative_phrases))
    return Reading(stance, negated, hedges, lemmas, phrase)


def _stance(cand: Candidate, frame: str, main_hedges: bool, lex: Lexicon) -> ReportStance:
    cue_stance = cand.cue.stance if cand.cue is not None else None
    lemma = cand.cue_lemma or ""
    if find_phrases(cand.text, lex.cannot_confirm) or find_phrases(frame, lex.cannot_confirm):
        return "cannot_confirm"
    if cand.challenge:
        return "disputes"
    if cue_stance == "denial" or lemma in lex.denial_cues:
        return "denies"
    if cue_stance == "doubt" and lemma in CONFIRMING:
        return "cannot_confirm"  # "a figure officials have not confirmed": a negated confirming cue
    if cue_stance == "doubt" or lemma in lex.doubt_cues:
        return "disputes"
    if find_phrases(cand.text, lex.dispute_phrases):
        return "disputes"
    if cand.voice == "attributed" and find_phrases(cand.text, lex.rejection_words):
        return "denies"
    if cand.voice == "attributed":
        return "reports" if lemma in lex.relay_cues else "asserts"
    return "reports" if main_hedges else "asserts"


def cue_only_stance(cue_lemma: str | None, voice: str, lex: Lexicon) -> ReportStance:
    """The baseline: stance from the cue lemma alone, no negation scope and no context."""
    lemma = cue_lemma or ""
    if lemma in lex.denial_cues:
        return "denies"
    if lemma in lex.doubt_cues:
        return "disputes"
    if lemma in lex.relay_cues:
        return "reports"
    return "asserts"


def _frame(text: str, cand: Candidate) -> str:
    """The words of the sentence outside the content: attribution, cue, speaker."""
    before = text[cand.context_start:cand.start] if cand.start > cand.context_start else ""
    after = text[cand.end:cand.context_end] if cand.context_end > cand.end else ""
    return f"{before} … {after}" if cand.voice == "attributed" else ""


SUBORDINATE = frozenset({"relcl", "acl", "advcl", "pcomp", "pobj", "ccomp", "csubj", "xcomp", "amod"})


def hedges_main_clause(span: Span, lex: Lexicon) -> bool:
    """Whether a hedge word bears on the main statement of ``span`` rather than on a clause
    inside it ("defended his manager, who allegedly grabbed a reporter" hedges the clause)."""
    lowered = span.text.lower()
    for hedge in hedges_in(span.text, lex):
        for match in re.finditer(r"(?<![\w-])" + re.escape(hedge) + r"(?![\w-])", lowered):
            start = span.start_char + match.start()
            words = span.doc.char_span(start, start + len(hedge), alignment_mode="expand")
            if words is not None and len(words) and _on_main_clause(words.root, span):
                return True
    return False


def _on_main_clause(tok: Token, span: Span) -> bool:
    node = tok
    while node.i != span.root.i:
        if node.i != tok.i and node.dep_ in SUBORDINATE:
            return False
        if node.head.i == node.i or not span.start <= node.head.i < span.end:
            return True
        node = node.head
    return True


def hedges_in(text: str, lex: Lexicon) -> tuple[str, ...]:
    """The hedge words present in ``text`` (lower case, in lexicon order, no repeats)."""
    return tuple(find_phrases(text, lex.hedges))


def is_negated(span: Span, lex: Lexicon) -> bool:
    """Whether the main predicate of ``span`` is negated (not its subordinate clauses).

    Counts a negation arc on the root or its auxiliaries, "no"/"nothing" as the root's subject
    or object, and whole-proposition phrases such as "nothing to do with".
    """
    if find_phrases(span.text, lex.negative_phrases):
        return True
    # Only the main predicate counts: "X is P and not Q" keeps the statement positive.
    return _negated_head(span.root, lex)


def negated_lemmas(span: Span, lex: Lexicon) -> frozenset[str]:
    """Lemmas of the negated main predicates (what exactly is said not to have happened)."""
    heads = [span.root]
    found = set()
    for head in heads:
        if _negated_head(head, lex):
            found.add(head.lemma_.lower())
            found.update(c.lemma_.lower() for c in head.children if c.dep_ in ("xcomp", "acomp"))
    return frozenset(found)


def _negated_head(head: object, lex: Lexicon) -> bool:
    for child in getattr(head, "children", ()):
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ == "never"):
            return True
        if child.dep_ in ("nsubj", "dobj", "attr", "nsubjpass") and _is_no(child, lex):
            return True
    return False


def _is_no(tok: object, lex: Lexicon) -> bool:
    lower = getattr(tok, "lower_", "")
    if lower in ("nothing", "none", "nobody", "no one"):
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in getattr(tok, "children", ()))


_FLIP: dict[str, ReportStance] = {"asserts": "denies", "reports": "denies", "denies": "asserts"}


def relative_stance(stance: ReportStance, negated: bool, claim_negated: bool) -> ReportStance:
    """Stance toward the claim: a report of the opposite polarity flips assert and deny."""
    if negated == claim_negated:
        return stance
    return _FLIP.get(stance, stance)


_NEGATOR_RE = re.compile(r"(?i)\b(?:not|never|no|nothing|none|neither|nor)\b|n['’]t\b")


def without_negation(text: str) -> str:
    """``text`` with negation words removed, so a denial embeds next to what it denies."""
    return re.sub(r"\s{2,}", " ", _NEGATOR_RE.sub(" ", text)).strip()
