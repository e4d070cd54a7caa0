"""Statements a fronted poll or study sources: "In the latest Post-ABC poll, Clinton leads
Trump by 5 points."

The prepositional phrase does what "according to the poll" does: the clause it opens is
what the poll reports, and the poll is its source. Only a phrase that opens its sentence,
is set off by a comma and names a body of figures (the lexicon's ``source_nouns``: a poll,
survey, study, report, count or forecast) counts; when the clause has a reporting verb of its own ("In the poll, 40 percent
said ..."), that verb speaks and the phrase only says where. The same phrase closing its
sentence ("Roe holds a growing lead in the latest poll.") sources the main clause before it,
when it hangs on that clause's verb or on a word right under it. A phrase inside a quotation
is the quoted speaker's, never a report of the writer's.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from counterpoint.model import Cue
from counterpoint.quotes.cues import Lexicon
from counterpoint.quotes.doccache import tokens
from counterpoint.quotes.draft import Draft
from counterpoint.quotes.edges import paragraph_around, sentence_end
from counterpoint.quotes.resolution import resolve
from counterpoint.quotes.spans import char_span
from counterpoint.quotes.speakers import speaker_tokens

__all__ = ["PollHit", "poll_drafts", "poll_statements"]


@dataclass(frozen=True)
class PollHit:
    """A poll-sourced statement: the phrase's preposition, the poll's head noun and the
    clause's tokens (the phrase left out)."""

    marker: Token
    source: Token
    content: set[int]


def poll_statements(doc: Doc, lexicon: Lexicon) -> list[PollHit]:
    """Every sentence that opens with "In <a poll, survey, study ...>," and a clause, or
    that closes with " in <a poll ...>." after one."""
    hits = []
    for sent in doc.sents:
        first = next((t for t in sent if not (t.is_space or t.is_punct)), None)
        closing = _closing_phrase(sent, lexicon)
        if closing is not None:
            hits.append(closing)
            continue
        if first is None or first.lower_ != "in" or first.dep_ != "prep":
            continue
        source = next((c for c in first.children if c.dep_ == "pobj"), None)
        clause = first.head
        if source is None or source.lemma_.lower() not in lexicon.source_nouns or clause.pos_ not in ("VERB", "AUX"):
            continue
        phrase_end = max(t.i for t in first.subtree)
        if phrase_end + 1 >= sent.end or doc[phrase_end + 1].text != ",":
            continue
        if _reports(clause, lexicon):
            continue
        content = {t.i for t in clause.subtree if t.i > phrase_end + 1 and not t.is_space}
        if content:
            hits.append(PollHit(first, source, content))
    return hits


def _closing_phrase(sent: Span, lexicon: Lexicon) -> PollHit | None:
    """"Roe leads Berg by 9 points in the latest Harbour poll.": a phrase naming a poll
    that closes the sentence sources the main clause before it, when it hangs on that
    clause's verb or on a word right under it ("holds a growing lead in the latest poll")."""
    words = [t for t in tokens(sent.doc)[sent.start : sent.end] if not (t.is_space or t.is_punct)]
    marker = next((t for t in reversed(words) if t.lower_ == "in" and t.dep_ == "prep"), None)
    root = sent.root
    if marker is None or root.pos_ not in ("VERB", "AUX") or root not in (marker.head, marker.head.head):
        return None
    source = next((c for c in marker.children if c.dep_ == "pobj"), None)
    if source is None or source.lemma_.lower() not in lexicon.source_nouns or _reports(root, lexicon):
        return None
    if max(t.i for t in marker.subtree) != words[-1].i or not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children):
        return None
    content = {t.i for t in root.subtree if t.i < marker.i and not t.is_space}
    while content and sent.doc[max(content)].is_punct:
        content.discard(max(content))
    if any(sent.doc[i].is_quote for i in content):
        return None  # a quotation has a speaker of its own
    return PollHit(marker, source, content) if content else None


def _reports(clause: Token, lexicon: Lexicon) -> bool:
    """True when the clause's own verb reports ("40 percent said ..."): it is the cue."""
    return lexicon.lemma(clause) in lexicon.verbs


def poll_drafts(doc: Doc, text: str, drafts: list[Draft], lexicon: Lexicon,
                quoted: list[tuple[int, int]]) -> list[Draft]:
    """Attributions for the poll-sourced statements no other attribution overlaps."""
    out = []
    for hit in poll_statements(doc, lexicon):
        start, end = char_span(doc, text, hit.content)
        resolved = resolve(hit.source, lexicon, quoted)
        if end <= start or resolved is None or any(d.start < end and start < d.end for d in drafts):
            continue
        if any(lo <= hit.marker.idx < hi for lo, hi in quoted):
            continue  # inside a quotation: the speaker's words, not the writer's report
        s_start, s_end = speaker_tokens(hit.source)
        speaker = doc[s_start:s_end]
        cue = Cue(hit.marker.idx, hit.marker.idx + len(hit.marker.text), hit.marker.text, "neutral")
        tail = sentence_end(doc, end, paragraph_around(text, start)[1])
        out.append(Draft(start, end, cue, speaker.start_char, speaker.end_char, resolved, tail))
    return out
