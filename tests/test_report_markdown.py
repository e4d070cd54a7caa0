"""report.md: same content as the HTML, and source text can never break its structure."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from counterpoint.model import SCHEMA_VERSION, Dossier
from counterpoint.report import render_markdown
from counterpoint.report.markdown import escape_block, escape_inline
from counterpoint.report.spans import anchor
from tests.test_report_html import example_dossier
from tests.test_schema import IMG, SCRIPT, _article, sample_dossier

DOSSIER = sample_dossier()
_MD = MarkdownIt("commonmark", {"html": True}).enable("table")


def _html(markdown: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(f"<html><body>{_MD.render(markdown)}</body></html>")


@pytest.fixture(scope="module")
def text() -> str:
    return render_markdown(DOSSIER)


@pytest.fixture(scope="module")
def page(text: str) -> lxml.html.HtmlElement:
    return _html(text)


def _norm(value: str) -> str:
    return " ".join(value.split())


def _table_after(page: lxml.html.HtmlElement, heading: str) -> lxml.html.HtmlElement:
    (h3,) = [h for h in page.xpath("//h3") if h.text_content() == heading][:1]
    return h3.xpath("following::table[1]")[0]


def test_hostile_text_stays_text(page: lxml.html.HtmlElement) -> None:
    assert not page.xpath("//script | //img | //iframe")
    assert not [a for el in page.iter() for a in el.attrib if a.lower().startswith("on")]
    body = page.text_content()
    assert body.count(SCRIPT) >= 10 and body.count(IMG) >= 3


def test_structure_is_exactly_the_reports(page: lxml.html.HtmlElement) -> None:
    """Headings come from the report only; none from source text."""
    assert [h.text_content() for h in page.xpath("//h1")] == ["Counterpoint dossier"]
    assert [h.text_content() for h in page.xpath("//h2")] == [
        f"Bridge | strike {SCRIPT}",
        "A story with nothing found",
        "Inputs that could not be analysed",
    ]
    assert len(page.xpath("//h3")) == 2 * 10


def test_claims_matrix_is_a_well_formed_table(page: lxml.html.HtmlElement) -> None:
    table = _table_after(page, "Claims by outlet")
    header = [th.text_content() for th in table.xpath(".//thead//th")]
    assert header == [
        "Claim",
        "Status",
        f"Lakeview {SCRIPT} Post",
        "Wire Service",
        "copy",
        "Outlets",
    ]
    rows = [[td.text_content() for td in tr.findall("td")] for tr in table.xpath(".//tbody/tr")]
    assert [len(r) for r in rows] == [6, 6]
    assert rows[0][0] == f"A barge struck the bridge | {SCRIPT}"
    assert [r[1] for r in rows] == ["consensus", "contested"]
    assert rows[0][2].startswith("attributed") and rows[1][3] == "omitting"
    assert rows[0][3].startswith("hedged · own voice (text)")


def test_every_table_keeps_its_columns(page: lxml.html.HtmlElement) -> None:
    for table in page.xpath("//table"):
        width = len(table.xpath(".//thead//th"))
        assert all(len(tr.findall("td")) == width for tr in table.xpath(".//tbody/tr"))
    entities = _table_after(page, "Who and what is named")
    assert f"“Quill | {IMG}”" in entities.text_content()


def test_quotes_by_speaker_link_to_article_anchors(page: lxml.html.HtmlElement) -> None:
    story = DOSSIER.stories[0]
    (h4,) = [h for h in page.xpath("//h4") if h.text_content().startswith("Ada")]
    assert h4.text_content() == f"Ada {SCRIPT}Quill (2 quotes)"
    items = h4.xpath("following-sibling::ul[1]/li")
    assert [i.xpath(".//a/@href") for i in items] == [
        [f"#{anchor(q.article_id, q.start, q.end)}"] for q in story.quotes
    ]
    assert items[0].text_content().startswith("The span is closed | until further notice, — ")


def test_every_internal_link_has_its_anchor(page: lxml.html.HtmlElement) -> None:
    ids = set(page.xpath("//@id"))
    targets = [h[1:] for h in page.xpath("//a/@href") if h.startswith("#")]
    assert len(targets) >= 15 and set(targets) <= ids


def test_article_text_survives_escaping(page: lxml.html.HtmlElement) -> None:
    article = DOSSIER.stories[0].articles[0]
    first = page.xpath(f"//a[@id='{anchor(article.id, 27, 36)}']")[0].getparent()
    assert first.text_content() == article.text


def test_block_markers_in_source_lines_stay_plain() -> None:
    hostile = (
        "# Heading?\n- item?\n  1. list?\n> quote?\n    code?\n===\n---\n"
        "| a | b |\n|---|---|\n<div>block</div>\n+ plus\n2) two"
    )
    story = dataclasses.replace(DOSSIER.stories[1], articles=(_article(hostile, "h", "Out"),))
    page = _html(render_markdown(dataclasses.replace(DOSSIER, stories=(story,))))
    assert not page.xpath("//ul//li[contains(., 'item?')] | //ol | //blockquote | //pre | //hr")
    assert not page.xpath("//table | //div | //h1[contains(., 'Heading?')]")
    (para,) = [p for p in page.xpath("//p") if "Heading?" in p.text_content()]
    assert _norm(para.text_content()) == _norm(hostile)


def test_empty_story_sections_say_so(text: str) -> None:
    empty = text.split("## A story with nothing found", 1)[1].split("## Inputs", 1)[0]
    for phrase in (
        "No summary",
        "No claims were found",
        "No quotes were found",
        "No events could be placed",
        "No article is a copy",
    ):
        assert phrase in empty
    assert "|" not in empty


def test_failures_listed(page: lxml.html.HtmlElement, text: str) -> None:
    assert text.rstrip().endswith("could not parse \\| empty")
    failures = page.xpath("//h2[.='Inputs that could not be analysed']/following::ul[1]")[0]
    assert _norm(failures.text_content()) == f"bad.html {SCRIPT}: could not parse | empty"
    none = render_markdown(Dossier(SCHEMA_VERSION, "2024-01-01T00:00Z", ()))
    assert "No story was found" in none and "Every input was analysed" in none


_TRICKY = st.text(alphabet="ab 1.)#>-+=*_`[]()!<>&|\\~:/\n", max_size=30)


@settings(deadline=None)
@given(_TRICKY)
def test_escaped_cell_is_one_cell_with_the_same_text(value: str) -> None:
    table = _html(f"| h |\n|---|\n| {escape_inline(value)} |\n")
    cells = table.xpath("//tbody//td")
    assert len(cells) == 1 and _norm(cells[0].text_content()) == _norm(value)


@settings(deadline=None)
@given(_TRICKY)
def test_escaped_block_is_plain_paragraphs_with_the_same_text(value: str) -> None:
    page = _html(escape_block(value))
    assert {el.tag for el in page.xpath("//body//*")} <= {"p", "br"}
    assert _norm(page.text_content()) == _norm(value)


def test_example_markdown_links_every_quote_to_its_anchor(example_dir: Path) -> None:
    dossier = example_dossier(example_dir)
    page = _html(render_markdown(dossier))
    ids = set(page.xpath("//@id"))
    quotes_heading = page.xpath("//h3[.='Quotes by speaker']")[0]
    links = quotes_heading.xpath("following::a[.='in context']/@href")
    expected = {f"#{anchor(q.article_id, q.start, q.end)}" for q in dossier.stories[0].quotes}
    assert set(links) == expected and {h[1:] for h in links} <= ids
    for table in page.xpath("//table"):
        width = len(table.xpath(".//thead//th"))
        assert all(len(tr.findall("td")) == width for tr in table.xpath(".//tbody/tr"))


def test_own_voice_row_shows_the_outlets_own_words(page: lxml.html.HtmlElement) -> None:
    """The framing row for contested claims stated in the outlet's own voice quotes that
    outlet's words and links them, naming the claim only as context: the claim's text may be
    another outlet's or an actor's wording."""
    claim = next(c for c in DOSSIER.stories[0].claims if c.id == "c_struck")
    own = next(r for r in claim.reports if r.voice == "own")
    framing = page.xpath("//h3[.='Framing across outlets']/following::table[2]")[0]
    (row,) = [tr for tr in framing.xpath(".//tr")
              if tr.xpath("string(td[1])") == "Contested claims stated in own voice"]
    links = row.xpath(".//a")
    assert [a.text_content() for a in links] == [own.text]
    assert links[0].get("href") == "#" + anchor(own.article_id, own.start, own.end)
    assert _norm(claim.text) in _norm(row.text_content())


def test_unnamed_sources_listed_with_their_words_after_the_named() -> None:
    from tests.test_report_html import _with_unnamed_sources

    dossier = _with_unnamed_sources()
    quote = dossier.stories[0].quotes[0]
    article = next(a for a in dossier.stories[0].articles if a.id == quote.article_id)
    written = article.text[quote.speaker.start : quote.speaker.end]
    page = _html(render_markdown(dossier))
    headings = [_norm(h.text_content()) for h in page.xpath("//h4")]
    first = headings.index("Unnamed sources (1 quote)")
    assert headings.index("Unattributed (1 quote)") == first + 1
    assert all(not h.startswith(("Unnamed", "Unattributed")) for h in headings[:first] if "quote" in h)
    items = page.xpath("//h4[normalize-space(.)='Unnamed sources (1 quote)']/following::ul[1]/li")
    assert len(items) == 1 and f"source “{written}”" in _norm(items[0].text_content())
    assert not page.xpath("//script | //img")
