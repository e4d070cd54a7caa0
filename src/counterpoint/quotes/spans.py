"""Character spans of attributed content: edges trimmed, quotations kept whole.

Helpers that turn token sets into character offsets and adjust them against the
article's quotation segments, shared by every pass that builds an attribution.
"""

from __future__ import annotations

from spacy.tokens import Doc

from counterpoint.quotes.doccache import starts
from counterpoint.quotes.marks import Segment

__all__ = ["adjacent_segment", "char_span", "parenthetical", "relative_frame", "widen", "within"]

_EDGE = " \t\n,;:—–-"


_RELATIVE_WORDS = {"which", "that", "what", "who", "whom"}


def within(doc: Doc, ids: set[int], lo: int, hi: int) -> set[int]:
    """The tokens of ``ids`` that lie in the character range [lo, hi) (one paragraph)."""
    at = starts(doc)
    return {i for i in ids if lo <= at[i] < hi}


def char_span(doc: Doc, text: str, ids: set[int]) -> tuple[int, int]:
    """The character span from the first to the last token in ``ids``, edges trimmed."""
    top = max(ids)
    while top > min(ids) and doc[top].dep_ == "cc":
        top -= 1
    first, last = doc[min(ids)], doc[top]
    start, end = first.idx, last.idx + len(last.text)
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and (text[end - 1] in _EDGE or text[end - 1] == "."):
        end -= 1
    return start, end


def widen(start: int, end: int, segments: tuple[Segment, ...],
          keep_out: tuple[int, ...]) -> tuple[int, int]:
    """Grow [start, end) to cover every quoted segment it touches.

    A segment containing one of the ``keep_out`` offsets (the cue, the speaker)
    was mis-paired and is not followed.
    """
    for seg in segments:
        if seg.start < end and start < seg.end and not any(seg.start <= k < seg.end for k in keep_out):
            start, end = min(start, seg.start), max(end, seg.end)
    return start, end


def adjacent_segment(text: str, edges: tuple[int, int], segments: tuple[Segment, ...],
                     paragraph: tuple[int, int], after_only: bool = False) -> Segment | None:
    """A closed quotation right before or after the cue-and-speaker words.

    Covers what a misparse hides: ``"...," reads a statement`` and
    ``he wrote: "..."``: only punctuation may stand between them.
    """
    lo, hi = paragraph
    for seg in segments:
        if not (seg.opened and seg.closed and lo <= seg.start < hi):
            continue
        if not after_only and seg.end <= edges[0] and not text[seg.end : edges[0]].strip(" ,:;—–-"):
            return seg
        if seg.start >= edges[1] and not text[edges[1] : seg.start].strip(" ,:;—–-"):
            return seg
    return None


def relative_frame(text: str, start: int, speaker_start: int) -> bool:
    """True when the content opens with a relative word right before the speaker ("which
    officials said will take effect", "what critics say is a sign"): the relative word
    stands for what is reported, so the speaker and cue sit inside the content, as
    PolNeAR annotates it."""
    return text[start:speaker_start].strip().lower() in _RELATIVE_WORDS


def parenthetical(text: str, region: tuple[int, int]) -> bool:
    """True when the cue and speaker stand between commas (", he said,", ", as he said,")."""
    before = text[max(0, region[0] - 8) : region[0]].rstrip()
    if before[-3:].lower() in (" as", ",as"):
        before = before[:-2].rstrip()
    return before.endswith(",") and text[region[1] :].lstrip().startswith(",")
