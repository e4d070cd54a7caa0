"""A trained tagger of attributed content: the attributions the rules do not propose.

The rules in :mod:`extract` read attributions off the parse one cue at a time, and each
construction they miss is a long tail of its own ("the hope has been that ...", a fronted
clause the parser hung on the wrong verb). This module labels every token of a paragraph as
beginning, inside or outside an attributed content span with a linear-chain CRF (CRFsuite,
through ``python-crfsuite``). Each token is described by its word, lemma, tags and
dependency, the reporting verb its chain of heads reaches (and through which relation), its
place inside or outside quotation marks, and whether the rules already put it in a content
span; its neighbours' main features are added. The model is trained on PolNeAR train (minus
a held-out fifth) by ``benchmarks/train_quotes_tagger.py`` and ships as the data file
``counterpoint/data/quotes_tagger.crfsuite``, loaded offline; ``quotes_tagger.json`` beside
it holds the confidence a span needs to be kept.

Only spans that no rule attribution overlaps are proposed here; :mod:`tagged` gives them a
cue and a speaker, or drops them.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

from counterpoint.quotes.doccache import all_line_bounds, starts, tokens
from counterpoint.quotes.doccache import words as token_texts
from counterpoint.quotes.spans import char_span

__all__ = ["Proposal", "Tagger", "document_features", "load_tagger", "paragraph_tokens", "span_labels"]

_QUOTE_TOKENS = frozenset({'"', "“", "”", "«", "»", "„", "''", "``"})
_MAX_HOPS = 10
_MIN_SPAN_CHARS = 11


@dataclass(frozen=True)
class Proposal:
    """A content span the tagger proposes: character offsets, its mean label confidence
    and the reporting verb most of its tokens hang on (a token index, or None)."""

    start: int
    end: int
    confidence: float
    anchor: int | None


def paragraph_tokens(doc: Doc) -> list[list[int]]:
    """Token indices of each paragraph (a line of the text), whitespace tokens left out."""
    return _by_line(token_texts(doc), all_line_bounds(doc))


def _by_line(words: list[str], bounds: list[tuple[int, int]]) -> list[list[int]]:
    lines: dict[tuple[int, int], list[int]] = {}
    for i, (word, line) in enumerate(zip(words, bounds, strict=True)):
        if word.strip():
            lines.setdefault(line, []).append(i)
    return list(lines.values())


def _hops(n: int) -> str:
    return str(n) if n < 4 else "4-7" if n < 8 else "8+"


class _Table:
    """The token attributes the features read, pulled out of the doc once."""

    def __init__(self, doc: Doc, cues: frozenset[str], only: Sequence[list[int]] | None = None) -> None:
        """The attributes of every token, or only of the tokens of the sentence runs ``only``
        (a dependency path never leaves its sentence); the others read as empty."""
        n = len(doc)
        self.text = token_texts(doc)
        self.idx = starts(doc)
        self.lower, self.lemma, self.pos, self.tag, self.dep = ([""] * n for _ in range(5))
        self.head = list(range(n))
        toks = tokens(doc)
        for i in range(n) if only is None else (i for run in only for i in run):
            t = toks[i]
            self.lower[i], self.lemma[i], self.pos[i], self.tag[i], self.dep[i] = (
                t.lower_, t.lemma_.lower(), t.pos_, t.tag_, t.dep_)
            self.head[i] = t.head.i
        self.is_cue = [lemma in cues for lemma in self.lemma]

    def path(self, i: int) -> tuple[int, str, int] | None:
        current, below, hops = i, i, 0
        while hops < _MAX_HOPS:
            if current != i and self.is_cue[current]:
                return current, self.dep[below], hops
            if self.head[current] == current:
                return None
            below, current, hops = current, self.head[current], hops + 1
        return None

    def rule_states(self, spans: Sequence[tuple[int, int]]) -> dict[int, str]:
        """"B" for a token opening a rule attribution's content, "I" inside one."""
        states: dict[int, str] = {}
        for start, end in spans:
            for i in range(bisect_left(self.idx, start), bisect_left(self.idx, end)):
                if self.idx[i] - start < 2:
                    states[i] = "B"
                else:
                    states.setdefault(i, "I")
        return states

    def base(self, i: int, inside: bool, rule: str) -> tuple[list[str], list[str]]:
        """The token's own features, and the part of them its neighbours see."""
        h, lemma, dep = self.head[i], self.lemma[i], self.dep[i]
        word, pos = "w=" + self.lower[i], "pos=" + self.pos[i]
        feats = [word, "lem=" + lemma, pos, "tag=" + self.tag[i], "dep=" + dep,
                 "hdep=" + self.dep[h], "hpos=" + self.pos[h], "hlem=" + self.lemma[h], "inq=%d" % inside]
        window = [word, pos, "dep=" + dep, "rule=" + rule]
        if self.text[i] in _QUOTE_TOKENS:
            feats.append("qm")
            window.append("qm")
        if self.is_cue[i]:
            feats += ["iscue", "cue=" + lemma]
            window.append("iscue")
        if self.is_cue[h]:
            feats += ["hcue|dep=" + dep, "hcue=" + self.lemma[h] + "|" + dep]
        path = self.path(i)
        if path is None:
            feats.append("nopath")
        else:
            cue, rel, hops = self.lemma[path[0]], path[1], _hops(path[2])
            feats += ["pcue=" + cue, "pdep=" + rel, "pcd=" + cue + "|" + rel, "pst=" + hops, "pdep|st=" + rel + hops]
            window.append("pdep=" + rel)
        feats.append("rule=" + rule)
        return feats, window


def document_features(doc: Doc, paragraphs: list[list[int]], rule_spans: Sequence[tuple[int, int]],
                      cues: frozenset[str]) -> list[list[list[str]]]:
    """The CRF features of each token, one sequence per paragraph."""
    return _features(_Table(doc, cues), paragraphs, rule_spans)


def _features(table: _Table, paragraphs: list[list[int]],
              rule_spans: Sequence[tuple[int, int]]) -> list[list[list[str]]]:
    states = table.rule_states(rule_spans)
    return [_sequence(table, paragraph, states) for paragraph in paragraphs]


def _sequence(table: _Table, paragraph: list[int], states: dict[int, str]) -> list[list[str]]:
    inside = False
    base: list[list[str]] = []
    window: list[list[str]] = []
    for i in paragraph:
        if table.text[i] in _QUOTE_TOKENS:
            inside = not inside
        own, seen = table.base(i, inside, states.get(i, "O"))
        base.append(own)
        window.append(seen)
    out = []
    for k, feats in enumerate(base):
        row = list(feats)
        for off in (-2, -1, 1, 2):
            j = k + off
            row += [f"{off}:{f}" for f in window[j]] if 0 <= j < len(base) else [f"{off}:EDGE"]
        out.append(row)
    return out


def span_labels(doc: Doc, paragraph: list[int], gold: Sequence[tuple[int, int]]) -> list[str]:
    """B/I/O training labels of one paragraph: the gold content spans that touch it, longest
    first, skipping any that overlaps one already taken (nested attributions)."""
    lo, hi = doc[paragraph[0]].idx, doc[paragraph[-1]].idx + len(doc[paragraph[-1]].text)
    chosen: list[tuple[int, int]] = []
    for span in sorted(gold, key=lambda s: s[0] - s[1]):
        if span[0] < hi and lo < span[1] and not any(span[0] < c[1] and c[0] < span[1] for c in chosen):
            chosen.append(span)
    labels: list[str] = []
    for i in paragraph:
        offset = doc[i].idx
        hit = next((c for c in chosen if c[0] <= offset < c[1]), None)
        if hit is None:
            labels.append("O")
        else:
            labels.append("B" if not labels or labels[-1] == "O" or offset <= hit[0] + 1 else "I")
    return labels


def _runs(labels: list[str]) -> Iterator[tuple[int, int]]:
    """(first, last) positions of each labelled run."""
    first = None
    for k, label in enumerate(labels):
        if label == "B" or (label == "I" and first is None):
            if first is not None:
                yield first, k - 1
            first = k
        elif label == "O" and first is not None:
            yield first, k - 1
            first = None
    if first is not None:
        yield first, len(labels) - 1


@dataclass
class Tagger:
    """The loaded CRF and the confidence a proposed span needs."""

    crf: object
    threshold: float
    model: bytes = b""  # the model CRFsuite reads in place: kept alive with it

    def propose(self, doc: Doc, text: str, rule_spans: Sequence[tuple[int, int]], cues: frozenset[str],
                open_anchors: frozenset[int]) -> list[Proposal]:
        """Content spans the rules missed: tagged runs that overlap no rule span, whose
        mean label confidence reaches the threshold. Only the sentences holding one of
        ``open_anchors`` (the tokens of the cues no rule attribution took) are tagged."""
        out: list[Proposal] = []
        sequences = [run for p in paragraph_tokens(doc) for run in _around(doc, p, open_anchors)]
        if not sequences:
            return out
        table = _Table(doc, cues, sequences)
        for sequence, features in zip(sequences, _features(table, sequences, rule_spans), strict=True):
            labels = self.crf.tag(features)  # type: ignore[attr-defined]
            for first, last in _runs(labels):
                start, end = char_span(doc, text, set(sequence[first : last + 1]))
                if end - start < _MIN_SPAN_CHARS or any(start < e and s < end for s, e in rule_spans):
                    continue
                confidence = sum(self.crf.marginal(labels[k], k)  # type: ignore[attr-defined]
                                 for k in range(first, last + 1)) / (last - first + 1)
                if confidence >= self.threshold:
                    out.append(Proposal(start, end, confidence, _anchor(table, sequence[first : last + 1])))
        return out


def _around(doc: Doc, paragraph: list[int], anchors: frozenset[int]) -> list[list[int]]:
    """The runs of whole sentences of ``paragraph`` that hold one of ``anchors``: a span
    hangs on a cue of its own sentence, so the others cannot give an attribution."""
    keep: set[int] = set()
    for i in paragraph:
        if i in anchors:
            keep.update(range(doc[i].sent.start, doc[i].sent.end))
    runs: list[list[int]] = []
    previous = False
    for i in paragraph:
        if i in keep:
            if previous:
                runs[-1].append(i)
            else:
                runs.append([i])
        previous = i in keep
    return runs


def _anchor(table: _Table, tokens: list[int]) -> int | None:
    """The reporting verb most tokens of a span hang on (ties: the nearer one)."""
    votes: dict[int, int] = {}
    for i in tokens:
        path = table.path(i)
        if path is not None:
            votes[path[0]] = votes.get(path[0], 0) + 1
    if not votes:
        return None
    return max(votes, key=lambda a: (votes[a], -abs(a - tokens[0])))


@lru_cache(maxsize=1)
def load_tagger() -> Tagger | None:
    """The packaged tagger, or None when its data files (or python-crfsuite) are absent."""
    data = resources.files("counterpoint.data")
    model, meta = data.joinpath("quotes_tagger.crfsuite"), data.joinpath("quotes_tagger.json")
    if not model.is_file() or not meta.is_file():
        return None
    try:
        import pycrfsuite
    except ImportError:
        return None
    raw = model.read_bytes()
    crf = pycrfsuite.Tagger()
    crf.open_inmemory(raw)
    return Tagger(crf, float(json.loads(meta.read_text("utf-8"))["threshold"]), raw)
