"""The cited summary: five to ten sentences that tell a story and its disputes.

Nothing is written freely. Each sentence is a fixed connective template filled with a claim's
own report words and the canonical names of the actors who hold positions on it, and it cites
the exact spans it was built from. Contested claims are always told as "X says ...; Y denies
it", never as fact.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from counterpoint.claims.wording import tidy_claim_text
from counterpoint.model import (
    Article,
    Citation,
    Claim,
    Cue,
    Discrepancy,
    Entity,
    Quote,
    Report,
    SummarySentence,
)

__all__ = ["summarize", "summarize_with_discrepancies", "TEMPLATE_WORDS", "MAX_SENTENCES"]

MAX_SENTENCES = 10
MIN_SENTENCES = 5
MAX_CLAIM_WORDS = 32
MAX_NAMES = 3
HEDGE_RE = re.compile(
    r"(?i)\b(?:(?:allegedly|so-called|purportedly|reportedly|supposedly|apparently)\s+"
    # "alleged"/"purported" as verbs ("what X alleged was a strike") carry the attribution
    r"|(?:alleged|purported)\s+(?!(?:was|were|is|are|that|to|had|has|have)\b))"
)
UNNAMED = "an unnamed source"
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "their"}

#: Every word the templates add; the rest of a sentence comes from cited spans and names.
TEMPLATE_WORDS = frozenset(
    "says say said deny denies it dispute disputes cannot be confirmed only one outlet outlets "
    "report reports and the on differ order of events numbers damage place other sequence "
    "number versus while a an states state its own voice in their unnamed source time facts "
    "numbers same".split()
)

_KIND_WORDS = {
    "sequence": "the order of events", "number": "the numbers", "damage": "the damage",
    "place": "the place", "time": "the time", "other": "the facts",
}


def summarize(
    articles: Sequence[Article],
    claims: Sequence[Claim],
    quotes: Sequence[Quote],
    entities: Sequence[Entity],
) -> tuple[SummarySentence, ...]:
    """Five to ten cited sentences (fewer only when the story has fewer claims).

    Claims are told in order of weight: the most widely carried claim first, then contested,
    unverified and single-source claims, then the remaining agreed facts.
    """
    return summarize_with_discrepancies(articles, claims, quotes, entities, ())


def summarize_with_discrepancies(
    articles: Sequence[Article],
    claims: Sequence[Claim],
    quotes: Sequence[Quote],
    entities: Sequence[Entity],
    discrepancies: Sequence[Discrepancy],
) -> tuple[SummarySentence, ...]:
    """Like :func:`summarize`, with one sentence per disagreement between outlets added."""
    outlets = {a.id: a.outlet for a in articles}
    cues = {q.id: q.cue for q in quotes if q.cue is not None}
    sentences: list[SummarySentence] = []
    seen_texts: set[str] = set()
    for claim in _ordered(claims):
        sentence = _claim_sentence(claim, outlets, cues)
        if sentence is None or sentence.text in seen_texts:
            continue
        seen_texts.add(sentence.text)
        sentences.append(sentence)
        if len(sentences) >= MAX_SENTENCES - min(2, len(discrepancies)):
            break
    for disc in discrepancies[:2]:
        if len(sentences) < MAX_SENTENCES:
            sentences.append(_discrepancy_sentence(disc))
    return tuple(sentences)


def _ordered(claims: Sequence[Claim]) -> list[Claim]:
    """Lead claim (most outlets), then by status weight and reach."""
    if not claims:
        return []
    rank = {"contested": 0, "unverified": 1, "single_source": 2, "consensus": 3}
    lead = max(claims, key=lambda c: (c.outlet_count, len(c.reports)))
    rest = [c for c in claims if c is not lead]
    multi = [c for c in rest if c.outlet_count > 1 or c.status != "single_source"]
    multi.sort(key=lambda c: (rank[c.status], -c.outlet_count, -len(c.reports)))
    single = [c for c in rest if c not in multi and _has_named_source(c)]
    ordered = [lead, *multi[: MAX_SENTENCES - 2], *single]
    if len(ordered) < MIN_SENTENCES:
        ordered += [c for c in rest if c not in ordered]
    return ordered


def _has_named_source(claim: Claim) -> bool:
    return any(_usable_name(p.name) for p in claim.positions)


def _usable_name(name: str | None) -> bool:
    return bool(name) and name.lower() not in PRONOUNS and name != "unnamed source"  # type: ignore[union-attr]


def _claim_sentence(
    claim: Claim, outlets: dict[str, str | None], cues: Mapping[str, Cue]
) -> SummarySentence | None:
    rep = _representative(claim)
    if rep is None or rep.text.split(" ", 1)[0].lower() in ("which", "who", "whom", "whose"):
        return None
    words = _claim_words(rep)
    cites: list[Report] = [rep]
    roles = {
        s: _actors(claim, s, outlets) for s in ("asserts", "denies", "disputes", "cannot_confirm")
    }
    for names_reports in roles.values():
        cites.extend(r for _, r in names_reports)
    dissent = {n for stance in ("denies", "disputes") for n, _ in roles[stance]}
    # an actor on both sides is told once, by its dissent (the sharper statement)
    roles["asserts"] = [(n, r) for n, r in roles["asserts"] if n not in dissent]
    backers = [n for n, _ in roles["asserts"]]
    own_role = next(
        (stance for stance, holders in roles.items() if any(r is rep for _, r in holders)), None
    )
    if not backers and own_role is not None:
        # the claim's wording comes from someone who contests it: let them say it
        name = next(n for n, r in roles[own_role] if r is rep)
        backers = [name]
        roles[own_role] = [(n, r) for n, r in roles[own_role] if r is not rep]
    cue = _control_cue(rep, cues)
    if cue is not None and own_role is not None:
        # "Ukraine of attempting ..." hangs on its verb: "Russia accused Ukraine of ..."
        speaker = next((n for n, r in roles[own_role] if r is rep), None) or _source_name(rep)
        others = [b for b in backers if b != speaker]
        parts = [f"{speaker} {cue.text} {words}"]
        if others:
            parts.append(f"{_join(others)} {_verb('say', others)} the same")
        cites.append(Report(rep.article_id, cue.start, rep.end, "", rep.voice, None, None,
                            rep.stance, ()))
    else:
        lead = _lead(claim, backers, rep, outlets)
        if own_role == "cannot_confirm" and not roles["asserts"]:
            lead += " it cannot be confirmed"
        parts = [f"{lead}: {words}"]
    if roles["denies"]:
        parts.append(f"{_join([n for n, _ in roles['denies']])} {_verb('deny', roles['denies'])} it")
    if roles["disputes"]:
        disputers = [n for n, _ in roles["disputes"]]
        parts.append(f"{_join(disputers)} {_verb('dispute', roles['disputes'])} it")
    if roles["cannot_confirm"]:
        names = [n for n, _ in roles["cannot_confirm"]]
        parts.append(f"{_join(names)} {_verb('say', roles['cannot_confirm'])} it cannot be confirmed")
    text = "; ".join(parts) + "."
    return SummarySentence(text, _citations(cites))


def _source_name(rep: Report) -> str:
    name = rep.source.name if rep.source is not None else None
    return name if _usable_name(name) else UNNAMED  # type: ignore[return-value]


def _control_cue(rep: Report, cues: Mapping[str, Cue]) -> Cue | None:
    """The cue verb a report's words hang on as its object ("accused | Ukraine of ..."):
    a one-word cue right before the report, and an "of"/"for" within the first words."""
    cue = cues.get(rep.quote_id or "")
    if cue is None or " " in cue.text.strip() or not 0 < rep.start - cue.end <= 1:
        return None
    head = rep.text.split()[:6]
    return cue if any(w in ("of", "for") for w in head[1:]) else None


def _lead(claim: Claim, backers: list[str], rep: Report, outlets: dict[str, str | None]) -> str:
    """Who the claim is told by: named backers, else the outlets that carry it."""
    if backers:
        pairs = [(b, None) for b in backers]
        return f"{_join(backers)} {_verb('say', pairs)}"
    carrying = {r.article_id for r in claim.reports if r.stance in ("asserts", "reports")}
    if len(carrying) > 1:
        return f"{len(carrying)} outlets report"
    name = outlets.get(rep.article_id)
    return f"{name} reports" if name else "One outlet reports"


def _verb(base: str, holders: Sequence[object]) -> str:
    if len(holders) > 1:
        return base
    return {"say": "says", "deny": "denies", "dispute": "disputes"}[base]


def _actors(
    claim: Claim, stance: str, outlets: dict[str, str | None]
) -> list[tuple[str, Report]]:
    """Who holds this stance, each with the first report showing it: named actors, then an
    unnamed source, then (except for backers) outlets speaking in their own voice."""
    out: list[tuple[str, Report]] = []
    wanted = ("asserts", "reports") if stance == "asserts" else (stance,)
    for position in claim.positions:
        if position.stance not in wanted:
            continue
        name = position.name if _usable_name(position.name) else UNNAMED
        if all(name != n for n, _ in out):
            out.append((name, claim.reports[position.reports[0]]))
    if stance != "asserts":
        for report in claim.reports:
            name = outlets.get(report.article_id) or "one outlet"
            if report.voice == "own" and report.stance == stance and all(name != n for n, _ in out):
                out.append((name, report))
    return out[:MAX_NAMES]


def _representative(claim: Claim) -> Report | None:
    """The report the claim's wording came from, else its first asserting report."""
    for report in claim.reports:
        if _strip(report.text) == claim.text.rstrip():
            return report
    for report in claim.reports:
        if claim.text.endswith(_strip(report.text)[1:]):
            return report
    backing = [r for r in claim.reports if r.stance in ("asserts", "reports")]
    candidates = backing or list(claim.reports)
    return candidates[0] if candidates else None


def _strip(text: str) -> str:
    return tidy_claim_text(HEDGE_RE.sub("", text))


def _claim_words(report: Report) -> str:
    """The report's own words, hedges dropped, cut at a word boundary when long."""
    words = tidy_claim_text(HEDGE_RE.sub("", report.text), capitalise=False).split()
    cut = words[:MAX_CLAIM_WORDS]
    text = " ".join(cut).rstrip(".,;:")
    return text + (" …" if len(words) > MAX_CLAIM_WORDS else "")


def _join(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _citations(reports: Sequence[Report]) -> tuple[Citation, ...]:
    seen: list[Citation] = []
    for r in reports:
        cite = Citation(r.article_id, r.start, r.end)
        if cite not in seen:
            seen.append(cite)
    return tuple(seen)


def _discrepancy_sentence(disc: Discrepancy) -> SummarySentence:
    sides = "\" versus \"".join(s.text for s in disc.sides[:2])
    text = f"Outlets differ on {_KIND_WORDS[disc.kind]}: \"{sides}\"."
    return SummarySentence(text, tuple(Citation(s.article_id, s.start, s.end) for s in disc.sides))
