"""Summary sentences for disagreements between outlets, each side quoted readably.

A discrepancy's sides are spans that can be too short to understand ("After the attack") or
a whole long sentence. Each side is told as the clauses of its sentence around the words
that carry the disagreement (before/after, a number, a damage word), at most
``SIDE_WORDS[1]`` words, and cited exactly where those words stand in the article. Part of
:mod:`counterpoint.summary`; split out to keep each module short.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from counterpoint.model import Citation, Discrepancy, SummarySentence

__all__ = ["discrepancy_sentences", "sentence_bounds", "side_span", "SIDE_WORDS", "QUOTE_MARKS"]

#: Fewest and most words a quoted side may have.
SIDE_WORDS = (8, 26)
SENTENCE_END = re.compile(
    r"(?<!\b[A-Za-z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bNo)[.!?][\"”’]?"
    r"(?=\s+[\"“‘(]?[A-Z0-9])|\n+"
)
DATELINE = re.compile(r"[A-Z][A-Z'’.\- ]{2,},[^—–\n]{0,60}?\s[—–]\s*")
DANGLING = re.compile(r"[\s,;]+(?:however|but|and|while|although|though|yet)[\s,;]*$",
                      re.IGNORECASE)
CONNECTIVE = re.compile(r"(?i)(?:but|and|however|while|which|who|although|though|yet)\b")
QUOTE_MARKS = re.compile(r"[“”«»\"]|(?<!\w)['‘’]|['‘’](?!\w)")
KIND_WORDS = {
    "sequence": "the order of events", "number": "the numbers", "damage": "the damage",
    "place": "the place", "time": "the time", "other": "the facts",
}
KIND_ORDER = ("sequence", "number", "damage", "place", "time", "other")
#: Words that show what a side is about, by kind (a long side is cut around them).
SIDE_KEYS = {
    "sequence": r"\b(?:before|after|later|earlier|until|since|then)\b",
    "number": r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|"
              r"hundreds?|thousands?)\b",
    "damage": r"\b(?:damag\w*|casualt\w*|injur\w*|kill\w*|dead|death\w*|destroy\w*|fire|"
              r"burn\w*|explo\w*|hurt|wound\w*|hit|struck|harm\w*)\b",
    "time": r"\b(?:\d|a\.m\.|p\.m\.|night|morning|evening|midday|noon|midnight|monday|tuesday|"
            r"wednesday|thursday|friday|saturday|sunday)\w*",
}


def discrepancy_sentences(
    discrepancies: Sequence[Discrepancy],
    texts: Mapping[str, str],
    outlets: Mapping[str, str | None],
    limit: int,
) -> list[SummarySentence]:
    """At most ``limit`` sentences, one per kind of disagreement, in the order sequence,
    number, damage, place, time, other: "Outlets differ on the damage: A reports "…";
    B reports "…"."""
    out: list[SummarySentence] = []
    for disc in _one_per_kind(discrepancies):
        sentence = _sentence(disc, texts, outlets)
        if sentence is not None and len(out) < limit:
            out.append(sentence)
    return out


def _one_per_kind(discrepancies: Sequence[Discrepancy]) -> list[Discrepancy]:
    """The discrepancy of each kind whose sides come from the most articles."""
    best: dict[str, Discrepancy] = {}
    for disc in discrepancies:
        width = len({s.article_id for s in disc.sides})
        if width >= 2 and (disc.kind not in best
                           or width > len({s.article_id for s in best[disc.kind].sides})):
            best[disc.kind] = disc
    return [best[k] for k in KIND_ORDER if k in best]


def _sentence(
    disc: Discrepancy, texts: Mapping[str, str], outlets: Mapping[str, str | None]
) -> SummarySentence | None:
    parts: list[str] = []
    cites: list[Citation] = []
    names: list[str] = []
    for side in disc.sides[:2]:
        text = texts.get(side.article_id)
        if text is None:
            return None
        start, end = side_span(text, side.start, side.end, disc.kind)
        words = QUOTE_MARKS.sub("", text[start:end]).strip(" ,;:.")
        if len(words.split()) < 3:
            return None
        name = outlets.get(side.article_id) or ("another outlet" if names else "one outlet")
        names.append(name)
        parts.append(f"{name} reports “{words}”")
        cites.append(Citation(side.article_id, start, end))
    text = f"Outlets differ on {KIND_WORDS.get(disc.kind, 'the facts')}: {'; '.join(parts)}."
    return SummarySentence(text, tuple(cites))


def side_span(text: str, start: int, end: int, kind: str) -> tuple[int, int]:
    """A side widened to its sentence when short enough, else to as many clauses around its
    key words as fit, else to a window of words ending with the key words' clause."""
    lo, hi = sentence_bounds(text, start, end)
    lo, hi = _tidy(text, lo, _rstrip_at(text, lo, hi))
    if _n_words(text, lo, hi) <= SIDE_WORDS[1]:
        return lo, hi
    clauses = _clauses(text, lo, hi)
    key = re.compile(SIDE_KEYS.get(kind, r"\w"), re.IGNORECASE)
    hits = [m.start() + start for m in key.finditer(text[start:end])] or [start]
    first = next((i for i, (a, b) in enumerate(clauses) if hits[0] < b), len(clauses) - 1)
    lo_i = hi_i = first
    # the clauses before the key words first: they name what the key words are about
    while True:
        if lo_i > 0 and _n_words(text, clauses[lo_i - 1][0], clauses[hi_i][1]) <= SIDE_WORDS[1]:
            lo_i -= 1
        elif (hi_i + 1 < len(clauses)
              and _n_words(text, clauses[lo_i][0], clauses[hi_i + 1][1]) <= SIDE_WORDS[1]):
            hi_i += 1
        else:
            break
    a, b = clauses[lo_i][0], clauses[hi_i][1]
    if _n_words(text, a, b) < SIDE_WORDS[0] or CONNECTIVE.match(text, a):
        a = lo  # a short or dependent clause says too little: the words before it too
    return _tidy(text, *_window(text, a, b, hits[0]))


def _tidy(text: str, lo: int, hi: int) -> tuple[int, int]:
    """Off a leading dateline ("CITY, Country (Agency) —") and a dangling connective."""
    dateline = DATELINE.match(text, lo, hi)
    if dateline:
        lo = dateline.end()
    tail = DANGLING.search(text, lo, hi)
    if tail and tail.start() > lo:
        hi = _rstrip_at(text, lo, tail.start())
    return lo, hi


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end): between sentence ends ("a.m." and "Mr." are not)."""
    window_lo = max(0, start - 1500)
    ends = [m.span() for m in SENTENCE_END.finditer(text, window_lo, min(len(text), end + 1500))]
    lo = max((e for s, e in ends if e <= start), default=window_lo)
    hi = min((s for s, e in ends if s >= max(start, end - 1)), default=len(text))
    return lo, max(hi, end)


def _clauses(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The sentence cut at commas, semicolons, dashes and before 'but'/'however'/'while'."""
    cuts = [lo]
    for m in re.finditer(r"[,;–—]\s+|\s+(?=but\b|however\b|while\b)", text[lo:hi]):
        cuts.append(lo + m.end())
    bounds = list(zip(cuts, [*cuts[1:], hi]))
    return [(a, _rstrip_at(text, a, b)) for a, b in bounds if text[a:b].strip()]


def _rstrip_at(text: str, a: int, b: int) -> int:
    while b > a and text[b - 1] in " ,;–—.\n":
        b -= 1
    return b


def _window(text: str, a: int, b: int, focus: int) -> tuple[int, int]:
    """At most SIDE_WORDS[1] words of text[a:b] ending with the clause of the word at
    ``focus``; a window cut inside a sentence starts after its reporting frame ("... that")."""
    spans = [(a + m.start(), a + m.end()) for m in re.finditer(r"\S+", text[a:b])]
    limit = SIDE_WORDS[1]
    if len(spans) <= limit:
        return a, b
    at = next((i for i, (_, e) in enumerate(spans) if e > focus), 0)
    clause_end = next((i for i, (_, e) in enumerate(spans[at:], at) if text[e - 1] in ",;."),
                      len(spans) - 1)
    first = max(0, min(clause_end + 1 - limit, at))
    window = spans[first:first + limit]
    if first > 0:
        frame = next((i for i, (s, e) in enumerate(window[: limit // 2])
                      if text[s:e].lower() == "that"), None)
        window = window[frame + 1:] if frame is not None else window
    return window[0][0], _rstrip_at(text, window[0][0], window[-1][1])


def _n_words(text: str, a: int, b: int) -> int:
    return len(text[a:b].split())
