"""Quotations that continue an attribution: in its paragraph ('"A," she said. "B."') and
in the paragraphs after it (a paragraph that opens with a quotation nobody else claims)."""

from __future__ import annotations

import re

from dataclasses import replace

from counterpoint.quotes.draft import Draft
from counterpoint.quotes.edges import paragraph_index
from counterpoint.quotes.marks import Segment

__all__ = ["continue_in_paragraph", "continue_paragraphs", "covered", "is_statement"]

_MIN_ORPHAN_WORDS = 4


def covered(seg: Segment, drafts: list[Draft]) -> bool:
    """True when ``seg`` overlaps the content of some draft."""
    return any(d.start < seg.end and seg.start < d.end for d in drafts)


def _joinable(gap: str) -> bool:
    """True when the text between two quotations is only punctuation or a short link word."""
    words = gap.strip(" ,;:—–-").split()
    return not words or (len(words) <= 2 and gap.islower())


def _own_cue_follows(text: str, seg: Segment, cue_offsets: list[int]) -> bool:
    """True when a cue stands right after ``seg`` in its sentence ('"...," warned X')."""
    stop = len(text)
    for mark in (".", "\n", "“", '"'):
        found = text.find(mark, seg.end)
        if found >= 0:
            stop = min(stop, found)
    return any(seg.end <= c < stop for c in cue_offsets)


def continue_in_paragraph(text: str, drafts: list[Draft], segments: tuple[Segment, ...],
                           paragraphs: list[tuple[int, int]], cue_offsets: list[int]) -> list[Draft]:
    """Join quotations that continue an attribution in its paragraph.

    Both ``"A," she said, "B."`` (the next mark follows the speaker and cue) and
    ``"A," she said. "B."`` (the next sentence is a quotation with no cue of its own).
    """
    out: list[Draft] = []
    for draft in drafts:
        if draft.start < draft.end:
            quoted = _has_segment(draft, segments)
            draft = _extend(text, draft, drafts, segments, paragraphs, cue_offsets, quoted)
        out.append(draft)
    return out


def _extend(text: str, draft: Draft, drafts: list[Draft], segments: tuple[Segment, ...],
            paragraphs: list[tuple[int, int]], cue_offsets: list[int], quoted: bool) -> Draft:
    """``draft`` grown over the quotations that continue it. An indirect attribution
    ("She said the plan would fail.") takes the quoted sentences right after it that no
    other cue claims ("'We will fight it.'"), as PolNeAR annotates it."""
    para = paragraph_index(draft.start, paragraphs)
    pointer = max(draft.end, draft.speaker_end, draft.cue.end if draft.cue else 0)
    reached = draft.reach > pointer and not any(pointer <= s.start < draft.reach for s in segments) \
        and not any(pointer < c < draft.reach for c in cue_offsets)  # "sings to her before asking her,"
    if reached:
        # '"A," she told the host, "B."': the cue's own object is no gap, and no quoted words
        draft = replace(draft, frames=draft.frames + ((pointer, draft.reach),))
        pointer = draft.reach
    tail = max(draft.tail, pointer)
    for seg in segments:
        if seg.start < pointer or paragraph_index(seg.start, paragraphs) != para:
            continue
        gap = text[pointer : seg.start]
        # after the verb's own words only a comma or colon hands over ('said on the show "Hour"')
        adjacent = not gap.strip(" ,:;—–-") and (not reached or any(c in gap for c in ",:"))
        follows = seg.start >= tail and _joinable(text[tail : seg.start])
        if not quoted:
            adjacent = False
            follows = follows and is_statement(text, seg)
        resumes = quoted and _resumes(text, pointer, seg)
        if not (adjacent or follows or resumes) and seg.end <= tail and quoted:
            continue  # a title in the attribution's own sentence ('he said on "Meet the Press."')
        if not (adjacent or follows or resumes) or covered(seg, drafts):
            break
        if _own_cue_follows(text, seg, cue_offsets):
            break
        frames = draft.frames + ((pointer, seg.start),) if quoted else draft.frames
        draft = replace(draft, end=seg.end, tail=seg.end, frames=frames)
        pointer = tail = seg.end
    return draft


def _resumes(text: str, pointer: int, seg: Segment) -> bool:
    """True when ``seg`` resumes a sentence that the speaker's description interrupted
    ('"The risk," said Edward Leamer, an economist at the forecast, "is that ..."'): the
    gap is one comma-bounded phrase and the quotation opens in lower case."""
    gap = text[pointer : seg.start]
    inner = text[seg.inner_start : seg.inner_end].lstrip()
    if not gap.startswith(",") or not gap.rstrip().endswith(",") or not inner[:1].islower():
        return False
    return len(gap.split()) <= 25 and not any(ch in gap for ch in '.!?"“”«»\n')


def _has_segment(draft: Draft, segments: tuple[Segment, ...]) -> bool:
    """True when the draft's content holds quoted text."""
    return any(draft.start <= s.start and s.end <= draft.end for s in segments)


def is_statement(text: str, seg: Segment) -> bool:
    """True when a quoted segment reads as speech (several words, ends a sentence)."""
    inner = text[seg.inner_start : seg.inner_end]
    ends = text[seg.inner_end - 1 : seg.end + 1] if seg.inner_end else ""
    return len(inner.split()) >= _MIN_ORPHAN_WORDS and any(ch in ".?!…" for ch in ends)


def continue_paragraphs(text: str, drafts: list[Draft], segments: tuple[Segment, ...],
                         paragraphs: list[tuple[int, int]]) -> list[Draft]:
    """A paragraph that opens with a quotation nobody else claims keeps the last speaker."""
    added: list[Draft] = []
    for seg in segments:
        para = paragraph_index(seg.start, paragraphs)
        if para < 1 or text[paragraphs[para][0] : seg.start].strip():
            continue
        if covered(seg, drafts + added) or not is_statement(text, seg):
            continue
        prev = [d for d in drafts + added if paragraph_index(d.start, paragraphs) == para - 1]
        if not prev or not (_has_segment(prev[-1], segments)
                            or (_closes(text, prev[-1], paragraphs[para - 1]) and not _labelled(text, seg))):
            continue
        last = prev[-1]
        added.append(replace(last, start=seg.start, end=seg.end, cue=None, tail=seg.end))
    return _merge_continuations(text, sorted(drafts + added, key=lambda d: d.start))


def _closes(text: str, draft: Draft, paragraph: tuple[int, int]) -> bool:
    """True when an indirect report ends its paragraph ("Rather, he said, the plan will
    fail."): a quotation opening the next paragraph with no frame of its own goes on
    with it."""
    return not text[draft.end : paragraph[1]].strip(" .\xa0\n")


_LABEL_RE = re.compile(r"[\"“‘']?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}:")  # '"Chris Matthews: ...'


def _labelled(text: str, seg: Segment) -> bool:
    """True when a quotation opens with a speaker label of its own ('"Jane Roe: ...')."""
    return _LABEL_RE.match(text, seg.start) is not None


def _next_paragraph(gap: str) -> bool:
    """True when ``gap`` only finishes one paragraph and opens the next (no line between)."""
    lines = gap.split("\n")
    return len(lines) > 1 and not "".join(lines[1:]).strip()


def _merge_continuations(text: str, drafts: list[Draft]) -> list[Draft]:
    """One attribution per quotation: a continuation paragraph (no cue, same speaker
    mention) extends the attribution it continues, as PolNeAR annotates it."""
    out: list[Draft] = []
    for draft in drafts:
        prev = out[-1] if out else None
        if draft.cue is None and prev is not None and prev.speaker_start == draft.speaker_start \
                and prev.end <= draft.start and _next_paragraph(text[prev.end : draft.start]):
            out[-1] = replace(prev, end=draft.end, tail=draft.end)
        else:
            out.append(draft)
    return out
