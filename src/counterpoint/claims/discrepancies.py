"""Where outlets disagree on a fact: the order of events, numbers, damage, place.

Each finding shows both sides as exact spans. Sides always come from different origins (copies
of one wire story do not disagree with themselves). Statements that differ only because they
are about different moments (one dated, one not, or two different dates) are not reported as
place disagreements. Time disagreements of the timeline are the timeline stage's job.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Span, Token

from counterpoint.claims.extract import sentences
from counterpoint.claims.lexicon import Lexicon, find_phrases
from counterpoint.nlp import doc_text
from counterpoint.model import Claim, Discrepancy, Report, Side

__all__ = ["find_discrepancies"]

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "twenty": 20, "hundred": 100,
}
PLACE_LABELS = ("GPE", "LOC", "FAC")
PLACE_PREPS = ("in", "at", "from", "near", "over", "inside")


@dataclass(frozen=True)
class _Marked:
    """A span of one article with the value it states (an order, a number, a place)."""

    article_id: str
    start: int
    end: int
    value: str
    key: str


def find_discrepancies(
    claims: Sequence[Claim], docs: Mapping[str, Doc], origin: Mapping[str, str], lex: Lexicon
) -> tuple[Discrepancy, ...]:
    """Sequence, number and place disagreements inside claims, damage across the story."""
    found: list[Discrepancy] = []
    for claim in claims:
        found.extend(_sequence(claim, docs, origin, lex))
        found.extend(_places(claim, docs, origin))
    found.extend(_numbers(docs, origin, lex))
    found.extend(_damage(docs, origin, lex))
    return tuple(found)


def _sentence(docs: Mapping[str, Doc], report: Report) -> Span | None:
    doc = docs.get(report.article_id)
    if doc is None:
        return None
    for sent in sentences(doc):
        if sent.start_char <= report.start < sent.end_char:
            return sent
    return None


def _side(doc: Doc, mark: _Marked) -> Side:
    return Side(mark.article_id, mark.start, mark.end, doc_text(doc)[mark.start:mark.end])


def _words(docs: Mapping[str, Doc], mark: _Marked) -> str:
    """The source words a mark stands on."""
    return docs[mark.article_id].text[mark.start:mark.end]


def _discrepancy(kind: Literal["sequence", "number", "place", "damage"], description: str,
                 docs: Mapping[str, Doc],
                 a: _Marked, b: _Marked) -> Discrepancy:
    """Two opposed marks as a discrepancy whose sides are their source words."""
    sides = (_side(docs[a.article_id], a), _side(docs[b.article_id], b))
    return Discrepancy(kind, description, sides)


def _opposed(
    marks: Sequence[_Marked], origin: Mapping[str, str]
) -> list[tuple[_Marked, _Marked]]:
    """Pairs with the same key, different values, from different origins (first pair per key)."""
    pairs: list[tuple[_Marked, _Marked]] = []
    keys_done: set[str] = set()
    for i, a in enumerate(marks):
        for b in marks[i + 1:]:
            if a.key != b.key or a.value == b.value or a.key in keys_done:
                continue
            if origin.get(a.article_id, a.article_id) == origin.get(b.article_id, b.article_id):
                continue
            pairs.append((a, b))
            keys_done.add(a.key)
    return pairs


def _sequence(
    claim: Claim, docs: Mapping[str, Doc], origin: Mapping[str, str], lex: Lexicon
) -> list[Discrepancy]:
    marks: list[_Marked] = []
    seen: set[tuple[str, int]] = set()
    for report in claim.reports:
        sent = _sentence(docs, report)
        if sent is None or (report.article_id, sent.start_char) in seen:
            continue
        seen.add((report.article_id, sent.start_char))
        marks.extend(_order_marks(report.article_id, sent, lex))
    out = []
    for a, b in _opposed(marks, origin):
        description = (
            f"Outlets disagree on the order of events: one places it {a.value} "
            f"(\"{_words(docs, a)}\"), another {b.value} (\"{_words(docs, b)}\")."
        )
        out.append(_discrepancy("sequence", description, docs, a, b))
    return out


def _order_marks(article_id: str, sent: Span, lex: Lexicon) -> list[_Marked]:
    """"before X" / "after X" phrases of a sentence, keyed by the event they point at."""
    out = []
    for tok in sent:
        lower = tok.lower_
        value = "before" if lower in lex.before else "after" if lower in lex.after else None
        if value is None or tok.dep_ not in ("prep", "mark"):
            continue
        phrase = tok.head if tok.dep_ == "mark" else tok
        left = min(phrase.left_edge.i, tok.i)
        if left > 0 and tok.doc[left - 1].lower_ in ("shortly", "just", "soon", "long"):
            left -= 1
        start = tok.doc[left].idx
        end = phrase.right_edge.idx + len(phrase.right_edge.text)
        for key in _event_words(tok.doc[left:phrase.right_edge.i + 1], lex):
            out.append(_Marked(article_id, start, end, value, key))
    return out


def _event_words(span: Span, lex: Lexicon) -> list[str]:
    """The nouns an order phrase points at, plus one shared key for "it became public"."""
    nouns = [t.lemma_.lower() for t in span if t.pos_ == "NOUN" and not t.is_stop]
    if any(n in lex.publication_nouns for n in nouns):
        nouns.append("<publication>")
    return nouns


def _numbers(docs: Mapping[str, Doc], origin: Mapping[str, str], lex: Lexicon) -> list[Discrepancy]:
    """The same thing counted differently: same counted noun under the same verb
    ("injuring two workers" / "injured three workers"), anywhere in the story. Pairs that
    count the same noun with the same two values under different verbs ("injured three
    workers" / "two workers were taken to hospital") are one disagreement, shown once with
    all its sides."""
    marks: list[_Marked] = []
    for article_id, doc in docs.items():
        marks.extend(_counted(article_id, doc[:], lex))
    merged: dict[tuple[str, frozenset[str]], list[_Marked]] = {}
    for a, b in _opposed(marks, origin):
        key = (a.key.split("/")[0], frozenset((a.value, b.value)))
        merged.setdefault(key, [])
        merged[key] += [m for m in (a, b) if m not in merged[key]]
    out = []
    for (noun, _), group in merged.items():
        values = list(dict.fromkeys(m.value for m in group))
        told = " and ".join(
            f"{value} ({', '.join(chr(34) + _words(docs, m) + chr(34) for m in group if m.value == value)})"
            for value in values
        )
        description = f"Outlets give different numbers of {_plural(noun)}: {told}."
        sides = tuple(_side(docs[m.article_id], m) for m in group)
        out.append(Discrepancy("number", description, sides))
    return out


def _plural(noun: str) -> str:
    """The plural of a counted noun's lemma ("worker" -> "workers", "casualty" ->
    "casualties", "people" -> "people")."""
    irregular = {"people": "people", "person": "people", "child": "children", "man": "men", "woman": "women",
                 "police": "police", "staff": "staff"}
    if noun in irregular:
        return irregular[noun]
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    return noun + "s"


def _counted(article_id: str, span: Span, lex: Lexicon) -> list[_Marked]:
    out = []
    for tok in span:
        if tok.dep_ != "nummod" or tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT"):
            continue
        noun = tok.head
        if noun.pos_ != "NOUN" or noun.lemma_.lower() in lex.count_nouns_ignore:
            continue
        value = _number_value(tok)
        if value is None:
            continue
        start, end = min(tok.idx, noun.idx), max(tok.idx + len(tok.text), noun.idx + len(noun.text))
        shown = str(int(value)) if float(value).is_integer() else str(value)
        verb = noun.head.lemma_.lower() if noun.head.pos_ in ("VERB", "AUX") else ""
        if not verb and noun.dep_ in ("nsubj", "nsubjpass"):
            verb = noun.head.lemma_.lower()
        if verb:
            verb = lex.count_verbs.get(verb, verb)  # "were killed" and "died" count the same dead
            out.append(_Marked(article_id, start, end, shown, f"{noun.lemma_.lower()}/{verb}"))
    return out


def _number_value(tok: Token) -> float | None:
    text = tok.lower_.replace(",", "")
    if text in WORD_NUMBERS:
        return WORD_NUMBERS[text]
    try:
        return float(text)
    except ValueError:
        return None


def _places(
    claim: Claim, docs: Mapping[str, Doc], origin: Mapping[str, str]
) -> list[Discrepancy]:
    """Different places for the same positive statement, when neither side is dated."""
    marks: list[_Marked] = []
    texts: dict[str, str] = {}
    for report in claim.reports:
        if report.stance not in ("asserts", "reports"):
            continue
        sent = _sentence(docs, report)
        if sent is None or any(e.label_ in ("DATE", "TIME") for e in sent.ents):
            continue
        span = docs[report.article_id].char_span(report.start, report.end, "expand")
        if span is None or any(t.dep_ == "neg" for t in span):
            continue
        texts[report.article_id] = report.text.lower()
        marks.extend(_place_marks(report.article_id, span))
    out = []
    for a, b in _opposed(marks, origin):
        if a.value.lower() in texts.get(b.article_id, "") or b.value.lower() in texts.get(
            a.article_id, ""
        ):
            continue
        description = f"Outlets place it differently: {a.value} and {b.value}."
        out.append(_discrepancy("place", description, docs, a, b))
    return out


def _place_marks(article_id: str, span: Span) -> list[_Marked]:
    out = []
    for ent in span.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        prep = ent.root.head
        if ent.root.dep_ != "pobj" or prep.lower_ not in PLACE_PREPS:
            continue
        value = ent.text.removeprefix("the ").removeprefix("The ")
        out.append(_Marked(article_id, prep.idx, ent.end_char, value, prep.head.lemma_.lower()))
    return out


def _damage(docs: Mapping[str, Doc], origin: Mapping[str, str], lex: Lexicon) -> list[Discrepancy]:
    """One outlet reports harm or destruction where another reports none."""
    some: list[_Marked] = []
    none: list[_Marked] = []
    for article_id, doc in docs.items():
        for sent in sentences(doc):
            if find_phrases(sent.text, lex.no_damage):
                none.append(_Marked(article_id, sent.start_char, sent.end_char, "none", ""))
            elif _states_damage(sent, lex):
                some.append(_Marked(article_id, sent.start_char, sent.end_char, "some", ""))
    pairs = [
        (a, b) for a in none for b in some
        if origin.get(a.article_id, a.article_id) != origin.get(b.article_id, b.article_id)
        and _share_subject(docs[a.article_id], a, docs[b.article_id], b)
    ]
    if not pairs:
        return []
    a, b = pairs[0]
    description = "Outlets disagree on the damage: one reports none, another reports harm."
    return [_discrepancy("damage", description, docs, a, b)]


def _states_damage(sent: Span, lex: Lexicon) -> bool:
    for tok in sent:
        if tok.lemma_.lower() not in lex.damage or tok.dep_ in ("xcomp", "advcl", "acl"):
            continue
        if any(c.dep_ in ("neg", "aux") and c.lower_ in ("not", "n't", "to", "would", "could")
               for c in tok.children) or tok.doc[max(tok.i - 1, 0)].lower_ == "to":
            continue
        return True
    return False


def _share_subject(doc_a: Doc, a: _Marked, doc_b: Doc, b: _Marked) -> bool:
    """Both sentences name a common place/organisation or share a concrete noun."""
    span_a, span_b = doc_a.char_span(a.start, a.end), doc_b.char_span(b.start, b.end)
    if span_a is None or span_b is None:
        return False
    names_a = {e.text.lower() for e in span_a.ents if e.label_ in ("GPE", "FAC", "ORG", "LOC")}
    names_b = {e.text.lower() for e in span_b.ents if e.label_ in ("GPE", "FAC", "ORG", "LOC")}
    nouns_a = {t.lemma_.lower() for t in span_a if t.pos_ == "NOUN" and not t.is_stop}
    nouns_b = {t.lemma_.lower() for t in span_b if t.pos_ == "NOUN" and not t.is_stop}
    return bool(names_a & names_b) or len((nouns_a & nouns_b) - lex_generic()) > 0


def lex_generic() -> set[str]:
    """Nouns too general to show two sentences are about the same thing."""
    return {"damage", "casualty", "time", "report", "people", "way", "thing"}
