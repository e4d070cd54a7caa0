"""Cut an article's text at every span the dossier points into.

The reports show each article's text with anchors and highlights for the spans
that quotes, citations, claim reports, discrepancies and framing point at. The
text is cut into segments at every span boundary, so each segment is plain
source text (escaped by the renderer) plus the set of spans covering it. Spans
may overlap freely; nothing is ever inserted into the source text itself.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise

from counterpoint.model import Story

__all__ = ["Segment", "Span", "anchor", "article_spans", "segment_text", "slug"]


def slug(value: str) -> str:
    """``value`` reduced to characters that are safe in an HTML id and a URL fragment."""
    return re.sub(r"[^A-Za-z0-9_-]", "-", value)


def anchor(article_id: str, start: int, end: int) -> str:
    """The id of a span in an article's text: ``art-<id>-<start>-<end>``."""
    return f"art-{slug(article_id)}-{start}-{end}"


@dataclass(frozen=True)
class Span:
    """A highlighted range of an article's text and what it is (quote, cite, ...)."""

    start: int
    end: int
    kind: str
    anchor: str


@dataclass(frozen=True)
class Segment:
    """A run of text covered by the same spans; ``anchors`` are the spans starting here."""

    text: str
    kinds: tuple[str, ...]
    anchors: tuple[str, ...]
    covers: tuple[str, ...]


def article_spans(story: Story) -> dict[str, list[Span]]:
    """Every span the story's records point at, grouped by article id."""
    found: dict[str, list[Span]] = defaultdict(list)

    def add(article_id: str, start: int | None, end: int | None, kind: str) -> None:
        if start is not None and end is not None:
            found[article_id].append(Span(start, end, kind, anchor(article_id, start, end)))

    for quote in story.quotes:
        add(quote.article_id, quote.start, quote.end, "quote")
    for claim in story.claims:
        for report in claim.reports:
            add(report.article_id, report.start, report.end, "claim")
    for disc in story.discrepancies:
        for side in disc.sides:
            add(side.article_id, side.start, side.end, "discrepancy")
    citations = [c for s in story.summary for c in s.citations]
    citations += [c for t in story.timeline for c in t.citations]
    for cite in citations:
        add(cite.article_id, cite.start, cite.end, "cite")
    for framing in story.framing:
        for term in framing.loaded_terms:
            add(framing.article_id, term.start, term.end, "loaded")
        for hedge in framing.hedges:
            add(framing.article_id, hedge.start, hedge.end, "hedge")
    return dict(found)


def segment_text(text: str, spans: list[Span]) -> tuple[Segment, ...]:
    """Cut ``text`` at every span boundary; each piece knows the spans covering it.

    Spans are clipped to the text, so a bad offset never loses or invents text:
    joining the segments' texts always gives back ``text`` exactly.
    """
    length = len(text)
    clipped = [_clip(span, length) for span in spans]
    cuts = sorted({0, length, *(s.start for s in clipped), *(s.end for s in clipped)})
    starts: dict[int, list[str]] = defaultdict(list)
    for span in clipped:
        if span.anchor not in starts[span.start]:
            starts[span.start].append(span.anchor)
    covering = _covering(cuts, clipped)
    segments = [
        Segment(
            text=text[left:right],
            kinds=tuple(sorted({s.kind for s in over})),
            anchors=tuple(starts.get(left, ())),
            covers=tuple(dict.fromkeys(s.anchor for s in over)),
        )
        for (left, right), over in zip(pairwise(cuts), covering, strict=True)
    ]
    if length in starts and cuts[-1] == length and _dangling(starts[length], segments):
        segments.append(Segment("", (), tuple(starts[length]), ()))
    return tuple(segments)


def _covering(cuts: list[int], spans: list[Span]) -> list[list[Span]]:
    """For each piece between consecutive cuts, the non-empty spans covering it, in order."""
    covering: list[list[Span]] = [[] for _ in range(max(len(cuts) - 1, 0))]
    index = {cut: i for i, cut in enumerate(cuts)}
    for span in spans:
        for i in range(index[span.start], index[span.end]):
            covering[i].append(span)
    return covering


def _clip(span: Span, length: int) -> Span:
    start = min(max(span.start, 0), length)
    end = min(max(span.end, start), length)
    return Span(start, end, span.kind, span.anchor)


def _dangling(anchors: list[str], segments: list[Segment]) -> bool:
    """Anchors for empty spans at the very end need a segment of their own."""
    placed = {a for seg in segments for a in seg.anchors}
    return any(a not in placed for a in anchors)
