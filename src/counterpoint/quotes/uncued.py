"""Attributions no reporting cue found: colons, missed frames, headlines and signatures.

After the cue pass, three kinds of quotation may still lack a speaker: one introduced
by a colon after a clause whose subject can speak ("Solvik addressed the nation:
"...""), one whose speaker frame the parse missed ('"...?" asked the boy', read from
the word order by :mod:`frames`), and the layout conventions of :mod:`layout`
(``PENCE: ...`` transcript turns, headline colons, dash signatures). Each pass adds
only what no earlier attribution claims.
"""

from __future__ import annotations

from typing import cast

from spacy.tokens import Doc, Token

from counterpoint.model import Cue, Stance
from counterpoint.quotes.continuation import covered
from counterpoint.quotes.cues import Lexicon
from counterpoint.quotes.draft import Draft
from counterpoint.quotes.edges import paragraph_around, sentence_end
from counterpoint.quotes.frames import frame_hits
from counterpoint.quotes.layout import colon_attributions, dash_attributions, headline, signature_lines
from counterpoint.quotes.marks import Segment, inside_closed
from counterpoint.quotes.resolution import resolve
from counterpoint.quotes.speakers import Resolved, is_speaker, speaker_tokens
from counterpoint.quotes.subjects import find_subject

__all__ = ["colon_drafts", "frame_drafts", "layout_drafts"]


def colon_drafts(doc: Doc, text: str, drafts: list[Draft], segments: tuple[Segment, ...],
                  lexicon: Lexicon, quoted: list[tuple[int, int]]) -> list[Draft]:
    """A quotation introduced by a colon after a clause whose subject can speak
    ("Solvik addressed the nation: "...""), when no cue already claims it."""
    out: list[Draft] = []
    for seg in segments:
        before = text[: seg.start].rstrip()
        if not before.endswith(":") or covered(seg, drafts + out):
            continue
        colon = doc.char_span(len(before) - 1, len(before))
        if colon is None or colon.start == 0:
            continue
        head = _colon_source(doc, colon.start, lexicon)
        if head is None or not is_speaker(head, lexicon) or inside_closed(head.idx, segments):
            continue
        resolved = resolve(head, lexicon, quoted)
        if resolved is None or resolved.name is None:
            continue
        s_start, s_end = speaker_tokens(head)
        speaker = doc[s_start:s_end]
        cue = Cue(colon.start_char, colon.end_char, ":", "neutral")
        end = _headline_end(text, seg)
        out.append(Draft(seg.start, end, cue, speaker.start_char, speaker.end_char, resolved, end))
    return out


def frame_drafts(doc: Doc, text: str, drafts: list[Draft], segments: tuple[Segment, ...],
                  lexicon: Lexicon, quoted: list[tuple[int, int]], scored: set[int]) -> list[Draft]:
    """Quotations whose speaker frame the parse missed ('"...?" asked the boy'), read from
    the word order around them (see :mod:`frames`), when no cue claims them and the
    scorer has not already judged their verb."""
    out: list[Draft] = []
    for hit in frame_hits(doc, text, segments, lexicon):
        head = hit.head
        if hit.verb in scored or covered(hit.segment, drafts + out) or inside_closed(head.idx, segments):
            continue
        if not (is_speaker(head, lexicon) or head.pos_ == "NOUN"):
            continue  # a common noun right before or after the verb is its speaker in this frame
        resolved = resolve(head, lexicon, quoted)
        if resolved is None:
            continue
        verb = doc[hit.verb]
        speaker = doc[hit.speaker[0] : hit.speaker[1]]
        cue = Cue(verb.idx, verb.idx + len(verb.text), verb.text,
                  cast(Stance, lexicon.verbs.get(lexicon.lemma(verb), "neutral")))
        _, hi = paragraph_around(text, verb.idx)
        tail = sentence_end(doc, max(cue.end, speaker.end_char), hi)
        out.append(Draft(hit.segment.start, hit.segment.end, cue, speaker.start_char, speaker.end_char,
                          resolved, tail))
    return out


def _headline_end(text: str, seg: Segment) -> int:
    """Where a quotation after a colon ends its attribution: at its closing mark, unless it
    opens a headline that goes on past it ("Roe: ‘No Idea’ If the Pier Will Open"), which
    is all hers."""
    lo = text.rfind("\n", 0, seg.start) + 1
    hi = text.find("\n", seg.end)
    hi = len(text) if hi < 0 else hi
    rest = text[seg.end : hi].strip(" .\xa0")
    return hi if rest and headline(text, lo, hi) else seg.end


def _colon_source(doc: Doc, colon: int, lexicon: Lexicon) -> Token | None:
    """The speaker of a quotation introduced by the colon at token ``colon``: the subject of
    the clause that ends at the colon ("McConnell delivered a blunt message to Trump:"), even
    when the parser hangs that clause on the quotation's verb; for a verbless lead-in
    ("Continued Stone:", "More from Jones:") the name right before the colon."""
    last = doc[colon - 1]
    top = last
    while top.head.i != top.i and top.head.i < colon:
        top = top.head
    if top.pos_ in ("VERB", "AUX"):
        return find_subject(top, lexicon)
    if last.pos_ == "PROPN" and last.ent_type_ in ("PERSON", "ORG") and not any(
            t.pos_ in ("VERB", "AUX") for t in top.subtree if t.i < colon and t.dep_ != "amod"):
        return last
    return None


def layout_drafts(doc: Doc, text: str, drafts: list[Draft], lines: list[tuple[int, int]],
                   segments: tuple[Segment, ...]) -> list[Draft]:
    """``drafts`` with the headline/transcript colons and dash signatures no cue found.
    A transcript turn (``PENCE: ...``) is the speaker's whole turn: it stands beside the
    attributions nested in it and replaces those that misread its label as their speaker."""
    out: list[Draft] = []
    hits = colon_attributions(doc, text, lines) + dash_attributions(doc, text, lines) \
        + signature_lines(doc, text, lines)
    for hit in hits:
        start, end = hit.content
        signed = text[hit.cue[0] : hit.cue[1]] != ":"  # a dash signs everything before it on the line
        for seg in segments:
            if start <= seg.start <= start + 2 and seg.closed and not signed:
                end = _headline_end(text, seg)
                break
        if hit.named is not None:
            label = (hit.speaker[0], hit.cue[1])
            drafts = [d for d in drafts if not (d.start < label[1] and label[0] < d.end)]
            if any(d.start < start < d.end for d in drafts + out):
                continue
        elif any(d.start < end and start < d.end and (signed and not any(start <= seg.start <= start + 2 for seg in segments)
                                                      or not start <= min(d.start, d.speaker_start) <= d.end <= end)
                 for d in drafts + out):
            continue  # an attribution nested in a headline or signed quotation stands beside it ("Roe: Lind said")
        cue = Cue(hit.cue[0], hit.cue[1], text[hit.cue[0] : hit.cue[1]], "neutral")
        named = hit.named or hit.speaker
        resolved = Resolved(named[0], named[1], hit.name)
        out.append(Draft(start, end, cue, hit.speaker[0], hit.speaker[1], resolved, end))
    return drafts + out
