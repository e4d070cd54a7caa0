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

__all__ = ["load_pipeline", "parse", "installed_pipelines", "PARAGRAPH_BREAKS"]

PARAGRAPH_BREAKS = "counterpoint_paragraph_breaks"


def _paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line.

    Cleaned articles separate paragraphs with a blank line; the statistical parser
    sometimes runs a sentence across one (a heading into the first line, one
    paragraph's last sentence into the next one's first), and every stage that reads
    sentences or dependencies then sees one clause spanning two paragraphs. Set before
    the parser, these boundaries are respected by it.
    """
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if prev.is_space and prev.text.count("\n") >= 2 and not token.is_space:
            token.is_sent_start = True
    return doc


def _register_paragraph_breaks() -> None:
    """Register the component factory once per process."""
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_BREAKS):
        Language.component(PARAGRAPH_BREAKS, func=_paragraph_breaks)


def installed_pipelines() -> list[str]:
    """Names of the spaCy pipelines installed as packages."""
    import spacy.util

    return sorted(spacy.util.get_installed_models())


@lru_cache(maxsize=4)
def load_pipeline(name: str) -> Language:
    """Load an installed spaCy pipeline by package name or path (cached per name), with a
    sentence boundary after each blank line (see ``_paragraph_breaks``)."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        available = ", ".join(installed_pipelines()) or "none"
        raise ModelNotAvailable(
            f"spaCy pipeline {name!r} is not installed (installed pipelines: {available}); "
            "install one with pip or pass --spacy-model with one of these"
        ) from exc
    if "parser" in nlp.pipe_names and PARAGRAPH_BREAKS not in nlp.pipe_names:
        _register_paragraph_breaks()
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp


def parse(nlp: Language, texts: Sequence[str], batch_size: int = 16) -> list[Doc]:
    """Parse ``texts`` in batches; the i-th ``Doc`` belongs to the i-th text."""
    docs: Iterable[Doc] = nlp.pipe(texts, batch_size=batch_size)
    return list(docs)
