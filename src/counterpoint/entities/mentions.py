"""Candidate mentions: spaCy's named entities, trimmed to the name itself.

A spaCy entity span often carries more than the name ("the Federation Council",
"Kremlin spokesman Dmitry Peskov", "Zelenskyy's") or less than a clean one
("Vladimir] Putin" from an editorial bracket). Here each span is cut to the
words of the name, with exact character offsets into the article text, so every
later step (merging, typing, alias scanning) compares names, not spans.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from counterpoint.entities.names import is_initial, load_rules, load_titles

__all__ = ["ENTITY_TYPES", "Candidate", "extract_candidates", "words_in"]

# spaCy labels kept as entities (others such as DATE or CARDINAL are dropped);
# "PER" and "MISC" cover pipelines trained on CoNLL-style labels.
ENTITY_TYPES = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "NORP": "NORP",
    "LOC": "LOC",
    "FAC": "FAC",
    "EVENT": "EVENT",
}

_POSSESSIVE = {"'s", "’s", "'", "’", "s'", "s’"}
_WORD = re.compile(r"[^\s\[\](){}\"“”«»„*_|<>]+")
_EDGE = "‘,;:!?-–—"
_QUOTES = "'’‘"


@dataclass(frozen=True)
class Candidate:
    """One mention of a would-be entity.

    ``words`` are the name's words as written (brackets and quotes dropped);
    ``label`` is spaCy's type for the span, or ``None`` when the mention was
    found by scanning for a known alias (such mentions do not vote on the type).
    """

    article_id: str
    start: int
    end: int
    words: tuple[str, ...]
    word_starts: tuple[int, ...]
    label: str | None
    cue: str | None = None
    in_headline: bool = False

    @property
    def form(self) -> str:
        """The name as one string: its words joined by single spaces."""
        return " ".join(self.words)


def words_in(text: str, offset: int) -> Iterator[tuple[str, int]]:
    """The name words of ``text`` with their absolute start offsets.

    Punctuation is stripped from the ends of each word; apostrophes only from
    the ends of the whole name, so "Dockworkers' Union" keeps its apostrophe.
    """
    pieces: list[tuple[str, int]] = []
    for match in _WORD.finditer(text):
        word = match.group().strip(_EDGE)
        if word and any(c.isalnum() for c in word):
            pieces.append((word, offset + match.start() + match.group().find(word)))
    if pieces:
        word, start = pieces[0]
        first = word.lstrip(_QUOTES)
        pieces[0] = (first, start + len(word) - len(first))
        pieces[-1] = (pieces[-1][0].rstrip(_QUOTES), pieces[-1][1])
    for word, start in pieces:
        if any(c.isalnum() for c in word):
            yield word, start


def extract_candidates(article_id: str, doc: Doc) -> list[Candidate]:
    """Every named-entity span of ``doc`` with a kept label, trimmed to its name."""
    titles = load_titles()
    text = doc.text
    found: list[Candidate] = []
    for ent in doc.ents:
        label = ENTITY_TYPES.get(ent.label_)
        if label is None:
            continue
        for piece in _split_lines(ent):
            candidate = _trim(article_id, text, piece, label, titles)
            if candidate is not None:
                headline = _in_title_case_line(text, candidate.start)
                found.append(dataclasses.replace(candidate, in_headline=headline))
    return found


def _in_title_case_line(text: str, offset: int) -> bool:
    """Whether the line around ``offset`` is a Title Case headline ("Kremlin
    Blames U.S. for Attempted Drone Strike on Putin Residence"): no closing
    full stop, and at least four words of four or more letters, 80% of them
    capitalised. Capitals there say nothing about names."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start : end if end != -1 else len(text)].strip()
    if line.endswith((".", "?", "!", ".\u201d", '."')):
        return False
    long_words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) >= 4]
    capitals = sum(w[:1].isupper() for w in long_words)
    return len(long_words) >= 4 and capitals >= 0.8 * len(long_words)


def _split_lines(span: Span) -> Iterator[Sequence[Token]]:
    """A name never crosses a line break: cut the span at whitespace tokens."""
    piece: list[Token] = []
    for token in span:
        if token.is_space:
            if piece:
                yield piece
            piece = []
        else:
            piece.append(token)
    if piece:
        yield piece


def _trim(
    article_id: str,
    doc_text: str,
    tokens: Sequence[Token],
    label: str,
    titles: frozenset[tuple[str, ...]],
) -> Candidate | None:
    """Strip punctuation, "the", titles and possessives; drop title fragments."""
    tokens = _strip_edges(list(tokens))
    if tokens and tokens[0].lower_ == "the":
        tokens = _strip_edges(tokens[1:])
    if label == "PERSON":
        tokens = _strip_edges(_cut_titles(tokens, titles))
    elif tokens and _ends_title_phrase(tokens, titles):
        return None
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    pairs = list(words_in(doc_text[start:end], start))
    if not pairs or not any(c.isupper() for w, _ in pairs for c in w):
        return None
    if label == "PERSON" and not _could_be_person([w for w, _ in pairs], titles):
        return None
    if label == "PERSON" and _qualifies_role(tokens, titles):
        label = "ORG"
    if label != "PERSON" and len(pairs) > 1 and all(w.islower() for w, _ in pairs[1:]):
        pairs, label = [(pairs[0][0].rstrip(_QUOTES), pairs[0][1])], _head_label(pairs[0][0], label)
    return Candidate(
        article_id=article_id,
        start=pairs[0][1],
        end=pairs[-1][1] + len(pairs[-1][0]),
        words=tuple(w for w, _ in pairs),
        word_starts=tuple(s for _, s in pairs),
        label=label,
        cue=_type_cue(tokens),
    )


def _head_label(word: str, label: str) -> str:
    """The type of the one capitalised word of a span like "Ardenian foreign
    ministry": a demonym (-ian, -ean, -ese, -ish) is a group, else the span's."""
    return "NORP" if word.endswith(("ian", "ean", "ese", "ish")) else label


def _strip_edges(tokens: list[Token]) -> list[Token]:
    """Drop punctuation and lower-case function words ("the", "on") at both
    ends, and a trailing possessive ("Kyiv's")."""
    while tokens and _edge_junk(tokens[0]):
        tokens = tokens[1:]
    while tokens and (tokens[-1].lower_ in _POSSESSIVE or _edge_junk(tokens[-1])):
        tokens = tokens[:-1]
    return tokens


def _edge_junk(token: Token) -> bool:
    return (
        token.is_punct
        or not any(c.isalnum() for c in token.text)
        or (token.is_stop and token.is_lower)
    )


def _cut_titles(tokens: list[Token], titles: frozenset[tuple[str, ...]]) -> list[Token]:
    """Cut everything up to the last title phrase, if a name is left after it."""
    lowered = [t.lower_ for t in tokens]
    longest = max((len(t) for t in titles), default=1)
    cut = 0
    for i in range(len(tokens)):
        for n in range(min(longest, len(tokens) - i), 0, -1):
            if tuple(lowered[i : i + n]) in titles and i + n < len(tokens):
                cut = max(cut, i + n)
                break
    rest = tokens[cut:]
    return rest if any(t.text[:1].isupper() for t in rest) else tokens


def _ends_title_phrase(tokens: Sequence[Token], titles: frozenset[tuple[str, ...]]) -> bool:
    """True when the span is only part of a title ("State" in "Secretary of
    State", "Defence" in "Defence Minister")."""
    doc = tokens[0].doc
    first, last = tokens[0].i, tokens[-1].i + 1
    for back in range(0, 4):
        for ahead in range(0, 4):
            if (back or ahead) and first - back >= 0 and last + ahead <= len(doc):
                phrase = tuple(t.lower_ for t in doc[first - back : last + ahead])
                if phrase in titles:
                    return True
    return False


def _qualifies_role(tokens: Sequence[Token], titles: frozenset[tuple[str, ...]]) -> bool:
    """A lone word right before a lower-case role word ("Duma deputy", "Kremlin
    spokesman") names the institution the role belongs to, not a person."""
    if len(tokens) != 1:
        return False
    doc = tokens[0].doc
    nxt = tokens[0].i + 1
    return nxt < len(doc) and doc[nxt].is_lower and (doc[nxt].lower_,) in titles


def _could_be_person(words: Sequence[str], titles: frozenset[tuple[str, ...]]) -> bool:
    """People's names have no digits, do not end in an abbreviation, are not
    only initials and are not a bare title: spaCy's "Zlatti71" (a user handle),
    "Blames U.S." (a headline), "N. Y." or "Sheriff" are not people."""
    if any(c.isdigit() for w in words for c in w):
        return False
    if all(is_initial(w) for w in words) or (words[0].lower(),) in titles and len(words) == 1:
        return False
    return "." not in words[-1].rstrip(".")


def _type_cue(tokens: Sequence[Token]) -> str | None:
    """The type a cue word right after the name (or its possessive) shows:
    "Norland's airspace", "the Norland government" -> GPE; or a noun right before it:
    "the company Norgrain" -> ORG."""
    doc = tokens[0].doc
    before = tokens[0].i - 1
    if before >= 0 and doc[before].lower_ in load_rules().org_nouns_before:
        return "ORG"
    i = tokens[-1].i + 1
    if i < len(doc) and doc[i].lower_ in _POSSESSIVE:
        i += 1
    cues = load_rules().type_cues
    for n in (2, 1):
        phrase = tuple(t.lower_ for t in doc[i : i + n])
        if len(phrase) == n and phrase in cues:
            return cues[phrase]
    return None
