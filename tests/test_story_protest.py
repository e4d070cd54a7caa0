"""A second fresh fictional story (tests/fixtures/protest: three outlets on a banned march)
through the public API, for what a careful reader checks: who is speaking, in each outlet's
words, and where the outlets' figures disagree."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow
STORY = "protest"  # the ``story`` fixture (conftest.py) analyses tests/fixtures/protest


def _speaker(story, fragment):
    (quote,) = [q for q in story.quotes if fragment in q.text]
    return quote.speaker.name


@pytest.mark.parametrize(("fragment", "name"), [
    # a full name in apposition to a role, whatever the recogniser took it for, and her pronoun
    ("officers had acted only after", "Karin Holt"),
    ("Our officers showed great restraint", "Karin Holt"),
    # an organisation's name the recogniser cut short, and those who speak for it
    ("20,000 people took part", "Workers' Alliance"),
    ("entirely peaceful until police moved in", "Workers' Alliance"),
    # "Police said" names the police; prosecutors without a name stay unnamed
    ("about 5,000 people joined the march", "police"),
    ("15 people had been detained", None),
    # a surname alone, opening a sentence, that the story's other articles name in full
    ("the organisers would be held responsible", "Rolf Brandt"),
])
def test_each_statement_has_its_speaker(story, fragment, name):
    assert _speaker(story, fragment) == name


def test_police_speak_in_the_plural(story):
    told = [s.text for s in story.summary if s.text.startswith("Police")]
    assert told and all(t.startswith("Police say") for t in told)


def test_arrested_and_detained_counts_disagree(story):
    counts = [d for d in story.discrepancies if d.kind == "number" and "people" in d.description]
    texts = {a.id: a.text for a in story.articles}
    assert {texts[s.article_id][s.start:s.end] for d in counts for s in d.sides} == {"12 people", "15 people"}


def test_claims_leave_the_dateline_out(story):
    assert not any(c.text.startswith("MARLOW") for c in story.claims)
    assert not any("MARLOW, March 8" in s.text for s in story.summary)
