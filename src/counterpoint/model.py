"""The one data model: every stage takes and returns these frozen records.

All character offsets (``start``/``end``) refer to the owning article's cleaned
``text``. Ids are derived from content with :func:`make_id`, so the same input
always yields the same ids. :func:`to_json` turns any record into the plain
JSON shape documented in ``docs/dossier.md`` and ``schema/dossier.schema.json``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import types
import typing
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal, TypeVar, Union

__all__ = [
    "SCHEMA_VERSION",
    "make_id",
    "to_json",
    "from_json",
    "Failure",
    "Removed",
    "SkippedStage",
    "RawArticle",
    "Article",
    "Mention",
    "Entity",
    "Cue",
    "Speaker",
    "Quote",
    "Source",
    "Report",
    "Position",
    "ClaimOutlets",
    "Claim",
    "Side",
    "Discrepancy",
    "Citation",
    "SummarySentence",
    "TimeExpression",
    "TimelineEntry",
    "NamingForms",
    "LoadedTerm",
    "Hedge",
    "Voice",
    "Framing",
    "Story",
    "Dossier",
]

SCHEMA_VERSION = "1.1"

Stance = Literal["neutral", "assertive", "denial", "doubt"]
ReportStance = Literal["asserts", "denies", "disputes", "cannot_confirm", "reports"]
QuoteKind = Literal["direct", "partial", "indirect"]


def make_id(prefix: str, *parts: object) -> str:
    """A stable id: ``prefix`` + the first 16 hex digits of a SHA-1 over ``parts``."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}_{digest[:16]}"


def to_json(value: Any) -> Any:
    """Convert records (and tuples of them) into JSON-ready dicts and lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    return value


T = TypeVar("T")


@cache
def _hints(cls: Any) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _convert(hint: Any, value: Any) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if value is None:
        return None
    if origin in (Union, types.UnionType):
        for arg in args:
            if arg is not type(None):
                return _convert(arg, value)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return from_json(hint, value)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v) for v in value)
        return tuple(_convert(a, v) for a, v in zip(args, value))
    if origin is dict:
        return {k: _convert(args[1], v) for k, v in value.items()}
    return value


def from_json(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a record of type ``cls`` from the dict :func:`to_json` made of it."""
    hints = _hints(cls)  # type: ignore[arg-type]
    kwargs = {
        f.name: _convert(hints[f.name], data[f.name])
        for f in dataclasses.fields(cls)  # type: ignore[arg-type]
        if f.name in data
    }
    return cls(**kwargs)


# ---------------------------------------------------------------- input


@dataclass(frozen=True)
class Failure:
    """An input (file, file:line or URL) that could not be analysed, and why."""

    input: str
    reason: str


@dataclass(frozen=True)
class Removed:
    """A piece of the raw text that cleaning removed, with the reason."""

    text: str
    reason: str


@dataclass(frozen=True)
class SkippedStage:
    """A stage that did not run on an article, and why (e.g. non-English text)."""

    stage: str
    reason: str


@dataclass(frozen=True)
class RawArticle:
    """One article as read from its input, before cleaning.

    ``text`` is plain text (possibly noisy) or ``None`` when ``html`` is given.
    Metadata fields are ``None``/empty when the input did not say.
    """

    input_id: str
    origin: str
    text: str | None = None
    html: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Article:
    """A cleaned article: the text a user reads, plus what was removed from it."""

    id: str
    input_id: str
    origin: str
    outlet: str | None
    url: str | None
    title: str | None
    authors: tuple[str, ...]
    published: str | None
    language: str
    text: str
    removed: tuple[Removed, ...] = ()
    skipped_stages: tuple[SkippedStage, ...] = ()
    time_expressions: tuple[TimeExpression, ...] = ()
    time_anchor: str | None = None


# ---------------------------------------------------------------- entities


@dataclass(frozen=True)
class Mention:
    article_id: str
    start: int
    end: int


@dataclass(frozen=True)
class Entity:
    """A person, organisation, place or group merged across a story's articles."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...]


# ---------------------------------------------------------------- quotes


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    text: str
    stance: Stance


@dataclass(frozen=True)
class Speaker:
    """Who is quoted: the mention the attribution hangs on, its entity and canonical name.
    Speakers who speak together ("Both Putin and Zelensky denied ...") share one mention
    over all of them and no single entity; ``members`` lists each of them."""

    start: int | None
    end: int | None
    entity_id: str | None
    name: str | None
    members: tuple[Speaker, ...] = ()


@dataclass(frozen=True)
class Quote:
    """An attribution: content span, verbatim segments inside it, cue and speaker."""

    id: str
    article_id: str
    start: int
    end: int
    text: str
    quoted: tuple[tuple[int, int], ...]
    kind: QuoteKind
    cue: Cue | None
    speaker: Speaker


# ---------------------------------------------------------------- claims


@dataclass(frozen=True)
class Source:
    """Who a report is attributed to; for speakers who speak together, each of them in
    ``members`` (the claim lists a position for each)."""

    entity_id: str | None
    name: str | None
    members: tuple[Source, ...] = ()


@dataclass(frozen=True)
class Report:
    article_id: str
    start: int
    end: int
    text: str
    voice: Literal["own", "attributed"]
    quote_id: str | None
    source: Source | None
    stance: ReportStance
    hedges: tuple[str, ...] = ()


@dataclass(frozen=True)
class Position:
    entity_id: str | None
    name: str
    stance: ReportStance
    reports: tuple[int, ...]


@dataclass(frozen=True)
class ClaimOutlets:
    own_voice: tuple[str, ...] = ()
    attributed: tuple[str, ...] = ()
    hedged: tuple[str, ...] = ()
    disputing: tuple[str, ...] = ()
    omitting: tuple[str, ...] = ()


@dataclass(frozen=True)
class Claim:
    id: str
    text: str
    status: Literal["contested", "unverified", "single_source", "consensus"]
    reports: tuple[Report, ...]
    positions: tuple[Position, ...]
    outlets: ClaimOutlets
    outlet_count: int
    independent_origins: int
    why_grouped: tuple[str, ...]


@dataclass(frozen=True)
class Side:
    article_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Discrepancy:
    kind: Literal["time", "sequence", "number", "place", "damage", "other"]
    description: str
    sides: tuple[Side, ...]


@dataclass(frozen=True)
class Citation:
    article_id: str
    start: int
    end: int


@dataclass(frozen=True)
class SummarySentence:
    text: str
    citations: tuple[Citation, ...]


# ---------------------------------------------------------------- time


@dataclass(frozen=True)
class TimeExpression:
    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    anchor: Literal["published", "story", "absolute"]


@dataclass(frozen=True)
class TimelineEntry:
    start: str
    end: str
    precision: Literal["minute", "hour", "day", "month", "year"]
    text: str
    citations: tuple[Citation, ...]


# ---------------------------------------------------------------- framing


@dataclass(frozen=True)
class NamingForms:
    entity_id: str
    forms: dict[str, int]


@dataclass(frozen=True)
class LoadedTerm:
    start: int
    end: int
    text: str
    voice: Literal["own", "quoted"]
    why: str


@dataclass(frozen=True)
class Hedge:
    start: int
    end: int
    text: str
    applies_to: str | None


@dataclass(frozen=True)
class Voice:
    entity_id: str | None
    name: str
    quotes: int
    words: int
    group: str | None


@dataclass(frozen=True)
class Framing:
    article_id: str
    naming: tuple[NamingForms, ...] = ()
    loaded_terms: tuple[LoadedTerm, ...] = ()
    hedges: tuple[Hedge, ...] = ()
    voices: tuple[Voice, ...] = ()
    own_voice_claims: tuple[str, ...] = ()


# ---------------------------------------------------------------- story


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    articles: tuple[Article, ...]
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    framing: tuple[Framing, ...] = ()
    summary: tuple[SummarySentence, ...] = ()
    copies: tuple[tuple[str, ...], ...] = field(default=())


@dataclass(frozen=True)
class Dossier:
    schema_version: str
    generated_at: str
    stories: tuple[Story, ...]
    failures: tuple[Failure, ...] = ()
