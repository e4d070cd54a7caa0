"""Entities across a story: names merged across articles, with exact mention offsets.

Must-find and must-not-merge sets on the seed articles (real scraped news with
its noise), on hand-written sentences, and on the bundled Lakeport example. Some
tests set a real spaCy ``Doc``'s entities by hand to reproduce a recognition
mistake exactly, so the repair rule is tested whatever the model does that day.
"""

from __future__ import annotations

import json
from importlib import resources
import re
import time
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from counterpoint.entities import entity_at, resolve_entities
from counterpoint.entities.mentions import words_in
from counterpoint.model import Article, Entity, Mention, make_id
from tests.factories import make_article

pytestmark = pytest.mark.slow

Story = tuple[list[Article], dict[str, Doc], tuple[Entity, ...]]


def _story(nlp, texts: Sequence[str]) -> Story:
    articles = [make_article(t, input_id=f"a{i}") for i, t in enumerate(texts)]
    docs = {a.id: d for a, d in zip(articles, nlp.pipe([a.text for a in articles]))}
    return articles, docs, resolve_entities(articles, docs)


def _with_ents(nlp, text: str, ents: Sequence[tuple[str, str, int]]) -> Doc:
    """A real parse of ``text`` whose entities are set by hand: (surface, label, nth)."""
    doc = nlp(text)
    spans = []
    for surface, label, nth in ents:
        starts = [m.start() for m in re.finditer(re.escape(surface), text)]
        span = doc.char_span(starts[nth], starts[nth] + len(surface), label=label)
        assert span is not None, surface
        spans.append(span)
    doc.ents = spans
    return doc


def _owners(entities: Sequence[Entity], alias: str) -> list[Entity]:
    return [e for e in entities if alias in e.aliases]


def _the(entities: Sequence[Entity], alias: str) -> Entity:
    found = _owners(entities, alias)
    assert len(found) == 1, f"{alias!r} is an alias of {[e.name for e in found]}"
    return found[0]


def _mention_texts(entity: Entity, articles: Sequence[Article]) -> list[str]:
    texts = {a.id: a.text for a in articles}
    return [texts[m.article_id][m.start : m.end] for m in entity.mentions]


# ------------------------------------------------------------------ the seed story


@pytest.fixture(scope="module")
def seeds(nlp, seeds_dir: Path) -> Story:
    files = sorted(seeds_dir.glob("*.txt"))
    articles = [make_article(f.read_text(encoding="utf-8"), input_id=f.stem) for f in files]
    docs = {a.id: d for a, d in zip(articles, nlp.pipe([a.text for a in articles]))}
    return articles, docs, resolve_entities(articles, docs)


@pytest.mark.parametrize(
    "variants",
    [
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy", "Zelensky"),
        ("Kyiv", "Kiev"),
        ("Dmitry Peskov", "Dmitri Peskov", "Peskov"),
        ("Sergei Sobyanin", "Serghey Sobyanin", "Sobyanin"),
        ("Sergei Mironov", "Serghei Mironov", "Mironov"),
        ("Anthony Blinken", "Antony Blinken"),
        ("Aleksey Zhuravlev", "Aleksei Zhuravlev"),
        ("Mykhailo Podolyak", "Mikhail Podolyak"),
        ("Vladimir Putin", "Putin"),
        ("Ukrainian", "Ukrainians"),
        ("United States", "US", "U.S."),
        ("Russia", "Russian Federation"),
    ],
)
def test_seed_spelling_variants_are_one_entity(seeds: Story, variants: tuple[str, ...]) -> None:
    _, _, entities = seeds
    owners = {_the(entities, v).id for v in variants}
    assert len(owners) == 1


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Vladimir Putin", "Vladimir Dzhabarov"),
        ("Mikhail Sheremet", "Mikhail Podolyak"),
        ("Mikhail Sheremet", "Mykhailo Podolyak"),
        ("Sergei Sobyanin", "Sergei Mironov"),
        ("Dmitry Peskov", "Vladimir Putin"),
    ],
)
def test_seed_different_people_stay_apart(seeds: Story, a: str, b: str) -> None:
    _, _, entities = seeds
    assert _the(entities, a).id != _the(entities, b).id


def test_seed_types_follow_the_story(seeds: Story) -> None:
    _, _, entities = seeds
    assert _the(entities, "Kyiv").type == "GPE"
    assert not [e for e in entities if e.type == "PERSON" and {"Kyiv", "Kiev"} & set(e.aliases)]
    assert _the(entities, "Ukrainian").type == "NORP"
    assert _the(entities, "Russian").type == "NORP"
    assert _the(entities, "Zelensky").type == "PERSON"


def test_seed_canonical_names_are_full_and_clean(seeds: Story) -> None:
    _, _, entities = seeds
    assert _the(entities, "Peskov").name == "Dmitry Peskov"
    assert _the(entities, "Zelensky").name == "Volodymyr Zelensky"
    assert _the(entities, "Putin").name == "Vladimir Putin"
    for e in entities:
        words = e.name.lower().split()
        assert not {"president", "spokesman", "mr.", "mp"} & set(words), e.name
        assert words[0] != "the", e.name
        assert not e.name.endswith(("'s", "’s")), e.name


@pytest.mark.parametrize(
    ("alias", "pattern"),
    [
        ("Peskov", r"\bPeskov\b"),
        ("Kyiv", r"\b(?:Kyiv|Kiev)\b"),
        ("Putin", r"\bPutin\b"),
        ("Zelensky", r"\bZelenskyy?\b"),
    ],
)
def test_seed_every_occurrence_of_a_name_is_inside_a_mention(
    seeds: Story, alias: str, pattern: str
) -> None:
    articles, _, entities = seeds
    entity = _the(entities, alias)
    for a in articles:
        for occurrence in re.finditer(pattern, a.text):
            assert any(
                m.article_id == a.id and m.start <= occurrence.start() < occurrence.end() <= m.end
                for m in entity.mentions
            ), (a.input_id, a.text[occurrence.start() - 30 : occurrence.end() + 30])


def test_seed_surnames_join_across_articles_and_headlines_add_no_junk(seeds: Story) -> None:
    articles, _, entities = seeds
    peskov = _the(entities, "Peskov")
    assert "Peskov" in _mention_texts(peskov, articles)
    assert len({m.article_id for m in peskov.mentions}) == 4
    aliases = {alias for e in entities for alias in e.aliases}
    assert not {"Putin Residence", "Kremlin Drone Attack", "Attempted Drone Strike"} & aliases


def test_seed_mentions_are_exact_spans_of_aliases(seeds: Story) -> None:
    articles, _, entities = seeds
    texts = {a.id: a.text for a in articles}
    seen: list[Mention] = []
    for e in entities:
        for m in e.mentions:
            assert 0 <= m.start < m.end <= len(texts[m.article_id])
            form = " ".join(w for w, _ in words_in(texts[m.article_id][m.start : m.end], 0))
            assert form in e.aliases
            seen.append(m)
    seen.sort(key=lambda m: (m.article_id, m.start))
    for a, b in zip(seen, seen[1:]):
        assert a.article_id != b.article_id or a.end <= b.start, (a, b)


def test_seed_records_are_stable_and_sorted(seeds: Story) -> None:
    articles, docs, entities = seeds
    for e in entities:
        assert e.id == make_id("e", e.type, e.name)
        assert list(e.aliases) == sorted(set(e.aliases))
        assert list(e.mentions) == sorted(e.mentions, key=lambda m: (m.article_id, m.start))
        assert e.type in {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"}
    assert len({e.id for e in entities}) == len(entities)
    keys = [(-len(e.mentions), e.name) for e in entities]
    assert keys == sorted(keys)
    assert resolve_entities(list(reversed(articles)), docs) == entities


@settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(order=st.permutations(range(5)))
def test_seed_entities_do_not_depend_on_article_order(seeds: Story, order: list[int]) -> None:
    articles, docs, entities = seeds
    assert resolve_entities([articles[i] for i in order], docs) == entities


def test_seed_story_resolves_well_under_a_second(seeds: Story) -> None:
    articles, docs, _ = seeds
    best = float("inf")
    for _ in range(3):
        began = time.perf_counter()
        resolve_entities(articles, docs)
        best = min(best, time.perf_counter() - began)
    assert best < 1.0


# ------------------------------------------------------------------ hand-written: merging


def test_a_surname_joins_the_full_name_from_another_article(nlp) -> None:
    articles, _, entities = _story(
        nlp,
        [
            "Finance Minister Helena Brandt presented the budget in Oslo on Tuesday.",
            "The cuts are necessary, Brandt told reporters on Wednesday.",
        ],
    )
    brandt = _the(entities, "Helena Brandt")
    assert brandt.type == "PERSON"
    assert brandt.name == "Helena Brandt"
    assert any(m.article_id == articles[1].id for m in brandt.mentions)


def test_two_people_sharing_a_first_name_stay_apart(nlp) -> None:
    articles, _, entities = _story(
        nlp,
        [
            "John Carter, the mayor, met John Whitfield at city hall on Monday. "
            "Carter said the talks went well, while Whitfield declined to comment.",
        ],
    )
    carter, whitfield = _the(entities, "John Carter"), _the(entities, "John Whitfield")
    assert carter.id != whitfield.id
    assert "Carter" in _mention_texts(carter, articles)
    assert "Whitfield" in _mention_texts(whitfield, articles)
    assert "Carter" not in _mention_texts(whitfield, articles)


def test_a_surname_shared_by_two_people_stays_unattached(nlp) -> None:
    articles, _, entities = _story(
        nlp,
        [
            "Anna Smith and Robert Smith both testified before the committee on Monday. "
            "Smith said the plan would fail.",
        ],
    )
    anna, robert = _the(entities, "Anna Smith"), _the(entities, "Robert Smith")
    assert anna.id != robert.id
    lone = articles[0].text.rindex("Smith")
    for e in (anna, robert):
        assert all(not (m.start <= lone < m.end) for m in e.mentions)


def test_a_shared_surname_means_the_person_named_in_that_article(nlp) -> None:
    articles, _, entities = _story(
        nlp,
        [
            "Defence Minister Ingrid Solberg said the drone came from the south. "
            "Solberg gave no evidence.",
            "Dock worker Erik Solberg was injured in the blast. Solberg was taken to hospital.",
        ],
    )
    ingrid, erik = _the(entities, "Ingrid Solberg"), _the(entities, "Erik Solberg")
    assert ingrid.id != erik.id
    for entity, article in ((ingrid, articles[0]), (erik, articles[1])):
        lone = article.text.rindex("Solberg")
        assert any(m.article_id == article.id and m.start == lone for m in entity.mentions)


def test_transliterated_given_names_and_initials_join(nlp) -> None:
    _, _, entities = _story(
        nlp,
        [
            "Foreign Minister Mykola Petrenko arrived in Geneva on Monday.",
            "Russian diplomats met Nikolai Petrenko in Geneva.",
            "M. Petrenko said on Tuesday that the talks had failed.",
        ],
    )
    assert len({_the(entities, v).id for v in ("Mykola Petrenko", "Nikolai Petrenko")}) == 1
    assert _the(entities, "Nikolai Petrenko").type == "PERSON"
    initial = [e for e in entities if any(a.startswith("M. ") for a in e.aliases)]
    assert initial and initial[0].id == _the(entities, "Mykola Petrenko").id


def test_short_forms_and_suffixes_join_but_titles_alone_are_not_people(nlp) -> None:
    text = (
        "Benjamin Banky, 19, was charged on Monday. Ben Banky's lawyer said he would plead "
        "not guilty. Anthony Russo Jr. and Anthony Russo testified. The Sheriff declined to "
        "comment."
    )
    ents = [
        ("Benjamin Banky", "PERSON", 0),
        ("Ben Banky", "PERSON", 0),
        ("Anthony Russo Jr.", "PERSON", 0),
        ("Anthony Russo", "PERSON", 1),
        ("Sheriff", "PERSON", 0),
    ]
    article = make_article(text)
    entities = resolve_entities([article], {article.id: _with_ents(nlp, text, ents)})
    assert _the(entities, "Ben Banky").id == _the(entities, "Benjamin Banky").id
    assert _the(entities, "Anthony Russo Jr.").id == _the(entities, "Anthony Russo").id
    assert not _owners(entities, "Sheriff")


def test_each_given_name_is_in_one_variant_group() -> None:
    from counterpoint.entities.names import load_rules, normalize_word

    data = resources.files("counterpoint").joinpath("data", "name_variants.json")
    raw = json.loads(data.read_text(encoding="utf-8"))
    groups = load_rules().given_groups
    for index, group in enumerate(raw["given_name_groups"]["groups"]):
        assert {groups[normalize_word(name)] for name in group} == {index}, group


def test_an_initial_that_fits_two_people_stays_apart(nlp) -> None:
    _, _, entities = _story(
        nlp,
        [
            "Mark Jensen and Maria Jensen signed the contract on Friday.",
            "According to M. Jensen, the deal was fair.",
        ],
    )
    mark, maria = _the(entities, "Mark Jensen"), _the(entities, "Maria Jensen")
    assert mark.id != maria.id
    assert not [a for e in (mark, maria) for a in e.aliases if a.startswith("M. ")]


def test_place_spellings_and_demonym_plurals_join(nlp) -> None:
    _, _, entities = _story(
        nlp,
        [
            "Shelling hit Kharkiv overnight, officials in Kharkiv said.",
            "Residents of Kharkov spent the night in shelters. Ukrainians were angry.",
            "A Ukrainian official said power was restored in Kharkiv.",
        ],
    )
    assert _the(entities, "Kharkiv").id == _the(entities, "Kharkov").id
    assert _the(entities, "Kharkiv").name == "Kharkiv"
    assert _the(entities, "Ukrainian").id == _the(entities, "Ukrainians").id


def test_long_and_short_country_names_join_but_look_alikes_stay_apart(nlp) -> None:
    _, _, entities = _story(
        nlp,
        [
            "The Russian Federation said the talks in Geneva had failed.",
            "Russia blamed the United States of America. The Federation Council met on Monday.",
            "Officials in the USA rejected the claim.",
        ],
    )
    assert _the(entities, "Russian Federation").id == _the(entities, "Russia").id
    assert _the(entities, "Russia").name == "Russia"
    assert _the(entities, "USA").id == _the(entities, "United States of America").id
    assert _the(entities, "Federation Council").id != _the(entities, "Russia").id


def test_an_organisation_with_and_without_the_is_one(nlp) -> None:
    _, _, entities = _story(
        nlp,
        [
            "The National Grain Board said exports would resume. "
            "A spokesman for the National Grain Board declined to give a date.",
            "National Grain Board officials met farmers on Friday.",
        ],
    )
    board = _the(entities, "National Grain Board")
    assert board.name == "National Grain Board"
    assert len(board.mentions) == 3
    assert not [e for e in entities if e.name.lower().startswith("the ")]


def test_name_orders_around_of_join_but_sibling_ministries_do_not(nlp) -> None:
    _, _, entities = _story(
        nlp,
        [
            "The Ministry of Defence said the border was calm. "
            "The Ministry of Health said three people were hurt.",
            "Officials at the Defence Ministry said the border was calm.",
        ],
    )
    defence = _the(entities, "Ministry of Defence")
    assert defence.id == _the(entities, "Defence Ministry").id
    assert defence.id != _the(entities, "Ministry of Health").id


def test_an_acronym_joins_the_one_name_it_spells(nlp) -> None:
    _, _, entities = _story(
        nlp,
        [
            "The Institute for the Study of War said the attack was staged. "
            "ISW analysts pointed to the footage.",
            "A spokesman for the National Transportation Safety Board said the NTSB "
            "would investigate.",
        ],
    )
    isw = _the(entities, "ISW")
    assert isw.name == "Institute for the Study of War"
    assert _the(entities, "NTSB").name == "National Transportation Safety Board"
    assert isw.id != _the(entities, "NTSB").id


# ------------------------------------------------------------------ hand-written: repairs


def test_titles_possessives_and_the_are_cut_from_spans(nlp) -> None:
    text = (
        "Kremlin spokesman Dmitri Volkov spoke first. Secretary of State Maria Olsen "
        "answered. Mr. Volkov's reply came later, and the Federation Council agreed."
    )
    doc = _with_ents(
        nlp,
        text,
        [
            ("Kremlin spokesman Dmitri Volkov", "PERSON", 0),
            ("Secretary of State Maria Olsen", "PERSON", 0),
            ("Mr. Volkov's", "PERSON", 0),
            ("the Federation Council", "ORG", 0),
        ],
    )
    article = make_article(text)
    entities = resolve_entities([article], {article.id: doc})
    names = {e.name for e in entities}
    assert {"Dmitri Volkov", "Maria Olsen", "Federation Council"} <= names
    volkov = _the(entities, "Dmitri Volkov")
    assert _mention_texts(volkov, [article]) == ["Dmitri Volkov", "Volkov"]
    assert "Kremlin" not in names or _the(entities, "Kremlin").type != "PERSON"


def test_a_span_that_only_completes_a_title_is_dropped(nlp) -> None:
    text = "Secretary of State Maria Olsen arrived. Defence Minister Jonas Berg met her."
    doc = _with_ents(
        nlp,
        text,
        [
            ("State", "ORG", 0),
            ("Maria Olsen", "PERSON", 0),
            ("Defence", "ORG", 0),
            ("Jonas Berg", "PERSON", 0),
        ],
    )
    article = make_article(text)
    entities = resolve_entities([article], {article.id: doc})
    assert {e.name for e in entities} == {"Maria Olsen", "Jonas Berg"}


def test_a_word_tagged_person_in_one_sentence_is_a_place_when_the_story_says_so(nlp) -> None:
    texts = [
        "Lakeport was quiet on Monday. Officials in Lakeport reopened the port.",
        "Lakeport demanded answers from the government.",
    ]
    articles = [make_article(t, input_id=f"a{i}") for i, t in enumerate(texts)]
    docs = {
        articles[0].id: _with_ents(nlp, texts[0], [("Lakeport", "GPE", 0), ("Lakeport", "GPE", 1)]),
        articles[1].id: _with_ents(nlp, texts[1], [("Lakeport", "PERSON", 0)]),
    }
    entities = resolve_entities(articles, docs)
    assert len(entities) == 1
    assert entities[0].type == "GPE"
    assert len(entities[0].mentions) == 3


def test_a_country_spacy_calls_an_organisation_is_a_place_when_the_story_says_so(nlp) -> None:
    text = (
        "Drones crossed into Norland's airspace overnight. The Norland government protested. "
        "Norland said it would respond."
    )
    ents = [("Norland", "ORG", 0), ("Norland", "ORG", 1), ("Norland", "ORG", 2)]
    article = make_article(text)
    entities = resolve_entities([article], {article.id: _with_ents(nlp, text, ents)})
    assert [(e.name, e.type, len(e.mentions)) for e in entities] == [("Norland", "GPE", 3)]
    one_cue = "The Norland government protested. Norland said it would respond. Norland agreed."
    article = make_article(one_cue)
    entities = resolve_entities([article], {article.id: _with_ents(nlp, one_cue, ents)})
    assert [e.type for e in entities] == ["ORG"]


def test_a_lone_word_before_a_place_noun_is_not_a_person(nlp) -> None:
    text = "Strikes hit the Kirovohrad region overnight. The Netanyahu government said nothing."
    ents = [("Kirovohrad", "PERSON", 0), ("Netanyahu", "PERSON", 0)]
    article = make_article(text)
    entities = resolve_entities([article], {article.id: _with_ents(nlp, text, ents)})
    assert _the(entities, "Kirovohrad").type == "GPE"
    assert _the(entities, "Netanyahu").type == "PERSON"


def test_a_name_followed_by_a_description_is_cut_to_the_name(nlp) -> None:
    text = "Ardenian foreign ministry spokesman Lucien Ferrand urged restraint."
    ents = [("Ardenian foreign ministry", "ORG", 0), ("Lucien Ferrand", "PERSON", 0)]
    article = make_article(text)
    entities = resolve_entities([article], {article.id: _with_ents(nlp, text, ents)})
    assert {(e.name, e.type) for e in entities} == {
        ("Ardenian", "NORP"),
        ("Lucien Ferrand", "PERSON"),
    }


def test_a_lone_word_in_a_list_of_places_is_a_place(nlp) -> None:
    text = "Strikes hit Kyiv, Sumy, Odesa and Lviv overnight. In Geneva, Lavrov said nothing."
    ents = [
        ("Kyiv", "GPE", 0),
        ("Sumy", "PERSON", 0),
        ("Odesa", "GPE", 0),
        ("Lviv", "GPE", 0),
        ("Geneva", "GPE", 0),
        ("Lavrov", "PERSON", 0),
    ]
    article = make_article(text)
    entities = resolve_entities([article], {article.id: _with_ents(nlp, text, ents)})
    assert _the(entities, "Sumy").type == "GPE"
    assert _the(entities, "Lavrov").type == "PERSON"


def test_a_place_glued_to_a_name_is_cut_off(nlp) -> None:
    text = (
        "Norland was alarmed. Ingrid Solberg spoke. "
        "The President of Norland Ingrid Solberg said more."
    )
    doc = _with_ents(
        nlp,
        text,
        [
            ("Norland", "GPE", 0),
            ("Ingrid Solberg", "PERSON", 0),
            ("Norland Ingrid Solberg", "NORP", 0),
        ],
    )
    article = make_article(text)
    entities = resolve_entities([article], {article.id: doc})
    solberg = _the(entities, "Ingrid Solberg")
    assert solberg.type == "PERSON" and len(solberg.mentions) == 2
    assert len(_the(entities, "Norland").mentions) == 2


def test_a_name_split_in_two_is_joined_when_the_story_knows_the_person(nlp) -> None:
    texts = [
        "President Alexander Dorovin denied the claims.",
        "Speaking on Friday, President Aleksandr Dorovin repeated the denial.",
    ]
    articles = [make_article(t, input_id=f"a{i}") for i, t in enumerate(texts)]
    docs = {
        articles[0].id: _with_ents(nlp, texts[0], [("Alexander Dorovin", "PERSON", 0)]),
        articles[1].id: _with_ents(nlp, texts[1], [("Aleksandr", "GPE", 0)]),
    }
    entities = resolve_entities(articles, docs)
    assert len(entities) == 1 and entities[0].type == "PERSON"
    assert set(entities[0].aliases) == {"Alexander Dorovin", "Aleksandr Dorovin"}


def test_a_possessive_inside_a_span_splits_off_a_known_name(nlp) -> None:
    text = "Vessaria denied it. Vessaria's Foreign Ministry issued a statement."
    doc = _with_ents(nlp, text, [("Vessaria", "GPE", 0), ("Vessaria's Foreign Ministry", "ORG", 0)])
    article = make_article(text)
    entities = resolve_entities([article], {article.id: doc})
    assert _the(entities, "Foreign Ministry").type == "ORG"
    assert len(_the(entities, "Vessaria").mentions) == 2


def test_a_surname_spacy_missed_is_found_by_scanning(nlp) -> None:
    text = "Senator Jon Tester spoke first. Tester said no.\n\nTESTER: We will vote no."
    doc = _with_ents(nlp, text, [("Jon Tester", "PERSON", 0)])
    article = make_article(text)
    entities = resolve_entities([article], {article.id: doc})
    assert len(entities) == 1
    assert _mention_texts(entities[0], [article]) == ["Jon Tester", "Tester", "TESTER"]
    assert entities[0].name == "Jon Tester"


def test_an_empty_story_has_no_entities(nlp) -> None:
    assert resolve_entities([], {}) == ()
    article = make_article("it rained all day and nobody went out.")
    assert resolve_entities([article], {article.id: nlp(article.text)}) == ()


def test_articles_without_a_parse_are_skipped(nlp) -> None:
    parsed = make_article("Helena Brandt visited Oslo.", input_id="en")
    unparsed = make_article("Helena Brandt besuchte Oslo.", input_id="de", language="de")
    entities = resolve_entities([parsed, unparsed], {parsed.id: nlp(parsed.text)})
    assert entities
    assert {m.article_id for e in entities for m in e.mentions} == {parsed.id}


_PIECES = [
    "President Anna Berg",
    "Berg",
    "Mr. Berg's",
    "Anna Berg",
    "Ana Berg",
    "the Harbour Authority",
    "Harbour Authority",
    "Oslo",
    "Oslo's",
    "Norwegians",
    "[Anna] Berg",
    "J. Berg",
    "Jon Berg",
    "said",
    "met",
    "in",
    "and",
    ",",
    ".",
    "\u201c",
    "\u201d",
    "\n",
    "Kiev",
    "Kyiv",
]


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=25), min_size=1, max_size=3)
)
def test_any_text_gives_exact_non_overlapping_mentions(nlp, pieces: list[list[str]]) -> None:
    articles, _, entities = _story(nlp, [" ".join(p) for p in pieces])
    texts = {a.id: a.text for a in articles}
    spans = []
    for e in entities:
        assert e.id == make_id("e", e.type, e.name) and e.name in e.aliases
        for m in e.mentions:
            form = " ".join(w for w, _ in words_in(texts[m.article_id][m.start : m.end], 0))
            assert form in e.aliases
            spans.append((m.article_id, m.start, m.end))
    spans.sort()
    for a, b in zip(spans, spans[1:]):
        assert a[0] != b[0] or a[2] <= b[1]


# ------------------------------------------------------------------ entity_at


def test_entity_at_finds_the_best_overlapping_mention() -> None:
    a = Entity("e_a", "Anna Berg", "PERSON", ("Anna Berg",), (Mention("x", 10, 19),))
    b = Entity("e_b", "Oslo", "GPE", ("Oslo",), (Mention("x", 25, 29), Mention("y", 0, 4)))
    assert entity_at([a, b], "x", 12, 15) is a
    assert entity_at([a, b], "x", 15, 27) is a  # 4 characters of Anna Berg, 2 of Oslo
    assert entity_at([a, b], "x", 18, 29) is b
    assert entity_at([a, b], "y", 1, 2) is b
    assert entity_at([a, b], "x", 19, 25) is None
    assert entity_at([a, b], "z", 10, 19) is None


# ------------------------------------------------------------------ the bundled example


def _example_story(nlp, example_dir: Path) -> Story:
    from counterpoint.clean import clean_article
    from counterpoint.ingest import read_inputs

    raws, _ = read_inputs([example_dir])
    articles = [make_article(clean_article(r).text, input_id=r.input_id) for r in raws]
    docs = {a.id: d for a, d in zip(articles, nlp.pipe([a.text for a in articles]))}
    return articles, docs, resolve_entities(articles, docs)


# Share of the hand-annotated entities whose variants found in the text all land
# in one entity of the right type. A floor that only goes up.
EXAMPLE_MERGE_FLOOR = 0.96
EXAMPLE_TYPE_FLOOR = 0.96


def test_example_entities_must_find_and_must_not_merge(nlp, example_dir: Path) -> None:
    expected = json.loads(
        (example_dir.parent / "lakeport.expected.json").read_text(encoding="utf-8")
    )["entities"]
    _, _, entities = _example_story(nlp, example_dir)
    merged = typed = scored = 0
    for item in expected:
        owners = {e.id: e for v in item["variants"] for e in _owners(entities, v)}
        if not owners:
            continue
        scored += 1
        merged += len(owners) == 1
        typed += len(owners) == 1 and next(iter(owners.values())).type == item["type"]
        for other in item["must_not_merge_with"]:
            assert not set(owners) & {e.id for e in _owners(entities, other)}, (item, other)
    assert scored >= 0.8 * len(expected)
    assert merged / scored >= EXAMPLE_MERGE_FLOOR
    assert typed / scored >= EXAMPLE_TYPE_FLOOR


def test_a_company_named_after_a_place_is_an_organisation(nlp) -> None:
    _, _, entities = _story(
        nlp,
        [
            "The fire broke out at a terminal operated by the company Norgrain in Lakeport.",
            "Norgrain did not respond. Norgrain shares fell in Lakeport on Monday.",
        ],
    )
    assert _the(entities, "Norgrain").type == "ORG"
    assert _the(entities, "Lakeport").type == "GPE"


def test_an_outlet_naming_itself_is_an_organisation(nlp) -> None:
    texts = [
        "LAKEPORT (Meridian Wire) — A fire hit the port. Officials told Meridian Wire it was out.",
        "A docker told the Flare he was scared. Karin Holm visited the port.",
    ]
    articles = [
        make_article(texts[0], input_id="a0", outlet="Meridian Wire"),
        make_article(texts[1], input_id="a1", outlet="The Daily Flare"),
    ]
    docs = {a.id: d for a, d in zip(articles, nlp.pipe(texts))}
    entities = resolve_entities(articles, docs)
    assert _the(entities, "Meridian Wire").type == "ORG"
    assert _the(entities, "Flare").type == "ORG"
    assert _the(entities, "Karin Holm").type == "PERSON"
