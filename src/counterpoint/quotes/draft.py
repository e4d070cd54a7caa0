"""An attribution under construction, shared by the passes that build it."""

from __future__ import annotations

from dataclasses import dataclass

from counterpoint.model import Cue
from counterpoint.quotes.speakers import Resolved

__all__ = ["Draft"]


@dataclass(frozen=True)
class Draft:
    """An attribution under construction (character offsets)."""

    start: int
    end: int
    cue: Cue | None
    speaker_start: int
    speaker_end: int
    resolved: Resolved
    tail: int
    features: tuple[str, ...] = ()
    open_cue: bool = False
    frames: tuple[tuple[int, int], ...] = ()  # reporter's words between joined quotations
    reach: int = 0  # end of the cue verb's own words ("told reporters", "said on Sunday")
    members: tuple[tuple[Resolved, int, int], ...] = ()  # joint speakers: each one's referent and mention
    gloss: bool = False  # "a charge Kyiv denied": shares its content span with the report it glosses
