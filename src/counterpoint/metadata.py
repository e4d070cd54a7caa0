"""Metadata carried by the plain text itself: headline, byline, date, URL, outlet name.

Scraped articles often open with a header (outlet name, section label, byline, headline,
date) and close with a crawler footer (``Original url:`` and the address). This stage reads
those lines into metadata and takes them out of the text, recording each removed line with a
``metadata: ...`` reason, so nothing disappears silently. Metadata the caller already knows
(from a sidecar, a JSONL field or the HTML) wins: known values are never replaced. A
headline is guessed only when none is known; with a known title, the header line that is
that title (or a close variant of it) is what gets removed.

The rules are shapes, not words about any story: a header is the run of lines before the
first sentence-like paragraph; a date line is only a date; a byline is only names.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib import resources
from urllib.parse import urlsplit

from dateutil import parser as date_parser
from rapidfuzz import fuzz

from counterpoint.model import Removed

__all__ = [
    "TextMetadata",
    "MetadataResult",
    "extract_metadata",
    "read_front_matter",
    "normalise_published",
    "outlet_from_url",
    "parse_date_line",
    "parse_byline",
    "is_body_paragraph",
]

MAX_HEADER_LINES = 12
MAX_TITLE_CHARS = 200
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_CORE = (
    rf"(?P<core>\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{4}}/\d{{1,2}}/\d{{1,2}}"
    rf"|{_MONTH}\s+{_DAY},?\s+\d{{4}}|{_DAY}\s+{_MONTH},?\s+\d{{4}})"
)
_TIME = r"\d{1,2}\s?[:.]\s?\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*(?:[a-z]{2,5}|gmt[+-]?\d*|utc[+-]?\d*))?"
_LABEL = (
    r"(?:date|published|posted|updated|last updated|first published|released?)"
    r"(?:\s+(?:on|at))?\s*:?"
)
_DATE_LINE = re.compile(
    rf"(?:{_LABEL}\s*)?(?:{_WEEKDAY},?\s+)?{_CORE}"
    rf"(?:\s*(?:,|\||at|@|-|–|—|/|t)?\s*{_TIME})?\s*\.?",
    re.IGNORECASE,
)
_NAMED_DATE_LINE = re.compile(rf"(?P<name>[^,|·]{{2,60}}?)\s*[,|·]\s*(?P<date>(?:{_WEEKDAY},?\s+)?{_CORE})\s*\.?",
                              re.IGNORECASE)  # "Dravia Gazette, June 13, 2025": an outlet's name and its date
_DATE_PREFIX = re.compile(
    r"\s*(?:date|published|posted|updated)\s*:?\s*(?P<core>\d{4}-\d{2}-\d{2})(?=\s)", re.I
)
_DATELINE = re.compile(
    rf"[A-Z][A-Za-z .'-]{{1,40}},?\s*(?:\([^()]{{1,30}}\))?,?\s+{_CORE}\s*[-–—(]",
    re.IGNORECASE,
)
_URL = r"<?(?P<url>https?://[^\s<>]*[^\s<>.,;])>?[.,;]?"
_URL_LINE = re.compile(_URL, re.IGNORECASE)
_URL_LABEL = re.compile(
    rf"(?:(?:original|source|canonical|article)\s+)?(?:url|link|source)\s*:\s*(?:{_URL})?",
    re.IGNORECASE,
)
_LOWER = "a-zß-öø-ÿĀ-ž"
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ž"  # Latin Extended-A mixes cases; accepted as either
_NAME_WORD = (
    rf"(?:[{_UPPER}][{_LOWER}]*['’][{_UPPER}][{_LOWER}]+|Mc[{_UPPER}][{_LOWER}]+"
    rf"|[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?|[{_UPPER}]\.)"
)
_CAPS_WORD = rf"(?:[{_UPPER}][{_UPPER}'’-]+|[{_UPPER}]\.)"
_PARTICLE = r"(?:van|von|de|der|den|da|del|della|di|du|la|le|al|el|bin|ibn)"
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}){{1,3}}"
_CAPS_NAME = rf"{_CAPS_WORD}(?:\s+(?:(?i:{_PARTICLE})\s+)?{_CAPS_WORD}){{1,3}}"
_ANY_NAME = rf"(?:{_NAME}|{_CAPS_NAME})"
_JOIN = r"(?:\s*,\s*(?:and\s+)?|\s*&\s*|\s+(?i:and)\s+)"
_BYLINE_PREFIXED = re.compile(
    rf"(?i:by|written by|words by|reporting by)\s+(?P<names>{_ANY_NAME}(?:{_JOIN}{_ANY_NAME})*)"
    rf"(?:\s*(?:,|\||–|—|-)\s*[^.!?]{{1,60}})?"
)
_BYLINE_BARE = re.compile(rf"(?P<names>{_NAME}(?:{_JOIN}{_NAME})+)")
_ROLE_WORDS = frozenset(
    json.loads(
        resources.files("counterpoint.data").joinpath("noise_patterns.json").read_text("utf-8")
    )["byline_role_words"]
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>(?:.*\n)*?)---[ \t]*(?:\n|\Z)")
_FRONT_KEYS = {
    "title": "title", "headline": "title", "outlet": "outlet", "site": "outlet",
    "site_name": "outlet", "publisher": "outlet", "source": "outlet", "url": "url",
    "link": "url", "canonical_url": "url", "author": "authors", "authors": "authors",
    "byline": "authors", "published": "published", "date": "published",
}
_DATEISH = re.compile(
    rf"\b{_MONTH}\s+\d|\d\s+{_MONTH}|\d\s?:\s?\d\d|\d\s?/\s?\d{{1,2}}\s?/\s?\d|\b(?:19|20)\d\d\b",
    re.IGNORECASE,
)
_DASH_END = re.compile(r"(?:--|[-–—_])$")
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”][.!?,]?$")


@dataclass(frozen=True)
class TextMetadata:
    """The metadata fields cleaning can fill; ``None``/empty when unknown."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None


@dataclass(frozen=True)
class MetadataResult:
    """Paragraphs left after metadata lines were taken out, what went, and what was read."""

    paragraphs: tuple[str, ...]
    removed: tuple[Removed, ...]
    metadata: TextMetadata


def extract_metadata(
    paragraphs: Sequence[str],
    known: TextMetadata,
    *,
    guess_title: bool = True,
    drop_labels: bool = True,
) -> MetadataResult:
    """Read and remove metadata lines: date prefix, URL lines, then the header block.

    ``known`` values win. A title is guessed from the header only when ``guess_title`` is
    true and no title is known, and one-to-four word section labels in the header are
    dropped only with ``drop_labels``: an HTML extractor's text has no headline line and
    its short first lines are subheadings worth keeping.
    """
    state = _State(list(paragraphs), [], known)
    _date_prefix(state)
    _url_lines(state)
    _header(state, guess_title, drop_labels)
    _dateline(state)
    return MetadataResult(tuple(state.paras), tuple(state.removed), state.meta)


@dataclass
class _State:
    """Working paragraphs, removals and metadata while one text is read."""

    paras: list[str]
    removed: list[Removed]
    meta: TextMetadata

    def fill(self, **values: object) -> None:
        """Set metadata fields that are still unknown; known ones are kept."""
        missing = {k: v for k, v in values.items() if v and not getattr(self.meta, k)}
        if missing:
            self.meta = replace(self.meta, **missing)  # type: ignore[arg-type]


# ---------------------------------------------------------------- front matter


def read_front_matter(text: str) -> tuple[str, TextMetadata, Removed | None]:
    """Split a leading YAML-style front matter block (``---`` ... ``---``) off ``text``.

    Only flat ``key: value`` lines and ``- item`` lists are read (that is all article front
    matter uses); a block with none of the known keys is not front matter and stays.
    """
    match = _FRONT_MATTER.match(text)
    if match is None:
        return text, TextMetadata(), None
    fields = _front_fields(match.group("body"))
    if not fields:
        return text, TextMetadata(), None
    authors = fields.pop("authors", [])
    values = {k: v[0] for k, v in fields.items() if v}
    meta = TextMetadata(authors=tuple(authors), **values)
    removed = Removed(match.group(0).strip(), "metadata: front matter")
    return text[match.end() :], meta, removed


def _front_fields(body: str) -> dict[str, list[str]]:
    """Known keys of a front matter block, each with its list of values."""
    fields: dict[str, list[str]] = {}
    key = None
    for line in body.splitlines():
        item = re.match(r"\s+-\s+(.+)|-\s+(.+)", line)
        if item and key:
            fields[key].append(_unquote(item.group(1) or item.group(2)))
            continue
        name, sep, value = line.partition(":")
        key = _FRONT_KEYS.get(name.strip().lower()) if sep and not line[:1].isspace() else None
        if key and key not in fields:
            fields[key] = _front_values(value)
        elif key:
            key = None  # a second key for the same field: the first one wins
    return fields


def _front_values(value: str) -> list[str]:
    """One value, or the items of an inline ``[a, b]`` list."""
    value = value.strip()
    if value.startswith("[") and value.endswith("]"):
        return [_unquote(v) for v in value[1:-1].split(",") if v.strip()]
    return [_unquote(value)] if value else []


def _unquote(value: str) -> str:
    """A scalar without surrounding quotes."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def normalise_published(value: str | None) -> str | None:
    """A publication date as ``YYYY-MM-DD`` when it is an ISO timestamp or a date line."""
    if not value:
        return None
    text = value.strip()
    if re.match(r"\d{4}-\d{2}-\d{2}(?:$|[T ])", text):
        return _iso(text[:10]) or text
    return parse_date_line(text) or text


# ---------------------------------------------------------------- shapes


def is_body_paragraph(line: str) -> bool:
    """True for a sentence-like paragraph: ends like a sentence and has some length."""
    words = len(line.split())
    return len(line) > 250 or (words >= 8 and bool(_TERMINAL.search(line.rstrip())))


def parse_date_line(line: str) -> str | None:
    """``YYYY-MM-DD`` when the whole line is a date (optionally labelled, with a time)."""
    match = _DATE_LINE.fullmatch(line.strip())
    return _iso(match.group("core")) if match else None


def _iso(core: str) -> str | None:
    """Normalise a matched date to ISO form; ``None`` if it is not a real date."""
    try:
        parsed = date_parser.parse(core, default=_DEFAULT_DAY, dayfirst=False)
    except (ValueError, OverflowError):
        return None
    return parsed.date().isoformat()


_DEFAULT_DAY = date_parser.parse("2000-01-01")


def parse_byline(line: str) -> tuple[str, ...]:
    """Author names when the line is a byline ("By A and B", or "A & B" with 2+ names)."""
    text = line.strip()
    match = _BYLINE_PREFIXED.fullmatch(text) or _BYLINE_BARE.fullmatch(text)
    if match is None:
        return ()
    names = [n.strip() for n in re.split(_JOIN, match.group("names")) if n.strip()]
    names = [n.title() if n.isupper() else n for n in names]
    return tuple(n for n in names if not _ROLE_WORDS.intersection(n.casefold().split()))


def outlet_from_url(url: str) -> str | None:
    """The outlet's domain from a URL, without a leading ``www.`` ("www.x.com" -> "x.com")."""
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return re.sub(r"^www\d*\.", "", host.lower())


# ---------------------------------------------------------------- rules


def _date_prefix(state: _State) -> None:
    """A labelled ISO date glued to the start of the first paragraph ("date 2024-01-02 ...")."""
    if not state.paras:
        return
    match = _DATE_PREFIX.match(state.paras[0])
    if match is None or _iso(match.group("core")) is None:
        return
    state.removed.append(Removed(match.group(0).strip(), "metadata: date"))
    state.fill(published=_iso(match.group("core")))
    state.paras[0] = state.paras[0][match.end() :].strip()
    if not state.paras[0]:
        del state.paras[0]


def _url_lines(state: _State) -> None:
    """Lines that are a URL, or a URL label ("Original url:") with the URL after it.

    A bare URL counts only in the header or the footer (before the first or after the last
    body paragraph); in the middle of an article it is a link the text refers to.
    """
    kept: list[str] = []
    body = [i for i, line in enumerate(state.paras) if is_body_paragraph(line)]
    first, last = (body[0], body[-1]) if body else (len(state.paras), -1)
    for index, line in enumerate(state.paras):
        label, bare = _URL_LABEL.fullmatch(line), _URL_LINE.fullmatch(line)
        if bare and first < index < last:
            bare = None
        if label and not bare:
            after_body = any(is_body_paragraph(p) for p in kept)
            where = "crawler footer" if after_body else "crawler header"
            where = "metadata: url" if label.group("url") else where
            state.removed.append(Removed(line, where))
            _take_url(state, label.group("url"))
        elif bare:
            state.removed.append(Removed(line, "metadata: url"))
            _take_url(state, bare.group("url"))
        else:
            kept.append(line)
    state.paras = kept


def _take_url(state: _State, url: str | None) -> None:
    """Record the first URL seen as the article URL and its domain as the outlet."""
    if url:
        state.fill(url=url, outlet=outlet_from_url(url))


def _header_end(paras: Sequence[str]) -> int:
    """Index of the first body paragraph if it is near the top, else 0 (no header)."""
    for index, line in enumerate(paras[: MAX_HEADER_LINES + 1]):
        if is_body_paragraph(line):
            return index
    return 0


def _header(state: _State, guess_title: bool, drop_labels: bool) -> None:
    """Read the header block: outlet name lines, byline, date lines, headline, labels."""
    end = _header_end(state.paras)
    header, body = state.paras[:end], state.paras[end:]
    header = _repeated_outlet(state, header)
    header = [line for line in header if not _header_fact(state, line)]
    header = _title(state, header, guess_title)
    if drop_labels:
        header = [line for line in header if not _label(state, line)]
    state.paras = header + body


def _repeated_outlet(state: _State, header: list[str]) -> list[str]:
    """A short line repeated in the header is the outlet's name (a site banner)."""
    short = [line for line in header if _is_short_label(line, max_words=6)]
    repeated = next((line for line in short if short.count(line) > 1), None)
    if repeated is None:
        return header
    state.fill(outlet=repeated.strip())
    for line in header:
        if line == repeated:
            state.removed.append(Removed(line, "metadata: outlet"))
    return [line for line in header if line != repeated]


def _header_fact(state: _State, line: str) -> bool:
    """Consume a header line that is a date or a byline; True if it was consumed.

    A short header line that only looks like a date or time ("Updated 9:06 AM",
    "8:13 AM PDT 8/2/2013") is a timestamp too, even when no full date can be read from it.
    """
    day = parse_date_line(line)
    named = _NAMED_DATE_LINE.fullmatch(line.strip()) if not day else None
    if named is not None and _is_short_label(named.group("name"), max_words=4):
        day = parse_date_line(named.group("date"))
    if day or _is_timestamp(line):
        state.fill(published=day)
        state.removed.append(Removed(line, "metadata: date"))
        return True
    authors = parse_byline(line)
    if authors:
        state.fill(authors=authors)
        state.removed.append(Removed(line, "metadata: byline"))
        return True
    return False


def _title(state: _State, header: list[str], guess: bool) -> list[str]:
    """Remove the headline line: the known title if present, else a guessed one."""
    known = state.meta.title
    if known:
        index = next((i for i, line in enumerate(header) if _same_title(known, line)), None)
    elif guess:
        index = next((i for i, line in enumerate(header) if _is_headline(line)), None)
    else:
        index = None
    if index is None:
        return header
    line = header[index]
    state.fill(title=_strip_heading_marks(line))
    state.removed.append(Removed(line, "metadata: title"))
    return header[:index] + header[index + 1 :]


def _same_title(known: str, line: str) -> bool:
    """The header line is the known headline, or a headline-shaped line sharing most words
    with it (an explicit title often shortens the page's own headline)."""
    if _norm(line) == _norm(known):
        return True
    return _is_headline(line) and fuzz.token_set_ratio(_norm(known), _norm(line)) >= 70


def _is_headline(line: str) -> bool:
    """A headline: a few words starting with a capital (or quote or digit), not too long,
    not ending like a running sentence or a dateline ("MIAMI (AP) --"), not a date."""
    text = line.strip()
    return (
        len(text.split()) >= 3
        and len(text) <= MAX_TITLE_CHARS
        and not text[:1].islower()
        and not text.endswith((".", ":", ",", ";"))
        and not _DASH_END.search(text)
        and not _DATEISH.search(text)
    )


def _is_timestamp(line: str) -> bool:
    """A short line made of a date or time and a few label words, without a sentence."""
    text = line.strip()
    words = text.split()
    letters = sum(1 for w in words if re.search(r"[a-z]{3,}", w))
    return (
        len(words) <= 10
        and bool(_DATEISH.search(text))
        and letters <= 5
        and not _TERMINAL.search(text)
        and not _DASH_END.search(text)
    )


def _label(state: _State, line: str) -> bool:
    """A one-to-four word header line without punctuation (section label): removed.

    List items and lines with figures are kept: a summary list at the top of an article
    ("- Two workers injured") is reporting, not a label.
    """
    if not _is_short_label(line, max_words=4) or re.match(r"\s*(?:[-*•·–]|\d+[.)])\s", line):
        return False
    if re.search(r"\d", line):
        return False
    state.removed.append(Removed(line, "crawler header"))
    return True


def _is_short_label(line: str, *, max_words: int) -> bool:
    """Few words and no sentence punctuation: a banner, section or outlet line."""
    text = line.strip()
    return (
        0 < len(text.split()) <= max_words
        and not re.search(r"[.!?:;\"“”]", text)
        and not _DASH_END.search(text)
    )


def _dateline(state: _State) -> None:
    """A dated dateline opening the first body paragraph gives the date (text kept)."""
    if state.meta.published:
        return
    for line in state.paras[:3]:
        match = _DATELINE.match(line)
        if match and _iso(match.group("core")):
            state.fill(published=_iso(match.group("core")))
            return


def _norm(text: str) -> str:
    """Comparison key for headlines: no markdown heading marks, spaces collapsed, casefolded."""
    return " ".join(_strip_heading_marks(text).split()).casefold()


def _strip_heading_marks(text: str) -> str:
    """A headline without markdown ``#`` marks or surrounding emphasis."""
    return re.sub(r"^#{1,6}\s+|^\*\*|\*\*$", "", text.strip()).strip()
