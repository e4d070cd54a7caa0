"""Denials join the claim they deny.

Embeddings put "A had nothing to do with the fire" near other statements about A, not always
near "A's drone struck the terminal"; and "had nothing to do with this" names no event at all.
After clustering, a report that denies involvement outright (a denial phrase, or a denial
whose object is a pronoun) moves to the claim about its subject that it is closest to: a claim
of positive polarity that names the same subject, preferring claims the same article spoke
of just before. The moved report keeps its wording; the stance step reads it as a denial.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc

from counterpoint.claims.extract import Candidate, EntityIndex
from counterpoint.nlp import doc_text

__all__ = ["DenialInfo", "denial_info", "merge_denials", "prune_side_statements"]

PRONOUN_OBJECT = re.compile(
    r"(?i)\b(?:nothing to do|no role|no part|not involved|no involvement|not behind)"
    r"\W+(?:\w+\W+){0,2}?(?:this|it|that|these|those)\b\W*$"
)
SUBJECTS = ("nsubj", "nsubjpass")
OBJECTS = ("dobj", "attr", "dative")
MIN_SCORE = 0.35
MIN_PRUNE = 4
SUBJECT_BONUS = 0.3
PRONOUN_MIN_SCORE = 0.25
NEARBY = 1500


@dataclass(frozen=True)
class DenialInfo:
    """What the merge step needs to know about one candidate."""

    denial: bool
    pronoun: bool
    negated: bool
    subjects: frozenset[str]
    objects: frozenset[str]
    entities: frozenset[str]
    predicate: str
    article_id: str
    start: int


def denial_info(
    doc: Doc, cand: Candidate, index: EntityIndex, negated: bool, denial_phrase: bool,
    predicate: str = "",
) -> DenialInfo:
    """Whether a candidate is an outright denial of involvement, and who its subject is."""
    pronoun = bool(negated and PRONOUN_OBJECT.search(cand.text))
    return DenialInfo(
        denial=bool(negated and denial_phrase) or pronoun,
        pronoun=pronoun,
        negated=negated,
        subjects=_stems(_argument_keys(doc, cand, index, SUBJECTS), cand),
        objects=_stems(_argument_keys(doc, cand, index, OBJECTS), cand),
        predicate=predicate,
        entities=frozenset(_stem(name) for _, name in cand.entities),
        article_id=cand.article_id,
        start=cand.start,
    )


def _stem(name: str) -> str:
    """A name reduced to its first letters, so a country and its demonym meet
    ("Vessaria"/"Vessarian")."""
    letters = "".join(ch for ch in name.lower() if ch.isalpha() or ch == " ")
    return letters[:6]


def _stems(keys: frozenset[str], cand: Candidate) -> frozenset[str]:
    names = dict(cand.entities)
    return frozenset(_stem(names.get(k, k.removeprefix("ent:"))) for k in keys)


def _argument_keys(
    doc: Doc, cand: Candidate, index: EntityIndex, deps: tuple[str, ...]
) -> frozenset[str]:
    """Entity keys named in the main clause's subject (or object) phrase."""
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None:
        return frozenset()
    subj = [c for c in span.root.children if c.dep_ in deps]
    if not subj:
        return frozenset()
    s_start = subj[0].left_edge.idx
    s_end = subj[0].right_edge.idx + len(subj[0].right_edge.text)
    keys = {
        key for m_start, m_end, key in index.mentions.get(cand.article_id, ())
        if m_start < s_end and s_start < m_end
    }
    if not keys:
        text = doc_text(doc)[s_start:s_end].lower()
        keys = {k for k, name in cand.entities if name.lower() in text}
    return frozenset(keys)


def merge_denials(
    groups: list[list[int]], infos: Sequence[DenialInfo], scores: np.ndarray
) -> list[list[int]]:
    """Move each outright denial into the positive claim about its subject it is closest to."""
    groups = [list(g) for g in groups]
    owner = {i: gi for gi, g in enumerate(groups) for i in g}
    for i, info in enumerate(infos):
        if not info.denial or not info.subjects:
            continue
        target = _target(i, info, groups, owner[i], infos, scores)
        if target is None:
            continue
        groups[owner[i]].remove(i)
        groups[target].append(i)
        owner[i] = target
    return [sorted(g) for g in sorted((g for g in groups if g), key=min)]


def _target(
    i: int, info: DenialInfo, groups: Sequence[list[int]], own: int,
    infos: Sequence[DenialInfo], scores: np.ndarray,
) -> int | None:
    if info.pronoun:
        return _pronoun_target(i, info, groups, own, infos, scores)
    stay = [j for j in groups[own] if j != i]
    if stay and _positive(stay, infos) and any(info.subjects & _about(infos[j], True) for j in stay):
        return None  # already beside a positive statement about its subject: it denies that
    best, best_score = None, MIN_SCORE
    for gi, members in enumerate(groups):
        others = [j for j in members if j != i]
        if len(others) < 2 or not _positive(others, infos):
            continue
        if not any(info.subjects & infos[j].subjects for j in others):
            continue
        score = float(np.mean(scores[i, others]))
        score += SUBJECT_BONUS * _subject_share(info, others, infos)
        if score > best_score:
            best, best_score = gi, score
    return None if best == own else best


def _pronoun_target(
    i: int, info: DenialInfo, groups: Sequence[list[int]], own: int,
    infos: Sequence[DenialInfo], scores: np.ndarray,
) -> int | None:
    """"this" is what the same article spoke of just before: among the claims that name the
    denial's subject, those with a report shortly before it in the same article come first.
    The denial's own group is left out: it was formed around an anaphor, not evidence."""
    ranked = []
    for gi, members in enumerate(groups):
        others = [j for j in members if j != i]
        if gi == own or not others or not _positive(others, infos):
            continue
        if not any(info.subjects & _about(infos[j], True) for j in others):
            continue
        score = float(np.mean(scores[i, others])) + 0.1 * min(1.0, len(others) / 4)
        ranked.append((_nearby(info, others, infos), score, gi))
    ranked = [r for r in ranked if r[1] > PRONOUN_MIN_SCORE]
    return max(ranked)[2] if ranked else None


def _subject_share(info: DenialInfo, members: Sequence[int], infos: Sequence[DenialInfo]) -> float:
    """The share of a claim's members whose subject names the denial's subject: a denial of
    "A had anything to do with it" belongs where A is the actor, not where A is a bystander."""
    return sum(bool(info.subjects & infos[j].subjects) for j in members) / len(members)


def _about(info: DenialInfo, loose: bool) -> frozenset[str]:
    """What a member is about: its subject, or for a pronoun denial anything it names."""
    return info.subjects | info.objects | info.entities if loose else info.subjects


def _positive(members: Sequence[int], infos: Sequence[DenialInfo]) -> bool:
    return sum(infos[j].negated for j in members) * 2 < len(members)


def _nearby(info: DenialInfo, members: Sequence[int], infos: Sequence[DenialInfo]) -> bool:
    """A member of the claim stands shortly before the denial in the same article."""
    return any(
        infos[j].article_id == info.article_id and 0 < info.start - infos[j].start < NEARBY
        for j in members
    )


def prune_side_statements(
    groups: list[list[int]], infos: Sequence[DenialInfo]
) -> list[list[int]]:
    """Take out of a claim the reports about other participants doing something else.

    For each participant named as subject or object in a claim: the members naming it there
    leave together when no other member names that participant at all and none of the others
    uses their predicate ("A did not inform C" inside "A attacked B"; "C was behind it" inside
    "A attacked B"). Outright denials stay: they are meant to join what they deny.
    """
    out: list[list[int]] = []
    for members in groups:
        rest = list(members)
        while len(rest) >= MIN_PRUNE:
            side = _side_set(rest, infos)
            if not side:
                break
            out.append(side)
            rest = [i for i in rest if i not in side]
        out.append(rest)
    return [sorted(g) for g in sorted((g for g in out if g), key=min)]


def _side_set(members: Sequence[int], infos: Sequence[DenialInfo]) -> list[int]:
    """Members whose subject or object is a participant the rest of the claim does not act
    with: nobody else has it as subject or object, under a third of the others name it at all,
    and their predicates are not the others'. Subjectless fragments naming it go with them."""
    core = sorted({s for i in members for s in infos[i].subjects | infos[i].objects})
    for stem in core:
        side = [
            i for i in members
            if stem in infos[i].subjects | infos[i].objects
            or (not infos[i].subjects and stem in infos[i].entities)
        ]
        others = [i for i in members if i not in side]
        if len(side) * 2 >= len(members) or any(infos[i].denial for i in side):
            continue
        if sum(stem in _named(infos[j]) for j in others) * 3 >= len(others):
            continue
        preds = {infos[i].predicate for i in side if stem in infos[i].subjects | infos[i].objects}
        if "" in preds or preds & {infos[j].predicate for j in others}:
            continue
        return side
    return []


def _named(info: DenialInfo) -> frozenset[str]:
    return info.subjects | info.objects | info.entities
