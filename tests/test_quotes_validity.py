"""Reporting words used in a way that reports nobody's statement give no attribution, while
the reporting uses of the same words still do."""

from __future__ import annotations

import pytest

from counterpoint.model import Quote
from counterpoint.quotes import extract_quotes
from counterpoint.quotes.validity import reports_a_statement
from tests.factories import make_article

pytestmark = pytest.mark.slow


def run(nlp, text: str) -> tuple[Quote, ...]:
    return extract_quotes(make_article(text), nlp(text))


def credited(text: str, quotes: tuple[Quote, ...]) -> list[tuple[str | None, str]]:
    """(speaker as written, content) of every attribution."""
    out = []
    for q in quotes:
        sp = q.speaker
        out.append((None if sp.start is None else text[sp.start : sp.end], q.text))
    return out


@pytest.mark.parametrize(
    ("text", "never"),
    [
        # a question put to the speaker: neither the asker's nor the addressee's statement
        ("Asked whether the council believed the mayor was a suspect, Ada Lind said that the "
         "inquiry was still open.", "the mayor was a suspect"),
        ("Asked whether the council believed the mayor was a suspect, Ada Lind said that the "
         "inquiry was still open.", "whether the council"),
        # the circumstances of speaking are not its topic
        ("A senior diplomat, speaking on condition of anonymity, said the talks had failed.",
         "condition of anonymity"),
        # what a negated cue left unsaid
        ("The minister did not explain why the port stayed open so long.", "why the port"),
        # a lone common noun after a neutral cue
        ("Lind said the workers just want answers.", "answers"),
        # perception of a scene
        ("In the video one could see a white object falling towards the roof and exploding.",
         "a white object falling"),
    ],
)
def test_non_reporting_uses_credit_nothing(nlp, text: str, never: str) -> None:
    found = credited(text, run(nlp, text))
    assert not [c for c in found if c[1].strip().startswith(never)], found


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("Asked about the fire, Ada Lind said the inquiry was still open.",
         "Ada Lind", "the inquiry was still open"),
        ("The minister went on television to defend the decision to close the port.",
         "The minister", "the decision to close the port"),
        ("She saw that the plan had failed, the mayor told reporters.", "the mayor",
         "She saw that the plan had failed"),
        ("A senior diplomat, speaking on condition of anonymity, said the talks had failed.",
         "A senior diplomat", "the talks had failed"),
        ("The ministry denied it on Tuesday.", "The ministry", "it"),
    ],
)
def test_reporting_uses_of_the_same_words_still_count(
    nlp, text: str, speaker: str, content: str
) -> None:
    found = credited(text, run(nlp, text))
    assert any(sp == speaker and content in body for sp, body in found), found


def test_the_plain_sense_of_a_complement_verb_credits_nothing(nlp) -> None:
    text = "According to the governor, Norland lacks the ships to defend its own coast."
    found = credited(text, run(nlp, text))
    assert found == [("the governor", "Norland lacks the ships to defend its own coast")]


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        ("Lind sees that the closure was a mistake.", True),
        ("Lind sees the closure as a mistake.", True),
        ("From the quay one could see a crane falling into the water.", False),
    ],
)
def test_perception_verbs_report_a_view_not_a_scene(nlp, text: str, reports: bool) -> None:
    doc = nlp(text)
    (verb,) = [t for t in doc if t.lemma_ == "see"]
    assert reports_a_statement(doc, verb.i, "see") is reports


def test_a_condition_is_nobodys_statement(nlp) -> None:
    text = "If the minister said the port was safe, she was wrong, the report found."
    found = credited(text, run(nlp, text))
    assert not [c for c in found if c[0] == "the minister"], found
    assert ("the report", "If the minister said the port was safe, she was wrong") in found


def test_an_infinitive_after_an_object_names_its_task_not_a_statement(nlp) -> None:
    text = "The mayor urged the minister to deny the reports, Lind said."
    found = credited(text, run(nlp, text))
    assert not [c for c in found if c[1].strip() == "the reports"], found


def test_a_fragment_left_by_a_broken_parse_is_not_content(nlp) -> None:
    text = ("The ministry vowed retaliatory measures against the city which, for its part, "
            "it claims instead has “nothing to do” with the raid.")
    assert not [c for c in credited(text, run(nlp, text)) if c[1].strip() == "instead has"]


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        # an armed attack on a place, or by a country on a thing, reports no words
        ("By attacking the port of Odessa, Moldova is acting as an aggressor, said Senator Ivo Marin.", False),
        ("Russia attacked oil depots near the border, the ministry said.", False),
        # criticism of a person, or of a thing "as" or "for" something, does
        ("The senator attacked the governor of Texas.", True),
        ("Ms. Brent attacked the harbour plan as a waste of money.", True),
    ],
)
def test_attack_on_a_place_is_a_strike_not_a_statement(nlp, text: str, reports: bool) -> None:
    doc = nlp(text)
    (verb,) = [t for t in doc if t.lemma_ == "attack"]
    assert reports_a_statement(doc, verb.i, "attack") is reports
    credited_to_attacker = [c for c in credited(text, run(nlp, text)) if c[1].startswith(("the port", "oil depots", "the governor", "the harbour"))]
    assert bool(credited_to_attacker) is reports, credited_to_attacker


@pytest.fixture(scope="module")
def seed_quotes(nlp, seeds_dir) -> list[tuple[str, Quote]]:
    """(article text, attribution) over the seeds, read and cleaned by the real stages."""
    from counterpoint.clean import clean_article
    from counterpoint.ingest import read_inputs

    raws, _ = read_inputs([seeds_dir])
    out = []
    for raw in raws:
        article = make_article(clean_article(raw).text, input_id=raw.input_id)
        out += [(article.text, q) for q in extract_quotes(article, nlp(article.text))]
    return out


@pytest.mark.parametrize(
    "content",
    [
        "Putin was a lawful target",  # asked of the press secretary, asserted by nobody
        "whether the US believed",  # the question, credited to the one it was put to
        "its own territories",  # "weapons to defend its own territories"
        "a white object falling",  # what a video shows
    ],
)
def test_seed_non_statements_are_not_attributed(seed_quotes, content: str) -> None:
    assert not [q.text for _, q in seed_quotes if q.text.strip().startswith(content)]


def test_seed_short_attributions_are_whole_objects(seed_quotes) -> None:
    """Short unquoted contents are what was denied or refuted ("the claims"), never a scrap
    such as "instead has" left by a broken parse."""
    short = sorted(q.text for _, q in seed_quotes if not q.quoted and len(q.text.split()) <= 2)
    assert "instead has" not in short
    assert all(text.split()[0].lower() in ("the", "these", "those", "their", "its", "his", "her")
               for text in short), short


def test_a_role_noun_may_point_ahead_to_the_one_person_holding_that_role(nlp) -> None:
    text = ("The port will stay closed, his spokesman said Thursday.\n\n"
            "Harbour spokesman Jon Ek told reporters the cranes were safe.")
    (first, _) = run(nlp, text)
    assert first.speaker.name == "Jon Ek"
    assert text[first.speaker.start : first.speaker.end] == "his spokesman"


def test_a_role_noun_stays_unnamed_when_two_people_hold_that_role(nlp) -> None:
    text = ("The port will stay closed, his spokesman said Thursday.\n\n"
            "Harbour spokesman Jon Ek said the cranes were safe. City spokeswoman Maria Holm "
            "disagreed, and the city's spokesman, Anders Berg, left.")
    first = run(nlp, text)[0]
    assert first.speaker.name is None and first.speaker.entity_id is None


def test_a_possessive_owner_is_not_the_speaker(nlp) -> None:
    """"Norland's foreign ministry said" is the ministry speaking, not the country."""
    from counterpoint.model import Entity, Mention

    text = "Norland's foreign ministry said the talks had failed. Norland wants new talks."
    article = make_article(text)
    norland = Entity("e_norland", "Norland", "GPE", ("Norland",), tuple(
        Mention(article.id, i, i + len("Norland"))
        for i in (0, text.index("Norland wants"))
    ))
    (quote,) = extract_quotes(article, nlp(text), [norland])
    assert quote.speaker.entity_id is None
    assert quote.speaker.name == "Norland's foreign ministry"
