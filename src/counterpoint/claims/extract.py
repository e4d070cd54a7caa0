"""Candidate reports: the checkable clauses of each article, in the reporter's or a source's voice.

A candidate is one contiguous span of an article's cleaned text that states one proposition.
Attributed candidates come from the quotes stage (the content span of each attribution);
sentences no attribution touches are the reporter's own voice, unless their own parse shows a
reporting verb with a subject, in which case they are attributed without a quote id. Opinion,
rhetoric and calls to action are dropped here: they belong to voices, not to claims.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from spacy.tokens import Doc, Span, Token

from counterpoint.claims.frames import load_frame_lexicon, proposition_of
from counterpoint.claims.lexicon import Lexicon, find_phrases, load_lexicon
from counterpoint.nlp import doc_text
from counterpoint.claims.wording import clean_span
from counterpoint.model import Article, Cue, Entity, Quote, Source

__all__ = [
    "Candidate", "EntityIndex", "build_entity_index", "extract_candidates", "sentences",
    "candidate_key",
]

NAMED = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT"}
EDGE_CHARS = " \t\r\n\"'“”‘’«»,;:—–-()[]*#"
LEAD_WORDS = ("that ", "and ", "but ", "however, ", "however ", "whether ")
QUESTION_WORDS = ("whether ", "if ", "why ", "how ", "what ")
#: a clause opening with one of these and no antecedent known names nothing a reader can check
RELATIVE_WORDS = ("which ", "who ", "whom ", "whose ")
#: "Capital: words without a verb" -- a headline's "speaker: gist" line, not a sentence
HEADLINE = re.compile(r"^[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}: \S")
TRAIL_WORDS = (" and", " but", " nor", " or", " because", " so")
UNNAMED = "unnamed source"


@dataclass(frozen=True)
class Candidate:
    """One clause that may become a :class:`~counterpoint.model.Report`.

    ``context`` is the enclosing sentence span (with the attribution), used for hedges and
    verification phrases; ``entities`` maps entity keys to display names for the entities
    mentioned inside the span; ``head`` is the antecedent a relative clause starts from.
    """

    article_id: str
    start: int
    end: int
    text: str
    voice: Literal["own", "attributed"]
    quote_id: str | None
    source: Source | None
    cue: Cue | None
    cue_lemma: str | None
    context_start: int
    context_end: int
    entities: tuple[tuple[str, str], ...]
    head: str = ""
    challenge: bool = False
    #: the speaker's own words when the quotes stage named no entity ("the Ukrainian government")
    speaker_text: str = ""


@dataclass(frozen=True)
class EntityIndex:
    """Story entity mentions per article, for looking up who and what a span mentions."""

    mentions: Mapping[str, tuple[tuple[int, int, str], ...]]
    names: Mapping[str, str]


def build_entity_index(entities: Sequence[Entity]) -> EntityIndex:
    """Index the story's merged entities by article so spans can be mapped to entity ids."""
    per_article: dict[str, list[tuple[int, int, str]]] = {}
    for entity in entities:
        for m in entity.mentions:
            per_article.setdefault(m.article_id, []).append((m.start, m.end, entity.id))
    return EntityIndex(
        mentions={k: tuple(sorted(v)) for k, v in per_article.items()},
        names={e.id: e.name for e in entities},
    )


def extract_candidates(
    article: Article, doc: Doc, quotes: Sequence[Quote], index: EntityIndex, lex: Lexicon
) -> list[Candidate]:
    """All checkable candidate clauses of one article, attributed ones first, in text order."""
    own_quotes = sorted((q for q in quotes if q.article_id == article.id), key=lambda q: q.start)
    found: list[Candidate] = []
    for quote in own_quotes:
        found.extend(_from_quote(article, doc, quote, index, lex))
    taken = [_quote_extent(q) for q in own_quotes]
    for sent in sentences(doc):
        if any(s < sent.end_char and sent.start_char < e for s, e in taken):
            continue
        found.extend(_from_sentence(article, doc, sent, index, lex))
    return sorted(found, key=lambda c: (c.start, c.end))


_SENTENCES_KEY = "counterpoint.claims.sentences"


def sentences(doc: Doc) -> list[Span]:
    """The parser's sentences, cut again at line breaks (headlines, captions and bylines of
    scraped pages are often glued to the next sentence)."""
    return list(_sentences(doc))


def _sentences(doc: Doc) -> tuple[Span, ...]:
    """Cached on the parse itself: walking ``doc.sents`` re-checks the whole document at each
    step (quadratic on long articles) and every step of the stage needs the sentences."""
    cached = doc.user_data.get(_SENTENCES_KEY)
    if cached is not None:
        return tuple(doc[a:b] for a, b in cached)
    text = doc_text(doc)
    starts = [tok.i for tok in doc if tok.i == 0 or tok.is_sent_start]
    out: list[Span] = []
    for first, stop in zip(starts, starts[1:] + [len(doc)]):
        begin = first
        for tok in doc[first:stop]:
            if tok.is_space and "\n" in tok.text:
                if tok.i > begin:
                    out.append(doc[begin:tok.i])
                begin = tok.i + 1
            elif tok.i > begin and "\n" in text[tok.idx - 1:tok.idx]:
                out.append(doc[begin:tok.i])
                begin = tok.i
        if begin < stop:
            out.append(doc[begin:stop])
    doc.user_data[_SENTENCES_KEY] = [(span.start, span.end) for span in out]
    return tuple(out)


def _quote_extent(quote: Quote) -> tuple[int, int]:
    points = [quote.start, quote.end]
    if quote.cue is not None:
        points += [quote.cue.start, quote.cue.end]
    if quote.speaker.start is not None and quote.speaker.end is not None:
        points += [quote.speaker.start, quote.speaker.end]
    return min(points), max(points)


def _from_quote(
    article: Article, doc: Doc, quote: Quote, index: EntityIndex, lex: Lexicon
) -> list[Candidate]:
    cue_lemma = _cue_lemma(doc, quote.cue)
    if cue_lemma in lex.call_cues:
        return []
    source = _source_of(quote, index)
    denying = _denying(quote, cue_lemma, lex)
    out: list[Candidate] = []
    for sent in sentences(doc):
        start, end = max(sent.start_char, quote.start), min(sent.end_char, quote.end)
        if end - start < 3:
            continue
        context = _context(doc, quote, sent)
        for c_start, c_end, head in _clauses(doc, start, end):
            cand = _candidate(article, doc, c_start, c_end, "attributed", index, context, head)
            if cand is not None and not _checkable(doc, cand, lex, denying):
                cand = _challenge(article, doc, cand, index, lex)
            if cand is not None and _checkable(doc, cand, lex, denying):
                out.append(replace(_with_quote(cand, quote, source, cue_lemma),
                                   speaker_text=_speaker_text(doc, quote)))
    return out


def _challenge(
    article: Article, doc: Doc, cand: Candidate, index: EntityIndex, lex: Lexicon
) -> Candidate | None:
    """The condition of a dare: "if X has the fragments, let it show them" puts "X has the
    fragments" in doubt. Only for calls and imperatives, whose own content is not a claim."""
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or not (_is_call(span, lex) or span.root.tag_ == "VB"):
        return None
    for tok in span.root.children:
        marks = [c for c in tok.children if c.dep_ == "mark" and c.lower_ == "if"]
        if tok.dep_ != "advcl" or not marks:
            continue
        start = marks[0].idx + len(marks[0].text)
        end = tok.right_edge.idx + len(tok.right_edge.text)
        found = _candidate(article, doc, start, end, "attributed", index,
                           (cand.context_start, cand.context_end), "")
        if found is not None:
            return replace(found, challenge=True)
    return None


def _denying(quote: Quote, cue_lemma: str | None, lex: Lexicon) -> bool:
    return (quote.cue is not None and quote.cue.stance == "denial") or (
        cue_lemma in lex.denial_cues
    )


def _with_quote(cand: Candidate, quote: Quote, source: Source, lemma: str | None) -> Candidate:
    return Candidate(
        cand.article_id, cand.start, cand.end, cand.text, "attributed", quote.id, source,
        quote.cue, lemma, cand.context_start, cand.context_end, cand.entities, cand.head,
        cand.challenge,
    )


def _speaker_text(doc: Doc, quote: Quote) -> str:
    sp = quote.speaker
    if sp is None or sp.start is None or sp.end is None or sp.end <= sp.start:
        return ""
    return doc_text(doc)[sp.start:sp.end].strip(EDGE_CHARS)


def _context(doc: Doc, quote: Quote, sent: Span) -> tuple[int, int]:
    """The sentence holding the content, widened to the cue when the cue sits elsewhere."""
    start, end = sent.start_char, sent.end_char
    if quote.cue is not None and abs(quote.cue.start - sent.start_char) < 400:
        start, end = min(start, quote.cue.start), max(end, quote.cue.end)
    return start, end


def _from_sentence(
    article: Article, doc: Doc, sent: Span, index: EntityIndex, lex: Lexicon
) -> list[Candidate]:
    attributed = _attribution_in(article.id, doc, sent, index, lex)
    if attributed is not None:
        return attributed
    out = []
    for start, end, head in _clauses(doc, sent.start_char, sent.end_char):
        context = (sent.start_char, sent.end_char)
        cand = _candidate(article, doc, start, end, "own", index, context, head)
        if cand is not None and _checkable(doc, cand, lex):
            out.append(cand)
    return out


def _attribution_in(
    article_id: str, doc: Doc, sent: Span, index: EntityIndex, lex: Lexicon
) -> list[Candidate] | None:
    """A sentence like "X said (that) P" or "X denied P" the quotes stage left out.

    Returns ``None`` when the sentence is not an attribution, an empty list when it is one
    whose content is not checkable (a call to action, say).
    """
    root = sent.root
    lemma = root.lemma_.lower()
    if lemma not in lex.reporting_verbs:
        return None
    subjects = [t for t in root.children if t.dep_ in ("nsubj", "nsubjpass")]
    contents = sorted(
        (t for t in root.children if t.dep_ in ("ccomp", "dobj", "xcomp")),
        key=lambda t: ("ccomp", "xcomp", "dobj").index(t.dep_),
    )
    if not subjects or not contents or subjects[0].lemma_.lower() in ("it", "there"):
        return None
    if lemma in lex.call_cues:
        return []
    content, speaker = contents[0], subjects[0]
    if content.i < sent.start or speaker.i < sent.start:
        return None
    c_start = max(content.left_edge.idx, sent.start_char)
    c_end = min(content.right_edge.idx + len(content.right_edge.text), sent.end_char)
    cue = Cue(root.idx, root.idx + len(root.text), root.text, _lexical_stance(lemma, lex))
    source = _source_from_span(doc, speaker, index, article_id, sent)
    out = []
    for start, end, head in _clauses(doc, c_start, c_end):
        context = (sent.start_char, sent.end_char)
        cand = _candidate_from_doc(article_id, doc, start, end, index, context, head)
        if cand is not None and _checkable(doc, cand, lex, lemma in lex.denial_cues):
            out.append(Candidate(
                article_id, cand.start, cand.end, cand.text, "attributed", None, source, cue,
                lemma, cand.context_start, cand.context_end, cand.entities, cand.head,
            ))
    return out


def _lexical_stance(lemma: str, lex: Lexicon) -> Literal["neutral", "assertive", "denial", "doubt"]:
    if lemma in lex.denial_cues:
        return "denial"
    if lemma in lex.doubt_cues:
        return "doubt"
    if lemma in lex.assertive_cues:
        return "assertive"
    return "neutral"


def _source_from_span(
    doc: Doc, speaker: Token, index: EntityIndex, article_id: str, sent: Span
) -> Source:
    start = max(speaker.left_edge.idx, sent.start_char)
    end = min(speaker.right_edge.idx + len(speaker.right_edge.text), sent.end_char)
    for m_start, m_end, entity_id in index.mentions.get(article_id, ()):
        if m_start < end and start < m_end:
            return Source(entity_id, index.names.get(entity_id))
    name = doc_text(doc)[start:end].strip(EDGE_CHARS)
    return Source(None, name or UNNAMED)


def _source_of(quote: Quote, index: EntityIndex) -> Source:
    speaker = quote.speaker
    members = tuple(_source_of(replace(quote, speaker=m), index) for m in speaker.members)
    if speaker.entity_id is not None:
        return Source(speaker.entity_id, index.names.get(speaker.entity_id) or speaker.name, members)
    return Source(None, speaker.name or UNNAMED, members)


def _cue_lemma(doc: Doc, cue: Cue | None) -> str | None:
    if cue is None:
        return None
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return cue.text.lower()
    if len(span) > 1 and span.text.lower() in ("according to",):
        return "according to"
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX")]
    return (verbs[-1] if verbs else span.root).lemma_.lower()


def _clauses(doc: Doc, start: int, end: int) -> list[tuple[int, int, str]]:
    """Split a span at a trailing non-restrictive relative clause or a coordinated clause.

    Each piece stays a contiguous piece of the text; a relative clause remembers the noun it
    hangs on (``head``) so that it can be compared with other reports about that noun.
    """
    if end <= start:
        return []
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return [(start, end, "")]
    for tok in span:
        if not _splits(tok, span):
            continue
        cut = tok.left_edge.idx
        head = _noun_phrase(tok.head) if tok.dep_ == "relcl" else ""
        first = _clauses(doc, start, cut)
        return [*first, (cut, end, head)]
    return [(start, end, "")]


def _splits(tok: Token, span: Span) -> bool:
    if tok.pos_ not in ("VERB", "AUX") or tok.i == span.start:
        return False
    right = tok.right_edge.i
    if right < span.end - 2 or tok.left_edge.i <= span.start + 2:
        return False
    before = tok.doc[tok.left_edge.i - 1]
    if tok.dep_ == "relcl":
        return before.text == "," and tok.left_edge.tag_ in ("WP", "WDT")
    if tok.dep_ == "conj" and tok.head.i >= span.start:
        return any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    return False


def _noun_phrase(tok: Token) -> str:
    return "".join(t.text_with_ws for t in tok.subtree if t.i <= tok.i).strip()


def _candidate(
    article: Article, doc: Doc, start: int, end: int, voice: Literal["own", "attributed"],
    index: EntityIndex, context: tuple[int, int], head: str,
) -> Candidate | None:
    cand = _candidate_from_doc(article.id, doc, start, end, index, context, head)
    if cand is None:
        return None
    return Candidate(
        article.id, cand.start, cand.end, cand.text, voice, None, None, None, None,
        cand.context_start, cand.context_end, cand.entities, head,
    )


def _candidate_from_doc(
    article_id: str, doc: Doc, start: int, end: int, index: EntityIndex,
    context: tuple[int, int], head: str,
) -> Candidate | None:
    start, end = _trim(doc_text(doc), start, end)
    start, end = _trim(doc_text(doc), *clean_span(doc, start, end, load_lexicon().reporting_verbs))
    start, end = _trim(doc_text(doc), start, _cut_relative(doc, start, end))
    if end - start < 12:
        return None
    entities = _entities_in(doc, start, end, index, article_id)
    return Candidate(
        article_id, start, end, doc_text(doc)[start:end], "own", None, None, None, None,
        context[0], context[1], entities, head,
    )


def _cut_relative(doc: Doc, start: int, end: int) -> int:
    """The end of a span that stops inside a relative clause whose verb lies beyond it
    ("... against X which, for its part" where the attribution ends): the span ends before
    the relative pronoun, so what is left is a whole clause."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return end
    for tok in span[1:]:
        if tok.tag_ in ("WDT", "WP") and tok.head.i >= span.end:
            return tok.idx
    return end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding punctuation, quote marks and a leading "that"/"and" from a span."""
    changed = True
    while changed and start < end:
        changed = False
        while start < end and text[start] in EDGE_CHARS:
            start, changed = start + 1, True
        while end > start and text[end - 1] in EDGE_CHARS:
            end, changed = end - 1, True
        lowered = text[start:end].lower()
        for word in LEAD_WORDS:
            if lowered.startswith(word):
                start, changed = start + len(word), True
                break
        for word in TRAIL_WORDS:
            if lowered.endswith(word):
                end, changed = end - len(word), True
                break
    return start, end


def _entities_in(
    doc: Doc, start: int, end: int, index: EntityIndex, article_id: str
) -> tuple[tuple[str, str], ...]:
    """(key, display name) of the entities mentioned inside ``[start, end)``.

    Story entities are used where their mentions fall; named entities of the parse that no
    story entity covers are added with a key made from their lower-cased text.
    """
    found: dict[str, str] = {}
    covered: list[tuple[int, int]] = []
    for m_start, m_end, entity_id in index.mentions.get(article_id, ()):
        if start <= m_start and m_end <= end:
            found[entity_id] = index.names.get(entity_id, doc_text(doc)[m_start:m_end])
            covered.append((m_start, m_end))
    for ent in doc.ents:
        if ent.label_ not in NAMED or not (start <= ent.start_char and ent.end_char <= end):
            continue
        if any(s < ent.end_char and ent.start_char < e for s, e in covered):
            continue
        name = ent.text.strip(EDGE_CHARS).removeprefix("the ").removeprefix("The ")
        found.setdefault("ent:" + name.lower().removesuffix("'s"), name.removesuffix("'s"))
    return tuple(sorted(found.items()))


def _checkable(doc: Doc, cand: Candidate, lex: Lexicon, denial: bool = False) -> bool:
    """A checkable statement: a finite clause about something named or counted, or one that
    states an attack, injury, ban, ... (a proposition frame); under a denying cue a bare
    noun of such a frame counts too ("X denied any involvement").

    Calls to action, opinions and rhetoric fail here (they stay visible as quotes and voices).
    """
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None:
        return False
    framed = proposition_of(span, load_frame_lexicon()) is not None
    if denial and framed and not _is_call(span, lex):
        return True
    words = [t for t in span if t.is_alpha]
    if len(words) < 4 or cand.text.rstrip("\"'”’ ").endswith("?"):
        return False
    if cand.text.lower().startswith(QUESTION_WORDS):
        return False
    if _fragment(cand):
        return False
    if not any(t.pos_ in ("VERB", "AUX") for t in span):
        return False
    if _is_call(span, lex) or find_phrases(cand.text, lex.evaluative) or _labels_event(span):
        return False
    if span.root.tag_ == "VB" and not any(c.dep_.startswith("nsubj") for c in span.root.children):
        return False
    has_number = any(t.like_num and t.ent_type_ not in ("DATE", "TIME") for t in span)
    return bool(cand.entities or cand.head) or has_number or framed


def _fragment(cand: Candidate) -> bool:
    """Words that are not a clause a reader can check: a relative clause with no antecedent
    ("which the authorities said occurred overnight") or a headline's "Name: gist" line in
    the outlet's own voice (no sentence-final punctuation)."""
    if cand.text.lower().startswith(RELATIVE_WORDS) and not cand.head:
        return True
    return cand.voice == "own" and bool(HEADLINE.match(cand.text)) and not (
        cand.text.rstrip("\"'”’ ").endswith((".", "!"))
    )


def _labels_event(span: Span) -> bool:
    """"A terrorist act against X is an attack on Y": a copula between two event nouns
    names one event by another; a label, not a checkable statement."""
    root = span.root
    if root.lemma_ != "be":
        return False
    flex = load_frame_lexicon()
    events = flex.event_nouns | frozenset(flex.family_of)
    subj = [c for c in root.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
    attr = [c for c in root.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
    return bool(subj and attr) and subj[0].lemma_.lower() in events and (
        attr[0].lemma_.lower() in events
    )


def _is_call(span: Span, lex: Lexicon) -> bool:
    if find_phrases(span.text, lex.call_phrases):
        return True
    for tok in span:
        lemma = tok.lemma_.lower()
        if lemma in lex.modal_calls and (tok.dep_ == "aux" or tok.head.dep_ == "ROOT"):
            if lemma != "need" or any(c.dep_ == "xcomp" for c in tok.children):
                return True
        if lemma in lex.call_cues and tok.pos_ == "VERB" and tok.dep_ == "ROOT":
            return True
    return False


def candidate_key(cand: Candidate) -> str:
    """The stable key of a candidate, used in claim ids."""
    return f"{cand.article_id}:{cand.start}:{cand.end}"


def quotes_by_id(quotes: Sequence[Quote]) -> Mapping[str, Quote]:
    """Look-up table from quote id to quote."""
    return {q.id: q for q in quotes}
