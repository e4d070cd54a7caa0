"""A trained judge of candidate attributions.

The rules in :mod:`extract` propose attributions: one for every lexicon cue, and one for
every other verb that has a subject able to speak and a clause or object it could report
("urged lawmakers to act", "pushed for a vote"). Whether such a verb reports anybody's
statement depends on the word and its use, a long tail no word list covers. This module
describes each candidate by a few dozen symbolic features (the cue lemma and its syntax, the
shape of the content, the kind of speaker) and scores it with a logistic regression trained
on PolNeAR train (minus a held-out fifth) by ``benchmarks/train_quotes_scorer.py``. The
weights ship as the data file ``counterpoint/data/quotes_scorer.json``: plain feature names
and numbers, loaded offline, readable by anyone who wants to know why a candidate was kept.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from counterpoint.quotes.content import fronted_gloss_object, opening_frame
from counterpoint.quotes.cues import CueMatch, Lexicon
from counterpoint.quotes.doccache import tokens
from counterpoint.quotes.marks import Segment

__all__ = ["Scorer", "load_scorer", "draft_features"]

_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
_OPENERS = {"that", "to", "whether", "if", "how", "why", "what", "who", "when"}


@dataclass(frozen=True)
class Scorer:
    """Feature weights, a bias and the two decision thresholds (lexicon cues, open cues)."""

    weights: dict[str, float]
    bias: float
    threshold_lexicon: float
    threshold_open: float

    def probability(self, features: tuple[str, ...]) -> float:
        """The model's probability that the candidate is a real attribution."""
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keep(self, features: tuple[str, ...], open_cue: bool) -> bool:
        """True when the candidate clears the threshold for its kind of cue."""
        threshold = self.threshold_open if open_cue else self.threshold_lexicon
        return self.probability(features) >= threshold


@lru_cache(maxsize=1)
def load_scorer() -> Scorer | None:
    """The packaged scorer, or None when the data file is absent (rules only)."""
    path = resources.files("counterpoint.data").joinpath("quotes_scorer.json")
    if not path.is_file():
        return None
    raw = json.loads(path.read_text("utf-8"))
    return Scorer(weights={k: float(v) for k, v in raw["weights"].items()}, bias=float(raw["bias"]),
                  threshold_lexicon=float(raw["threshold_lexicon"]),
                  threshold_open=float(raw["threshold_open"]))


def _bucket(n: int) -> str:
    """A coarse size class for word counts."""
    for limit, name in ((2, "1-2"), (5, "3-5"), (10, "6-10"), (20, "11-20")):
        if n <= limit:
            return name
    return "20+"


def _content_root(span: Span) -> Token:
    """The first token of the content whose head lies outside it (its syntactic root)."""
    inside = range(span.start, span.end)
    return next((t for t in span if t.head.i not in inside or t.head.i == t.i), span[0])


def _cue_features(doc: Doc, cue: CueMatch, lemma: str, open_cue: bool, lexicon: Lexicon) -> list[str]:
    """What the cue word is and how it sits in its sentence."""
    verb = doc[cue.anchor]
    out = [f"src={'open' if open_cue else 'lex'}", f"lemma={lemma}", f"stance={cue.stance}",
           f"dep={verb.dep_}", f"tag={verb.tag_}", f"lemma|dep={lemma}|{verb.dep_}"]
    if cue.phrase:
        out.append("phrase")
    for child in verb.children:
        out.append(f"child={child.dep_}")
        if child.dep_ == "prep":
            out.append(f"prep={child.lower_}")
            out.append(f"lemma|prep={lemma}|{child.lower_}")
        if child.dep_ in ("neg", "aux") and child.lower_ in ("not", "n't", "will", "would", "could", "to"):
            out.append(f"aux={child.lower_}")
    if verb.head is not verb:
        out.append(f"head_pos={verb.head.pos_}")
    out += _embedding(verb, lexicon)
    return out


def _embedding(verb: Token, lexicon: Lexicon) -> list[str]:
    """Whether the cue stands inside what another reporting word reports ("said he
    believes ..."): PolNeAR keeps such nested attributions only sometimes."""
    if opening_frame(verb, lexicon):
        return []  # "Roe previously reported, the council refused ...": her report frames the rest
    node = verb
    for _ in range(4):
        if node.head is node or node.dep_ not in ("ccomp", "xcomp", "conj", "advcl", "relcl", "acl"):
            return []
        dep, node = node.dep_, node.head
        if node.pos_ in ("VERB", "NOUN") and lexicon.lemma(node) in lexicon.verbs:
            if fronted_gloss_object(node, lexicon) is not None:
                return []  # "X accused Y, a charge Y denied": the parse hung the report on the gloss
            return ["embedded", f"embedded|{dep}", f"embedded|{lexicon.lemma(verb)}"]
    return []


def _content_features(doc: Doc, text: str, span: tuple[int, int], lemma: str, cue_at: int,
                      segments: tuple[Segment, ...]) -> list[str]:
    """The shape of the attributed content: how it opens, its size, whether it is a clause."""
    start, end = span
    words = text[start:end].split()
    tokens = doc.char_span(start, end, alignment_mode="expand")
    quoted = any(start <= s.start < end for s in segments)
    out = [f"size={_bucket(len(words))}", f"quoted={quoted}",
           f"side={'after' if start >= cue_at else 'before'}"]
    if words:
        first = words[0].lower().strip("\"'“‘")
        opener = first if first in _OPENERS else "other"
        out += [f"opens={opener}", f"lemma|opens={lemma}|{opener}"]
    if tokens is not None and len(tokens):
        root = _content_root(tokens)
        out += [f"cdep={root.dep_}", f"cpos={root.pos_}", f"lemma|cdep={lemma}|{root.dep_}"]
    out += _quoted_shape(text, span, segments)
    if tokens is not None and any(t.tag_ in _FINITE_TAGS for t in tokens):
        out.append("finite")
    return out


def _quoted_shape(text: str, span: tuple[int, int], segments: tuple[Segment, ...]) -> list[str]:
    """Content that is nothing but a short quotation, often a title ("Madam Secretary")."""
    inside = [s for s in segments if span[0] <= s.start and s.end <= span[1]]
    if len(inside) != 1:
        return [f"segments={min(len(inside), 3)}"]
    seg = inside[0]
    words = text[seg.inner_start : seg.inner_end].split()
    rest = (text[span[0] : seg.start] + text[seg.end : span[1]]).strip(" ,.;:")
    out = ["segments=1", f"qwords={_bucket(len(words))}", f"qalone={not rest}"]
    if words and sum(w[:1].isupper() for w in words) >= 0.8 * len(words):
        out.append("qtitle")
    return out


def _speaker_features(head: Token, lexicon: Lexicon) -> list[str]:
    """What kind of word the speaker hangs on."""
    lemma = head.lemma_.lower()
    out = [f"spos={head.pos_}", f"sent={head.ent_type_ or 'none'}"]
    if head.pos_ == "PRON":
        out.append(f"spron={head.lower_}")
    elif head.pos_ == "NOUN":
        out.append(f"slemma={lemma}")
    for name, words in (("role", lexicon.roles), ("group", lexicon.groups),
                        ("document", lexicon.documents)):
        if lemma in words:
            out.append(f"skind={name}")
    if head.is_title:
        out.append("stitle")
    return out


def _sentence_features(doc: Doc, anchor: int) -> list[str]:
    """Headline-like sentences (most words capitalised) behave differently."""
    sent = doc[anchor].sent
    words = [t for t in tokens(doc)[sent.start : sent.end] if t.is_alpha]
    if len(words) >= 4 and sum(t.is_title or t.is_upper for t in words) >= 0.7 * len(words):
        return ["headline"]
    return []


def draft_features(doc: Doc, text: str, cue: CueMatch, lexicon: Lexicon, head: Token,
                   span: tuple[int, int], segments: tuple[Segment, ...], open_cue: bool) -> tuple[str, ...]:
    """The features of one candidate attribution (cue, content ``span``, speaker ``head``)."""
    lemma = lexicon.lemma(doc[cue.anchor])
    cue_at = doc[cue.anchor].idx
    feats = _cue_features(doc, cue, lemma, open_cue, lexicon)
    feats += _content_features(doc, text, span, lemma, cue_at, segments)
    feats += _speaker_features(head, lexicon)
    feats += _sentence_features(doc, cue.anchor)
    feats += [f"open|{f}" for f in feats if open_cue and not f.startswith(("lemma", "src"))]
    return tuple(dict.fromkeys(feats))
