"""Reports that a relative clause adds to someone else's: "Moscow accused Kyiv of the attack,
a charge Kyiv denied" and "..., which Kyiv denied".

The denying verb has no content of its own: its object is the gap the relative clause leaves,
and that gap stands for what the first speaker reported. So the second speaker gets an
attribution over the same words as the first one (the claim they deny), with their own cue,
stance and mention, and the first speaker's content ends before the writer's gloss.

A gloss noun must be a reporting noun from the lexicon (``a charge``, ``a claim``, ``an
allegation``). A bare ``which`` may stand for the last noun rather than the whole report
("the Kremlin, which Peskov described as safe"), so it counts only with a denial or doubt verb.
"""

from __future__ import annotations

from dataclasses import replace
from typing import cast

from spacy.tokens import Doc, Token

from counterpoint.model import Cue, Stance
from counterpoint.quotes.content import fronted_gloss_object
from counterpoint.quotes.cues import Lexicon, verb_stance
from counterpoint.quotes.doccache import tokens
from counterpoint.quotes.draft import Draft
from counterpoint.quotes.marks import CLOSING_MARKS, Segment, inside_closed
from counterpoint.quotes.resolution import resolve
from counterpoint.quotes.speakers import is_speaker, speaker_tokens

__all__ = ["gloss_drafts"]

_RELATIVE_GAPS = {"which", "that"}
# what a gloss may call a reported figure or version: it reports on it only by denying or doubting it
_FIGURE_NOUNS = {"figure", "number", "toll", "estimate", "count", "tally", "account", "version"}
_CONTENT_DEPS = {"ccomp", "xcomp", "oprd"}
_EDGE = " \t\n,;:—–-\"'”’»"


def gloss_drafts(doc: Doc, text: str, drafts: list[Draft], segments: tuple[Segment, ...],
                 lexicon: Lexicon, quoted: list[tuple[int, int]]) -> tuple[list[Draft], list[Draft]]:
    """``drafts`` with each report cut before a gloss that reports on it, and the glosses'
    own attributions (kept apart: they share their content span with the report)."""
    points = _gloss_points(doc, text, segments, lexicon)
    if not points:
        return drafts, []
    kept: list[Draft] = []
    glosses: list[Draft] = []
    verbs: set[int] = set()
    for draft in drafts:
        found = next(((v, s, at) for mark, at, v, s in points
                      if draft.start < mark <= draft.end + 2 and mark < draft.tail), None)
        if found is None:
            kept.append(draft)
            continue
        verb, subject, comma = found
        if draft.cue is not None and draft.cue.start == verb.idx:
            kept.append(draft)  # the gloss misread as a frame around what precedes it: dropped below
            continue
        end = comma
        while end > draft.start and text[end - 1] in _EDGE and not _closes_quotation(end, segments):
            end -= 1
        resolved = resolve(subject, lexicon, quoted)
        if end <= draft.start or resolved is None:
            kept.append(draft)
            continue
        cut = replace(draft, end=min(draft.end, end))
        kept.append(cut)
        first, last = speaker_tokens(subject)
        after = _mention(subject)
        mention = doc[max(first, after.i) if after is not None else first : last]
        stance = verb_stance(verb, lexicon) or cast(Stance, lexicon.verbs.get(lexicon.lemma(verb), "neutral"))
        cue = Cue(verb.idx, verb.idx + len(verb.text), verb.text, stance)
        glosses.append(Draft(cut.start, cut.end, cue, mention.start_char, mention.end_char,
                             resolved, draft.tail, gloss=True))
        verbs.add(verb.idx)
    return [d for d in kept if d.cue is None or d.cue.start not in verbs], glosses


def _closes_quotation(offset: int, segments: tuple[Segment, ...]) -> bool:
    """True when ``offset`` is just past a closing quotation mark."""
    return any(s.end == offset for s in segments)


def _gloss_points(doc: Doc, text: str, segments: tuple[Segment, ...],
                  lexicon: Lexicon) -> list[tuple[int, int, Token, Token]]:
    """(offset of the comma or closing mark, offset where the glossed report ends, verb,
    subject) of every gloss set off by a comma in the text."""
    points = []
    for token in tokens(doc)[1:-1]:
        if token.text == "," and not inside_closed(token.idx, segments):
            at = token.idx
        elif token.text in CLOSING_MARKS and text[token.idx - 1] == "," \
                and _closes_quotation(token.idx + len(token.text), segments):
            at = token.idx + len(token.text)  # '"Ukraine is behind it," a charge ...': the quotation stays whole
        else:
            continue
        found = _gloss_after(doc[token.i + 1], lexicon)
        if found is not None:
            points.append((token.idx, at, found[0], found[1]))
    return points


def _gloss_after(first: Token, lexicon: Lexicon) -> tuple[Token, Token] | None:
    """(verb, subject) when the words from ``first`` are a relative clause reporting on
    what came before: ``a charge (that) Kyiv denied``, ``which Kyiv denied``."""
    if first.lower_ in _RELATIVE_GAPS and first.dep_ in ("dobj", "nsubjpass") and first.head.dep_ == "relcl":
        verb = first.head
        if first.lower_ != "which" or verb_stance(verb, lexicon) not in ("denial", "doubt"):
            return None
        return _reporter(verb, lexicon)
    noun = first.head if first.dep_ == "det" else first
    misread = _gloss_modifier(first, noun)
    if misread is not None:  # "a figure officials have not confirmed", read as one noun phrase
        verb = noun.head
        if noun.dep_ != "nsubj" or verb_stance(verb, lexicon) not in ("denial", "doubt"):
            return None
        return _reporter(verb, lexicon, misread)
    lemma = noun.lemma_.lower()
    if (lemma not in lexicon.nouns and lemma not in _FIGURE_NOUNS) or noun.i - first.i > 3:
        return None
    if lemma in _FIGURE_NOUNS:  # "a figure the ministry disputed": only a denial or doubt reports on it
        relative = next((v for v in noun.children if v.dep_ in ("relcl", "acl") and v.i > noun.i), None)
        if relative is None or verb_stance(relative, lexicon) not in ("denial", "doubt"):
            return None
    fronted = fronted_gloss_object(noun.head, lexicon)
    if fronted is not None and fronted.i == noun.i:
        return _reporter(noun.head, lexicon, noun)  # the parse made the gloss the main clause
    for verb in noun.children:
        if verb.dep_ in ("relcl", "acl") and verb.i > noun.i:  # "a claim that Kyiv rejected" may parse as acl
            return _reporter(verb, lexicon)
    return None


def _gloss_modifier(first: Token, noun: Token) -> Token | None:
    """The gloss noun of "a figure officials have not confirmed" when the parser made it a
    modifier of the plural subject after it (one noun phrase "a figure officials")."""
    if first.lower_ not in ("a", "an") or first.dep_ != "det" or noun.tag_ != "NNS":
        return None
    return next((c for c in noun.children if c.dep_ == "compound" and c.i == first.i + 1
                 and c.lemma_.lower() in _FIGURE_NOUNS), None)


def _mention(subject: Token) -> Token | None:
    """Where the gloss's speaker phrase starts: after a gloss noun the parser hung on it."""
    start = subject.left_edge
    modifier = _gloss_modifier(start, subject)
    return subject.doc[modifier.i + 1] if modifier is not None else None


def _reporter(verb: Token, lexicon: Lexicon, gloss: Token | None = None) -> tuple[Token, Token] | None:
    """(verb, subject) for a lexicon verb whose object is the relative gap (or ``gloss``, the
    noun the parse made its object) and whose subject can speak; None when the verb has
    content of its own after the gloss."""
    if lexicon.lemma(verb) not in lexicon.verbs:
        return None
    after = gloss.i if gloss is not None else -1
    if any(c.i > after and (c.dep_ in _CONTENT_DEPS or (c.dep_ == "dobj" and c.lower_ not in _RELATIVE_GAPS
                                                         and c.i != after)) for c in verb.children):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or not is_speaker(subjects[0], lexicon):
        return None
    return verb, subjects[0]
