"""report.html: escaped, self-contained, and every link lands on the text it cites."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counterpoint.model import (
    SCHEMA_VERSION,
    Dossier,
    Entity,
    Quote,
    Speaker,
    Story,
    make_id,
    to_json,
)
from counterpoint.report import render_html
from counterpoint.schema import validate_dossier
from counterpoint.report.spans import Span, anchor, segment_text
from counterpoint.report.view import context, format_when, short_label, story_view, verbatim_pieces
from tests.factories import make_article
from tests.test_schema import IMG, SCRIPT, sample_dossier

DOSSIER = sample_dossier()


@pytest.fixture(scope="module")
def page() -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(render_html(DOSSIER))


def _story_section(page: lxml.html.HtmlElement, story: Story) -> lxml.html.HtmlElement:
    return page.get_element_by_id(f"story-{story.id}")


def test_hostile_source_text_renders_as_text(page: lxml.html.HtmlElement) -> None:
    scripts = page.xpath("//script")
    assert len(scripts) == 1 and "alert" not in scripts[0].text_content()
    assert not page.xpath("//img | //iframe | //object | //embed")
    handlers = [a for el in page.iter() for a in el.attrib if a.lower().startswith("on")]
    assert handlers == []
    text = page.text_content()
    assert text.count(SCRIPT) >= 10 and text.count(IMG) >= 3


def test_page_is_self_contained(page: lxml.html.HtmlElement) -> None:
    """Nothing is loaded from elsewhere: no src, no stylesheet links, no url() in CSS."""
    assert not page.xpath("//*[@src] | //link")
    css = " ".join(s.text_content() for s in page.xpath("//style"))
    assert "url(" not in css and "@import" not in css
    hrefs = [h for h in page.xpath("//a/@href") if not h.startswith("#")]
    assert hrefs == ["https://example.test/a?x=1&y=2"]
    ids = page.xpath("//@id")
    assert len(ids) == len(set(ids))


def test_unsafe_article_url_is_not_a_link() -> None:
    story = DOSSIER.stories[1]
    bad = dataclasses.replace(story.articles[0], url="javascript:alert(1)")
    dossier = dataclasses.replace(DOSSIER, stories=(dataclasses.replace(story, articles=(bad,)),))
    page = lxml.html.document_fromstring(render_html(dossier))
    assert not [h for h in page.xpath("//a/@href") if "javascript" in h.lower()]
    assert "javascript:alert(1)" in page.text_content()


def test_article_text_is_shown_exactly(page: lxml.html.HtmlElement) -> None:
    for story in DOSSIER.stories:
        for article in story.articles:
            box = page.get_element_by_id(f"article-{article.id}")
            (text,) = box.find_class("text")
            assert text.text_content() == article.text


def _covered_text(page: lxml.html.HtmlElement, target: str) -> str:
    segments = page.xpath(f"//span[contains(concat(' ', @data-s, ' '), ' {target} ')]")
    return "".join(s.text_content() for s in segments)


def test_every_link_lands_on_the_cited_span(page: lxml.html.HtmlElement) -> None:
    """Each #art-… link has its anchor, and the highlighted segments spell the cited text."""
    texts = {a.id: a.text for s in DOSSIER.stories for a in s.articles}
    targets = {h[1:] for h in page.xpath("//a/@href") if h.startswith("#art-")}
    assert len(targets) == 11
    for target in targets:
        assert page.xpath(f"//a[@id='{target}']"), target
        match = re.fullmatch(r"art-(.+)-(\d+)-(\d+)", target)
        assert match, target
        article_id, start, end = match.groups()
        assert _covered_text(page, target) == texts[article_id][int(start) : int(end)]


def test_summary_cites_each_source(page: lxml.html.HtmlElement) -> None:
    story = DOSSIER.stories[0]
    (summary,) = _story_section(page, story).find_class("summary")
    links = summary.xpath(".//a/@href")
    expected = [f"#{anchor(c.article_id, c.start, c.end)}" for c in story.summary[0].citations]
    assert links == expected
    assert summary.text_content().strip().startswith(f"A barge struck a bridge | {SCRIPT}")


def test_claims_matrix_cells_and_status(page: lxml.html.HtmlElement) -> None:
    (matrix,) = _story_section(page, DOSSIER.stories[0]).find_class("matrix")
    rows = matrix.xpath("./tbody/tr")
    cells = [[td.get("class").split()[-1] for td in r.find_class("cell")] for r in rows]
    assert cells == [
        ["k-attributed", "k-hedged", "k-own_voice"],
        ["k-disputing", "k-omitting", "k-omitting"],
    ]
    assert [r.find_class("badge")[0].text_content() for r in rows] == ["consensus", "contested"]
    assert rows[0].find_class("cell")[1].text_content().startswith("hedged · own voice")
    legend = matrix.getparent().getparent().find_class("legend")[0].text_content()
    for word in ("own voice", "attributed", "hedged", "disputing", "omitting"):
        assert word in legend


def test_positions_grouped_by_actor(page: lxml.html.HtmlElement) -> None:
    (panel,) = _story_section(page, DOSSIER.stories[0]).find_class("positions-panel")
    cards = {c.find("h4").text_content(): c.text_content() for c in panel.find_class("card")}
    assert set(cards) == {"harbour authority", "Officials"}
    assert (
        "denies" in cards["harbour authority"]
        and "The pilot was drunk" in cards["harbour authority"]
    )


def test_quotes_listed_by_speaker(page: lxml.html.HtmlElement) -> None:
    story = DOSSIER.stories[0]
    (panel,) = _story_section(page, story).find_class("quotes-panel")
    speakers = panel.find_class("speaker")
    assert len(speakers) == 1 and speakers[0].find("h4").text_content().startswith(
        f"Ada {SCRIPT}Quill"
    )
    links = speakers[0].xpath(".//a/@href")
    assert links == [f"#{anchor(q.article_id, q.start, q.end)}" for q in story.quotes]
    assert "named “Mayor Quill”" in speakers[0].text_content()


def test_discrepancy_shows_both_sides_in_context(page: lxml.html.HtmlElement) -> None:
    story = DOSSIER.stories[0]
    (panel,) = _story_section(page, story).find_class("discrepancies-panel")
    sides = [s.find("blockquote") for s in panel.find_class("side")]
    assert [s.find("mark").text_content() for s in sides] == ["on Monday", "on Sunday night"]
    for side, record in zip(sides, story.discrepancies[0].sides, strict=True):
        shown = side.text_content().strip("…").strip()
        text = next(a.text for a in story.articles if a.id == record.article_id)
        assert shown in text and len(shown) > len(record.text)


def test_context_is_cut_at_words_and_paragraphs() -> None:
    text = "First paragraph ends here.\nAlpha beta gamma delta epsilon zeta eta theta."
    start = text.index("delta")
    around = context(text, start, start + 5, width=12)
    assert around == {"before": "… beta gamma ", "after": " epsilon …"}
    assert context(text, 0, 5)["before"] == "" and "\n" not in context(text, 0, 5)["after"]


def test_framing_table_compares_outlets(page: lxml.html.HtmlElement) -> None:
    (table,) = _story_section(page, DOSSIER.stories[0]).find_class("framing")
    header = [th.text_content() for th in table.xpath("./thead/tr/th")]
    assert header[1:] == [f"Lakeview {SCRIPT} Post", "Wire Service", "copy"]
    rows = {
        tr.find("th").text_content(): [td.text_content() for td in tr.findall("td")]
        for tr in table.xpath("./tbody/tr")
        if tr.findall("td")
    }
    assert "major damage" in rows["Loaded terms, own voice"][1]
    assert rows["Loaded terms, quoted"][1] == "none"
    assert "7 words" in rows["Voices (words quoted)"][0]
    assert rows[f"Ada {SCRIPT}Quill"] == [f"“Ada {SCRIPT}Quill”", "“Mayor Quill”", "not analysed"]


def test_entities_copies_cleaning_and_failures(page: lxml.html.HtmlElement) -> None:
    section = _story_section(page, DOSSIER.stories[0])
    (entities,) = section.find_class("entities-panel")
    assert f"“Quill | {IMG}”" in entities.text_content()
    assert "Wire Service = copy" in section.find_class("copies-panel")[0].text_content()
    copies = [a for a in section.find_class("src") if a.find_class("b-copy")]
    assert len(copies) == 2
    assert f"Subscribe now {SCRIPT}" in section.find_class("removed-text")[0].text_content()
    assert "too short | for framing" in section.text_content()
    failures = page.get_element_by_id("failures").text_content()
    assert f"bad.html {SCRIPT}" in failures and "could not parse | empty" in failures


def test_empty_sections_say_so(page: lxml.html.HtmlElement) -> None:
    section = _story_section(page, DOSSIER.stories[1])
    notes = [n.text_content() for n in section.find_class("none")]
    assert len(notes) >= 9 and all(n.strip() for n in notes)
    assert not section.xpath(".//table | .//ol")


def test_no_stories_and_no_failures() -> None:
    page = lxml.html.document_fromstring(
        render_html(Dossier(SCHEMA_VERSION, "2024-01-01T00:00Z", ()))
    )
    assert "No story was found" in page.text_content()
    assert "Every input was analysed" in page.text_content()


@st.composite
def _text_and_spans(draw: st.DrawFn) -> tuple[str, list[Span]]:
    text = draw(st.text(alphabet="ab<&>\"'\n é", max_size=40))
    bound = st.integers(-2, len(text) + 2)
    pairs = draw(st.lists(st.tuples(bound, bound), max_size=6))
    return text, [Span(s, e, "quote", f"x-{s}-{e}") for s, e in pairs]


@settings(deadline=None)
@given(_text_and_spans())
def test_segments_rebuild_the_text_and_cover_each_span(case: tuple[str, list[Span]]) -> None:
    """Cutting never loses or invents text, and each span's segments spell its text."""
    text, spans = case
    segments = segment_text(text, spans)
    assert "".join(s.text for s in segments) == text
    placed = {a for s in segments for a in s.anchors}
    for span in spans:
        start = min(max(span.start, 0), len(text))
        end = min(max(span.end, start), len(text))
        assert span.anchor in placed
        covered = "".join(s.text for s in segments if span.anchor in s.covers)
        assert covered == text[start:end]


def test_verbatim_words_marked_inside_partial_quote() -> None:
    text = 'She called the plan "reckless and late" in a statement.'
    start, end = text.index("the plan"), text.index(" in a")
    inner = (text.index("reckless"), text.index('" in'))
    quote = Quote(
        "q_1",
        "a_1",
        start,
        end,
        text[start:end],
        (inner,),
        "partial",
        None,
        Speaker(0, 3, None, "She"),
    )
    pieces = verbatim_pieces(quote)
    assert "".join(p for p, _ in pieces) == quote.text
    assert [p for p, verbatim in pieces if verbatim] == ["reckless and late"]
    (story, _) = DOSSIER.stories
    article = dataclasses.replace(story.articles[0], id="a_1", text=text)
    page = lxml.html.document_fromstring(
        render_html(
            dataclasses.replace(DOSSIER, stories=(Story("s", "t", (article,), quotes=(quote,)),))
        )
    )
    (marked,) = page.find_class("verbatim")
    assert marked.text_content() == "reckless and late"


def test_articles_get_short_distinct_labels() -> None:
    base = DOSSIER.stories[1].articles[0]
    long_title = "Drones over the harbour: what we know so far about the night of the fire"
    cases = [
        (dataclasses.replace(base, outlet=" Daily Example "), "Daily Example"),
        (
            dataclasses.replace(base, outlet=None, url="https://www.site.example/a/b"),
            "site.example",
        ),
        (
            dataclasses.replace(base, outlet=None, url=None, title=long_title),
            "Drones over the harbour: what…",
        ),
        (dataclasses.replace(base, outlet=None, url=None, title=""), base.input_id),
    ]
    for article, label in cases:
        assert short_label(article) == label
    twins = (dataclasses.replace(base, id="a_1"), dataclasses.replace(base, id="a_2"))
    view = story_view(Story("s", "t", twins))
    assert [a.label for a in view.articles] == ["Quiet Times (1)", "Quiet Times (2)"]


@pytest.mark.parametrize(
    ("start", "end", "precision", "shown"),
    [
        ("2023-05-02T00:00", "2023-05-02T23:59", "day", "2023-05-02"),
        ("2023-05-02T20:00", "2023-05-03T05:59", "hour", "2023-05-02 20:00 – 2023-05-03 05:59"),
        ("2023-05-02T20:00", "2023-05-02T21:59", "hour", "2023-05-02 20:00–21:59"),
        ("2023-05-03T02:30", "2023-05-03T02:30", "minute", "2023-05-03 02:30"),
        ("2023-05-01", "2023-05-31", "month", "2023-05"),
        ("2023-05-01", "2023-06-30", "month", "2023-05 – 2023-06"),
    ],
)
def test_times_shown_as_precisely_as_known(
    start: str, end: str, precision: str, shown: str
) -> None:
    assert format_when(start, end, precision) == shown


EXAMPLE_FILES = ("norland_herald.txt", "vessaria_today.txt")


def example_dossier(example_dir: Path) -> Dossier:
    """A dossier hand-built from the bundled example's plain-text articles and the quotes its
    annotators marked (expected.json): real lengths, real punctuation, no pipeline stages."""
    expected = json.loads((example_dir.parent / "lakeport.expected.json").read_text("utf-8"))
    articles = {
        name: make_article((example_dir / name).read_text("utf-8"), input_id=name, outlet=name)
        for name in EXAMPLE_FILES
    }
    quotes: dict[str, Quote] = {}
    for item in expected["quotes"]:
        article = articles.get(item["file"])
        if article is None or item["text_contains"] not in article.text:
            continue
        start = article.text.index(item["text_contains"])
        end = start + len(item["text_contains"])
        entity_id = make_id("e", item["speaker"]) if item["speaker"] else None
        quote = Quote(
            make_id("q", article.id, start, end),
            article.id,
            start,
            end,
            item["text_contains"],
            ((start, end),) if item["kind"] != "indirect" else (),
            item["kind"],
            None,
            Speaker(None, None, entity_id, item.get("speaker_surface")),
        )
        quotes[quote.id] = quote
    entities = tuple(
        Entity(make_id("e", name), name, "PERSON", (), ())
        for name in sorted({i["speaker"] for i in expected["quotes"] if i["speaker"]})
    )
    story = Story(
        "s_example", "Example", tuple(articles.values()), entities, tuple(quotes.values())
    )
    return Dossier(SCHEMA_VERSION, "2025-10-10T12:00:00Z", (story,))


def test_example_quotes_listed_under_their_speakers(example_dir: Path) -> None:
    dossier = example_dossier(example_dir)
    validate_dossier(to_json(dossier))
    story = dossier.stories[0]
    assert len(story.quotes) >= 25
    page = lxml.html.document_fromstring(render_html(dossier))
    names = {e.id: e.name for e in story.entities}
    cards = {c.find("h4").text.strip(): c for c in page.find_class("speaker")}
    for quote in story.quotes:
        speaker = names.get(quote.speaker.entity_id or "") or quote.speaker.name or "Unattributed"
        card = cards[speaker]
        target = anchor(quote.article_id, quote.start, quote.end)
        assert f"#{target}" in card.xpath(".//a/@href")
        assert _covered_text(page, target) == quote.text
    for article in story.articles:
        box = page.get_element_by_id(f"article-{article.id}")
        assert box.find_class("text")[0].text_content() == article.text


def test_own_voice_row_shows_the_outlets_own_words(page: lxml.html.HtmlElement) -> None:
    """Same rule as report.md: the outlet's own words, linked; the claim only as context."""
    claim = next(c for c in DOSSIER.stories[0].claims if c.id == "c_struck")
    own = next(r for r in claim.reports if r.voice == "own")
    (row,) = page.xpath("//tr[th='Contested claims stated in own voice']")
    links = row.xpath(".//a")
    assert [a.text_content() for a in links] == [own.text]
    assert links[0].get("href") == "#" + anchor(own.article_id, own.start, own.end)


def _with_unnamed_sources() -> Dossier:
    """The sample dossier with its first quote given to an unnamed source (the words the
    article uses for it, hostile text included) and a copy of it with no speaker at all."""
    story = DOSSIER.stories[0]
    first = story.quotes[0]
    unnamed = dataclasses.replace(
        first, speaker=dataclasses.replace(first.speaker, entity_id=None, name=None)
    )
    nobody = dataclasses.replace(first, id=first.id + "x", speaker=Speaker(None, None, None, None))
    story = dataclasses.replace(story, quotes=(unnamed, nobody, *story.quotes[1:]))
    return dataclasses.replace(DOSSIER, stories=(story, *DOSSIER.stories[1:]))


def test_unnamed_sources_keep_the_words_the_article_gives_them() -> None:
    dossier = _with_unnamed_sources()
    story = dossier.stories[0]
    page = lxml.html.document_fromstring(render_html(dossier))
    (panel,) = _story_section(page, story).find_class("quotes-panel")
    cards = [c.find("h4").text_content().split(" quote")[0] for c in panel.find_class("speaker")]
    assert [c.rsplit(" ", 1)[0] for c in cards] == [f"Ada {SCRIPT}Quill", "Unnamed sources", "Unattributed"]
    article = next(a for a in story.articles if a.id == story.quotes[0].article_id)
    written = article.text[story.quotes[0].speaker.start : story.quotes[0].speaker.end]
    unnamed_card = panel.find_class("speaker")[1].text_content()
    assert f"source “{written}”" in unnamed_card
    assert "source “" not in panel.find_class("speaker")[2].text_content()
    assert all("alert" not in s.text_content() for s in page.xpath("//script"))
