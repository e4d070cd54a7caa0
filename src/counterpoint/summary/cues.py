"""Report words told with the cue they hang on: "X denied | any involvement".

Part of :mod:`counterpoint.summary`. A report span is often its cue's object, with no verb of
its own ("the incident as ...", "any involvement"), or the content of a denial that the claims
stage files as backing the opposite claim ("denied that | any aircraft had crossed" backs "no
aircraft crossed"). Told after "X says:" such words make no sentence or say the opposite of
what X said; told with their cue verb (and the speaker's words right before it) they are the
source's own sentence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from counterpoint.model import Citation, Cue, Report, Speaker
from counterpoint.summary.discrepancies import QUOTE_MARKS
from counterpoint.summary.grammar import past_cue
from counterpoint.summary.order import BACKING
from counterpoint.summary.wording import NEGATED, Wording, named, wording

__all__ = ["CueWords", "told_words", "cue_lead", "cited", "denied_backing"]

DISSENT = ("denies", "disputes", "cannot_confirm")
#: What may stand between a cue and its object: nothing, "that", an opening quotation mark.
GAP = re.compile(r"\s*(?:that\s+)?[“\"«]?")


@dataclass(frozen=True)
class CueWords:
    """What the quotes stage says about the story's attributions: texts, cues, speakers."""

    texts: Mapping[str, str]
    cues: Mapping[str, Cue]
    speakers: Mapping[str, Speaker]


def told_words(report: Report, found: CueWords, limit: int, dissent: bool) -> Wording | None:
    """A report's words as a summary can tell them, or None. Words with no verb of their own
    and words a denying cue turned into backing are told with their cue ("X denied any
    involvement"); without a cue right before them they are not told, except by a dissenter
    when nobody backs the claim ("X denies any involvement", "X says it cannot be confirmed:
    the number of victims"): those templates take a noun."""
    cue = cue_lead(report, found)
    words = wording(report, limit)
    if words is None:
        if cue is None or (words := wording(report, limit, hangs_on_cue=True)) is None:
            return None
        return replace(words, cue=cue)
    flipped = denied_backing(report, found)
    if cue is not None and (flipped or not words.clause):
        return replace(words, cue=cue)
    if flipped or (not words.clause and not (dissent and report.stance in DISSENT)):
        return None
    return words


def denied_backing(report: Report, found: CueWords) -> bool:
    """The words are what a denying or doubting cue rejects, filed as backing the opposite
    claim ("denied that | any aircraft had crossed" backs "no aircraft crossed")."""
    said = found.cues.get(report.quote_id or "")
    return (report.stance in BACKING and said is not None
            and said.stance in ("denial", "doubt") and not NEGATED.search(report.text))


def cited(report: Report, found: CueWords) -> Report | Citation:
    """Where a report is cited: its words, with their denying cue when they are a denial
    filed as backing (a reader of "X says the same" sees "denied that any ..." there)."""
    if denied_backing(report, found) and (lead := cue_lead(report, found)) is not None:
        return Citation(report.article_id, lead[0], report.end)
    return report


def cue_lead(report: Report, found: CueWords) -> tuple[int, str] | None:
    """Where the cited span starts and the source words before the report's words: a
    one-word finite cue right before them ("denied", "accused", "defined"; a "that" may stand
    between), from the speaker's own words when those stand right before the cue ("The
    Kremlin defined")."""
    cue = found.cues.get(report.quote_id or "")
    text = found.texts.get(report.article_id, "")
    if cue is None or not past_cue(cue.text) or not 0 <= report.start - cue.end <= 8:
        return None
    if not GAP.fullmatch(text[cue.end:report.start]):
        return None
    start = cue.start
    speaker = found.speakers.get(report.quote_id or "")
    if (speaker is not None and speaker.start is not None and speaker.end is not None
            and text[speaker.end:cue.start].isspace() and named(text[speaker.start:speaker.end])
            and text[speaker.start:speaker.start + 1].isupper()):
        start = speaker.start
    lead = QUOTE_MARKS.sub("", re.sub(r"\s+", " ", text[start:report.start])).strip()
    return start, lead
