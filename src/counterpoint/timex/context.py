"""What a rule needs to know about the text around a match: sentence bounds and tense.

Tense decides which way a bare weekday or month points ("on Friday" in "said on
Friday" is the past Friday, in "will meet on Friday" the coming one). It is read
from the nearest tense cue word in the same sentence, so it works without a parse.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from counterpoint.timex.calendar import Tense
from counterpoint.timex.lexicon import load_lexicon
from counterpoint.timex.tense import had_perfect, parse_tense

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Context", "sentence_bounds"]

_QUOTE = re.compile(r"[\"“”«»]|''|``")
_WORD = re.compile(r"[A-Za-z’']+")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]*[A-Z0-9])|\n\s*\n|\n(?=[A-Z\"“])")
_INTENT = frozenset(
    "is are was were set due expected scheduled planned plans plan planning going likely poised "
    "slated ready about hopes hoped intends intended wants wanted aims".split()
)
_AHEAD = re.compile(
    r"(?:\bas\s+(?:early|soon)\s+as|\bno\s+later\s+than|\buntil|\btill)\s+(?:[\w.:]+\s+){0,3}$",
    re.I,
)
_POSSESSIVE = re.compile(r"['’]s\b")
_BEFORE_EVENT = re.compile(r"\b(?:ahead\s+of|before|for|upcoming|until|awaiting|await)\s+$", re.I)
_DUMMY_ANCHOR = dt.date(2000, 1, 3)
_CUE_WINDOW = 12


def sentence_bounds(text: str, doc: Doc | None = None) -> list[tuple[int, int]]:
    """Character bounds of the sentences: from ``doc`` when given, else by punctuation."""
    if doc is not None and doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char) for s in doc.sents]
    bounds, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def _cue_tense(word: str) -> Tense:
    low, lex = word.lower(), load_lexicon()
    if low in lex.future_cues:
        return "future"
    if low in lex.past_cues or (word.islower() and low.endswith("ed") and len(low) > 4):
        return "past"
    return "neutral"


@dataclass
class Context:
    """The text being tagged, its anchor date and cached sentence bounds."""

    text: str
    anchor: dt.date | None
    anchor_kind: Literal["published", "story"]
    doc: Doc | None = None
    _bounds: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._bounds = sentence_bounds(self.text, self.doc)
        self._starts = [b[0] for b in self._bounds]

    @property
    def ref(self) -> dt.date:
        """The anchor, or a fixed stand-in whose digits are masked later when there is none."""
        return self.anchor or _DUMMY_ANCHOR

    def sentence(self, pos: int) -> tuple[int, int]:
        """Bounds of the sentence holding character ``pos``."""
        i = max(0, bisect.bisect_right(self._starts, pos) - 1)
        return self._bounds[i]

    def _quoted_segment(self, start: int, end: int) -> tuple[int, int]:
        """The sentence part on the same side of any quotation mark as the expression, so
        a reporting verb outside a quote does not set the tense inside it."""
        s_start, s_end = self.sentence(start)
        marks = [m.start() for m in _QUOTE.finditer(self.text, s_start, s_end)]
        left = max((p + 1 for p in marks if p < start), default=s_start)
        right = min((p for p in marks if p >= end), default=s_end)
        return left, right

    def tense(self, start: int, end: int) -> Tense:
        """Past, future or neutral: a deadline phrase ("until", "as early as") looks
        ahead; else the verb the expression hangs from in the parse, when there is one;
        else the nearest tense cue word in the sentence."""
        if _AHEAD.search(self.text[max(0, start - 40) : start]):
            if self.doc is None or not had_perfect(self.doc, start, end):
                return "future"
            return "past"
        if _POSSESSIVE.match(self.text, end):
            ahead = _BEFORE_EVENT.search(self.text[max(0, start - 25) : start])
            return "future" if ahead else "past"  # "Tuesday's declaration"
        if self.doc is not None:
            tense = parse_tense(self.doc, start, end)
            if tense != "neutral":
                return tense
        return self._cue_tense(start, end)

    def _cue_tense(self, start: int, end: int) -> Tense:
        s_start, s_end = self._quoted_segment(start, end)
        before = _WORD.findall(self.text[s_start:start])[::-1][:_CUE_WINDOW]
        after = _WORD.findall(self.text[end:s_end])[:_CUE_WINDOW]
        for i in range(_CUE_WINDOW):
            for words in (before, after):
                if i < len(words):
                    tense = _cue_tense(words[i])
                    if words is before and _infinitive_ahead(before, i):
                        tense = "future"
                    if tense != "neutral":
                        return tense
        return "neutral"


def _infinitive_ahead(before: list[str], i: int) -> bool:
    """ "is to resume ... Tuesday", "set to meet ... Friday": an infinitive of intent."""
    if before[i].lower() != "to" or i + 1 >= len(before):
        return False
    return before[i + 1].lower() in _INTENT
