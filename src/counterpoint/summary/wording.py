"""The words a summary sentence tells: a report's span, cleaned by removing characters only.

Part of :mod:`counterpoint.summary`. Quote marks, leading discourse markers ("In fact,") and,
in attributed reports, the outlet's hedge words go; long words are cut at a clause boundary;
words that only make sense with their speaker (first person, a leading pronoun) are quoted.
The word lists here are general English, not about any story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from counterpoint.model import Report
from counterpoint.summary.discrepancies import QUOTE_MARKS
from counterpoint.summary.grammar import is_clause, untellable

__all__ = [
    "Wording", "wording", "cut", "stems", "overlap", "named", "name_key", "NEGATED", "UNCERTAIN",
    "capitalised",
]

NEGATED = re.compile(r"(?i)\b(?:not|no|never|nothing|none|nobody|neither|nor|without|unlikely|"
                     r"cannot|lacks?|\w+n[’']t)\b")
UNCERTAIN = re.compile(r"(?i)\b(?:confirm\w*|verif\w*|unable|information|unclear|know)\b")
#: "us" only in lower case: "US" is a country.
FIRST_PERSON = re.compile(
    r"\b(?:[Ww]e|us|[Oo]urs?|[Oo]urselves|[Mm]e|[Mm]y|[Mm]yself|[Yy]ou|[Yy]ours?)\b|\bI\b"
)
LEAD_PRONOUN = re.compile(r"(?i)^(?:he|she|it|it's|they|this|these|those|that|his|her|their)\b")
#: Sentence adverbials and discourse markers that tie a sentence to its article, not a claim.
DISCOURSE = re.compile(
    r"(?i)^(?:(?:in fact|mind you|indeed|however|moreover|meanwhile|furthermore|also|still|"
    r"of course|in addition|besides|nevertheless|nonetheless|instead|so|now|then|thus|"
    r"therefore|after all|above all|in turn|at the same time|for (?:its|his|her|their) part|"
    r"in other words|that said|to be sure|admittedly|clearly|obviously|notably|"
    r"importantly),\s+|(?:but|and|yet)\s+)"
)
STUB = re.compile(r",?\s+(?:which|who|whom|whose)\b(?:\W+\w+){0,3}\W*$", re.IGNORECASE)
HEDGE_WORDS = re.compile(
    r"(?i)\b(?:allegedly|so-called|purportedly|reportedly|supposedly|apparently)\s+"
    r"|\b(?:alleged|purported)\s+(?!(?:was|were|is|are|that|to|had|has|have)\b)"
)


@dataclass(frozen=True)
class Wording:
    """The proposition of a claim as told: source words, the report they come from."""

    text: str
    report: Report
    quoted: bool
    #: the words have a finite verb of their own (else they are a cue's object)
    clause: bool = True
    #: where the cited span starts and the source words told before ``text`` when the words
    #: hang on their cue ("denied | any involvement", "The Kremlin defined | the incident as")
    cue: tuple[int, str] | None = None


def wording(report: Report, limit: int, hangs_on_cue: bool = False) -> Wording | None:
    """A report's words as told: quote marks, leading discourse markers and (in attributed
    reports, where they are the outlet's) hedge words dropped; cut at a clause boundary when
    long; set in quotation marks when they only make sense with their speaker (first person,
    a leading pronoun)."""
    text = report.text
    if report.voice == "attributed":
        text = HEDGE_WORDS.sub("", text)
    text = QUOTE_MARKS.sub("", text)
    text = re.sub(r"\s+", " ", text).strip()
    while (stripped := DISCOURSE.sub("", text, count=1)) != text:
        text = stripped
    text = cut(text.strip(" ,;:–—-"), limit).rstrip(".,;: ")
    # a relative clause cut off by the report's end ("... against Kiev which, for its part")
    text = STUB.sub("", text)
    if not re.search(r"[A-Za-z]{3}", text):
        return None
    if not hangs_on_cue and untellable(text):
        return None
    clause = is_clause(text)
    quoted = bool(FIRST_PERSON.search(text) or LEAD_PRONOUN.match(text))
    if quoted:
        return Wording(f"“{text}”", report, True, clause)
    return Wording(capitalised(text) if report.voice == "own" else text, report, False, clause)


def cut(text: str, limit: int) -> str:
    """At most ``limit`` words, cut at the last clause boundary that keeps ten or more."""
    words = text.split()
    if len(words) <= limit:
        return text
    head = " ".join(words[:limit])
    commas = [m.start() for m in re.finditer(r"[,;:]\s", head)]
    keep = [c for c in commas if len(head[:c].split()) >= 10]
    return (head[: keep[-1]] if keep else head) + " …"


STOP = frozenset(
    "the a an and or but of to in on at by for with from as is are was were be been has have had "
    "that this these those it its his her their they he she we not no said says say would could "
    "will also after before over into about than then there which who what when where while "
    "been being more most some any all other".split()
)


def stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]+", text.lower()) if w not in STOP and len(w) > 2}


def overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


PRONOUNS = frozenset("he she it they we i you him her them his their this these".split())


def named(name: str | None) -> bool:
    """A speaker name a reader can use: not empty, not a pronoun, not "unnamed source"."""
    return bool(name) and name.lower() not in PRONOUNS and "unnamed" not in name.lower()  # type: ignore[union-attr]


def name_key(name: str) -> str:
    """Names compared without case and a leading "the"."""
    return re.sub(r"^the\s+", "", name.casefold()).strip()


_DOMAIN = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+\b")


def capitalised(sentence: str) -> str:
    """The sentence with a capital first letter, unless it opens with a name written in
    lower case on purpose: an outlet known by its web address ("vessariatoday.example")."""
    if not sentence or _DOMAIN.match(sentence):
        return sentence
    return sentence[0].upper() + sentence[1:]
