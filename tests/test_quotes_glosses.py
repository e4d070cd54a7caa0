"""A denial given in a relative clause ("a charge Vessaria denied") reaches the claims: the
denier stands beside the accuser on the claim, from parse to positions, with nothing built by hand."""

from __future__ import annotations

import pytest

from counterpoint.claims import build_claims
from counterpoint.entities import resolve_entities
from counterpoint.nlp import parse
from counterpoint.quotes import extract_quotes
from tests.factories import make_article

TEXTS = (
    "Shelling hits Portvik harbour\n\n"
    "PORTVIK, May 4 - Shells struck the harbour in Portvik overnight, officials said on Thursday.\n\n"
    "The Norland government accused Vessaria of shelling the harbour from across the river, a charge "
    "the Vessarian foreign ministry denied.",
    "Norland blames Vessaria for harbour shelling\n\n"
    "The government of Norland said on Thursday that Vessaria had shelled the harbour from across "
    "the river, which Vessaria denied on Friday.\n\n"
    "The harbour master said the port was closed.",
)


@pytest.fixture(scope="module")
def story(nlp, embedder):
    articles = [make_article(text, input_id=f"a{n}", outlet=f"Outlet {n}") for n, text in enumerate(TEXTS)]
    docs = dict(zip([a.id for a in articles], parse(nlp, [a.text for a in articles])))
    entities = resolve_entities(articles, docs)
    quotes = [q for a in articles for q in extract_quotes(a, docs[a.id], entities)]
    claims, _ = build_claims(articles, docs, entities, quotes, [], embedder)
    return articles, quotes, claims


def test_the_gloss_denial_shares_the_accusation_words(story):
    articles, quotes, _ = story
    text = articles[0].text
    pair = [q for q in quotes if q.article_id == articles[0].id and q.text.startswith("Vessaria of shelling")]
    assert [(q.cue.stance, text[q.speaker.start:q.speaker.end]) for q in pair] == [
        ("assertive", "The Norland government"), ("denial", "the Vessarian foreign ministry")]


def test_a_dateline_is_not_the_speaker(story):
    articles, quotes, _ = story
    q = next(q for q in quotes if "Shells struck" in q.text)
    assert q.text == "Shells struck the harbour in Portvik overnight"
    assert articles[0].text[q.speaker.start:q.speaker.end] == "officials"


def test_the_denier_takes_a_position_on_the_claim(story):
    _, _, claims = story
    deniers = {p.name for c in claims for p in c.positions if p.stance == "denies"}
    accusers = {p.name for c in claims for p in c.positions if p.stance == "asserts"
                and any("shell" in r.text for r in c.reports)}
    assert "Norland government" in accusers
    assert "Vessarian foreign ministry" in deniers and "Vessaria" in deniers
