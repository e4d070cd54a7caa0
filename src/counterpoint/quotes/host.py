"""Content around a frame that stands beside its statement rather than governing it.

A fronted quote ("...," he said) or a sentence that ends with its frame (", said Jane
Roe.") puts the reported words in the host clause, not under the cue verb. These
helpers read that host clause off the parse, or off the word order when the parser
hung the frame inside the clause.
"""

from __future__ import annotations

from spacy.tokens import Token

from counterpoint.quotes.cues import ADDRESSEE_VERBS

__all__ = ["closing_frame_content", "fronted_content"]


def fronted_content(verb: Token) -> set[int]:
    """Content of a fronted quote ("...," he said): the host clause minus the cue clause.

    Only when the cue clause is set off by punctuation (a comma or a closing
    mark), so that "X explained that residents reported ..." is not read as
    residents reporting X's words.
    """
    if verb.dep_ not in ("parataxis", "ccomp", "advcl") or verb.head.i == verb.i:
        return set()
    marks = [c.lower_ for c in verb.children if c.dep_ == "mark"]
    if marks and marks != ["as"]:
        return set()
    host = verb.head
    if marks == ["as"] and host.pos_ in ("NOUN", "PROPN") and host.head.pos_ in ("VERB", "AUX") and _bare(verb):
        host = host.head  # "The pier, as Berg said, is old": the parser hung the frame on "pier"
    if host.pos_ not in ("VERB", "AUX"):
        return set()
    if marks == ["as"] and host.i < verb.i:
        return set()
    if verb.tag_ == "VBG" and verb.head.i < verb.i:
        return set()  # "Roe looked unimpressed, telling reporters, ...": her act, not her words
    doc = verb.doc
    frame = {t.i for t in verb.subtree} - _opening_words(verb)
    words = [i for i in frame if not doc[i].is_punct]
    left, right = min(words), max(words)
    if not marks and (left == 0 or not doc[left - 1].is_punct):
        return set()
    if verb.head.i > verb.i and (right + 1 >= len(doc) or doc[right + 1].text != ","):
        return set()
    return {t.i for t in host.subtree} - frame


def _opening_words(verb: Token) -> set[int]:
    """The words before a mid-sentence frame's subject that the parser hung on the frame
    verb, set off by a comma ("If this fails, Roe argues, there are other tools"; "To
    understand the pier, Roe said, one should visit it"): they open the statement. Only
    for a frame whose host clause follows it."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or verb.dep_ != "parataxis" or verb.head.i < verb.i:
        return set()
    first = subject.left_edge.i
    if first == 0 or verb.doc[first - 1].text != ",":
        return set()
    lead = [c for c in verb.children if c.i < first and c.dep_ in ("advcl", "prep", "npadvmod", "advmod", "punct")]
    ids = {t.i for c in lead for t in c.subtree}
    return ids if ids and min(ids) == verb.sent.start and max(ids) == first - 1 else set()


def _bare(verb: Token) -> bool:
    """True for a frame verb with nothing of its own to report ("as Berg said")."""
    return not any(c.dep_ in ("dobj", "ccomp", "xcomp", "prep", "attr", "acomp") for c in verb.children)


def closing_frame_content(verb: Token) -> set[int]:
    """Content of a sentence that ends with its frame, set off by a comma (", she said."
    or ", said Jane Roe."), read by word order: the parser sometimes hangs the frame's verb
    inside the clause and takes words of the clause for its own ("the ferry has made it
    possible for families ..., she said": "for" as the frame's marker), which leaves the host
    clause empty."""
    doc, sent = verb.doc, verb.sent
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return set()  # a finite frame: not "Roe, half joking."
    subject = min(subjects, key=lambda c: abs(c.i - verb.i))  # the one beside the verb
    words = sorted(t.i for t in subject.subtree)
    frame = (min(words[0], verb.i), max(words[-1], verb.i))
    if words[-1] - words[0] + 1 != len(words) or frame[1] - frame[0] + 1 != len(words) + 1:
        return set()  # the speaker phrase must stand right next to the verb
    if any(t.text == ":" or t.is_quote or (not (t.is_punct or t.is_space) and not _frame_tail(verb, t))
           for t in doc[frame[1] + 1 : sent.end]):
        return set()  # "In a speech last July, Roe said:" introduces what follows
    comma = frame[0] - 1
    if comma <= sent.start or doc[comma].text != ",":
        return set()
    clause = [t for t in doc[sent.start : comma] if not t.is_space]
    if not any(t.pos_ in ("VERB", "AUX") for t in clause):
        return set()  # "Then, last week, Roe called.": no statement before the frame
    return {t.i for t in clause}


def _frame_tail(verb: Token, token: Token) -> bool:
    """True for a word of the frame's own after its verb, where no clause starts: when and
    where it was said, and whom it was told to ("..., Roe told a council panel Wednesday.");
    never another verb's object ("After the vote, Roe called the mayor.")."""
    if token.pos_ in ("VERB", "AUX"):
        return False
    branch = next((a for a in [token, *token.ancestors] if a.head.i == verb.i and a.i != verb.i), None)
    if branch is None:
        return False
    return branch.dep_ in ("npadvmod", "prep", "advmod") or (branch.dep_ == "dobj" and verb.lemma_ in ADDRESSEE_VERBS)
