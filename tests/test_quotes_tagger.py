"""The trained content tagger: its labels, its decoding and the attributions it adds."""

from __future__ import annotations

import pytest

from counterpoint.quotes import extract_quotes
from counterpoint.quotes.cues import load_lexicon
from counterpoint.quotes.tagged import _before_next_act, _hangs_on
from counterpoint.quotes.tagger import (Proposal, Tagger, _around, _Table, document_features, load_tagger,
                                        paragraph_tokens, span_labels)
from tests.factories import make_article

pytestmark = pytest.mark.slow

CUES = frozenset(load_lexicon().verbs)


def test_paragraphs_split_at_line_breaks_without_space_tokens(nlp):
    doc = nlp("Ana Ruiz spoke first.\n\nThe hall was full.")
    paragraphs = paragraph_tokens(doc)
    assert [[doc[i].text for i in p] for p in paragraphs] == [
        ["Ana", "Ruiz", "spoke", "first", "."], ["The", "hall", "was", "full", "."]]


def test_labels_take_the_outer_of_nested_spans(nlp):
    text = "Ana Ruiz said that the mayor claimed the port was safe."
    doc = nlp(text)
    outer = (text.index("that"), text.index("safe") + 4)
    inner = (text.index("the port"), text.index("safe") + 4)
    labels = span_labels(doc, paragraph_tokens(doc)[0], [inner, outer])
    words = [t.text for t in doc]
    assert labels[words.index("that")] == "B"
    assert labels[words.index("port")] == "I"
    assert labels[words.index("said")] == "O" and labels[words.index(".")] == "O"


def test_cue_path_reaches_the_reporting_verb_through_its_clause(nlp):
    doc = nlp("Ana Ruiz said the plan will fail.")
    said = next(t.i for t in doc if t.text == "said")
    plan = next(t for t in doc if t.text == "plan")
    table = _Table(doc, CUES)
    assert table.path(plan.i) == (said, "ccomp", 2)
    assert table.path(said) is None


def test_features_mark_rule_spans_and_quotation_marks(nlp):
    text = 'Ana Ruiz said "the plan will fail" on Monday.'
    doc = nlp(text)
    rule = (text.index('"'), text.index("fail") + 5)
    [rows] = document_features(doc, paragraph_tokens(doc), [rule], CUES)
    words = [t.text for t in doc]
    assert "rule=B" in rows[words.index('"')] and "rule=I" in rows[words.index("plan")]
    assert "rule=O" in rows[words.index("Monday")]
    assert "inq=1" in rows[words.index("plan")] and "inq=0" in rows[words.index("Monday")]


def test_packaged_tagger_loads_with_a_threshold():
    tagger = load_tagger()
    assert isinstance(tagger, Tagger)
    assert 0.0 <= tagger.threshold <= 1.0


def test_span_stops_before_a_further_act_of_the_speaker(nlp):
    text = "It was a raid which Norland's police said took place overnight but presented no proof for."
    doc = nlp(text)
    said = next(t for t in doc if t.text == "said")
    start = text.index("which")
    assert text[start : _before_next_act(doc, text, said, start, len(text) - 1)] == \
        "which Norland's police said took place overnight"


def test_span_must_hang_on_its_cue(nlp):
    text = "Writing for a panel that met on Sunday, Marta Kovac noted that the plan had failed."
    doc = nlp(text)
    noted = next(t for t in doc if t.text == "noted")

    def proposal(fragment: str) -> Proposal:
        start = text.index(fragment)
        return Proposal(start, start + len(fragment), 0.9, noted.i)

    assert not _hangs_on(doc, noted, proposal("met on Sunday"))
    assert _hangs_on(doc, noted, proposal("that the plan had failed"))


def test_content_after_another_reporting_verb_is_that_verbs(nlp):
    """The parser hangs "lost" on "noted": the panel agreed the mayor lost, Kovac noted
    something else."""
    text = ("Writing for a panel that all agreed the mayor lost the debate, Marta Kovac noted "
            "that the transcript was incomplete.")
    quotes = extract_quotes(make_article(text), nlp(text))
    assert all(q.speaker.name != "Marta Kovac" for q in quotes if "mayor lost" in q.text)
    lost = [q for q in quotes if "mayor lost" in q.text]
    assert all(q.cue is not None and q.cue.text == "agreed" for q in lost)
    assert any(q.speaker.name == "Marta Kovac" and q.text == "that the transcript was incomplete" for q in quotes)


def test_tagger_adds_only_attributions_with_a_speaker_beside_the_rules(nlp, seeds_dir):
    from counterpoint.clean import clean_article
    from counterpoint.ingest import read_inputs

    raws, _ = read_inputs([seeds_dir])
    added = []
    for raw in raws:
        article = make_article(clean_article(raw).text, input_id=raw.input_id)
        doc = nlp(article.text)
        rules = extract_quotes(article, doc, with_tagger=False)
        for quote in extract_quotes(article, doc):
            if quote in rules:
                continue
            added.append(quote)
            assert not any(quote.start < r.end and r.start < quote.end for r in rules)
            assert quote.speaker.start is not None and quote.speaker.name and quote.cue is not None
            assert quote.text == article.text[quote.start : quote.end]
    assert added, "the tagger adds nothing on the seeds"


def test_only_sentences_with_a_cue_the_rules_left_are_tagged(nlp):
    doc = nlp("The port was closed. Marta Kovac claimed the fire began at dawn. Ships waited offshore.")
    paragraph = paragraph_tokens(doc)[0]
    claimed = next(t.i for t in doc if t.text == "claimed")
    [run] = _around(doc, paragraph, frozenset({claimed}))
    assert doc[run[0]].text == "Marta" and doc[run[-1]].text == "."
    assert doc[run[-1]].i == next(t.i for t in doc if t.text == "dawn") + 1
    assert _around(doc, paragraph, frozenset()) == []


def test_a_cue_without_a_speaker_gets_no_tagging(nlp):
    # the tagger only reads sentences whose unused cue has a speaker: "the storm" can say nothing
    from counterpoint.quotes.marks import find_segments
    from counterpoint.quotes.tagged import tagged_drafts

    text = "The storm suggested the pier was weak. Later, Marta Kovac argued that the pier was safe."
    doc = nlp(text)
    asked: list[frozenset[int]] = []

    class Recorder:
        def propose(self, doc, text, rule_spans, cues, open_anchors):  # noqa: ANN001, ANN201
            asked.append(open_anchors)
            return []

    tagged_drafts(doc, text, [], [], find_segments(text), tagger=Recorder())  # type: ignore[arg-type]
    suggested = next(t.i for t in doc if t.text == "suggested")
    argued = next(t.i for t in doc if t.text == "argued")
    assert asked and argued in asked[0] and suggested not in asked[0]
