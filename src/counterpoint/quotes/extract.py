"""The quotes stage: every attribution in an article, verbatim, with its speaker.

Three passes over one parsed article: (1) each reporting cue with a valid
speaker yields an attribution whose content comes from the parse, widened to
whole quoted segments; (2) quoted sentences that follow an attribution in the
same paragraph ("...," he said. "...") join it; (3) a paragraph that only
continues a quotation from the paragraph before keeps that speaker. Quoted
text that no cue frames (headings, scare quotes) is left alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import cast

from spacy.tokens import Doc, Span, Token

from counterpoint.entities import entity_at
from counterpoint.model import Article, Cue, Entity, Quote, Speaker, Stance, make_id
from counterpoint.quotes.content import (adjacent_segment, char_span, content_tokens, loose_content, widen,
                                         within, without_comment)
from counterpoint.quotes.cues import CueMatch, Lexicon, find_cues, load_lexicon, open_cues
from counterpoint.quotes.edges import paragraph_around, paragraph_index, sentence_end
from counterpoint.quotes.frames import frame_hits
from counterpoint.quotes.layout import colon_attributions, dash_attributions
from counterpoint.quotes.marks import Segment, find_segments, paragraph_spans
from counterpoint.quotes.speakers import Resolved, is_speaker, resolve, speaker_tokens
from counterpoint.quotes.scorer import draft_features, load_scorer
from counterpoint.quotes.subjects import find_subject, named_after_quote, named_before
from counterpoint.quotes.validity import is_fragment, is_idle_content, reports_a_statement

__all__ = ["extract_quotes", "candidate_quotes", "Candidate"]

_MIN_ORPHAN_WORDS = 4
_MIN_INDIRECT_WORDS = 3
_RELATIVE_WORDS = {"which", "that", "what", "who", "whom"}
_MARKS = {'"', "“", "”", "«", "»", "„", "‘", "’", "''", "``"}


_Keep = Callable[[tuple[str, ...], bool], bool]  # (features, open cue) -> keep the candidate?


@dataclass(frozen=True)
class _Draft:
    """An attribution under construction (character offsets)."""

    start: int
    end: int
    cue: Cue | None
    speaker_start: int
    speaker_end: int
    resolved: Resolved
    tail: int
    features: tuple[str, ...] = ()
    open_cue: bool = False
    frames: tuple[tuple[int, int], ...] = ()  # reporter's words between joined quotations
    reach: int = 0  # end of the cue verb's own words ("told reporters", "said on Sunday")


def _inside_closed(offset: int, segments: tuple[Segment, ...]) -> bool:
    """True when ``offset`` lies within a properly opened and closed quotation."""
    return any(s.opened and s.closed and s.inner_start <= offset < s.inner_end for s in segments)


def _speaker_head(doc: Doc, cue: CueMatch, lexicon: Lexicon) -> Token | None:
    """The head token of the cue's speaker phrase, or None."""
    if doc[cue.start].lower_ == "according":
        objs = [c for c in doc[cue.end - 1].children if c.dep_ == "pobj"]
        return objs[0] if objs else None
    if doc[cue.anchor].pos_ == "NOUN":
        return next((c for c in doc[cue.anchor].children if c.dep_ == "poss"), None)
    head = find_subject(doc[cue.anchor], lexicon)
    if head is None or not is_speaker(head, lexicon):
        return named_after_quote(doc[cue.anchor], cue.end, lexicon) or named_before(doc[cue.anchor]) or head
    return head


def _draft(doc: Doc, text: str, cue: CueMatch, lexicon: Lexicon, segments: tuple[Segment, ...],
           quoted: list[tuple[int, int]], keep: _Keep, open_cue: bool = False) -> _Draft | None:
    """One attribution from one cue, or None when speaker or content is missing or ``keep``
    rejects its features (checked before the costly resolution of the speaker)."""
    if _inside_closed(doc[cue.anchor].idx, segments):
        return None
    if not reports_a_statement(doc, cue.anchor, lexicon.lemma(doc[cue.anchor])):
        return None
    head = _speaker_head(doc, cue, lexicon)
    if head is None or _inside_closed(head.idx, segments) or not is_speaker(head, lexicon):
        return None
    lo, hi = paragraph_around(text, doc[cue.anchor].idx)
    ids = within(doc, content_tokens(doc, cue, lexicon, segments), lo, hi)
    if ids and not any(doc[i].text in _MARKS for i in ids):
        ids = without_comment(doc, ids)
    s_start, s_end = speaker_tokens(head)
    while s_end - 1 > s_start and doc[s_end - 1].dep_ == "case":
        s_end -= 1  # a possessive source ("Roe's claim"): the name, not its "'s"
    ids -= set(range(s_start, s_end))
    cue_span = doc[cue.start : cue.end]
    speaker = doc[s_start:s_end]
    edges = (min(cue_span.start_char, speaker.start_char),
             max(cue_span.end_char, speaker.end_char, _verb_reach(doc, cue)))
    following = adjacent_segment(text, edges, segments, (lo, hi), after_only=True)
    preceding = any(seg.end <= edges[0] and not text[seg.end : edges[0]].strip(" ,:;—–-")
                    for seg in segments)
    if ids and following is not None and doc[min(ids)].idx < edges[0] and not preceding:
        ids = set()
    if ids and doc[min(ids)].idx >= cue_span.end_char and not any(doc[i].text in _MARKS for i in ids) \
            and _lead_quotation(text, edges[0], segments) and _adjoining(text, cue_span, speaker):
        ids = set()  # '"Absolutely not," he said of the plan': the quotation, not the topic
    loose: set[int] = set()  # a wider reading when the strict one finds nothing (scored, never kept by rules)
    if ids:
        start, end = char_span(doc, text, ids)
    else:
        edges = (min(cue_span.start_char, speaker.start_char), max(cue_span.end_char, speaker.end_char))
        seg = adjacent_segment(text, edges, segments, (lo, hi)) \
            or (following if following is not None and _is_statement(text, following) else None) \
            or _opening_next_paragraph(text, edges[1], hi, segments)
        loose = within(doc, loose_content(doc, cue, lexicon), lo, hi) if seg is None else set()
        if seg is None and not loose:
            return None
        start, end = (seg.start, seg.end) if seg is not None else char_span(doc, text, loose)
    start, end = widen(start, end, segments, (cue_span.start_char, speaker.start_char))
    end = _quotation_before_cue(text, (start, end), (min(cue_span.start_char, speaker.start_char),
                                                      max(cue_span.end_char, speaker.end_char, _verb_reach(doc, cue))),
                                segments)
    if start <= speaker.start_char < end and not any(start <= s.start < end for s in segments):
        region = (min(cue_span.start_char, speaker.start_char), max(cue_span.end_char, speaker.end_char))
        if not _parenthetical(text, region) and doc[cue.start].lower_ != "according" \
                and not _relative_frame(text, start, speaker.start_char):
            return None
    if not any(ch.isalnum() for ch in text[start:end]) or _truncated(doc, start, end, segments):
        return None
    if not any(start <= s.start < end for s in segments) and (
            is_fragment(doc, start, end) or is_idle_content(doc, cue.anchor, start, end, cue.stance)):
        return None
    doubts = _doubts(doc, text, cue, lexicon, (start, end), segments) + (("rule=loose",) if loose else ())
    cue_rec = Cue(cue_span.start_char, cue_span.end_char, cue_span.text, cue.stance)
    features = draft_features(doc, text, cue, lexicon, head, (start, end), segments, open_cue) + doubts
    if not keep(features, open_cue):
        return None
    resolved = resolve(head, lexicon, quoted)
    if resolved is None:
        return None
    tail = sentence_end(doc, max(end, cue_span.end_char, speaker.end_char), hi)
    return _Draft(start, end, cue_rec, speaker.start_char, speaker.end_char, resolved, tail,
                  features, open_cue, reach=_verb_reach(doc, cue))


def _doubts(doc: Doc, text: str, cue: CueMatch, lexicon: Lexicon, span: tuple[int, int],
            segments: tuple[Segment, ...]) -> tuple[str, ...]:
    """What the rules hold against content that may still be a statement: a short bare
    object of a neutral verb ("discussed the matter"). Without the scorer this rejects the
    candidate; with it, it is a feature the scorer weighs. (Content with no word that
    carries a proposition, or an idle object, is always rejected: see ``validity``.)"""
    lemma = lexicon.lemma(doc[cue.anchor])
    if cue.stance == "neutral" and lemma not in lexicon.complement_verbs and _too_short(text, *span, segments):
        return ("rule=short",)
    return ()


def _adjoining(text: str, cue: Span, speaker: Span) -> bool:
    """True when the speaker and the cue stand side by side ("he said", "said Ms. Roe")."""
    first, second = sorted(((cue.start_char, cue.end_char), (speaker.start_char, speaker.end_char)))
    return not text[first[1] : second[0]].strip()


def _lead_quotation(text: str, offset: int, segments: tuple[Segment, ...]) -> bool:
    """True when a quotation whose words end in a comma stands right before ``offset`` on
    the same line: the sentence goes on into its attribution ('"Absolutely not," he said')."""
    return any(seg.end <= offset and not text[seg.end : offset].strip(" ")
               and text[seg.inner_start : seg.inner_end].rstrip()[-1:] == ","
               for seg in segments if seg.closed)


def _quotation_before_cue(text: str, span: tuple[int, int], frame: tuple[int, int],
                          segments: tuple[Segment, ...]) -> int:
    """The content's end: a quotation right before the cue and speaker (``frame``) ends it
    ('"...," said the woman, who ...', '"...," he said as the crowd booed') unless another
    quotation follows them at once ('"A," he said, "B."', one statement). A misparse can otherwise
    run the content over the cue and speaker."""
    start, end = span
    if not start < frame[0] < end or any(frame[1] <= s.start < end and not text[frame[1] : s.start].strip(" ,:;—–-")
                                          for s in segments):
        return end
    before = [s for s in segments if start <= s.start and s.end <= frame[0]
              and not text[s.end : frame[0]].strip(" ,")]
    return before[-1].end if before else end


def _opening_next_paragraph(text: str, offset: int, para_end: int,
                            segments: tuple[Segment, ...]) -> Segment | None:
    """The quotation opening the next paragraph when the cue's paragraph ends with a colon
    right after the cue ("Lund continued:" / new paragraph / a quotation)."""
    if text[offset:para_end].strip() != ":":
        return None
    nxt = para_end
    while nxt < len(text) and text[nxt].isspace():
        nxt += 1
    return next((seg for seg in segments if seg.start == nxt and seg.opened), None)


def _verb_reach(doc: Doc, cue: CueMatch) -> int:
    """End of the cue verb's own modifiers after it ("said last week in Tel Aviv"), up to
    the first quotation mark or clause."""
    verb = doc[cue.anchor]
    inside = {t.i for t in verb.subtree}
    end = doc[cue.end - 1].idx + len(doc[cue.end - 1].text)
    for token in doc[cue.end : min(len(doc), cue.end + 12)]:
        if token.i not in inside or token.text in _MARKS or token.dep_ in ("ccomp", "xcomp"):
            break
        if not token.is_punct:
            end = token.idx + len(token.text)
    return end


def _too_short(text: str, start: int, end: int, segments: tuple[Segment, ...]) -> bool:
    """True for a bare object of a neutral verb ("discussed the matter"): no statement in it.
    Stance cues keep short objects ("denied the claims" is a position)."""
    if any(start <= seg.start < end for seg in segments):
        return False
    return len(text[start:end].split()) < _MIN_INDIRECT_WORDS


def _truncated(doc: Doc, start: int, end: int, segments: tuple[Segment, ...]) -> bool:
    """True for unquoted content cut off by a misparse ("that the two drones were")."""
    if any(start <= seg.start < end for seg in segments):
        return False
    last = doc.char_span(end - 1, end, alignment_mode="expand")
    return last is not None and last[-1].pos_ == "AUX"


def _relative_frame(text: str, start: int, speaker_start: int) -> bool:
    """True when the content opens with a relative word right before the speaker ("which
    officials said will take effect", "what critics say is a sign"): the relative word
    stands for what is reported, so the speaker and cue sit inside the content, as
    PolNeAR annotates it."""
    return text[start:speaker_start].strip().lower() in _RELATIVE_WORDS


def _parenthetical(text: str, region: tuple[int, int]) -> bool:
    """True when the cue and speaker stand between commas (", he said,")."""
    return text[: region[0]].rstrip().endswith(",") and text[region[1] :].lstrip().startswith(",")


def _covered(seg: Segment, drafts: list[_Draft]) -> bool:
    """True when ``seg`` overlaps the content of some draft."""
    return any(d.start < seg.end and seg.start < d.end for d in drafts)


def _joinable(gap: str) -> bool:
    """True when the text between two quotations is only punctuation or a short link word."""
    words = gap.strip(" ,;:—–-").split()
    return not words or (len(words) <= 2 and gap.islower())


def _own_cue_follows(text: str, seg: Segment, cue_offsets: list[int]) -> bool:
    """True when a cue stands right after ``seg`` in its sentence ('"...," warned X')."""
    stop = len(text)
    for mark in (".", "\n", "“", '"'):
        found = text.find(mark, seg.end)
        if found >= 0:
            stop = min(stop, found)
    return any(seg.end <= c < stop for c in cue_offsets)


def _continue_in_paragraph(text: str, drafts: list[_Draft], segments: tuple[Segment, ...],
                           paragraphs: list[tuple[int, int]], cue_offsets: list[int]) -> list[_Draft]:
    """Join quotations that continue an attribution in its paragraph.

    Both ``"A," she said, "B."`` (the next mark follows the speaker and cue) and
    ``"A," she said. "B."`` (the next sentence is a quotation with no cue of its own).
    """
    out: list[_Draft] = []
    for draft in drafts:
        if draft.start < draft.end:
            quoted = _has_segment(draft, segments)
            draft = _extend(text, draft, drafts, segments, paragraphs, cue_offsets, quoted)
        out.append(draft)
    return out


def _extend(text: str, draft: _Draft, drafts: list[_Draft], segments: tuple[Segment, ...],
            paragraphs: list[tuple[int, int]], cue_offsets: list[int], quoted: bool) -> _Draft:
    """``draft`` grown over the quotations that continue it. An indirect attribution
    ("She said the plan would fail.") takes the quoted sentences right after it that no
    other cue claims ("'We will fight it.'"), as PolNeAR annotates it."""
    para = paragraph_index(draft.start, paragraphs)
    pointer = max(draft.end, draft.speaker_end, draft.cue.end if draft.cue else 0)
    reached = draft.reach > pointer and not any(pointer <= s.start < draft.reach for s in segments)
    if reached:
        # '"A," she told the host, "B."': the cue's own object is no gap, and no quoted words
        draft = replace(draft, frames=draft.frames + ((pointer, draft.reach),))
        pointer = draft.reach
    tail = max(draft.tail, pointer)
    for seg in segments:
        if seg.start < pointer or paragraph_index(seg.start, paragraphs) != para:
            continue
        gap = text[pointer : seg.start]
        # after the verb's own words only a comma or colon hands over ('said on the show "Hour"')
        adjacent = not gap.strip(" ,:;—–-") and (not reached or any(c in gap for c in ",:"))
        follows = seg.start >= tail and _joinable(text[tail : seg.start])
        if not quoted:
            adjacent = False
            follows = follows and _is_statement(text, seg)
        resumes = quoted and _resumes(text, pointer, seg)
        if not (adjacent or follows or resumes) and seg.end <= tail and quoted:
            continue  # a title in the attribution's own sentence ('he said on "Meet the Press."')
        if not (adjacent or follows or resumes) or _covered(seg, drafts):
            break
        if _own_cue_follows(text, seg, cue_offsets):
            break
        frames = draft.frames + ((pointer, seg.start),) if quoted else draft.frames
        draft = replace(draft, end=seg.end, tail=seg.end, frames=frames)
        pointer = tail = seg.end
    return draft


def _resumes(text: str, pointer: int, seg: Segment) -> bool:
    """True when ``seg`` resumes a sentence that the speaker's description interrupted
    ('"The risk," said Edward Leamer, an economist at the forecast, "is that ..."'): the
    gap is one comma-bounded phrase and the quotation opens in lower case."""
    gap = text[pointer : seg.start]
    inner = text[seg.inner_start : seg.inner_end].lstrip()
    if not gap.startswith(",") or not gap.rstrip().endswith(",") or not inner[:1].islower():
        return False
    return len(gap.split()) <= 25 and not any(ch in gap for ch in '.!?"“”«»\n')


def _has_segment(draft: _Draft, segments: tuple[Segment, ...]) -> bool:
    """True when the draft's content holds quoted text."""
    return any(draft.start <= s.start and s.end <= draft.end for s in segments)


def _is_statement(text: str, seg: Segment) -> bool:
    """True when a quoted segment reads as speech (several words, ends a sentence)."""
    inner = text[seg.inner_start : seg.inner_end]
    ends = text[seg.inner_end - 1 : seg.end + 1] if seg.inner_end else ""
    return len(inner.split()) >= _MIN_ORPHAN_WORDS and any(ch in ".?!…" for ch in ends)


def _continue_paragraphs(text: str, drafts: list[_Draft], segments: tuple[Segment, ...],
                         paragraphs: list[tuple[int, int]]) -> list[_Draft]:
    """A paragraph that opens with a quotation nobody else claims keeps the last speaker."""
    added: list[_Draft] = []
    for seg in segments:
        para = paragraph_index(seg.start, paragraphs)
        if para < 1 or text[paragraphs[para][0] : seg.start].strip():
            continue
        if _covered(seg, drafts + added) or not _is_statement(text, seg):
            continue
        prev = [d for d in drafts + added if paragraph_index(d.start, paragraphs) == para - 1]
        if not prev or not _has_segment(prev[-1], segments):
            continue
        last = prev[-1]
        added.append(replace(last, start=seg.start, end=seg.end, cue=None, tail=seg.end))
    return _merge_continuations(text, sorted(drafts + added, key=lambda d: d.start))


def _next_paragraph(gap: str) -> bool:
    """True when ``gap`` only finishes one paragraph and opens the next (no line between)."""
    lines = gap.split("\n")
    return len(lines) > 1 and not "".join(lines[1:]).strip()


def _merge_continuations(text: str, drafts: list[_Draft]) -> list[_Draft]:
    """One attribution per quotation: a continuation paragraph (no cue, same speaker
    mention) extends the attribution it continues, as PolNeAR annotates it."""
    out: list[_Draft] = []
    for draft in drafts:
        prev = out[-1] if out else None
        if draft.cue is None and prev is not None and prev.speaker_start == draft.speaker_start \
                and prev.end <= draft.start and _next_paragraph(text[prev.end : draft.start]):
            out[-1] = replace(prev, end=draft.end, tail=draft.end)
        else:
            out.append(draft)
    return out


def _colon_drafts(doc: Doc, text: str, drafts: list[_Draft], segments: tuple[Segment, ...],
                  lexicon: Lexicon, quoted: list[tuple[int, int]]) -> list[_Draft]:
    """A quotation introduced by a colon after a clause whose subject can speak
    ("Solvik addressed the nation: "...""), when no cue already claims it."""
    out: list[_Draft] = []
    for seg in segments:
        before = text[: seg.start].rstrip()
        if not before.endswith(":") or _covered(seg, drafts + out):
            continue
        colon = doc.char_span(len(before) - 1, len(before))
        if colon is None or colon.start == 0:
            continue
        head = _colon_source(doc, colon.start, lexicon)
        if head is None or not is_speaker(head, lexicon) or _inside_closed(head.idx, segments):
            continue
        resolved = resolve(head, lexicon, quoted)
        if resolved is None or resolved.name is None:
            continue
        s_start, s_end = speaker_tokens(head)
        speaker = doc[s_start:s_end]
        cue = Cue(colon.start_char, colon.end_char, ":", "neutral")
        out.append(_Draft(seg.start, seg.end, cue, speaker.start_char, speaker.end_char,
                          resolved, seg.end))
    return out


def _frame_drafts(doc: Doc, text: str, drafts: list[_Draft], segments: tuple[Segment, ...],
                  lexicon: Lexicon, quoted: list[tuple[int, int]], scored: set[int]) -> list[_Draft]:
    """Quotations whose speaker frame the parse missed ('"...?" asked the boy'), read from
    the word order around them (see :mod:`frames`), when no cue claims them and the
    scorer has not already judged their verb."""
    out: list[_Draft] = []
    for hit in frame_hits(doc, text, segments, lexicon):
        head = hit.head
        if hit.verb in scored or _covered(hit.segment, drafts + out) or _inside_closed(head.idx, segments):
            continue
        if not (is_speaker(head, lexicon) or head.pos_ == "NOUN"):
            continue  # a common noun right before or after the verb is its speaker in this frame
        resolved = resolve(head, lexicon, quoted)
        if resolved is None:
            continue
        verb = doc[hit.verb]
        speaker = doc[hit.speaker[0] : hit.speaker[1]]
        cue = Cue(verb.idx, verb.idx + len(verb.text), verb.text,
                  cast(Stance, lexicon.verbs.get(lexicon.lemma(verb), "neutral")))
        _, hi = paragraph_around(text, verb.idx)
        tail = sentence_end(doc, max(cue.end, speaker.end_char), hi)
        out.append(_Draft(hit.segment.start, hit.segment.end, cue, speaker.start_char, speaker.end_char,
                          resolved, tail))
    return out


def _colon_source(doc: Doc, colon: int, lexicon: Lexicon) -> Token | None:
    """The speaker of a quotation introduced by the colon at token ``colon``: the subject of
    the clause that ends at the colon ("McConnell delivered a blunt message to Trump:"), even
    when the parser hangs that clause on the quotation's verb; for a verbless lead-in
    ("Continued Stone:", "More from Jones:") the name right before the colon."""
    last = doc[colon - 1]
    top = last
    while top.head.i != top.i and top.head.i < colon:
        top = top.head
    if top.pos_ in ("VERB", "AUX"):
        return find_subject(top, lexicon)
    if last.pos_ == "PROPN" and last.ent_type_ in ("PERSON", "ORG") and not any(
            t.pos_ in ("VERB", "AUX") for t in top.subtree if t.i < colon and t.dep_ != "amod"):
        return last
    return None


def _layout_drafts(doc: Doc, text: str, drafts: list[_Draft], lines: list[tuple[int, int]],
                   segments: tuple[Segment, ...]) -> list[_Draft]:
    """Headline/transcript colons and dash signatures not already found by a cue."""
    out: list[_Draft] = []
    hits = colon_attributions(doc, text, lines) + dash_attributions(doc, text, lines)
    for hit in hits:
        start, end = hit.content
        signed = text[hit.cue[0] : hit.cue[1]] != ":"  # a dash signs everything before it on the line
        for seg in segments:
            if start <= seg.start <= start + 2 and seg.closed and not signed:
                end = seg.end
                break
        if any(d.start < end and start < d.end for d in drafts + out):
            continue
        cue = Cue(hit.cue[0], hit.cue[1], text[hit.cue[0] : hit.cue[1]], "neutral")
        resolved = Resolved(hit.speaker[0], hit.speaker[1], hit.name)
        out.append(_Draft(start, end, cue, hit.speaker[0], hit.speaker[1], resolved, end))
    return out


def _entity_for(article: Article, resolved: Resolved, entities: Sequence[Entity]) -> Entity | None:
    """The story entity with a mention overlapping the last word of the resolved antecedent:
    its head. "Russia's presidential press service" is the press service, not Russia."""
    if resolved.start is None or resolved.end is None:
        return None
    words = article.text[resolved.start : resolved.end].rstrip()
    head_start = resolved.start + max(words.rfind(" "), words.rfind("\n")) + 1
    return entity_at(entities, article.id, head_start, resolved.start + len(words))


def _kind(text: str, draft: _Draft, quoted: tuple[tuple[int, int], ...]) -> str:
    """direct / partial / indirect, from how much of the content stands in marks."""
    if not quoted:
        return "indirect"
    chars = list(text[draft.start : draft.end])
    holes = list(quoted) + list(draft.frames) + [(draft.speaker_start, draft.speaker_end)]
    if draft.cue is not None:
        holes.append((draft.cue.start, draft.cue.end))
        if draft.start < draft.cue.start:  # the speaker in the middle: "she told the host,"
            holes.append((draft.cue.end, draft.reach))
    for lo, hi in holes:
        for i in range(max(lo, draft.start), min(hi, draft.end)):
            chars[i - draft.start] = " "
    rest = "".join(chars).split()
    return "direct" if not any(any(c.isalnum() for c in w) for w in rest) else "partial"


def _to_quote(article: Article, draft: _Draft, segments: tuple[Segment, ...],
              entities: Sequence[Entity]) -> Quote:
    """The public record for one draft."""
    text = article.text
    quoted = tuple((max(s.inner_start, draft.start), min(s.inner_end, draft.end)) for s in segments
                   if s.inner_start < draft.end and draft.start < s.inner_end
                   and not any(lo <= s.start and s.end <= hi for lo, hi in draft.frames))
    entity = _entity_for(article, draft.resolved, entities)
    name = entity.name if entity is not None else draft.resolved.name
    speaker = Speaker(draft.speaker_start, draft.speaker_end, entity.id if entity else None, name)
    return Quote(
        id=make_id("q", article.id, draft.start, draft.end),
        article_id=article.id,
        start=draft.start,
        end=draft.end,
        text=text[draft.start : draft.end],
        quoted=quoted,
        kind=_kind(text, draft, quoted),  # type: ignore[arg-type]
        cue=draft.cue,
        speaker=speaker,
    )


def _unique(drafts: list[_Draft]) -> list[_Draft]:
    """Drop attributions with the same content span as an earlier one, and those nested
    in another attribution of the same speaker mention ("called to recognise X")."""
    seen: set[tuple[int, int]] = set()
    out: list[_Draft] = []
    for draft in drafts:
        nested = any(o is not draft and o.speaker_start == draft.speaker_start
                     and o.start <= draft.start and draft.end <= o.end
                     and (o.start, o.end) != (draft.start, draft.end) for o in drafts)
        if (draft.start, draft.end) not in seen and not nested:
            seen.add((draft.start, draft.end))
            out.append(draft)
    return out


def _drafts(doc: Doc, text: str, segments: tuple[Segment, ...], keep: _Keep, with_open: bool) -> list[_Draft]:
    """The attributions of one parsed text: cue drafts that ``keep`` accepts (with candidates
    from open cues when ``with_open``), then colon, layout and continuation passes."""
    lexicon = load_lexicon()
    quoted = [(s.inner_start, s.inner_end) for s in segments if s.opened and s.closed]
    cues = find_cues(doc, lexicon)
    candidates = [(c, False) for c in cues]
    if with_open:
        candidates += [(c, True) for c in open_cues(doc, lexicon, cues)]
    scored: set[int] = set()  # cue verbs the scorer judged: its verdict stands

    def judged(anchor: int) -> _Keep:
        def verdict(features: tuple[str, ...], open_cue: bool) -> bool:
            scored.add(anchor)
            return keep(features, open_cue)
        return verdict

    drafts = [d for d in (_draft(doc, text, c, lexicon, segments, quoted, judged(c.anchor), o)
                          for c, o in candidates) if d is not None]
    drafts += _colon_drafts(doc, text, drafts, segments, lexicon, quoted)
    drafts += _frame_drafts(doc, text, drafts, segments, lexicon, quoted, scored)
    paragraphs = paragraph_spans(text)
    cue_offsets = [doc[c.anchor].idx for c in cues] + [d.cue.start for d in drafts if d.open_cue and d.cue]
    drafts = _continue_in_paragraph(text, _unique(sorted(drafts, key=lambda d: d.start)),
                                    segments, paragraphs, cue_offsets)
    return _unique(_continue_paragraphs(text, drafts + _layout_drafts(doc, text, drafts, paragraphs, segments),
                                        segments, paragraphs))


def extract_quotes(article: Article, doc: Doc, entities: Sequence[Entity] = ()) -> tuple[Quote, ...]:
    """Every attribution in ``article`` (parsed as ``doc``), in text order.

    ``entities`` are the story's merged entities; when one has a mention
    overlapping a speaker's resolved antecedent, the speaker carries its id and
    canonical name. Candidates from cues are kept when the packaged scorer
    accepts them (see :mod:`scorer`); without its data file, lexicon cues only.
    Never raises on odd typography: unpaired marks are bounded by their paragraph.
    """
    scorer = load_scorer()

    def keep(features: tuple[str, ...], open_cue: bool) -> bool:
        if scorer is None:
            return not open_cue and not any(f.startswith("rule=") for f in features)
        return scorer.keep(features, open_cue)

    segments = find_segments(article.text)
    drafts = _drafts(doc, article.text, segments, keep, with_open=scorer is not None)
    return tuple(_to_quote(article, d, segments, entities) for d in drafts)


@dataclass(frozen=True)
class Candidate:
    """A candidate attribution before scoring (what the scorer is trained on): the quote
    as the rules read it, its scorer features and whether its cue is an open one. Colon
    and layout attributions carry no features: they are not scored."""

    quote: Quote
    features: tuple[str, ...]
    open_cue: bool


def candidate_quotes(article: Article, doc: Doc) -> list[Candidate]:
    """Every candidate attribution before scoring: what
    ``benchmarks/train_quotes_scorer.py`` learns from."""
    segments = find_segments(article.text)
    drafts = _drafts(doc, article.text, segments, lambda features, open_cue: True, with_open=True)
    return [Candidate(_to_quote(article, d, segments, ()), d.features, d.open_cue) for d in drafts]
