"""Attributions from the tagger's spans: a cue and a speaker for what the rules missed.

A span the tagger (:mod:`tagger`) proposes becomes an attribution only when it hangs on a
reporting cue whose speaker passes the same checks as a rule attribution's: a word that can
speak (:func:`speakers.is_speaker`), outside any closed quotation, resolved in context. A
span with no such cue and speaker is dropped: the tagger finds content, never a speaker.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from counterpoint.model import Cue
from counterpoint.quotes.content import TIME_MARKS
from counterpoint.quotes.cues import CueMatch, Lexicon, find_cues, load_lexicon
from counterpoint.quotes.draft import Draft
from counterpoint.quotes.edges import paragraph_around, sentence_end
from counterpoint.quotes.marks import Segment, closed_inner
from counterpoint.quotes.resolution import resolve
from counterpoint.quotes.spans import parenthetical, relative_frame, widen
from counterpoint.quotes.speakers import speaker_tokens
from counterpoint.quotes.subjects import valid_speaker
from counterpoint.quotes.tagger import Proposal, Tagger, load_tagger

__all__ = ["tagged_drafts"]

TAGGER_FEATURE = "source=tagger"


def tagged_drafts(doc: Doc, text: str, rule_spans: list[tuple[int, int]], rule_cues: Sequence[int],
                  segments: tuple[Segment, ...], tagger: Tagger | None = None) -> list[tuple[Proposal, Draft]]:
    """Attributions for the spans of ``tagger`` (by default the packaged one) that overlap
    none of the rule attributions' ``rule_spans``, in sentences holding a cue that none of
    them took (``rule_cues``: where their cues start) and that has a speaker able to speak
    (a span needs one to be kept, so the other sentences are not tagged); each with its
    proposal, none when there is no tagger."""
    tagger = tagger or load_tagger()
    if tagger is None:
        return []
    lexicon = load_lexicon()
    cues = find_cues(doc, lexicon)
    quoted = closed_inner(segments)
    out: list[tuple[Proposal, Draft]] = []
    taken = set(rule_cues)
    unused = [c for c in cues if doc[c.start].idx not in taken and valid_speaker(doc, c, lexicon, segments) is not None]
    open_anchors = frozenset(i for c in unused for i in range(c.start, c.end))
    for proposal in tagger.propose(doc, text, rule_spans, frozenset(lexicon.verbs), open_anchors):
        cue = _cue_of(proposal, cues)
        draft = _draft(doc, text, proposal, cue, lexicon, segments, quoted, cues) if cue is not None else None
        if draft is not None and not any(draft.start < o.end and o.start < draft.end for _, o in out):
            out.append((proposal, draft))
    return out


def _cue_of(proposal: Proposal, cues: list[CueMatch]) -> CueMatch | None:
    """The lexicon cue holding the reporting verb the proposed span's tokens reach. A
    reporting verb that the cue finder passed over (a negated "has not blamed X", which
    reports nothing) gives none, and so does a span that reaches no reporting verb: the
    word that merely governs it ("what we know" after a heading) is no cue."""
    if proposal.anchor is None:
        return None
    return next((c for c in cues if c.anchor == proposal.anchor or c.start <= proposal.anchor < c.end), None)


def _draft(doc: Doc, text: str, proposal: Proposal, cue: CueMatch, lexicon: Lexicon,
           segments: tuple[Segment, ...], quoted: list[tuple[int, int]],
           cues: Sequence[CueMatch] = ()) -> Draft | None:
    """The attribution of one proposed span, or None without a valid speaker. Content that
    starts right after another reporting verb ("a panel that all agreed [the mayor lost]")
    is that verb's, whatever the parse hung it on."""
    verb = doc[cue.anchor]
    if _when_clause(doc, proposal):
        return None
    head = valid_speaker(doc, cue, lexicon, segments) if _hangs_on(doc, verb, proposal) else None
    if head is None:
        return None
    resolved = resolve(head, lexicon, quoted)
    if resolved is None:
        return None
    s_start, s_end = speaker_tokens(head)
    speaker, cue_span = doc[s_start:s_end], doc[cue.start : cue.end]
    end = _before_next_act(doc, text, verb, proposal.start, proposal.end)
    if not text[proposal.start : end].strip():
        return None
    start, end = widen(proposal.start, end, segments, (cue_span.start_char, speaker.start_char))
    frame = (min(cue_span.start_char, speaker.start_char), max(cue_span.end_char, speaker.end_char))
    if start <= speaker.start_char < end and not any(start <= s.start < end for s in segments) \
            and not parenthetical(text, frame) and not relative_frame(text, start, speaker.start_char):
        return None  # "Claiming X, Reed told reporters Y": two statements run together
    before = _mid_phrase(doc, start, segments, cue, lexicon) if end <= speaker.start_char else None
    if before is not None:
        other = next((c for c in cues if c.anchor == before.i), None)
        return _draft(doc, text, proposal, other, lexicon, segments, quoted) if other is not None else None
    _, hi = paragraph_around(text, start)
    tail = sentence_end(doc, max(end, cue_span.end_char, speaker.end_char), hi)
    record = Cue(cue_span.start_char, cue_span.end_char, cue_span.text, cue.stance)
    return Draft(start, end, record, speaker.start_char, speaker.end_char, resolved, tail,
                 (TAGGER_FEATURE,))


def _mid_phrase(doc: Doc, start: int, segments: tuple[Segment, ...], cue: CueMatch,
                lexicon: Lexicon) -> Token | None:
    """The word before unquoted content placed before its speaker, when the content starts
    in the middle of a phrase ("Writing for a panel that all [agreed] the mayor lost the
    debate, Roe noted ..."); None when it opens its sentence, follows punctuation or a
    quotation mark ("The plan will fail, Roe said"), its cue, or a reporting participle the
    speaker is the subject of ("Claiming [the plan will fail], Roe told ...")."""
    if any(seg.start <= start < seg.end for seg in segments):
        return None
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    if first is None or first[0].is_sent_start or first[0].i == 0:
        return None
    before = doc[first[0].i - 1]
    if before.is_punct or before.is_space or cue.start <= before.i < cue.end:
        return None
    subjectless = not any(c.dep_ in ("nsubj", "nsubjpass") for c in before.children)
    own_participle = before.tag_ == "VBG" and subjectless and lexicon.lemma(before) in lexicon.verbs
    return None if own_participle else before


def _when_clause(doc: Doc, proposal: Proposal) -> bool:
    """True for a span that opens with the subordinator of a time clause ("said before he
    died"): when something was said, not what."""
    span = doc.char_span(proposal.start, proposal.end, alignment_mode="expand")
    return span is not None and span[0].lower_ in TIME_MARKS and span[0].dep_ == "mark"


def _hangs_on(doc: Doc, verb: Token, proposal: Proposal) -> bool:
    """True when the span is the cue's own: a word of it depends on the cue verb, or the
    verb stands in it ("which the police said ..."), or the verb's clause hangs on a word
    of it ("..., she said"). A span reached only through another clause ("a panel that
    all agreed X" under "Kovac noted") is someone else's."""
    span = doc.char_span(proposal.start, proposal.end, alignment_mode="expand")
    if span is None:
        return False
    inside = range(span.start, span.end)
    return verb.i in inside or verb.head.i in inside or any(t.head.i == verb.i for t in span)


def _before_next_act(doc: Doc, text: str, verb: Token, start: int, end: int) -> int:
    """``end`` cut before a predicate the span runs into that is joined to the cue verb or
    to a word outside the span ("which the police said took place overnight but presented
    no proof", "a fire, which officials said started overnight, and presented ..."): the
    writer's report of what somebody did, not what was said."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return end
    for token in span:
        head = token.head
        if token.dep_ != "conj" or token.i <= span.start or not (head.i == verb.i or not span.start <= head.i < span.end):
            continue
        first = token.left_edge
        while first.i > span.start and first.nbor(-1).dep_ in ("cc", "punct"):
            first = first.nbor(-1)
        return len(text[: first.idx].rstrip(" ,;:—–-"))
    return end
