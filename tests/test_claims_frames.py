"""Proposition frames and the grouping rules built on them (hand-written sentences).

Each rule has a must-group and a must-not-group case; each test fails with its rule disabled.
"""

from __future__ import annotations

import numpy as np
import pytest

from counterpoint.claims.frames import (
    Proposition,
    country_key,
    load_frame_lexicon,
    proposition_of,
)
from counterpoint.claims.group import merge_same_propositions


@pytest.fixture(scope="module")
def lex():
    return load_frame_lexicon()


def _frame(nlp, text: str, lex, mentions=()) -> Proposition | None:
    doc = nlp(text)
    return proposition_of(doc[:], lex, mentions)


def test_a_capital_a_demonym_and_an_alias_stand_for_their_country(lex) -> None:
    assert country_key("Washington", lex) == country_key("the United States", lex)
    assert country_key("US", lex) == country_key("United States", lex)
    assert country_key("Norvanian", lex) == country_key("Norvania", lex)
    assert country_key("Norvania", lex) != country_key("Tarsia", lex)


def test_attempt_and_light_verbs_hand_on_the_predicate(nlp, lex) -> None:
    tried = _frame(nlp, "The Norvanian army attempted to hit the dam.", lex)
    made = _frame(nlp, "Norvania made an attempt to strike the dam.", lex,
                  [(0, 8, "Norvania")])
    assert tried is not None and made is not None
    assert tried.family == made.family == "act"
    assert tried.agents == made.agents == {country_key("Norvania", lex)}


def test_responsibility_and_its_denial_share_the_attack_frame(nlp, lex) -> None:
    behind = _frame(nlp, "The United States was behind the decision to strike the dam.", lex)
    denial = _frame(nlp, "Washington had nothing to do with this.", lex)
    assert behind is not None and denial is not None
    assert behind.family == denial.family == "act"
    assert behind.agents == denial.agents
    assert denial.negated and not behind.negated


def test_negation_of_a_coordinated_attack_verb_is_the_frames(nlp, lex) -> None:
    frame = _frame(nlp, "Norvania fights only at home and does not attack targets abroad.", lex,
                   [(0, 8, "Norvania")])
    assert frame is not None and frame.family == "act" and frame.negated


def test_an_evidence_verbs_negation_is_not_the_propositions(nlp, lex) -> None:
    frame = _frame(nlp, "The data do not support the version of an assassination attempt.", lex)
    assert frame is not None and frame.family == "kill" and not frame.negated


def test_a_person_in_a_prepositional_phrase_is_no_agent(nlp, lex) -> None:
    frame = _frame(nlp, "A terrorist act against President Karl Olsen is an attack on Tarsia.", lex)
    assert frame is None or not frame.agents


def _unit(angle: float) -> np.ndarray:
    return np.array([np.cos(angle), np.sin(angle)])


def test_same_family_and_agent_group_and_other_agents_do_not() -> None:
    vecs = np.stack([_unit(0.0), _unit(0.5), _unit(0.9)])  # cosines 0.88 / 0.62 / 0.92
    props = [
        Proposition("act", frozenset({"norvan"}), False, "strike"),
        Proposition("act", frozenset({"norvan"}), True, "nothing to do with"),
        Proposition("act", frozenset({"tarsia"}), False, "shell"),
    ]
    assert merge_same_propositions([[0], [1], [2]], props, vecs) == [[0, 1], [2]]


def test_same_family_other_family_does_not_group() -> None:
    vecs = np.stack([_unit(0.0), _unit(0.1)])
    props = [
        Proposition("act", frozenset({"norvan"}), False, "strike"),
        Proposition("stage", frozenset({"norvan"}), False, "stage"),
    ]
    assert merge_same_propositions([[0], [1]], props, vecs) == [[0], [1]]


def test_agentless_frames_need_closer_meaning() -> None:
    props = [
        Proposition("act", frozenset(), False, "hit"),
        Proposition("act", frozenset(), False, "attack"),
    ]
    far = np.stack([_unit(0.0), _unit(1.2)])  # cosine 0.36: same family, not enough
    near = np.stack([_unit(0.0), _unit(0.5)])  # cosine 0.88
    assert merge_same_propositions([[0], [1]], props, far) == [[0], [1]]
    assert merge_same_propositions([[0], [1]], props, near) == [[0, 1]]


def test_only_the_keyed_members_of_a_claim_about_something_else_move() -> None:
    vecs = np.stack([_unit(0.0), _unit(0.2), _unit(0.3), _unit(0.4), _unit(0.5)])
    strike = Proposition("act", frozenset({"norvan"}), False, "strike")
    props = [strike, strike, strike, None, None]
    # claim [2, 3, 4] is mostly about something else: only report 2 joins the strike claim
    assert merge_same_propositions([[0, 1], [2, 3, 4]], props, vecs) == [[0, 1, 2], [3, 4]]
    # a claim mostly made of the frame comes along whole
    props = [strike, strike, strike, strike, None]
    assert merge_same_propositions([[0, 1], [2, 3, 4]], props, vecs) == [[0, 1, 2, 3, 4]]


def test_a_bare_denial_needs_only_its_agent() -> None:
    vecs = np.stack([_unit(0.0), _unit(0.1), _unit(1.5)])  # the denial is far in meaning
    props = [
        Proposition("act", frozenset({"norvan"}), False, "strike"),
        Proposition("act", frozenset({"norvan"}), False, "hit"),
        Proposition("act", frozenset({"norvan"}), False, "involvement", bare=True),
    ]
    assert merge_same_propositions([[0, 1], [2]], props, vecs) == [[0, 1, 2]]
    props[2] = Proposition("act", frozenset({"norvan"}), False, "involvement")
    assert merge_same_propositions([[0, 1], [2]], props, vecs) == [[0, 1], [2]]


def test_a_state_body_stands_for_its_country(lex) -> None:
    assert country_key("the Norvanian government", lex) == country_key("Norvania", lex)
    assert country_key("Norvania's foreign ministry", lex) == country_key("Norvania", lex)
    assert country_key("Institute for the Study of War", lex) != country_key("Norvania", lex)


def test_dissimilar_members_with_one_agent_stay_apart() -> None:
    vecs = np.stack([_unit(0.0), _unit(1.4)])  # cosine 0.17
    props = [
        Proposition("act", frozenset({"norvan"}), False, "strike"),
        Proposition("act", frozenset({"norvan"}), False, "target"),
    ]
    assert merge_same_propositions([[0], [1]], props, vecs) == [[0], [1]]


ONE = (
    "Last night, the Norvanian army attempted to hit the Halden dam with two drones, the "
    "Interior Ministry said. Tarsian artillery shelled three border villages on Monday. "
    "By striking the dam, Norvania is acting as a terrorist state, said deputy Ole Lind."
)
TWO = (
    "\"Norvania has nothing to do with the drone attacks on the Halden dam,\" Foreign Minister "
    "Ada Berg said. The dam was not damaged, the Interior Ministry added."
)


def test_a_denial_joins_the_attack_and_rhetoric_stays_out(nlp, embedder) -> None:
    from counterpoint.claims import build_claims
    from counterpoint.nlp import parse
    from tests.claims_factories import attribution, entity
    from tests.factories import make_article

    one = make_article(ONE, input_id="one", outlet="One")
    two = make_article(TWO, input_id="two", outlet="Two")
    articles = [one, two]
    docs = dict(zip([a.id for a in articles], parse(nlp, [a.text for a in articles])))
    ministry = entity("Interior Ministry", "ORG", articles)
    norvania = entity("Norvania", "GPE", articles, "Norvanian")
    tarsia = entity("Tarsia", "GPE", articles, "Tarsian")
    berg = entity("Ada Berg", "PERSON", articles)
    lind = entity("Ole Lind", "PERSON", articles)
    dam = entity("Halden dam", "FAC", articles)
    quotes = [
        attribution(one, "Last night, the Norvanian army attempted to hit the Halden dam with two "
                    "drones", "said", "the Interior Ministry", ministry.id, ministry.name),
        attribution(one, "By striking the dam, Norvania is acting as a terrorist state", "said",
                    "Ole Lind", lind.id, lind.name),
        attribution(two, "Norvania has nothing to do with the drone attacks on the Halden dam",
                    "said", "Ada Berg", berg.id, berg.name, kind="direct"),
        attribution(two, "The dam was not damaged", "added", "the Interior Ministry",
                    ministry.id, ministry.name),
    ]
    claims, _ = build_claims(articles, docs, [ministry, norvania, tarsia, berg, lind, dam],
                             quotes, [], embedder)
    attack = next(c for c in claims if any("attempted to hit" in r.text for r in c.reports))
    denial = next(r for r in attack.reports if "nothing to do" in r.text)
    assert denial.stance == "denies" and attack.status == "contested"
    assert not any("shelled" in r.text for r in attack.reports)
    assert not any("terrorist state" in r.text for c in claims for r in c.reports)


def test_a_bare_denial_of_involvement_is_the_speakers(nlp, embedder) -> None:
    """"Norvania denied any involvement" (no clause of its own) joins the accusation that
    Norvania attacked, as Norvania's denial."""
    from counterpoint.claims import build_claims
    from counterpoint.nlp import parse
    from tests.claims_factories import entity
    from tests.factories import make_article

    one = make_article("The Norvanian army attempted to hit the Halden dam on Monday night, the "
                       "Interior Ministry said. Norvania denied any involvement.", input_id="one")
    two = make_article("Norvanian drones struck the Halden dam on Monday night.", input_id="two")
    articles = [one, two]
    docs = dict(zip([a.id for a in articles], parse(nlp, [a.text for a in articles])))
    ents = [entity("Norvania", "GPE", articles, "Norvanian"),
            entity("Interior Ministry", "ORG", articles), entity("Halden dam", "FAC", articles)]
    claims, _ = build_claims(articles, docs, ents, [], [], embedder)
    denial = next(c for c in claims if any(r.text == "any involvement" for r in c.reports))
    assert any("struck the Halden dam" in r.text for r in denial.reports)
    assert next(r for r in denial.reports if r.text == "any involvement").stance == "denies"
    assert denial.status == "contested"
