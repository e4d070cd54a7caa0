"""Acceptance on the real seed articles: the outcomes a reader expects, found by the method.

Nothing about this story is written into the code; these tests search the output for the
claims a careful reader finds in the five seed articles and check what the method says about
them. They need the quotes and entities stages.
"""

from __future__ import annotations

import re

import pytest

from counterpoint.claims import build_claims
from counterpoint.model import Claim
from counterpoint.nlp import parse
from tests.factories import make_article

quotes_mod = pytest.importorskip(
    "counterpoint.quotes", reason="the quotes stage (counterpoint.quotes) is not built yet"
)
entities_mod = pytest.importorskip(
    "counterpoint.entities", reason="the entities stage (counterpoint.entities) is not built yet"
)


_CACHE: dict[str, tuple] = {}


def run_seeds(seeds_dir, nlp, embedder):
    """The seeds through entities, quotes and claims, once per test session."""
    key = str(seeds_dir)
    if key not in _CACHE:
        _CACHE[key] = _run(seeds_dir, nlp, embedder)
    return _CACHE[key]


@pytest.fixture(scope="module")
def seeds(seeds_dir, nlp, embedder):
    return run_seeds(seeds_dir, nlp, embedder)


def _run(seeds_dir, nlp, embedder):
    paths = sorted(seeds_dir.glob("*.txt"))
    articles = [make_article(p.read_text("utf-8"), input_id=p.stem, outlet=p.stem) for p in paths]
    docs = dict(zip([a.id for a in articles], parse(nlp, [a.text for a in articles])))
    entities = entities_mod.resolve_entities(articles, docs)
    quotes = [q for a in articles for q in quotes_mod.extract_quotes(a, docs[a.id], entities)]
    claims, discrepancies = build_claims(articles, docs, entities, quotes, [], embedder)
    return articles, claims, discrepancies


def _claims_with(claims: tuple[Claim, ...], pattern: str) -> list[Claim]:
    rx = re.compile(pattern, re.IGNORECASE)
    return [c for c in claims if any(rx.search(r.text) for r in c.reports)]


def test_responsibility_of_the_accused_country_is_contested(seeds):
    _, claims, _ = seeds
    found = _claims_with(claims, r"nothing to do with the drone attacks")
    assert found, [c.text for c in claims]
    claim = found[0]
    assert claim.status == "contested"
    assert any(p.stance == "denies" for p in claim.positions)
    assert any(r.stance == "asserts" and re.search("attack|strike", r.text) for r in claim.reports)


def test_assassination_attempt_is_contested(seeds):
    _, claims, _ = seeds
    found = _claims_with(claims, r"assassinat|attempt on the life")
    contested = [c for c in found if c.status == "contested"]
    assert contested
    assert any(
        r.stance in ("disputes", "denies") and re.search("assassinat", r.text)
        for c in contested for r in c.reports
    )


def test_involvement_of_the_third_country_is_contested(seeds):
    _, claims, _ = seeds
    found = [c for c in _claims_with(claims, r"Washington|United States") if c.status == "contested"]
    assert found
    assert any(
        r.stance == "denies" and re.search("Washington|United States|US", r.text)
        for c in found for r in c.reports
    ) or any(r.stance == "asserts" for c in found for r in c.reports)


def test_staging_theory_rests_on_one_source(seeds):
    _, claims, _ = seeds
    found = _claims_with(claims, r"\bstaged\b")
    assert found and found[0].status == "single_source"


def test_whereabouts_at_the_time_are_consensus(seeds):
    _, claims, _ = seeds
    found = _claims_with(claims, r"was not in the Kremlin at the time")
    assert found and found[0].status == "consensus"
    assert found[0].independent_origins >= 2


def test_several_actors_say_it_cannot_be_verified(seeds):
    _, claims, _ = seeds
    cannot = [r for c in claims for r in c.reports if r.stance == "cannot_confirm"]
    assert len(cannot) >= 3
    assert len({r.article_id for r in cannot}) >= 2


def test_outlets_disagree_on_the_order_of_the_ban(seeds):
    articles, _, discrepancies = seeds
    texts = {a.id: a.text for a in articles}
    sequence = [d for d in discrepancies if d.kind == "sequence"]
    assert sequence
    sides = sequence[0].sides
    assert len({s.article_id for s in sides}) == 2
    assert {re.search(r"before|after", s.text, re.I).group(0).lower() for s in sides} == {
        "before", "after"
    }
    assert all(texts[s.article_id][s.start:s.end] == s.text for s in sides)


def test_some_outlets_state_the_attack_others_hedge(seeds):
    _, claims, _ = seeds
    lead = claims[0]
    assert lead.outlet_count == 5
    assert lead.outlets.own_voice and lead.outlets.hedged


def test_every_report_points_at_its_words(seeds):
    articles, claims, _ = seeds
    texts = {a.id: a.text for a in articles}
    for claim in claims:
        assert claim.reports
        for report in claim.reports:
            assert texts[report.article_id][report.start:report.end] == report.text
            assert all(0 <= i < len(claim.reports) for p in claim.positions for i in p.reports)


def test_pronoun_denial_reaches_the_involvement_claim(seeds):
    """'had nothing to do with this' names no event: it must land on the claim the article
    was discussing (the third country's role), asserted there by someone else."""
    _, claims, _ = seeds
    found = _claims_with(claims, r"nothing to do with this")
    assert len(found) == 1
    claim = found[0]
    denial = next(r for r in claim.reports if "nothing to do with this" in r.text)
    assert denial.stance == "denies"
    assert claim.status == "contested"
    backers = [r for r in claim.reports if r.stance == "asserts"]
    assert any(re.search(r"Washington|United States|\bUS\b", r.text) for r in backers)


def test_no_named_actor_is_the_dissent_against_a_claim_he_backs(seeds):
    """An actor never disputes his own claim: an adviser who says the accusation would give
    a pretext for strikes, and elsewhere that targeting the building made no sense, has said
    two things; the pretext claim is not contested by him."""
    _, claims, _ = seeds
    pretext = _claims_with(claims, r"justify massive strikes")
    assert pretext
    for claim in pretext:
        assert claim.status != "contested", [(r.stance, r.text) for r in claim.reports]
    for claim in claims:
        for pos in claim.positions:
            if pos.stance in ("asserts", "reports") and pos.entity_id is not None:
                backs = sum(len(p.reports) for p in claim.positions
                            if p.entity_id == pos.entity_id and p.stance in ("asserts", "reports"))
                dissents = sum(len(p.reports) for p in claim.positions
                               if p.entity_id == pos.entity_id and p.stance in ("denies", "disputes"))
                assert not (dissents and backs >= dissents), claim.text
