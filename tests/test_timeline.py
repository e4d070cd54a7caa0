"""The story timeline: events across outlets on one axis, and time discrepancies."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterpoint.model import Article
from counterpoint.timeline import build_timeline, interval_of
from counterpoint.timex import date_printed_near_top, find_time_expressions
from tests.factories import make_article

PUBLISHED = dt.date(2023, 6, 14)  # a Wednesday
STORY = {
    "harbour": (
        "harbour.example",
        "A loud explosion was heard at the harbour warehouse at around 2:30 a.m. on Sunday, "
        "residents said. On Monday, the mayor visited the site.",
    ),
    "coast": (
        "coast.example",
        "Residents said the explosion at the harbour warehouse was heard shortly after 3 a.m. "
        "on Sunday. The fire chief was at a conference in another city on Sunday night.",
    ),
    "daily": (
        "daily.example",
        "The explosion at the harbour warehouse on Sunday damaged two boats. On Tuesday, the "
        "owner of the warehouse spoke to reporters about the explosion in his office.",
    ),
}
# Publication dates of the seeds that do not print one in their own text.
SEED_DATES = {"000": dt.date(2023, 5, 4), "002": dt.date(2023, 5, 3), "004": dt.date(2023, 5, 4)}


def tagged(text: str, published: dt.date, **kwargs: object) -> Article:
    article = make_article(text, published=published.isoformat(), **kwargs)  # type: ignore[arg-type]
    return dataclasses.replace(article, time_expressions=find_time_expressions(text, published))


@pytest.fixture(scope="module")
def story(nlp):
    articles = [tagged(text, PUBLISHED, input_id=key, outlet=outlet)
                for key, (outlet, text) in STORY.items()]  # fmt: skip
    docs = {a.id: nlp(a.text) for a in articles}
    return articles, build_timeline(articles, docs)


def test_one_time_discrepancy_names_both_values(story) -> None:
    articles, (_, discrepancies) = story
    assert len(discrepancies) == 1
    found = discrepancies[0]
    assert found.kind == "time"
    assert "2023-06-11T02:30" in found.description and "2023-06-11T03:00" in found.description
    assert "harbour.example" in found.description and "coast.example" in found.description
    by_id = {a.id: a for a in articles}
    assert {by_id[s.article_id].input_id for s in found.sides} == {"harbour", "coast"}
    for side in found.sides:
        assert by_id[side.article_id].text[side.start : side.end] == side.text


def test_reports_of_one_event_share_an_entry(story) -> None:
    articles, (entries, _) = story
    explosion = [e for e in entries if "explosion was heard" in e.text]
    assert len(explosion) == 1
    assert len({c.article_id for c in explosion[0].citations}) == 3
    assert explosion[0].start.startswith("2023-06-11")


def test_different_moments_are_different_events(story) -> None:
    _, (entries, _) = story
    chief = [e for e in entries if "fire chief" in e.text]
    owner = [e for e in entries if "owner" in e.text]
    assert len(chief) == 1 and len(chief[0].citations) == 1
    assert len(owner) == 1 and len(owner[0].citations) == 1
    assert (chief[0].start, chief[0].end) == ("2023-06-11T20:00", "2023-06-12T05:59")
    assert owner[0].start == "2023-06-13T00:00" and owner[0].precision == "day"


def test_entries_are_sorted_and_quote_their_sources(story) -> None:
    articles, (entries, _) = story
    texts = {a.id: a.text for a in articles}
    assert [e.start for e in entries] == sorted(e.start for e in entries)
    for entry in entries:
        assert any(texts[c.article_id][c.start : c.end] == entry.text for c in entry.citations)


def test_article_without_dated_events_adds_nothing(nlp) -> None:
    article = tagged("Nobody knows what will happen.", PUBLISHED)
    assert build_timeline([article], {article.id: nlp(article.text)}) == ((), ())


@pytest.mark.parametrize(
    ("value", "start", "end", "precision"),
    [
        ("2023-05-02TNI", "2023-05-02T20:00", "2023-05-03T05:59", "hour"),
        ("2023-05-03", "2023-05-03T00:00", "2023-05-03T23:59", "day"),
        ("2023-05-03T02:30", "2023-05-03T02:30", "2023-05-03T02:30", "minute"),
        ("2023-05-03T03:00", "2023-05-03T03:00", "2023-05-03T03:59", "hour"),
        ("2023-05", "2023-05-01T00:00", "2023-05-31T23:59", "month"),
        ("2023-Q4", "2023-10-01T00:00", "2023-12-31T23:59", "month"),
        ("2023-W18", "2023-05-01T00:00", "2023-05-07T23:59", "day"),
        ("2023", "2023-01-01T00:00", "2023-12-31T23:59", "year"),
    ],
)
def test_interval_of_values(value: str, start: str, end: str, precision: str) -> None:
    found = interval_of(value)
    assert found is not None
    assert (found[0].isoformat()[:16], found[1].isoformat()[:16], found[2]) == (
        start,
        end,
        precision,
    )


@pytest.mark.parametrize("value", ["PAST_REF", "XXXX-XX-XX", "P3D", "XXXX-05-09", "199"])
def test_vague_values_have_no_interval(value: str) -> None:
    assert interval_of(value) is None


@given(
    st.from_regex(
        r"\d{4}(-(\d{2}|W\d{2}|Q\d|H\d)(-\d{2})?(T(\d{2}:\d{2}|[A-Z]{2}))?)?", fullmatch=True
    )
)
def test_interval_of_never_fails_and_is_ordered(value: str) -> None:
    found = interval_of(value)
    if found is not None:
        assert found[0] <= found[1]


def test_parse_of_another_text_is_skipped(nlp) -> None:
    article = tagged("The bridge collapsed on Monday.", PUBLISHED)
    assert build_timeline([article], {article.id: nlp("Something else entirely.")}) == ((), ())


def seed_articles(seeds_dir: Path) -> list[Article]:
    """The seeds, each anchored on the date it prints near its top (else the known date)."""
    articles = []
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        published = date_printed_near_top(text) or SEED_DATES[path.name[:3]]
        articles.append(tagged(text, published, input_id=path.stem, outlet=path.stem))
    return articles


def test_seed_expressions(seeds_dir: Path) -> None:
    found = {
        a.input_id[:3]: {e.text: e for e in a.time_expressions} for a in seed_articles(seeds_dir)
    }
    assert found["003"]["the night between Tuesday and Wednesday"].value == "2023-05-02TNI"
    assert found["003"]["Thursday"].value == "2023-05-04"
    clock = found["001"]["around 2:30 a.m. local time"]
    assert clock.type == "TIME" and clock.value.startswith("2023-05-03T02:30")
    assert found["002"]["the night between 2 and 3 May"].value == "2023-05-02TNI"


def test_seed_timeline(seeds_dir: Path, nlp) -> None:
    articles = seed_articles(seeds_dir)
    entries, discrepancies = build_timeline(articles, {a.id: nlp(a.text) for a in articles})
    texts = {a.id: a.text for a in articles}
    outlet = {a.id: a.input_id[:3] for a in articles}
    assert [e.start for e in entries] == sorted(e.start for e in entries)
    night = [e for e in entries if e.start == "2023-05-02T20:00"]
    assert len(night) == 1
    assert {"002", "003"} <= {outlet[c.article_id] for c in night[0].citations}
    for entry in entries:
        for c in entry.citations:
            assert 0 <= c.start < c.end <= len(texts[c.article_id])
    office = [e for e in entries if "working in his office" in e.text]
    assert len(office) == 1 and office[0].start == "2023-05-04T00:00"
    assert not any("working in his office" in e.text for e in night)
    for found in discrepancies:
        assert len({s.article_id for s in found.sides}) >= 2


def test_bundled_example_fire_time_discrepancy(example_dir: Path, nlp) -> None:
    """The Lakeport outlets disagree on when the fire started: around 2 a.m. or after 3 a.m."""
    import json

    from tests.test_timex import example_text

    expected = json.loads((example_dir.parent / "lakeport.expected.json").read_text(encoding="utf-8"))
    articles = [
        tagged(example_text(example_dir / m["file"]), dt.date.fromisoformat(m["published"]),
               input_id=m["file"], outlet=m["file"])
        for m in expected["metadata"]
    ]  # fmt: skip
    entries, discrepancies = build_timeline(articles, {a.id: nlp(a.text) for a in articles})
    times = [d for d in discrepancies if d.kind == "time"]
    assert times, [e.text for e in entries]
    sides = [s.text for d in times for s in d.sides]
    assert any("2 a.m." in s for s in sides) and any("3 a.m." in s for s in sides)
    for found in times:
        assert "2025-10-08T02:00" in found.description and "2025-10-08T03:00" in found.description
