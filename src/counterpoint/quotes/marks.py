"""Quotation marks: find them in raw text and pair them into quoted segments.

News text mixes straight, curly, single, guillemet and low-9 marks, drops an
opening or closing mark now and then, and runs one quotation over several
paragraphs. Pairing is done paragraph by paragraph so that one stray mark can
never swallow the rest of an article, and an unbalanced mark still yields a
segment (bounded by its paragraph) instead of making us give up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

__all__ = ["Segment", "closed_inner", "find_segments", "inside_closed", "paragraph_spans", "CLOSING_MARKS", "OPENING_MARKS"]

# tokens that close a quotation, as spaCy splits them
CLOSING_MARKS = frozenset({'"', "\u201d", "\u2019", "\u00bb", "''"})
OPENING_MARKS = frozenset({'"', "\u201c", "\u201e", "\u00ab", "``"})  # double marks that open a quotation

Role = Literal["open", "close", "either"]

_MARK_RE = re.compile(r"''|``|[\"“”„«»‹›‘’‚'`]")
_DOUBLE_OPEN = {"“", "„", "«", "``"}
_DOUBLE_CLOSE = {"”", "»"}
_SINGLE_OPEN = {"‘", "‚", "‹", "`"}
_SINGLE_CLOSE = {"›"}
_GUILLEMETS = {"«", "»", "‹", "›"}
_OPEN_CONTEXT = set("([{—–-/") | {""}
_CLOSE_CONTEXT = set(".,;:!?)]}—–-…") | {""}


@dataclass(frozen=True)
class Segment:
    """A stretch of text standing in quotation marks.

    ``start``/``end`` cover the marks (or the paragraph edge standing in for a
    missing mark); ``inner_start``/``inner_end`` cover only the quoted words.
    ``opened``/``closed`` say whether the opening/closing mark was present;
    ``runs_on`` marks an opened quotation that the paragraph ends without closing while
    the next paragraph opens with a mark: the convention for a quotation running over
    several paragraphs, so its words are as much quoted as a closed quotation's.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    opened: bool
    closed: bool
    runs_on: bool = False


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    double: bool
    role: Role


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line; a line break ends a paragraph."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            spans.append((match.start(), match.end()))
    return spans


def _is_apostrophe(text: str, i: int) -> bool:
    """True when the single mark at ``i`` is an apostrophe (don't, Russia's, '90s)."""
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if before.isalnum() and after.isalnum():
        return True
    return bool(re.match(r"\d\ds?\b", text[i + 1 : i + 4])) and not before.isalnum()


def _role(text: str, start: int, end: int) -> Role:
    """Whether an ambiguous mark opens or closes, judged from its neighbours."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    opens = before.isspace() or before in _OPEN_CONTEXT or before in _DOUBLE_OPEN
    closes = after.isspace() or after in _CLOSE_CONTEXT or after in _DOUBLE_CLOSE
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _classify(text: str, start: int, end: int) -> _Mark | None:
    """Turn one mark occurrence into a typed mark, or None for an apostrophe."""
    char = text[start:end]
    if char in _GUILLEMETS:  # «...» in French, »...« in German and Danish: the context decides
        role = _role(text, start, end)
        usual: Role = "open" if char in "«‹" else "close"
        return _Mark(start, end, char in "«»", usual if role == "either" else role)
    if char in _DOUBLE_OPEN:
        return _Mark(start, end, True, "open")
    if char in _DOUBLE_CLOSE:
        return _Mark(start, end, True, "close")
    if char in ('"', "''"):
        return _Mark(start, end, True, _role(text, start, end))
    if _is_apostrophe(text, start):
        return None
    if char in _SINGLE_OPEN:
        return _Mark(start, end, False, "open")
    if char in _SINGLE_CLOSE:
        return _Mark(start, end, False, "close")
    return _Mark(start, end, False, _role(text, start, end))


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) so that it neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _segment(text: str, opener: _Mark | None, closer: _Mark | None, lo: int, hi: int) -> Segment:
    """A segment from an opener (or ``lo``) to a closer (or ``hi``)."""
    start = opener.start if opener else lo
    end = closer.end if closer else hi
    inner_start = opener.end if opener else lo
    inner_end = closer.start if closer else hi
    inner_start, inner_end = _strip(text, inner_start, inner_end)
    if not closer:
        start, end = _strip(text, start, end)
    return Segment(start, max(end, start), inner_start, max(inner_end, inner_start),
                   opener is not None, closer is not None)


def _pair_doubles(text: str, marks: list[_Mark], lo: int, hi: int) -> list[Segment]:
    """Pair double marks inside one paragraph [lo, hi), tolerating missing ones."""
    segments: list[Segment] = []
    opener: _Mark | None = None
    floor = lo
    nested: set[int] = set()
    for k, mark in enumerate(marks):
        if k in nested:
            continue
        if opener is None:
            if mark.role == "close":
                segments.append(_segment(text, None, mark, floor, hi))
                floor = mark.end
            else:
                opener = mark
            continue
        low9 = text[opener.start] == "„" and text[mark.start] in "“”"
        if mark.role in ("close", "either") or low9:
            segments.append(_segment(text, opener, mark, floor, hi))
            floor, opener = mark.end, None
        elif _nests(marks, k):
            nested.add(k + 1)  # '“... what he calls “hell” than ...”': the inner pair stays inside
        else:
            segments.append(_segment(text, opener, None, floor, mark.start))
            opener = mark
    if opener is not None:
        segments.append(_segment(text, opener, None, floor, hi))
    return segments


def _nests(marks: list[_Mark], k: int) -> bool:
    """True when the opener at ``k``, met inside an open quotation, is a quotation within
    it: two closing marks follow before any other opener (a writer's nested double marks)."""
    after = marks[k + 1 : k + 3]
    return len(after) == 2 and all(m.role == "close" for m in after)


def _pair_singles(text: str, marks: list[_Mark], taken: list[Segment]) -> list[Segment]:
    """Pair single marks outside double-quoted text; unpaired ones are apostrophes."""
    free = [m for m in marks if not any(s.start <= m.start < s.end for s in taken)]
    segments: list[Segment] = []
    opener: _Mark | None = None
    for mark in free:
        if opener is None:
            if mark.role in ("open", "either") and text[mark.start] != "’":
                opener = mark
            elif mark.role == "open":
                opener = mark
        elif mark.role in ("close", "either"):
            segments.append(_segment(text, opener, mark, opener.start, mark.end))
            opener = None
    return segments


def _paragraph_segments(text: str, lo: int, hi: int) -> list[Segment]:
    """All segments of one paragraph, in text order."""
    marks = [m for m in (_classify(text, x.start(), x.end()) for x in _MARK_RE.finditer(text, lo, hi))
             if m is not None]
    doubles = _pair_doubles(text, [m for m in marks if m.double], lo, hi)
    singles = _pair_singles(text, [m for m in marks if not m.double], doubles)
    return sorted(doubles + singles, key=lambda s: s.start)


def find_segments(text: str) -> tuple[Segment, ...]:
    """Every quoted segment in ``text``, paired paragraph by paragraph."""
    found: list[Segment] = []
    opens_paragraph = False
    for lo, hi in reversed(paragraph_spans(text)):
        segments = [s for s in _paragraph_segments(text, lo, hi) if s.inner_end > s.inner_start]
        last = segments[-1] if segments else None
        if last is not None and opens_paragraph and last.opened and not last.closed \
                and not text[last.inner_end : hi].strip():
            segments[-1] = replace(last, runs_on=True)
        first = len(text[lo:hi]) - len(text[lo:hi].lstrip())
        opens_paragraph = bool(segments) and segments[0].opened and segments[0].start == lo + first
        found[:0] = segments
    return tuple(found)


def inside_closed(offset: int, segments: tuple[Segment, ...]) -> bool:
    """True when ``offset`` lies within a properly opened and closed quotation (or one
    that runs on into the next paragraph)."""
    return any(lo <= offset < hi for lo, hi in closed_inner(segments))


def closed_inner(segments: tuple[Segment, ...]) -> list[tuple[int, int]]:
    """The inner (start, end) of every properly opened and closed quotation, and of every
    one that runs on into the next paragraph."""
    return [(s.inner_start, s.inner_end) for s in segments if s.opened and (s.closed or s.runs_on)]
