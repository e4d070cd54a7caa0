"""Quotes on real and bundled corpora: structure checks, must-find lists, invariants.

The seeds are real scraped articles; the checks are written in terms of structure
(every quoted statement with a reporting verb is found; no speaker is a non-speaker
word) plus a short must-find list of (speaker surname, fragment) pairs checked by hand.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counterpoint.model import Article, Quote
from counterpoint.quotes import extract_quotes
from counterpoint.quotes.cues import load_lexicon
from tests.factories import make_article

pytestmark = pytest.mark.slow

PRONOUNS = {"he", "she", "him", "her"}
REPORTING = re.compile(
    r"\b(said|says|told|added|stated|assured|wrote|warned|thundered|denied|continued)\b"
)
MARK = re.compile(r"[\"“”«»„]")

SEED_MUST_FIND = [
    ("Volodin", "no negotiations with"),
    ("Mironov", "real casus belli"),
    ("Shkhagoshev", "no longer a red line"),
    ("Dzhabarov", "Mind you"),
    ("Nikiforov", "liberate its own territories"),
    ("Podolyak", "nothing to do with the drone attacks"),
    ("Zelensky", "we do not use them"),
    ("Podolyak", "allow Russia to justify"),
    ("Sobyanin", "illegal use of drones"),
    ("Peskov", "Putin was not in the Kremlin"),
    ("Sheremet", "time to launch a rocket attack"),
    ("Sheremet", "start getting scared"),
    ("Volodin", "A terrorist act against President Putin"),
    ("Podolyak", "everything is predictable"),
    ("Podolyak", "guerrilla activities"),
    ("Peskov", "even Kyiv that determines"),
    ("Peskov", "monstrous manifestation"),
    ("Kirby", "just lying there"),
    ("Peskov", "everything will be strengthened"),
    ("Ministry", "gaining unprecedented momentum"),
    ("Institute", "likely staged this attack"),
    ("Institute", "extremely unlikely that two drones"),
    ("Zelenskyy", "attack Putin or Moscow"),
    ("O'Brien", "certainly wasn't an attempt"),
    ("Jean-Pierre", "unable to confirm the authenticity"),
    # A subjectless conjunct ("..., but urged ...") that spaCy hung on the previous
    # paragraph's verb until sentences were made to end at blank lines (nlp.py).
    ("Blinken", "shaker of salt"),
    # "... were Ukrainians adding that ...": the parser made "Ukrainians" the subject.
    ("Moscow", "measures against Kiev"),
    # a quoted paragraph once ran into the next paragraph's "denied claims that ..."
    ("Zelensky", "Kyiv had attempted to assassinate Putin"),
    # a trailing ", <agency> reports" the parser made a second complement of "said"
    ("Blinken", "leaves it up to Kyiv"),
    # "... were Ukrainians adding ...": the parser made the complement of "were" the subject
    # of "adding", which left the content stopping at "were"
    ("Moscow", "two drones were Ukrainians"),
    # the list after "office," that the parser hung on "called" as an adverbial noun
    ("Zhuravlev", "buildings housing Ukrainian special services"),
    # a relative frame the rules miss in its article's parse: found by the trained tagger
    ("authorities", "occurred overnight"),
    # "According to the report" right after the statement released from Moscow: the same text
    ("Moscow", "drones have been disabled"),
    # "notes the press service" right after the Kremlin spoke: its press service
    ("Kremlin", "The note specifies"),
]


def fold(text: str) -> str:
    """Lower-case ASCII form for comparing names across spellings (Sølvik ~ Solvik)."""
    text = text.replace("ø", "o").replace("Ø", "O")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


@pytest.fixture(scope="module")
def seeds(nlp, seeds_dir) -> list[tuple[Article, tuple[Quote, ...]]]:
    """The seeds as the pipeline sees them: read and cleaned by the real stages."""
    from counterpoint.clean import clean_article
    from counterpoint.ingest import read_inputs

    raws, _ = read_inputs([seeds_dir])
    out = []
    for raw in raws:
        article = make_article(clean_article(raw).text, input_id=raw.input_id)
        out.append((article, extract_quotes(article, nlp(article.text))))
    return out


@pytest.fixture(scope="module")
def lakeport(nlp) -> dict[str, tuple[Article, tuple[Quote, ...]]]:
    from counterpoint.clean import clean_article
    from counterpoint.ingest import read_inputs

    folder = Path(__file__).resolve().parent.parent / "examples" / "lakeport"
    if not (folder.parent / "lakeport.expected.json").is_file():
        pytest.skip("examples/lakeport is not there yet")
    raws, _ = read_inputs([folder])
    out = {}
    for raw in raws:
        name = Path(raw.origin.split(":")[0]).name
        article = make_article(clean_article(raw).text, input_id=raw.input_id)
        out[name] = (article, extract_quotes(article, nlp(article.text)))
    return out


def check_invariants(article: Article, quotes: tuple[Quote, ...]) -> None:
    text = article.text
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert q.text == text[q.start : q.end]
        for s, e in q.quoted:
            assert q.start <= s < e <= q.end
        if q.cue is not None:
            assert text[q.cue.start : q.cue.end] == q.cue.text
            assert q.cue.stance in ("neutral", "assertive", "denial", "doubt")
        if q.speaker.start is not None:
            assert q.speaker.end is not None
            assert 0 <= q.speaker.start < q.speaker.end <= len(text)
        assert q.kind in ("direct", "partial", "indirect")
        assert (q.kind == "indirect") == (not q.quoted)


# ---------------------------------------------------------------- seeds


def test_seed_invariants(seeds):
    for article, quotes in seeds:
        check_invariants(article, quotes)


def test_every_seed_paragraph_with_marks_and_a_reporting_verb_yields_a_quote(seeds):
    missed = []
    for article, quotes in seeds:
        for para in re.finditer(r"[^\n]+", article.text):
            line = para.group()
            if len(MARK.findall(line)) >= 2 and REPORTING.search(line):
                if not any(para.start() <= q.start < para.end() for q in quotes):
                    missed.append(line[:60])
    assert missed == []


def test_seed_must_find(seeds):
    found = [(fold(q.speaker.name or ""), fold(q.text)) for _, quotes in seeds for q in quotes]
    missing = [
        pair for pair in SEED_MUST_FIND
        if not any(fold(pair[0]) in name and fold(pair[1]) in text for name, text in found)
    ]
    assert missing == []


def test_seed_note_after_a_subheading_speaks_for_the_statement_it_continues(seeds):
    """"The note specifies ...", after a subheading, is the statement "released from Moscow"
    that the report and the rest of the account go on quoting."""
    notes = [q for _, quotes in seeds for q in quotes if q.cue is not None and q.cue.text == "specifies"
             and q.text.startswith("that the work schedule")]
    assert len(notes) == 1 and notes[0].speaker.name == "Moscow"


def test_seed_writer_remark_is_not_part_of_a_statement(seeds):
    """"which the authorities said occurred overnight but presented no evidence": the
    second predicate is the writer's remark on the authorities, not what they said."""
    for _, quotes in seeds:
        for q in quotes:
            if "occurred overnight" in q.text:
                assert "no evidence" not in q.text, q.text


def test_seed_speakers_are_speakers(seeds):
    lexicon = load_lexicon()
    for article, quotes in seeds:
        for q in quotes:
            if q.speaker.start is None:
                continue
            words = article.text[q.speaker.start : q.speaker.end].split()
            assert words, q
            head = words[-1].strip(",.").lower()
            assert head not in {"smoke", "start", "footage"}, q
            before = article.text[: q.speaker.start].rstrip(" ")
            opens = not before or before.endswith(("\n", ". "))
            if len(words) == 1 and opens and head not in PRONOUNS:
                # a lone word opening a sentence must be a name used elsewhere in the article
                assert article.text.count(words[0]) >= 2 or head in lexicon.groups, q


def test_seed_pronoun_speakers_resolve_to_person_names(seeds):
    for article, quotes in seeds:
        for q in quotes:
            if q.speaker.start is None:
                continue
            if article.text[q.speaker.start : q.speaker.end].lower() in PRONOUNS:
                assert q.speaker.name is not None
                assert len(q.speaker.name.split()) >= 2, q.speaker.name
                assert q.speaker.name.split()[-1] in article.text


def test_seed_unnamed_source_is_not_attached_to_a_name(seeds):
    for _article, quotes in seeds:
        for q in quotes:
            if "advance warning" in q.text:
                assert q.speaker.name is None


# ---------------------------------------------------------------- lakeport


LAKEPORT_FLOOR = 0.85


def test_lakeport_invariants(lakeport):
    for article, quotes in lakeport.values():
        check_invariants(article, quotes)


def test_lakeport_expected_quotes(lakeport):
    expected = json.loads(
        (Path(__file__).resolve().parent.parent / "examples/lakeport.expected.json").read_text()
    )
    hits = 0
    wrong = []
    for item in expected["quotes"]:
        _, quotes = lakeport[item["file"]]
        holding = [q for q in quotes if item["text_contains"] in q.text]
        ok = False
        for q in holding:
            name = q.speaker.name
            if item["speaker"] is None:
                ok = ok or name is None
            elif name is not None:
                if fold(item["speaker"].split()[-1]) in fold(name):
                    ok = True
                elif fold(name).split()[-1] not in fold(item["speaker"]):
                    wrong.append((item["text_contains"], name, item["speaker"]))
        hits += ok
    assert wrong == [], "misattributed quotes"
    assert hits / len(expected["quotes"]) >= LAKEPORT_FLOOR


def test_lakeport_not_quotes(lakeport):
    expected = json.loads(
        (Path(__file__).resolve().parent.parent / "examples/lakeport.expected.json").read_text()
    )
    for item in expected["not_quotes"]:
        _, quotes = lakeport[item["file"]]
        for q in quotes:
            assert item["text"] not in q.text, (item["why"], q.text)


# ---------------------------------------------------------------- property


WORDS = st.sampled_from(
    ["said", "he", "Anna Berg", "the minister", "told", "that", "according", "to", "denied",
     ",", ".", ":", "\n", "\n\n", "it's", "Russia's", "'90s", "we", "fire", "the", "plan"]
)
MARKS = st.sampled_from(['"', "“", "”", "'", "‘", "’", "«", "»", "„", "''", "``"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(WORDS, MARKS, st.text(max_size=6)), max_size=30))
def test_never_raises_and_keeps_invariants(nlp, pieces):
    text = " ".join(pieces)
    article = make_article(text)
    check_invariants(article, extract_quotes(article, nlp(text)))


def test_seed_must_find_fragments_are_never_given_to_someone_else(seeds):
    """Every quote holding a must-find fragment names that speaker or nobody."""
    wrong = []
    for _, quotes in seeds:
        for q in quotes:
            for speaker, fragment in SEED_MUST_FIND:
                name = fold(q.speaker.name or "")
                if fold(fragment) in fold(q.text) and name and fold(speaker) not in name:
                    wrong.append((q.speaker.name, fragment))
    assert wrong == []
