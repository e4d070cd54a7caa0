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

__all__ = ["load_pipeline", "parse", "installed_pipelines", "doc_text", "remember_text", "PARAGRAPH_BREAKS",
           "DASH_ENTITIES"]

PARAGRAPH_BREAKS = "counterpoint_paragraph_breaks"
DASH_ENTITIES = "counterpoint_dash_entities"
_DASHES = {"-", "--", "–", "—"}


def _paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line, and after a single line break unless the
    next line goes on in lower case (a line wrapped mid-sentence); never right after a
    title (``Capt.``), whose full stop the parser sometimes reads as the sentence's end.

    Cleaned articles separate paragraphs with a blank line; the statistical parser
    sometimes runs a sentence across one (a heading into the first line, one
    paragraph's last sentence into the next one's first), and every stage that reads
    sentences or dependencies then sees one clause spanning two paragraphs. Set before
    the parser, these boundaries are respected by it.
    """
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if prev.text in _NO_BREAK_AFTER:
            token.is_sent_start = False  # "Navy Capt. Jeff Davis": the name goes on
        if token.is_space:
            continue
        breaks = prev.text.count("\n") if prev.is_space else 0
        if breaks >= 2 or breaks == 1 and not token.text[:1].islower():
            token.is_sent_start = True
    return doc


def _dash_entities(doc: Doc) -> Doc:
    """Cut a named entity at a dash set off by spaces or at a colon. The recogniser runs a
    dateline into the name after it ("KYIV, May 4 - Ukraine's ..." gives the date "May 4 -
    Ukraine") and a headline's speaker into its first word ("Roe: Lind should ..." gives the
    person "Roe: Lind"); a name never holds either before a capitalised word. The words after
    the cut are left unlabelled."""
    from spacy.tokens import Span

    ents = []
    for ent in doc.ents:
        cut = next((t.i for t in ent[1:-1] if (t.text in _DASHES and doc[t.i - 1].whitespace_ or t.text == ":")
                    and doc[t.i + 1].is_title), None)  # not a range: "1990 - 2000"
        if cut is None:
            ents.append(ent)
        elif cut > ent.start:
            ents.append(Span(doc, ent.start, cut, label=ent.label_))
    if len(ents) != len(doc.ents) or any(a.end != b.end for a, b in zip(ents, doc.ents)):
        doc.ents = ents
    return doc


def _register_components() -> None:
    """Register the component factories once per process."""
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_BREAKS):
        Language.component(PARAGRAPH_BREAKS, func=_paragraph_breaks)
    if not Language.has_factory(DASH_ENTITIES):
        Language.component(DASH_ENTITIES, func=_dash_entities)


_MARKS = "“”«»‹›„\""


def _glued_quotation_marks(nlp: Language) -> None:
    """Split quotation marks glued to the words around them.

    Scraped text often loses the space around a mark (``said,“Look``, ``paranoia,”Clinton
    said``), and spaCy's English tokenizer then keeps ``said,“Look`` as one word, which no
    later stage can read as a cue or a quotation. A mark between punctuation and a letter,
    the punctuation before it, and a curly mark or guillemet between two letters become
    tokens of their own; single guillemets (``‹...›``) are split off word edges like double
    ones. Straight quotes between two letters are left alone (``rock'n'roll`` has none, but
    ``5"x7"`` style measures do).
    """
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a pipeline with a tokenizer of its own keeps it
    infixes = [_pattern(tokenizer.infix_finditer),
               rf"(?<=[^\W\d_])[,.!?;:](?=[{_MARKS}])",
               rf"(?<=[,.!?;:])[{_MARKS}](?=[^\W\d_])",
               r"(?<=[^\W\d_])[“”„«»‹›](?=[^\W\d_])"]
    tokenizer.infix_finditer = compile_infix_regex([p for p in infixes if p]).finditer
    prefixes = [_pattern(tokenizer.prefix_search), "‹", "›"]
    tokenizer.prefix_search = compile_prefix_regex([p for p in prefixes if p]).search
    suffixes = [_pattern(tokenizer.suffix_search), "‹", "›"]
    tokenizer.suffix_search = compile_suffix_regex([p for p in suffixes if p]).search


# Titles and ranks the English tokenizer splits from their full stop ("Sgt" "."), after
# which the parser ends the sentence inside the name ("said Army Sgt. Tom Berg." gave the
# speaker "Army Sgt"). Capitalised forms only: "sec." stays a unit of time.
_TITLES = ("Lt.", "Col.", "Sgt.", "Capt.", "Cpl.", "Pvt.", "Maj.", "Cmdr.", "Brig.", "Spc.", "Supt.",
           "Det.", "Atty.", "Insp.", "Amb.", "Pres.", "Sec.", "Hon.", "Msgr.", "Fr.", "Gens.",
           "Reps.", "Sens.", "Profs.", "Drs.", "Messrs.", "Mmes.", "Lt.Gov.", "Lt.Col.", "Sgt.Maj.")
_NAME_SUFFIXES = ("Sr.", "Ret.")  # after a name, so a sentence may end on them
_NO_BREAK_AFTER = frozenset(_TITLES)


def _title_abbreviations(nlp: Language) -> None:
    """Keep a title's full stop on the title, as the English tokenizer already does for
    ``Mr.``, ``Sen.`` and ``Gen.`` (see ``_TITLES``)."""
    from spacy.attrs import ORTH
    from spacy.tokenizer import Tokenizer

    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a pipeline with a tokenizer of its own keeps it
    for title in _TITLES + _NAME_SUFFIXES:
        tokenizer.add_special_case(title, [{ORTH: title}])


def _pattern(method: object) -> str:
    """The regular expression behind a tokenizer's bound ``search``/``finditer`` (the
    pipeline's own rules, which the additions above extend), or "" when it has none."""
    compiled = getattr(method, "__self__", None)
    pattern = getattr(compiled, "pattern", "")
    return pattern if isinstance(pattern, str) else ""


_TEXT_KEY = "counterpoint.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, kept on the parse: spaCy joins it anew from the tokens at each access,
    and the later stages read it thousands of times per article."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return str(text)


def remember_text(doc: Doc, text: str) -> bool:
    """Keep ``text``, the text ``doc`` was parsed from, as its text (so it is never joined
    from the tokens); False, keeping nothing, when ``text`` cannot be the parse's text."""
    last = doc[-1] if len(doc) else None
    if last is None or last.idx + len(last.text_with_ws) != len(text):
        return False
    return doc.user_data.setdefault(_TEXT_KEY, text) == text


def installed_pipelines() -> list[str]:
    """Names of the spaCy pipelines installed as packages."""
    import spacy.util

    return sorted(spacy.util.get_installed_models())


@lru_cache(maxsize=4)
def load_pipeline(name: str) -> Language:
    """Load an installed spaCy pipeline by package name or path (cached per name), with a
    sentence boundary after each blank line (see ``_paragraph_breaks``) and no entity across
    a spaced dash (see ``_dash_entities``)."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        available = ", ".join(installed_pipelines()) or "none"
        raise ModelNotAvailable(
            f"spaCy pipeline {name!r} is not installed (installed pipelines: {available}); "
            "install one with pip or pass --spacy-model with one of these"
        ) from exc
    if nlp.lang == "en":
        _glued_quotation_marks(nlp)
        _title_abbreviations(nlp)
    if "parser" in nlp.pipe_names and PARAGRAPH_BREAKS not in nlp.pipe_names:
        _register_components()
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    if "ner" in nlp.pipe_names and DASH_ENTITIES not in nlp.pipe_names:
        _register_components()
        nlp.add_pipe(DASH_ENTITIES, after="ner")
    return nlp


def parse(nlp: Language, texts: Sequence[str], batch_size: int = 16) -> list[Doc]:
    """Parse ``texts`` in batches; the i-th ``Doc`` belongs to the i-th text."""
    docs: Iterable[Doc] = nlp.pipe(texts, batch_size=batch_size)
    return list(docs)
