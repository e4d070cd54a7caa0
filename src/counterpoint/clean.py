"""Clean one raw article: main text from HTML, boilerplate out, metadata read, nothing lost.

HTML goes through trafilatura first (main text and metadata); plain text and trafilatura's
output then get the same rules: aggregator and paywall chrome, sign-up and app prompts,
photo captions and credits, embedded social-media posts, teasers, crawler headers and
footers, markdown remnants and repeated paragraphs are taken out, and every removed piece is
recorded in ``removed`` with its reason. The rules are regular expressions kept in
``data/noise_patterns.json``; this module only applies them.

Cleaning is idempotent: feeding a result back in (text and metadata) returns it unchanged.
To get there the rules are applied until the text stops changing.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from counterpoint.errors import InputError
from counterpoint.metadata import (
    TextMetadata,
    extract_metadata,
    is_body_paragraph,
    normalise_published,
    outlet_from_url,
    read_front_matter,
)
from counterpoint.model import RawArticle, Removed

__all__ = ["CleanResult", "clean_article", "clean_text", "NoisePatterns", "load_noise_patterns"]

MAX_PASSES = 6
_ZERO_WIDTH = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_PAREN_END = re.compile(r"\(([^()]{2,80})\)\s*$")
_BOLD_END = re.compile(r"\S.*?\*\*([^*]{2,80})\*\*\s*")
_IMAGE = re.compile(r"!\[[^\]\n]{0,300}\]\([^()\s]*\)")
_LINK = re.compile(r"\[([^\]\n]{1,300})\]\([^()\s]*\)")
_BOLD = re.compile(r"\*\*([^*\n]+?)\*\*")
_WRAPPED = re.compile(r"(\*{1,2}|_{1,2})(?=\S)([^*_]+?)(?<=\S)\1")
_HEADING = re.compile(r"^#{1,6}\s+")
_BARE_URL = re.compile(r"<?https?://[^\s<>]+>?", re.IGNORECASE)
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "max_date": "2099-12-31"}
_OPEN_END = re.compile(r"[^\W_]$|,$")
_EMOJI_START = re.compile("^[\U0001f1e6-\U0001f1ff\U0001f000-\U0001faff\u2600-\u27bf]")


@dataclass(frozen=True)
class CleanResult:
    """Cleaned text (paragraphs separated by one blank line), what went, and metadata."""

    text: str
    removed: tuple[Removed, ...]
    title: str | None
    outlet: str | None
    url: str | None
    authors: tuple[str, ...]
    published: str | None


@dataclass(frozen=True)
class NoisePatterns:
    """The compiled boilerplate rules of ``data/noise_patterns.json``."""

    line_rules: tuple[tuple[re.Pattern[str], str, int | None], ...]
    inline_rules: tuple[tuple[re.Pattern[str], str], ...]
    footer_starts: re.Pattern[str]
    footer_max_words: int
    credit: re.Pattern[str]
    caption_max_chars: int
    social: re.Pattern[str]
    post_max_chars: int
    post_max_paragraphs: int


@lru_cache(maxsize=1)
def load_noise_patterns() -> NoisePatterns:
    """Load and compile the packaged boilerplate rules once."""
    source = resources.files("counterpoint.data").joinpath("noise_patterns.json")
    data: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    flags = re.IGNORECASE
    words = sorted(data["caption_credit_words"], key=len, reverse=True)
    return NoisePatterns(
        line_rules=tuple(
            (re.compile(r["pattern"], flags), r["reason"], r.get("max_words"))
            for r in data["line_rules"]
        ),
        inline_rules=tuple(
            (re.compile(r["pattern"], flags), r["reason"]) for r in data["inline_rules"]
        ),
        footer_starts=re.compile("|".join(f"(?:{p})" for p in data["footer_starts"]), flags),
        footer_max_words=int(data["footer_max_words"]),
        credit=re.compile(r"/|\b(?:" + "|".join(map(re.escape, words)) + r")\b", flags),
        caption_max_chars=int(data["caption_max_chars"]),
        social=re.compile("|".join(f"(?:{p})" for p in data["social_signatures"]), flags),
        post_max_chars=int(data["post_max_chars"]),
        post_max_paragraphs=int(data["post_max_paragraphs"]),
    )


# ---------------------------------------------------------------- entry points


def clean_article(raw: RawArticle) -> CleanResult:
    """Clean one article; explicit ``raw`` metadata wins over what the HTML or text says.

    Raises :class:`InputError` when no article text is left (for instance an HTML page
    with no article in it); the caller records it as a Failure.
    """
    known = TextMetadata(raw.title, raw.outlet, raw.url, raw.authors, raw.published)
    if raw.html is not None and raw.html.strip():
        text, known = _from_html(raw, known)
        result = clean_text(text, known, from_html=True)
        where = "in the HTML"
    elif raw.text is not None:
        result = clean_text(raw.text, known)
        where = "in the text"
    else:
        raise InputError(raw.origin, "the input has neither text nor HTML")
    if not result.text:
        raise InputError(raw.origin, f"no article text found {where} (only boilerplate)")
    return result


def clean_text(
    text: str, known: TextMetadata | None = None, *, from_html: bool = False
) -> CleanResult:
    """Clean plain text: remove noise and metadata lines until nothing more changes.

    A headline is guessed only on the first pass (later passes would otherwise take the
    next short line for one), and never for extractor output (``from_html``): trafilatura
    reports the page's title itself, and a guess could only take a subheading.
    """
    text, front, matter = read_front_matter(text.replace("\r\n", "\n").lstrip("\ufeff"))
    paragraphs = _paragraphs(text)
    removed: list[Removed] = [matter] if matter else []
    meta = _fill(known or TextMetadata(), front)
    for number in range(MAX_PASSES):
        guess = number == 0 and not from_html
        kept, gone, meta = _one_pass(paragraphs, meta, guess=guess)
        removed.extend(gone)
        if kept == paragraphs:
            break
        paragraphs = kept
    return CleanResult(
        text="\n\n".join(paragraphs),
        removed=tuple(removed),
        title=meta.title,
        outlet=meta.outlet,
        url=meta.url,
        authors=meta.authors,
        published=normalise_published(meta.published),
    )


def _fill(known: TextMetadata, more: TextMetadata) -> TextMetadata:
    """``known`` with its empty fields taken from ``more``."""
    return TextMetadata(
        title=known.title or more.title,
        outlet=known.outlet or more.outlet,
        url=known.url or more.url,
        authors=known.authors or more.authors,
        published=known.published or more.published,
    )


def _one_pass(
    paragraphs: list[str], meta: TextMetadata, *, guess: bool
) -> tuple[list[str], list[Removed], TextMetadata]:
    """Apply every rule once, in order: whole-paragraph noise, inline noise, metadata, repeats."""
    patterns = load_noise_patterns()
    removed: list[Removed] = []
    paragraphs = [_unwrap(p, removed) for p in paragraphs]
    reasons = _classify(paragraphs, patterns)
    removed += [Removed(p, r) for p, r in zip(paragraphs, reasons) if r is not None]
    kept = [p for p, r in zip(paragraphs, reasons) if r is None]
    kept = _inline(kept, patterns, removed)
    found = extract_metadata(kept, meta, guess_title=guess)
    removed.extend(found.removed)
    kept = _dedupe(list(found.paragraphs), removed)
    return _join_broken(kept), removed, found.metadata


# ---------------------------------------------------------------- HTML


def _from_html(raw: RawArticle, known: TextMetadata) -> tuple[str, TextMetadata]:
    """Main text and metadata via trafilatura, favouring precision.

    Precision first because anything left in the text is analysed as reporting: a stray
    navigation line can become a false claim, while a missed paragraph only loses coverage.
    Comments are never article text; tables are kept (they often hold reported figures).
    trafilatura falls back to any text of a page, navigation included, so a page whose text
    has no sentence-like paragraph is taken to hold no article. Dates come only from the
    page's markup (meta tags, ``<time>``, structured data), never from htmldate's guesses
    in the page text: a copyright year became "January 1" and an embedded post's date the
    publication date. The upper bound is fixed rather than today, so runs do not depend on
    the clock.
    """
    from trafilatura import bare_extraction

    doc = bare_extraction(
        raw.html,
        url=raw.url,
        with_metadata=True,
        favor_precision=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        date_extraction_params=_DATE_PARAMS,
    )
    fields: dict[str, Any] = {} if doc is None else doc if isinstance(doc, dict) else doc.as_dict()
    text = str(fields.get("text") or "")
    if not any(is_body_paragraph(line) for line in text.splitlines()):
        raise InputError(raw.origin, "no article text found in the HTML (no sentence-like paragraph)")
    return text, _merge(known, fields)


def _merge(known: TextMetadata, doc: dict[str, Any]) -> TextMetadata:
    """Known (explicit) metadata first, then what trafilatura read from the page."""
    url = known.url or doc.get("url") or None
    outlet = known.outlet or doc.get("sitename") or (outlet_from_url(url) if url else None)
    authors = known.authors or tuple(
        a.strip() for a in re.split(r";|\s+and\s+", doc.get("author") or "") if a.strip()
    )
    published = known.published or doc.get("date") or None
    return TextMetadata(known.title or doc.get("title") or None, outlet, url, authors, published)


# ---------------------------------------------------------------- paragraphs


def _paragraphs(text: str) -> list[str]:
    """Split text into paragraphs: blank lines separate; a line is its own paragraph
    unless the block is hard-wrapped prose, whose lines are joined back.

    Text is put in Unicode NFC form and invisible characters (zero-width spaces, soft
    hyphens, stray byte-order marks) are dropped, so the same name is the same string in
    every outlet.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _ZERO_WIDTH.sub("", text)
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [_tidy(line) for line in block.split("\n")]
        lines = [line for line in lines if line]
        if _hard_wrapped(lines):
            paragraphs.append(" ".join(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


def _tidy(line: str) -> str:
    """One line with runs of spaces collapsed and no leading or trailing space."""
    return _SPACES.sub(" ", line).strip()


def _hard_wrapped(lines: Sequence[str]) -> bool:
    """True when a block's lines look wrapped at a fixed width mid-sentence."""
    if len(lines) < 2:
        return False
    body = lines[:-1]
    open_ends = sum(1 for line in body if _OPEN_END.search(line))
    return all(40 <= len(line) <= 100 for line in body) and open_ends * 2 >= len(body)


# ---------------------------------------------------------------- whole paragraphs


def _classify(paragraphs: Sequence[str], patterns: NoisePatterns) -> list[str | None]:
    """A removal reason per paragraph (``None`` keeps it)."""
    reasons = [_line_reason(p, patterns) for p in paragraphs]
    _mark_embeds(paragraphs, reasons, patterns)
    _mark_footer(paragraphs, reasons, patterns)
    return reasons


def _line_reason(paragraph: str, patterns: NoisePatterns) -> str | None:
    """The reason a whole paragraph is noise: a line rule or a photo caption."""
    words = len(paragraph.split())
    for pattern, reason, max_words in patterns.line_rules:
        if (max_words is None or words <= max_words) and pattern.fullmatch(paragraph):
            return reason
    return "caption" if _is_caption(paragraph, patterns) else None


def _is_caption(paragraph: str, patterns: NoisePatterns) -> bool:
    """A short line ending in a photo credit, in parentheses or in bold."""
    if len(paragraph) > patterns.caption_max_chars:
        return False
    match = _PAREN_END.search(paragraph) or _BOLD_END.fullmatch(paragraph)
    if match is None or "://" in match.group(1):  # a markdown link target, not a credit
        return False
    return bool(patterns.credit.search(match.group(1)))


def _mark_embeds(
    paragraphs: Sequence[str], reasons: list[str | None], patterns: NoisePatterns
) -> None:
    """Mark social-media post signatures and the post's own text just above them."""
    for index, paragraph in enumerate(paragraphs):
        signature = patterns.social.search(paragraph)
        if signature is None or reasons[index] is not None:
            continue
        reasons[index] = "social media embed"
        for above in _post_text(paragraphs, reasons, index, signature.start(), patterns):
            reasons[above] = "social media embed"


def _post_text(
    paragraphs: Sequence[str],
    reasons: Sequence[str | None],
    index: int,
    used: int,
    patterns: NoisePatterns,
) -> range:
    """Paragraphs above a signature that belong to the post: within the post's length
    limit and starting at a paragraph that opens with an emoji or flag, as posts do."""
    first = None
    for above in range(index - 1, max(-1, index - 1 - patterns.post_max_paragraphs), -1):
        used += len(paragraphs[above])
        if reasons[above] is not None or used > patterns.post_max_chars:
            break
        if _EMOJI_START.match(paragraphs[above]):
            first = above
    return range(first, index) if first is not None else range(0)


def _mark_footer(
    paragraphs: Sequence[str], reasons: list[str | None], patterns: NoisePatterns
) -> None:
    """From a footer-opening line to the end, when all of it is short: crawler footer."""
    for index, paragraph in enumerate(paragraphs):
        if not patterns.footer_starts.fullmatch(paragraph):
            continue
        tail = range(index, len(paragraphs))
        if all(reasons[i] or _short(paragraphs[i], patterns) for i in tail):
            for i in tail:
                if not _BARE_URL.fullmatch(paragraphs[i]):  # left for the metadata reader
                    reasons[i] = reasons[i] or "crawler footer"
            return


def _short(paragraph: str, patterns: NoisePatterns) -> bool:
    """At most the footer's word limit."""
    return len(paragraph.split()) <= patterns.footer_max_words


# ---------------------------------------------------------------- inside paragraphs


def _inline(paragraphs: Sequence[str], patterns: NoisePatterns, removed: list[Removed]) -> list[str]:
    """Remove inline teasers and markdown syntax, keeping the sentences around them."""
    kept = []
    for paragraph in paragraphs:
        for pattern, reason in patterns.inline_rules:
            paragraph = _cut(pattern, paragraph, reason, removed, keep=None)
        paragraph = _cut(_IMAGE, paragraph, "markup: image", removed, keep=None)
        paragraph = _cut(_LINK, paragraph, "markup: link syntax (text kept)", removed, keep=1)
        paragraph = _cut(_BOLD, paragraph, "markup: emphasis (text kept)", removed, keep=1)
        paragraph = _cut(_HEADING, paragraph, "markup: heading mark", removed, keep=None)
        paragraph = _tidy(paragraph)
        if paragraph:
            kept.append(paragraph)
    return kept


def _unwrap(paragraph: str, removed: list[Removed]) -> str:
    """A paragraph wholly in markdown emphasis (``*caption*``) without the marks."""
    match = _WRAPPED.fullmatch(paragraph)
    if match is None:
        return paragraph
    removed.append(Removed(match.group(1) * 2, "markup: emphasis (text kept)"))
    return match.group(2).strip()


def _cut(
    pattern: re.Pattern[str], text: str, reason: str, removed: list[Removed], *, keep: int | None
) -> str:
    """Replace each match by its ``keep`` group (or nothing), recording what was cut."""

    def replace(match: re.Match[str]) -> str:
        removed.append(Removed(match.group(0).strip(), reason))
        return match.group(keep) if keep is not None else ""

    return pattern.sub(replace, text)


# ---------------------------------------------------------------- repeats and breaks


def _dedupe(paragraphs: Sequence[str], removed: list[Removed]) -> list[str]:
    """Keep the first of identical paragraphs (spacing and case aside)."""
    seen: set[str] = set()
    kept = []
    for paragraph in paragraphs:
        key = " ".join(paragraph.split()).casefold()
        if key in seen:
            removed.append(Removed(paragraph, "duplicate paragraph"))
            continue
        seen.add(key)
        kept.append(paragraph)
    return kept


def _join_broken(paragraphs: Sequence[str]) -> list[str]:
    """Rejoin a sentence split across paragraphs (no end punctuation, lowercase next)."""
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and _OPEN_END.search(joined[-1]) and paragraph[:1].islower():
            joined[-1] = f"{joined[-1]} {paragraph}"
        else:
            joined.append(paragraph)
    return joined
