"""Hand-built records for tests: an Article from a text, a parsed story."""

from __future__ import annotations

from pathlib import Path

from counterpoint.model import Article, Story, make_id, to_json


def make_article(
    text: str,
    *,
    input_id: str = "doc",
    outlet: str | None = "example.test",
    published: str | None = "2024-03-14",
    title: str | None = None,
    language: str = "en",
) -> Article:
    """An already-cleaned English article whose id derives from its content."""
    return Article(
        id=make_id("a", input_id, text),
        input_id=input_id,
        origin=f"{input_id}.txt",
        outlet=outlet,
        url=None,
        title=title,
        authors=(),
        published=published,
        language=language,
        text=text,
    )


def analyze_one_story(folder: Path, db: Path) -> Story:
    """The one story of the articles in ``folder``, analysed through the public API into a
    real SQLite file at ``db``, its dossier checked against the schema."""
    from counterpoint.api import analyze
    from counterpoint.config import Config
    from counterpoint.schema import validate_dossier

    dossier = analyze([folder], db=db, config=Config(now="2026-01-01T00:00:00+00:00"))
    validate_dossier(to_json(dossier))
    (story,) = dossier.stories
    return story
