"""clean_article on the real seed articles, on hand-made inputs, and its invariants."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counterpoint.clean import CleanResult, clean_article, clean_text
from counterpoint.errors import InputError
from counterpoint.ingest import read_inputs
from counterpoint.metadata import TextMetadata
from counterpoint.model import RawArticle

INPUTS = Path(__file__).parent / "fixtures" / "inputs"
# Short markers of noise that must not survive cleaning in any seed.
NOISE_MARKERS = (
    "Sign up", "Sign in", "pic.twitter.com", "Original url", "FOLLOW LIVE", "Related article",
    "Related Stories", "Shutterstock", "(@", "](#)", "**", "Get all your news", "Start reading",
    "Download the app", "Our Picks", "Top stories on", "https://",
)
NOISE_REASONS = {
    "aggregator chrome", "app prompt", "sign-up prompt", "caption", "social media embed",
    "teaser", "crawler header", "crawler footer", "duplicate paragraph", "credit line",
    "contact prompt",
}


@pytest.fixture(scope="module")
def seeds(seeds_dir):
    """(raw text, clean result) per seed file, in file order."""
    articles, failures = read_inputs([seeds_dir])
    assert not failures
    return [(a.text, clean_article(a)) for a in articles]


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def test_noise_markers_are_gone_and_recorded(seeds):
    for raw, result in seeds:
        removed_text = " ".join(r.text for r in result.removed)
        for marker in NOISE_MARKERS:
            assert marker not in result.text, f"{marker!r} left in {result.text[:60]!r}"
            if marker in raw:
                assert marker in removed_text, f"{marker!r} removed silently"


def test_every_kind_of_seed_noise_is_recognised(seeds):
    reasons = {r.reason for _, result in seeds for r in result.removed}
    expected = {
        "aggregator chrome", "app prompt", "caption", "social media embed", "teaser",
        "crawler header", "crawler footer", "duplicate paragraph", "metadata: url",
        "metadata: date", "metadata: byline", "metadata: title", "metadata: outlet",
    }
    assert expected <= reasons
    assert any(reason.startswith("markup") for reason in reasons)


def test_no_reporting_paragraph_is_dropped(seeds):
    """Every long raw paragraph keeps (almost) all its words: only inline noise may go."""
    for raw, result in seeds:
        kept = set(_words(result.text))
        for paragraph in _paragraphs(raw):
            if len(paragraph) <= 200:
                continue
            words = _words(paragraph)
            missing = [w for w in words if w not in kept]
            assert len(missing) <= 0.1 * len(words), f"dropped: {paragraph[:80]!r}"


def test_every_untouched_sentence_of_a_long_paragraph_survives_verbatim(seeds):
    """Sentences of long raw paragraphs that no removed piece touches are kept word for word."""
    for raw, result in seeds:
        cleaned = " ".join(result.text.split())
        pieces = [p.text for p in result.removed if p.reason != "duplicate paragraph"]
        checked = 0
        for paragraph in _paragraphs(raw):
            if len(paragraph) <= 200:
                continue
            for sentence in re.split(r"(?<=[.!?…”\"])\s+(?=[A-Z“\"])", paragraph):
                if not any(piece in sentence or sentence in piece for piece in pieces):
                    assert " ".join(sentence.split()) in cleaned, sentence[:80]
                    checked += 1
        assert checked or not any(len(p) > 200 for p in _paragraphs(raw))


def test_removed_pieces_are_short_noise_or_metadata(seeds):
    for _, result in seeds:
        for piece in result.removed:
            assert piece.reason in NOISE_REASONS or piece.reason.startswith(("metadata:", "markup"))
            assert len(piece.text) <= 300, piece


def test_inline_teaser_is_cut_but_its_sentence_kept(seeds):
    raw, result = next((r, c) for r, c in seeds if "FOLLOW LIVE" in r)
    teaser = next(p for p in result.removed if p.reason == "teaser")
    assert teaser.text.startswith("(") and teaser.text.endswith(")")
    sentence_start = raw[: raw.index(teaser.text)].rsplit(". ", 1)[-1]
    assert sentence_start.strip() + "." in result.text


def test_markdown_link_keeps_its_word(seeds):
    raw, result = next((r, c) for r, c in seeds if "[said](#)" in r)
    before = raw.split("[said](#)")[0].rsplit("\n", 1)[-1].split()[-1]
    assert f"{before} said" in result.text


def test_duplicate_paragraph_keeps_the_first(seeds):
    for _, result in seeds:
        paragraphs = result.text.split("\n\n")
        assert len(paragraphs) == len(set(paragraphs))
        for piece in result.removed:
            if piece.reason == "duplicate paragraph":
                assert result.text.count(piece.text) == 1


def test_social_post_text_goes_with_its_signature(seeds):
    raw, result = next((r, c) for r, c in seeds if "pic.twitter.com" in r)
    embed = [p.text for p in result.removed if p.reason == "social media embed"]
    assert len(embed) == 3 and embed[0][0] >= "\U0001f1e6"  # starts with a flag
    assert sum(len(t) for t in embed) < 400


def test_seed_metadata_read_from_the_text(seeds):
    by_kind = {}
    for raw, result in seeds:
        first = _paragraphs(raw)[0]
        if first.startswith("date "):
            by_kind["date header"] = (first, result)
        if "Original url:" in raw:
            by_kind["url footer"] = (raw, result)
        if " & " in raw:
            by_kind["byline"] = (raw, result)
        if len(first) < 120 and first[-1] not in ".":
            by_kind.setdefault("headline", []).append((first, result))
    first, result = by_kind["date header"]
    assert result.published == first.split()[1] == "2023-05-03"
    assert not result.text.startswith("date")
    raw, result = by_kind["url footer"]
    url = re.search(r"https?://[^\s<>]+", raw).group(0)
    assert result.url == url and result.outlet == url.split("/")[2].removeprefix("www.")
    assert result.published == "2023-05-04"
    raw, result = by_kind["byline"]
    assert len(result.authors) == 2 and all(len(a.split()) == 2 for a in result.authors)
    assert not any(a in result.text for a in result.authors)
    headlines = by_kind["headline"]
    assert len(headlines) >= 2
    for first, result in headlines:
        assert result.title == first and not result.text.startswith(first)


def test_paragraph_structure_and_whitespace(seeds):
    for _, result in seeds:
        assert "\n\n\n" not in result.text
        assert result.text == result.text.strip()
        assert all(line == line.strip() for line in result.text.split("\n"))
        assert all(p for p in result.text.split("\n\n"))


def test_sentence_broken_across_paragraphs_is_rejoined():
    result = clean_text('"We know this and understand how\n\ndangerous it is," she said.')
    assert result.text == '"We know this and understand how dangerous it is," she said.'


def test_section_headings_inside_an_article_are_kept():
    text = (
        "The council approved the budget on Monday after a long debate, officials said.\n\n"
        "Reaction from residents\n\n"
        "Several residents said they welcomed the decision but feared higher fees later."
    )
    assert clean_text(text).text == text


def test_html_article_nav_and_footer():
    articles, _ = read_inputs([INPUTS / "lighthouse.html"])
    result = clean_article(articles[0])
    assert result.text.startswith("The disused lighthouse on Gull Point")
    assert "Work on the stairs" in result.text
    for noise in ("Home", "Weather", "Related stories", "Ferry fares", "Copyright", "Privacy"):
        assert noise not in result.text
    assert result.title == "Old lighthouse to become a museum"
    assert result.outlet == "The Northport Ledger"
    assert result.authors == ("Ines Okafor",)
    assert result.published == "2024-05-12"
    assert result.url == "https://www.northport-ledger.example/news/lighthouse-museum"


def test_explicit_metadata_wins_over_the_text():
    articles, _ = read_inputs([INPUTS / "harbour.txt"])
    result = clean_article(articles[0])
    assert result.title == "Eastfield bridge reopens" and result.outlet == "Eastfield Courier"
    assert result.authors == ("Mara Lindqvist",)  # not given explicitly: read from the byline
    assert result.text.startswith("The Eastfield harbour bridge reopened")
    assert "Sign up" not in result.text


def test_html_without_an_article_is_an_input_error():
    raw = RawArticle("nav", "nav.html", html="<html><body><nav><a href='/'>Home</a></nav></body></html>")
    with pytest.raises(InputError) as err:
        clean_article(raw)
    assert err.value.source == "nav.html" and "no article text" in err.value.reason


def test_text_of_only_boilerplate_is_an_input_error():
    raw = RawArticle("chrome", "chrome.txt", text="Start reading\nDownload the app\n")
    with pytest.raises(InputError, match="no article text"):
        clean_article(raw)


# ---------------------------------------------------------------- the bundled example


@pytest.fixture(scope="module")
def lakeport(example_dir):
    """(expected annotations, {file name: clean result}) for the fictional example corpus."""
    import json

    expected = json.loads((example_dir.parent / "lakeport.expected.json").read_text(encoding="utf-8"))
    articles, failures = read_inputs([example_dir])
    assert failures == []
    results = {Path(a.origin.split(":")[0]).name: clean_article(a) for a in articles}
    assert sorted(results) == sorted(expected["files"])
    return expected, results


def test_example_noise_is_removed_and_recorded(lakeport):
    expected, results = lakeport
    for noise in expected["noise"]:
        result = results[noise["file"]]
        assert result.text.count(noise["text"]) == (noise["kind"] == "repeat"), noise
        if not noise["file"].endswith(".html"):  # trafilatura drops HTML chrome itself
            assert any(noise["text"] in piece.text for piece in result.removed), noise


def test_example_metadata(lakeport):
    expected, results = lakeport
    for meta in expected["metadata"]:
        result = results[meta["file"]]
        assert result.title == meta["title"], meta["file"]
        assert list(result.authors) == meta["authors"], meta["file"]
        assert result.published == meta["published"], meta["file"]
        assert result.url == meta["url"], meta["file"]
        if meta["outlet"] is not None:
            assert result.outlet == meta["outlet"], meta["file"]


def test_example_reporting_is_kept(lakeport):
    expected, results = lakeport
    for discrepancy in expected["discrepancies"]:
        for side in discrepancy["sides"]:
            assert side["text_contains"] in results[side["file"]].text, side
    for not_quote in expected["not_quotes"]:
        if "YAML" not in not_quote["why"]:
            assert not_quote["text"] in results[not_quote["file"]].text, not_quote


# ---------------------------------------------------------------- idempotency

PIECES = st.sampled_from([
    "Get all your news in one place.", "Start reading", "Sign up to read this article",
    "Related Stories", "Our Picks", "Download the app", "World", "Daily Gazette",
    "By Ana Ruiz and Tom Berg", "Ana Ruiz & Tom Berg", "May 04, 2023", "date 2023-05-03",
    "Original url:", "<https://www.example.com/news/a-1>", "https://example.org/x",
    "Harbour Bridge Reopens After Repairs",
    "The mayor said on Monday that the bridge would reopen next week.",
    "\"It is safe,\" the engineer told reporters at the site on Tuesday morning.",
    "A crane lifts a beam (Photo/Agency)", "The quay at dawn **Jo Smith / Wire**",
    "🇺🇳 Boats crowd the harbour.", "It rained all day. pic.twitter.com/AbC123 — Name (@handle) May 3, 2023",
    "Related article: [Other story](#)", "Officials [said](#) it was late (LIVE, FOLLOW LIVE UPDATES).",
    "and then the work resumed", "# Heading Mark", "**bold words** in a line",
])
SEPARATORS = st.sampled_from(["\n", "\n\n", "\n\n\n", " \n \n", "\r\n"])
TEXTS = st.one_of(
    st.lists(st.tuples(PIECES, SEPARATORS), max_size=14).map(
        lambda items: "".join(piece + sep for piece, sep in items)
    ),
    st.text(alphabet=st.sampled_from(list("ab Cd.,:\n()*#[]\"'-/@&") + ["é", "🇺"]), max_size=200),
)


def _again(result: CleanResult) -> CleanResult:
    known = TextMetadata(result.title, result.outlet, result.url, result.authors, result.published)
    return clean_text(result.text, known)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_cleaning_is_idempotent(text):
    first = clean_text(text)
    second = _again(first)
    assert second.text == first.text
    assert second.removed == ()
    assert (second.title, second.outlet, second.url, second.authors, second.published) == (
        first.title, first.outlet, first.url, first.authors, first.published)


def test_seeds_are_idempotent(seeds):
    for _, result in seeds:
        assert _again(result).text == result.text


def test_html_date_comes_from_markup_not_from_copyright_years():
    html = (
        "<html><head><title>Ferry fares rise</title></head><body><article><h1>Ferry fares rise</h1>"
        "<p>Ferry fares between the two islands will rise by six percent from June, the operator "
        "said on Monday in a statement to passengers.</p></article>"
        "<footer><p>Copyright 2024 Island Post.</p></footer></body></html>"
    )
    result = clean_article(RawArticle("fares", "fares.html", html=html))
    assert result.published is None
    assert result.text.startswith("Ferry fares between the two islands")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400), st.booleans())
def test_cleaning_any_text_or_html_returns_or_says_why(text, as_html):
    raw = RawArticle("x", "x.txt", html=text) if as_html else RawArticle("x", "x.txt", text=text)
    try:
        result = clean_article(raw)
    except InputError as err:
        assert err.reason
        return
    assert result.text and result.text == result.text.strip()
