"""The cited summary: it tells the story, says who claims what, and every word is cited.

Hand-built claims (tests/summary_factories.py) pin down what the summary does with each part
of the Claim contract; the seed and example runs check the same invariants end to end on what
the pipeline produces.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counterpoint.model import Article, Citation, Claim, SummarySentence
from counterpoint.summary import (
    MAX_SENTENCES,
    OUTLET_COUNT,
    TEMPLATE_WORDS,
    summarize,
    summarize_with_discrepancies,
)
from counterpoint.summary.discrepancies import SIDE_WORDS, side_span
from tests.factories import make_article
from tests.summary_factories import claim, discrepancy, report, side

WORD = re.compile(r"[\w'’-]+")
QUOTED = re.compile(r"“([^”]+)”")

# ---------------------------------------------------------------- a fictional story

HARBOR = (
    "A blast brought down the Tamsin Bridge in Corvale early on Sunday, killing four people. "
    "In fact, two trucks were crossing the bridge at the time. The Interior Ministry said the "
    "Dresk Front had planted the explosives. Ada Berg, a spokeswoman for the Dresk Front, "
    "denied that the group was involved. Engineers said the bridge had been closed for repairs "
    "in March."
)
VALLEY = (
    "A blast reportedly destroyed the Tamsin Bridge in Corvale on Sunday. Police chief Omar "
    "Lind said the Dresk Front had planted the explosives under the bridge. The Dresk Front has "
    "nothing to do with the blast, Ada Berg said. Mayor Lena Fisk said: \"We will rebuild the "
    "bridge within a year.\" Six people were killed, hospital officials said."
)
RIVER = (
    "The Tamsin Bridge collapsed after a blast on Sunday. Analyst Karl Wren said it was "
    "unlikely that the Dresk Front had the means to carry out the attack. The Red Cross said "
    "it could not confirm the number of victims, which was still rising."
)
FOURTH = (
    "The Tamsin Bridge was brought down by a blast in Corvale on Sunday. Mind you, the bridge "
    "was built in 1950 and carried most of the town's freight."
)


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return [
        make_article(HARBOR, input_id="harbor", outlet="Harbor Times",
                     title="Tamsin Bridge brought down by blast in Corvale"),
        make_article(VALLEY, input_id="valley", outlet="Valley Post",
                     title="Blast destroys Corvale's Tamsin Bridge"),
        make_article(RIVER, input_id="river", outlet="River Daily", title="Blast at Tamsin Bridge"),
        make_article(FOURTH, input_id="fourth", outlet=None, title=None),
    ]


def _claims(articles: list[Article]) -> dict[str, Claim]:
    h, v, r, f = articles
    event = claim("A blast brought down the Tamsin Bridge", [
        report(h, "A blast brought down the Tamsin Bridge in Corvale early on Sunday, killing "
                  "four people."),
        report(v, "A blast reportedly destroyed the Tamsin Bridge in Corvale on Sunday.",
               stance="reports", hedges=("reportedly",)),
        report(r, "The Tamsin Bridge collapsed after a blast on Sunday."),
        report(f, "The Tamsin Bridge was brought down by a blast in Corvale on Sunday."),
    ], articles)
    blame = claim("the Dresk Front had planted the explosives", [
        report(h, "the Dresk Front had planted the explosives", voice="attributed",
               source="Interior Ministry"),
        report(h, "the group was involved", voice="attributed", stance="denies",
               source="Ada Berg"),
        report(v, "the Dresk Front had planted the explosives under the bridge",
               voice="attributed", source="Omar Lind"),
        report(v, "The Dresk Front has nothing to do with the blast", voice="attributed",
               stance="asserts", source="Ada Berg"),
        report(r, "it was unlikely that the Dresk Front had the means to carry out the attack",
               voice="attributed", stance="disputes", source="Karl Wren"),
        report(v, "The Dresk Front has nothing to do with the blast", voice="attributed",
               stance="disputes", source="Ada Berg"),
    ], articles)
    return {
        "event": event,
        "blame": blame,
        "trucks": claim("two trucks were crossing the bridge", [
            report(h, "In fact, two trucks were crossing the bridge at the time.")], articles),
        "rebuild": claim("We will rebuild the bridge within a year", [
            report(v, "We will rebuild the bridge within a year.", voice="attributed",
                   source="Lena Fisk")], articles),
        "victims": claim("the number of victims", [
            report(r, "the number of victims", voice="attributed", stance="cannot_confirm",
                   source="Red Cross")], articles),
        "repairs": claim("the bridge had been closed for repairs in March", [
            report(h, "the bridge had been closed for repairs in March", voice="attributed",
                   source="Engineers")], articles),
        "built": claim("the bridge was built in 1950", [
            report(f, "Mind you, the bridge was built in 1950 and carried most of the town's "
                      "freight.")], articles),
        "relative": claim("which was still rising", [
            report(r, "which was still rising", voice="attributed", source="Red Cross")],
            articles),
    }


@pytest.fixture(scope="module")
def claims(articles) -> dict[str, Claim]:
    return _claims(articles)


@pytest.fixture(scope="module")
def told(articles, claims) -> tuple[SummarySentence, ...]:
    h, v, _, _ = articles
    deaths = discrepancy("number", "four versus six",
                         side(h, "four people"), side(v, "Six people"))
    return summarize_with_discrepancies(articles, list(claims.values()), [], [], [deaths])


# ---------------------------------------------------------------- the checks


def _unsupported(sentence: SummarySentence, articles: Sequence[Article],
                 claims: Sequence[Claim]) -> list[str]:
    """Words of a sentence that are neither template words, names, nor in its cited spans."""
    texts = {a.id: a.text for a in articles}
    cited = {w.lower() for c in sentence.citations
             for w in WORD.findall(texts[c.article_id][c.start:c.end])}
    names = {w.lower() for c in claims for p in c.positions for w in WORD.findall(p.name)}
    names |= {w.lower() for a in articles for w in WORD.findall(a.outlet or "")}
    return [w for w in WORD.findall(OUTLET_COUNT.sub("", sentence.text).lower())
            if w not in TEMPLATE_WORDS and w not in names and w not in cited and not w.isdigit()]


def _check_support(summary: Sequence[SummarySentence], articles: Sequence[Article],
                   claims: Sequence[Claim]) -> None:
    """The support invariant: cited, in range, every word from a citation, a name or the
    templates, every quotation verbatim in one cited span."""
    texts = {a.id: a.text for a in articles}
    for sentence in summary:
        assert sentence.citations, sentence.text
        for cite in sentence.citations:
            assert 0 <= cite.start < cite.end <= len(texts[cite.article_id]), sentence.text
        assert _unsupported(sentence, articles, claims) == [], sentence.text
        spans = [texts[c.article_id][c.start:c.end] for c in sentence.citations]
        for quoted in QUOTED.findall(sentence.text):
            words = quoted.rstrip(" …")
            assert any(words in re.sub(r"[“”\"«»]", "", s) for s in spans), (quoted, spans)


def _who(sentence: SummarySentence) -> str:
    """The parts of a sentence that say who holds what: the proposition and quotations out."""
    parts = QUOTED.sub("", sentence.text).rstrip(".").split("; ")
    return "; ".join(part.split(": ", 1)[0] for part in parts)


def _check_actors_once(summary: Sequence[SummarySentence], claims: Sequence[Claim]) -> None:
    names = {p.name for c in claims for p in c.positions if len(p.name) > 3}
    for sentence in summary:
        for name in names:
            assert len(re.findall(rf"\b{re.escape(name)}\b", _who(sentence))) <= 1, (name, sentence)


def _sentence_with(summary: Sequence[SummarySentence], words: str) -> tuple[int, str]:
    found = [(i, s.text) for i, s in enumerate(summary) if words.lower() in s.text.lower()]
    assert found, (words, [s.text for s in summary])
    return found[0]


# ---------------------------------------------------------------- hand-built story


def test_every_sentence_is_supported_by_its_citations(told, articles, claims):
    assert 5 <= len(told) <= MAX_SENTENCES
    _check_support(told, articles, list(claims.values()))


def test_the_check_catches_an_unsupported_word(articles, claims):
    h = articles[0]
    start = h.text.index("two trucks")
    cite = Citation(h.id, start, start + len("two trucks were crossing the bridge"))
    bad = SummarySentence("Harbor Times reports: three trucks were crossing the bridge.", (cite,))
    assert _unsupported(bad, articles, list(claims.values())) == ["three"]


def test_lead_tells_the_central_event_as_the_outlets_carry_it(told, claims):
    lead = told[0].text
    assert "Tamsin Bridge" in lead and "blast" in lead.lower()
    # own voice, named outlets, one of them unnamed and counted; the hedging outlet shown
    assert lead.startswith(("Harbor Times", "River Daily")), lead
    assert "one other outlet" in lead
    assert "Valley Post hedges it with “reportedly”" in lead
    own = {(r.article_id, r.start, r.end) for r in claims["event"].reports}
    assert len(own & {(c.article_id, c.start, c.end) for c in told[0].citations}) >= 3


def test_a_detail_outlets_disagree_on_is_not_the_told_proposition(told, articles, claims):
    # without the discrepancy the lead tells the Harbor Times' words, toll included
    plain = summarize(articles, list(claims.values()), [], [])
    assert "killing four people" in plain[0].text
    # with it, the toll is told where outlets differ, and the lead takes other words
    assert "killing four people" not in told[0].text
    assert "Tamsin Bridge" in told[0].text


def test_an_agreed_claim_quoted_where_outlets_differ_is_not_told_twice(articles, claims):
    h, v, _, _ = articles
    toll = claim("Six people were killed", [report(v, "Six people were killed")], articles)
    deaths = discrepancy("number", "", side(h, "four people"), side(v, "Six people"))
    picked = [claims["event"], claims["blame"], toll]
    alone = summarize(articles, picked, [], [])
    assert any(s.text.startswith("Valley Post reports: Six people were killed") for s in alone)
    both = summarize_with_discrepancies(articles, picked, [], [], [deaths])
    assert sum("Six people were killed" in s.text for s in both) == 1
    assert both[-1].text.startswith("Outlets differ on the numbers")


def test_contested_claim_says_who_claims_what(told):
    _, text = _sentence_with(told, "planted the explosives")
    assert re.match(r"(Interior Ministry|Omar Lind) and (Interior Ministry|Omar Lind) say: ", text)
    assert "Ada Berg denies it" in text and "Karl Wren disputes it" in text
    assert not text.lower().startswith("the dresk front")


def test_each_actor_once_per_sentence(told, claims):
    # Ada Berg holds three positions on the blame claim (denies, asserts a negation, disputes)
    _, text = _sentence_with(told, "planted the explosives")
    assert text.count("Ada Berg") == 1
    _check_actors_once(told, list(claims.values()))


def test_order_by_weight_lead_then_contested_then_single_source(told, articles, claims):
    lead, _ = _sentence_with(told, "Tamsin Bridge")
    blame, _ = _sentence_with(told, "planted the explosives")
    numbers, _ = _sentence_with(told, "Outlets differ on the numbers")
    assert lead == 0 < blame < numbers == len(told) - 1
    picked = [claims[k] for k in ("trucks", "built", "blame", "event")]
    few = summarize(articles, picked, [], [])
    assert few[0].text.startswith("Harbor Times, River Daily and one other outlet report")
    assert "planted the explosives" in few[1].text
    tail = " ".join(s.text for s in few[2:]).lower()
    assert len(few) == 4 and "two trucks" in tail and "1950" in tail


def test_order_does_not_depend_on_the_input_order(articles, claims, told):
    shuffled = list(claims.values())
    random.Random(7).shuffle(shuffled)
    h, v, _, _ = articles
    deaths = discrepancy("number", "", side(h, "four people"), side(v, "Six people"))
    again = summarize_with_discrepancies(articles, shuffled, [], [], [deaths])
    assert [s.text for s in again] == [s.text for s in told]


def test_propositions_are_clean_source_words(told, articles, claims):
    few = summarize(articles, [claims["trucks"], claims["built"]], [], [])
    texts = " ".join(s.text for s in (*told, *few))
    assert "In fact" not in texts and "Mind you" not in texts
    _, trucks = _sentence_with(few, "two trucks")
    assert trucks.startswith("Harbor Times reports: Two trucks were crossing the bridge")
    _, built = _sentence_with(few, "1950")
    assert built.startswith("One outlet reports: The bridge was built in 1950")
    # first person only inside a quotation, with its speaker
    _, rebuild = _sentence_with(told, "rebuild")
    assert rebuild.startswith("Lena Fisk says: “We will rebuild the bridge within a year”")
    for sentence in (*told, *few):
        unquoted = QUOTED.sub("", sentence.text)
        assert not re.search(r"\b(?:we|our|us)\b", unquoted, re.IGNORECASE), sentence.text
    _check_support(few, articles, list(claims.values()))


def test_only_real_first_person_and_discourse_markers_count():
    from counterpoint.summary.wording import wording

    article = make_article("So far the US has not commented. And we will not comment. "
                           "In fact, I left.", outlet="Harbor Times")

    def told(fragment: str) -> str:
        words = wording(report(article, fragment), 30)
        assert words is not None
        return words.text

    assert told("So far the US has not commented.") == "So far the US has not commented"
    assert told("And we will not comment.") == "“we will not comment”"
    assert told("In fact, I left.") == "“I left”"


def test_a_relative_clause_fragment_is_never_told(told):
    assert not any("which was still rising" in s.text for s in told)


def test_cannot_confirm_alone_is_told_with_its_verb(told):
    _, text = _sentence_with(told, "number of victims")
    assert text == "Red Cross says it cannot be confirmed: the number of victims."


def test_dissent_alone_is_told_with_its_verb(articles):
    _, _, r, _ = articles
    doubt = claim("the Dresk Front had the means", [
        report(r, "it was unlikely that the Dresk Front had the means to carry out the attack",
               voice="attributed", stance="disputes", source="Karl Wren")], articles)
    denial = claim("the Dresk Front had the means", [
        report(r, "the Dresk Front had the means to carry out the attack",
               voice="attributed", stance="denies", source="Karl Wren")], articles)
    (told_doubt,) = summarize(articles, [doubt], [], [])
    (told_denial,) = summarize(articles, [denial], [], [])
    assert told_doubt.text == ("Karl Wren disputes it: “it was unlikely that the Dresk Front had "
                               "the means to carry out the attack”.")
    assert told_denial.text == ("Karl Wren denies that the Dresk Front had the means to carry "
                                "out the attack.")
    _check_support([told_doubt, told_denial], articles, [doubt, denial])


def test_a_tiny_story_gets_one_sentence_and_none_without_claims(articles, claims):
    assert len(summarize(articles, [claims["trucks"]], [], [])) == 1
    assert summarize(articles, [], [], []) == ()


def test_same_words_with_nobody_new_are_told_once(articles, claims):
    h, *_ = articles
    echo = claim("the Dresk Front had planted the explosives", [
        report(h, "the Dresk Front had planted the explosives", voice="attributed",
               source="Interior Ministry")], articles)
    summary = summarize(articles, [claims["blame"], echo], [], [])
    assert sum("planted the explosives" in s.text for s in summary) == 1


def test_a_story_of_fragments_still_gets_one_quoted_sentence(articles, claims):
    (only,) = summarize(articles, [claims["relative"]], [], [])
    assert only.text == "Red Cross says: “which was still rising”."
    _check_support([only], articles, [claims["relative"]])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_invariants_hold_for_any_subset_in_any_order(articles, claims, data):
    names = data.draw(st.lists(st.sampled_from(sorted(claims)), min_size=1, unique=True))
    picked = [claims[n] for n in names]
    summary = summarize(articles, picked, [], [])
    assert 1 <= len(summary) <= min(MAX_SENTENCES, len(picked))
    _check_support(summary, articles, picked)
    _check_actors_once(summary, picked)
    again = summarize(articles, data.draw(st.permutations(picked)), [], [])
    assert [s.text for s in again] == [s.text for s in summary]


# ---------------------------------------------------------------- discrepancy sides


def test_short_side_is_widened_to_its_sentence_and_cited_there(told, articles):
    _, text = _sentence_with(told, "Outlets differ on the numbers")
    assert "Harbor Times reports “A blast brought down the Tamsin Bridge in Corvale early on " \
           "Sunday, killing four people”" in text
    assert "Valley Post reports “Six people were killed, hospital officials said”" in text


def test_long_side_is_cut_to_the_clauses_around_its_key_words():
    text = ("A statement on the agency's website revealed that debris from the two unmanned "
            "aircraft fell on the grounds of the northern government compound overnight but did "
            "not cause any damage to the buildings. Officials gave no more details.")
    key = text.index("did not cause")
    start, end = side_span(text, 0, text.index(" Officials"), "damage")
    words = text[start:end].split()
    assert SIDE_WORDS[0] <= len(words) <= SIDE_WORDS[1]
    assert start <= key < end and text[start:end].startswith("debris")
    short = side_span(text, key, key + len("did not cause any damage"), "damage")
    assert short[0] < key and len(text[short[0]:short[1]].split()) >= SIDE_WORDS[0]


def test_sentence_bounds_do_not_stop_at_abbreviations():
    text = "The fire started at 2 a.m. on Friday, injuring three workers. Police came."
    start = text.index("three")
    lo, hi = side_span(text, start, start + len("three workers"), "number")
    assert text[lo:hi] == "The fire started at 2 a.m. on Friday, injuring three workers"


# ---------------------------------------------------------------- end to end


def _analysed(tmp_path_factory, path, name):
    from counterpoint.api import analyze
    from counterpoint.config import Config

    db = tmp_path_factory.mktemp(name) / "s.db"
    dossier = analyze([path], db=db, config=Config(now="2026-01-01T00:00:00+00:00"))
    assert len(dossier.stories) == 1
    return dossier.stories[0]


@pytest.fixture(scope="module")
def seed_story(tmp_path_factory, seeds_dir):
    return _analysed(tmp_path_factory, seeds_dir, "seeds")


@pytest.fixture(scope="module")
def example_story(tmp_path_factory, example_dir):
    return _analysed(tmp_path_factory, example_dir, "example")


def _check_story(story) -> None:
    """What every summary owes its reader, whatever the claims it was given."""
    summary, claims = story.summary, story.claims
    assert 5 <= len(summary) <= MAX_SENTENCES, [s.text for s in summary]
    _check_support(summary, story.articles, claims)
    _check_actors_once(summary, claims)
    for sentence in summary:
        opening = QUOTED.sub("", sentence.text).split(":", 1)[0]
        # who says it comes first: an actor or outlets with their verb, never a bare claim
        assert re.search(r"\b(says?|reports?|den(y|ies)|disputes?|differ|accused|hedges?)\b",
                         opening), sentence.text
        unquoted = QUOTED.sub("", sentence.text)
        assert not re.search(r"\b(?:[Ww]e|[Oo]ur|us)\b|(?:^|: )(?:In fact|Mind you|However),",
                             unquoted), sentence.text
    # a contested claim told as someone's statement names who contests it
    for contested in (c for c in claims if c.status == "contested"):
        for sentence in summary:
            if re.search(rf"\bsays?: {re.escape(contested.text.rstrip('.'))}", sentence.text):
                assert re.search(r"\b(den(y|ies)|disputes?)\b", sentence.text), sentence.text


def test_seed_summary_tells_the_story_with_its_disputes(seed_story):
    _check_story(seed_story)
    summary = [s.text for s in seed_story.summary]
    # the lead is told by outlets in their own voice
    assert re.match(r"^[^:]*\b(outlets?|report)\b[^:]*: ", summary[0]), summary[0]
    assert sum(bool(re.search(r"\b(den(y|ies)|disputes?) it\b", s)) for s in summary) >= 3
    assert any(s.startswith("Outlets differ on the order of events") for s in summary)
    for sentence in seed_story.summary:
        if sentence.text.startswith("Outlets differ"):
            for quoted in QUOTED.findall(sentence.text):
                assert SIDE_WORDS[0] <= len(quoted.split()) <= SIDE_WORDS[1], sentence.text


def test_example_summary_tells_the_story_with_its_disputes(example_story):
    _check_story(example_story)
    summary = [s.text for s in example_story.summary]
    assert re.match(r"^[^:]*\breport\b[^:]*: ", summary[0]), summary[0]
    staged = [s for s in summary if "staged" in s]
    assert staged and "disputes it" in staged[0], summary
    assert any(s.startswith("Outlets differ on the numbers") for s in summary)
