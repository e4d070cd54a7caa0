"""Grouping candidate reports into claims: one proposition across outlets, actors and polarity.

Two reports belong together when their sentence embeddings are close and they talk about the
same things (shared entities, shared content words). Negation words are removed before
embedding, so a denial sits next to the statement it denies; stance keeps the polarity.
Every grouping decision is kept as a plain sentence so a user can see why.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc, Span

from counterpoint.claims.extract import Candidate
from counterpoint.claims.frames import Proposition, load_frame_lexicon, merge_keys, sense
from counterpoint.claims.stance import without_negation
from counterpoint.embeddings import Embedder

__all__ = ["Features", "Frame", "frame_of", "merge_same_frames", "merge_same_propositions", "split_other_agents", "GroupingSettings", "features_of", "group_candidates", "embed"]

GENERIC = {"", "be", "have", "do", "say", "make", "take", "get", "go"}
PRONOUNS = {"it", "this", "that", "he", "she", "they", "we", "i", "you", "who", "which", "-pron-"}
SKIP_LEMMAS = {"say", "tell", "add", "be", "have", "do", "make", "take", "also", "report"}


@dataclass(frozen=True)
class GroupingSettings:
    """Weights and threshold of the pair score; see docs/claims.md for how they were set."""

    threshold: float = 0.70
    entity_weight: float = 0.12
    word_weight: float = 0.12
    no_overlap_penalty: float = 0.12
    entity_saturation: float = 1.2
    word_saturation: float = 1.5
    frame_weight: float = 0.15


@dataclass(frozen=True)
class Frame:
    """Who does what to whom in a candidate's main clause: lemmas of the subject head, the
    main predicate and the object head (a passive is turned active: "the terminal was hit by
    a drone" reads as drone-hit-terminal). ``named`` says the subject is a proper name."""

    subject: str
    predicate: str
    obj: str
    named: bool


@dataclass(frozen=True)
class Features:
    """What a candidate is compared on: its entity keys and content-word lemmas."""

    entities: frozenset[str]
    names: dict[str, str]
    words: frozenset[str]
    frame: Frame = Frame("", "", "", False)


def features_of(doc: Doc, cand: Candidate) -> Features:
    """Entity keys and content lemmas (nouns, verbs, proper nouns, numbers) of a candidate."""
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    words: set[str] = set()
    if span is not None:
        for tok in span:
            lemma = tok.lemma_.lower()
            if tok.pos_ in ("NOUN", "VERB", "PROPN", "NUM", "ADJ") and not tok.is_stop:
                if lemma not in SKIP_LEMMAS and tok.is_alpha:
                    words.add(lemma)
    names = dict(cand.entities)
    frame = frame_of(span) if span is not None else Frame("", "", "", False)
    return Features(frozenset(names), names, frozenset(words), frame)


def frame_of(span: Span) -> Frame:
    """The subject-predicate-object lemmas of the span's main clause."""
    root = span.root
    if root.pos_ == "AUX" or root.lemma_ == "be":
        attrs = [c for c in root.children if c.dep_ in ("attr", "acomp", "prep")]
        predicate = attrs[0].lemma_.lower() if attrs else "be"
    else:
        predicate = root.lemma_.lower()
    subject = obj = ""
    named = False
    for child in root.children:
        if child.dep_ == "nsubj":
            subject, named = child.lemma_.lower(), child.pos_ == "PROPN"
        elif child.dep_ in ("nsubjpass", "dobj"):
            obj = child.lemma_.lower()
        elif child.dep_ == "agent":
            agents = [t for t in child.children if t.dep_ == "pobj"]
            if agents:
                subject, named = agents[0].lemma_.lower(), agents[0].pos_ == "PROPN"
    return Frame(subject, predicate, obj, named)


def embed_text(cand: Candidate) -> str:
    """The text embedded for a candidate: its words with negation removed, head noun first."""
    text = cand.text
    if cand.head:
        first, _, rest = text.partition(" ")
        text = f"{cand.head} {rest}" if first.lower() in ("who", "which", "that") else text
    return without_negation(text)


def embed(embedder: Embedder, cands: Sequence[Candidate]) -> np.ndarray:
    """All candidates of a story embedded in one batch."""
    return embedder.encode([embed_text(c) for c in cands])


def pair_scores(
    vectors: np.ndarray, feats: Sequence[Features], settings: GroupingSettings
) -> np.ndarray:
    """Cosine similarity adjusted by shared entities and shared content words.

    Shared things count by their rarity in the story (inverse document frequency over the
    candidates): every report of a story names its main place, so sharing it says little.
    """
    n = len(feats)
    scores = np.array(vectors @ vectors.T if n else np.zeros((0, 0)), dtype=np.float64)
    idf = _idf(feats)
    for i in range(n):
        for j in range(i + 1, n):
            bonus = _bonus(feats[i], feats[j], idf, settings)
            scores[i, j] += bonus
            scores[j, i] += bonus
    return scores


def _idf(feats: Sequence[Features]) -> dict[str, float]:
    counts: Counter[str] = Counter()
    for f in feats:
        counts.update({"e:" + k for k in f.entities})
        counts.update({"w:" + k for k in f.words})
    n = len(feats) + 1
    return {k: math.log(n / (c + 1)) / math.log(n) for k, c in counts.items()}


def _bonus(
    a: Features, b: Features, idf: dict[str, float], settings: GroupingSettings
) -> float:
    shared_e = a.entities & b.entities
    shared_w = a.words & b.words
    if not shared_e and not shared_w:
        return -settings.no_overlap_penalty
    e_part = min(1.0, sum(idf["e:" + k] for k in shared_e) / settings.entity_saturation)
    w_part = min(1.0, sum(idf["w:" + k] for k in shared_w) / settings.word_saturation)
    penalty = settings.no_overlap_penalty / 2 if not shared_e else 0.0
    frame = _frame_bonus(a.frame, b.frame, settings)
    return settings.entity_weight * e_part + settings.word_weight * w_part - penalty + frame


def _frame_bonus(a: Frame, b: Frame, settings: GroupingSettings) -> float:
    """Same predicate with the same subject or object: the same proposition, likely. Two
    different named subjects doing different things: side statements, likely."""
    same_pred = a.predicate not in GENERIC and a.predicate == b.predicate
    same_subj = bool(a.subject) and a.subject == b.subject
    same_obj = bool(a.obj) and a.obj == b.obj
    if same_pred and (same_subj or same_obj):
        return settings.frame_weight
    if same_subj and same_obj:
        return settings.frame_weight / 2
    if a.named and b.named and a.subject != b.subject and not same_pred:
        return -settings.frame_weight / 2
    return 0.0


def group_candidates(
    scores: np.ndarray, settings: GroupingSettings
) -> list[list[int]]:
    """Average-linkage agglomerative clusters of candidates whose score passes the threshold.

    Groups come out ordered by their first member, members in input order, so the result does
    not depend on how scikit-learn numbers its labels.
    """
    n = len(scores)
    if n == 0:
        return []
    if n == 1:
        return [[0]]
    from sklearn.cluster import AgglomerativeClustering

    distance = np.clip(1.0 - scores, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average",
        distance_threshold=1.0 - settings.threshold,
    )
    labels = model.fit_predict(distance)
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(int(label), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def why_grouped(
    members: Sequence[int], scores: np.ndarray, vectors: np.ndarray, feats: Sequence[Features]
) -> tuple[str, ...]:
    """One plain sentence per report after the first: its closest earlier report and why."""
    lines = []
    for pos in range(1, len(members)):
        i = members[pos]
        earlier = list(range(pos))
        best = max(earlier, key=lambda p: scores[i, members[p]])
        j = members[best]
        lines.append(_explain(pos, best, float(vectors[i] @ vectors[j]), feats[i], feats[j]))
    return tuple(lines)


def _explain(pos: int, best: int, sim: float, a: Features, b: Features) -> str:
    parts = []
    shared_e = sorted(a.entities & b.entities)
    if shared_e:
        parts.append("shares entities " + ", ".join(a.names[k] for k in shared_e))
    shared_w = sorted(a.words & b.words)
    if shared_w:
        parts.append("shares words " + ", ".join(shared_w[:5]))
    parts.append(f"similarity {sim:.2f} to report {best}")
    return f"report {pos}: " + "; ".join(parts)


def merge_same_frames(groups: list[list[int]], feats: Sequence[Features]) -> list[list[int]]:
    """Join claims that state the same proposition in the same words' frame: some member of
    each has the same main predicate with the same subject and, where both have one, the
    same object ("a drone struck the terminal" / "a drone had struck the North Quay
    terminal"). Embeddings of a long lead sentence and a short quote can miss this.
    """
    parent = list(range(len(groups)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    keys: dict[tuple[str, str], int] = {}
    for gi, members in enumerate(groups):
        for i in members:
            for key in _frame_keys(feats[i].frame):
                if key in keys:
                    parent[find(gi)] = find(keys[key])
                else:
                    keys[key] = gi
    joined: dict[int, list[int]] = {}
    for gi, members in enumerate(groups):
        joined.setdefault(find(gi), []).extend(members)
    return sorted((sorted(g) for g in joined.values()), key=min)


def _frame_keys(frame: Frame) -> list[tuple[str, str]]:
    """Keys two statements of one proposition share: subject + predicate + object, or a
    named subject with the same object ("Norland has the fragments" / "Norland would
    present the fragments")."""
    if not frame.subject or frame.subject in PRONOUNS or not frame.obj:
        return []
    keys = []
    if frame.predicate not in GENERIC:
        keys.append((frame.subject, frame.predicate + ":" + frame.obj))
    if frame.named and frame.obj not in PRONOUNS:
        keys.append((frame.subject, "object:" + frame.obj))
    return keys


DISSENT_SIMILARITY = 0.25
OTHER_SENSE_SIMILARITY = 0.6
COME_ALONG_SIMILARITY = 0.6  # a member without the frame moving with its claim  # an agentless report joining a claim mostly of the other sense of "act"


def merge_same_propositions(
    groups: list[list[int]], props: Sequence[Proposition | None], vectors: np.ndarray,
    min_similarity: float = 0.30, agentless_similarity: float = 0.45, own: Sequence[bool] = (),
) -> list[list[int]]:
    """Bring together the reports that state the same proposition frame: the same predicate
    family with the same agent ("the Kiev regime attempted to hit the residence", "two
    Ukrainian drones had attempted to strike ...", "Ukraine has nothing to do with the drone
    attacks"). Negated members count: a denial is the same claim with the opposite stance.

    For each frame key, the claim holding most of its reports receives the others: a whole
    claim when at least half of its members have the key, else only those members (so a
    claim that is mostly about something else does not come along). A member must be alike
    in meaning to one of the receiving claim's members with the key (cosine of at least
    ``min_similarity``; ``agentless_similarity`` when no agent is named; a denial or dispute,
    whose dismissive words sit far from the claim's, ``DISSENT_SIMILARITY``); a bare frame
    ("denied any involvement", "had nothing to do with this") needs only its agent.
    A statement in an outlet's own voice with no frame of its own comes along with its claim
    only when it is close in meaning (``COME_ALONG_SIMILARITY``): "The dam gave way on
    Thursday" is the event, not who blew it up.
    """
    lex = load_frame_lexicon()
    groups = [list(g) for g in groups]
    owner = {i: gi for gi, g in enumerate(groups) for i in g}
    holders: dict[tuple[str, str], list[int]] = {}
    for i, prop in enumerate(props):
        if prop is not None and i in owner:
            for key in merge_keys(prop, lex):
                holders.setdefault(key, []).append(i)
            # an agentless frame may join a claim whose frame names an agent; not where the
            # agent makes it another claim ("A tried to kill B" is A's attack, while "it was an
            # attempt on B's life" is a claim about intent)
            if prop.agents and prop.family not in (lex.implies or {}):
                holders.setdefault((prop.family, ""), []).append(i)
    # frames that name an agent first, so an agentless frame finds them gathered
    for key in sorted(holders, key=lambda k: (not k[1], -len(holders[k]), k)):
        members = holders[key]
        if len(members) < 2:
            continue
        per_group: dict[int, list[int]] = {}
        for i in members:
            per_group.setdefault(owner[i], []).append(i)
        target = max(per_group, key=lambda g: (
            len(per_group[g]), len(per_group[g]) / len(groups[g]), -min(groups[g])
        ))
        anchors = list(per_group[target])
        floor = min_similarity if key[1] else agentless_similarity
        for gi, keyed in sorted(per_group.items()):
            if gi == target:
                continue
            if not key[1]:  # only the agentless members move under the agentless key
                keyed = [i for i in keyed if not props[i].agents]  # type: ignore[union-attr]
            alike = [i for i in keyed if _alike(i, anchors, props, vectors, floor, bool(key[1]))]
            if not alike:
                continue
            moving = alike
            if len(keyed) * 2 >= len(groups[gi]):  # mostly of this frame: the whole claim comes along
                moving = alike + [i for i in groups[gi] if i not in keyed and not (
                    i < len(own) and own[i] and props[i] is None
                    and not _near(i, anchors, vectors, COME_ALONG_SIMILARITY))]
            for i in moving:
                groups[gi].remove(i)
                groups[target].append(i)
                owner[i] = target
            anchors += alike
    return sorted((sorted(g) for g in groups if g), key=min)


def _alike(
    i: int, anchors: Sequence[int], props: Sequence[Proposition | None], vectors: np.ndarray,
    floor: float, agent_named: bool,
) -> bool:
    dissent = bool(props[i] and props[i].dissent)  # type: ignore[union-attr]
    if not (agent_named or dissent) and not _same_sense(props[i], [props[j] for j in anchors]):
        floor = max(floor, OTHER_SENSE_SIMILARITY)  # "an explosion struck the harbour" / "the blast was caused by a mine"
    for j in anchors:
        bare = bool(props[i] and props[i].bare) or bool(props[j] and props[j].bare)  # type: ignore[union-attr]
        if bare and agent_named:
            return True
        if float(vectors[i] @ vectors[j]) >= (min(floor, DISSENT_SIMILARITY) if dissent else floor):
            return True
    return False


def _near(i: int, anchors: Sequence[int], vectors: np.ndarray, floor: float) -> bool:
    """True when report ``i`` is alike in meaning to one of ``anchors``."""
    return any(float(vectors[i] @ vectors[j]) >= floor for j in anchors)


def _same_sense(prop: Proposition | None, anchors: Sequence[Proposition | None]) -> bool:
    """False when an agentless report of striking a blow would join a claim that is mostly
    about who caused an event, or the other way round (see ``sense``); ties pass."""
    lex = load_frame_lexicon()
    senses = Counter(sense(a, lex) for a in anchors if a is not None)
    if prop is None or not senses:
        return True
    mine, top = senses[sense(prop, lex)], max(senses.values())
    return mine == top


def split_other_agents(
    groups: list[list[int]], props: Sequence[Proposition | None]
) -> list[list[int]]:
    """Take out of a claim about what agent A did the reports of what someone else did, and
    of what was done *to* A ("A's positions were hit" inside "A attacked B"): same words,
    other proposition. A is the agent most of the claim's frames name (at least twice);
    the reports that leave are grouped by their own agent (or, when they have none, by A as
    their target)."""
    out: list[list[int]] = []
    for members in groups:
        counts = Counter(a for i in members if props[i] for a in props[i].agents)  # type: ignore[union-attr]
        top = counts.most_common(1)
        if len(members) < 3 or not top or top[0][1] < 2:
            out.append(members)
            continue
        agent = top[0][0]
        leaving: dict[str, list[int]] = {}
        for i in members:
            prop = props[i]
            if prop is None or agent in prop.agents:
                continue
            if prop.agents:
                leaving.setdefault(sorted(prop.agents)[0], []).append(i)
            elif agent in prop.targets:
                leaving.setdefault("to:" + agent, []).append(i)
        gone = {i for g in leaving.values() for i in g}
        out.append([i for i in members if i not in gone])
        out += list(leaving.values())
    return sorted((sorted(g) for g in out if g), key=min)
