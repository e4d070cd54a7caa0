"""``report.md``: the dossier as Markdown, for wikis, tickets and plain-text review.

Same content and order as ``report.html`` (both read :mod:`counterpoint.report.view`).
Source text is escaped so that it can never change the document's structure:
Markdown punctuation is backslash-escaped, pipes in table cells cannot split
cells, HTML in the source stays text, and a line of article text that looks like
a heading, list item or rule stays a plain line. Links point at
``<a id="art-<article>-<start>-<end>">`` anchors placed in each article's text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from counterpoint.model import Dossier
from counterpoint.report.html import safe_url
from counterpoint.report.view import STATUS_HELP, ArticleView, StoryView, dossier_view

__all__ = ["escape_block", "escape_inline", "render_markdown"]

_INLINE = re.compile(r"([\\`*_\[\]<>|~&#!])")
_LINE_START = re.compile(r"^(\d{1,9})([.)])|^([-+=>#])")


def escape_inline(text: str) -> str:
    """``text`` as literal Markdown on one line: punctuation escaped, newlines as spaces."""
    return _INLINE.sub(r"\\\1", " ".join(text.split("\n")))


def escape_block(text: str, at_line_start: bool = True) -> str:
    """Multi-line ``text`` as literal Markdown, keeping its line and paragraph breaks.

    Lines are left-trimmed (indentation would make a code block) and a leading
    ``#``, ``>``, ``-``, ``+``, ``=`` or ``1.`` is escaped so no line turns into
    a heading, quote, list or rule. ``at_line_start`` says whether ``text``
    begins a line of the enclosing document.
    """
    lines = text.split("\n")
    out = []
    for i, line in enumerate(lines):
        if i == 0 and not at_line_start:
            out.append(_INLINE.sub(r"\\\1", line))
            continue
        line = line.lstrip(" \t")
        out.append(_LINE_START.sub(_escape_marker, _INLINE.sub(r"\\\1", line), count=1))
    return "\n".join(out)


def _escape_marker(match: re.Match[str]) -> str:
    if match.group(1):
        return f"{match.group(1)}\\{match.group(2)}"
    return "\\" + match.group(3)


def _link(label: str, href: str) -> str:
    return f"[{escape_inline(label)}]({href})"


def _cites(items: Iterable[dict[str, Any]]) -> str:
    return " ".join(_link(c["label"], c["href"]) for c in items)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A GFM table; cells must already be escaped with :func:`escape_inline`."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines + [""]


def render_markdown(dossier: Dossier) -> str:
    """The whole dossier as one Markdown document."""
    view = dossier_view(dossier)
    lines = [
        "# Counterpoint dossier",
        "",
        (
            f"Generated {escape_inline(view['generated_at'])} · schema "
            f"{escape_inline(view['schema_version'])} · {len(view['stories'])} "
            f"{'story' if len(view['stories']) == 1 else 'stories'}"
        ),
        "",
    ]
    if not view["stories"]:
        lines += ["No story was found in the input.", ""]
    for story in view["stories"]:
        lines += _story(story, view["cell_kinds"])
    lines += _failures(view["failures"])
    return "\n".join(lines).rstrip("\n") + "\n"


def _story(s: StoryView, cell_kinds: tuple[tuple[str, str, str], ...]) -> list[str]:
    counts = " · ".join(f"{n} {noun}" for n, noun in s.counts)
    lines = [f'<a id="{s.dom_id}"></a>', "", f"## {escape_inline(s.story.title)}", "", counts, ""]
    for section in (
        _summary(s),
        _claims(s, cell_kinds),
        _positions(s),
        _discrepancies(s),
        _timeline(s),
        _framing(s),
        _quotes(s),
        _entities(s),
        _copies(s),
        _articles(s),
    ):
        lines += section
    return lines


def _section(title: str, body: list[str], empty: str) -> list[str]:
    return [f"### {title}", ""] + (body if body else [empty, ""])


def _summary(s: StoryView) -> list[str]:
    body = [
        f"{i}. {escape_inline(item['text'])} {_cites(item['citations'])}".rstrip()
        for i, item in enumerate(s.summary, 1)
    ]
    return _section("Summary", body + [""] if body else [], "No summary could be written.")


def _claims(s: StoryView, cell_kinds: tuple[tuple[str, str, str], ...]) -> list[str]:
    if not s.claims:
        return _section("Claims by outlet", [], "No claims were found in these articles.")
    legend = "; ".join(f"**{label}**: {escape_inline(help_)}" for _, label, help_ in cell_kinds)
    header = ["Claim", "Status"] + [escape_inline(a.label) for a in s.articles] + ["Outlets"]
    rows = [_claim_cells(row) for row in s.claims]
    statuses = "; ".join(f"**{k.replace('_', ' ')}**: {v}" for k, v in STATUS_HELP.items())
    intro = [f"Cells: {legend}.", "", f"Status: {statuses}.", ""]
    return _section("Claims by outlet", intro + _table(header, rows), "")


def _claim_cells(row: dict[str, Any]) -> list[str]:
    claim = row["claim"]
    cells = [escape_inline(claim.text), escape_inline(claim.status.replace("_", " "))]
    for cell in row["cells"]:
        kind = " · ".join(cell["kinds"]) or "–"
        links = ", ".join(f"[text]({link['href']})" for link in cell["links"])
        cells.append(f"{kind} ({links})" if links else kind)
    return cells + [
        (
            f"{_plural(claim.outlet_count, 'outlet')}, "
            f"{_plural(claim.independent_origins, 'independent origin')}"
        )
    ]


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _positions(s: StoryView) -> list[str]:
    body = []
    for actor in s.actors:
        body += [f"**{escape_inline(actor['name'])}**", ""]
        for p in actor["positions"]:
            stance = escape_inline(p["stance"].replace("_", " "))
            body.append(f"- *{stance}*: {escape_inline(p['claim'])} {_cites(p['links'])}".rstrip())
        body.append("")
    return _section("Positions by actor", body, "No actor takes a recorded position on any claim.")


def _discrepancies(s: StoryView) -> list[str]:
    body = []
    for d in s.discrepancies:
        body.append(f"- **{escape_inline(d['kind'])}**: {escape_inline(d['description'])}")
        for side in d["sides"]:
            quote = escape_inline(side["before"]) + f"**{escape_inline(side['text'].strip())}**"
            quote += escape_inline(side["after"])
            body.append(
                f"  - {escape_inline(side['label'])}: “{quote}” ([in context]({side['href']}))"
            )
    return _section(
        "Discrepancies",
        body + [""] if body else [],
        "The articles do not contradict each other on any fact that was checked.",
    )


def _timeline(s: StoryView) -> list[str]:
    body = [
        f"- **{escape_inline(t['when'])}** ({escape_inline(t['precision'])}): {escape_inline(t['text'])} "
        f"{_cites(t['citations'])}".rstrip()
        for t in s.timeline
    ]
    return _section("Timeline", body + [""] if body else [], "No events could be placed in time.")


_FRAMING_ROWS = (
    ("Hedges and boosters", "hedges"),
    ("Loaded terms, own voice", "loaded_own"),
    ("Loaded terms, quoted", "loaded_quoted"),
    ("Voices (words quoted)", "voices"),
    ("Contested claims stated in own voice", "own_voice_claims"),
)


def _framing(s: StoryView) -> list[str]:
    if not s.story.framing:
        return _section("Framing across outlets", [], "No framing analysis is available.")
    header = [""] + [escape_inline(col["label"]) for col in s.framing]
    naming = [
        [f"**{escape_inline(row['entity'])}**"] + [_naming_cell(cell) for cell in row["cells"]]
        for row in s.naming
    ]
    intro = ["How each outlet names who is involved:", ""]
    body = intro + _table(header, naming) if naming else []
    rows = [
        [title] + [_framing_cell(col, key) for col in s.framing] for title, key in _FRAMING_ROWS
    ]
    return _section("Framing across outlets", body + _table(header, rows), "")


def _naming_cell(cell: list[tuple[str, int]] | None) -> str:
    if cell is None:
        return "*not analysed*"
    forms = [f"“{escape_inline(f)}”" + (f" ×{n}" if n > 1 else "") for f, n in cell]
    return ", ".join(forms) or "–"


def _framing_cell(col: dict[str, Any], key: str) -> str:
    if col["missing"]:
        return "*not analysed*"
    items = list(_framing_items(col[key], key))
    return "; ".join(items) if items else "–"


def _framing_items(values: list[Any], key: str) -> Iterator[str]:
    for value in values:
        if key == "voices":
            counts = f"{_plural(value.words, 'word')}, {_plural(value.quotes, 'quote')}"
            yield f"{escape_inline(value.name)}: {counts}"
        elif key == "own_voice_claims":
            yield (f"[{escape_inline(value['text'])}]({value['href']}) "
                   f"(claim: {escape_inline(value['claim'])})")
        else:
            note = value.get("why") or value.get("applies_to") or ""
            suffix = f" ({escape_inline(note)})" if note else ""
            yield f"[{escape_inline(value['text'])}]({value['href']}){suffix}"


def _quotes(s: StoryView) -> list[str]:
    body = []
    for sp in s.speakers:
        n = len(sp["quotes"])
        body += [f"#### {escape_inline(sp['name'])} ({n} quote{'' if n == 1 else 's'})", ""]
        body += [_quote_line(q) for q in sp["quotes"]] + [""]
    return _section("Quotes by speaker", body, "No quotes were found.")


def _quote_line(q: dict[str, Any]) -> str:
    quote = q["quote"]
    shown = escape_inline(quote.text)
    details = [escape_inline(q["label"]), escape_inline(quote.kind)]
    if q["as_written"]:
        details.append(f"source “{escape_inline(q['as_written'])}”")
    if q["cue"] is not None:
        details.append(f"cue “{escape_inline(q['cue'].text)}” ({escape_inline(q['cue'].stance)})")
    return f"- {shown} — {', '.join(details)} · [in context]({q['href']})"


def _entities(s: StoryView) -> list[str]:
    if not s.entities:
        return _section("Who and what is named", [], "No people, organisations or places found.")
    rows = []
    for row in s.entities:
        entity = row["entity"]
        aliases = ", ".join(f"“{escape_inline(a)}”" for a in entity.aliases) or "–"
        by = "; ".join(f"{escape_inline(label)} ×{n}" for label, n in row["by_article"])
        rows.append(
            [
                f"**{escape_inline(entity.name)}**",
                escape_inline(entity.type),
                aliases,
                str(row["mentions"]),
                by,
            ]
        )
    header = ["Name", "Type", "Also written as", "Mentions", "By outlet"]
    return _section("Who and what is named", _table(header, rows), "")


def _copies(s: StoryView) -> list[str]:
    body = [
        f"- copy group {i}: " + " = ".join(escape_inline(label) for label in group)
        for i, group in enumerate(s.copies, 1)
    ]
    return _section("Wire copies", body + [""] if body else [], "No article is a copy of another.")


def _articles(s: StoryView) -> list[str]:
    lines = ["### The articles", ""]
    for view in s.articles:
        lines += _article(view)
    return lines


def _article(view: ArticleView) -> list[str]:
    a = view.article
    group = f" (copy group {view.copy_group})" if view.copy_group else ""
    meta = [a.published or "date unknown", a.language]
    if a.authors:
        meta.insert(1, ", ".join(a.authors))
    url = safe_url(a.url)
    source = f"<{url}>" if url and not re.search(r"[\s<>]", url) else (a.url or a.origin)
    lines = [
        f'<a id="{view.dom_id}"></a>',
        "",
        f"#### {escape_inline(view.label)}{group}",
        "",
        f"**{escape_inline(a.title or '(untitled)')}**  ",
        f"{escape_inline(' · '.join(meta))}  ",
        source if source.startswith("<http") else escape_inline(source),
        "",
        _article_text(view),
        "",
    ]
    return lines + _removed(view)


def _article_text(view: ArticleView) -> str:
    """The text with an empty anchor at each span start; every piece escaped on its own."""
    pieces = []
    offset = 0
    text = view.article.text
    for seg in view.segments:
        pieces += [f'<a id="{anc}"></a>' for anc in seg.anchors]
        line_start = text.rfind("\n", 0, offset) + 1
        at_start = not text[line_start:offset].strip(" \t")
        pieces.append(escape_block(seg.text, at_start))
        offset += len(seg.text)
    return "".join(pieces)


def _removed(view: ArticleView) -> list[str]:
    a = view.article
    lines = []
    if a.removed:
        lines += ["Removed by cleaning:", ""]
        lines += [f"- *{escape_inline(r.reason)}*: {escape_inline(r.text)}" for r in a.removed]
        lines.append("")
    if a.skipped_stages:
        lines += ["Skipped stages:", ""]
        lines += [
            f"- **{escape_inline(k.stage)}**: {escape_inline(k.reason)}" for k in a.skipped_stages
        ]
        lines.append("")
    return lines


def _failures(failures: list[Any]) -> list[str]:
    lines = ['<a id="failures"></a>', "", "## Inputs that could not be analysed", ""]
    if not failures:
        return lines + ["Every input was analysed.", ""]
    return lines + [f"- **{escape_inline(f.input)}**: {escape_inline(f.reason)}" for f in failures]
