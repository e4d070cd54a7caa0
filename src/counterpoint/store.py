"""All SQL in one place: a SQLite store with numbered migrations and idempotent upserts.

Articles, their embeddings and finished stories are stored as they are made, each
write in its own transaction, so a run killed midway leaves a consistent database
and the next run only does the work that is missing. Ids come from content, so
storing the same input twice leaves the same rows.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from counterpoint.errors import StoreError
from counterpoint.model import Article, Failure, Story, from_json, to_json

__all__ = ["Store", "MIGRATIONS"]

MIGRATIONS: tuple[str, ...] = (
    # 1: articles, failures, stories
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        input_id TEXT NOT NULL,
        origin TEXT NOT NULL,
        outlet TEXT,
        published TEXT,
        language TEXT NOT NULL,
        title TEXT,
        body TEXT NOT NULL
    );
    CREATE TABLE failures (
        input TEXT NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (input, reason)
    );
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        pipeline TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL
    );
    CREATE TABLE story_articles (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        article_id TEXT NOT NULL REFERENCES articles(id),
        PRIMARY KEY (story_id, article_id)
    );
    CREATE INDEX story_articles_article ON story_articles(article_id);
    """,
    # 2: cached sentence embeddings per article and model
    """
    CREATE TABLE embeddings (
        article_id TEXT NOT NULL REFERENCES articles(id),
        model TEXT NOT NULL,
        vector BLOB NOT NULL,
        PRIMARY KEY (article_id, model)
    );
    """,
)


class Store:
    """A Counterpoint database in one SQLite file (WAL mode)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA busy_timeout=10000")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _migrate(self) -> None:
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)"
        )
        done = {row[0] for row in self._db.execute("SELECT version FROM schema_migrations")}
        for version, script in enumerate(MIGRATIONS, start=1):
            if version in done:
                continue
            with self._transaction() as db:
                for statement in filter(str.strip, script.split(";")):
                    db.execute(statement)
                db.execute("INSERT INTO schema_migrations (version) VALUES (?)", (version,))

    def schema_version(self) -> int:
        row = self._db.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    # ------------------------------------------------------------ articles

    def save_articles(self, articles: Iterable[Article]) -> None:
        rows = [
            (a.id, a.input_id, a.origin, a.outlet, a.published, a.language, a.title,
             json.dumps(to_json(a), ensure_ascii=False))
            for a in articles
        ]
        with self._transaction() as db:
            db.executemany(
                "INSERT INTO articles (id, input_id, origin, outlet, published, language, title,"
                " body) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET"
                " origin=excluded.origin, outlet=excluded.outlet, published=excluded.published,"
                " language=excluded.language, title=excluded.title, body=excluded.body",
                rows,
            )

    def load_articles(self) -> list[Article]:
        rows = self._db.execute("SELECT body FROM articles ORDER BY id")
        return [from_json(Article, json.loads(body)) for (body,) in rows]

    def count(self, table: str) -> int:
        if table not in {"articles", "failures", "stories", "story_articles", "embeddings"}:
            raise StoreError(f"unknown table {table!r}")
        return int(self._db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    # ------------------------------------------------------------ failures

    def save_failures(self, failures: Iterable[Failure]) -> None:
        with self._transaction() as db:
            db.executemany(
                "INSERT OR IGNORE INTO failures (input, reason) VALUES (?, ?)",
                [(f.input, f.reason) for f in failures],
            )

    def load_failures(self) -> list[Failure]:
        rows = self._db.execute("SELECT input, reason FROM failures ORDER BY input, reason")
        return [Failure(input=i, reason=r) for i, r in rows]

    # ------------------------------------------------------------ embeddings

    def load_vectors(self, model: str, ids: Sequence[str]) -> dict[str, np.ndarray]:
        wanted = set(ids)
        rows = self._db.execute("SELECT article_id, vector FROM embeddings WHERE model = ?", (model,))
        return {
            aid: np.frombuffer(blob, dtype=np.float32).copy()
            for aid, blob in rows if aid in wanted
        }

    def save_vectors(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        with self._transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO embeddings (article_id, model, vector) VALUES (?, ?, ?)",
                [(aid, model, np.asarray(v, dtype=np.float32).tobytes()) for aid, v in vectors.items()],
            )

    # ------------------------------------------------------------ stories

    def load_story(self, story_id: str, pipeline: str) -> Story | None:
        row = self._db.execute(
            "SELECT body FROM stories WHERE id = ? AND pipeline = ?", (story_id, pipeline)
        ).fetchone()
        return from_json(Story, json.loads(row[0])) if row else None

    def save_story(self, story: Story, pipeline: str) -> None:
        """Store a finished story, replacing every story that shared an article with it."""
        member_ids = [a.id for a in story.articles]
        body = json.dumps(to_json(story), ensure_ascii=False)
        with self._transaction() as db:
            marks = ",".join("?" * len(member_ids))
            stale = [r[0] for r in db.execute(
                f"SELECT DISTINCT story_id FROM story_articles WHERE article_id IN ({marks})",
                member_ids,
            )]
            for old in stale:
                db.execute("DELETE FROM story_articles WHERE story_id = ?", (old,))
                db.execute("DELETE FROM stories WHERE id = ?", (old,))
            db.execute(
                "INSERT OR REPLACE INTO stories (id, pipeline, title, body) VALUES (?, ?, ?, ?)",
                (story.id, pipeline, story.title, body),
            )
            db.executemany(
                "INSERT OR IGNORE INTO story_articles (story_id, article_id) VALUES (?, ?)",
                [(story.id, aid) for aid in member_ids],
            )

    def list_stories(self) -> list[tuple[str, str, int]]:
        """(id, title, number of articles) of every stored story."""
        rows = self._db.execute(
            "SELECT s.id, s.title, COUNT(sa.article_id) FROM stories s"
            " JOIN story_articles sa ON sa.story_id = s.id GROUP BY s.id ORDER BY s.title"
        )
        return [(i, t, int(n)) for i, t, n in rows]

    def load_stories(self) -> list[Story]:
        rows = self._db.execute("SELECT body FROM stories ORDER BY title, id")
        return [from_json(Story, json.loads(body)) for (body,) in rows]
