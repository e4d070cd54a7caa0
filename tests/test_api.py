"""End to end through the Python API on real files and a real SQLite database."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from counterpoint.api import analyze
from counterpoint.config import Config
from counterpoint.errors import NothingToAnalyze
from counterpoint.model import Dossier, to_json
from counterpoint.schema import validate_dossier

pytestmark = pytest.mark.slow
NOW = "2026-01-01T00:00:00+00:00"
GERMAN = (
    "Der Bürgermeister der Stadt kündigte am Montag an, dass die Brücke über den Fluss wegen "
    "Bauarbeiten für drei Wochen gesperrt wird. Die Anwohner kritisierten die Entscheidung "
    "scharf und forderten eine Umleitung für den Busverkehr während der gesamten Bauzeit."
)


def _spans_hold(dossier: Dossier) -> None:
    """Every offset in the dossier points into the cleaned text it names."""
    for story in dossier.stories:
        texts = {a.id: a.text for a in story.articles}
        for q in story.quotes:
            assert texts[q.article_id][q.start : q.end] == q.text
            assert all(q.start <= s <= e <= q.end for s, e in q.quoted)
        for e in story.entities:
            assert all(0 <= m.start < m.end <= len(texts[m.article_id]) for m in e.mentions)
        for c in story.claims:
            for r in c.reports:
                assert texts[r.article_id][r.start : r.end] == r.text
        for s in story.summary:
            assert s.citations
            assert all(0 <= c.start < c.end <= len(texts[c.article_id]) for c in s.citations)
        for a in story.articles:
            for t in a.time_expressions:
                assert a.text[t.start : t.end] == t.text


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory, seeds_dir):
    db = tmp_path_factory.mktemp("seed") / "c.db"
    return db, analyze([seeds_dir], db=db, config=Config(now=NOW))


def test_seeds_form_one_valid_story(seed_run) -> None:
    _, dossier = seed_run
    validate_dossier(to_json(dossier))
    assert len(dossier.stories) == 1
    story = dossier.stories[0]
    assert len(story.articles) == 5
    assert all(a.language == "en" and not a.skipped_stages for a in story.articles)
    assert story.entities and story.quotes and story.claims and story.summary
    _spans_hold(dossier)


def test_running_twice_changes_nothing(seed_run, seeds_dir) -> None:
    db, first = seed_run
    before = _dump(db)
    second = analyze([seeds_dir], db=db, config=Config(now=NOW))
    assert second == first
    assert _dump(db) == before


def _dump(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return list(conn.iterdump())


def test_adding_articles_updates_the_story(tmp_path, seeds_dir) -> None:
    files = sorted(seeds_dir.glob("*.txt"))
    first_dir, second_dir = tmp_path / "first", tmp_path / "second"
    first_dir.mkdir()
    second_dir.mkdir()
    for f in files[:3]:
        shutil.copy(f, first_dir)
    for f in files[3:]:
        shutil.copy(f, second_dir)
    db = tmp_path / "c.db"
    one = analyze([first_dir], db=db, config=Config(now=NOW))
    assert [len(s.articles) for s in one.stories] == [3]
    two = analyze([second_dir], db=db, config=Config(now=NOW))
    assert [len(s.articles) for s in two.stories] == [5]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0] == 1


def test_bad_inputs_are_reported_and_the_rest_analysed(tmp_path, seeds_dir) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    shutil.copy(sorted(seeds_dir.glob("*.txt"))[0], corpus / "good.txt")
    (corpus / "empty.txt").write_text("")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (corpus / "broken.jsonl").write_text('{"id": "x", "text": \n')
    (corpus / "nav.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    dossier = analyze([corpus], db=tmp_path / "c.db", config=Config(now=NOW))
    assert sum(len(s.articles) for s in dossier.stories) == 1
    failed = {Path(f.input.split(":")[0]).name for f in dossier.failures}
    assert {"empty.txt", "binary.txt", "broken.jsonl", "nav.html"} <= failed
    assert all(f.reason for f in dossier.failures)


def test_nothing_analysable_raises_with_the_reasons(tmp_path) -> None:
    (tmp_path / "empty.txt").write_text("  \n")
    with pytest.raises(NothingToAnalyze) as info:
        analyze([tmp_path], db=tmp_path / "c.db", config=Config(now=NOW))
    assert "empty.txt" in str(info.value)


def test_non_english_article_is_stored_shown_and_not_analysed(tmp_path, seeds_dir) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "bruecke.txt").write_text(GERMAN, encoding="utf-8")
    dossier = analyze([corpus], db=tmp_path / "c.db", config=Config(now=NOW))
    (article,) = [a for s in dossier.stories for a in s.articles]
    assert article.language == "de"
    assert {s.stage for s in article.skipped_stages} >= {"quotes", "claims", "entities"}
    assert "'de'" in article.skipped_stages[0].reason
    assert not dossier.stories[0].quotes and not dossier.stories[0].claims


def test_a_stage_that_breaks_on_one_story_does_not_stop_the_others(
    tmp_path, seeds_dir, example_dir, monkeypatch
) -> None:
    import counterpoint.quotes as quotes_module

    real = quotes_module.extract_quotes

    def breaks_on_the_example(article, doc, entities=()):
        if article.input_id == "norland_herald":
            raise ValueError("simulated defect")
        return real(article, doc, entities)

    monkeypatch.setattr(quotes_module, "extract_quotes", breaks_on_the_example)
    dossier = analyze([seeds_dir, example_dir], db=tmp_path / "c.db", config=Config(now=NOW))
    assert [len(s.articles) for s in dossier.stories] == [5]
    (failure,) = [f for f in dossier.failures if "simulated defect" in f.reason]
    assert "stage 'quotes' failed" in failure.reason and "norland_herald.txt" in failure.input
