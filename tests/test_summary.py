"""The cited summary: every sentence is supported by the spans it cites."""

from __future__ import annotations

import re

import pytest

from counterpoint.model import Article, Claim, SummarySentence
from counterpoint.summary import MAX_SENTENCES, TEMPLATE_WORDS, summarize, summarize_with_discrepancies


def _unsupported(sentence: SummarySentence, articles: list[Article], claims: tuple[Claim, ...]) -> list[str]:
    """Content words of a sentence that are neither template words, names, nor in its citations."""
    texts = {a.id: a.text for a in articles}
    cited = " ".join(texts[c.article_id][c.start:c.end] for c in sentence.citations).lower()
    names = " ".join(
        [p.name for c in claims for p in c.positions] + [a.outlet or "" for a in articles]
    ).lower()
    missing = []
    for word in re.findall(r"[\w'’-]+", sentence.text.lower()):
        if word in TEMPLATE_WORDS or word.isdigit() or word in names.split():
            continue
        if word not in cited:
            missing.append(word)
    return missing


def _check(summary: tuple[SummarySentence, ...], articles: list[Article], claims) -> None:
    texts = {a.id: a.text for a in articles}
    assert summary
    for sentence in summary:
        assert sentence.citations, sentence.text
        for cite in sentence.citations:
            assert 0 <= cite.start < cite.end <= len(texts[cite.article_id])
        assert _unsupported(sentence, articles, claims) == [], sentence.text


def test_hand_story_summary_is_supported_and_attributes_disputes(request):
    story = request.getfixturevalue("story")
    articles, quotes, entities, claims, discrepancies = story
    summary = summarize(articles, claims, quotes, entities)
    assert 1 <= len(summary) <= MAX_SENTENCES
    _check(summary, articles, claims)
    contested = [s.text for s in summary if "deny it" in s.text or "denies it" in s.text]
    assert contested, [s.text for s in summary]
    assert "Interior Ministry says" in contested[0] and "Ada Berg" in contested[0]
    with_disc = summarize_with_discrepancies(articles, claims, quotes, entities, discrepancies)
    assert any(s.text.startswith("Outlets differ on the numbers") for s in with_disc)
    _check(with_disc, articles, claims)


def test_no_claims_no_summary():
    assert summarize([], [], [], []) == ()


@pytest.fixture(scope="module")
def story(nlp, embedder):
    from tests import test_claims

    return test_claims.story.__wrapped__(nlp, embedder)


def test_seed_summary_tells_five_to_ten_supported_sentences(request):
    pytest.importorskip("counterpoint.quotes", reason="the quotes stage is not built yet")
    from tests import test_claims_seeds

    seeds = request.getfixturevalue("seeds")
    articles, claims, discrepancies = seeds
    summary = summarize_with_discrepancies(articles, claims, [], [], discrepancies)
    assert 5 <= len(summary) <= MAX_SENTENCES
    _check(summary, articles, claims)
    for sentence in summary:
        claim_words = sentence.text.split(":", 1)[0]
        assert re.search(r"\b(says?|reports?|differ)\b", claim_words), sentence.text
    assert test_claims_seeds  # the fixture lives there


@pytest.fixture(scope="module")
def seeds(seeds_dir, nlp, embedder):
    from tests import test_claims_seeds

    return test_claims_seeds.run_seeds(seeds_dir, nlp, embedder)
