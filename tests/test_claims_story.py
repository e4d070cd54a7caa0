"""A fresh fictional story (tests/fixtures/dam: four outlets on a dam breach one country blames
on the other's saboteurs) run through the public API: the contested claim gathers the
accusers, the deniers and the outlet that states it in its own voice, the bare event stays
apart from it, and the death tolls the outlets give are a discrepancy. Written so that the
claims stage is checked on words it was not tuned on."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow
STORY = "dam"  # the ``story`` fixture (conftest.py) analyses tests/fixtures/dam


def _title(story, article_id):
    return next(a.title for a in story.articles if a.id == article_id)


def _blame(story):
    return next(c for c in story.claims if any("explosives planted by saboteurs" in r.text for r in c.reports))


def test_the_blame_claim_gathers_accusers_and_deniers(story):
    claim = _blame(story)
    asserts = {p.name for p in claim.positions if p.stance == "asserts"}
    denies = {p.name for p in claim.positions if p.stance == "denies"}
    assert {"Petr Halas", "Kerenia's government"} <= asserts
    assert {"Lena Borovska", "Ivo Darek", "Dravia's foreign ministry"} <= denies
    assert claim.status == "contested"


def test_the_outlet_that_states_the_blame_in_its_own_voice_is_named(story):
    claim = _blame(story)
    assert [_title(story, a) for a in claim.outlets.own_voice] == ["DRAVIAN SABOTEURS BLEW UP OUR DAM"]


def test_the_bare_event_is_not_the_blame(story):
    claim = _blame(story)
    assert not any("gave way" in r.text for r in claim.reports)
    event = next(c for c in story.claims if any("gave way" in r.text for r in c.reports))
    assert not any(p.stance == "denies" for p in event.positions)


def test_the_death_tolls_disagree(story):
    numbers = [d for d in story.discrepancies if d.kind == "number"]
    tolls = [d for d in numbers if "people" in d.description]
    assert tolls, [d.description for d in story.discrepancies]
    texts = {a.id: a.text for a in story.articles}
    told = {texts[s.article_id][s.start:s.end].lower() for s in tolls[0].sides}
    assert told == {"three people", "two people"}


def test_a_figure_not_confirmed_leaves_the_toll_unverified(story):
    claim = next(c for c in story.claims if any(r.text == "three people had died" for r in c.reports))
    assert {p.stance for p in claim.positions} == {"asserts", "cannot_confirm"}
    assert claim.status == "unverified"


def test_friday_in_the_gazette_is_its_own_date(story):
    # the gazette gives its date on an "Outlet, date" line; "on Friday" is that Friday
    entry = next(e for e in story.timeline if e.text.startswith("Dravia on Friday rejected"))
    assert entry.start.startswith("2025-06-13")
