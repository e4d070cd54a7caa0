"""The quotes stage: every attribution in an article, verbatim, with its speaker.

Three passes over one parsed article: (1) each reporting cue with a valid
speaker yields an attribution whose content comes from the parse, widened to
whole quoted segments; (2) quoted sentences that follow an attribution in the
same paragraph ("...," he said. "...") join it; (3) a paragraph that only
continues a quotation from the paragraph before keeps that speaker (passes 2
and 3 live in :mod:`continuation`). Colons, dash signatures and speaker frames
the parse missed (:mod:`layout`, :mod:`frames`) add what no cue found. Quoted
text that no cue frames (headings, scare quotes) is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from counterpoint.model import Article, Cue, Entity, Quote
from counterpoint.nlp import remember_text
from counterpoint.quotes.content import content_tokens, loose_content, without_comment, without_source
from counterpoint.quotes.continuation import continue_in_paragraph, continue_paragraphs, is_statement
from counterpoint.quotes.cues import CueMatch, Lexicon, find_cues, load_lexicon, open_cues
from counterpoint.quotes.doccache import dateline, remember, tokens
from counterpoint.quotes.doccache import segments as text_segments
from counterpoint.quotes.draft import Draft
from counterpoint.quotes.edges import paragraph_around, sentence_end
from counterpoint.quotes.glosses import gloss_drafts
from counterpoint.quotes.joint import co_speakers
from counterpoint.quotes.marks import Segment, closed_inner, find_segments, inside_closed, paragraph_spans
from counterpoint.quotes.polls import poll_drafts
from counterpoint.quotes.prune import first_person, inner_open_dropped, unique
from counterpoint.quotes.record import to_quote
from counterpoint.quotes.resolution import resolve
from counterpoint.quotes.scorer import draft_features, load_scorer
from counterpoint.quotes.spans import adjacent_segment, char_span, parenthetical, relative_frame, widen, within
from counterpoint.quotes.speakers import Resolved, speaker_tokens
from counterpoint.quotes.subjects import valid_speaker
from counterpoint.quotes.tagged import tagged_drafts
from counterpoint.quotes.uncued import colon_drafts, frame_drafts, layout_drafts
from counterpoint.quotes.validity import is_fragment, is_idle_content

__all__ = ["extract_quotes", "candidate_quotes", "Candidate"]

_MIN_INDIRECT_WORDS = 3
_MIN_BLOCK_WORDS = 6
_MARKS = {'"', "“", "”", "«", "»", "„", "‘", "’", "''", "``"}


_Keep = Callable[[tuple[str, ...], bool], bool]  # (features, open cue) -> keep the candidate?


def _draft(doc: Doc, text: str, cue: CueMatch, lexicon: Lexicon, segments: tuple[Segment, ...],
           quoted: list[tuple[int, int]], keep: _Keep, open_cue: bool = False) -> Draft | None:
    """One attribution from one cue, or None when speaker or content is missing or ``keep``
    rejects its features (checked before the costly resolution of the speaker)."""
    if inside_closed(doc[cue.anchor].idx, segments):
        return None
    head = valid_speaker(doc, cue, lexicon, segments)
    if head is None:
        return None
    lo, hi = paragraph_around(text, doc[cue.anchor].idx)
    ids = within(doc, content_tokens(doc, cue, lexicon, segments), lo, hi)
    ids = without_comment(doc, without_source(doc, ids), lexicon, _quoted_end(doc, ids, segments))
    s_start, s_end = speaker_tokens(head)
    while s_end - 1 > s_start and doc[s_end - 1].dep_ == "case":
        s_end -= 1  # a possessive source ("Roe's claim"): the name, not its "'s"
    partners = [(t, speaker_tokens(t)) for t in co_speakers(head, lexicon)]
    partners = [(t, span) for t, span in partners if span[1] > s_end or (s_start <= span[0] and span[1] < head.i)]
    first = max([s_start] + [span[1] + 1 for _, span in partners if span[1] < head.i])  # after "X and"
    while partners and first < head.i and doc[first].lower_ in ("both", "all"):
        first += 1  # "Both Roe and Berg": Roe's own mention is "Roe"
    mentions = [(first, s_end)] + [span for _, span in partners]
    s_end = max(end for _, end in mentions)  # "Both Roe and Berg": the mention names them all
    ids -= set(range(s_start, s_end))
    cue_span = doc[cue.start : cue.end]
    speaker = doc[s_start:s_end]
    reach = _verb_reach(doc, cue)
    frame = (min(cue_span.start_char, speaker.start_char), max(cue_span.end_char, speaker.end_char))
    edges = (frame[0], max(frame[1], reach))  # with the cue verb's own words ("told the host")
    ids = _after_speaker(doc, text, ids, cue, (min(s_start, cue.start), max(s_end, cue.end)), frame, edges, segments)
    following = adjacent_segment(text, edges, segments, (lo, hi), after_only=True)
    if following is not None and _title(text, following):
        following = None  # 'said in her book, "A Long Winter."': where it was said, not what
    preceding = any(seg.end <= edges[0] and not text[seg.end : edges[0]].strip(" ,:;—–-")
                    for seg in segments)
    if ids and following is not None and doc[min(ids)].idx < edges[0] and not preceding:
        ids = set()
    if ids and doc[min(ids)].idx >= cue_span.end_char and not any(doc[i].text in _MARKS for i in ids) \
            and _lead_quotation(text, edges[0], segments) is not None and _adjoining(text, cue_span, speaker):
        ids = set()  # '"Absolutely not," he said of the plan': the quotation, not the topic
    loose: set[int] = set()  # a wider reading when the strict one finds nothing (scored, never kept by rules)
    if ids:
        start, end = char_span(doc, text, ids)
    else:
        seg = adjacent_segment(text, frame, segments, (lo, hi)) \
            or (following if following is not None and is_statement(text, following) else None) \
            or _opening_next_paragraph(text, frame[1], hi, segments)
        loose = within(doc, loose_content(doc, cue, lexicon), lo, hi) if seg is None else set()
        if seg is None and not loose:
            return None
        start, end = (seg.start, seg.end) if seg is not None else char_span(doc, text, loose)
    line = dateline(doc, cue.anchor)
    if start < line < end:
        start = line  # "WASHINGTON (AP) — Roe said ...": the dateline is not what she said
    start, end = widen(start, end, segments, (cue_span.start_char, speaker.start_char))
    if _adjoining(text, cue_span, speaker):
        start = _lead_half(text, start, edges, segments)
    end = _quotation_before_cue(text, (start, end), edges, segments)
    start = _fronted_part(doc, text, start, edges, speaker, segments)
    end = _second_that_clause(doc, text, start, end, hi)
    start, end = _unpaired_brackets(text, start, end)
    if start <= speaker.start_char < end and not any(start <= s.start < end for s in segments):
        if not parenthetical(text, frame) and not parenthetical(text, edges) and doc[cue.start].lower_ != "according" \
                and not relative_frame(text, start, speaker.start_char):
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
    members: tuple[tuple[Resolved, int, int], ...] = ()
    if partners:
        heads = [resolved] + [resolve(t, lexicon, quoted) or Resolved(None, None, None) for t, _ in partners]
        members = tuple(sorted(((r, doc[a:b].start_char, doc[a:b].end_char) for r, (a, b) in zip(heads, mentions)),
                               key=lambda m: m[1]))  # in the order the article names them
    tail = sentence_end(doc, max(end, cue_span.end_char, speaker.end_char), hi)
    return Draft(start, end, cue_rec, speaker.start_char, speaker.end_char, resolved, tail,
                  features, open_cue, reach=reach, members=members)


def _after_speaker(doc: Doc, text: str, ids: set[int], cue: CueMatch, frame_tokens: tuple[int, int],
                   frame: tuple[int, int], edges: tuple[int, int], segments: tuple[Segment, ...]) -> set[int]:
    """Only the words after the cue, when the parse gave the cue clauses on both sides of an
    unquoted speaker that is not set off as a parenthetical frame ("Few would admit this,
    but Roe (a senator so candid he ...) says he was adrift": the clause before holds
    the speaker and is the writer's, not what Roe says). ``frame_tokens`` and ``frame``
    cover the speaker and cue, in tokens and in characters."""
    before = [i for i in ids if i < frame_tokens[0]]
    after = {i for i in ids if i >= frame_tokens[1]}
    if not before or not after or parenthetical(text, frame) or parenthetical(text, edges) \
            or doc[cue.start].lower_ == "according":
        return ids  # no clause on each side, a frame set off by commas, "according to X"
    if any(doc[min(ids)].idx <= seg.start < doc[max(ids)].idx for seg in segments):
        return ids
    verb = doc[cue.anchor]
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i in after]
    if not any(g.dep_ in ("nsubj", "nsubjpass", "expl", "mark") and g.i in after for c in clauses for g in c.children):
        return ids  # "the House, which even the keenest doubt will flip": a relative gap, no clause
    if relative_frame(text, doc[min(before)].idx, edges[0]):
        return ids
    return after


def _quoted_end(doc: Doc, ids: set[int], segments: tuple[Segment, ...]) -> int:
    """Where the last quotation in the content ``ids`` ends; 0 when it has no marks."""
    if not any(doc[i].text in _MARKS for i in ids):
        return 0
    first, last = doc[min(ids)].idx, doc[max(ids)].idx
    return max((seg.end for seg in segments if first <= seg.end and seg.start <= last), default=0)


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


_TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "of", "in", "on", "and", "for", "to", "at", "by", "with"})


def _title(text: str, seg: Segment) -> bool:
    """A short quotation in title case ("A Long Winter."): the name of a book, show or
    document, not a statement."""
    words = [w for w in text[seg.inner_start : seg.inner_end].split() if any(ch.isalpha() for ch in w)]
    return 0 < len(words) <= 6 and words[0][:1].isupper() \
        and all(w[:1].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words)


def _adjoining(text: str, cue: Span, speaker: Span) -> bool:
    """True when the speaker and the cue stand side by side ("he said", "said Ms. Roe")."""
    first, second = sorted(((cue.start_char, cue.end_char), (speaker.start_char, speaker.end_char)))
    return not text[first[1] : second[0]].strip()


def _lead_quotation(text: str, offset: int, segments: tuple[Segment, ...]) -> Segment | None:
    """The quotation whose words end in a comma standing right before ``offset`` on the
    same line: the sentence goes on into its attribution ('"Absolutely not," he said')."""
    leads = [seg for seg in segments if seg.closed and seg.end <= offset and not text[seg.end : offset].strip(" ")
             and text[seg.inner_start : seg.inner_end].rstrip()[-1:] == "," and not _named_work(text, seg)]
    return leads[-1] if leads else None


_NAMING_WORDS = frozenset({"on", "with", "in", "to", "from", "of", "at", "by", "for", "about", "called", "titled"})


def _named_work(text: str, seg: Segment) -> bool:
    """A quotation that names something ('Speaking on "Morning Report," Roe said ...'): a
    title after a preposition, not the opening words of a statement."""
    before = text[max(0, seg.start - 20) : seg.start].split()
    return _title(text, seg) and bool(before) and before[-1].lower() in _NAMING_WORDS


def _lead_half(text: str, start: int, frame: tuple[int, int], segments: tuple[Segment, ...]) -> int:
    """The content's start: when it opens with the quotation right after the speaker and
    cue ``frame`` and a quotation ending in a comma stands right before the frame, that
    first half starts it ('"A," he told the host, "B."' where the parser took only B)."""
    if start < frame[1] or text[frame[1] : start].strip(" ,:") or not any(s.start == start for s in segments):
        return start
    lead = _lead_quotation(text, frame[0], segments)
    return lead.start if lead is not None else start


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
    right after the cue ("Lund continued:" / new paragraph / a quotation); or the whole next
    paragraph when it holds no quotation mark at all: a block quotation whose indentation
    the page lost ("The governor added:" / new paragraph / his words)."""
    if text[offset:para_end].strip() != ":":
        return None
    nxt = para_end
    while nxt < len(text) and text[nxt].isspace():
        nxt += 1
    opening = next((seg for seg in segments if seg.start == nxt and seg.opened), None)
    if opening is not None:
        return opening
    end = text.find("\n", nxt)
    end = len(text) if end < 0 else end
    block = text[nxt:end].rstrip()
    if len(block.split()) < _MIN_BLOCK_WORDS or any(nxt <= seg.start < end for seg in segments):
        return None
    return Segment(nxt, nxt + len(block), nxt, nxt + len(block), False, False)


_SECOND_THAT = re.compile(r",? (?:and|but) that \w")


def _second_that_clause(doc: Doc, text: str, start: int, end: int, limit: int) -> int:
    """The content's end when a that-clause is followed by a second one ("said that A, and
    that B", "... but that B") that the parse hung elsewhere: both were said. The second runs
    to the end of the sentence."""
    match = _SECOND_THAT.match(text, end)
    if text[start : start + 5].lower() != "that " or match is None:
        return end
    that = doc.char_span(match.end() - 6, match.end() - 2)
    if that is None or that[0].dep_ in ("nsubj", "nsubjpass", "dobj"):
        return end  # "..., but that was not the case": the writer's pronoun
    stop = sentence_end(doc, end + 1, limit)
    while stop > end and (text[stop - 1] in ".!?" or text[stop - 1].isspace()):
        stop -= 1
    return stop


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _fronted_part(doc: Doc, text: str, start: int, edges: tuple[int, int], speaker: Span,
                  segments: tuple[Segment, ...]) -> int:
    """The content's start when a frame set off by commas interrupts the statement after
    its opening words: in 'In cases of abortion, it said, "the woman is a victim."' or
    'Sooner or later, the governor told reporters, "it starts to pay off."' the words
    before the speaker open the sentence the quotation finishes (it goes on in lower
    case). Words with a verb of their own ('Asked why, Roe said, "..."', 'At one point a
    woman asked and Roe said, "..."') are the writer's scene, and so is a lone conjunction."""
    if start < edges[1] or text[edges[1] : start].strip(" ") != ",":
        return start
    seg = next((s for s in segments if s.start == start), None)
    first = text[seg.inner_start : seg.inner_end].lstrip()[:1] if seg is not None else text[start : start + 1]
    if not first.islower():
        return start
    sent = speaker[0].sent
    lead = doc[sent.start : speaker.start]
    if len(lead) < 2 or lead[-1].text != "," or sent.start_char >= speaker.start_char:
        return start
    words = [t for t in lead if not t.is_punct]
    if not words or len(words) > 12 or any(t.tag_ in _FINITE_TAGS or t.tag_ == "VBG" or t.tag_ == "VBN" for t in words):
        return start
    if all(t.pos_ in ("CCONJ", "ADV", "SCONJ") for t in words) and len(words) == 1:
        return start
    if any(sent.start_char <= s.start < speaker.start_char for s in segments):
        return start
    return sent.start_char


def _verb_reach(doc: Doc, cue: CueMatch) -> int:
    """End of the cue verb's own modifiers after it ("said last week in Tel Aviv"), up to
    the first quotation mark or clause."""
    verb = doc[cue.anchor]
    inside = {t.i for t in verb.subtree}
    end = doc[cue.end - 1].idx + len(doc[cue.end - 1].text)
    for token in tokens(doc)[cue.end : cue.end + 12]:
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


def _unpaired_brackets(text: str, start: int, end: int) -> tuple[int, int]:
    """Content without a bracket at its edge whose partner lies outside it: in "(the actual
    number is lower, according to X)" the statement opens after the parenthesis."""
    if text[start:end].startswith("(") and ")" not in text[start:end]:
        start += 1
        while start < end and text[start].isspace():
            start += 1
    if text[start:end].endswith(")") and "(" not in text[start:end]:
        end -= 1
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end


def _truncated(doc: Doc, start: int, end: int, segments: tuple[Segment, ...]) -> bool:
    """True for unquoted content cut off by a misparse ("that the two drones were"): it ends
    on an auxiliary whose clause runs on. An auxiliary before a comma ends an elliptical
    clause ("is larger than it has been, according to ..."), and so does a modal before a
    full stop ("she said she would."); those stay."""
    if any(start <= seg.start < end for seg in segments):
        return False
    last = doc.char_span(end - 1, end, alignment_mode="expand")
    if last is None or last[-1].pos_ != "AUX":
        return False
    after = last[-1].i + 1
    if after >= len(doc):
        return True
    return not (doc[after].text in (",", ";") or (doc[after].text == "." and last[-1].tag_ == "MD"))


def _drafts(doc: Doc, text: str, segments: tuple[Segment, ...], keep: _Keep, with_open: bool) -> list[Draft]:
    """The attributions of one parsed text: cue drafts that ``keep`` accepts (with candidates
    from open cues when ``with_open``), then colon, layout and continuation passes."""
    lexicon = load_lexicon()
    quoted = closed_inner(segments)
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
    drafts += colon_drafts(doc, text, drafts, segments, lexicon, quoted)
    drafts += poll_drafts(doc, text, drafts, lexicon, quoted)
    drafts += frame_drafts(doc, text, drafts, segments, lexicon, quoted, scored)
    drafts, glosses = gloss_drafts(doc, text, drafts, segments, lexicon, quoted)
    paragraphs = paragraph_spans(text)
    cue_offsets = [doc[c.anchor].idx for c in cues] + [d.cue.start for d in drafts if d.open_cue and d.cue]
    drafts = continue_in_paragraph(text, unique(sorted(drafts, key=lambda d: d.start)),
                                    segments, paragraphs, cue_offsets)
    return unique(continue_paragraphs(text, layout_drafts(doc, text, drafts, paragraphs, segments),
                                        segments, paragraphs), segments, text) + glosses


def _segments(article: Article, doc: Doc) -> tuple[Segment, ...]:
    """The article's quotation segments, found once per parse (the speaker checks read them
    too) when ``doc`` was parsed from the article's text, as every stage does: then the
    article's text also stands for ``doc.text``, which spaCy would join from the tokens."""
    return text_segments(doc) if remember_text(doc, article.text) else find_segments(article.text)


def extract_quotes(article: Article, doc: Doc, entities: Sequence[Entity] = (),
                   with_tagger: bool = True) -> tuple[Quote, ...]:
    """Every attribution in ``article`` (parsed as ``doc``), in text order.

    ``entities`` are the story's merged entities; when one has a mention
    overlapping a speaker's resolved antecedent, the speaker carries its id and
    canonical name. Candidates from cues are kept when the packaged scorer
    accepts them (see :mod:`scorer`); without its data file, lexicon cues only.
    With ``with_tagger``, the packaged tagger adds the content spans the rules
    missed, when a cue and speaker hold them (see :mod:`tagged`).
    Never raises on odd typography: unpaired marks are bounded by their paragraph.
    """
    scorer = load_scorer()

    def keep(features: tuple[str, ...], open_cue: bool) -> bool:
        if scorer is None:
            return not open_cue and not any(f.startswith("rule=") for f in features)
        return scorer.keep(features, open_cue)

    segments = _segments(article, doc)
    if entities:  # a surname alone opening a sentence is a name when the story names that person
        remember(doc, "story-names", frozenset(w for e in entities if e.type in ("PERSON", "ORG")
                                                 for name in (e.name, *e.aliases) for w in name.split() if w.istitle()))
    drafts = inner_open_dropped(_drafts(doc, article.text, segments, keep, with_open=scorer is not None))
    if with_tagger:
        spans, used = [(d.start, d.end) for d in drafts], [d.cue.start for d in drafts if d.cue is not None]
        tagged = [draft for _, draft in tagged_drafts(doc, article.text, spans, used, segments)]
        drafts = sorted(drafts + tagged, key=lambda d: d.start)
    return tuple(to_quote(article, d, segments, entities) for d in first_person(article.text, drafts))


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
    segments = _segments(article, doc)
    drafts = _drafts(doc, article.text, segments, lambda features, open_cue: True, with_open=True)
    return [Candidate(to_quote(article, d, segments, ()), d.features, d.open_cue) for d in drafts]
