"""Story grouping: same event together, other events apart, order does not matter."""

from __future__ import annotations

import pytest

from counterpoint.stories import group_stories, story_text
from tests.factories import make_article

FLOOD = [
    "Floodwater swept through the river town of Marlow overnight, forcing hundreds of residents "
    "from their homes as the river burst its banks after days of rain.",
    "Hundreds evacuated in Marlow as river bursts banks. Rescue crews used boats to reach "
    "residents trapped by floodwater after heavy rain.",
    "Heavy rain caused the river at Marlow to overflow; emergency services evacuated homes and "
    "opened shelters for people displaced by the flood.",
]
CHESS = [
    "The chess championship in Oslo ended in a draw after six hours, leaving the title to be "
    "decided in rapid tiebreaks on Sunday.",
    "Oslo title match drawn: the two grandmasters will play rapid tiebreak games on Sunday to "
    "decide who becomes world chess champion.",
]


@pytest.mark.slow
def test_articles_on_one_event_form_one_story(embedder) -> None:
    arts = [make_article(t, input_id=f"f{i}") for i, t in enumerate(FLOOD)] + [
        make_article(t, input_id=f"c{i}") for i, t in enumerate(CHESS)]
    vectors = dict(zip([a.id for a in arts], embedder.encode([story_text(a) for a in arts])))
    groups = group_stories(arts, vectors)
    expected = {frozenset(a.id for a in arts[:3]), frozenset(a.id for a in arts[3:])}
    assert {frozenset(g) for g in groups} == expected
    assert group_stories(list(reversed(arts)), vectors) == groups


@pytest.mark.slow
def test_copies_always_share_a_story(embedder) -> None:
    arts = [make_article(FLOOD[0], input_id="x"), make_article(CHESS[0], input_id="y")]
    vectors = dict(zip([a.id for a in arts], embedder.encode([story_text(a) for a in arts])))
    assert len(group_stories(arts, vectors)) == 2
    forced = group_stories(arts, vectors, copies=[(arts[0].id, arts[1].id)])
    assert len(forced) == 1
