"""Time expressions: the everyday news cases, with a fixed publication date."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counterpoint.timex import find_time_expressions

PUBLISHED = dt.date(2023, 5, 4)  # a Thursday


def only(text: str, anchor: dt.date | None = PUBLISHED, **kwargs: object):
    """The single expression found in ``text``."""
    found = find_time_expressions(text, anchor, **kwargs)  # type: ignore[arg-type]
    assert len(found) == 1, [(e.text, e.value) for e in found]
    return found[0]


def find(text: str, phrase: str, anchor: dt.date | None = PUBLISHED):
    """The expression whose text is ``phrase``."""
    found = find_time_expressions(text, anchor)
    match = [e for e in found if e.text == phrase]
    assert match, [(e.text, e.value) for e in found]
    return match[0]


@pytest.mark.parametrize(
    ("text", "phrase", "kind", "value"),
    [
        ("Officials said the drones were shot down on Thursday.", "Thursday", "DATE", "2023-05-04"),
        ("The ministers met on Monday to discuss it.", "Monday", "DATE", "2023-05-01"),
        ("The two leaders will meet on Friday.", "Friday", "DATE", "2023-05-05"),
        ("Explosions were heard on Wednesday night.", "Wednesday night", "TIME", "2023-05-03TNI"),
        (
            "Drones attacked in the night between Tuesday and Wednesday.",
            "the night between Tuesday and Wednesday",
            "TIME",
            "2023-05-02TNI",
        ),
        (
            "In the night between 2 and 3 May, drones flew.",
            "the night between 2 and 3 May",
            "TIME",
            "2023-05-02TNI",
        ),
        (
            "Russian officials said the attack happened overnight.",
            "overnight",
            "TIME",
            "2023-05-03TNI",
        ),
        (
            "Residents heard bangs at around 2:30 a.m. local time.",
            "around 2:30 a.m. local time",
            "TIME",
            "2023-05-04T02:30",
        ),
        ("It happened last week.", "last week", "DATE", "2023-W17"),
        ("He spoke yesterday.", "yesterday", "DATE", "2023-05-03"),
        ("She speaks today.", "today", "DATE", "2023-05-04"),
        ("The mayor spoke this morning.", "this morning", "TIME", "2023-05-04TMO"),
        ("Prices rose earlier this month.", "earlier this month", "DATE", "2023-05"),
        ("Sales fell last year.", "last year", "DATE", "2022"),
        ("He left two days ago.", "two days ago", "DATE", "2023-05-02"),
        ("The fire burned for three hours.", "three hours", "DURATION", "PT3H"),
        ("Sirens sound every night.", "every night", "SET", "XXXX-XX-XXTNI"),
        ("The paper appears daily.", "daily", "SET", "P1D"),
        ("Published May 04, 2023 by staff.", "May 04, 2023", "DATE", "2023-05-04"),
        ("Updated 2023-05-03 at noon.", "2023-05-03", "DATE", "2023-05-03"),
        ("On May 3 at night, drones struck.", "May 3 at night", "TIME", "2023-05-03TNI"),
        ("Drones were shot down last night.", "last night", "TIME", "2023-05-03TNI"),
        ("Drones were shot down in the night.", "the night", "TIME", "2023-05-03TNI"),
        ("Videos surfaced later in the day.", "later in the day", "DATE", "2023-05-04"),
        ("The talks lasted a week.", "a week", "DURATION", "P1W"),
        ("The plant closed in the 1990s.", "the 1990s", "DATE", "199"),
        ("The law passed in March 1998.", "March 1998", "DATE", "1998-03"),
        ("Profits rose in the third quarter.", "the third quarter", "DATE", "2022-Q3"),
        ("They met last Friday.", "last Friday", "DATE", "2023-04-28"),
        ("The vote is next month.", "next month", "DATE", "2023-06"),
        ("Celebrations are planned for Christmas.", "Christmas", "DATE", "2023-12-25"),
        ("Markets were calm at 14:30 GMT.", "14:30 GMT", "TIME", "2023-05-04T14:30"),
        ("The plan saves $5 million a year.", "a year", "SET", "P1Y"),
        ("They must leave within a week.", "a week", "DURATION", "P1W"),
        ("He is now in Paris.", "now", "DATE", "PRESENT_REF"),
        ("They met recently.", "recently", "DATE", "PAST_REF"),
    ],
)
def test_everyday_expressions(text: str, phrase: str, kind: str, value: str) -> None:
    expr = find(text, phrase)
    assert (expr.type, expr.value) == (kind, value)
    assert text[expr.start : expr.end] == phrase


@pytest.mark.parametrize(
    "text",
    [
        "Vessaria Today will continue to follow the story.",
        "The interview ran in USA Today on Monday.",
        "Speaking on Russia Today, the envoy said little.",
    ],
)
def test_today_ending_a_title_is_not_a_day(text: str) -> None:
    assert not [e for e in find_time_expressions(text, PUBLISHED) if "Today" in e.text]


@pytest.mark.parametrize("text", ["Today, the mayor spoke.", "But Today matters.",
                                  "She said: Today we rebuild."])
def test_capitalised_today_opening_a_sentence_is_a_day(text: str) -> None:
    (expr,) = [e for e in find_time_expressions(text, PUBLISHED) if e.text == "Today"]
    assert expr.value == "2023-05-04"


def test_eve_of_a_dated_event_is_the_day_before_and_the_date_stays() -> None:
    text = "It was carried out on the eve of the parade on May 9, officials said."
    found = find_time_expressions(text, PUBLISHED)
    assert [(e.text, e.value) for e in found] == [
        ("the eve of the parade", "2023-05-08"),
        ("May 9", "2023-05-09"),
    ]


def test_clock_time_takes_the_date_of_its_sentence() -> None:
    text = "On Tuesday, the sirens went off at 11 p.m. and stopped later."
    assert find(text, "11 p.m.").value == "2023-05-02T23:00"


def test_early_morning_time_after_a_night_falls_on_the_next_day() -> None:
    text = "During Tuesday night, shortly after 3 a.m., the sound was heard."
    assert find(text, "3 a.m.").value == "2023-05-03T03:00"


def test_month_day_without_year_prefers_the_nearest_occurrence() -> None:
    assert only("The deal was signed on Dec. 15.").value == "2022-12-15"
    assert only("Elections will be held on June 1.").value == "2023-06-01"
    assert only("The parade on May 9 goes ahead.").value == "2023-05-09"


def test_weekday_and_tense_on_publication_day() -> None:
    assert only("He will speak on Thursday.").value == "2023-05-04"
    assert only("He spoke on Thursday.").value == "2023-05-04"


def test_absolute_dates_do_not_need_an_anchor() -> None:
    expr = only("Signed on May 3, 2023.", anchor=None)
    assert (expr.value, expr.anchor) == ("2023-05-03", "absolute")


def test_without_anchor_relative_values_keep_placeholders() -> None:
    assert only("He spoke yesterday.", anchor=None).value == "XXXX-XX-XX"
    assert only("He spoke yesterday.", anchor=None).anchor == "story"
    assert only("It happened last week.", anchor=None).value == "XXXX-WXX"
    assert only("It was May 9.", anchor=None).value == "XXXX-05-09"
    assert only("at 2:30 a.m.", anchor=None).value == "XXXX-XX-XXT02:30"


def test_anchor_kind_is_reported() -> None:
    expr = only("He spoke yesterday.", anchor_kind="story")
    assert (expr.value, expr.anchor) == ("2023-05-03", "story")
    assert only("He spoke yesterday.").anchor == "published"
    assert only("It lasted three hours.").anchor == "absolute"


@pytest.mark.parametrize(
    "text",
    [
        "He may come back soon if asked.",
        "Thousands march through the city.",
        "Footage shows the moment a drone hit the roof.",
        "Some 2,000 people and 1500 troops were there.",
        "The central bank cut its overnight rate.",
        "She won a second term.",
        "They earned 25.5 percent more.",
        "Room 1204 is on the left.",
    ],
)
def test_must_not_find(text: str) -> None:
    assert find_time_expressions(text, PUBLISHED) == ()


def test_doc_agrees_on_plain_past_reports(nlp) -> None:
    text = "The sirens sounded at 11 p.m. on Tuesday. He spoke on Friday."
    with_doc = find_time_expressions(text, PUBLISHED, doc=nlp(text))
    assert with_doc == find_time_expressions(text, PUBLISHED)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The two leaders meet Monday in Geneva.", "2023-05-08"),  # present tense: ahead
        ("The two leaders met Monday in Geneva.", "2023-05-01"),
        ("The ministers will meet again on Monday.", "2023-05-08"),
        ("The victims were killed in the blasts next to the station on Monday.", "2023-05-01"),
        ("The offer had been due to expire Monday.", "2023-05-01"),
        ("The talks are expected to resume Monday.", "2023-05-08"),
        ("Protesters planned a large rally on Monday.", "2023-05-08"),
        ("The index, which fell 1.4% on Monday, hurt the market.", "2023-05-01"),
        ("Until Monday, the police had not named a suspect.", "2023-05-01"),
    ],
)
def test_tense_from_the_parse(nlp, text: str, value: str) -> None:
    assert only(text, doc=nlp(text)).value == value


def test_deadline_phrases_look_ahead() -> None:
    text = "Officials extended the deadline until 9 a.m. Monday."
    assert only(text).value == "2023-05-08T09:00"
    assert only("He could arrive as early as Monday.").value == "2023-05-08"


def test_possessive_weekday_is_past_unless_awaited() -> None:
    assert only("The firm welcomed Monday's ruling.").value == "2023-05-01"
    assert only("The firm prepared for Monday's hearing.").value == "2023-05-08"


_WORDS = st.sampled_from(
    [
        "on",
        "Monday",
        "May",
        "3",
        "2023",
        "at",
        "2:30",
        "a.m.",
        "night",
        "the",
        "between",
        "Tuesday",
        "and",
        "Wednesday",
        "last",
        "week",
        "two",
        "days",
        "ago",
        "for",
        "hours",
        "every",
        "daily",
        "overnight",
        "eve",
        "of",
        "yesterday",
        "in",
        "morning",
        ",",
        ".",
        "1990s",
        "quarter",
        "third",
        "year",
        "said",
        "will",
        "noon",
        "12",
        "June",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=30), st.sampled_from([PUBLISHED, None]))
def test_spans_are_exact_sorted_and_disjoint(words: list[str], anchor: dt.date | None) -> None:
    text = " ".join(words)
    found = find_time_expressions(text, anchor)
    for expr in found:
        assert text[expr.start : expr.end] == expr.text
        assert expr.text == expr.text.strip() and expr.text
        assert expr.type in {"DATE", "TIME", "DURATION", "SET"}
    for before, after in zip(found, found[1:]):
        assert before.end <= after.start
    if anchor is None:
        assert not any(
            re.match(r"\d{4}-\d\d-\d\d", e.value) for e in found if e.anchor != "absolute"
        )


def example_text(path) -> str:
    """The article text of one bundled example file (markup and front matter removed)."""
    import json

    import lxml.html

    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        return lxml.html.fromstring(raw).text_content()
    if path.suffix == ".jsonl":
        return json.loads(raw.splitlines()[0])["text"]
    if path.suffix == ".md":
        return raw.split("---", 2)[2]
    return raw


def test_bundled_example_time_expressions(example_dir) -> None:
    """Every hand-annotated expression of the Lakeport example is found with its value."""
    import json

    expected = json.loads(
        (example_dir.parent / "lakeport.expected.json").read_text(encoding="utf-8")
    )
    published = {m["file"]: dt.date.fromisoformat(m["published"]) for m in expected["metadata"]}
    missed = []
    for item in expected["time_expressions"]:
        text = example_text(example_dir / item["file"])
        found = find_time_expressions(text, published[item["file"]])
        at = text.find(item["text"])
        values = {
            e.value for e in found if at >= 0 and e.start < at + len(item["text"]) and e.end > at
        }
        if not values & {item["value"], *item.get("alt_values", [])}:
            missed.append((item["file"], item["text"], item["value"], sorted(values)))
    assert len(missed) <= len(expected["time_expressions"]) // 10, missed


def test_reporting_verb_outside_a_quote_does_not_set_its_tense() -> None:
    wednesday = dt.date(2023, 5, 3)
    assert only('"He will leave on Thursday," the minister said.', wednesday).value == "2023-05-04"
    assert only('The minister said: "He left on Thursday."', wednesday).value == "2023-04-27"


def test_parse_anchor() -> None:
    from counterpoint.timex import parse_anchor

    assert parse_anchor("2023-05-04T09:30:00+00:00") == dt.date(2023, 5, 4)
    assert parse_anchor("2023-05-04") == dt.date(2023, 5, 4)
    assert parse_anchor(None) is None
    assert parse_anchor("yesterday") is None
    assert parse_anchor("2023-02-30") is None


def test_date_printed_near_top() -> None:
    from counterpoint.timex import date_printed_near_top

    assert date_printed_near_top("Headline\n\nMay 04, 2023\n\nThe text.") == dt.date(2023, 5, 4)
    assert date_printed_near_top(" date 2023-05-03 Russian officials said") == dt.date(2023, 5, 3)
    assert date_printed_near_top("It happened on Thursday.") is None
    assert date_printed_near_top("x" * 500 + " May 4, 2023") is None


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        (
            "In March 1988 he left. The following month he returned.",
            "The following month",
            "1988-04",
        ),
        (
            "On May 22, 1995, he was promoted; the following year he moved.",
            "the following year",
            "1996",
        ),
        ("He joined in June 1998 and returned later that year.", "later that year", "1998"),
        ("Sales rose 5% that year.", "that year", "2023"),  # no earlier date: the anchor's
    ],
)
def test_that_year_and_the_following_month_follow_the_last_date(
    text: str, phrase: str, value: str
) -> None:
    assert find(text, phrase).value == value


@pytest.mark.parametrize(
    ("text", "phrase", "kind", "value"),
    [
        ("The trial took 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M"),
        ("The flight lasted 5 1/2 hours.", "5 1/2 hours", "DURATION", "PT5H30M"),
        ("It took a minute and a half.", "a minute and a half", "DURATION", "PT1M30S"),
        ("Repairs take two to three weeks.", "two to three weeks", "DURATION", "P2W"),
        ("The strike lasted 5-6 hours.", "5-6 hours", "DURATION", "PT5H"),
        ("The current system is broken.", "current", "DATE", "PRESENT_REF"),
        ("Sales will rise in the current year.", "the current year", "DATE", "2023"),
    ],
)
def test_fractions_ranges_and_current(text: str, phrase: str, kind: str, value: str) -> None:
    found = find(text, phrase)
    assert (found.type, found.value) == (kind, value)


def test_latest_period_in_a_quarterly_report_is_the_quarter() -> None:
    text = "Net income rose 5% in the first quarter. Sales in the latest period were $2 billion."
    assert find(text, "the latest period").value == "2023-Q1"
    assert find_time_expressions("The latest period of his life was calm.", PUBLISHED) == ()


def test_sentence_opening_now_with_a_comma_is_a_discourse_marker() -> None:
    assert find_time_expressions("Now, he says, the plan has failed.", PUBLISHED) == ()
    assert only("Officials now say the plan failed.").value == "PRESENT_REF"


def test_qualified_part_of_day() -> None:
    assert only("Shares fell in mid-afternoon yesterday.").value == "2023-05-03TAF"
    text = "Trading was heavy in late afternoon on May 2."
    assert find(text, "late afternoon").value == "2023-05-02TAF"
