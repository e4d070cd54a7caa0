"""The report's view of a dossier: one plain structure both renderers read.

Everything a reader sees in ``report.html`` and ``report.md`` is computed here
once (labels, groupings, matrix cells, anchors), so the two formats cannot say
different things. Values stay raw source text; escaping is each renderer's job.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from counterpoint.model import Article, Claim, Dossier, Quote, Story
from counterpoint.report.spans import Segment, anchor, article_spans, segment_text, slug

__all__ = [
    "CELL_KINDS",
    "STATUS_HELP",
    "ArticleView",
    "StoryView",
    "anchor",
    "dossier_view",
    "format_when",
    "short_label",
    "story_view",
    "verbatim_pieces",
]

STATUS_HELP = {
    "consensus": "several independent carriers, nobody disputes it",
    "contested": "someone in the coverage denies or disputes it",
    "unverified": "someone says it cannot be confirmed",
    "single_source": "only one actor, or one outlet in its own voice, carries it",
}

CELL_KINDS: tuple[tuple[str, str, str], ...] = (
    ("own_voice", "own voice", "states it as fact in its own voice"),
    ("attributed", "attributed", "reports it as someone else's statement"),
    ("hedged", "hedged", "hedges it (reportedly, allegedly, ...) or relays it without asserting"),
    ("disputing", "disputing", "itself denies or disputes it, or says it cannot be confirmed"),
    ("omitting", "omitting", "does not mention it"),
)


@dataclass(frozen=True)
class ArticleView:
    """One article as shown: a short label, metadata and its segmented text."""

    article: Article
    label: str
    dom_id: str
    segments: tuple[Segment, ...]
    copy_group: int | None


@dataclass(frozen=True)
class StoryView:
    """Everything shown for one story, in display order."""

    story: Story
    dom_id: str
    articles: tuple[ArticleView, ...]
    counts: list[tuple[int, str]]
    summary: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    actors: list[dict[str, Any]]
    discrepancies: list[dict[str, Any]]
    timeline: list[dict[str, Any]]
    framing: list[dict[str, Any]]
    naming: list[dict[str, Any]]
    speakers: list[dict[str, Any]]
    entities: list[dict[str, Any]]
    copies: list[list[str]]


def dossier_view(dossier: Dossier) -> dict[str, Any]:
    """The top-level view: one :class:`StoryView` per story plus the failures."""
    return {
        "schema_version": dossier.schema_version,
        "generated_at": dossier.generated_at,
        "stories": [story_view(story) for story in dossier.stories],
        "failures": list(dossier.failures),
        "cell_kinds": CELL_KINDS,
    }


def story_view(story: Story) -> StoryView:
    """Build the view of one story; labels name articles by outlet, falling back to input."""
    articles = _article_views(story)
    labels = {view.article.id: view.label for view in articles}
    texts = {a.id: a.text for a in story.articles}
    return StoryView(
        story=story,
        dom_id=f"story-{slug(story.id)}",
        articles=articles,
        counts=_counts(story),
        summary=[_cited(s.text, s.citations, labels) for s in story.summary],
        claims=[_claim_row(claim, articles, labels) for claim in story.claims],
        actors=_actors(story.claims, labels),
        discrepancies=[_discrepancy(d, labels, texts) for d in story.discrepancies],
        timeline=[_timeline_entry(t, labels) for t in story.timeline],
        framing=_framing(story, articles),
        naming=_naming(story, articles),
        speakers=_speakers(story, labels),
        entities=_entities(story, labels),
        copies=[[labels.get(a, a) for a in group] for group in story.copies],
    )


def _article_views(story: Story) -> tuple[ArticleView, ...]:
    spans = article_spans(story)
    groups = {a: i + 1 for i, group in enumerate(story.copies) for a in group}
    raw = [short_label(a) for a in story.articles]
    seen: Counter[str] = Counter(raw)
    numbered: Counter[str] = Counter()
    views = []
    for article, label in zip(story.articles, raw, strict=True):
        if seen[label] > 1:
            numbered[label] += 1
            label = f"{label} ({numbered[label]})"
        segments = segment_text(article.text, spans.get(article.id, []))
        views.append(
            ArticleView(
                article, label, f"article-{slug(article.id)}", segments, groups.get(article.id)
            )
        )
    return tuple(views)


def short_label(article: Article, width: int = 32) -> str:
    """A column-sized name for an article: its outlet, else its site, else its title, else its id."""
    if article.outlet and article.outlet.strip():
        return article.outlet.strip()
    host = urlsplit(article.url or "").hostname or ""
    if host:
        return host.removeprefix("www.")
    title = " ".join((article.title or "").split())
    if title:
        return title if len(title) <= width else title[: width - 1].rsplit(" ", 1)[0] + "…"
    return article.input_id or article.id


def _counts(story: Story) -> list[tuple[int, str]]:
    """Headline counts as (number, noun in the right number)."""
    counts = (
        (len(story.articles), "article", "articles"),
        (len({a.outlet or a.id for a in story.articles}), "outlet", "outlets"),
        (len(story.claims), "claim", "claims"),
        (len(story.quotes), "quote", "quotes"),
        (len(story.entities), "entity", "entities"),
        (len(story.discrepancies), "discrepancy", "discrepancies"),
    )
    return [(n, one if n == 1 else many) for n, one, many in counts]


def _cite(article_id: str, start: int, end: int, labels: dict[str, str]) -> dict[str, Any]:
    return {
        "href": "#" + anchor(article_id, start, end),
        "label": labels.get(article_id, article_id),
        "article_id": article_id,
    }


def _cited(text: str, citations: tuple[Any, ...], labels: dict[str, str]) -> dict[str, Any]:
    cites = [_cite(c.article_id, c.start, c.end, labels) for c in citations]
    return {"text": text, "citations": cites}


#: Which kind colours a cell when an article handles a claim in several ways at once.
_CELL_PRIORITY = ("disputing", "hedged", "own_voice", "attributed", "omitting")


def _cell_kinds(claim: Claim, article: Article) -> list[str]:
    """Every way one article handles a claim, most telling first.

    The outlets lists hold article ids (outlet names are accepted too); an article can be
    in several, e.g. attributed and hedged.
    """
    keys = {article.id, article.outlet} - {None}
    return [k for k in _CELL_PRIORITY if keys & set(getattr(claim.outlets, k))]


def _claim_row(
    claim: Claim, articles: tuple[ArticleView, ...], labels: dict[str, str]
) -> dict[str, Any]:
    cells = []
    for view in articles:
        reports = [r for r in claim.reports if r.article_id == view.article.id]
        kinds = _cell_kinds(claim, view.article) or (["own_voice"] if reports else [])
        cells.append(
            {
                "kind": kinds[0] if kinds else "unknown",
                "kinds": [k.replace("_", " ") for k in kinds],
                "label": view.label,
                "links": [
                    _cite(r.article_id, r.start, r.end, labels) | {"text": r.text} for r in reports
                ],
            }
        )
    return {
        "claim": claim,
        "cells": cells,
        "reports": [
            _cite(r.article_id, r.start, r.end, labels) | {"report": r} for r in claim.reports
        ],
    }


def _actors(claims: tuple[Claim, ...], labels: dict[str, str]) -> list[dict[str, Any]]:
    """Positions regrouped by actor: who asserts or denies what, with the reports."""
    actors: dict[str, dict[str, Any]] = {}
    for claim in claims:
        for position in claim.positions:
            key = position.entity_id or position.name.casefold()
            actor = actors.setdefault(key, {"name": position.name, "positions": []})
            links = [
                _cite(
                    claim.reports[i].article_id,
                    claim.reports[i].start,
                    claim.reports[i].end,
                    labels,
                )
                for i in position.reports
                if 0 <= i < len(claim.reports)
            ]
            actor["positions"].append(
                {"claim": claim.text, "stance": position.stance, "links": links}
            )
    return sorted(actors.values(), key=lambda a: (-len(a["positions"]), a["name"].casefold()))


def _discrepancy(d: Any, labels: dict[str, str], texts: dict[str, str]) -> dict[str, Any]:
    sides = [
        _cite(s.article_id, s.start, s.end, labels)
        | {"text": s.text, **context(texts.get(s.article_id, ""), s.start, s.end)}
        for s in d.sides
    ]
    return {"kind": d.kind, "description": d.description, "sides": sides}


def context(text: str, start: int, end: int, width: int = 90) -> dict[str, str]:
    """The words around ``text[start:end]``, cut at word boundaries, for reading a span in place.

    Stays inside the span's paragraph; ``before``/``after`` start or end with an ellipsis
    when they were cut short.
    """
    left = max(text.rfind("\n", 0, start) + 1, start - width)
    right_nl = text.find("\n", end)
    right = min(right_nl if right_nl >= 0 else len(text), end + width)
    before, after = text[left:start], text[end:right]
    if left > 0 and text[left - 1] != "\n" and " " in before:
        before = "…" + before[before.index(" ") :]
    if right < len(text) and text[right] != "\n" and " " in after:
        after = after[: after.rindex(" ")] + " …"
    return {"before": before.lstrip(), "after": after.rstrip()}


_PRECISION_CHARS = {"year": 4, "month": 7, "day": 10, "hour": 16, "minute": 16}


def format_when(start: str, end: str, precision: str) -> str:
    """An interval shown only as precisely as the sources place it.

    ``2023-05-02T00:00``–``2023-05-02T23:59`` at day precision is ``2023-05-02``; at hour
    precision within one day, ``2023-05-02 20:00–23:59``.
    """
    width = _PRECISION_CHARS.get(precision, 16)
    left, right = (v[:width].replace("T", " ") for v in (start, end))
    if left == right:
        return left
    if width == 16 and left[:10] == right[:10]:
        return f"{left}–{right[11:]}"
    return f"{left} – {right}"


def _timeline_entry(entry: Any, labels: dict[str, str]) -> dict[str, Any]:
    when = format_when(entry.start, entry.end, entry.precision)
    return _cited(entry.text, entry.citations, labels) | {
        "when": when,
        "precision": entry.precision,
    }


def _framing(story: Story, articles: tuple[ArticleView, ...]) -> list[dict[str, Any]]:
    """One column per article: naming forms, hedges, loaded terms, voices."""
    names = {e.id: e.name for e in story.entities}
    claims = {c.id: c.text for c in story.claims}
    by_article = {f.article_id: f for f in story.framing}
    columns = []
    for view in articles:
        framing = by_article.get(view.article.id)
        column = _framing_column(view, framing, names, claims)
        if framing is not None:
            column["own_voice_claims"] = _own_voice_words(view, framing, story)
        columns.append(column)
    return columns


def _own_voice_words(view: ArticleView, framing: Any, story: Story) -> list[dict[str, Any]]:
    """For each contested claim the outlet states in its own voice: the outlet's own words
    (linked to their place), with the claim they belong to. Showing only the claim's text
    would put another outlet's or an actor's wording in this outlet's mouth."""
    aid = view.article.id
    by_id = {c.id: c for c in story.claims}
    out = []
    for claim_id in framing.own_voice_claims:
        claim = by_id.get(claim_id)
        if claim is None:
            continue
        for report in claim.reports:
            if report.article_id == aid and report.voice == "own":
                out.append({
                    "text": report.text,
                    "href": "#" + anchor(aid, report.start, report.end),
                    "claim": claim.text,
                })
    return out


def _framing_column(
    view: ArticleView, framing: Any, names: dict[str, str], claims: dict[str, str]
) -> dict[str, Any]:
    aid = view.article.id
    if framing is None:
        return {"label": view.label, "missing": True}

    def term(t: Any) -> dict[str, Any]:
        return {"text": t.text, "href": "#" + anchor(aid, t.start, t.end)}

    return {
        "label": view.label,
        "missing": False,
        "hedges": [
            term(h) | {"applies_to": claims.get(h.applies_to or "", h.applies_to)}
            for h in framing.hedges
        ],
        "loaded_own": [term(t) | {"why": t.why} for t in framing.loaded_terms if t.voice == "own"],
        "loaded_quoted": [
            term(t) | {"why": t.why} for t in framing.loaded_terms if t.voice == "quoted"
        ],
        "voices": sorted(framing.voices, key=lambda v: (-v.words, v.name)),
        "own_voice_claims": [claims.get(c, c) for c in framing.own_voice_claims],
    }


def _naming(story: Story, articles: tuple[ArticleView, ...]) -> list[dict[str, Any]]:
    """One row per entity, one cell per article: the forms that article uses for it.

    A cell is ``None`` when the article was not analysed and ``[]`` when it does not name
    the entity. Entities named by the most articles, in the most ways, come first.
    """
    names = {e.id: e.name for e in story.entities}
    by_article = {f.article_id: f for f in story.framing}
    forms: dict[str, dict[str, dict[str, int]]] = {}
    for framing in story.framing:
        for naming in framing.naming:
            forms.setdefault(naming.entity_id, {})[framing.article_id] = naming.forms
    rows = []
    for entity_id, per_article in forms.items():
        cells = [
            None
            if view.article.id not in by_article
            else sorted(
                per_article.get(view.article.id, {}).items(), key=lambda kv: (-kv[1], kv[0])
            )
            for view in articles
        ]
        variety = len({f for found in per_article.values() for f in found})
        rows.append(
            {
                "entity": names.get(entity_id, entity_id),
                "cells": cells,
                "outlets": len(per_article),
                "variety": variety,
            }
        )
    return sorted(rows, key=lambda r: (-r["outlets"], -r["variety"], r["entity"].casefold()))


def verbatim_pieces(quote: Quote) -> list[tuple[str, bool]]:
    """The quote's text cut into (piece, is_verbatim) by its ``quoted`` segments.

    Segments are clipped to the quote's span; joining the pieces gives back ``quote.text``.
    """
    cuts = {0, len(quote.text)}
    inside = []
    for start, end in quote.quoted:
        left = min(max(start - quote.start, 0), len(quote.text))
        right = min(max(end - quote.start, left), len(quote.text))
        cuts |= {left, right}
        inside.append((left, right))
    ordered = sorted(cuts)
    return [
        (quote.text[a:b], any(s <= a and b <= e for s, e in inside))
        for a, b in zip(ordered, ordered[1:], strict=False)
    ]


UNNAMED = "Unnamed sources"
UNATTRIBUTED = "Unattributed"


def _speakers(story: Story, labels: dict[str, str]) -> list[dict[str, Any]]:
    """Quotes grouped by speaker (the merged entity when known), most quoted first; then
    the unnamed sources, each quote with the words the article gives its source ("a senior
    American official"); last the quotes with no speaker at all. A quote of speakers who speak
    together is listed under each of them."""
    names = {e.id: e.name for e in story.entities}
    texts = {a.id: a.text for a in story.articles}
    groups: dict[str, dict[str, Any]] = {}
    for quote, speaker in ((q, s) for q in story.quotes for s in q.speaker.members or (q.speaker,)):
        name = names.get(speaker.entity_id or "") or speaker.name
        written = None
        if name is None and speaker.start is not None and speaker.end is not None:
            written = texts.get(quote.article_id, "")[speaker.start : speaker.end] or None
        name = name or (UNNAMED if written else UNATTRIBUTED)
        key = speaker.entity_id or name.casefold()
        group = groups.setdefault(key, {"name": name, "quotes": []})
        group["quotes"].append(
            _cite(quote.article_id, quote.start, quote.end, labels)
            | {
                "quote": quote,
                "as_named": quote.speaker.name,
                "as_written": written,
                "cue": quote.cue,
                "pieces": verbatim_pieces(quote),
            }
        )
    last = {UNNAMED: 1, UNATTRIBUTED: 2}
    return sorted(
        groups.values(),
        key=lambda g: (last.get(g["name"], 0), -len(g["quotes"]), g["name"].casefold()),
    )


def _entities(story: Story, labels: dict[str, str]) -> list[dict[str, Any]]:
    rows = []
    for entity in story.entities:
        per_article = Counter(m.article_id for m in entity.mentions)
        rows.append(
            {
                "entity": entity,
                "mentions": len(entity.mentions),
                "by_article": [(labels.get(a, a), n) for a, n in per_article.items()],
            }
        )
    return sorted(rows, key=lambda r: (-r["mentions"], r["entity"].name.casefold()))
