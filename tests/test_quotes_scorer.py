"""The trained quotes scorer: what it adds over the lexicon, what it refuses, and that the
shipped weights fit the features the code emits."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from counterpoint.quotes import extract
from counterpoint.quotes.extract import candidate_quotes
from counterpoint.quotes.scorer import Scorer, load_scorer
from tests.factories import make_article

pytestmark = pytest.mark.slow


def quotes_of(nlp, text: str):
    return extract.extract_quotes(make_article(text), nlp(text))


def test_packaged_scorer_loads_with_sane_thresholds():
    scorer = load_scorer()
    assert scorer is not None, "counterpoint/data/quotes_scorer.json should ship with the package"
    assert 0.0 < scorer.threshold_lexicon < 1.0 and 0.0 < scorer.threshold_open < 1.0
    raw = json.loads(resources.files("counterpoint.data").joinpath("quotes_scorer.json").read_text("utf-8"))
    assert "train_quotes_scorer.py" in raw["about"]
    assert len(scorer.weights) > 1000


def test_verb_outside_the_lexicon_reports_when_the_scorer_says_so(nlp):
    text = "Senator Maria Lopez pushed for a vote on the budget before the recess."
    found = [q for q in quotes_of(nlp, text) if q.cue is not None and q.cue.text == "pushed"]
    assert len(found) == 1
    quote = found[0]
    assert quote.speaker.name == "Maria Lopez"
    assert quote.text == "a vote on the budget"
    assert quote.text == text[quote.start : quote.end]


@pytest.mark.parametrize("text", [
    "Anna Park won the race for the council seat in March.",
    "The company built a new warehouse near the harbour last year.",
    "Mayor Jon Reed lost the vote on the stadium by a wide margin.",
    "The ministry did not present any evidence to back up its claims about the blast.",
])
def test_verbs_that_report_nothing_give_no_attribution(nlp, text):
    assert quotes_of(nlp, text) == ()


def test_without_the_scorer_only_lexicon_cues_count(nlp, monkeypatch):
    monkeypatch.setattr(extract, "load_scorer", lambda: None)
    pushed = "Senator Maria Lopez pushed for a vote on the budget before the recess."
    assert not [q for q in quotes_of(nlp, pushed) if q.cue is not None and q.cue.text == "pushed"]
    said = 'Maria Lopez said the budget "will not pass" this year.'
    (quote,) = quotes_of(nlp, said)
    assert quote.speaker.name == "Maria Lopez" and quote.cue is not None and quote.cue.text == "said"


def test_scorer_thresholds_decide(nlp):
    text = "Senator Maria Lopez pushed for a vote on the budget before the recess."
    (cand,) = [c for c in candidate_quotes(make_article(text), nlp(text)) if c.open_cue]
    scorer = load_scorer()
    assert scorer is not None
    strict = Scorer(scorer.weights, scorer.bias, threshold_lexicon=1.0, threshold_open=1.0)
    lenient = Scorer(scorer.weights, scorer.bias, threshold_lexicon=0.0, threshold_open=0.0)
    assert not strict.keep(cand.features, cand.open_cue)
    assert lenient.keep(cand.features, cand.open_cue)


def test_open_cue_inside_another_attribution_is_not_a_second_one(nlp, monkeypatch):
    """With a scorer that keeps every candidate, 'pushed' still reports nothing of its own
    inside what the mayor said: those words are hers already. Alone, it reports."""
    scorer = load_scorer()
    assert scorer is not None
    lenient = Scorer(scorer.weights, scorer.bias, threshold_lexicon=0.0, threshold_open=0.0)
    monkeypatch.setattr(extract, "load_scorer", lambda: lenient)
    nested = "Mayor Jane Roe said the fishermen pushed for a vote on the plan."
    quotes = quotes_of(nlp, nested)
    assert [(q.cue.text if q.cue else None, q.text) for q in quotes] == [
        ("said", "the fishermen pushed for a vote on the plan")]
    alone = "The fishermen pushed for a vote on the plan."
    assert [(q.cue.text if q.cue else None, q.text) for q in quotes_of(nlp, alone)] == [
        ("pushed", "a vote on the plan")]


def test_shipped_weights_cover_the_features_the_code_emits(nlp, data_dir):
    """If the feature code changes without retraining, most features lose their weight:
    retrain with ``python benchmarks/train_quotes_scorer.py``."""
    scorer = load_scorer()
    assert scorer is not None
    emitted = covered = 0
    with (data_dir / "polnear" / "dev.jsonl").open(encoding="utf-8") as fh:
        records = [json.loads(next(fh)) for _ in range(8)]
    for record in records:
        for cand in candidate_quotes(make_article(record["text"]), nlp(record["text"])):
            emitted += len(cand.features)
            covered += sum(f in scorer.weights for f in cand.features)
    assert emitted > 500
    assert covered / emitted > 0.9, f"only {covered / emitted:.0%} of emitted features have a weight"


def _candidates(nlp, text: str) -> list[tuple[str, str, str | None, tuple[str, ...]]]:
    """(content, cue, speaker surface, features) of every candidate in ``text``."""
    out = []
    for cand in candidate_quotes(make_article(text), nlp(text)):
        q = cand.quote
        surface_ = text[q.speaker.start : q.speaker.end] if q.speaker.start is not None else None
        out.append((q.text, q.cue.text if q.cue else "", surface_, cand.features))
    return out


@pytest.mark.parametrize("text, content, cue, speaker", [
    ("Mr. Vale spoke in Ohio. His attacks on hedge fund managers have lifted his campaign.",
     "hedge fund managers", "attacks", "His"),
    ("The senator spoke in Ohio. Her refusal to address the water shortage angered the farmers.",
     "to address the water shortage", "refusal", "Her"),
])
def test_noun_with_a_possessive_source_is_a_candidate(nlp, text, content, cue, speaker):
    found = [(c, k, s) for c, k, s, _ in _candidates(nlp, text)]
    assert (content, cue, speaker) in found


def test_loose_reading_is_a_candidate_the_rules_never_keep(nlp, monkeypatch):
    text = "None of the council members is pushing for a larger police presence in the park."
    loose = [c for c in _candidates(nlp, text) if "rule=loose" in c[3]]
    assert [(c[0], c[1]) for c in loose] == [("a larger police presence in the park", "pushing")]
    monkeypatch.setattr(extract, "load_scorer", lambda: None)
    assert not [q for q in quotes_of(nlp, text) if q.cue is not None and q.cue.text == "pushing"]


def test_negated_cue_has_no_loose_reading(nlp):
    text = "Norgrain did not respond to a request for comment on the closure."
    assert not [c for c in _candidates(nlp, text) if "rule=loose" in c[3]]


def test_loose_reading_leaves_an_inner_reporting_verb_its_clause(nlp):
    text = "Officials rushed to claim that the rebels had staged the attack themselves."
    loose = [c for c in _candidates(nlp, text) if "rule=loose" in c[3]]
    assert not [c for c in loose if c[0].startswith("to claim")]


def test_loose_reading_is_never_a_date(nlp):
    # "on Monday" says when he spoke; the next prepositional object may still be read loosely
    text = "Tom Berg told reporters on Monday about the closure of the old pier."
    loose = [(c[0], c[1]) for c in _candidates(nlp, text) if "rule=loose" in c[3]]
    assert ("Monday", "told") not in loose
    assert ("the closure of the old pier", "told") in loose
    assert not [q for q in quotes_of(nlp, text) if q.text == "Monday"]


def test_loose_reading_skips_whom_it_was_said_to(nlp):
    text = "During a town hall meeting last week, Jane Roe boasted to reporters of her campaign organization."
    loose = [(c[0], c[1]) for c in _candidates(nlp, text) if "rule=loose" in c[3]]
    assert not [c for c in loose if c[0].startswith("reporters")]
