"""The dossier contract: the schema accepts real dossiers, rejects broken ones by path,
and cannot drift from the data model."""

from __future__ import annotations

import copy
import dataclasses
import typing
from typing import Any

import pytest

from counterpoint import model
from counterpoint.errors import CounterpointError
from counterpoint.model import (
    SCHEMA_VERSION,
    Article,
    Citation,
    Claim,
    ClaimOutlets,
    Cue,
    Discrepancy,
    Dossier,
    Entity,
    Failure,
    Framing,
    Hedge,
    LoadedTerm,
    Mention,
    NamingForms,
    Position,
    Quote,
    Removed,
    Report,
    Side,
    SkippedStage,
    Source,
    Speaker,
    Story,
    SummarySentence,
    TimeExpression,
    TimelineEntry,
    Voice,
    make_id,
    to_json,
)
from counterpoint.schema import SchemaError, load_schema, validate_dossier

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"

TEXT_A = (
    "Officials in Lakeview said on Monday that a freight barge struck the Old Mill bridge. "
    f'"The span is closed | until further notice," said Mayor Ada {SCRIPT}Quill. '
    "The harbour authority denied that the pilot was drunk. "
    f"# Not a heading *and* not bold {IMG} [not a link](x) `code`"
)
TEXT_B = (
    "A barge hit the Old Mill bridge on Sunday night, police said. "
    'Mayor Quill said: "The span is closed | until further notice." '
    "The crash reportedly caused major damage."
)
TEXT_C = "A barge hit the Old Mill bridge on Sunday night, police said."


def _span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the ``nth`` occurrence of ``needle`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def _article(text: str, input_id: str, outlet: str | None, **kw: Any) -> Article:
    return Article(
        id=make_id("a", input_id, text),
        input_id=input_id,
        origin=f"{input_id}.txt",
        outlet=outlet,
        url=kw.get("url"),
        title=kw.get("title"),
        authors=kw.get("authors", ()),
        published=kw.get("published"),
        language="en",
        text=text,
        removed=kw.get("removed", ()),
        skipped_stages=kw.get("skipped", ()),
        time_expressions=kw.get("times", ()),
        time_anchor=kw.get("published"),
    )


def _articles() -> tuple[Article, Article, Article]:
    monday = _span(TEXT_A, "on Monday")
    a = _article(
        TEXT_A,
        "lakeview",
        f"Lakeview {SCRIPT} Post",
        title=f"Barge | hits {IMG} bridge",
        authors=("Jo *Smith*",),
        published="2024-03-11",
        url="https://example.test/a?x=1&y=2",
        removed=(Removed(f"Subscribe now {SCRIPT}", "boilerplate"),),
        times=(
            TimeExpression(monday[0], monday[1], "on Monday", "DATE", "2024-03-11", "published"),
        ),
    )
    b = _article(
        TEXT_B,
        "wire",
        "Wire Service",
        title="Bridge struck",
        published="2024-03-10",
        skipped=(SkippedStage("framing", "too short | for framing"),),
    )
    c = _article(TEXT_C, "copy", None, title=None)
    return a, b, c


def _quotes(a: Article, b: Article) -> tuple[Quote, Quote]:
    qa, qb = (
        _span(a.text, "The span is closed | until further notice,"),
        _span(b.text, "The span is closed | until further notice."),
    )
    said_a, said_b = _span(a.text, "said", 1), _span(b.text, "said", 1)
    speaker_a = _span(a.text, f"Mayor Ada {SCRIPT}Quill")
    speaker_b = _span(b.text, "Mayor Quill")
    quote_a = Quote(
        make_id("q", a.id, qa),
        a.id,
        qa[0],
        qa[1],
        a.text[qa[0] : qa[1]],
        (qa,),
        "direct",
        Cue(said_a[0], said_a[1], "said", "neutral"),
        Speaker(speaker_a[0], speaker_a[1], "e_mayor", f"Ada {SCRIPT}Quill"),
    )
    quote_b = Quote(
        make_id("q", b.id, qb),
        b.id,
        qb[0],
        qb[1],
        b.text[qb[0] : qb[1]],
        (qb,),
        "direct",
        Cue(said_b[0], said_b[1], "said", "assertive"),
        Speaker(speaker_b[0], speaker_b[1], "e_mayor", "Mayor Quill"),
    )
    return quote_a, quote_b


def _report(article: Article, needle: str, **kw: Any) -> Report:
    start, end = _span(article.text, needle)
    return Report(
        article.id,
        start,
        end,
        needle,
        kw.get("voice", "own"),
        kw.get("quote_id"),
        kw.get("source"),
        kw.get("stance", "reports"),
        kw.get("hedges", ()),
    )


def _claims(a: Article, b: Article, c: Article, quote_a: Quote) -> tuple[Claim, Claim]:
    struck = Claim(
        id="c_struck",
        text=f"A barge struck the bridge | {SCRIPT}",
        status="consensus",
        reports=(
            _report(
                a,
                "a freight barge struck the Old Mill bridge",
                voice="attributed",
                source=Source(None, "Officials"),
            ),
            _report(b, "A barge hit the Old Mill bridge on Sunday night"),
            _report(c, "A barge hit the Old Mill bridge on Sunday night"),
        ),
        positions=(Position(None, "Officials", "asserts", (0,)),),
        outlets=ClaimOutlets(own_voice=(b.id, c.id), attributed=(a.id,), hedged=(b.id,)),
        outlet_count=3,
        independent_origins=2,
        why_grouped=("same event, same place",),
    )
    drunk = Claim(
        id="c_drunk",
        text="The pilot was drunk",
        status="contested",
        reports=(
            _report(
                a,
                "denied that the pilot was drunk",
                voice="attributed",
                source=Source("e_harbour", "harbour authority"),
                stance="denies",
                quote_id=quote_a.id,
            ),
        ),
        positions=(Position("e_harbour", "harbour authority", "denies", (0,)),),
        outlets=ClaimOutlets(disputing=(a.id,), omitting=(b.id, c.id)),
        outlet_count=1,
        independent_origins=1,
        why_grouped=("one report",),
    )
    return struck, drunk


def _story_parts(a: Article, b: Article, c: Article) -> dict[str, Any]:
    quote_a, quote_b = _quotes(a, b)
    mayor_a, mayor_b = _span(a.text, f"Mayor Ada {SCRIPT}Quill"), _span(b.text, "Mayor Quill")
    reported = _span(b.text, "reportedly")
    loaded = _span(b.text, "major damage")
    side_a, side_b = _span(a.text, "on Monday"), _span(b.text, "on Sunday night")
    return {
        "entities": (
            Entity(
                "e_mayor",
                f"Ada {SCRIPT}Quill",
                "PERSON",
                ("Mayor Quill", f"Quill | {IMG}"),
                (Mention(a.id, *mayor_a), Mention(b.id, *mayor_b)),
            ),
            Entity(
                "e_harbour",
                "harbour authority",
                "ORG",
                (),
                (Mention(a.id, *_span(a.text, "harbour authority")),),
            ),
        ),
        "quotes": (quote_a, quote_b),
        "claims": _claims(a, b, c, quote_a),
        "discrepancies": (
            Discrepancy(
                "time",
                f"Monday or Sunday? {SCRIPT}",
                (Side(a.id, *side_a, "on Monday"), Side(b.id, *side_b, "on Sunday night")),
            ),
        ),
        "timeline": (
            TimelineEntry(
                "2024-03-10T21:00",
                "2024-03-10T23:59",
                "hour",
                f"Barge strikes bridge {IMG}",
                (Citation(b.id, *side_b),),
            ),
        ),
        "framing": (
            Framing(
                a.id,
                naming=(NamingForms("e_mayor", {f"Ada {SCRIPT}Quill": 1}),),
                voices=(Voice("e_mayor", "Ada Quill", 1, 7, "officials"),),
                own_voice_claims=(),
            ),
            Framing(
                b.id,
                naming=(NamingForms("e_mayor", {"Mayor Quill": 1}),),
                loaded_terms=(LoadedTerm(*loaded, "major damage", "own", "intensifier"),),
                hedges=(Hedge(*reported, "reportedly", "c_struck"),),
                voices=(Voice("e_mayor", "Mayor Quill", 1, 7, None),),
                own_voice_claims=("c_struck",),
            ),
        ),
        "summary": (
            SummarySentence(
                f"A barge struck a bridge | {SCRIPT}",
                (
                    Citation(a.id, *_span(a.text, "a freight barge struck the Old Mill bridge")),
                    Citation(b.id, *_span(b.text, "A barge hit the Old Mill bridge")),
                ),
            ),
        ),
        "copies": ((b.id, c.id),),
    }


def sample_dossier() -> Dossier:
    """A hand-built dossier with every record type and hostile source text."""
    a, b, c = _articles()
    story = Story(
        id="s_bridge",
        title=f"Bridge | strike {SCRIPT}",
        articles=(a, b, c),
        **_story_parts(a, b, c),
    )
    empty = Story(
        id="s_empty",
        title="A story with nothing found",
        articles=(_article("Nothing much happened.", "quiet", "Quiet Times"),),
    )
    return Dossier(
        SCHEMA_VERSION,
        "2024-03-12T08:30:00Z",
        (story, empty),
        (Failure(f"bad.html {SCRIPT}", "could not parse | empty"),),
    )


@pytest.fixture()
def data() -> dict[str, Any]:
    result: dict[str, Any] = to_json(sample_dossier())
    return result


def test_hand_built_dossier_validates(data: dict[str, Any]) -> None:
    validate_dossier(data)


def test_every_record_type_is_covered(data: dict[str, Any]) -> None:
    """The sample exercises every record class, so the validation test means something."""
    seen: set[str] = set()

    def walk(value: Any) -> None:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            seen.add(type(value).__name__)
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name))
        elif isinstance(value, (tuple, list)):
            for v in value:
                walk(v)

    walk(sample_dossier())
    assert set(load_schema()["$defs"]) <= seen


def _fails_at(data: dict[str, Any], path: str, *words: str) -> SchemaError:
    with pytest.raises(SchemaError) as info:
        validate_dossier(data)
    message = str(info.value)
    assert message.startswith(path + ":"), message
    for word in words:
        assert word in message, message
    assert isinstance(info.value, CounterpointError)
    return info.value


def test_missing_field_names_path(data: dict[str, Any]) -> None:
    del data["stories"][0]["quotes"][1]["speaker"]
    _fails_at(data, "$.stories[0].quotes[1]", "'speaker' is a required property")


def test_wrong_enum_names_path_and_valid_values(data: dict[str, Any]) -> None:
    data["stories"][0]["claims"][1]["reports"][0]["stance"] = "maybe"
    _fails_at(data, "$.stories[0].claims[1].reports[0].stance", '"maybe"', "cannot_confirm")


def test_wrong_enum_inside_nullable_record(data: dict[str, Any]) -> None:
    data["stories"][0]["quotes"][0]["cue"]["stance"] = "shouting"
    _fails_at(data, "$.stories[0].quotes[0].cue.stance", "denial")


def test_negative_offset_names_path(data: dict[str, Any]) -> None:
    data["stories"][0]["entities"][0]["mentions"][1]["start"] = -3
    _fails_at(data, "$.stories[0].entities[0].mentions[1].start", "-3")


def test_extra_field_names_path(data: dict[str, Any]) -> None:
    data["stories"][0]["articles"][2]["sentiment"] = 0.5
    _fails_at(data, "$.stories[0].articles[2]", "sentiment", "allowed fields")


def test_wrong_type_and_bad_version(data: dict[str, Any]) -> None:
    bad = copy.deepcopy(data)
    bad["stories"][0]["claims"][0]["outlet_count"] = "3"
    _fails_at(bad, "$.stories[0].claims[0].outlet_count", "integer")
    data["schema_version"] = "0.9"
    _fails_at(data, "$.schema_version", "1.1")


def test_bad_date_and_quoted_pair(data: dict[str, Any]) -> None:
    bad = copy.deepcopy(data)
    bad["stories"][0]["articles"][0]["published"] = "March 11"
    _fails_at(bad, "$.stories[0].articles[0].published", "March 11")
    data["stories"][0]["quotes"][0]["quoted"][0] = [1, 2, 3]
    _fails_at(data, "$.stories[0].quotes[0].quoted[0]")


def test_span_past_text_end_is_rejected(data: dict[str, Any]) -> None:
    data["stories"][0]["summary"][0]["citations"][1]["end"] = 10_000
    _fails_at(data, "$.stories[0].summary[0].citations[1]", "past the end")


def test_span_text_must_match_article(data: dict[str, Any]) -> None:
    data["stories"][0]["quotes"][0]["text"] = "words nobody wrote"
    _fails_at(data, "$.stories[0].quotes[0]", "differs from the article text")


def test_unknown_article_id_is_rejected(data: dict[str, Any]) -> None:
    data["stories"][0]["discrepancies"][0]["sides"][0]["article_id"] = "a_missing"
    _fails_at(data, "$.stories[0].discrepancies[0].sides[0]", "a_missing")
    validate_dossier(data, check_spans=False)


def test_reversed_span_is_rejected(data: dict[str, Any]) -> None:
    framing = data["stories"][0]["framing"][1]["hedges"][0]
    framing["start"], framing["end"] = framing["end"], framing["start"]
    _fails_at(data, "$.stories[0].framing[1].hedges[0]", "before start")


def test_message_counts_further_problems(data: dict[str, Any]) -> None:
    data["stories"][0]["claims"][0]["status"] = "true"
    data["failures"][0]["reason"] = None
    error = _fails_at(data, "$.stories[0].claims[0].status")
    assert error.more == 1 and "1 more problem" in str(error)


def _field_names(cls: type) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)}


def _record_classes() -> dict[str, type]:
    """Every dataclass reachable from Dossier through its field types."""
    found: dict[str, type] = {}
    pending: list[type] = [model.Dossier]
    while pending:
        cls = pending.pop()
        if cls.__name__ in found:
            continue
        found[cls.__name__] = cls
        for hint in typing.get_type_hints(cls, vars(model)).values():
            pending.extend(_classes_in(hint))
    return found


def _classes_in(hint: Any) -> list[type]:
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return [hint]
    return [c for arg in typing.get_args(hint) for c in _classes_in(arg)]


def test_schema_records_match_model_fields() -> None:
    """Each record in the schema has exactly its dataclass's fields, all required."""
    schema = load_schema()
    classes = _record_classes()
    assert set(schema["$defs"]) == set(classes) - {"Dossier"}
    for name, definition in schema["$defs"].items():
        fields = _field_names(classes[name])
        assert set(definition["properties"]) == fields, name
        assert set(definition["required"]) == fields, name
        assert definition["additionalProperties"] is False, name
    assert set(schema["properties"]) == _field_names(Dossier)
    assert set(schema["required"]) == _field_names(Dossier)
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION


def test_schema_enums_match_model_literals() -> None:
    """Enum values in the schema are exactly the Literal values in model.py."""
    defs = load_schema()["$defs"]
    for name, cls in _record_classes().items():
        if name == "Dossier":
            continue
        for field_name, hint in typing.get_type_hints(cls, vars(model)).items():
            literal = _literal_values(hint)
            if literal:
                prop = defs[name]["properties"][field_name]
                assert set(prop["enum"]) == literal, f"{name}.{field_name}"


def _literal_values(hint: Any) -> set[str]:
    if typing.get_origin(hint) is typing.Literal:
        return set(typing.get_args(hint))
    return set()


def test_discrepancy_needs_two_sides_and_copies_two_articles(data: dict[str, Any]) -> None:
    bad = copy.deepcopy(data)
    del bad["stories"][0]["discrepancies"][0]["sides"][1]
    _fails_at(bad, "$.stories[0].discrepancies[0].sides", "too short")
    data["stories"][0]["copies"][0] = data["stories"][0]["copies"][0][:1]
    _fails_at(data, "$.stories[0].copies[0]", "too short")


@pytest.mark.parametrize(
    ("where", "path"),
    [
        (lambda s: s["quotes"][0]["speaker"], "$.stories[0].quotes[0].speaker.entity_id"),
        (lambda s: s["claims"][1]["positions"][0], "$.stories[0].claims[1].positions[0].entity_id"),
        (lambda s: s["framing"][0]["naming"][0], "$.stories[0].framing[0].naming[0].entity_id"),
    ],
)
def test_dangling_entity_ids_are_rejected(data: dict[str, Any], where: Any, path: str) -> None:
    where(data["stories"][0])["entity_id"] = "e_nobody"
    _fails_at(data, path, "e_nobody", "does not name a record")


def test_dangling_claim_quote_and_report_references(data: dict[str, Any]) -> None:
    story = data["stories"][0]
    bad = copy.deepcopy(data)
    bad["stories"][0]["framing"][1]["hedges"][0]["applies_to"] = "c_gone"
    _fails_at(bad, "$.stories[0].framing[1].hedges[0].applies_to", "c_gone")
    bad = copy.deepcopy(data)
    bad["stories"][0]["claims"][1]["reports"][0]["quote_id"] = "q_gone"
    _fails_at(bad, "$.stories[0].claims[1].reports[0].quote_id", "q_gone")
    story["claims"][0]["positions"][0]["reports"] = [0, 7]
    _fails_at(data, "$.stories[0].claims[0].positions[0].reports[1]", "out of range")
