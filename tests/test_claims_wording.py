"""Clean claim wording and the denials that must reach the claim they deny."""

from __future__ import annotations

import pytest

from counterpoint.claims import build_claims
from counterpoint.claims.lexicon import load_lexicon
from counterpoint.claims.wording import clean_span, control_verb_start, tidy_claim_text
from counterpoint.nlp import parse
from counterpoint.summary import summarize
from tests.claims_factories import attribution, entity
from tests.factories import make_article


def _clean(nlp, text: str, part: str) -> str:
    doc = nlp(text)
    start = text.index(part)
    s, e = clean_span(doc, start, start + len(part), load_lexicon().reporting_verbs)
    return text[s:e]


def test_attribution_tail_is_cut_from_a_report(nlp):
    text = "Two workers were taken to hospital with burns, he said, and nobody died."
    part = "Two workers were taken to hospital with burns, he said"
    assert _clean(nlp, text, part) == "Two workers were taken to hospital with burns"


def test_quoted_tail_with_a_named_speaker_is_cut(nlp):
    text = "«Vessaria had nothing to do with the fire,» the ministry said in a statement."
    part = "Vessaria had nothing to do with the fire,» the ministry said in a statement."
    assert _clean(nlp, text, part) == "Vessaria had nothing to do with the fire"


def test_dateline_is_cut(nlp):
    text = "LAKEPORT, Norland (Wire) — A fire tore through a grain terminal in the city overnight."
    assert _clean(nlp, text, text).startswith("A fire tore through")


def test_a_that_clause_is_not_mistaken_for_a_tail(nlp):
    text = "The minister said the drone was launched from the border region near the river."
    part = "the drone was launched from the border region near the river."
    assert _clean(nlp, text, part).startswith("the drone was launched from the border region")


def test_object_control_fragment_finds_its_verb(nlp):
    text = "Russia accused Ukraine of attempting to attack the Kremlin with two drones."
    doc = nlp(text)
    start = text.index("Ukraine of")
    assert control_verb_start(doc, start, len(text) - 1) == text.index("accused")
    full = text.index("Ukraine")
    said = "Officials said Ukraine attacked the Kremlin with two drones."
    assert control_verb_start(nlp(said), said.index("Ukraine"), len(said) - 1) is None
    assert full == start


def test_claim_text_only_removes_characters():
    raw = "🇷🇺 Vessaria had “nothing to do with” the fire (Photo: Wire)"
    tidy = tidy_claim_text(raw)
    assert tidy == "Vessaria had nothing to do with the fire"
    assert all(word in raw for word in tidy.split())


ONE = (
    "Officials in Norvania said that Ostland attacked the Halden power station on Tuesday. "
    "Ostland accused Norvania of staging the attack on the Halden power station."
)
TWO = (
    "Ostland attacked the Halden power station with drones, the Norvanian government said. "
    "Norvania denied staging anything. "
    "The Ostland foreign ministry said that Ostland had nothing to do with this. "
    "\"If Norvania has the drone fragments, let it show them,\" the ministry said."
)
THREE = (
    "Norvania has the drone fragments, the Norvanian defence minister said on Wednesday. "
    "Ostland attacked the Halden power station, the Norvanian army said."
)


@pytest.fixture(scope="module")
def story(nlp, embedder):
    arts = [
        make_article(ONE, input_id="one", outlet="One"),
        make_article(TWO, input_id="two", outlet="Two"),
        make_article(THREE, input_id="three", outlet="Three"),
    ]
    one, two, three = arts
    docs = dict(zip([a.id for a in arts], parse(nlp, [a.text for a in arts])))
    ostland = entity("Ostland", "GPE", arts)
    norvania = entity("Norvania", "GPE", arts, "Norvanian")
    quotes = [
        attribution(one, "Ostland attacked the Halden power station on Tuesday", "said",
                    "Officials in Norvania"),
        attribution(one, "Norvania of staging the attack on the Halden power station",
                    "accused", "Ostland", ostland.id, ostland.name),
        attribution(two, "Ostland attacked the Halden power station with drones", "said",
                    "the Norvanian government", norvania.id, norvania.name),
        attribution(two, "Ostland had nothing to do with this", "said",
                    "The Ostland foreign ministry", ostland.id, ostland.name),
        attribution(two, "If Norvania has the drone fragments, let it show them", "said",
                    "the ministry", ostland.id, ostland.name, kind="direct"),
        attribution(three, "Norvania has the drone fragments", "said",
                    "the Norvanian defence minister", norvania.id, norvania.name),
        attribution(three, "Ostland attacked the Halden power station", "said",
                    "the Norvanian army", norvania.id, norvania.name),
    ]
    claims, _ = build_claims(arts, docs, [ostland, norvania], quotes, [], embedder)
    return arts, claims, quotes, [ostland, norvania]


def _claim_with(claims, words: str):
    return next(c for c in claims if any(words in r.text for r in c.reports))


def test_pronoun_denial_joins_the_claim_it_denies(story):
    _, claims, _, _ = story
    claim = _claim_with(claims, "nothing to do with this")
    assert any("attacked the Halden power station" in r.text for r in claim.reports)
    denial = next(r for r in claim.reports if "nothing to do with this" in r.text)
    assert denial.stance == "denies"
    assert claim.status == "contested"


def test_a_dare_disputes_its_condition(story):
    _, claims, _, _ = story
    claim = _claim_with(claims, "Norvania has the drone fragments")
    dare = [r for r in claim.reports if r.stance == "disputes"]
    assert dare and all(r.text == "Norvania has the drone fragments" for r in dare)
    assert claim.status == "contested"


def test_fragment_claim_keeps_its_verb_and_summary_is_grammatical(story):
    arts, claims, quotes, entities = story
    claim = _claim_with(claims, "Norvania of staging")
    assert not claim.text.startswith("Norvania of")
    if len(claim.reports) == 1:
        assert claim.text.startswith("accused Norvania of staging")
    summary = summarize(arts, claims, quotes, entities)
    assert not any(" of staging" in s.text and ": Norvania of" in s.text for s in summary)
    assert all(not s.text.startswith(("“", "\"")) for s in summary)


def test_hedge_words_used_as_verbs_stay_in_the_claim_text() -> None:
    """Dropping "alleged" from "what X alleged was a strike" would assert the claim as
    X's fact ("what X was a strike"): only the adjective and adverb hedges go."""
    from counterpoint.claims.build import STRIP_HEDGES

    # the summary keeps its own hedge pattern (tests/test_summary.py covers it)
    for pattern in (STRIP_HEDGES,):
        assert pattern.sub("", "in what the council alleged was arson") == (
            "in what the council alleged was arson")
        assert pattern.sub("", "the alleged arson was reportedly planned") == (
            "the arson was planned")
