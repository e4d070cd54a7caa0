"""The Python API: ``analyze(paths)`` reads, stores and analyses, and returns the dossier.

This is the runner: it does the I/O around the pure stages of
:mod:`counterpoint.pipeline`. New articles are stored first; stories are then
formed over every article in the database, so adding articles updates the
stories they join. A story whose articles and pipeline are unchanged is read
back from the database instead of being analysed again.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

from counterpoint.config import Config
from counterpoint.errors import NothingToAnalyze, StageFailed
from counterpoint.model import SCHEMA_VERSION, Article, Dossier, Failure, Story
from counterpoint.pipeline import Resources, check, pipeline_version, run_stages
from counterpoint.store import Store

__all__ = ["analyze", "Progress", "DEFAULT_DB", "utc_now"]

DEFAULT_DB = "counterpoint.db"


@dataclass(frozen=True)
class Progress:
    """What the runner is doing: ``step`` of ``total`` in ``phase``."""

    phase: str
    step: int
    total: int
    detail: str = ""


def utc_now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def analyze(
    paths: Sequence[str | os.PathLike[str]],
    *,
    db: str | os.PathLike[str] = DEFAULT_DB,
    config: Config | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    timings: dict[str, float] | None = None,
) -> Dossier:
    """Analyse articles at ``paths`` (files or folders) into a dossier stored in ``db``.

    Bad inputs are reported in ``Dossier.failures`` and the rest goes on;
    :class:`NothingToAnalyze` is raised only when no article could be read.
    ``timings``, when given, receives the seconds spent in each stage.
    """
    from counterpoint.ingest import read_inputs

    config = config or Config()
    if config.now is None:
        config = replace(config, now=utc_now())
    check()
    report = on_progress or (lambda p: None)
    report(Progress("reading", 0, 1, "reading inputs"))
    raws, failures = read_inputs(paths, max_file_bytes=config.max_file_bytes)
    resources = Resources(config)
    with Store(Path(db)) as store:
        values = run_stages("input", {"raw_articles": raws, "failures": failures}, resources)
        new: list[Article] = values["articles"]
        failures = values["failures"]
        store.save_failures(failures)
        if not new:
            raise NothingToAnalyze(_nothing_message(paths, failures))
        store.save_articles(new)
        failures = list(failures)
        stories = _analyse_stories(store, {a.id for a in new}, resources, report, failures)
    if timings is not None:
        timings.update(resources.timings)
    return Dossier(schema_version=SCHEMA_VERSION, generated_at=config.now or utc_now(),
                   stories=tuple(stories), failures=tuple(failures))


def _nothing_message(paths: Sequence[object], failures: Sequence[Failure]) -> str:
    if not failures:
        return f"no articles found in {', '.join(str(p) for p in paths) or 'the given paths'}"
    lines = [f"  {f.input}: {f.reason}" for f in failures[:20]]
    more = f"\n  ... and {len(failures) - 20} more" if len(failures) > 20 else ""
    return "no article could be analysed:\n" + "\n".join(lines) + more


def _analyse_stories(store: Store, touched: set[str], resources: Resources,
                     report: Callable[[Progress], None], failures: list[Failure]) -> list[Story]:
    config = resources.config
    articles = store.load_articles()
    by_id = {a.id: a for a in articles}
    known = store.load_vectors(config.embedding_model, list(by_id))
    report(Progress("grouping", 0, 1, f"grouping {len(articles)} articles into stories"))
    corpus = run_stages("corpus", {"articles": articles, "known_vectors": known}, resources)
    fresh = {k: v for k, v in corpus["vectors"].items() if k not in known}
    if fresh:
        store.save_vectors(config.embedding_model, fresh)
    groups = [g for g in corpus["groups"] if touched & set(g)]
    pipeline = pipeline_version(config)
    stories = []
    for n, group in enumerate(groups):
        report(Progress("analysing", n, len(groups), f"story {n + 1} of {len(groups)}"))
        members = [by_id[i] for i in group]
        def on_stage(name: str, n: int = n) -> None:
            report(Progress("analysing", n, len(groups), name))

        try:
            stories.append(_story(store, members, corpus, pipeline, resources, on_stage))
        except StageFailed as exc:
            failures.append(Failure(input=", ".join(sorted(a.origin for a in members)),
                                    reason=f"the story could not be analysed: {exc}"))
    report(Progress("analysing", len(groups), len(groups), "done"))
    return sorted(stories, key=lambda s: (s.title, s.id))


def _story(store: Store, members: list[Article], corpus: dict[str, Any], pipeline: str,
           resources: Resources, on_stage: Callable[[str], None]) -> Story:
    """A story read back from the store, or analysed now and stored."""
    from counterpoint.stories import story_id, story_title

    sid = story_id([a.id for a in members])
    story = store.load_story(sid, pipeline)
    if story is None:
        ids = {a.id for a in members}
        copies = tuple(g for g in corpus["copies"] if set(g) <= ids)
        values = {"articles": members, "story_id": sid, "copies": copies,
                  "story_title": story_title(members, corpus["vectors"])}
        story = run_stages("story", values, resources, on_stage=on_stage)["story"]
        store.save_story(story, pipeline)
    return story

