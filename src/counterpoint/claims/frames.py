"""Proposition frames: what a report says happened, and who did it.

A frame is the predicate family of a report's main clause (from ``claims_frames.json``: an
attack or responsibility for one, a killing, staging, injuries, a ban, ...) with its agent
participants, reduced to a country key where a capital, seat of government, demonym or
alias stands for a country ("Kyiv", "Ukrainian", "Ukraine" -> one key; "Washington", "the
US" -> one key). Two reports with the same family and the same agent speak of one
proposition even when their words differ ("the Kiev regime attempted to hit the residence" /
"Ukraine has nothing to do with the drone attacks"); their polarity is the stance step's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

__all__ = [
    "Proposition", "FrameLexicon", "load_frame_lexicon", "proposition_of", "country_key", "merge_keys", "sense",
    "with_speaker_as_agent",
]

SUBJECT_DEPS = ("nsubj", "csubj")
# who can be an agent: countries, peoples and places standing for governments (not persons:
# "an attack on the president" must not make the president its agent)
AGENT_LABELS = ("GPE", "NORP", "ORG")
NO_PROPOSITION = None


@dataclass(frozen=True)
class Proposition:
    """The frame of one report: predicate family, agent keys, and whether the predicate that
    gave the family is negated."""

    family: str
    agents: frozenset[str]
    negated: bool
    lemma: str
    # the frame is all the report says ("denied any involvement", "had nothing to do with
    # this"): its wording carries no meaning of its own to compare
    bare: bool = False
    # the report denies or disputes it: dismissive wording sits far from the claim's own
    dissent: bool = False
    # who or what it is done to (passive subject, object, "on"/"against" phrase), as keys
    targets: frozenset[str] = frozenset()


@dataclass(frozen=True)
class FrameLexicon:
    """The frame word lists (see the ``_doc`` entry of ``claims_frames.json``)."""

    family_of: dict[str, str]
    attempt_verbs: frozenset[str]
    support_verbs: frozenset[str]
    family_phrases: dict[str, str]
    countries: dict[str, str]
    evidence_verbs: frozenset[str] = frozenset()
    implies: dict[str, str] | None = None
    state_nouns: frozenset[str] = frozenset()
    event_nouns: frozenset[str] = frozenset()
    responsibility: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def load_frame_lexicon() -> FrameLexicon:
    """Read ``claims_frames.json`` once."""
    raw = json.loads(
        resources.files("counterpoint").joinpath("data", "claims_frames.json").read_text("utf-8")
    )
    family_of: dict[str, str] = {}
    for family, lemmas in raw["families"].items():
        for lemma in lemmas:
            family_of.setdefault(lemma, family)
    countries = {**raw["capitals"], **raw["aliases"]}
    return FrameLexicon(
        family_of, frozenset(raw["attempt_verbs"]), frozenset(raw["support_verbs"]),
        dict(raw["family_phrases"]), countries, frozenset(raw["evidence_verbs"]),
        dict(raw["implies"]), frozenset(raw["state_nouns"]), frozenset(raw["event_nouns"]),
        frozenset(raw.get("responsibility", ())),
    )


def country_key(name: str, lex: FrameLexicon) -> str:
    """One key for a country and its capital, seat of government, demonym or alias.

    Single words are cut to their first six letters so a demonym meets its country
    ("Ukrainian"/"Ukraine"); names of several words are kept whole ("United States").
    """
    text = name.lower().strip(" .,'\"“”’").removeprefix("the ").removesuffix("'s").strip()
    text = lex.countries.get(text, text)
    if " " not in text:
        return text[:6]
    words = text.split()
    if words[-1] in lex.state_nouns and len(words) <= 3:
        # "the Ukrainian government", "Vessaria's foreign ministry": the country acting
        return country_key(words[0], lex)
    return text


Mentions = Sequence[tuple[int, int, str]]


def proposition_of(span: Span, lex: FrameLexicon, mentions: Mentions = ()) -> Proposition | None:
    """The frame of a span's main clause, or None when its predicate is in no family.

    ``mentions`` are (start, end, name) of the story's country-like entities (places and
    peoples) in the span's article, from the entities stage; spaCy's own GPE/NORP labels and
    the lexicon's capitals and aliases are used besides.
    """
    root = span.root
    lowered = span.text.lower()
    control = _control_frame(span, lex, mentions)
    if control is not None:
        return control
    pred = _predicate(root, lex)
    if pred is None:
        for phrase, family in lex.family_phrases.items():
            if phrase in lowered:
                return Proposition(family, _agents(root, lex, mentions), _negated(root, lowered),
                                   phrase, bare=True)
        return None
    tok, family = pred
    agents = _contrast_agent(span, lex, mentions) or _agents(root, lex, mentions) or _agents(
        tok, lex, mentions
    )
    negated = _negated(tok, lowered) or (
        _lemma(root, lex) not in lex.evidence_verbs and _negated(root, lowered)
    )
    targets = _targets([root, tok], lex, mentions) - agents
    return Proposition(family, agents, negated, _lemma(tok, lex), targets=targets)


CONTRAST = re.compile(r"(?:\bnot\b|n't)[^.;]{0,60}?\bbut\s+(?:in\s+|by\s+|from\s+)?", re.I)


def _contrast_agent(span: Span, lex: FrameLexicon, mentions: Mentions) -> frozenset[str]:
    """"decided not in A, but in B", "it isn't even A that chooses, but B": the actor is the
    one after "but"."""
    text = span.text
    found = CONTRAST.search(text)
    if found is None:
        return frozenset()
    at = span.start_char + found.end()
    words = [t for t in span if at <= t.idx < at + 40][:4]
    return _agents_of_words(words[:1] + [t for t in words[1:] if t.ent_iob_ == "I"], lex, mentions)


def _targets(toks: Sequence[Token], lex: FrameLexicon, mentions: Mentions) -> frozenset[str]:
    """Keys named in what the predicate is done to: a passive subject, an object, or an
    "on"/"against" phrase, with their "of" phrases ("points of the armed forces of A")."""
    heads = []
    for tok in toks:
        for kid in tok.children:
            if kid.dep_ in ("nsubjpass", "dobj"):
                heads.append(kid)
            elif kid.dep_ == "prep" and kid.lower_ in ("on", "against"):
                heads += [k for k in kid.children if k.dep_ == "pobj"]
    keys: set[str] = set()
    for head in heads:
        keys |= _agents_of_words(_phrase_words(head), lex, mentions)
    return frozenset(keys)


def _phrase_words(head: Token) -> list[Token]:
    """A noun phrase with its "of" phrases and conjuncts, without clauses hanging on it."""
    out = [head]
    for kid in head.children:
        if kid.dep_ in ("relcl", "acl", "advcl", "punct"):
            continue
        out += _phrase_words(kid) if kid.dep_ in ("prep", "pobj", "conj") else list(kid.subtree)
    return out


def with_speaker_as_agent(
    prop: Proposition, speaker: str, lex: FrameLexicon
) -> Proposition:
    """"X denied any involvement": a denied responsibility noun with no agent of its own is
    the speaker's own involvement."""
    if prop.agents or not speaker:
        return prop
    return Proposition(prop.family, frozenset({country_key(speaker, lex)}), prop.negated,
                       prop.lemma, bare=True)


def sense(prop: Proposition, lex: FrameLexicon) -> str:
    """The family of ``prop``, with the 'act' family told apart into striking a blow and
    being behind an event: two agentless reports of different senses are two claims."""
    return "responsibility" if prop.family == "act" and prop.lemma in lex.responsibility else prop.family


def merge_keys(prop: Proposition, lex: FrameLexicon) -> list[tuple[str, str]]:
    """The (family, agent) keys two reports of one proposition share; an agentless frame has
    the key (family, "")."""
    families = [prop.family]
    implied = (lex.implies or {}).get(prop.family)
    if implied and prop.agents:
        families.append(implied)
    agents = sorted(prop.agents) or [""]
    return [(f, a) for f in families for a in agents]


def _control_frame(span: Span, lex: FrameLexicon, mentions: Mentions) -> Proposition | None:
    """"(accused) Ukraine of attempting to attack ...": the span's root is the object of a
    verb outside it, and the predicate hangs on that verb's "of"/"for" phrase inside the
    span. The object is the agent."""
    root = span.root
    verb = root.head
    if verb is root or span.start <= verb.i < span.end or root.dep_ != "dobj":
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for") and span.start <= prep.i < span.end:
            pred = next((_family_token(k, lex) for k in prep.children
                         if k.dep_ in ("pcomp", "pobj")), None)
            if pred is not None:
                tok, family = pred
                agents = _agents_of([root], lex, mentions)
                return Proposition(family, agents, _negated(tok, ""), _lemma(tok, lex))
    return None


def _predicate(root: Token, lex: FrameLexicon) -> tuple[Token, str] | None:
    """The token that carries the family: the root, or what an attempt verb, a light verb or
    a copula hands on to ("attempted to strike", "committed an attack", "was behind"); else
    the same from a fronted, reported or coordinated clause ("We don't attack X, we fight at
    home"; "(As X stated,) Y attacks Z"; "fights at home and does not attack X")."""
    found = _chain(root, lex, 5)
    if found is not None:
        return found
    for dep in ("ccomp", "conj"):
        for kid in root.children:
            if kid.dep_ == dep and kid.pos_ in ("VERB", "AUX"):
                found = _chain(kid, lex, 4)
                if found is not None:
                    return found
    for conj in root.children:
        if conj.dep_ == "conj" and _lemma(conj, lex) in lex.family_of:
            return conj, lex.family_of[_lemma(conj, lex)]
    return None


def _chain(start: Token, lex: FrameLexicon, steps: int) -> tuple[Token, str] | None:
    tok: Token | None = start
    for _ in range(steps):
        if tok is None:
            return None
        lemma = _lemma(tok, lex)
        if lemma in lex.family_of and lemma not in lex.attempt_verbs | lex.support_verbs:
            return tok, lex.family_of[lemma]
        if tok.pos_ in ("NOUN", "PROPN"):
            for kid in tok.children:
                if kid.dep_ == "compound" and _lemma(kid, lex) in lex.family_of:
                    return kid, lex.family_of[_lemma(kid, lex)]
        tok = _handed_on(tok, lex)
    return None


def _family_token(tok: Token, lex: FrameLexicon) -> tuple[Token, str] | None:
    """The token itself or what it hands on to, when it is in a family."""
    return _chain(tok, lex, 3)


def _lemma(tok: Token, lex: FrameLexicon) -> str:
    """The lemma, or the word itself when the tagger's lemma is in no list ("staged" is
    sometimes lemmatised as "stag")."""
    lemma = tok.lemma_.lower()
    if lemma in lex.family_of or lemma in lex.attempt_verbs or lemma in lex.support_verbs \
            or lemma in lex.evidence_verbs:
        return lemma
    lower = tok.lower_
    for form in (lower, lower[:-1], lower[:-2], lower[:-3], lower[:-3] + "e"):
        if form in lex.family_of:
            return form
    return lemma


def _handed_on(tok: Token, lex: FrameLexicon) -> Token | None:
    lemma = tok.lemma_.lower()
    kids = list(tok.children)
    order: tuple[str, ...]
    if lemma in lex.attempt_verbs or tok.pos_ in ("NOUN", "PROPN"):
        # relcl: the clause of a cleft ("it is A that determines the targets")
        order = ("xcomp", "acl", "relcl", "advcl", "prep", "pcomp", "pobj", "dobj")
    elif lemma in lex.support_verbs or lemma in lex.evidence_verbs:
        order = ("dobj", "nsubjpass", "xcomp", "advcl")
    elif lemma == "be" or tok.pos_ == "AUX":
        order = ("acomp", "ccomp", "attr", "prep")  # ccomp: a cleft, "it is A that ..."
    elif tok.dep_ == "prep":
        order = ("pobj", "pcomp")
    else:
        return None
    for dep in order:
        for kid in kids:
            if kid.dep_ == dep:
                return kid
    return None


def _agents(tok: Token, lex: FrameLexicon, mentions: Mentions) -> frozenset[str]:
    """Country keys of the named participants in the clause's subject (or a passive's agent,
    or a noun's possessor: "Kyiv's involvement")."""
    heads = [c for c in tok.children if c.dep_ in SUBJECT_DEPS or c.dep_ == "poss"]
    for agent in (c for c in tok.children if c.dep_ == "agent"):
        heads += [t for t in agent.children if t.dep_ == "pobj"]
    if tok.dep_ == "ROOT" and tok.pos_ == "PROPN" and any(c.dep_ == "prep" for c in tok.children):
        heads.append(tok)  # "Ukraine of attempting to attack ...", the object of "accused"
    return _agents_of(heads, lex, mentions)


def _agents_of(heads: Sequence[Token], lex: FrameLexicon, mentions: Mentions) -> frozenset[str]:
    return _agents_of_words([t for head in heads for t in _own_words(head)], lex, mentions)


def _agents_of_words(
    words: Sequence[Token], lex: FrameLexicon, mentions: Mentions
) -> frozenset[str]:
    keys: set[str] = set()
    for t in words:
        named = next((n for s, e, n in mentions if s <= t.idx < e), None)
        if named is not None:
            keys.add(country_key(named, lex))
        elif t.ent_type_ in AGENT_LABELS and t.ent_iob_ == "B":
            ent = next((e for e in t.doc.ents if e.start == t.i), None)
            if ent is not None:
                keys.add(country_key(ent.text, lex))
        elif t.lower_ in lex.countries:
            keys.add(country_key(t.text, lex))
    return frozenset(keys)


def _own_words(head: Token) -> list[Token]:
    """The words of a noun phrase without its prepositional and clausal attachments ("an act
    against the president" is an act; "accusations from X" are not X's)."""
    out = [head]
    for kid in head.children:
        if kid.dep_ in ("compound", "amod", "poss", "nmod", "det", "nummod", "appos", "conj", "cc"):
            out += list(kid.subtree)
    return out


def _negated(tok: Token, lowered: str) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in ("never", "no") for c in tok.children):
        return True
    return "nothing to do" in lowered and tok.lemma_.lower() in ("have", "do", "be")
