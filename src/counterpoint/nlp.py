"""The NLP backbone: the one place that loads a spaCy pipeline and parses articles.

Every later stage reads sentences, tokens and named entities from the ``Doc``
objects made here. Offsets in a ``Doc`` are offsets into the text it was made
from, which is always an article's cleaned ``text``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from counterpoint.errors import ModelNotAvailable

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["load_pipeline", "parse", "installed_pipelines"]


def installed_pipelines() -> list[str]:
    """Names of the spaCy pipelines installed as packages."""
    import spacy.util

    return sorted(spacy.util.get_installed_models())


@lru_cache(maxsize=4)
def load_pipeline(name: str) -> Language:
    """Load an installed spaCy pipeline by package name or path (cached per name)."""
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        available = ", ".join(installed_pipelines()) or "none"
        raise ModelNotAvailable(
            f"spaCy pipeline {name!r} is not installed (installed pipelines: {available}); "
            "install one with pip or pass --spacy-model with one of these"
        ) from exc


def parse(nlp: Language, texts: Sequence[str], batch_size: int = 16) -> list[Doc]:
    """Parse ``texts`` in batches; the i-th ``Doc`` belongs to the i-th text."""
    docs: Iterable[Doc] = nlp.pipe(texts, batch_size=batch_size)
    return list(docs)
