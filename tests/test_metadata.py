"""Plain-text metadata: dates, bylines, URLs, headlines and outlet lines, read and removed."""

from __future__ import annotations

import pytest

from counterpoint.metadata import (
    TextMetadata,
    extract_metadata,
    is_body_paragraph,
    outlet_from_url,
    parse_byline,
    parse_date_line,
)

BODY = "The port authority said on Friday that the new crane had arrived from the supplier."


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("May 04, 2023", "2023-05-04"),
        ("4 May 2023", "2023-05-04"),
        ("2023-05-03", "2023-05-03"),
        ("Published: Thursday, 4 May 2023 10:32 BST", "2023-05-04"),
        ("Updated Sept. 12, 2021 at 5:04 p.m.", "2021-09-12"),
        ("date 2023-05-03", "2023-05-03"),
        ("May 2023 was warm", None),
        ("The meeting on May 4, 2023 ended early.", None),
        ("2023-02-30", None),
    ],
)
def test_parse_date_line(line, expected):
    assert parse_date_line(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Ana Ruiz", ("Ana Ruiz",)),
        ("By Ana Ruiz and Tom Berg", ("Ana Ruiz", "Tom Berg")),
        ("Ana Ruiz & Tom Berg", ("Ana Ruiz", "Tom Berg")),
        ("Written by Sean O'Neill, Political Editor", ("Sean O'Neill",)),
        ("Ana Ruiz, Tom Berg and Li Wei", ("Ana Ruiz", "Tom Berg", "Li Wei")),
        ("Daily Gazette", ()),  # one name without "By" is not a byline
        ("By the river the town held a fair.", ()),
        ("Ports and Harbours", ()),
    ],
)
def test_parse_byline(line, expected):
    assert parse_byline(line) == expected


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.example.com/news/1", "example.com"),
        ("http://news.example.co.uk/a?b=c", "news.example.co.uk"),
        ("https://WWW2.Example.org", "example.org"),
        ("not a url", None),
    ],
)
def test_outlet_from_url(url, outlet):
    assert outlet_from_url(url) == outlet


def test_body_paragraph_shape():
    assert is_body_paragraph(BODY)
    assert not is_body_paragraph("Harbour Crane Arrives After Long Delay")
    assert not is_body_paragraph("Short line.")


def test_header_block_is_read_and_removed():
    header = ["Gazette", "Gazette", "Business", "By Ana Ruiz", "Harbour Crane Arrives Late",
              "May 04, 2023"]
    found = extract_metadata(header + [BODY], TextMetadata())
    assert found.paragraphs == (BODY,)
    meta = found.metadata
    assert (meta.outlet, meta.authors, meta.title, meta.published) == (
        "Gazette", ("Ana Ruiz",), "Harbour Crane Arrives Late", "2023-05-04")
    reasons = [r.reason for r in found.removed]
    assert reasons.count("metadata: outlet") == 2 and "crawler header" in reasons


def test_url_footer_gives_url_and_outlet_domain():
    found = extract_metadata([BODY, "Original url:", "<https://www.example.com/a/b-1>"], TextMetadata())
    assert found.paragraphs == (BODY,)
    assert found.metadata.url == "https://www.example.com/a/b-1"
    assert found.metadata.outlet == "example.com"
    assert [r.reason for r in found.removed] == ["crawler footer", "metadata: url"]


def test_date_prefix_glued_to_the_first_paragraph():
    found = extract_metadata(["date 2023-05-03 " + BODY], TextMetadata())
    assert found.paragraphs == (BODY,) and found.metadata.published == "2023-05-03"


def test_dateline_gives_the_date_and_stays_in_the_text():
    line = "LISBON, March 3, 2024 - " + BODY
    found = extract_metadata([line], TextMetadata())
    assert found.paragraphs == (line,) and found.metadata.published == "2024-03-03"


def test_known_metadata_wins_and_no_title_is_guessed_twice():
    known = TextMetadata(title="Crane arrives", outlet="Known Outlet", published="2020-01-01")
    found = extract_metadata(
        ["Harbour Crane Arrives After Delay", "Gazette", "Gazette", "June 1, 2023", BODY], known
    )
    assert found.metadata.title == "Crane arrives"  # explicit title kept ...
    assert found.metadata.outlet == "Known Outlet" and found.metadata.published == "2020-01-01"
    assert found.paragraphs == (BODY,)  # ... and the page's own headline line still removed


def test_section_heading_after_the_first_body_paragraph_is_kept():
    paragraphs = [BODY, "What Happens Next", BODY.replace("Friday", "Monday")]
    assert extract_metadata(paragraphs, TextMetadata()).paragraphs == tuple(paragraphs)


def test_no_headline_guess_without_a_body_after_it():
    lines = ["Just a Few Words Here", "and more words"]
    assert extract_metadata(lines, TextMetadata()).metadata.title is None


def test_timestamp_lines_are_dates_not_headlines():
    header = ["Saints Place Running Back On Injured Reserve", "Posted on Thu Jun 13, 2013 08: 45 AM PDT",
              "Updated 9: 06 AM"]
    found = extract_metadata(header + [BODY], TextMetadata())
    assert found.paragraphs == (BODY,)
    assert found.metadata.title == header[0]
    assert found.metadata.published == "2013-06-13"
    assert [r.reason for r in found.removed].count("metadata: date") == 2


def test_dateline_line_is_neither_title_nor_label():
    lines = ["MIAMI (AP) --", "Relatives of the boy said on Tuesday they would appeal the ruling soon."]
    found = extract_metadata(lines, TextMetadata())
    assert found.paragraphs == tuple(lines) and found.metadata.title is None


def test_url_in_the_middle_of_an_article_is_left_alone():
    lines = [BODY, "https://example.org/report.pdf", BODY.replace("Friday", "Monday")]
    found = extract_metadata(lines, TextMetadata())
    assert found.paragraphs == tuple(lines) and found.metadata.url is None


def test_front_matter_fields():
    from counterpoint.metadata import read_front_matter

    text = '---\ntitle: "A Title: With Colon"\nauthors:\n  - Ana Ruiz\n  - Tom Berg\ndate: 2024-03-01\nlayout: post\n---\n\nBody.'
    rest, meta, removed = read_front_matter(text)
    assert rest.strip() == "Body." and removed.reason == "metadata: front matter"
    assert meta.title == "A Title: With Colon" and meta.authors == ("Ana Ruiz", "Tom Berg")
    assert meta.published == "2024-03-01"
    assert read_front_matter("---\nnot: front matter\n---\nBody.")[2] is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By JOHN SMITH AND MARY O'BRIEN", ("John Smith", "Mary O'Brien")),
        ("By Łukasz Nowak", ("Łukasz Nowak",)),
        ("By Ingrid Sølvik", ("Ingrid Sølvik",)),
        ("BREAKING NEWS & LIVE UPDATES", ()),  # capitals only count after "By"
    ],
)
def test_parse_byline_capitals_and_accents(line, expected):
    assert parse_byline(line) == expected


def test_summary_list_at_the_top_is_not_a_label():
    lines = ["Europe", "- Two workers injured", "- Port closed", "3 ships diverted", BODY]
    found = extract_metadata(lines, TextMetadata(), guess_title=False)
    assert found.paragraphs == tuple(lines[1:])
    assert [r.text for r in found.removed] == ["Europe"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Harbour Gazette, June 13, 2025", "2025-06-13"),
        ("The Daily Lantern | 4 May 2023", "2023-05-04"),
        # a sentence that ends with a date is no header line
        ("The council met again on June 13, 2025", None),
    ],
)
def test_an_outlet_line_with_its_date_gives_the_date(line, expected):
    found = extract_metadata(["Harbour crane arrives at last", line, BODY], TextMetadata())
    assert found.metadata.published == expected
