"""Attributions marked by layout rather than by a verb.

Three newspaper conventions: a headline or transcript line ``Name: words``
(``PENCE: Well, look ...``), and a quotation signed after a dash
(``"..." ― Jane Roe`` or an embedded post ``... — Jane Roe (@jroe) May 3, 2023``).
The name must be a PERSON or ORG entity, or an upper-case transcript label that
names one of the article's PERSON or ORG entities (``PENCE`` for Mike Pence), so
that ``Original url:``, ``Related article:`` or ``UPDATE:`` never become speakers.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from counterpoint.quotes.cues import load_lexicon

__all__ = ["LayoutHit", "colon_attributions", "dash_attributions", "headline", "signature_lines"]

_SPEAKER_LABELS = {"PERSON", "ORG"}
_OPENERS = set('"“„«‘\'')
_NOT_NAMES = frozenset({"correction", "update", "editor", "note", "source", "sources", "photo", "video",
                        "watch", "related", "read", "more", "advertisement", "breaking", "exclusive",
                        "bombshell", "analysis", "opinion", "editorial", "explainer", "recap", "live"})
_DASH_RE = re.compile(r"\s*(?:pic\.twitter\.com/\S+\s*)?([―—]|--)\s*"
                      r"(?P<name>[A-Z][\w.'’-]*(?:[ \xa0][A-Z][\w.'’-]*){0,4})"
                      r"(?P<handle>\s*\(@\w+\))?[^\n]{0,40}$")
_SIGNATURE_RE = re.compile(r"\s*(?P<dash>[-–—―]|--)\s*(?P<name>[A-Z][\w'’-]*(?:[ \xa0][A-Z][\w'’-]*){0,4})"
                           r"\.?(?:,[^\n]{0,60})?\s*")  # "- Jane Roe.", "-Jane Roe, tweeting after the vote."
_DATE_TAIL_RE = re.compile(r",?\s*[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}")  # "— Jane Roe, May 3, 2023"
_TRANSCRIPT_RE = re.compile(r"[\"“]?(?P<name>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):\s")


@dataclass(frozen=True)
class LayoutHit:
    """A layout attribution: content, cue and speaker character spans."""

    content: tuple[int, int]
    cue: tuple[int, int]
    speaker: tuple[int, int]
    name: str
    named: tuple[int, int] | None = None  # the entity mention a transcript label stands for


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace (including no-break spaces) from both ends."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _entity_before_colon(doc: Doc, colon: int) -> Span | None:
    """A PERSON/ORG entity ending right before the colon at character ``colon``."""
    span = doc.char_span(colon, colon + 1)
    if span is None or span.start == 0:
        return None
    last = doc[span.start - 1]
    if last.ent_type_ not in _SPEAKER_LABELS:
        return None
    for ent in doc.ents:
        if ent.start <= last.i < ent.end and ent.end_char == colon:
            return ent
    return None


def _labelled(doc: Doc, label: str) -> Span | None:
    """The PERSON or ORG entity an upper-case transcript label names: its words end the
    entity's name ("PENCE", "JAKE TAPPER"). The longest such name in the article, unless
    two different names end so ("CLINTON" with Bill and Hillary Clinton): then none."""
    words = label.lower().split()
    if words[-1].strip(".") in _NOT_NAMES:
        return None
    found = [ent for ent in doc.ents if ent.label_ in _SPEAKER_LABELS and ent.text != label
             and ent.text.lower().split()[-len(words):] == words]
    if not found:
        return None
    longest = max(found, key=len)
    full = longest.text.lower().split()
    if any(ent.text.lower().split() != full[-len(ent):] for ent in found):
        return None  # "Bill Clinton" is no shorter form of "Hillary Clinton"
    return longest


def _proper_name_before(doc: Doc, lo: int, colon: int, longest: int = 3) -> tuple[int, int] | None:
    """One to ``longest`` capitalised proper nouns filling the line up to the colon."""
    span = doc.char_span(lo, colon, alignment_mode="contract")
    if span is None or not 1 <= len(span) <= longest or span.start_char != lo:
        return None
    if len(span) == 1 and span[0].lower_ in _NOT_NAMES:
        return None
    if all(t.pos_ in ("PROPN", "NOUN") and t.is_title for t in span):
        return span.start_char, span.end_char
    return None


def _starts_unit(text: str, start: int) -> bool:
    """True when ``start`` opens a line or follows a sentence end."""
    before = text[:start].rstrip(" \xa0\t")
    return not before or before.endswith(("\n", ".", "!", "?"))


def headline(text: str, lo: int, hi: int) -> bool:
    """True for a line set in headline case ("Poll: Wealthy Voters Abandon Party"): short,
    no sentence inside it, most words capitalised."""
    words = re.findall(r"[A-Za-z][\w’'-]*", text[lo:hi])
    if not 3 <= len(words) <= 20 or ". " in text[lo:hi].rstrip(". "):
        return False
    return sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _title_line(text: str, lo: int, hi: int) -> bool:
    """True for a first line short enough to be the article's title, in any case
    ("Roe: No outside influence on the harbour inquiry"): one sentence of 3 to 20 words."""
    words = re.findall(r"[A-Za-z][\w’'-]*", text[lo:hi])
    return 3 <= len(words) <= 20 and ". " not in text[lo:hi].rstrip(". ")


def _title_source(doc: Doc, text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """``span`` when it names a source: a person or organisation of the article (see
    ``_article_name``) or a word for a source of statements ("Poll", "Newspaper"); not a
    kicker or section label ("Delegate Update")."""
    if span is None or _article_name(doc, text, span) is not None:
        return span
    words = doc.char_span(*span, alignment_mode="expand")
    if words is None:
        return None
    lexicon = load_lexicon()
    sources = (words[-1].lower_, words[-1].lemma_.lower())
    return span if any(w in lexicon.roles or w in lexicon.documents or w in lexicon.groups for w in sources) else None


def colon_attributions(doc: Doc, text: str, lines: list[tuple[int, int]]) -> list[LayoutHit]:
    """``Name: content`` at the start of a line or sentence (headlines, transcripts); not a
    tally such as ``Clinton: 547.``, whose content has no word."""
    hits = []
    labels = Counter(m.group("name") for m in (_TRANSCRIPT_RE.match(text, lo) for lo, _ in lines) if m)
    for n, (lo, hi) in enumerate(lines):
        match = _TRANSCRIPT_RE.match(text, lo)
        for colon in (m.start() for m in re.finditer(":", text[lo:hi])):
            colon += lo
            ent = _entity_before_colon(doc, colon)
            name_span = (ent.start_char, ent.end_char) if ent is not None else None
            name, named = None, None
            if match and match.end("name") == colon:
                label = match.group("name")
                known = _labelled(doc, label)
                if known is not None:
                    named, name = (known.start_char, known.end_char), known.text
                elif ent is not None and ent.label_ == "PERSON" and labels[label] >= 2:
                    named, name = match.span("name"), label.title()  # a transcript of one named only so
                else:
                    continue
                name_span = match.span("name")
            if name_span is None and text[colon + 1 : colon + 3].strip()[:1] in _OPENERS:
                name_span = _proper_name_before(doc, lo, colon)
            if name_span is None and headline(text, lo, hi):
                name_span = _proper_name_before(doc, lo, colon, longest=1)  # "Pence: ...", "Poll: ..."
            if name_span is None and n == 0 and _title_line(text, lo, hi):
                name_span = _title_source(doc, text, _proper_name_before(doc, lo, colon))  # "Roe: Pier will close"
            if name_span is None or not _starts_unit(text, lo if named else name_span[0]):
                continue
            content = _strip(text, colon + 1, _turn_end(text, lines, n) if named else hi)
            if content[1] - content[0] > 2 and any(ch.isalpha() for ch in text[content[0]:content[1]]):
                hits.append(LayoutHit(content, (colon, colon + 1), name_span,
                                      name or text[name_span[0]:name_span[1]], named))
    return hits


def _turn_end(text: str, lines: list[tuple[int, int]], n: int) -> int:
    """Where the transcript turn on line ``n`` ends: a turn quoted in the running-quotation
    style (each paragraph opens with a mark, '"PENCE: ...' then '"But ...') runs on through
    the paragraphs that open with its mark, up to the next label or stage direction."""
    lo, hi = lines[n]
    mark = text[lo]
    if mark not in _OPENERS:
        return hi
    for nxt_lo, nxt_hi in lines[n + 1 :]:
        rest = text[nxt_lo + 1 : nxt_hi].strip()
        if text[nxt_lo] != mark or _TRANSCRIPT_RE.match(text, nxt_lo) or rest.startswith(("(", "[")):
            break
        hi = nxt_hi
    return hi


def dash_attributions(doc: Doc, text: str, lines: list[tuple[int, int]]) -> list[LayoutHit]:
    """A line of quoted words signed after a dash: ``"..." ― Jane Roe``."""
    hits = []
    for lo, hi in lines:
        line = text[lo:hi]
        for match in _DASH_RE.finditer(line):
            name = (lo + match.start("name"), lo + match.end("name"))
            span = doc.char_span(*name, alignment_mode="expand")
            is_name = span is not None and any(t.ent_type_ in _SPEAKER_LABELS for t in span)
            tail = line[match.end("name"):].strip(" .\xa0")
            if not match.group("handle") and tail and not _DATE_TAIL_RE.fullmatch(tail):
                continue  # "— Cruz called them on it:", "— Roe — has backed": the sentence goes on
            if not is_name:  # a signature that ends the line is a name even when NER missed it
                is_name = len(match.group("name").split()) >= 2 and not tail
            if not (is_name or match.group("handle")) or match.start() < 8:
                continue
            content = _strip(text, lo, lo + match.start())
            hits.append(LayoutHit(content, (lo + match.start(1), lo + match.end(1)), name,
                                  text[name[0]:name[1]].rstrip(".")))
            break
    return hits


def signature_lines(doc: Doc, text: str, lines: list[tuple[int, int]]) -> list[LayoutHit]:
    """A quotation paragraph signed on the line after it (``"..."``, then ``- Jane Roe.``),
    as fact-checks lay out the claims they check. The name must be a PERSON or ORG entity
    or end like one named in the article (``- Roe.`` for Jane Roe: the tagger rarely reads
    a name alone on its line), so that a heading between dashes (``– Old hands –``) signs
    nothing."""
    hits = []
    for (p_lo, p_hi), (lo, hi) in zip(lines, lines[1:]):
        match = _SIGNATURE_RE.fullmatch(text, lo, hi)
        p_lo, p_hi = _strip(text, p_lo, p_hi)
        if match is None or p_lo >= p_hi or text[p_lo] not in _OPENERS:
            continue
        name = _article_name(doc, text, match.span("name"))
        if name is not None:
            hits.append(LayoutHit((p_lo, p_hi), match.span("dash"), match.span("name"), name))
    return hits


def _article_name(doc: Doc, text: str, span: tuple[int, int]) -> str | None:
    """The full name of the PERSON or ORG the words at ``span`` stand for: the article's
    longest entity they end (``Roe`` for Jane Roe), else the words themselves when they are
    such an entity here or elsewhere in the article; None when they name nobody. The words
    are read from ``text``: a token may run past them ("-Roe")."""
    name = text[span[0] : span[1]]
    known = _labelled(doc, name)
    if known is not None:
        return known.text
    words = doc.char_span(*span, alignment_mode="expand")
    named = any(ent.label_ in _SPEAKER_LABELS and ent.text == name for ent in doc.ents)
    return name if named or (words is not None and any(t.ent_type_ in _SPEAKER_LABELS for t in words)) else None
