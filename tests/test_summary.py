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
from tests.summary_factories import attribution, claim, discrepancy, report, side

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
    names = {p.name.lower() for c in claims.values() for p in c.positions}
    _check_grammar(told, names | {(a.outlet or "").lower() for a in articles} - {""})


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
    # the doubt is Karl Wren's own statement: no "disputes it" with nothing for "it" to name
    assert told_doubt.text == ("Karl Wren says: “it was unlikely that the Dresk Front had "
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
    # the fragment is never told alone: its whole sentence is quoted as the outlet wrote it
    (only,) = summarize(articles, [claims["relative"]], [], [])
    assert only.text == ("River Daily writes: “The Red Cross said it could not confirm the "
                         "number of victims, which was still rising”.")
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
    names = {p.name.lower() for c in picked for p in c.positions}
    _check_grammar(summary, names | {(a.outlet or "").lower() for a in articles} - {""})
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
    names = {p.name.lower() for c in claims for p in c.positions}
    names |= {(a.outlet or "").lower() for a in story.articles} - {""}
    _check_grammar(summary, names)
    for sentence in summary:
        # who says it comes first: an actor or outlets, never a bare claim
        head = " ".join(sentence.text.lower().split()[:6])
        assert (any(re.search(rf"(?:^|\s){re.escape(n)}\b", head) for n in names)
                or re.match(r"(an unnamed source|outlets differ)\b", head)
                or OUTLET_COUNT.match(head)), sentence.text
        unquoted = QUOTED.sub("", sentence.text)
        assert not re.search(r"\b(?:[Ww]e|[Oo]ur|us)\b|(?:^|: )(?:In fact|Mind you|However),",
                             unquoted), sentence.text
    # a contested claim told as someone's statement names who contests it
    for contested in (c for c in claims if c.status == "contested"):
        for sentence in summary:
            if re.search(rf"\bsays?: {re.escape(contested.text.rstrip('.'))}", sentence.text):
                assert re.search(r"\b(den(y|ies)|disputes?)\b", sentence.text), sentence.text


def _check_grammar(summary: Sequence[SummarySentence], names: set[str]) -> None:
    """What the templates owe grammar: no "it" before anything it could point at, no capital
    after ";" but a name's, no question, a full stop at the end."""
    for sentence in summary:
        text = QUOTED.sub("“…”", sentence.text)
        first = text.split(";")[0].split(":")[0]
        assert not re.search(r"\b(?:den(?:y|ies)|disputes?) it\b", first), sentence.text
        assert not re.search(r"\b(?:den(?:y|ies)|disputes?) that (?:any|the|a|an) \w+ "
                             r"(?:in|of|on|as|for)\b", text), sentence.text
        for part in text.rstrip(".").split("; ")[1:]:
            assert part[:1].islower() or any(part.lower().startswith(n) for n in names), \
                sentence.text
        assert sentence.text.endswith(".") and "?" not in sentence.text, sentence.text


def test_seed_summary_tells_the_story_with_its_disputes(seed_story):
    _check_story(seed_story)
    summary = [s.text for s in seed_story.summary]
    # the lead is told by outlets in their own voice
    assert re.match(r"^[^:]*\b(outlets?|report)\b[^:]*: ", summary[0]), summary[0]
    assert sum(bool(re.search(r"\b(den(y|ies)|disputes?) it\b", s)) for s in summary) >= 3
    assert any(s.startswith("Outlets differ on the order of events") for s in summary)
    # the single-source rival account of the attack, from one named institution, is told
    assert any("staged" in s for s in summary), summary
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


# ---------------------------------------------------------------- grammar of the told words

GRID = (
    "Officials in Corvale defined the outage as “a deliberate act of sabotage against the city”. "
    "Mayor Lena Fisk said the outage was a deliberate act of sabotage. "
    "The Dresk Front denied any involvement in the outage. "
    "Minister Ada Berg denied that any saboteur had entered the plant. "
    "No saboteur entered the plant, the police said. "
    "Karl Wren said the outage made no sense as an attack. "
    "Is this the start of a campaign? "
    "Corvale: power cuts a sign of things to come. "
    "The city did not present any evidence of sabotage. "
    "Power returned on Monday, which engineers said took twelve hours."
)


@pytest.fixture(scope="module")
def grid() -> list[Article]:
    return [make_article(GRID, input_id="grid", outlet=None, title="Outage in Corvale")]


def _said(article: Article, fragment: str, source: str, stance: str = "asserts",
          hedges: Sequence[str] = ()):
    return report(article, fragment, voice="attributed", stance=stance, source=source,
                  hedges=hedges)


def test_words_without_a_verb_are_told_with_their_cue_or_not_at_all(grid):
    (g,) = grid
    defined = _said(g, "the outage as “a deliberate act of sabotage against the city”",
                    "Corvale officials")
    doubt = _said(g, "the outage made no sense as an attack", "Karl Wren", "disputes")
    quotes = [attribution(g, defined, "defined", "Officials in Corvale"),
              attribution(g, doubt, "said", "Karl Wren")]
    sabotage = claim("the outage was sabotage", [defined, doubt], grid)
    (told,) = summarize(grid, [sabotage], quotes, [])
    # speaker, cue and content are contiguous source words, cited as one span
    assert told.text == ("Officials in Corvale defined the outage as a deliberate act of "
                         "sabotage against the city; Karl Wren disputes it.")
    assert g.text[told.citations[0].start:].startswith("Officials in Corvale defined")
    _check_support([told], grid, [sabotage])
    # a report of the claim that is a whole clause is told instead
    clause = _said(g, "the outage was a deliberate act of sabotage", "Lena Fisk")
    both = claim("the outage was sabotage", [defined, clause, doubt], grid)
    (told,) = summarize(grid, [both], quotes, [])
    assert told.text.startswith("Lena Fisk and Corvale officials say: the outage was a "
                                "deliberate act"), told.text
    # no cue to hang on and no clause: the claim is not told
    other = claim("the police said", [_said(g, "No saboteur entered the plant", "police")], grid)
    summary = summarize(grid, [sabotage, other], [], [])
    assert not any("the outage as" in s.text for s in summary), summary


def test_a_denied_noun_phrase_is_told_with_its_verb(grid):
    (g,) = grid
    denial = _said(g, "any involvement in the outage", "Dresk Front", "denies")
    involvement = claim("any involvement in the outage", [denial], grid)
    quote = attribution(g, denial, "denied", "The Dresk Front", "denial")
    (told,) = summarize(grid, [involvement], [quote], [])
    assert told.text == "The Dresk Front denied any involvement in the outage."
    # without the quote record: the template verb takes the noun, never "denies that"
    (bare,) = summarize(grid, [involvement], [], [])
    assert bare.text == "Dresk Front denies any involvement in the outage."
    _check_support([told, bare], grid, [involvement])


def test_words_a_denial_turned_into_backing_keep_their_denial(grid):
    (g,) = grid
    # the claims stage files "denied that any saboteur had entered" as backing "no saboteur
    # entered": told after "says:" the words would say the opposite of what Ada Berg said
    flipped = _said(g, "any saboteur had entered the plant", "Ada Berg")
    police = _said(g, "No saboteur entered the plant", "police")
    entered = claim("No saboteur entered the plant", [flipped, police], grid)
    quotes = [attribution(g, flipped, "denied", "Ada Berg", "denial")]
    (told,) = summarize(grid, [entered], quotes, [])
    assert told.text == "Police and Ada Berg say: No saboteur entered the plant."
    # her citation shows her denial, not the bare words she denied
    spans = [g.text[c.start:c.end] for c in told.citations]
    assert "Ada Berg denied that any saboteur had entered the plant" in spans, spans
    alone = claim("No saboteur entered the plant", [flipped], grid)
    (told,) = summarize(grid, [alone], quotes, [])
    assert told.text == "Ada Berg denied that any saboteur had entered the plant."
    assert "says" not in told.text
    _check_support([told], grid, [alone])


def test_dissent_alone_is_the_dissenters_own_statement(grid):
    (g,) = grid
    doubt = _said(g, "the outage made no sense as an attack", "Karl Wren", "disputes")
    own = report(g, "The city did not present any evidence of sabotage.", stance="disputes")
    (wren,) = summarize(grid, [claim("made no sense", [doubt], grid)], [], [])
    (outlet,) = summarize(grid, [claim("no evidence", [own], grid)], [], [])
    assert wren.text == "Karl Wren says the outage made no sense as an attack."
    assert outlet.text == ("One outlet writes that the city did not present any evidence of "
                           "sabotage.")
    for sentence in (wren, outlet):
        assert " it" not in sentence.text  # no "disputes it" without an antecedent


def test_questions_headlines_and_relative_fragments_are_never_told(grid):
    (g,) = grid
    junk = [claim("question", [report(g, "Is this the start of a campaign?")], grid),
            claim("headline", [report(g, "Corvale: power cuts a sign of things to come")], grid),
            claim("relative", [_said(g, "which engineers said took twelve hours", "engineers")],
                  grid)]
    police = claim("No saboteur entered the plant",
                   [_said(g, "No saboteur entered the plant", "police")], grid)
    summary = summarize(grid, [*junk, police], [], [])
    text = " ".join(s.text for s in summary)
    assert "?" not in text and "Corvale:" not in text and "which engineers" not in text
    assert summary[0].text == "Police say: No saboteur entered the plant."


def test_unnamed_outlets_are_lower_case_inside_a_sentence():
    mira = make_article(
        "A storm flooded the town of Mira on Monday. Police said the mill was set on fire by "
        "rivals. The mill was set on fire by rivals, the paper found. Karl Wren said it was "
        "unlikely that rivals set the fire.", input_id="mira", outlet=None,
        title="Storm floods Mira")
    story = [mira]
    storm = claim("A storm flooded the town", [report(mira, "A storm flooded the town of Mira")],
                  story)
    mill = claim("the mill was set on fire by rivals", [
        _said(mira, "the mill was set on fire by rivals", "Police"),
        report(mira, "The mill was set on fire by rivals"),
        _said(mira, "it was unlikely that rivals set the fire", "Karl Wren", "disputes")], story)
    _, text = _sentence_with(summarize(story, [storm, mill], [], []), "Police")
    assert text == ("Police say: the mill was set on fire by rivals; one outlet states it in "
                    "its own voice; Karl Wren disputes it."), text


def test_clause_test_on_general_english():
    from counterpoint.summary.grammar import is_clause, untellable

    for words in ("the incident as a planned act, carried out at night", "any involvement",
                  "a ban on drones shortly before news of the attack broke",
                  "a drone sent by the rebels", "the number of victims"):
        assert not is_clause(words), words
    for words in ("the number of victims was still rising", "Russia reserves the right to act",
                  "targeting the plant made no sense", "A video appears to show the blast",
                  "two drones attempted to hit the roof", "the drones have been disabled"):
        assert is_clause(words), words
    assert untellable("Is this an attack?") and untellable("Corvale: drones a sign")
    assert untellable("which was still rising") and not untellable("Police said so")
    from counterpoint.summary.grammar import past_cue

    assert past_cue("denied") and past_cue("defined") and past_cue("said")
    assert not past_cue("saying") and not past_cue("see") and not past_cue("said in a statement")


def test_a_backer_whose_words_speak_of_something_else_is_not_said_to_say_the_same(articles):
    h, *_ = articles
    trucks = report(h, "two trucks were crossing the bridge at the time")
    repairs = _said(h, "the bridge had been closed for repairs in March", "Engineers")
    planted = _said(h, "the Dresk Front had planted the explosives", "Interior Ministry")
    (told,) = summarize(articles, [claim("two trucks", [trucks, repairs], articles)], [], [])
    assert told.text == "Harbor Times reports: Two trucks were crossing the bridge at the time."
    (echo,) = summarize(articles, [claim("two trucks", [trucks, repairs, planted], articles)],
                        [], [])
    assert "Engineers" not in echo.text and "Interior Ministry" not in echo.text
    # a short report sharing one word ("bridge") is no echo either
    closed = _said(h, "the bridge had been closed", "Engineers")
    (one,) = summarize(articles, [claim("two trucks", [trucks, closed], articles)], [], [])
    assert "Engineers" not in one.text
    # one that says it in other words is
    again = _said(articles[1], "the Dresk Front had planted the explosives under the bridge",
                  "Omar Lind")
    (two,) = summarize(articles, [claim("planted", [planted, again], articles)], [], [])
    assert two.text.startswith(("Interior Ministry and Omar Lind say:",
                                "Omar Lind and Interior Ministry say:")), two.text


def test_a_relative_clause_cut_off_by_the_report_end_is_dropped():
    from counterpoint.summary.wording import wording

    article = make_article("Officials said the city will rebuild the bridge which, for its part, "
                           "was old.", outlet="Harbor Times")
    words = wording(_said(article, "the city will rebuild the bridge which, for its part",
                          "Officials"), 30)
    assert words is not None and words.text == "the city will rebuild the bridge"


def test_words_without_their_own_reporting_frame_are_preferred(articles):
    h, v, *_ = articles
    framed = _said(h, "The Interior Ministry said the Dresk Front had planted the explosives",
                   "Omar Lind")
    plain = _said(v, "the Dresk Front had planted the explosives under the bridge", "Omar Lind")
    # the claim's own text is the framed words: without the rule they would be told
    (told,) = summarize(articles, [claim(framed.text, [framed, plain], articles)], [], [])
    assert told.text == "Omar Lind says: the Dresk Front had planted the explosives under the bridge."


# ---------------------------------------------------------------- outside accounts

RIVAL_A = (
    "Drones attacked the Halden power station on Tuesday night. The Interior Ministry said "
    "Norvania attacked the Halden power station. Norvania denied that it attacked the station. "
    "The ministry said the ministry will rebuild the western wing. The ministry said the ministry "
    "bought new fire engines. The ministry said the ministry hired forty guards. The ministry "
    "said the ministry closed the museum. The ministry said the ministry cancelled a concert. "
    "The ministry said the ministry moved the market. The ministry said the ministry sent a "
    "letter. The ministry said the ministry painted the gate. The ministry said the ministry "
    "cleaned the river."
)
RIVAL_B = (
    "Drones attacked the Halden power station overnight. Analysts at the Polar Institute said "
    "Vessaria likely staged the attack on the Halden power station itself."
)


def test_an_outside_account_of_the_central_event_is_told_though_single_source():
    a = make_article(RIVAL_A, input_id="ra", outlet="Alpha")
    b = make_article(RIVAL_B, input_id="rb", outlet="Beta")
    lead = claim("Drones attacked the Halden power station", [
        report(a, "Drones attacked the Halden power station on Tuesday night"),
        report(b, "Drones attacked the Halden power station overnight"),
        report(a, "Norvania attacked the Halden power station", voice="attributed",
               source="Interior Ministry"),
        report(a, "it attacked the station", voice="attributed", stance="denies",
               source="Norvania"),
    ], [a, b])
    # held by four actors each, every detail outweighs a one-source claim
    minor = [
        claim(words, [report(a, words, voice="attributed", source=name)
                      for name in ("Interior Ministry", "Mayor Reis", "Police", "Harbour Office")],
              [a, b])
        for words in ("the ministry will rebuild the western wing",
                      "the ministry bought new fire engines", "the ministry hired forty guards",
                      "the ministry closed the museum", "the ministry cancelled a concert",
                      "the ministry moved the market", "the ministry sent a letter",
                      "the ministry painted the gate", "the ministry cleaned the river")
    ]
    rival = claim("Vessaria likely staged the attack on the Halden power station itself", [
        report(b, "Vessaria likely staged the attack on the Halden power station itself",
               voice="attributed", source="Polar Institute"),
    ], [a, b])
    assert rival.status == "single_source"
    told = summarize([a, b], [lead, *minor, rival], [], [])
    assert any("staged the attack" in s.text and "Polar Institute" in s.text for s in told), [
        s.text for s in told]
    # a party to the central claim, or words that do not speak of the central event, are
    # not an outside account
    from counterpoint.summary.order import backed_counts, outside_account, story_stems

    stems = story_stems([a, b])
    backed = backed_counts([lead, *minor, rival])
    assert outside_account(rival, lead, stems, backed)
    assert not any(outside_account(m, lead, stems, backed) for m in minor)
    unrelated = claim("Analysts at the Polar Institute", [
        report(b, "Analysts at the Polar Institute", voice="attributed",
               source="Polar Institute"),
    ], [a, b])
    assert not outside_account(unrelated, lead, stems, backed)


def test_an_outlet_known_by_its_web_address_keeps_its_lower_case() -> None:
    from counterpoint.summary.wording import capitalised

    assert capitalised("vessariatoday.example reports: a fire.") == (
        "vessariatoday.example reports: a fire.")
    assert capitalised("one outlet reports: a fire.") == "One outlet reports: a fire."
    assert capitalised("") == ""
