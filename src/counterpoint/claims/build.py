"""The claims stage: candidate reports -> stance -> grouping -> claims with positions and outlets."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
from spacy.tokens import Doc, Span

from counterpoint.claims import group as grouping
from counterpoint.claims.denials import (
    DenialInfo,
    denial_info,
    merge_denials,
    prune_side_statements,
)
from counterpoint.claims.discrepancies import find_discrepancies
from counterpoint.claims.extract import (
    UNNAMED,
    Candidate,
    build_entity_index,
    candidate_key,
    extract_candidates,
)
from counterpoint.claims.frames import (
    Proposition,
    load_frame_lexicon,
    proposition_of,
    with_speaker_as_agent,
)
from counterpoint.claims.lexicon import Lexicon, load_lexicon
from counterpoint.claims.outlets import (
    actor_key,
    origin_map,
    origins_of,
    outlets_of,
    positions_of,
    status_of,
)
from counterpoint.claims.stance import Reading, read_stance, relative_stance
from counterpoint.nlp import doc_text
from counterpoint.claims.wording import control_verb_start, tidy_claim_text
from counterpoint.embeddings import Embedder
from counterpoint.model import Article, Claim, Discrepancy, Entity, Quote, Report

__all__ = ["build_claims", "ClaimSettings"]

STRIP_HEDGES = re.compile(
    r"(?i)\b(?:(?:allegedly|so-called|purportedly|reportedly|supposedly|apparently)\s+"
    # "alleged"/"purported" as verbs ("what X alleged was a strike") carry the attribution
    r"|(?:alleged|purported)\s+(?!(?:was|were|is|are|that|to|had|has|have)\b))"
)


@dataclass(frozen=True)
class ClaimSettings:
    """Settings of the claims stage (grouping weights and threshold)."""

    grouping: grouping.GroupingSettings = grouping.GroupingSettings()


@dataclass(frozen=True)
class _Item:
    """A candidate with everything measured about it, before it becomes a Report."""

    cand: Candidate
    reading: Reading
    features: grouping.Features
    denial: DenialInfo
    control_text: str
    times: frozenset[str]
    verbs: frozenset[str]
    proposition: Proposition | None = None
    #: a denied bare noun phrase ("any involvement in the incident"), not a clause
    noun_only: bool = False


def build_claims(
    articles: Sequence[Article],
    docs: Mapping[str, Doc],
    entities: Sequence[Entity],
    quotes: Sequence[Quote],
    copies: Sequence[Sequence[str]],
    embedder: Embedder,
    settings: ClaimSettings = ClaimSettings(),
) -> tuple[tuple[Claim, ...], tuple[Discrepancy, ...]]:
    """The claims of one story and the disagreements between its outlets.

    ``docs`` maps article id to the spaCy parse of that article's text; articles without a
    parse are treated as not mentioning anything. ``copies`` are groups of article ids that
    share long verbatim passages: they count as one origin.
    """
    lex = load_lexicon()
    items = _items(articles, docs, entities, quotes, lex)
    if not items:
        return (), ()
    vectors = grouping.embed(embedder, [it.cand for it in items])
    feats = [it.features for it in items]
    scores = grouping.pair_scores(vectors, feats, settings.grouping)
    _apart_in_time(scores, items)
    groups = grouping.group_candidates(scores, settings.grouping)
    infos = [it.denial for it in items]
    groups = grouping.merge_same_frames(groups, feats)
    props = [it.proposition for it in items]
    own = [it.cand.voice == "own" for it in items]
    groups = grouping.merge_same_propositions(groups, props, vectors, own=own)
    groups = merge_denials(prune_side_statements(groups, infos), infos, scores)
    groups = grouping.merge_same_propositions(groups, props, vectors, own=own)
    groups = _clauses_only(grouping.split_other_agents(groups, props), items)
    story_ids = [a.id for a in articles]
    origin = origin_map(story_ids, copies)
    claims = [
        _claim(items, g, scores, vectors, story_ids, origin, settings) for g in groups
    ]
    regrouped = _clauses_only(_own_dissent_out(groups, claims), items)
    if regrouped != groups:
        groups = regrouped
        claims = [
            _claim(items, g, scores, vectors, story_ids, origin, settings) for g in groups
        ]
    claims.sort(key=lambda c: (-c.outlet_count, -len(c.reports), _first(c, story_ids)))
    return tuple(claims), find_discrepancies(claims, docs, origin, lex)


MOMENT_PENALTY = 0.30


def _own_dissent_out(groups: list[list[int]], claims: Sequence[Claim]) -> list[list[int]]:
    """An actor never disputes his own claim: when a named speaker asserts (or relays) a
    claim at least as often as he denies or disputes it, his dissent speaks of another
    proposition and stands alone ("such an attack would let A justify strikes" said twice,
    "targeting X made no sense" once). When his dissent outnumbers his backing, the backing
    is the misread one (a rival account worded positively: "looked like an accident rather
    than a strike") and the group is left as it is. Moving the dissent to the claim it is
    most similar to would make it a dispute of a claim it may well back, so it does not
    move. Unnamed speakers are not one actor."""
    kept: list[list[int]] = []
    alone: list[list[int]] = []
    for group, claim in zip(groups, claims):
        out: set[int] = set()
        sides: dict[str, tuple[list[int], list[int]]] = {}
        for i, r in zip(group, claim.reports):
            key = _actor(r)
            if key is not None and r.stance in ("asserts", "reports", "denies", "disputes"):
                side = sides.setdefault(key, ([], []))
                side[0 if r.stance in ("asserts", "reports") else 1].append(i)
        for backing, dissent in sides.values():
            if backing and len(backing) >= len(dissent):
                out.update(dissent)
        kept.append([i for i in group if i not in out])
        alone.extend([i] for i in group if i in out)
    return [g for g in kept if g] + alone


def _actor(report: Report) -> str | None:
    if report.source is None or (report.source.entity_id is None and (
            not report.source.name or report.source.name == UNNAMED)):
        return None
    return actor_key(report)


def _apart_in_time(scores: np.ndarray, items: Sequence[_Item]) -> None:
    """Lower the score of two statements of opposite polarity about different moments ("was
    not in the building at the time of the attack" / "was working in the building on
    Thursday"): they do not contradict each other, so they are not one claim."""
    for i, a in enumerate(items):
        for j in range(i + 1, len(items)):
            b = items[j]
            if a.reading.negated != b.reading.negated and a.times != b.times:
                scores[i, j] -= MOMENT_PENALTY
                scores[j, i] -= MOMENT_PENALTY


def _first(claim: Claim, story_ids: Sequence[str]) -> tuple[int, int]:
    report = claim.reports[0]
    order = story_ids.index(report.article_id) if report.article_id in story_ids else 0
    return order, report.start


def _items(
    articles: Sequence[Article], docs: Mapping[str, Doc], entities: Sequence[Entity],
    quotes: Sequence[Quote], lex: Lexicon,
) -> list[_Item]:
    index = build_entity_index(entities)
    frame_lex = load_frame_lexicon()
    places = _place_mentions(entities)
    items = []
    for article in articles:
        doc = docs.get(article.id)
        if doc is None:
            continue
        for cand in extract_candidates(article, doc, quotes, index, lex):
            reading = read_stance(doc, cand, lex)
            feats = grouping.features_of(doc, cand)
            info = denial_info(
                doc, cand, index, reading.negated, reading.denial_phrase,
                feats.frame.predicate,
            )
            control = control_verb_start(doc, cand.start, cand.end)
            control_text = doc_text(doc)[control:cand.end] if control is not None else ""
            span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
            prop = proposition_of(span, frame_lex, places.get(article.id, ())) if span is not None else None
            noun_only = span is not None and _denied_noun(span, reading, cand)
            if prop is not None and noun_only:
                prop = with_speaker_as_agent(prop, _speaker(cand), frame_lex)
            if prop is not None and reading.stance in ("denies", "disputes"):
                prop = replace(prop, dissent=True)
            items.append(_Item(
                cand, reading, feats, info, control_text, _times(doc, cand), _verbs(doc, cand),
                prop, noun_only,
            ))
    return items


def _speaker(cand: Candidate) -> str:
    """Who speaks: the entity's name, else the speaker's own words in the article."""
    name = cand.source.name if cand.source is not None else None
    if name and name != UNNAMED:
        return name
    return cand.speaker_text


def _clauses_only(groups: list[list[int]], items: Sequence[_Item]) -> list[list[int]]:
    """Groups with at least one report that is a clause: a bare denied noun ("denied any
    involvement") belongs to the claim it denies when its agent (the speaker) let it join
    one; left alone it is not a checkable proposition and leaves the claims list."""
    return [g for g in groups if not all(items[i].noun_only for i in g)]


def _denied_noun(span: Span, reading: Reading, cand: Candidate) -> bool:
    """A denial whose content is a bare noun phrase ("denied any involvement")."""
    return (
        reading.stance == "denies" and cand.source is not None
        and span.root.pos_ in ("NOUN", "PROPN") and not any(t.pos_ == "VERB" for t in span)
    )


def _place_mentions(entities: Sequence[Entity]) -> dict[str, list[tuple[int, int, str]]]:
    """Mentions of countries, places and peoples per article: who can act as a state."""
    out: dict[str, list[tuple[int, int, str]]] = {}
    for entity in entities:
        if entity.type in ("GPE", "NORP", "LOC", "ORG"):
            for m in entity.mentions:
                out.setdefault(m.article_id, []).append((m.start, m.end, entity.name))
    return out


def _times(doc: Doc, cand: Candidate) -> frozenset[str]:
    """The dates and times a candidate is about: two reports about different moments do not
    contradict each other."""
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None:
        return frozenset()
    return frozenset(e.text.lower() for e in span.ents if e.label_ in ("DATE", "TIME"))


def _verbs(doc: Doc, cand: Candidate) -> frozenset[str]:
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None:
        return frozenset()
    return frozenset(t.lemma_.lower() for t in span if t.pos_ in ("VERB", "NOUN"))


def _same_proposition(item: _Item, rep: _Item) -> bool:
    """Whether a report of the other polarity speaks of the claim's own proposition.

    Its negation must deny involvement outright ("nothing to do with", at any moment) or
    negate a predicate the claim's wording has, and both must be about the same moment. "The Kremlin did not
    elaborate" does not deny that drones hit the Kremlin.
    """
    if item.reading.negated and item.reading.denial_phrase:
        return True
    if item.times != rep.times:
        return False
    if item.reading.negated:
        return item.reading.denial_phrase or bool(item.reading.negated_lemmas & rep.verbs)
    if item.reading.stance == "denies":
        # denying "A had a role" agrees with the claim "A had nothing to do with it"
        return True
    return bool(rep.reading.negated_lemmas & item.verbs)


def _claim(
    items: Sequence[_Item], members: Sequence[int], scores: np.ndarray, vectors: np.ndarray,
    story_ids: Sequence[str], origin: Mapping[str, str], settings: ClaimSettings,
) -> Claim:
    group = [items[i] for i in members]
    negated = _majority_polarity(group)
    centrality = {i: float(np.mean(scores[i, list(members)])) for i in members}
    rep_pos = members[group.index(_representative(group, negated, [centrality[i] for i in members]))]
    rep = items[rep_pos]
    reports = tuple(_report(items[i], negated, _same_proposition(items[i], rep),
                            _frame_negated(items[i], rep)) for i in members)
    outlet_count, independent = origins_of(reports, origin)
    feats = [it.features for it in items]
    return Claim(
        id=_claim_id(group),
        text=claim_text(rep.cand, rep.control_text),
        status=status_of(reports, origin),
        reports=reports,
        positions=positions_of(reports),
        outlets=outlets_of(reports, story_ids),
        outlet_count=outlet_count,
        independent_origins=independent,
        why_grouped=grouping.why_grouped(members, scores, vectors, feats),
    )


def _claim_id(group: Sequence[_Item]) -> str:
    from counterpoint.model import make_id

    return make_id("c", *sorted(candidate_key(it.cand) for it in group))


def _majority_polarity(group: Sequence[_Item]) -> bool:
    """Whether most reports that assert or relay the proposition state it negatively."""
    backing = [it for it in group if it.reading.stance in ("asserts", "reports")] or list(group)
    negative = sum(1 for it in backing if it.reading.negated)
    return negative * 2 > len(backing)


def _representative(group: Sequence[_Item], negated: bool, centrality: Sequence[float]) -> _Item:
    """The most neutral report: of the claim's polarity, a full clause (not an object-control
    fragment), asserting or relaying, unhedged, then the one closest to all the others (the
    most typical wording)."""

    def rank(pos: int) -> tuple[bool, bool, bool, int, bool, float]:
        it = group[pos]
        return (
            it.reading.negated != negated,
            bool(it.control_text),
            it.reading.stance not in ("asserts", "reports"),
            len(it.reading.hedges),
            not 30 <= len(it.cand.text) <= 240,
            -centrality[pos],
        )

    return group[min(range(len(group)), key=rank)]


def _frame_negated(item: _Item, rep: _Item) -> bool | None:
    """The report's polarity when its proposition frame is the representative's (same
    predicate family, an agent in common or none named): "Ukraine does not attack targets"
    denies "Ukraine attacked the building" even where the negation is in a coordinated verb.
    None when the frames say nothing."""
    a, b = item.proposition, rep.proposition
    if a is None or b is None or a.family != b.family:
        return None
    if a.agents and b.agents and not a.agents & b.agents:
        return None
    return a.negated


def _report(
    item: _Item, claim_negated: bool, same_proposition: bool, frame_negated: bool | None = None
) -> Report:
    """The report of one candidate; its polarity counts against the claim's only when it
    states the same proposition (close enough to the claim's wording, or the same frame)."""
    cand = item.cand
    negated = item.reading.negated if same_proposition else claim_negated
    if frame_negated is not None:
        negated = frame_negated
    return Report(
        article_id=cand.article_id,
        start=cand.start,
        end=cand.end,
        text=cand.text,
        voice=cand.voice,
        quote_id=cand.quote_id,
        source=cand.source,
        stance=relative_stance(item.reading.stance, negated, claim_negated),
        hedges=item.reading.hedges,
    )


def claim_text(cand: Candidate, control_text: str = "") -> str:
    """A short neutral wording of the claim, from the representative report's own words.

    Hedge words and quote marks are dropped and a relative pronoun is replaced by the noun it
    stands for. An object-control fragment ("Ukraine of attempting ...") keeps the verb it
    hangs on ("accused Ukraine of attempting ..."), without the speaker.
    """
    if control_text:
        return tidy_claim_text(STRIP_HEDGES.sub("", control_text), capitalise=False)
    text = cand.text
    if cand.head:
        first, _, rest = text.partition(" ")
        if first.lower() in ("who", "which"):
            text = f"{cand.head} {rest}"
    return tidy_claim_text(STRIP_HEDGES.sub("", text))
