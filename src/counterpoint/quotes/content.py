"""Attributed content: which stretch of text a cue attributes to its speaker.

The content of a cue is read off the dependency parse (the clause a reporting
verb governs, or the clause a fronted quote forms around "..., he said"),
trimmed of edge punctuation and widened to whole quoted segments, as PolNeAR
annotates it: for ``X said the plan "will fail"`` the content is
``the plan "will fail"``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from counterpoint.quotes.according import according_content
from counterpoint.quotes.cues import (ADDRESSEE_VERBS, SAYING_VERBS, CueMatch, Lexicon, load_lexicon, negated,
                                      noun_complement, prep_objects)
from counterpoint.quotes.doccache import tokens, words
from counterpoint.quotes.host import closing_frame_content, fronted_content
from counterpoint.quotes.marks import CLOSING_MARKS, OPENING_MARKS, Segment, inside_closed
from counterpoint.quotes.speakers import dated
from counterpoint.quotes.subjects import fronted_frame

__all__ = ["TIME_MARKS", "content_tokens", "fronted_gloss_object", "loose_content", "opening_frame", "without_comment",
           "without_source"]

_OBJECT_DEPS = {"xcomp", "dobj", "oprd", "attr"}
_OBJECT_PREPS = {"of", "about", "as", "on", "for", "to"}
_OBJECT_TAIL_PREPS = {"with", "over", "against", "as", "to", "for"}  # "shows X with a lead over Y"
_REASON_MARKS = {"because", "since", "although", "though", "unless", "if"}
TIME_MARKS = {"before", "after", "until", "once"}  # "said before he died": when, not what, whatever the parse
_PHRASE_TAIL_DEPS = {"xcomp", "prep", "npadvmod", "advcl"}  # "called for X to ... in May"
_REQUEST_MARKS = {"for", "if", "whether"}
_COMMENT_DEPS = {"relcl"}
def _clause_children(verb: Token, lexicon: Lexicon) -> list[Token]:
    """Children of ``verb`` that hold what it reports."""
    picked = [c for c in verb.children if c.dep_ == "ccomp" and not opening_frame(c, lexicon)
              and not any(m.dep_ == "mark" and m.lower_ in TIME_MARKS for m in c.children)
              and c.left_edge.lower_ not in ("whose", "whom")]  # "of people whose rights were restored"
    if lexicon.lemma(verb) not in ADDRESSEE_VERBS and any(c.dep_ == "dobj" and c.i > verb.i for c in verb.children):
        picked = [c for c in picked if c.i > verb.i]  # "X ignored it — Roe cites the record": she cites the record
    if len(picked) > 1:
        frame = fronted_frame(verb)  # "Roe, meanwhile, who sits on the council, said that ..."
        picked = [c for c in picked if not _relay_frame(verb, c, lexicon) and (frame is None or c.i != frame[0].i)]
    picked = [_inner(c, lexicon) or c for c in picked]
    if picked:
        return picked + [c for c in verb.children if c.dep_ == "advcl" and c.i > picked[-1].i
                         and any(m.dep_ == "mark" and m.lower_ in _REASON_MARKS for m in c.children)] \
            + _second_that(verb, picked[-1])
    picked = _request(verb)
    if picked:
        return picked
    lemma = lexicon.lemma(verb)
    that = _distant_that(verb) or _that_adverbial(verb)
    if that:
        return that
    if lemma not in lexicon.complement_verbs:
        objs = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
        if not objs:
            return _topic(verb, lexicon.topic_preps.get(lemma, ()))
        if lemma in lexicon.dobj_excluded or objs[0].pos_ == "PRON":
            return []
        if len(list(objs[0].subtree)) < 2:
            return []
        return objs[:1] + [c for c in verb.children if c.i > objs[0].i and c.dep_ == "prep"
                           and c.lower_ in _OBJECT_TAIL_PREPS and not dated(c)]
    picked = [c for c in verb.children if (c.dep_ in _OBJECT_DEPS or _infinitive_after(verb, c)) and c.i > verb.i]
    picked += [c for c in verb.children
               if c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS and c.i > verb.i and picked and not dated(c)]
    return picked


def _stranded_complement(last: Token) -> list[Token]:
    """The complement of a closing "were" that the parser made the subject of a following
    participle ("denounced that the drones were Ukrainians adding that ..."): the
    content would otherwise stop at "were"."""
    if last.lemma_ != "be" or any(c.dep_ in ("attr", "acomp", "xcomp", "prep") for c in last.children):
        return []
    following = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    if following is None or following.dep_ != "nsubj" or following.head.tag_ != "VBG" \
            or following.head.i <= following.i:
        return []
    return [following]


def _inner(frame: Token, lexicon: Lexicon) -> Token | None:
    """For a complement that is a closing frame of someone else's ("Officials said the raid
    was illegal, Roe told reporters": the parser made "told" the complement of "said" and
    "was" that of "told"), the clause inside it: what the officials said. The frame itself
    reports the whole clause before it (see :func:`_frame_over`)."""
    if lexicon.lemma(frame) not in lexicon.verbs or not any(c.dep_ == "nsubj" and c.i < frame.i for c in frame.children):
        return None
    inner = [c for c in frame.children if c.dep_ == "ccomp" and c.i < frame.i]
    if len(inner) != 1:
        return None
    last = max(t.i for t in inner[0].subtree)
    comma = frame.doc[last + 1] if last + 1 < len(frame.doc) else None
    return inner[0] if comma is not None and comma.text == "," and frame.head.i < inner[0].i else None


def _frame_over(verb: Token, lexicon: Lexicon) -> set[int]:
    """The content of a closing frame the parser made the complement of the verb it
    follows: the whole clause before its comma, that verb included (see :func:`_inner`)."""
    inner = _inner(verb, lexicon) if verb.dep_ == "ccomp" and verb.head.i < verb.i else None
    if inner is None:
        return set()
    comma = max(t.i for t in inner.subtree) + 1
    return {t.i for t in verb.doc[verb.sent.start : comma] if not t.is_space}


def _relay_frame(verb: Token, clause: Token, lexicon: Lexicon) -> bool:
    """A trailing ", TASS reports" the parser made a second complement of the cue ("X,
    the minister said, TASS reports"): who relays the statement, not part of it."""
    words = [t for t in clause.subtree if not t.is_punct]
    before = words[0].i - 1
    return clause.i > verb.i and before >= 0 and clause.doc[before].text == "," and len(words) <= 6 \
        and lexicon.lemma(clause) in lexicon.verbs and clause.i == words[-1].i


def _second_that(verb: Token, first: Token) -> list[Token]:
    """A second that-clause the parser joined to the reporting verb rather than to the
    first ("said the plan works, and that it will last"): reported just the same."""
    return [c for c in verb.children if c.dep_ == "conj" and c.i > first.i
            and any(m.dep_ == "mark" and m.lower_ == "that" and m.i < c.i for m in c.children)]


def _joined_to_cue(verb: Token, last: int) -> list[Token]:
    """A second object the parser joined to the cue verb instead of to the first object
    ("questioned her record and her temper", "called him reckless and a risk"): the
    nominal conjuncts of the verb that start right after the content (by token ``last``),
    and the rest of a list the parser hung on the verb (see ``_list_tail``)."""
    return [c for c in verb.children if c.dep_ in ("conj", "npadvmod") and c.pos_ in ("NOUN", "PROPN")
            and last < c.i and c.left_edge.i <= last + 3
            and (c.dep_ == "conj" or _list_tail(c))]


def _quoted_conjunct(verb: Token, last: int, lexicon: Lexicon, segments: tuple[Segment, ...]) -> list[Token]:
    """A quoted clause the parser joined to the cue verb instead of to the content before
    it ("said he had received offers, but “the offers were not ones I could accept.”"):
    the speaker's own words go on, so the content does too."""
    return [c for c in verb.children if c.dep_ == "conj" and last < c.left_edge.i <= last + 4
            and c.pos_ in ("VERB", "AUX") and lexicon.lemma(c) not in lexicon.verbs
            and inside_closed(c.idx, segments) and inside_closed(_first_word(c).idx, segments)]


def _relative_object(verb: Token, found: set[int]) -> set[int]:
    """The relative word a reporting relative clause reports on, when the parser made it
    the cue's object rather than the subject of the clause after it ("the deal, which she
    has said was a mistake": "which" is what was a mistake)."""
    if verb.dep_ != "relcl":
        return set()
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i in found]
    if not clauses or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clauses[0].children):
        return set()
    return {c.i for c in verb.children if c.dep_ == "dobj" and c.i < verb.i and c.lower_ in ("which", "that", "what")}


def _first_word(clause: Token) -> Token:
    """The first token of ``clause`` that is not punctuation (past an opening mark)."""
    return next((t for t in clause.subtree if not t.is_punct), clause)


def _list_tail(noun: Token) -> bool:
    """", the Verkhovna Rada, the General Staff and the buildings ...": a list the parser
    hung on the verb as an adverbial noun after a comma, continuing the content's last object."""
    return noun.ent_type_ not in ("DATE", "TIME") and any(c.dep_ == "conj" for c in noun.children) \
        and noun.doc[noun.left_edge.i - 1].text == ","


def _infinitive_after(verb: Token, child: Token) -> bool:
    """An infinitive right after its verb that the parser took for a purpose clause:
    "vow to block the tour" (advcl), read as the verb's complement."""
    return child.dep_ == "advcl" and child.tag_ == "VB" and child.left_edge.i == verb.i + 1 \
        and verb.doc[verb.i + 1].lower_ == "to"


def _request(verb: Token) -> list[Token]:
    """What a request or question reports: "asked a judge to block the rules" (the object
    and its infinitive), "called for the allies to send troops", "asked her whether she
    would run" (the clause under for/if/whether)."""
    after = [c for c in verb.children if c.i > verb.i]
    objs = [c for c in after if c.dep_ == "dobj"]
    infinitives = [c for c in after if c.dep_ == "xcomp" and c.tag_ == "VB"
                   and any(a.lower_ == "to" for a in c.children) and objs and c.i > objs[0].i]
    if infinitives:
        return objs[:1] + infinitives[:1]
    for clause in after:
        marks = [m.lower_ for m in clause.children if m.dep_ == "mark" and m.i < clause.i]
        if clause.dep_ == "advcl" and marks and marks[0] in _REQUEST_MARKS \
                and clause.left_edge.i <= verb.i + 4:
            return [clause]
    return []


def _topic(verb: Token, extra: tuple[str, ...] = ()) -> list[Token]:
    """What a verb reports through a preposition ("complained about the delays"); ``extra``
    are the verb's own topic prepositions from the lexicon ("referred to ...")."""
    for child in verb.children:
        if child.dep_ == "prep" and (child.lower_ in ("about", "of", "against") or child.lower_ in extra) \
                and child.i > verb.i:
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objs and len(list(objs[0].subtree)) >= 2:
                return objs
    return []


_LOOSE_PREPS = frozenset({"for", "with", "on", "against", "about", "of", "to", "over", "as", "at"})


def loose_content(doc: Doc, cue: CueMatch, lexicon: Lexicon) -> set[int]:
    """A wider reading for a cue whose strict content is empty, as a candidate for the
    scorer: its infinitive ("vowed to be more careful"), else the object of its first
    preposition ("pushed for a vote", "agreed with the analysis")."""
    verb = doc[cue.anchor]
    if verb.pos_ != "VERB" or negated(verb):
        return set()  # "could not confirm a report": a negated cue reports nothing loosely
    after = [c for c in verb.children if c.i >= cue.end]
    for child in after:
        if child.dep_ == "xcomp" and any(a.lower_ == "to" for a in child.children):
            # "rushed to claim that ...": the inner reporting verb owns its clause
            return set() if lexicon.lemma(child) in lexicon.verbs else _subtree_ids([child])
    for child in after:
        objs = prep_objects(child, _LOOSE_PREPS)
        if objs and objs[0].ent_type_ in ("DATE", "TIME"):
            continue  # "told reporters on Monday": when it was said, not what
        if objs and child.lower_ == "to" and _addressee(objs[0]):
            continue  # "boasted to reporters of his record": whom he spoke to, not what about
        if objs:
            return _subtree_ids(objs[:1])
    return set()


def opening_frame(clause: Token, lexicon: Lexicon) -> bool:
    """True for a reporting verb with a subject and nothing reported of its own, set off
    by a comma before the clause the parser made it the complement of ("The Gazette's
    Jane Roe previously reported, the council refused ..."): it frames that clause."""
    if clause.dep_ != "ccomp" or clause.head.i < clause.i or lexicon.lemma(clause) not in lexicon.verbs:
        return False
    if not any(c.dep_ == "nsubj" for c in clause.children) or \
            any(c.dep_ in ("ccomp", "dobj", "xcomp", "prep") and c.i > clause.i for c in clause.children):
        return False
    last = max(t.i for t in clause.subtree if not t.is_punct)
    return last == clause.i and clause.doc[last + 1].text == "," and bool(clause.left_edge.is_sent_start)


def _addressee(noun: Token) -> bool:
    """True for words naming whom someone speaks to: a person, a pronoun, a role or a group
    ("reporters", "the crowd", "supporters")."""
    if noun.ent_type_ in ("PERSON", "ORG", "NORP") or noun.pos_ == "PRON":
        return True
    lemma, lexicon = noun.lemma_.lower(), load_lexicon()
    return lemma in lexicon.roles or lemma in lexicon.groups or lemma in _AUDIENCES


_AUDIENCES = frozenset({"crowd", "audience", "supporter", "voter"})  # whom a speaker addresses


def _distant_that(verb: Token) -> list[Token]:
    """A that-clause the parser hung on a nearby noun: "told a briefing in the capital
    that ..." (the clause is what was told, not a description of the capital)."""
    for token in tokens(verb.doc)[verb.i + 1 : min(verb.i + 10, verb.sent.end)]:
        clause = token.head
        if token.lower_ == "that" and _complementiser(token) and clause.dep_ in ("relcl", "acl") and clause.i > token.i:
            noun = clause.head
            if verb.i < noun.i < token.i and noun.ent_type_ == "" and noun.pos_ == "NOUN" \
                    and not _through_verb(noun, verb):
                return [clause]
    return []


_CIRCUMSTANCE = frozenset(TIME_MARKS | {"when", "while", "since", "if"})


def _through_verb(token: Token, verb: Token) -> bool:
    """True when a clause of time or condition stands between ``token`` and ``verb`` in the
    parse: in "told MSNBC when asked about concerns that ...", the concerns are what she was
    asked about, not what she told."""
    node = token.head
    while node.i != verb.i and node.head.i != node.i:
        if node.pos_ in ("VERB", "AUX") and node.dep_ == "advcl" \
                and any(c.lower_ in _CIRCUMSTANCE for c in node.children if c.i < node.i):
            return True
        node = node.head
    return False


_NOT_COMPLEMENT = {"so", "now", "such", "except", "given", "provided", "order", "save"}


def _that_adverbial(verb: Token) -> list[Token]:
    """A that-clause the parser made an adverbial clause of the cue ("by reminding voters
    that the merger cost 30,000 jobs"): the clause is what was said, unless "that" belongs
    to a conjunction ("so that", "now that", "in order that")."""
    for clause in verb.children:
        if clause.dep_ != "advcl" or clause.i < verb.i:
            continue
        that = next((m for m in clause.children if m.dep_ == "mark" and m.lower_ == "that"), None)
        if that is not None and that.i > 0 and verb.doc[that.i - 1].lower_ not in _NOT_COMPLEMENT:
            return [clause]
    return []


def _complementiser(that: Token) -> bool:
    """True when "that" opens a clause rather than standing in it: marked so, or the role
    the parser gave it is filled by another word ("that Norland had produced no evidence",
    with "that" as a second object). A relative "that" ("a panel that met on Sunday") is
    the subject or object of its clause."""
    return that.dep_ == "mark" or any(c.dep_ == that.dep_ and c.i != that.i for c in that.head.children)


def _subtree_ids(tokens: list[Token]) -> set[int]:
    """Indices of every token in the subtrees of ``tokens``."""
    return {t.i for root in tokens for t in root.subtree}


def _side_clauses(verb: Token, lexicon: Lexicon) -> set[int]:
    """Clauses set off inside the content that report a further act of the same speaker
    (", calling X a Y", ", claiming ...", "... and added that ..."; also when the parser
    hung the participle on the object: "reported a series of attacks, blaming Ukraine"):
    not part of what the cue reports."""
    out: set[int] = set()
    for token in verb.subtree:
        if token.dep_ not in ("advcl", "conj", "acl") or token.i == verb.i or token.left_edge.i == 0:
            continue
        before = _before(token)
        if before is None:
            continue
        set_off = before.text in (",", "—", "–")
        if token.dep_ == "acl":
            if set_off and token.tag_ == "VBG" and lexicon.lemma(token) in lexicon.verbs:
                out |= {t.i for t in token.subtree}
        elif token.dep_ == "advcl" and token.tag_ == "VBG" and set_off \
                and (token.head.i == verb.i or lexicon.lemma(token) in lexicon.verbs):
            out |= {t.i for t in token.subtree}
        elif _further_report(token, before, lexicon, verb) or _other_report(token, lexicon) \
                or _own_frame(token, lexicon):
            out |= {t.i for t in token.subtree}
    return out


def _own_frame(token: Token, lexicon: Lexicon) -> bool:
    """A joined clause in which someone else introduces a quotation of their own ("She said
    A, and when pressed, the mayor replied, "B""): the writer's next attribution, not hers."""
    if token.dep_ != "conj" or lexicon.lemma(token) not in lexicon.verbs:
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i for c in token.children):
        return False
    doc = token.doc
    i = token.i + 1
    while i < len(doc) and doc[i].text in (",", ":"):
        i += 1
    return i < len(doc) and doc[i].text in OPENING_MARKS and i > token.i + 1


def _other_report(token: Token, lexicon: Lexicon) -> bool:
    """A clause set off by "as" or "while" in which someone else reports ("..., as the
    government blamed a drone"): that is the writer joining two attributions."""
    if token.dep_ != "advcl" or lexicon.lemma(token) not in SAYING_VERBS:
        return False  # "while her opponent wants to ...": part of the contrast she drew
    marks = [c.lower_ for c in token.children if c.dep_ == "mark"]
    return marks in (["as"], ["while"], ["whereas"]) and any(c.dep_ == "nsubj" for c in token.children)


def _before(token: Token) -> Token | None:
    """The token before ``token``'s phrase, looking through closing quotation marks
    (",” calling ..." reads as ", calling ...")."""
    i = token.left_edge.i - 1
    while i >= 0 and token.doc[i].text in CLOSING_MARKS:
        i -= 1
    return token.doc[i] if i >= 0 else None


def _further_report(token: Token, before: Token, lexicon: Lexicon, cue: Token) -> bool:
    """A reporting verb with no subject of its own, joined by a comma or "and": a verb of
    saying wherever the parser hung it ("said that A and added that B"), any other
    reporting verb only when joined to the cue itself ("said A and wants B"); inside the
    content it is the reported subject's act ("said the mayor is acting unlawfully and
    showing disregard for the charter")."""
    if lexicon.lemma(token) not in lexicon.verbs or token.head.i == token.i:
        return False
    if lexicon.lemma(token) not in SAYING_VERBS and token.head.i != cue.i and token.head.dep_ != "relcl":
        return False  # after a relative clause it is the speaker's again: "vowed a response that ... and appeared to"
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return False
    joined = before.text == "," or before.lower_ in ("and", "but")
    return joined and token.left_edge.i == token.i or (joined and token.tag_ == "VBG")


def _after_colon(doc: Doc, verb: Token, segments: tuple[Segment, ...]) -> set[int]:
    """Content introduced by a colon after the cue ("saying: ..." / "read: ...")."""
    after = verb.i + 1
    while after < len(doc) and after < verb.i + 4 and doc[after].text != ":":
        after += 1
    if after >= len(doc) or doc[after].text != ":":
        return set()
    colon_end = doc[after].idx + 1
    for seg in segments:
        if colon_end <= seg.start <= colon_end + 3:
            return {t.i for t in doc.char_span(seg.start, seg.end, alignment_mode="expand") or []}
    return {t.i for t in doc[after + 1 : verb.sent.end]}


def content_tokens(doc: Doc, cue: CueMatch, lexicon: Lexicon,
                   segments: tuple[Segment, ...]) -> set[int]:
    """Token indices of the content ``cue`` attributes (empty when none is found)."""
    if doc[cue.start].lower_ == "according":
        return according_content(doc, cue)
    verb = doc[cue.anchor]
    if verb.pos_ == "NOUN":
        return _subtree_ids(noun_complement(verb) or [])
    last = doc[cue.end - 1]
    if cue.phrase and last.pos_ == "ADP":
        objs = [c for c in last.children if c.dep_ in ("pobj", "pcomp")]
        if objs:
            rest = [c for c in verb.children if c.i > last.i and c.dep_ in _PHRASE_TAIL_DEPS]
            ids = _subtree_ids(objs + rest) - _side_clauses(verb, lexicon)
            return ids - set(range(cue.start, cue.end))
    if fronted_gloss_object(verb, lexicon) is not None:
        return set()  # "X accused Y of Z, a charge Y denied": what it denies is X's report (see glosses.py)
    over = _frame_over(verb, lexicon)
    if over:
        return over - set(range(cue.start, cue.end))
    if opening_frame(verb, lexicon):  # "The Gazette previously reported, the council refused ..."
        return {t.i for t in verb.head.subtree if t.i > max(t.i for t in verb.subtree) + 1}
    found = _subtree_ids(_clause_children(verb, lexicon)) - _side_clauses(verb, lexicon)
    if found:
        found |= _subtree_ids(_joined_to_cue(verb, max(found)) + _stranded_complement(doc[max(found)])
                              + _quoted_conjunct(verb, max(found), lexicon, segments))
    if found:
        found |= _relative_object(verb, found)
    found = found or fronted_content(verb) or closing_frame_content(verb)
    if not found:
        found = _after_colon(doc, verb, segments)
    return found - set(range(cue.start, cue.end))


def fronted_gloss_object(verb: Token, lexicon: Lexicon) -> Token | None:
    """The reporting noun of "..., a charge Kyiv denied" when the parser made it the object
    of a main-clause verb ("denied") and the report before the comma that verb's complement:
    the object stands before the subject, so it is a relative clause the parse missed."""
    for obj in verb.children:
        if obj.dep_ != "dobj" or obj.i > verb.i or obj.lemma_.lower() not in lexicon.nouns:
            continue
        before = obj.left_edge.i - 1
        if before >= 0 and obj.doc[before].text == "," and any(
                c.dep_ == "nsubj" and obj.i < c.i < verb.i for c in verb.children):
            return obj
    return None


def without_source(doc: Doc, ids: set[int]) -> set[int]:
    """``ids`` without a closing ", according to X": the phrase sources the whole report,
    speaker and all ("Engineers warned that the dam needed repairs, according to a report"),
    and is an attribution of its own, not words the speaker reported."""
    text = words(doc)
    for i in sorted(i for i in ids if text[i].lower() == "according"):
        token = doc[i]
        if i + 1 >= len(doc) or text[i + 1].lower() != "to" or i < min(ids) + 3 or text[i - 1] != ",":
            continue
        if any(text[j] == "(" for j in ids if j < i):
            continue  # "(the real figure is lower, according to the audit office)": see according.py
        if max(ids) <= max(t.i for t in token.subtree) + 1:
            return {j for j in ids if j < i - 1}
    return ids


def without_comment(doc: Doc, ids: set[int], lexicon: Lexicon, quoted_end: int = 0) -> set[int]:
    """``ids`` without a trailing comment set off by a comma: a non-restrictive relative
    clause (", which he called a cartel") or the writer's gloss on a name (", the military
    alliance that ...") that closes the content, the writer's aside rather than the
    reported words (PolNeAR leaves it out). An apposition to a common noun stays: which
    of those PolNeAR keeps the place alone does not tell; so does one that reports
    something itself (", a discrepancy she said Norland had not explained"). In content
    with quotation marks (``quoted_end``: where its last quotation ends) only a comment
    after that end is cut, and only when it reports nothing (", which she argued ...")."""
    if not ids:
        return ids
    last = max(ids)
    for token in sorted((doc[i] for i in ids), key=lambda t: t.left_edge.i):
        gloss = token.dep_ == "appos" and token.head.pos_ == "PROPN" and token.pos_ == "NOUN" \
            and not any(lexicon.lemma(t) in lexicon.verbs for t in token.subtree)
        if (token.dep_ not in _COMMENT_DEPS and not gloss) or token.left_edge.i <= min(ids) + 2:
            continue
        comma = token.left_edge.i - 1
        if quoted_end and any(lexicon.lemma(t) in lexicon.verbs for t in token.subtree):
            continue
        if doc[comma].text == "," and doc[comma].idx >= quoted_end and max(t.i for t in token.subtree) >= last - 1:
            return {i for i in ids if i < comma}
    return ids


