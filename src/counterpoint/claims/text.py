"""The article text of a parse, read once."""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["doc_text"]

_TEXT_KEY = "counterpoint.claims.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, kept on the parse: spaCy joins it anew from the tokens at each access,
    and the claims stage reads it thousands of times per article."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return str(text)
