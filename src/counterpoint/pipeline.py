"""The stage order as data, checked before any work, and the adapters that run each stage.

Each stage declares what it ``requires`` and ``produces`` (names of values on a
blackboard). :func:`check` walks the list in order and fails with a message
naming what is missing and what is available. Corpus stages run once over all
articles; story stages run once per story on that story's articles. Stages do no
I/O: the runner in :mod:`counterpoint.api` loads inputs and persists results.
"""

from __future__ import annotations

import dataclasses
import hashlib
import statistics
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from typing import Any, Literal

from counterpoint.config import Config
from counterpoint.errors import CounterpointError, InputError, PipelineError, StageFailed
from counterpoint.model import Article, Failure, SkippedStage, Story, make_id

__all__ = ["StageSpec", "Resources", "STAGES", "INPUTS", "check", "pipeline_version",
           "run_stages", "DEEP_STAGES"]

Values = dict[str, Any]


class Resources:
    """Models loaded once per process, on first use."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.timings: dict[str, float] = {}
        self._nlp: Any = None
        self._embedder: Any = None

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            from counterpoint.nlp import load_pipeline

            self._nlp = load_pipeline(self.config.spacy_model)
        return self._nlp

    @property
    def embedder(self) -> Any:
        if self._embedder is None:
            from counterpoint.embeddings import load_embedder

            self._embedder = load_embedder(self.config.embedding_model)
        return self._embedder


@dataclass(frozen=True)
class StageSpec:
    name: str
    version: str
    scope: Literal["input", "corpus", "story"]
    requires: tuple[str, ...]
    produces: tuple[str, ...]
    run: Callable[[Mapping[str, Any], Resources], Values]


# ------------------------------------------------------------------ corpus stages


def _clean(v: Mapping[str, Any], r: Resources) -> Values:
    from counterpoint.clean import clean_article
    from counterpoint.language import detect_language

    articles: list[Article] = []
    failures: list[Failure] = list(v["failures"])
    for raw in v["raw_articles"]:
        try:
            result = clean_article(raw)
        except InputError as exc:
            failures.append(Failure(input=raw.origin, reason=exc.reason))
            continue
        language = raw.language or detect_language(result.text)
        articles.append(Article(
            id=make_id("a", raw.input_id, result.text),
            input_id=raw.input_id, origin=raw.origin, outlet=result.outlet, url=result.url,
            title=result.title, authors=result.authors, published=result.published,
            language=language, text=result.text, removed=result.removed,
        ))
    return {"articles": _unique(articles), "failures": failures}


def _unique(articles: Sequence[Article]) -> list[Article]:
    seen: dict[str, Article] = {}
    for a in articles:
        seen.setdefault(a.id, a)
    return list(seen.values())


def _embed(v: Mapping[str, Any], r: Resources) -> Values:
    from counterpoint.stories import story_text

    vectors = dict(v["known_vectors"])
    missing = [a for a in v["articles"] if a.id not in vectors]
    if missing:
        encoded = r.embedder.encode([story_text(a) for a in missing])
        vectors.update({a.id: vec for a, vec in zip(missing, encoded)})
    return {"vectors": vectors}


def _dedupe(v: Mapping[str, Any], r: Resources) -> Values:
    from counterpoint.dedupe import find_copies

    return {"copies": find_copies(v["articles"], r.config.copy_threshold)}


def _stories(v: Mapping[str, Any], r: Resources) -> Values:
    from counterpoint.stories import group_stories

    groups = group_stories(v["articles"], v["vectors"], v["copies"], r.config.story_threshold)
    return {"groups": groups}


# ------------------------------------------------------------------ story stages

DEEP_STAGES = ("nlp", "time", "entities", "quotes", "claims", "timeline", "framing")


def _nlp(v: Mapping[str, Any], r: Resources) -> Values:
    from counterpoint.nlp import parse

    supported = set(r.config.languages)
    english = [a for a in v["articles"] if a.language in supported]
    docs = dict(zip([a.id for a in english], parse(r.nlp, [a.text for a in english],
                                                     r.config.batch_size)))
    articles = []
    for a in v["articles"]:
        if a.id not in docs:
            reason = (f"language {a.language!r} is not supported by the analysis "
                      f"(supported: {', '.join(sorted(supported))}); the article is stored, "
                      "shown and counted in its story, but not analysed")
            a = dataclasses.replace(a, skipped_stages=tuple(
                SkippedStage(stage=s, reason=reason) for s in DEEP_STAGES))
        articles.append(a)
    return {"articles": articles, "docs": docs}


def _story_anchor(articles: Sequence[Article]) -> date | None:
    """The median publication date of the story's dated articles (None when none is dated)."""
    from counterpoint.timex import parse_anchor

    dates = sorted(d for d in (parse_anchor(a.published) for a in articles) if d)
    return statistics.median_low(dates) if dates else None


def _time(v: Mapping[str, Any], r: Resources) -> Values:
    from counterpoint.timex import date_printed_near_top, find_time_expressions, parse_anchor

    fallback = _story_anchor(v["articles"])
    articles = []
    for a in v["articles"]:
        if a.id in v["docs"]:
            own = parse_anchor(a.published) or date_printed_near_top(a.text)
            anchor = own or fallback
            kind: Literal["published", "story"] = "published" if own else "story"
            found = find_time_expressions(a.text, anchor, kind, v["docs"][a.id])
            a = dataclasses.replace(a, time_expressions=found,
                                    time_anchor=anchor.isoformat() if anchor else None)
        articles.append(a)
    return {"articles": articles}


def _entities(v: Mapping[str, Any], r: Resources) -> Values:
    from counterpoint.entities import resolve_entities

    return {"entities": resolve_entities(v["articles"], v["docs"])}


def _quotes(v: Mapping[str, Any], r: Resources) -> Values:
    from counterpoint.quotes import extract_quotes

    quotes: list[Any] = []
    for a in v["articles"]:
        if a.id in v["docs"]:
            quotes.extend(extract_quotes(a, v["docs"][a.id], v["entities"]))
    return {"quotes": tuple(quotes)}


def _claims(v: Mapping[str, Any], r: Resources) -> Values:
    from counterpoint.claims import build_claims

    analysed = [a for a in v["articles"] if a.id in v["docs"]]
    claims, discrepancies = build_claims(analysed, v["docs"], v["entities"], v["quotes"],
                                         v["copies"], r.embedder)
    return {"claims": claims, "discrepancies": tuple(discrepancies)}


def _timeline(v: Mapping[str, Any], r: Resources) -> Values:
    from counterpoint.timeline import build_timeline

    analysed = [a for a in v["articles"] if a.id in v["docs"]]
    timeline, found = build_timeline(analysed, v["docs"])
    return {"timeline": timeline, "discrepancies": tuple(v["discrepancies"]) + tuple(found)}


def _framing(v: Mapping[str, Any], r: Resources) -> Values:
    from counterpoint.framing import build_framing

    analysed = [a for a in v["articles"] if a.id in v["docs"]]
    framing = build_framing(analysed, v["docs"], v["entities"], v["quotes"], v["claims"],
                            r.config.lexicon_paths)
    return {"framing": framing}


def _summary(v: Mapping[str, Any], r: Resources) -> Values:
    from counterpoint.summary import summarize_with_discrepancies

    summary = summarize_with_discrepancies(v["articles"], v["claims"], v["quotes"],
                                           v["entities"], v["discrepancies"])
    return {"summary": summary}


def _assemble(v: Mapping[str, Any], r: Resources) -> Values:
    articles = tuple(sorted(v["articles"], key=lambda a: (a.published or "", a.input_id)))
    story = Story(
        id=v["story_id"], title=v["story_title"], articles=articles,
        entities=tuple(v["entities"]), quotes=tuple(v["quotes"]), claims=tuple(v["claims"]),
        discrepancies=tuple(v["discrepancies"]), timeline=tuple(v["timeline"]),
        framing=tuple(v["framing"]), summary=tuple(v["summary"]),
        copies=tuple(tuple(g) for g in v["copies"]),
    )
    return {"story": story}


INPUTS = ("raw_articles", "failures", "known_vectors")
STORY_INPUTS = ("story_id", "story_title", "copies")

STAGES: tuple[StageSpec, ...] = (
    StageSpec("clean", "1", "input", ("raw_articles", "failures"), ("articles", "failures"),
              _clean),
    StageSpec("embed", "1", "corpus", ("articles", "known_vectors"), ("vectors",), _embed),
    StageSpec("dedupe", "1", "corpus", ("articles",), ("copies",), _dedupe),
    StageSpec("stories", "1", "corpus", ("articles", "vectors", "copies"), ("groups",), _stories),
    StageSpec("nlp", "1", "story", ("articles",), ("articles", "docs"), _nlp),
    StageSpec("time", "1", "story", ("articles", "docs"), ("articles",), _time),
    StageSpec("entities", "1", "story", ("articles", "docs"), ("entities",), _entities),
    StageSpec("quotes", "1", "story", ("articles", "docs", "entities"), ("quotes",), _quotes),
    StageSpec("claims", "1", "story", ("articles", "docs", "entities", "quotes", "copies"),
              ("claims", "discrepancies"), _claims),
    StageSpec("timeline", "1", "story", ("articles", "docs", "discrepancies"),
              ("timeline", "discrepancies"), _timeline),
    StageSpec("framing", "1", "story", ("articles", "docs", "entities", "quotes", "claims"),
              ("framing",), _framing),
    StageSpec("summary", "1", "story",
              ("articles", "claims", "quotes", "entities", "discrepancies"),
              ("summary",), _summary),
    StageSpec("report", "1", "story",
              ("story_id", "story_title", "articles", "entities", "quotes", "claims",
               "discrepancies", "timeline", "framing", "summary", "copies"),
              ("story",), _assemble),
)


def check(stages: Sequence[StageSpec] = STAGES) -> None:
    """Fail before any work if a stage needs a value no earlier stage produces."""
    available = set(INPUTS)
    for stage in stages:
        if stage.scope == "story":
            available |= set(STORY_INPUTS)
        missing = [name for name in stage.requires if name not in available]
        if missing:
            raise PipelineError(
                f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage "
                f"produces; available at that point: {', '.join(sorted(available))}"
            )
        available |= set(stage.produces)


def pipeline_version(config: Config, stages: Sequence[StageSpec] = STAGES) -> str:
    """Identifies what produced a stored story: stage versions, models, settings and the
    code and data files themselves, so that a stored story is analysed again whenever any
    of them changed (a hand-kept version number is easily forgotten)."""
    parts = [f"{s.name}={s.version}" for s in stages]
    return make_id("p", config.spacy_model, config.embedding_model, *parts,
                   config.lexicon_paths, config.languages, code_digest())


_CODE_SUFFIXES = (".py", ".json", ".txt", ".tsv", ".html")


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the package's source, lexicons, schema and templates."""
    return digest_of(resources.files("counterpoint"))


def digest_of(folder: Traversable) -> str:
    """A digest of the code and data files below ``folder`` (names and contents)."""
    digest = hashlib.sha256()
    for name, data in sorted(_package_files(folder, "")):
        digest.update(name.encode("utf-8") + b"\0" + data + b"\0")
    return digest.hexdigest()[:16]


def _package_files(folder: Traversable, prefix: str) -> list[tuple[str, bytes]]:
    out: list[tuple[str, bytes]] = []
    for item in folder.iterdir():
        name = f"{prefix}{item.name}"
        if item.is_dir():
            if item.name != "__pycache__":
                out += _package_files(item, name + "/")
        elif item.name.endswith(_CODE_SUFFIXES):
            out.append((name, item.read_bytes()))
    return out


def _run(stages: Sequence[StageSpec], values: Values, resources: Resources,
         on_stage: Callable[[str], None] | None) -> Values:
    for stage in stages:
        if on_stage:
            on_stage(stage.name)
        started = time.perf_counter()
        try:
            produced = stage.run({k: values[k] for k in stage.requires}, resources)
        except (CounterpointError, MemoryError, KeyboardInterrupt):
            raise
        except Exception as exc:
            raise StageFailed(stage.name, exc) from exc
        elapsed = time.perf_counter() - started
        resources.timings[stage.name] = resources.timings.get(stage.name, 0.0) + elapsed
        unexpected = set(produced) - set(stage.produces)
        if unexpected:
            raise PipelineError(f"stage {stage.name!r} produced undeclared {sorted(unexpected)}")
        values.update(produced)
    return values


def run_stages(scope: Literal["input", "corpus", "story"], values: Values,
               resources: Resources, on_stage: Callable[[str], None] | None = None,
               stages: Sequence[StageSpec] = STAGES) -> Values:
    """Run the stages of one scope, in order, over ``values``; returns all values."""
    return _run([s for s in stages if s.scope == scope], dict(values), resources, on_stage)
