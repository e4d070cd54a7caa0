"""The dossier contract: load the JSON Schema and check a dossier against it.

The schema (``schema/dossier.schema.json``, draft 2020-12) fixes the shape of
:func:`counterpoint.model.to_json` output for a :class:`~counterpoint.model.Dossier`.
Beyond the shape, :func:`validate_dossier` checks what a schema cannot say but
the whole product relies on: every span lies inside its article's text, every
``article_id`` names an article of its story, and every span that repeats the
text it points at repeats it exactly. Nothing in a dossier is allowed to point
at text that is not there.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from typing import Any

import jsonschema

from counterpoint.errors import CounterpointError

__all__ = ["SchemaError", "load_schema", "span_problems", "validate_dossier"]

Found = Iterator[tuple[str, str]]

_SCHEMA_FILE = "dossier.schema.json"


class SchemaError(CounterpointError):
    """A dossier does not match the contract; the message names the JSON path."""

    exit_code = 6
    http_status = 500

    def __init__(self, path: str, problem: str, more: int = 0) -> None:
        suffix = f" (and {more} more problem{'s' if more != 1 else ''})" if more else ""
        super().__init__(f"{path}: {problem}{suffix}")
        self.path = path
        self.problem = problem
        self.more = more


@lru_cache(maxsize=1)
def _schema_text() -> str:
    return resources.files("counterpoint").joinpath("schema", _SCHEMA_FILE).read_text("utf-8")


def load_schema() -> dict[str, Any]:
    """The dossier JSON Schema as a fresh dict (callers may not mutate a shared copy)."""
    schema: dict[str, Any] = json.loads(_schema_text())
    return schema


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def validate_dossier(data: dict[str, Any], *, check_spans: bool = True) -> None:
    """Raise :class:`SchemaError` unless ``data`` is a valid dossier.

    First the JSON Schema (shape, types, enums, offsets >= 0, no unknown
    fields); then, if ``check_spans``, provenance: spans inside their article,
    known article ids, and quoted text equal to the text at its offsets. The
    message names the first problem's JSON path (e.g. ``$.stories[0].quotes[2].kind``).
    """
    errors = sorted((_leaf(e) for e in _validator().iter_errors(data)), key=_error_rank)
    if errors:
        first = errors[0]
        raise SchemaError(first.json_path, _describe(first), more=len(errors) - 1)
    if check_spans:
        problems = span_problems(data)
        if problems:
            path, problem = problems[0]
            raise SchemaError(path, problem, more=len(problems) - 1)


def _error_rank(error: jsonschema.ValidationError) -> tuple[int, str]:
    """Deepest error first: it names the field that is actually wrong."""
    return (-len(error.absolute_path), error.json_path)


def _leaf(error: jsonschema.ValidationError) -> jsonschema.ValidationError:
    """For a failed ``oneOf`` (record or null), the error inside the branch that fits.

    The branch whose type does not even match the value says nothing useful, so
    it is dropped; the deepest remaining error names the field that is wrong.
    """
    if error.validator not in ("oneOf", "anyOf") or not error.context:
        return error
    fitting = [e for e in error.context if not (e.validator == "type" and not e.relative_path)]
    if not fitting:
        return error
    return _leaf(min(fitting, key=_error_rank))


def _describe(error: jsonschema.ValidationError) -> str:
    """A short statement of what is wrong and what would be valid."""
    if error.validator == "enum":
        allowed = ", ".join(json.dumps(v) for v in error.validator_value)
        return f"{json.dumps(error.instance)} is not one of the allowed values: {allowed}"
    if error.validator == "additionalProperties":
        return f"{error.message}; allowed fields: {', '.join(sorted(error.schema['properties']))}"
    return str(error.message)


def span_problems(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Every provenance problem in a schema-valid dossier, as (JSON path, problem)."""
    problems: list[tuple[str, str]] = []
    for s, story in enumerate(data.get("stories", [])):
        texts = {a["id"]: a["text"] for a in story.get("articles", [])}
        for path, span in _spans(story, f"$.stories[{s}]"):
            problem = _span_problem(span, texts)
            if problem:
                problems.append((path, problem))
        problems.extend(_copies(story, texts, f"$.stories[{s}]"))
        problems.extend(_references(story, f"$.stories[{s}]"))
    return problems


def _span_problem(span: dict[str, Any], texts: dict[str, str]) -> str | None:
    """What is wrong with one ``{article_id, start, end[, text]}`` span, if anything."""
    article_id = span["article_id"]
    if article_id not in texts:
        return f"article_id {article_id!r} is not an article of this story"
    text = texts[article_id]
    start, end = span["start"], span["end"]
    if start is None or end is None:
        return None
    if end < start:
        return f"end {end} is before start {start}"
    if end > len(text):
        return f"end {end} is past the end of the article text ({len(text)} characters)"
    if isinstance(span.get("text"), str) and span["text"] != text[start:end]:
        return f"text {span['text']!r} differs from the article text at {start}:{end}"
    return None


def _spans(story: dict[str, Any], base: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every span of a story as ``{article_id, start, end[, text]}`` with its JSON path."""
    for e, entity in enumerate(story.get("entities", [])):
        for m, mention in enumerate(entity["mentions"]):
            yield f"{base}.entities[{e}].mentions[{m}]", mention
    for c, claim in enumerate(story.get("claims", [])):
        for r, report in enumerate(claim["reports"]):
            yield f"{base}.claims[{c}].reports[{r}]", report
    for d, disc in enumerate(story.get("discrepancies", [])):
        for i, side in enumerate(disc["sides"]):
            yield f"{base}.discrepancies[{d}].sides[{i}]", side
    for key in ("timeline", "summary"):
        for t, item in enumerate(story.get(key, [])):
            for i, cite in enumerate(item["citations"]):
                yield f"{base}.{key}[{t}].citations[{i}]", cite
    for q, quote in enumerate(story.get("quotes", [])):
        yield from _quote_spans(quote, f"{base}.quotes[{q}]")
    for a, article in enumerate(story.get("articles", [])):
        for t, expr in enumerate(article.get("time_expressions", [])):
            yield (
                f"{base}.articles[{a}].time_expressions[{t}]",
                {**expr, "article_id": article["id"]},
            )
    for f, framing in enumerate(story.get("framing", [])):
        for key in ("loaded_terms", "hedges"):
            for i, item in enumerate(framing[key]):
                span = {**item, "article_id": framing["article_id"]}
                yield f"{base}.framing[{f}].{key}[{i}]", span


def _quote_spans(quote: dict[str, Any], path: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """A quote's own span, its cue, its speaker and its verbatim segments."""
    article_id = quote["article_id"]
    yield path, quote
    if quote["cue"] is not None:
        yield f"{path}.cue", {**quote["cue"], "article_id": article_id}
    speaker = quote["speaker"]
    yield (
        f"{path}.speaker",
        {"article_id": article_id, "start": speaker["start"], "end": speaker["end"]},
    )
    for m, member in enumerate(speaker.get("members", ())):
        yield (
            f"{path}.speaker.members[{m}]",
            {"article_id": article_id, "start": member["start"], "end": member["end"]},
        )
    for i, (start, end) in enumerate(quote["quoted"]):
        yield f"{path}.quoted[{i}]", {"article_id": article_id, "start": start, "end": end}


def _copies(story: dict[str, Any], texts: dict[str, str], base: str) -> Iterator[tuple[str, str]]:
    """Copy groups and framing records must name articles of the story."""
    for g, group in enumerate(story.get("copies", [])):
        for i, article_id in enumerate(group):
            if article_id not in texts:
                yield f"{base}.copies[{g}][{i}]", f"{article_id!r} is not an article of this story"
    for f, framing in enumerate(story.get("framing", [])):
        if framing["article_id"] not in texts:
            problem = f"article_id {framing['article_id']!r} is not an article of this story"
            yield f"{base}.framing[{f}].article_id", problem


def _references(story: dict[str, Any], base: str) -> Found:
    """Ids that must name a record of the same story: entities, quotes, claims, reports."""
    entities = {e["id"] for e in story["entities"]}
    quotes = {q["id"] for q in story["quotes"]}
    claims = {c["id"] for c in story["claims"]}
    for q, quote in enumerate(story["quotes"]):
        yield from _known(quote["speaker"]["entity_id"], entities, f"{base}.quotes[{q}].speaker")
        for m, member in enumerate(quote["speaker"].get("members", ())):
            yield from _known(member["entity_id"], entities, f"{base}.quotes[{q}].speaker.members[{m}]")
    for c, claim in enumerate(story["claims"]):
        yield from _claim_references(claim, entities, quotes, f"{base}.claims[{c}]")
    for f, framing in enumerate(story["framing"]):
        path = f"{base}.framing[{f}]"
        for i, naming in enumerate(framing["naming"]):
            yield from _known(naming["entity_id"], entities, f"{path}.naming[{i}]")
        for i, voice in enumerate(framing["voices"]):
            yield from _known(voice["entity_id"], entities, f"{path}.voices[{i}]")
        for i, hedge in enumerate(framing["hedges"]):
            yield from _known(hedge["applies_to"], claims, f"{path}.hedges[{i}]", "applies_to")
        for i, claim_id in enumerate(framing["own_voice_claims"]):
            yield from _known(claim_id, claims, f"{path}.own_voice_claims[{i}]", "claim")


def _claim_references(
    claim: dict[str, Any], entities: set[str], quotes: set[str], path: str
) -> Found:
    for r, report in enumerate(claim["reports"]):
        yield from _known(report["quote_id"], quotes, f"{path}.reports[{r}]", "quote_id")
        if report["source"] is not None:
            source = report["source"]["entity_id"]
            yield from _known(source, entities, f"{path}.reports[{r}].source")
            for m, member in enumerate(report["source"].get("members", ())):
                yield from _known(member["entity_id"], entities, f"{path}.reports[{r}].source.members[{m}]")
    for p, position in enumerate(claim["positions"]):
        yield from _known(position["entity_id"], entities, f"{path}.positions[{p}]")
        for i, index in enumerate(position["reports"]):
            if index >= len(claim["reports"]):
                problem = f"report index {index} is out of range ({len(claim['reports'])} reports)"
                yield f"{path}.positions[{p}].reports[{i}]", problem


def _known(value: str | None, known: set[str], path: str, field: str = "entity_id") -> Found:
    """A problem if ``value`` is set but names nothing in ``known``."""
    if value is not None and value not in known:
        yield f"{path}.{field}", f"{value!r} does not name a record of this story"
