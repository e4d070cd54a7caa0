"""Clean-up passes over a text's attribution drafts: repeated and nested readings of the
same words, and the "I" inside someone's quotation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from counterpoint.quotes.draft import Draft
from counterpoint.quotes.marks import Segment

__all__ = ["first_person", "inner_open_dropped", "unique"]


def unique(drafts: list[Draft], segments: Sequence[Segment] = (), text: str = "") -> list[Draft]:
    """Drop attributions with the same content span as an earlier one, and those nested
    in another attribution of the same speaker mention ("called to recognise X"), unless
    the inner one's cue stands in the unquoted frame between quotations of the outer one
    (``segments``): in '"A," Roe said, noting that B. "C."' she notes B, which ends where
    "C" begins."""
    seen: set[tuple[int, int]] = set()
    out: list[Draft] = []
    for draft in drafts:
        outers = [o for o in drafts if o.speaker_start == draft.speaker_start and _within(draft, o)]
        cut = [_frame_end(draft, o, segments, text) for o in outers]
        if outers and all(c is not None for c in cut):
            draft = replace(draft, end=min(c for c in cut if c is not None))
        elif outers:
            continue
        if (draft.start, draft.end) not in seen:
            seen.add((draft.start, draft.end))
            out.append(draft)
    return out


def _frame_end(inner: Draft, outer: Draft, segments: Sequence[Segment], text: str) -> int | None:
    """Where ``inner`` ends when its cue lies in ``outer``'s content outside every quotation,
    with a quotation of ``outer`` before the cue and one after its content's start: before
    that next quotation. None when the cue is not in such a frame."""
    if inner.cue is None or not text:
        return None
    at = inner.cue.start
    inside = [s for s in segments if outer.start <= s.start and s.end <= outer.end]
    after = [s.start for s in inside if s.start > inner.start]
    if any(s.start <= at < s.end for s in inside) or not any(s.end <= at for s in inside) or not after:
        return None
    end = min(inner.end, min(after))
    while end > inner.start and (text[end - 1].isspace() or text[end - 1] in ".,;:"):
        end -= 1
    return end if end > inner.start else None


def inner_open_dropped(drafts: list[Draft]) -> list[Draft]:
    """Without the open-cue attributions that lie inside another one's content ("Roe said
    the council kept [asking him to resign]"): those words are already reported by the
    outer speaker, and a second reading of them through a verb outside the lexicon is
    more often wrong than right (on PolNeAR train, dropping them costs 9 matches for 67
    fewer predictions)."""
    return [d for d in drafts if not (d.open_cue and any(_within(d, o) for o in drafts))]


def _within(inner: Draft, outer: Draft) -> bool:
    """True when ``inner``'s content lies inside ``outer``'s and is shorter."""
    return outer.start <= inner.start and inner.end <= outer.end and (outer.start, outer.end) != (inner.start, inner.end)


def first_person(text: str, drafts: list[Draft]) -> list[Draft]:
    """An "I" who speaks inside someone's quotation or transcript turn is that someone:
    the nested attribution takes the innermost enclosing speaker's resolution."""
    out = []
    for draft in drafts:
        if text[draft.speaker_start : draft.speaker_end] == "I" and draft.resolved.name is None:
            around = [o for o in drafts if o.start <= draft.speaker_start < o.end and o.resolved.name is not None]
            if around:
                draft = replace(draft, resolved=min(around, key=lambda o: o.end - o.start).resolved)
        out.append(draft)
    return out
