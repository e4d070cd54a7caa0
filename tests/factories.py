"""Hand-built records for tests: an Article from a text, a parsed story."""

from __future__ import annotations

from counterpoint.model import Article, make_id


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
