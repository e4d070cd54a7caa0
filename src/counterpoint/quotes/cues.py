"""Reporting cues: the words that introduce reported speech, with their stance.

The lexicon is the data file ``counterpoint/data/cues.json``; this module loads
it once and finds cue tokens and multiword cue phrases in a parsed ``Doc``
by lemma (phrases win over single verbs).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, cast

from spacy.tokens import Doc, Token

from counterpoint.model import Stance
from counterpoint.quotes.doccache import lemmas, memo, tokens
from counterpoint.quotes.marks import CLOSING_MARKS

__all__ = ["ADDRESSEE_VERBS", "SAYING_VERBS", "Lexicon", "CueMatch", "load_lexicon", "find_cues", "open_cues", "that_clause",
           "verb_stance"]

# reporting verbs whose object is whom the words were said to ("told reporters"), not what
ADDRESSEE_VERBS = frozenset({"tell", "inform", "notify", "thank", "brief", "assure", "remind"})
# verbs of saying: joined to a report they start a report of their own ("said A and added B")
SAYING_VERBS = frozenset({"say", "add", "tell", "note", "claim", "insist", "argue", "explain", "continue", "write",
                           "state", "declare", "warn", "accuse", "deny", "suggest", "acknowledge", "admit", "stress",
                           "contend", "ask", "urge", "call", "vow", "promise", "predict", "repeat", "blame", "charge",
                           "allege", "assert", "maintain", "report", "announce", "confirm", "reply", "respond", "tweet",
                           "post", "recall", "describe", "criticize", "dismiss", "reject", "question", "praise"})


@dataclass(frozen=True, eq=False)
class Lexicon:
    """The cue lexicon as read from its data file."""

    verbs: dict[str, str]
    complement_verbs: frozenset[str]
    dobj_excluded: frozenset[str]
    negated: dict[str, str]
    negation_keeps: frozenset[str]
    phrases: tuple[dict[str, Any], ...]
    roles: frozenset[str]
    documents: frozenset[str]
    groups: frozenset[str]
    titles: frozenset[str]
    quantifiers: frozenset[str]
    topic_preps: dict[str, tuple[str, ...]]
    lemma_aliases: dict[str, str]
    nouns: dict[str, str]
    source_nouns: frozenset[str] = frozenset()
    institutions: frozenset[str] = frozenset()

    def lemma(self, token: Token) -> str:
        """The token's lemma, repaired where the pipeline mislemmatises a cue verb."""
        return self.repaired(token.lemma_.lower())

    def repaired(self, lemma: str) -> str:
        """A lower-case lemma, repaired as in ``lemma``."""
        return self.lemma_aliases.get(lemma, lemma)


@dataclass(frozen=True)
class CueMatch:
    """A cue found in a doc: its token range, the verb carrying the clause, its stance."""

    start: int
    end: int
    anchor: int
    stance: Stance
    phrase: bool


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read ``cues.json`` from the package data (cached)."""
    raw = json.loads(resources.files("counterpoint.data").joinpath("cues.json").read_text("utf-8"))
    nouns = raw["speaker_nouns"]
    return Lexicon(
        verbs=dict(raw["verbs"]),
        complement_verbs=frozenset(raw["complement_verbs"]),
        dobj_excluded=frozenset(raw["dobj_excluded"]),
        negated=dict(raw["negated"]),
        negation_keeps=frozenset(raw.get("negation_keeps", ())),
        phrases=tuple(raw["phrases"]),
        roles=frozenset(nouns["roles"]),
        documents=frozenset(nouns["documents"]),
        groups=frozenset(nouns["groups"]),
        titles=frozenset(nouns["titles"]),
        quantifiers=frozenset(nouns.get("quantifiers", ())),
        topic_preps={k: tuple(v) for k, v in raw.get("topic_preps", {}).items()},
        lemma_aliases=dict(raw.get("lemma_aliases", {})),
        nouns=dict(raw.get("nouns", {})),
        source_nouns=frozenset(raw.get("source_nouns", ())),
        institutions=frozenset(nouns.get("institutions", ())),
    )


def _word_matches(token: Token, word: str) -> bool:
    """True when ``token`` is ``word`` by lower-case form or lemma (n't counts as not)."""
    lower = token.lower_
    return lower == word or token.lemma_.lower() == word or (word == "not" and lower == "n't")


def _phrase_at(doc: Doc, i: int, words: list[str]) -> bool:
    """True when the phrase ``words`` starts at token ``i``."""
    toks = tokens(doc)
    if i + len(words) > len(toks):
        return False
    return all(_word_matches(toks[i + k], w) for k, w in enumerate(words))


def negated(token: Token) -> bool:
    """True when the verb (or its auxiliary chain) carries a negation of its own, or stands
    under "without" ("without naming him"): a "not"
    the parser hung on the verb from inside a quotation before it ('"Absolutely not," he
    said') negates nothing the speaker did."""
    doc = token.doc
    if token.dep_ == "pcomp" and token.head.lower_ == "without":
        return True  # "he said, without referring to anyone": he did not refer to anyone
    return any(c.dep_ == "neg" and not (c.i < token.i and any(t.text in CLOSING_MARKS for t in doc[c.i + 1 : token.i]))
               for c in token.children)


def that_clause(noun: Token) -> Token | None:
    """The that-clause a noun governs ("the claim that ..."), or None."""
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp") and child.i > noun.i and \
                any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children):
            return child
    return None


def _noun(token: Token, lexicon: Lexicon) -> CueMatch | None:
    """A reporting noun with a possessive source and a that-clause ("Roe's claim that
    ..."): the possessor is the source, the clause the content."""
    stance = lexicon.nouns.get(token.lemma_.lower())
    if stance is None or not any(c.dep_ == "poss" for c in token.children) or that_clause(token) is None:
        return None
    return CueMatch(token.i, token.i + 1, token.i, cast(Stance, stance), False)


def verb_stance(token: Token, lexicon: Lexicon) -> Stance | None:
    """The stance of a lexicon verb with its negation applied ("have not confirmed" doubts);
    None for a verb outside the lexicon or a negation that reports nothing."""
    cue = _single(token, lexicon) if token.pos_ != "NOUN" else None
    return cue.stance if cue is not None else None


def _single(token: Token, lexicon: Lexicon) -> CueMatch | None:
    """A single-verb cue at ``token``, with negation applied to its stance (or a
    reporting noun, see ``_noun``)."""
    if token.pos_ == "NOUN":
        return _noun(token, lexicon)
    lemma = lexicon.lemma(token)
    if token.pos_ not in ("VERB", "AUX") or lemma not in lexicon.verbs:
        return None
    if lemma == "read" and not any(c.dep_ == "nsubj" for c in token.children):
        return None
    stance = lexicon.verbs[lemma]
    if negated(token):
        if stance not in ("denial", "doubt") and lemma not in lexicon.negation_keeps:
            return None  # "has not blamed X", "did not say X": nobody stated X
        stance = lexicon.negated[stance]
    return CueMatch(token.i, token.i + 1, token.i, cast(Stance, stance), False)


@lru_cache(maxsize=4)
def _phrase_index(lexicon: Lexicon) -> dict[str, list[dict[str, Any]]]:
    """Phrases grouped by their first word, so most tokens are checked once."""
    index: dict[str, list[dict[str, Any]]] = {}
    for phrase in lexicon.phrases:
        index.setdefault(phrase["tokens"][0], []).append(phrase)
    return index


def find_cues(doc: Doc, lexicon: Lexicon) -> list[CueMatch]:
    """Every cue in ``doc``: multiword phrases first, then single verbs not inside one
    (computed once per doc and lexicon)."""
    return list(memo(doc, f"cues-{id(lexicon)}", lambda d: _find_cues(d, lexicon)))


def _find_cues(doc: Doc, lexicon: Lexicon) -> list[CueMatch]:
    found: list[CueMatch] = []
    covered: set[int] = set()
    starts = _phrase_index(lexicon)
    toks, lower_lemmas = tokens(doc), lemmas(doc)
    for token, lemma in zip(toks, lower_lemmas, strict=True):
        by_form, by_lemma = starts.get(token.lower_), starts.get(lemma)
        if (by_form is None and by_lemma is None) or token.i in covered:
            continue
        candidates = (by_form or []) + (by_lemma or [])
        for phrase in sorted(candidates, key=lambda p: -len(p["tokens"])):
            if _phrase_at(doc, token.i, phrase["tokens"]):
                end = token.i + len(phrase["tokens"])
                anchor = token.i + phrase["anchor"]
                found.append(CueMatch(token.i, end, anchor, cast(Stance, phrase["stance"]), True))
                covered.update(range(token.i, end))
                break
    for token, lemma in zip(toks, lower_lemmas, strict=True):
        if token.i in covered or (lexicon.repaired(lemma) not in lexicon.verbs and lemma not in lexicon.nouns):
            continue  # neither a reporting verb nor a reporting noun: the common case, skipped cheaply
        cue = _single(token, lexicon)
        if cue is not None:
            found.append(cue)
    return sorted(found, key=lambda c: c.start)


_OPEN_DEPS = {"ccomp", "dobj", "xcomp", "prep"}


def open_cues(doc: Doc, lexicon: Lexicon, known: list[CueMatch]) -> list[CueMatch]:
    """Verbs outside the lexicon that could still report a statement: they govern a clause
    (on either side: '"...," Hannity started'), or an object or a prepositional phrase after
    them ("urged lawmakers to act", "pushed for a vote"); and nouns with a possessive source
    and a complement ("his refusal to ...", "her criticism of ..."). Only candidates: the
    trained scorer decides which of them are attributions."""
    taken = {i for cue in known for i in range(cue.start, cue.end)}
    out = []
    for token, lemma in zip(tokens(doc), lemmas(doc), strict=True):
        pos = token.pos_
        if token.i in taken or pos not in ("VERB", "NOUN"):
            continue
        if pos == "NOUN":
            if any(c.dep_ == "poss" for c in token.children) and noun_complement(token) is not None:
                out.append(CueMatch(token.i, token.i + 1, token.i, cast(Stance, lexicon.nouns.get(lemma, "neutral")), False))
        elif lexicon.repaired(lemma) in lexicon.verbs or negated(token):
            continue  # a lexicon verb, or "did not present any evidence": whatever it is, nobody said it
        elif any((c.dep_ in _OPEN_DEPS and c.i > token.i) or c.dep_ == "ccomp" for c in token.children):
            out.append(CueMatch(token.i, token.i + 1, token.i, "neutral", False))
    return out


_NOUN_PREPS = frozenset({"of", "on", "about", "against", "for", "over", "to", "with"})


def noun_complement(noun: Token) -> list[Token] | None:
    """What a noun with a possessive source may report: its that-clause ("Roe's claim that
    ..."), its infinitive ("his decision to ..."), or the object of its preposition ("her
    criticism of ...", "his attacks on ..."); None when it has none."""
    clause = that_clause(noun)
    if clause is not None:
        return [clause]
    for child in noun.children:
        if child.i < noun.i:
            continue
        if child.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return [child]
        objs = prep_objects(child, _NOUN_PREPS)
        if objs:
            return objs
    return None


def prep_objects(child: Token, preps: frozenset[str]) -> list[Token]:
    """The objects of ``child`` when it is one of the prepositions ``preps`` ("of the
    plan", "for a vote"); empty otherwise."""
    if child.dep_ != "prep" or child.lower_ not in preps:
        return []
    return [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
