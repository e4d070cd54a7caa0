"""Paragraph and sentence edges of an article, as the quotes stage needs them.

A paragraph is a line of the cleaned text; a sentence ends at its final stop (with the
closing quotation mark that follows it) or at an abbreviation that a quotation follows.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from operator import itemgetter

from spacy.tokens import Doc, Token

__all__ = ["paragraph_around", "paragraph_index", "sentence_end", "before_furniture", "dateline_end"]

_LINK_RE = re.compile(r"\s*(?:pic\.twitter\.com/|https?://|www\.)\S*")
# a closing credit or teaser: "(maxseddon/Twitter)", "(@jroe)", "(RUSSIA-UKRAINE WAR, FOLLOW LIVE UPDATES)"
_CREDIT_RE = re.compile(r"\s*\((?:[^()]*[/@][^()]*|(?=[^()]*[A-Z]{2,}[^()]*\s[^()]*[A-Z]{2,})[^()a-z]+)\)\s*$")


_DASH_RE = re.compile(r" ?(?:—|–|--?) ")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATELINE_WORD_RE = re.compile(rf"(?:[A-Z][A-Z'’.&-]+|[A-Z][a-z]{{1,4}}\.|{_MONTHS}|\d{{1,2}}|\([A-Za-z. ]+\))")


def dateline_end(text: str, lo: int) -> int:
    """Where a dateline or a capitalised kicker that opens the paragraph at ``lo`` ends
    ("NEW YORK, Nov. 19 (UPI) — ", "KYIV, May 4 (Reuters) - ", "RENO, Nev. (AP) — ",
    "BRUSSELS - "), or ``lo`` when the paragraph has none. Every word before the dash must be
    in capitals, an abbreviation ("Calif.", "Nov."), a month, a day of the month or an agency
    in brackets, so that "US President Jane Roe - who ..." is not taken for one."""
    dash = _DASH_RE.search(text, lo, min(len(text), lo + 80))
    if dash is None or "\n" in text[lo : dash.start()]:
        return lo
    words = text[lo : dash.start()].replace(",", " ").split()
    if not words or not re.fullmatch(r"[A-Z][A-Z'’.&-]{2,}", words[0]):
        return lo
    joined = " ".join(words)
    if not all(_DATELINE_WORD_RE.fullmatch(w) for w in re.findall(r"\([^)]*\)|\S+", joined)):
        return lo
    return dash.end()


def sentence_end(doc: Doc, offset: int, limit: int) -> int:
    """Offset just past the first sentence-final token (and closing mark) from ``offset``."""
    if offset >= limit:
        return offset
    span = doc.char_span(offset, limit, alignment_mode="expand")
    if span is None:
        return offset
    for token in span:
        if token.text in (".", "!", "?", "…") or token.text.endswith(("!", "?")):
            end = token.idx + len(token.text)
            nxt = token.nbor(1) if token.i + 1 < len(doc) else None
            if nxt is not None and nxt.text in ('"', "”", "’", "''") and not token.whitespace_:
                end = nxt.idx + len(nxt.text)
            return end
        if _abbreviation_ends_sentence(token):
            return token.idx + len(token.text)
    return max(offset, span.end_char if span.end_char <= limit else offset)


def _abbreviation_ends_sentence(token: Token) -> bool:
    """True for an abbreviation that also ends its sentence because a quotation opens
    right after it ('said in Albany, N.Y. "We ...'): the full stop is inside the token."""
    if len(token.text) < 2 or not token.text.endswith(".") or not token.whitespace_:
        return False
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return nxt is not None and nxt.text in ('"', "“", "«", "„", "``")


def paragraph_around(text: str, offset: int) -> tuple[int, int]:
    """The [start, end) of the line holding ``offset``."""
    lo = text.rfind("\n", 0, offset) + 1
    hi = text.find("\n", offset)
    return lo, (len(text) if hi < 0 else hi)


def paragraph_index(offset: int, paragraphs: list[tuple[int, int]]) -> int:
    """Index of the paragraph holding ``offset`` (-1 when between paragraphs); ``paragraphs``
    are in text order and do not overlap."""
    i = bisect_right(paragraphs, offset, key=itemgetter(0)) - 1
    return i if i >= 0 and offset < paragraphs[i][1] else -1


def before_furniture(text: str, start: int, end: int, quoted: list[tuple[int, int]]) -> int:
    """Where content ``text[start:end]`` ends once the scraped page furniture that closes it
    is left out: a link (``pic.twitter.com/...``), a parenthesis the content never closes
    (``... the capital (RUSSIA-UKRAINE WAR``) or a closing credit in parentheses
    (``(maxseddon/Twitter)``). Furniture inside quotation marks is the speaker's and stays."""
    body = text[start:end]
    link = _LINK_RE.search(body)
    cut = link.start() if link else len(body)
    opened = body.rfind("(", 0, cut)
    if opened >= 0 and body.find(")", opened, cut) < 0:
        cut = opened
    credit = _CREDIT_RE.search(body, 0, cut)
    if credit:
        cut = credit.start()
    new_end = start + len(body[:cut].rstrip(" ,;:—–-\xa0"))
    if new_end == end or new_end <= start or any(lo < new_end < hi for lo, hi in quoted):
        return end
    return new_end
