"""Claims on a hand-written three-outlet story whose attributions we know exactly."""

from __future__ import annotations

import pytest

from counterpoint.claims import build_claims
from counterpoint.model import Claim, Report
from counterpoint.nlp import parse
from tests.claims_factories import attribution, entity
from tests.factories import make_article

ALPHA = (
    "Drones struck the Halden power station late on Tuesday, cutting electricity to the city. "
    "The Interior Ministry said that Norvania carried out the drone attack on the Halden power "
    "station. Two drones were shot down over the river, the ministry added. "
    "Mayor Tom Reis called for a much stronger air defence around the city."
)
BETA = (
    "The Interior Ministry accused Norvania of carrying out the drone attack on the Halden power "
    "station. \"Norvania has nothing to do with the drone attack on the Halden power station,\" "
    "Norvanian Foreign Minister Ada Berg said. "
    "Police could not confirm that the drones came from Norvania. "
    "Two drones were shot down over the river, the ministry added."
)
GAMMA = (
    "The alleged drone attack on the Halden power station has left thousands without power. "
    "Norvania carried out the drone attack on the Halden power station, the Interior Ministry "
    "said. Analyst Lise Dahl questioned whether Norvania carried out the drone attack at all. "
    "This is an outrageous and shameful provocation, Reis said. "
    "Three drones were shot down over the river, the ministry added."
)


@pytest.fixture(scope="module")
def story(nlp, embedder):
    alpha = make_article(ALPHA, input_id="alpha", outlet="Alpha News")
    beta = make_article(BETA, input_id="beta", outlet="Beta Daily")
    gamma = make_article(GAMMA, input_id="gamma", outlet="Gamma Post")
    articles = [alpha, beta, gamma]
    docs = dict(zip([a.id for a in articles], parse(nlp, [a.text for a in articles])))
    ministry = entity("Interior Ministry", "ORG", articles, "the ministry")
    norvania = entity("Norvania", "GPE", articles, "Norvanian")
    berg = entity("Ada Berg", "PERSON", articles)
    reis = entity("Tom Reis", "PERSON", articles, "Reis")
    dahl = entity("Lise Dahl", "PERSON", articles)
    station = entity("Halden power station", "FAC", articles)
    entities = [ministry, norvania, berg, reis, dahl, station]
    quotes = [
        attribution(alpha, "Norvania carried out the drone attack on the Halden power station",
                    "said", "The Interior Ministry", ministry.id, ministry.name),
        attribution(alpha, "Two drones were shot down over the river", "added", "the ministry",
                    ministry.id, ministry.name),
        attribution(beta, "Norvania of carrying out the drone attack on the Halden power station",
                    "accused", "The Interior Ministry", ministry.id, ministry.name),
        attribution(beta, "Norvania has nothing to do with the drone attack on the Halden power "
                    "station", "said", "Ada Berg", berg.id, berg.name, kind="direct"),
        attribution(beta, "the drones came from Norvania", "could not confirm", "Police"),
        attribution(beta, "Two drones were shot down over the river", "added", "the ministry",
                    ministry.id, ministry.name),
        attribution(gamma, "Three drones were shot down over the river", "added", "the ministry",
                    ministry.id, ministry.name),
        attribution(gamma, "Norvania carried out the drone attack on the Halden power station",
                    "said", "the Interior Ministry", ministry.id, ministry.name),
        attribution(gamma, "whether Norvania carried out the drone attack at all", "questioned",
                    "Lise Dahl", dahl.id, dahl.name),
        attribution(gamma, "This is an outrageous and shameful provocation", "said", "Reis",
                    reis.id, reis.name),
    ]
    claims, discrepancies = build_claims(
        articles, docs, entities, quotes, [[alpha.id, beta.id]], embedder
    )
    return articles, quotes, entities, claims, discrepancies


def _claim_with(claims: tuple[Claim, ...], words: str) -> Claim:
    matching = [c for c in claims if any(words in r.text for r in c.reports)]
    assert matching, f"no claim has a report containing {words!r}: {[c.text for c in claims]}"
    return matching[0]


def _report(claim: Claim, words: str) -> Report:
    return next(r for r in claim.reports if words in r.text)


def test_every_report_is_the_exact_source_text(story):
    articles, _, _, claims, _ = story
    texts = {a.id: a.text for a in articles}
    for claim in claims:
        for report in claim.reports:
            assert report.text == texts[report.article_id][report.start:report.end]


def test_accusation_and_denial_are_one_contested_claim(story):
    _, _, _, claims, _ = story
    claim = _claim_with(claims, "nothing to do with")
    assert any("carried out the drone attack" in r.text for r in claim.reports)
    assert claim.status == "contested"
    assert _report(claim, "nothing to do with").stance == "denies"
    assert _report(claim, "Norvania carried out").stance == "asserts"
    by_actor = {(p.name, p.stance) for p in claim.positions}
    assert ("Ada Berg", "denies") in by_actor
    assert ("Interior Ministry", "asserts") in by_actor
    assert claim.why_grouped and all("similarity" in why for why in claim.why_grouped)


def test_doubt_cue_makes_a_dispute_and_cannot_confirm_is_kept(story):
    _, _, _, claims, _ = story
    dahl = [r for c in claims for r in c.reports if r.source and r.source.name == "Lise Dahl"]
    assert dahl and all(r.stance == "disputes" for r in dahl)
    police = [r for c in claims for r in c.reports if "came from Norvania" in r.text]
    assert police and police[0].stance == "cannot_confirm"


def test_attributed_reports_link_their_quote_and_source(story):
    _, quotes, _, claims, _ = story
    by_id = {q.id: q for q in quotes}
    attributed = [r for c in claims for r in c.reports if r.voice == "attributed"]
    assert attributed
    for report in attributed:
        quote = by_id[report.quote_id]
        assert quote.start <= report.start and report.end <= quote.end
        assert report.source is not None and report.source.name == quote.speaker.name


def test_calls_to_action_and_rhetoric_are_not_claims(story):
    _, _, _, claims, _ = story
    texts = " | ".join(r.text for c in claims for r in c.reports)
    assert "stronger air defence" not in texts
    assert "outrageous" not in texts


def test_own_voice_hedges_and_outlets(story):
    articles, _, _, claims, _ = story
    alpha, beta, gamma = (a.id for a in articles)
    event = _claim_with(claims, "Drones struck the Halden power station")
    own = _report(event, "Drones struck")
    assert own.voice == "own" and own.stance == "asserts" and own.quote_id is None
    alleged = [r for c in claims for r in c.reports if r.text.startswith("The alleged")]
    assert alleged and "alleged" in alleged[0].hedges and alleged[0].stance == "reports"
    claim = _claim_with(claims, "nothing to do with")
    assert beta in claim.outlets.attributed
    for ids in (claim.outlets.own_voice, claim.outlets.attributed, claim.outlets.omitting):
        assert set(ids) <= {alpha, beta, gamma}
    assert set(claim.outlets.omitting).isdisjoint({r.article_id for r in claim.reports})


def test_copies_count_as_one_origin(story):
    _, _, _, claims, _ = story
    claim = _claim_with(claims, "nothing to do with")
    assert claim.outlet_count == 3
    assert claim.independent_origins == 2


def test_copies_do_not_disagree_with_themselves(story):
    articles, _, _, _, discrepancies = story
    alpha, beta, _ = (a.id for a in articles)
    for disc in discrepancies:
        assert {s.article_id for s in disc.sides} != {alpha, beta}


def test_number_discrepancy_shows_both_sides(story):
    articles, _, _, _, discrepancies = story
    texts = {a.id: a.text for a in articles}
    numbers = [d for d in discrepancies if d.kind == "number"]
    assert numbers, discrepancies
    sides = numbers[0].sides
    assert {s.text.split()[0] for s in sides} == {"Two", "Three"}
    assert all(s.text == texts[s.article_id][s.start:s.end] for s in sides)


def test_claim_ids_are_stable_and_text_comes_from_sources(story):
    articles, _, _, claims, _ = story
    all_text = " ".join(a.text for a in articles).lower()
    assert len({c.id for c in claims}) == len(claims)
    for claim in claims:
        for word in claim.text.lower().split():
            assert word.strip(".,\"'") in all_text


def test_claims_do_not_depend_on_article_order(story, nlp, embedder):
    articles, quotes, entities, claims, _ = story
    reordered = list(reversed(articles))
    docs = dict(zip([a.id for a in reordered], parse(nlp, [a.text for a in reordered])))
    again, _ = build_claims(
        reordered, docs, entities, list(reversed(quotes)), [[articles[0].id, articles[1].id]],
        embedder,
    )
    assert {(c.id, c.status) for c in again} == {(c.id, c.status) for c in claims}


def test_empty_story_has_no_claims(embedder):
    assert build_claims([], {}, [], [], [], embedder) == ((), ())


def test_one_count_disagreement_under_two_verbs_is_shown_once(nlp, embedder):
    """"injured three workers" / "injuring two workers" and "the three injured workers were
    taken" / "Two workers were taken" are one disagreement about how many were hurt."""
    a = make_article(
        "A blast at the depot injured three workers on Monday. "
        "The three injured workers were taken to the city hospital.",
        input_id="a", outlet="Alpha",
    )
    b = make_article(
        "A fire tore through the depot on Monday, injuring two workers. "
        "Two workers were taken to the city hospital with burns.",
        input_id="b", outlet="Beta",
    )
    docs = dict(zip([a.id, b.id], parse(nlp, [a.text, b.text])))
    _, discrepancies = build_claims([a, b], docs, [], [], [], embedder)
    numbers = [d for d in discrepancies if d.kind == "number"]
    assert len(numbers) == 1, [d.description for d in numbers]
    assert "numbers of workers" in numbers[0].description
    assert {s.article_id for s in numbers[0].sides} == {a.id, b.id}
    assert len(numbers[0].sides) == 4


def test_a_claim_made_only_of_disputes_is_the_disputers_own_argument():
    """Nobody contests "targeting the capital made no sense": it is one actor's argument."""
    from counterpoint.claims.outlets import status_of
    from counterpoint.model import Source

    def report(article: str, stance: str) -> Report:
        return Report(article, 0, 5, "words", "attributed", None, Source("e_x", "X"), stance, ())

    assert status_of([report("a", "disputes")], {}) == "single_source"
    assert status_of([report("a", "disputes"), report("b", "disputes")], {}) == "consensus"
    assert status_of([report("a", "asserts"), report("b", "disputes")], {}) == "contested"
    assert status_of([report("a", "denies")], {}) == "contested"
