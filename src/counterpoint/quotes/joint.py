"""Speakers who speak together: "Both Putin and Zelensky denied ...", "Roe, Berg and Vik said".

The parser's reading of such lists is often wrong: it makes a list an apposition, hangs the
second name on the first, or makes the whole phrase a modifier of the last name. These
helpers find the speakers joined to a speaker's head by *and* through those readings, and
leave alone what only looks like a list: alternatives, an *and* inside one name, two
clauses the parser ran together.
"""

from __future__ import annotations

from spacy.tokens import Token

from counterpoint.quotes.cues import Lexicon
from counterpoint.quotes.speakers import ACTOR_LABELS, antecedent, ent_of, is_speaker

__all__ = ["co_speakers"]


def co_speakers(head: Token, lexicon: Lexicon) -> list[Token]:
    """The heads of the speakers joined to ``head`` by *and* ("Both Roe and Berg denied it",
    "Roe, Berg and Vik said"), also where the parser hung the list wrongly ("Lind and trade
    minister Sara Okafor", "Mayor Ada Lind and trade minister Sara Okafor denied" with the
    whole phrase a modifier of "Okafor"): they speak together. Nothing when one of them cannot speak
    ("Roe and the weather"), when they are alternatives ("Roe or Berg") or when the *and*
    belongs to one name ("the Parks and Recreation Department")."""
    if head.pos_ not in ("PROPN", "NOUN") or antecedent(head) is not head:
        return []
    joined = [t for t in head.conjuncts if t.i > head.i]
    for listed in [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ in ACTOR_LABELS]:
        if not joined and any(c.dep_ == "conj" for c in listed.children):
            joined = [listed, *listed.conjuncts]  # "Jo Day, Tom Berg and Ana Vik": the parse made a list an apposition
    joined = [_named_title(t, head) for t in joined] or _fronted_partner(head)
    if not joined or not all(t.pos_ in ("PROPN", "NOUN") and is_speaker(t, lexicon) for t in joined):
        return []
    links = [c.lower_ for t in [head, *joined] for c in t.children if c.dep_ in ("cc", "preconj")]
    if "and" not in links or "or" in links or "nor" in links:
        return []
    ent = ent_of(head)
    if ent is not None and any(ent.start <= t.i < ent.end for t in joined) \
            and (ent.label_ == "ORG" or ent.end > joined[-1].i + 1):
        return []  # "Procter and Gamble", "the Parks and Recreation Department"; not "Roe and Berg"
    aside = {t.i for c in head.children if c.dep_ == "relcl" for t in c.subtree}  # ", who is running, and Berg"
    if any(t.pos_ in ("VERB", "AUX") and t.i not in aside for t in head.doc[head.i + 1 : joined[0].left_edge.i]):
        return []  # "a group of rabbis called for a boycott, and the league": the parse ran two clauses together
    return joined


def _named_title(joined: Token, head: Token) -> Token:
    """The name after a title joined to ``head`` when the parser hung that name on ``head``
    ("Lind and trade minister Sara Okafor", with Okafor in apposition to Lind): the
    speaker is the person named, not the bare title."""
    doc = joined.doc
    after = joined.i + 1
    if joined.pos_ != "NOUN" or after >= len(doc) or doc[after].ent_type_ != "PERSON":
        return joined
    name = ent_of(doc[after])
    root = doc[name.end - 1] if name is not None else None
    if root is not None and name is not None and name.start == after and root.dep_ == "appos" and root.head.i == head.i:
        return root
    return joined


def _fronted_partner(head: Token) -> list[Token]:
    """A person named before ``head`` and joined to it by *and* when the parser made the
    whole phrase a modifier of the last name ("Mayor Ada Lind and trade minister Sara
    Okafor denied", with "Lind" a modifier of "Okafor"): she speaks with ``head``."""
    doc = head.doc
    for token in head.lefts if head.ent_type_ == "PERSON" else ():
        for partner in token.subtree:
            if not _name_end(partner, "PERSON") or partner.i + 1 >= head.i:
                continue
            if doc[partner.i + 1].lower_ == "and" and doc[partner.i + 1].head.i == partner.i:
                listed = [c for c in partner.conjuncts if c.i < head.i and _name_end(c, "PERSON")]
                return sorted({partner, *listed}, key=lambda t: t.i)  # "Kell, the Gazette's Ada Lind and Sara Okafor"
    return []


def _name_end(token: Token, label: str) -> bool:
    """True for the last word of a ``label`` entity."""
    name = ent_of(token)
    return name is not None and name.label_ == label and name.end == token.i + 1
