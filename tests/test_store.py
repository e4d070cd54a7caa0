"""The SQLite store: migrations, idempotent upserts, stories replacing older ones."""

from __future__ import annotations

import sqlite3

import numpy as np

from counterpoint.model import Failure, Story
from counterpoint.store import MIGRATIONS, Store
from tests.factories import make_article


def test_migrations_apply_once_and_record_version(tmp_path) -> None:
    path = tmp_path / "c.db"
    with Store(path) as store:
        assert store.schema_version() == len(MIGRATIONS)
    with Store(path) as store:
        assert store.schema_version() == len(MIGRATIONS)
    mode = sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_saving_the_same_articles_twice_changes_nothing(tmp_path) -> None:
    arts = [make_article("One text.", input_id="a"), make_article("Two text.", input_id="b")]
    with Store(tmp_path / "c.db") as store:
        store.save_articles(arts)
        store.save_articles(arts)
        store.save_failures([Failure("x.bin", "binary file")] * 2)
        assert store.count("articles") == 2
        assert store.count("failures") == 1
        assert store.load_articles() == sorted(arts, key=lambda a: a.id)


def test_a_new_story_replaces_stories_sharing_its_articles(tmp_path) -> None:
    a, b, c = (make_article(f"Text {i}.", input_id=str(i)) for i in range(3))
    with Store(tmp_path / "c.db") as store:
        store.save_articles([a, b, c])
        store.save_story(Story("s_old", "Old", (a, b)), "p1")
        store.save_story(Story("s_other", "Other", (c,)), "p1")
        store.save_story(Story("s_new", "New", (a, b, c)), "p1")
        assert [s[0] for s in store.list_stories()] == ["s_new"]
        assert store.load_story("s_new", "p1") == Story("s_new", "New", (a, b, c))
        assert store.load_story("s_new", "p2") is None


def test_vectors_round_trip(tmp_path) -> None:
    a = make_article("Text.", input_id="a")
    with Store(tmp_path / "c.db") as store:
        store.save_articles([a])
        store.save_vectors("m", {a.id: np.arange(4, dtype=np.float32)})
        loaded = store.load_vectors("m", [a.id])
    assert np.array_equal(loaded[a.id], np.arange(4, dtype=np.float32))
