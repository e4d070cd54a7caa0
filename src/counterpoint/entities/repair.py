"""Repairing mis-cut spans with what the rest of the story shows.

spaCy sometimes glues two names into one span or cuts one name in two. Each
repair here happens only when other mentions in the story show how the span
should have been cut; nothing is guessed from a single sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from counterpoint.entities.mentions import Candidate
from counterpoint.entities.names import load_titles
from counterpoint.entities.people import Parts, parts, same_person

__all__ = ["repair"]

_POSSESSIVE_ENDS = ("'s", "’s")
_NEXT_WORD = re.compile(r" ([A-Z][\w'’-]*[\w])")


def repair(candidates: Sequence[Candidate], texts: dict[str, str]) -> list[Candidate]:
    """All three repairs, in order: possessive splits, glued heads, split names."""
    fixed = _split_possessives(candidates)
    fixed = _cut_glued_heads(fixed)
    return _join_split_names(fixed, texts)


def _known_forms(candidates: Sequence[Candidate]) -> set[tuple[str, ...]]:
    return {c.words for c in candidates if c.label is not None}


def _split_possessives(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Split "Vessaria's Foreign Ministry" into "Vessaria" and "Foreign Ministry"
    when "Vessaria" is a name the story knows on its own."""
    known = _known_forms(candidates)
    result = []
    for c in candidates:
        k = next(
            (
                i
                for i, w in enumerate(c.words[:-1])
                if w.endswith(_POSSESSIVE_ENDS) and c.words[:i] + (w[:-2],) in known
            ),
            None,
        )
        if k is None:
            result.append(c)
            continue
        head = c.words[:k] + (c.words[k][:-2],)
        end = c.word_starts[k] + len(head[-1])
        result.append(Candidate(c.article_id, c.start, end, head, c.word_starts[: k + 1], None))
        result.append(_tail(c, k + 1, c.label))
    return result


def _tail(c: Candidate, k: int, label: str | None) -> Candidate:
    return Candidate(c.article_id, c.word_starts[k], c.end, c.words[k:], c.word_starts[k:], label)


def _cut_glued_heads(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Cut "Ukraine Volodymyr Zelensky" (from "President of Ukraine Volodymyr
    Zelensky") to the person's name: the tail is a full name seen as a person
    elsewhere, the head a name seen as something else, or a title."""
    people = {c.words for c in candidates if c.label == "PERSON" and len(c.words) >= 2}
    others = {c.words for c in candidates if c.label not in (None, "PERSON")}
    titles = load_titles()

    def glued_at(c: Candidate) -> int | None:
        for k in range(1, len(c.words) - 1):
            head = c.words[:k]
            if c.words[k:] in people and (
                head in others or tuple(w.lower() for w in head) in titles
            ):
                return k
        return None

    result = []
    for c in candidates:
        k = glued_at(c)
        result.append(c if k is None else _tail(c, k, "PERSON"))
    return result


def _join_split_names(candidates: Sequence[Candidate], texts: dict[str, str]) -> list[Candidate]:
    """Join "Aleksandr" and the word after it, "Dorovin", into one person when
    the joined name is the same person as a full name seen elsewhere ("Alexander
    Dorovin"); spaCy sometimes tags such a given name as a place and misses the
    surname, or tags the two words as two entities."""
    full = [parts(c.words) for c in candidates if c.label == "PERSON" and len(c.words) >= 2]
    result: list[Candidate] = []
    swallowed: tuple[str, int] | None = None
    for c in sorted(candidates, key=lambda c: (c.article_id, c.start)):
        if swallowed == (c.article_id, c.start) and len(c.words) == 1:
            continue
        joined = _joined(c, texts[c.article_id], full)
        if joined is not None:
            swallowed = (c.article_id, joined.word_starts[-1])
            c = joined
        result.append(c)
    return result


def _joined(c: Candidate, text: str, full: Sequence[Parts]) -> Candidate | None:
    if len(c.words) != 1:
        return None
    match = _NEXT_WORD.match(text, c.end)
    if match is None:
        return None
    words = (c.words[0], match.group(1))
    if not any(same_person(parts(words), other) for other in full):
        return None
    return Candidate(c.article_id, c.start, match.end(), words, (c.start, match.start(1)), "PERSON")
