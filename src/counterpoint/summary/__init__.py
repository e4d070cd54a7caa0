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
from dataclasses import dataclass

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
from counterpoint.summary.order import (
    BACKING,
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
    name_key,
    named,
    overlap,
    stems,
    wording,
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

#: Every word the templates add; the rest of a sentence comes from cited spans and names.
TEMPLATE_WORDS = frozenset(
    "says say deny denies it dispute disputes cannot be confirmed report reports and the on "
    "differ order of events numbers damage place time facts an unnamed source other outlet "
    "outlets in its their own voice same "
    "hedges hedge with another state states that".split()
)

#: How the templates count unnamed outlets ("two other outlets"): the only numbers they add.
OUTLET_COUNT = re.compile(
    r"(?i)\b(?:one|two|three|four|five|six|seven|eight|nine|ten|another)\s+(?:other\s+)?"
    r"outlets?\b"
)
NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


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
    ordered = [lead] if lead is not None else []
    rest = sorted((c for c in claims if c is not lead),
                  key=lambda c: (-importance(c, story.lead_stems), c.id))
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
    return out or [_verbatim(ordered[0] if ordered else rest[0])]


def _verbatim(claim: Claim) -> SummarySentence:
    """The last resort when no report reads as a proposition: the first report quoted
    whole, with its speaker (or its outlet's voice)."""
    report = claim.reports[0]
    who = report.source.name if report.source and named(report.source.name) else None
    text = QUOTE_MARKS.sub("", report.text).strip()
    head = f"{who} says" if who else "One outlet reports"
    return SummarySentence(f"{head}: “{text}”.", _citations([report]))


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
    sides = _ranked(sides, words)
    parts, cites = _opening(claim, sides, words, story, lead)
    for verb, holders in (("deny", sides.denies), ("dispute", sides.disputes)):
        rest = [h for h in holders if h.report is not words.report]
        if rest:
            parts.append(f"{_join(rest)} {_verb(verb, rest)} it")
            cites += [h.report for h in rest]
    doubters = [h for h in sides.cannot_confirm if h.report is not words.report]
    if doubters:
        parts.append(f"{_join(doubters)} {_verb('say', doubters)} it cannot be confirmed")
        cites += [h.report for h in doubters]
    text = "; ".join(parts) + "."
    names = {name_key(h.name) for hs in (sides.backers, sides.own, sides.denies, sides.disputes,
                                     sides.cannot_confirm) for h in hs}
    return SummarySentence(text[0].upper() + text[1:], _citations(cites)), words, names


def _opening(
    claim: Claim, sides: _Sides, words: Wording, story: _Story, lead: bool
) -> tuple[list[str], list[Report | Citation]]:
    """The first clause: who tells the proposition, and the proposition."""
    rep = words.report
    cites: list[Report | Citation] = [rep]
    control = _control_cue(rep, story)
    speaker = _holder_of(rep, sides)
    if control is not None and speaker is not None:
        # "Ukraine of attempting ..." hangs on its verb: "Russia accused Ukraine of ..."
        cites = [Citation(rep.article_id, control[0], rep.end)]
        parts = [f"{speaker.name} {control[1]} {words.text}"]
        others = [h for h in sides.backers if h is not speaker]
        if others:
            parts.append(f"{_join(others)} {_verb('say', others)} the same")
            cites += [h.report for h in others]
        return parts, cites
    if rep.voice == "own" and rep.stance in BACKING:
        return _own_opening(sides, words, story, lead)
    if speaker is not None and speaker.report.stance in DISSENT:
        return [_dissent_opening(speaker, words)], cites
    tellers = _first(speaker, sides.backers)
    parts = [f"{_join(tellers)} {_verb('say', tellers)}: {words.text}"]
    cites += [h.report for h in tellers]
    stating = [h for h in sides.own if h.report.stance == "asserts" and not h.report.hedges]
    if stating and (lead or claim.status == "contested"):
        outlets = _distinct_outlets(stating)
        parts.append(f"{_outlets(stating)} {_verb('state', outlets)} it in "
                     f"{'their' if len(outlets) > 1 else 'its'} own voice")
        cites += [h.report for h in stating]
    return parts, cites


def _dissent_opening(speaker: _Holder, words: Wording) -> str:
    """Nobody backs the claim: its words are a dissenter's. Negated or doubting words are the
    dissent itself ("X disputes it: it wasn't ..."); plain words are what is rejected ("X
    denies that Y did ...")."""
    stance = speaker.report.stance
    if stance == "cannot_confirm":
        if UNCERTAIN.search(words.text):
            return f"{speaker.name} says: {words.text}"
        return f"{speaker.name} says it cannot be confirmed: {words.text}"
    verb = _verb("deny" if stance == "denies" else "dispute", [speaker])
    if words.quoted or NEGATED.search(words.text):
        return f"{speaker.name} {verb} it: {words.text}"
    return f"{speaker.name} {verb} that {words.text}"


def _own_opening(
    sides: _Sides, words: Wording, story: _Story, lead: bool
) -> tuple[list[str], list[Report | Citation]]:
    """Outlets tell it in their own voice: "A and B report: ...; C hedges it: "alleged"."""
    plain = [h for h in sides.own if not h.report.hedges]
    hedged = [h for h in sides.own if h.report.hedges]
    first = plain or hedged
    if words.report not in [h.report for h in first]:
        first = [h for h in sides.own if h.report is words.report] + first
    tellers = _distinct_outlets(first)
    parts = [f"{_outlets(first)} {_verb('report', tellers)}: {words.text}"]
    cites: list[Report | Citation] = [words.report, *(h.report for h in first)]
    for holder in [h for h in hedged if h not in first][:2]:
        hedge = _hedge_citation(holder.report, story)
        if hedge is not None:
            text = story.texts[hedge.article_id][hedge.start:hedge.end]
            parts.append(f"{holder.name} {_verb('hedge', [holder])} it with “{text}”")
            cites.append(hedge)
    if sides.backers:
        parts.append(f"{_join(sides.backers)} {_verb('say', sides.backers)} the same")
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
    best: tuple[tuple[float, ...], Wording] | None = None
    for report in pool:
        words = wording(report, MAX_WORDS + 10 * lead, _control_cue(report, story) is not None)
        if words is None:
            continue
        rank = (int(lead and report.voice != "own"), int(words.quoted),
                _length_penalty(words.text), int(story.carries_disputed(report)),
                -_centrality(report, claim),
                int(_normal(words.text) != _normal(claim.text)), report.start)
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


def _control_cue(rep: Report, story: _Story) -> tuple[int, str] | None:
    """The cue verb a report's words hang on as its object ("accused | Ukraine of ..."): a
    one-word cue right before the report and an "of"/"for" within its first words."""
    cue = story.cues.get(rep.quote_id or "")
    if cue is None or " " in cue.text.strip() or not 0 < rep.start - cue.end <= 1:
        return None
    head = rep.text.split()[:6]
    return (cue.start, cue.text) if any(w in ("of", "for") for w in head[1:]) else None


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


def _normal(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


def _distinct_outlets(holders: Sequence[_Holder]) -> list[str]:
    named = {h.name for h in holders if h.name}
    return [*named, *[""] * sum(1 for h in holders if not h.name)]


def _outlets(holders: Sequence[_Holder]) -> str:
    """Named outlets, the unnamed counted: "Daily Mirror and two other outlets"."""
    named = list(dict.fromkeys(h.name for h in holders if h.name))
    unnamed = sum(1 for h in holders if not h.name)
    if unnamed:
        count = NUMBER_WORDS[min(unnamed, 10) - 1]
        noun = "outlet" if unnamed == 1 else "outlets"
        if named:
            named.append(f"{count} other {noun}")
        else:
            named.append(f"{count.capitalize()} {noun}" if unnamed > 1 else "One outlet")
    return _join_names(named)


def _verb(base: str | None, holders: Sequence[object]) -> str:
    if base is None:
        return "says it cannot be confirmed"
    if len(holders) > 1:
        return base
    return {"say": "says", "deny": "denies", "dispute": "disputes", "report": "reports",
            "hedge": "hedges", "state": "states"}[base]


def _join(holders: Sequence[_Holder]) -> str:
    return _join_names([h.name for h in holders])


def _join_names(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _citations(items: Sequence[Report | Citation]) -> tuple[Citation, ...]:
    seen: list[Citation] = []
    for item in items:
        cite = item if isinstance(item, Citation) else Citation(item.article_id, item.start,
                                                                 item.end)
        if cite not in seen:
            seen.append(cite)
    return tuple(seen)
