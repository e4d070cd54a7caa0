"""The cited summary: five to ten sentences that tell a story and its disputes.

Nothing is written freely. Each sentence is a fixed connective template ("X says: ...; Y
denies it") filled with source words (report spans, hedge words, pieces of discrepancy
sides) and canonical names (actors of the claims' positions, outlet names), and it cites the
exact spans its words come from. A claim is never stated as fact: every sentence names who
says it, an outlet in its own voice or an actor. The order is by weight: the central event as
the outlets carry it, then the widely carried and contested claims, then where outlets differ.

The summary is written against the :class:`~counterpoint.model.Claim` contract only (status,
positions, outlets, reports with voice, stance, source and hedges), never against a particular
grouping.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from counterpoint.model import (
    Article,
    Citation,
    Claim,
    Discrepancy,
    Entity,
    Quote,
    Report,
    SummarySentence,
)
from counterpoint.summary.discrepancies import QUOTE_MARKS, discrepancy_sentences, sentence_bounds
from counterpoint.summary.cues import CueWords, cited, told_words
from counterpoint.summary.grammar import FRAMED
from counterpoint.summary.phrases import (
    citations,
    distinct_outlets,
    join,
    lower_first,
    normal,
    counted,
    agree,
)
from counterpoint.summary.order import (
    BACKING,
    backed_counts,
    importance,
    lead_claim,
    own_backing,
    story_stems,
    strong,
)
from counterpoint.summary.wording import (
    NEGATED,
    UNCERTAIN,
    Wording,
    capitalised,
    cut,
    name_key,
    named,
    overlap,
    stems,
)

__all__ = [
    "summarize", "summarize_with_discrepancies", "TEMPLATE_WORDS", "OUTLET_COUNT", "MAX_SENTENCES",
]

MAX_SENTENCES = 10
MIN_SENTENCES = 5
MAX_DISCREPANCIES = 2
MAX_WORDS = 30
MAX_NAMES = 3
UNNAMED = "an unnamed source"
DISSENT = ("denies", "disputes", "cannot_confirm")
#: Share of the told words' stems a backer's words must have to be told as saying the same.
ECHO = 0.3

#: Every word the templates add; the rest of a sentence comes from cited spans and names.
TEMPLATE_WORDS = frozenset(
    "says say deny denies it dispute disputes cannot be confirmed report reports and the on "
    "differ order of events numbers damage place time facts an unnamed source other outlet "
    "outlets in its their own voice same "
    "hedges hedge with another state states that writes write".split()
)

#: How the templates count unnamed outlets ("two other outlets"): the only numbers they add.
OUTLET_COUNT = re.compile(
    r"(?i)\b(?:one|two|three|four|five|six|seven|eight|nine|ten|another)\s+(?:other\s+)?"
    r"outlets?\b"
)


@dataclass(frozen=True)
class _Holder:
    """Someone who takes a side on a claim: an actor's canonical name or an outlet's."""

    name: str
    report: Report
    pool: tuple[Report, ...] = ()

    def reports(self) -> tuple[Report, ...]:
        """All the holder's reports on the claim with this stance, the cited one first."""
        return (self.report, *(r for r in self.pool if r is not self.report))


@dataclass(frozen=True)
class _Sides:
    """Who backs, denies, disputes, cannot confirm a claim; each name once."""

    backers: tuple[_Holder, ...]
    own: tuple[_Holder, ...]
    denies: tuple[_Holder, ...]
    disputes: tuple[_Holder, ...]
    cannot_confirm: tuple[_Holder, ...]


class _Story:
    """What the templates need to know about the story's articles."""

    def __init__(self, articles: Sequence[Article], quotes: Sequence[Quote],
                 discrepancies: Sequence[Discrepancy] = ()) -> None:
        self.texts = {a.id: a.text for a in articles}
        #: where outlets disagree: a proposition should not carry a disputed detail
        self.disputed = [(s.article_id, s.start, s.end) for d in discrepancies for s in d.sides]
        self.outlets = {a.id: (a.outlet or "").strip() or None for a in articles}
        self.cues = {q.id: q.cue for q in quotes if q.cue is not None}
        self.cue_words = CueWords(self.texts, self.cues, {q.id: q.speaker for q in quotes})
        self.lead_stems = story_stems(articles)
        #: the spans the discrepancy sentences quote
        self.told_sides: list[Citation] = []

    def outlet(self, article_id: str) -> str | None:
        return self.outlets.get(article_id)

    def carries_disputed(self, report: Report) -> bool:
        return any(a == report.article_id and s < report.end and report.start < e
                   for a, s, e in self.disputed)


def summarize(
    articles: Sequence[Article],
    claims: Sequence[Claim],
    quotes: Sequence[Quote],
    entities: Sequence[Entity],
) -> tuple[SummarySentence, ...]:
    """Five to ten cited sentences (fewer only when the story has fewer claims).

    First the central event as the outlets carry it in their own voice, then the claims by
    weight: carried by more independent origins, contested or unverified, held by more actors.
    """
    return summarize_with_discrepancies(articles, claims, quotes, entities, ())


def summarize_with_discrepancies(
    articles: Sequence[Article],
    claims: Sequence[Claim],
    quotes: Sequence[Quote],
    entities: Sequence[Entity],
    discrepancies: Sequence[Discrepancy],
) -> tuple[SummarySentence, ...]:
    """Like :func:`summarize`, with a short sentence for the main disagreements between
    outlets (at most two, one per kind) after the claims."""
    story = _Story(articles, quotes, discrepancies)
    disc = discrepancy_sentences(discrepancies, story.texts, story.outlets, MAX_DISCREPANCIES)
    story.told_sides = [c for sentence in disc for c in sentence.citations]
    told = _claim_sentences(claims, story, MAX_SENTENCES - len(disc))
    return tuple(told + disc)


# ---------------------------------------------------------------- choosing and ordering


def _claim_sentences(claims: Sequence[Claim], story: _Story, room: int) -> list[SummarySentence]:
    """The lead, then the weightiest claims, skipping any that repeats words already told."""
    claims = [c for c in claims if c.reports and all(r.article_id in story.texts
                                                     for r in c.reports)]
    if room <= 0 or not claims:
        return []
    lead = lead_claim(claims, story.texts, story.lead_stems)
    backed = backed_counts(claims)
    ordered = [lead] if lead is not None else []
    rest = sorted((c for c in claims if c is not lead),
                  key=lambda c: (-importance(c, story.lead_stems, lead, backed), c.id))
    first = [c for c in rest if strong(c)]
    weak = [c for c in rest if not strong(c)]
    out: list[SummarySentence] = []
    told: list[tuple[set[str], set[str]]] = []
    for claim in [*ordered, *first, *weak]:
        if len(out) >= room or (claim in weak and len(out) >= MIN_SENTENCES):
            break
        built = _tell(claim, story, lead=claim is lead)
        if built is None:
            continue
        sentence, words, names = built
        if claim is not lead and claim.status in ("consensus", "single_source") and any(
                c.article_id == words.report.article_id and c.start < words.report.end
                and words.report.start < c.end for c in story.told_sides):
            continue  # its words are quoted where outlets differ, and nobody contests them
        said = stems(words.text)
        # the same words again, with nobody new taking a side: already told
        if any(overlap(said, s) > 0.6 and names <= n for s, n in told):
            continue
        told.append((said, names))
        out.append(sentence)
    return out or [_verbatim(ordered[0] if ordered else rest[0], story)]


def _verbatim(claim: Claim, story: _Story) -> SummarySentence:
    """The last resort when no report reads as a proposition: the whole sentence the first
    report stands in, quoted as its outlet wrote it (a fragment is never told alone)."""
    report = claim.reports[0]
    text = story.texts[report.article_id]
    lo, hi = sentence_bounds(text, report.start, report.end)
    words = cut(re.sub(r"\s+", " ", QUOTE_MARKS.sub("", text[lo:hi])).strip(), MAX_WORDS + 10)
    who = story.outlet(report.article_id) or "one outlet"
    sentence = f"{who} writes: “{words.rstrip(' .')}”."
    return SummarySentence(capitalised(sentence), (Citation(report.article_id, lo, hi),))


def _source_name(report: Report) -> str:
    name = report.source.name if report.source is not None else None
    return name if name and named(name) else UNNAMED


# ---------------------------------------------------------------- one claim


def _tell(
    claim: Claim, story: _Story, lead: bool
) -> tuple[SummarySentence, Wording, set[str]] | None:
    """One sentence for a claim, the proposition words it tells and who it names; None if no
    report of the claim can be told in readable source words."""
    sides = _sides(claim, story)
    words = _proposition(claim, sides, story, lead)
    if words is None:
        return None
    sides = _echoing(_ranked(sides, words), words)
    parts, cites = _opening(claim, sides, words, story, lead)
    # after a dissenter's own negated words, the other dissenters say the same (an "it" would
    # point at the negation), and "it cannot be confirmed" would have nothing to point at
    own = _own_statement(words) and not (sides.backers or sides.own)
    for verb, holders in (("deny", sides.denies), ("dispute", sides.disputes)):
        rest = [h for h in holders if h.report is not words.report]
        if rest:
            parts.append(f"{join(rest)} {agree('say', rest)} the same" if own
                         else f"{join(rest)} {agree(verb, rest)} it")
            cites += [h.report for h in rest]
    doubters = [h for h in sides.cannot_confirm if h.report is not words.report]
    if doubters and not own:
        parts.append(f"{join(doubters)} {agree('say', doubters)} it cannot be confirmed")
        cites += [h.report for h in doubters]
    cites = [cited(c, story.cue_words) if isinstance(c, Report) else c for c in cites]
    text = "; ".join(parts) + "."
    names = {name_key(h.name) for hs in (sides.backers, sides.own, sides.denies, sides.disputes,
                                     sides.cannot_confirm) for h in hs}
    return SummarySentence(capitalised(text), citations(cites)), words, names


def _opening(
    claim: Claim, sides: _Sides, words: Wording, story: _Story, lead: bool
) -> tuple[list[str], list[Report | Citation]]:
    """The first clause: who tells the proposition, and the proposition."""
    rep = words.report
    cites: list[Report | Citation] = [rep]
    speaker = _holder_of(rep, sides)
    if words.cue is not None:
        # "any involvement" hangs on its verb: "X denied any involvement", cited from the cue
        # (or from the speaker's own words when they stand right before it)
        start, told = words.cue
        who = speaker.name if speaker is not None else _source_name(rep)
        if not told[:1].isupper():
            told = f"{who} {told}"
        cites = [Citation(rep.article_id, start, rep.end)]
        parts = [f"{told} {words.text}"]
        others = [h for h in sides.backers if h is not speaker]
        if others:
            parts.append(f"{join(others)} {agree('say', others)} the same")
            cites += [h.report for h in others]
        return parts, cites
    if rep.voice == "own" and rep.stance in BACKING:
        return _own_opening(sides, words, story, lead)
    if speaker is not None and speaker.report.stance in DISSENT:
        return [_dissent_opening(speaker, words)], cites
    tellers = _first(speaker, sides.backers)
    parts = [f"{join(tellers)} {agree('say', tellers)}: {words.text}"]
    cites += [h.report for h in tellers]
    stating = [h for h in sides.own if h.report.stance == "asserts" and not h.report.hedges]
    if stating and (lead or claim.status == "contested"):
        stated = distinct_outlets(stating)
        parts.append(f"{counted(stating)} {agree('state', stated)} it in "
                     f"{'their' if len(stated) > 1 else 'its'} own voice")
        cites += [h.report for h in stating]
    return parts, cites


def _dissent_opening(speaker: _Holder, words: Wording) -> str:
    """Nobody backs the claim: its words are a dissenter's. Negated or doubting words are the
    dissent itself, told as the dissenter's own statement ("X says targeting Y made no
    sense", "one outlet writes that ..."): nothing asserted stands before them for an "it" to
    point at. Plain words are what is rejected ("X denies that Y did ...", "X denies any
    involvement")."""
    stance = speaker.report.stance
    if stance == "cannot_confirm":
        if UNCERTAIN.search(words.text):
            return f"{speaker.name} says: {words.text}"
        return f"{speaker.name} says it cannot be confirmed: {words.text}"
    if _own_statement(words):
        if words.quoted:
            return f"{speaker.name} says: {words.text}"
        if words.report.voice == "own":
            return f"{speaker.name} writes that {lower_first(words.text)}"
        return f"{speaker.name} says {words.text}"
    denial = agree("deny" if stance == "denies" else "dispute", [speaker])
    return f"{speaker.name} {denial} {'that ' if words.clause else ''}{words.text}"


def _own_statement(words: Wording) -> bool:
    """The told words are a dissenter's own negated or doubting statement, not the
    proposition they reject."""
    return (words.cue is None and words.report.stance in ("denies", "disputes")
            and (words.quoted or bool(NEGATED.search(words.text))))


def _own_opening(
    sides: _Sides, words: Wording, story: _Story, lead: bool
) -> tuple[list[str], list[Report | Citation]]:
    """Outlets tell it in their own voice: "A and B report: ...; C hedges it: "alleged"."""
    plain = [h for h in sides.own if not h.report.hedges]
    hedged = [h for h in sides.own if h.report.hedges]
    first = plain or hedged
    if words.report not in [h.report for h in first]:
        first = [h for h in sides.own if h.report is words.report] + first
    tellers = distinct_outlets(first)
    parts = [f"{counted(first)} {agree('report', tellers)}: {words.text}"]
    cites: list[Report | Citation] = [words.report, *(h.report for h in first)]
    for holder in [h for h in hedged if h not in first][:2]:
        hedge = _hedge_citation(holder.report, story)
        if hedge is not None:
            text = story.texts[hedge.article_id][hedge.start:hedge.end]
            parts.append(f"{holder.name} {agree('hedge', [holder])} it with “{text}”")
            cites.append(hedge)
    if sides.backers:
        parts.append(f"{join(sides.backers)} {agree('say', sides.backers)} the same")
        cites += [h.report for h in sides.backers]
    return parts, cites


def _first(speaker: _Holder | None, holders: Sequence[_Holder]) -> list[_Holder]:
    """Holders with the proposition's speaker first (it is their words that are told)."""
    rest = [h for h in holders if h is not speaker]
    return ([speaker] if speaker is not None else []) + rest


def _holder_of(rep: Report, sides: _Sides) -> _Holder | None:
    for holders in (sides.backers, sides.denies, sides.disputes, sides.cannot_confirm, sides.own):
        for holder in holders:
            if holder.report is rep:
                return holder
    return None


def _sides(claim: Claim, story: _Story) -> _Sides:
    """Each actor once, by its sharpest stance (deny, then dispute, then cannot confirm, then
    backing); own-voice dissent is told under the outlet's name."""
    seen: set[str] = set()
    found: dict[str, list[_Holder]] = {}
    for stance in ("denies", "disputes", "cannot_confirm", "asserts"):
        wanted = BACKING if stance == "asserts" else (stance,)
        pools: dict[str, list[Report]] = {}
        for position in claim.positions:
            name = position.name if named(position.name) else UNNAMED
            if position.stance in wanted and name_key(name) not in seen:
                pools.setdefault(name, []).extend(
                    claim.reports[i] for i in position.reports if 0 <= i < len(claim.reports))
        holders = [_Holder(name, pool[0], tuple(pool)) for name, pool in pools.items() if pool]
        seen.update(name_key(name) for name in pools)
        if stance != "asserts":
            holders += _own_dissent(claim, stance, story, seen)
        found[stance] = holders
    own = _own_holders(claim, story, seen)
    return _Sides(tuple(found["asserts"]), tuple(own), tuple(found["denies"]),
                  tuple(found["disputes"]), tuple(found["cannot_confirm"]))


def _ranked(sides: _Sides, words: Wording) -> _Sides:
    """Each role's holders, at most MAX_NAMES, those whose words are closest to the told
    proposition first (named before unnamed), each citing its closest report; the speaker of
    the told words always stays, citing them."""
    told = stems(words.text)

    def best(holder: _Holder) -> tuple[float, _Holder]:
        if words.report in holder.reports():
            return (100.0, _Holder(holder.name, words.report, holder.pool))
        report = max(holder.reports(), key=lambda r: (len(stems(r.text) & told), -r.start))
        score = len(stems(report.text) & told) + 0.5 * (holder.name != UNNAMED)
        return (score, _Holder(holder.name, report, holder.pool))

    def top(holders: Sequence[_Holder]) -> tuple[_Holder, ...]:
        scored = [best(h) for h in holders]
        order = sorted(range(len(scored)), key=lambda i: (-scored[i][0], i))
        return tuple(scored[i][1] for i in order[:MAX_NAMES])

    return _Sides(top(sides.backers), sides.own, top(sides.denies), top(sides.disputes),
                  top(sides.cannot_confirm))


def _echoing(sides: _Sides, words: Wording) -> _Sides:
    """Backers and outlets said to say "the same" only when their cited words share more than
    ECHO of the told words' stems, and two stems at least: a report grouped into the claim that speaks of something
    else ("X did not elaborate on the cause") is not told as saying it."""
    told = stems(words.text)

    def echoes(holder: _Holder) -> bool:
        said = stems(holder.report.text)
        return (holder.report is words.report
                or (overlap(said, told) > ECHO and len(said & told) >= 2))

    return replace(sides, backers=tuple(h for h in sides.backers if echoes(h)),
                   own=tuple(h for h in sides.own if echoes(h)))


def _own_dissent(claim: Claim, stance: str, story: _Story, seen: set[str]) -> list[_Holder]:
    out = []
    for report in claim.reports:
        name = story.outlet(report.article_id) or "one outlet"
        if report.voice == "own" and report.stance == stance and name_key(name) not in seen:
            seen.add(name_key(name))
            out.append(_Holder(name, report))
    return out


def _own_holders(claim: Claim, story: _Story, seen: set[str]) -> list[_Holder]:
    """Outlets backing the claim in their own voice, one report each (the earliest)."""
    out: list[_Holder] = []
    done: set[str] = set()
    for report in sorted(own_backing(claim), key=lambda r: r.start):
        if report.article_id in done:
            continue
        done.add(report.article_id)
        name = story.outlet(report.article_id) or ""
        if name and name_key(name) in seen:
            continue
        out.append(_Holder(name, report))
    return out


# ---------------------------------------------------------------- the proposition


def _proposition(claim: Claim, sides: _Sides, story: _Story, lead: bool) -> Wording | None:
    """The best source wording of the claim: from a backer (or an outlet's own voice) when
    there is one, else from whoever dissents; clean, in the third person, readable."""
    holders = (*sides.own, *sides.backers) or (*sides.denies, *sides.disputes,
                                               *sides.cannot_confirm)
    pool = [r for h in holders for r in h.reports()]
    dissent = not (sides.own or sides.backers)
    best: tuple[tuple[float, ...], Wording] | None = None
    for report in pool:
        words = told_words(report, story.cue_words, MAX_WORDS + 10 * lead, dissent)
        if words is None:
            continue
        rank = (int(lead and report.voice != "own"), int(words.quoted), int(words.cue is not None),
                int(bool(FRAMED.match(words.text))), _length_penalty(words.text), int(story.carries_disputed(report)),
                -_centrality(report, claim),
                int(normal(words.text) != normal(claim.text)), report.start)
        if best is None or rank < best[0]:
            best = (rank, words)
    return best[1] if best else None


def _centrality(report: Report, claim: Claim) -> float:
    """How much of the report's wording the claim's other reports share (on average, to a
    tenth): the words most holders of the claim speak of."""
    own = stems(report.text)
    others = [stems(r.text) for r in claim.reports if r is not report]
    if not others:
        return 0.0
    return round(sum(overlap(own, o) for o in others) / len(others), 1)


def _length_penalty(text: str) -> int:
    n = len(text.split())
    return 0 if 5 <= n <= MAX_WORDS else 1


# ---------------------------------------------------------------- small helpers


def _hedge_citation(report: Report, story: _Story) -> Citation | None:
    """Where the report's first hedge word stands in its sentence."""
    text = story.texts.get(report.article_id, "")
    lo, hi = sentence_bounds(text, report.start, report.end)
    for hedge in report.hedges:
        m = re.search(rf"(?i)\b{re.escape(hedge)}\b", text[lo:hi])
        if m:
            return Citation(report.article_id, lo + m.start(), lo + m.end())
    return None


