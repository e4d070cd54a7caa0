"""The data model: stable ids and a lossless JSON round trip."""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from counterpoint.model import (
    Cue, Entity, Framing, Mention, NamingForms, Quote, Removed, Speaker, Story,
    TimeExpression, from_json, make_id, to_json,
)
from tests.factories import make_article


def test_make_id_is_stable_and_content_derived() -> None:
    assert make_id("a", "x", 1) == make_id("a", "x", 1)
    assert make_id("a", "x", 1) != make_id("a", "x", 2)
    assert make_id("a", "ab", "c") != make_id("a", "a", "bc")


def test_story_round_trips_through_json() -> None:
    article = dataclasses.replace(
        make_article("Officials said the bridge closed."),
        removed=(Removed("Sign up now", "aggregator chrome"),),
        time_expressions=(TimeExpression(0, 9, "Officials", "DATE", "2024-03-14", "published"),),
    )
    quote = Quote("q_1", article.id, 0, 9, "Officials", ((0, 9),), "direct",
                  Cue(10, 14, "said", "neutral"), Speaker(0, 9, "e_1", "Officials"))
    story = Story(
        id="s_1", title="Bridge", articles=(article,), quotes=(quote,),
        entities=(Entity("e_1", "Officials", "ORG", ("Officials",), (Mention(article.id, 0, 9),)),),
        framing=(Framing(article.id, naming=(NamingForms("e_1", {"Officials": 1}),)),),
        copies=((article.id, "a_other"),),
    )
    assert from_json(Story, to_json(story)) == story


@given(st.text(max_size=200), st.text(max_size=20))
def test_article_ids_depend_only_on_content(text: str, input_id: str) -> None:
    assert make_article(text, input_id=input_id).id == make_article(text, input_id=input_id).id
