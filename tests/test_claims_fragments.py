"""Claim texts are clauses a reader can check: fragments join their claim or leave the list.

A hand-written story whose attributions we know exactly: a relative clause with no antecedent
in its report, an attribution cut inside a relative clause, a headline's "Name: gist" line and
a bare denied noun ("denied any involvement") whose agent is read from the speaker.
"""

from __future__ import annotations

import pytest

from counterpoint.claims import build_claims
from counterpoint.model import Claim
from counterpoint.nlp import parse
from tests.claims_factories import attribution, entity
from tests.factories import make_article

ALPHA = (
    "Norvania carried out the drone attack on the Halden power station, the Interior Ministry "
    "said on Wednesday. "
    "There was no independent confirmation of the attack, which Vessarian officials said "
    "happened overnight. "
    "The ministry added that it will take retaliatory measures against Norvania which, for its "
    "part, says it has nothing to do with the attack.\n"
    "Norvania: drones a Vessarian move to escalate\n"
    "However, the Norvanian government has denied any involvement in the attack."
)
BETA = (
    "The Interior Ministry accused Norvania of carrying out the drone attack on the Halden power "
    "station. Norvania carried out the drone attack on the Halden power station, the ministry "
    "said. Analyst Lise Dahl said the drones came from the north."
)


@pytest.fixture(scope="module")
def story(nlp, embedder):
    alpha = make_article(ALPHA, input_id="alpha", outlet="Alpha News")
    beta = make_article(BETA, input_id="beta", outlet="Beta Daily")
    articles = [alpha, beta]
    docs = dict(zip([a.id for a in articles], parse(nlp, [a.text for a in articles])))
    ministry = entity("Interior Ministry", "ORG", articles, "the ministry")
    norvania = entity("Norvania", "GPE", articles, "Norvanian")
    dahl = entity("Lise Dahl", "PERSON", articles)
    station = entity("Halden power station", "FAC", articles)
    entities = [ministry, norvania, dahl, station]
    quotes = [
        attribution(alpha, "Norvania carried out the drone attack on the Halden power station",
                    "said", "the Interior Ministry", ministry.id, ministry.name),
        attribution(alpha, "which Vessarian officials said happened overnight", "said",
                    "Vessarian officials"),
        attribution(alpha, "that it will take retaliatory measures against Norvania which, for "
                    "its part", "added", "The ministry", ministry.id, ministry.name),
        attribution(alpha, "any involvement in the attack", "denied",
                    "the Norvanian government"),
        attribution(beta, "Norvania of carrying out the drone attack on the Halden power station",
                    "accused", "The Interior Ministry", ministry.id, ministry.name),
        attribution(beta, "Norvania carried out the drone attack on the Halden power station",
                    "said", "the ministry", ministry.id, ministry.name),
        attribution(beta, "the drones came from the north", "said", "Lise Dahl", dahl.id,
                    dahl.name),
    ]
    # the factory names an unresolved speaker by its words; the quotes stage leaves it unnamed
    quotes = [q if q.speaker.entity_id else _unnamed(q) for q in quotes]
    claims, _ = build_claims(articles, docs, entities, quotes, [], embedder)
    return claims


def _unnamed(quote):
    from dataclasses import replace

    return replace(quote, speaker=replace(quote.speaker, name=None))


def _texts(claims: tuple[Claim, ...]) -> list[str]:
    return [c.text for c in claims]


def test_relative_clause_without_antecedent_is_not_a_claim(story):
    assert not any(c.text.lower().startswith(("which", "who")) for c in story), _texts(story)
    assert not any("happened overnight" in r.text and r.text.startswith("which")
                   for c in story for r in c.reports)


def test_attribution_cut_inside_a_relative_clause_ends_before_it(story):
    found = [r for c in story for r in c.reports if "retaliatory measures" in r.text]
    assert found, _texts(story)
    assert all(r.text.endswith("against Norvania") for r in found), [r.text for r in found]
    assert not any("for its part" in c.text for c in story)


def test_headline_name_colon_line_is_not_a_claim(story):
    assert not any("Vessarian move" in r.text for c in story for r in c.reports), _texts(story)


def test_denied_noun_joins_the_responsibility_claim_as_a_denial(story):
    assert not any(c.text.lower().startswith("any involvement") for c in story), _texts(story)
    holders = [c for c in story if any("any involvement" in r.text for r in c.reports)]
    assert len(holders) == 1
    claim = holders[0]
    assert any("carried out the drone attack" in r.text for r in claim.reports)
    denial = next(r for r in claim.reports if "any involvement" in r.text)
    assert denial.stance == "denies"
    assert claim.status == "contested"
