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


PARAGRAPHS = "counterpoint_paragraphs"
_CLOSERS = frozenset({'"', "”", "’", "'", "»", "''"})
_ENDS = frozenset({".", "!", "?", "…", ",", "..."})


def _register_paragraphs() -> None:
    """Register the component that starts a sentence after every line break.

    Articles are made of paragraphs, headlines, captions and bylines, one per line; the
    parser left alone often runs a sentence across a paragraph break ("...conflict is."
    followed by the next paragraph's "Zelensky denied claims ..."), which hands one
    paragraph's quotation to the next paragraph's verb. Sentence starts set before the
    parser are kept by it.
    """
    from spacy.language import Language

    if PARAGRAPHS in Language.factories:
        return

    @Language.component(PARAGRAPHS)
    def paragraphs(doc: Doc) -> Doc:
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if not token.is_space and (
                "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text)
            ):
                token.is_sent_start = True
            elif token.text in _CLOSERS and not previous.whitespace_ and previous.text in _ENDS:
                token.is_sent_start = False  # '... this."': the mark closes the sentence
        return doc


@lru_cache(maxsize=4)
def load_pipeline(name: str) -> Language:
    """Load an installed spaCy pipeline by package name or path (cached per name), with
    sentence starts at line breaks when it has a dependency parser."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        available = ", ".join(installed_pipelines()) or "none"
        raise ModelNotAvailable(
            f"spaCy pipeline {name!r} is not installed (installed pipelines: {available}); "
            "install one with pip or pass --spacy-model with one of these"
        ) from exc
    if "parser" in nlp.pipe_names:
        _register_paragraphs()
        nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp


def parse(nlp: Language, texts: Sequence[str], batch_size: int = 16) -> list[Doc]:
    """Parse ``texts`` in batches; the i-th ``Doc`` belongs to the i-th text."""
    docs: Iterable[Doc] = nlp.pipe(texts, batch_size=batch_size)
    return list(docs)
