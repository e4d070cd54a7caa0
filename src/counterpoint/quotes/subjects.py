"""Finding the subject of a reporting cue: the word a speaker hangs on.

The subject of "said" is usually its nominal subject, but news syntax moves it around: it is
inherited through "..., saying", "..., adding", conjuncts, "began by saying" and purpose
infinitives ("went on television to deny"); it stands after the verb in "said X"; it is the
noun before a relative "who"; and a parse never carries it across a paragraph break.
Whether that word can speak, and whom it names, is decided in :mod:`speakers`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from counterpoint.quotes.cues import ADDRESSEE_VERBS, CueMatch, Lexicon, load_lexicon
from counterpoint.quotes.doccache import dateline, tokens
from counterpoint.quotes.marks import CLOSING_MARKS, Segment, inside_closed
from counterpoint.quotes.speakers import ACTOR_LABELS, is_speaker, paragraph_of, share_of_group
from counterpoint.quotes.validity import reports_a_statement

__all__ = ["find_subject", "fronted_frame", "named_after_quote", "named_before", "speaker_head"]

_MANNER_PREPS = {"by", "in", "after", "before", "while", "without", "when", "since", "despite", "besides", "upon"}
_WALK_DEPS = {"advcl", "xcomp", "conj", "acomp", "pcomp"}
_FINITE = {"VBD", "VBZ", "VBP"}
_CLOSERS = CLOSING_MARKS | {","}
_BRACKETED = 30  # tokens a parenthesis between a name and its verb may hold

def _subject_of(token: Token) -> Token | None:
    """The best subject child of ``token`` in its own paragraph (named ones first, then nearest)."""
    hi = paragraph_of(token)[1]
    lo = dateline(token.doc, token.i)  # the line's start, or past "RANGOON (AP) - ": not the city
    subjects = [c for c in token.children if lo <= c.idx < hi and (
        c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and (token.lemma_ == "quote" or _has_contracted(token))))]
    subjects = [_behind_contraction(c) for c in subjects]
    if not subjects:
        return None
    return min(subjects, key=lambda c: (c.ent_type_ not in ACTOR_LABELS, abs(c.i - token.i)))


def _behind_contraction(subject: Token) -> Token:
    """The word before a contracted "'s" the parser made the subject ("He’s told reporters":
    "’s" the subject, "He" its own): that word."""
    if subject.lower_ not in ("'s", "’s"):
        return subject
    return next((c for c in subject.children if c.dep_ in ("nsubj", "nsubjpass") and c.i == subject.i - 1), subject)


def _has_contracted(token: Token) -> bool:
    """True for a perfect the parser read as a passive ("He's said he will run", "She's
    told reporters ..."): a contracted "'s" before a verb that has a clause or an object of
    its own, which a passive ("It's said to be ...") would not."""
    contracted = any(c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") for c in token.children)
    return contracted and any(c.dep_ in ("ccomp", "dobj") for c in token.children) \
        and not any(c.dep_ == "xcomp" for c in token.children)


def _passive_subject(token: Token) -> Token | None:
    """The passive subject of a verb a cue inherits from ("Roe was pressed on the point
    and said ..."): the one spoken to there is the one speaking here."""
    lo, hi = paragraph_of(token)
    return next((c for c in token.children if c.dep_ == "nsubjpass" and lo <= c.idx < hi), None)


def named_before(verb: Token) -> Token | None:
    """A person or organisation named right before the cue, when the parser gave the verb
    another subject or none ("Saturday at the convention Sen. Jane Roe (D-MA) said"): only
    an adverb, a parenthesis and a comma-bounded phrase may stand between them ("Roe, 44,
    said", "Roe (D-MA), noting the crowd, said"). Its last token, or None."""
    doc = verb.doc
    if verb.tag_ not in _FINITE:
        return None  # a participle's subject is inherited, not found next to it
    i = verb.i - 1
    while i >= 0 and ((doc[i].pos_ == "ADV" and doc[i].dep_ == "advmod") or doc[i].ent_type_ in ("DATE", "TIME")):
        i -= 1  # "Roe Sunday night recounted": the date is no subject
    # "Roe (D-MA) said", "Roe, 44, said", "Roe (D-MA), noting the crowd, said"
    for opener, closer in (("(", ")"), (",", ","), ("(", ")")):
        if i >= 0 and doc[i].text == closer:
            j = i - 1
            while j >= 0 and doc[j].text != opener and i - j < (_BRACKETED if opener == "(" else 9) \
                    and not doc[j].is_sent_start:
                j -= 1
            if j < 0 or doc[j].text != opener:
                return None
            i = j - 1
    if i < 0 or doc[i].ent_type_ not in ("PERSON", "ORG") or doc[i].is_punct:
        return None
    return doc[i]


def _may_walk(token: Token, lexicon: Lexicon) -> bool:
    """True when a subject may be inherited from ``token``'s head ("said, adding ...")."""
    if token.dep_ not in _WALK_DEPS or token.head is token:
        return False
    head = token.head
    if paragraph_of(head) != paragraph_of(token):
        return False  # a parse that runs across a paragraph break is not evidence
    if head.lemma_.lower() in lexicon.verbs or head.pos_ in ("ADJ", "AUX"):
        return True
    if token.dep_ == "xcomp" and head.lemma_.lower() == "go" and any(c.dep_ == "prt" and c.lower_ == "on" for c in head.children):
        return True  # "Roe said, going on to say that ...": "going on" is hers, and so the saying
    if token.dep_ == "conj" and head.dep_ == "relcl" and token.tag_ == head.tag_:
        return True  # "Sanders, who digested the news and discussed ...": the same subject
    if token.dep_ == "advcl" and head.dep_ in ("ccomp", "conj") and _trailing_participle(token) \
            and token.i > head.i and lexicon.lemma(head.head) not in lexicon.verbs:
        return True  # "X ratcheted up his attacks, saying ...", whatever the parser made of X's clause
    if head.dep_ != "ROOT":
        return False
    if token.dep_ == "advcl":
        purpose = token.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        trailing = _trailing_participle(token)
        fronted = token.tag_ == "VBG" and token.i < head.i and bool(token.left_edge.is_sent_start)  # "Noting X, Roe said"
        return purpose or trailing or fronted
    return True


def _trailing_participle(token: Token) -> bool:
    """True for a participle set off by a comma after its head's clause (", saying ...")."""
    return token.tag_ == "VBG" and token.i > 0 and token.doc[token.left_edge.i - 1].text == ","


def find_subject(verb: Token, lexicon: Lexicon) -> Token | None:
    """The subject of ``verb``, inherited through participles and conjuncts."""
    host = _reporting_host(verb, lexicon)
    if host is not None:
        local = _local_subject(verb, lexicon)
        misparsed = local is None or local.i == verb.i - 1 or not is_speaker(local, lexicon) \
            or _tense_clash(verb) or _coordinated_participles(verb, host)
        return find_subject(host, lexicon) if misparsed else local
    return _local_subject(verb, lexicon)


def _reporting_host(verb: Token, lexicon: Lexicon) -> Token | None:
    """For a participial cue ("adding", "saying") that follows the clause a reporting verb
    governs, that reporting verb: "X denounced that the drones were foreign adding that
    ..." is X adding, although the parser reads "foreign adding" as an absolute clause or
    hangs "adding" on the last noun of the clause. Likewise for a second finite reporting
    verb the parser joined to that clause ("Roe told the AP her group never met them and
    said ..."), and for any finite conjunct hung on an infinitive or participle (see
    ``_tensed_ancestor``)."""
    if verb.dep_ == "conj" and verb.tag_ in _FINITE and _subject_of(verb) is None:
        host = _conjunct_host(verb, lexicon) if lexicon.verbs.get(lexicon.lemma(verb)) == "neutral" else None
        return host if host is not None and host.tag_ == verb.tag_ else _tensed_ancestor(verb)
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "acl") or verb.head is verb:
        return None
    node = verb.head
    if lexicon.lemma(node) in lexicon.verbs and node.i < verb.i and _clause_between(node, verb):
        return node
    for _ in range(4):
        if node.dep_ == "ccomp" and node.head.i < verb.i and lexicon.lemma(node.head) in lexicon.verbs:
            return node.head
        if node.head is node:
            return None
        node = node.head
    return None


def _coordinated_participles(verb: Token, host: Token) -> bool:
    """True for a participle joined by "and" to the reporting participle whose clause it
    follows ("telling reporters that the mayor is a faker and questioning how ..."): the
    same speaker's second act, whatever the parser hung it on."""
    return host.tag_ == "VBG" and verb.tag_ == "VBG" and verb.i > 0 and verb.nbor(-1).lower_ in ("and", "or")


def _tense_clash(verb: Token) -> bool:
    """A finite conjunct joined to a verb that is not finite ("said contractors can be
    costly and cited ..."): the two do not share a subject, whatever the parse says."""
    return verb.dep_ == "conj" and verb.tag_ in _FINITE and verb.head.tag_ not in _FINITE


def _tensed_ancestor(verb: Token) -> Token | None:
    """For a finite conjunct the parser hung on an infinitive or participle ("leaned on his
    record to win the vote and accused X of ..."), the nearest verb above with the same
    tense and a subject of its own: the conjunct's real partner."""
    if verb.head.tag_ in _FINITE:
        return None
    node = verb.head
    for _ in range(6):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.tag_ == verb.tag_ and node.i < verb.i and _subject_of(node) is not None:
            return node
    return None


def _conjunct_host(verb: Token, lexicon: Lexicon) -> Token | None:
    """The reporting verb whose complement clause holds the first conjunct of ``verb``."""
    node = verb.head
    for _ in range(4):
        if node.head is node:
            return None
        if node.dep_ == "ccomp" and node.head.i < verb.i and lexicon.lemma(node.head) in lexicon.verbs:
            return node.head
        if node.dep_ not in ("ccomp", "conj", "advcl", "xcomp"):
            return None
        node = node.head
    return None


def _clause_between(host: Token, verb: Token) -> bool:
    """True when a complement clause of ``host`` stands between it and ``verb`` (a ccomp,
    or a "that" the parser hung elsewhere)."""
    if any(c.dep_ == "ccomp" and host.i < c.i < verb.i for c in host.children):
        return True
    return any(t.lower_ == "that" and t.dep_ == "mark" for t in host.doc[host.i + 1 : host.i + 3])


def _local_subject(verb: Token, lexicon: Lexicon) -> Token | None:
    """The subject of ``verb`` from its own parse, inherited through participles and
    conjuncts."""
    token = verb
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return _object_relative_subject(verb) or _issuer(verb.head, lexicon) or verb.head
    for _ in range(4):
        subject = _subject_of(token) or (_passive_subject(token) if token is not verb else None)
        if subject is not None:
            if token is not verb and subject.lower_ == "it":
                return None
            return subject
        for child in token.children:
            if child.dep_ == "agent":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
        if token is verb and _inverted_object(verb) is not None:
            return _inverted_object(verb)
        if token is verb and _paragraph_opener(verb) is not None:
            return _paragraph_opener(verb)
        frame = fronted_frame(verb) if token is verb else None
        if frame is not None:
            return frame[1]
        if _by_doing(token):
            token = token.head.head
            continue
        if not _may_walk(token, lexicon):
            return None
        token = token.head
    return None


def fronted_frame(verb: Token) -> tuple[Token, Token] | None:
    """The clause and name when the parser made the phrase after a sentence's opening name
    a clause of its own, the complement of the cue after it ("Roe, meanwhile, who sits on
    the council, said that ...": "who sits ..." read as what was said, with "Roe" as its
    subject). That clause is the speaker's frame, the name the speaker. Only for a finite
    cue with a complement of its own after it, the phrase ending at the comma before the
    cue and the name set off from it by a comma."""
    doc = verb.doc
    if verb.tag_ not in _FINITE or verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    if not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return None
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.i > verb.i or clause.right_edge.i < verb.i - 2:
            continue
        for name in clause.children:
            if name.dep_ != "nsubj" or name.i > clause.i or doc[name.i + 1].text != "," \
                    or not name.left_edge.is_sent_start:
                continue
            if name.ent_type_ in ("PERSON", "ORG") or (name.text[:1].isupper() and is_speaker(name, load_lexicon())):
                return clause, name
    return None


def _object_relative_subject(verb: Token) -> Token | None:
    """The subject of a relative clause whose relative word is the cue's object, when the
    parser hung the cue on the noun itself ("Bannon, who Beck on Wednesday called a
    despicable human being": Beck called him that, not Bannon): the name or pronoun after
    the relative word."""
    between = tokens(verb.doc)[verb.head.i + 1 : verb.i]
    words = [t for t in between if not t.is_punct]
    if not words or words[0].lower_ not in ("who", "whom", "which"):  # "that" may open a complement
        return None
    named = [t for t in words[1:] if t.ent_type_ in ("PERSON", "ORG") or t.lower_ in ("he", "she", "they", "we", "i")]
    return named[-1] if named and named[-1].dep_ != "pobj" else None


def _issuer(document: Token, lexicon: Lexicon) -> Token | None:
    """Who put out the document a participle hangs on ("she released a statement saying
    ..."): the subject of the verb whose object it is, when that subject can speak."""
    if document.lemma_.lower() not in lexicon.documents or document.dep_ != "dobj":
        return None
    subject = _subject_of(document.head)
    return subject if subject is not None and is_speaker(subject, lexicon) else None


def _by_doing(token: Token) -> bool:
    """True for a gerund under a manner preposition of a verb ("began by saying ...",
    "ended the speech by warning ..."): its subject is that verb's subject."""
    prep = token.head
    return token.dep_ == "pcomp" and token.tag_ == "VBG" and prep.dep_ == "prep" \
        and prep.lower_ in _MANNER_PREPS and prep.head.pos_ in ("VERB", "AUX")


def _paragraph_opener(verb: Token) -> Token | None:
    """When a misparse glued a paragraph to the line above, the named phrase that opens
    the cue's paragraph and runs up to the cue ("Jane Roe, a professor, said, ...")."""
    lo, _ = paragraph_of(verb)
    toks = tokens(verb.doc)
    for token in toks[max(0, verb.i - 40) : verb.i]:
        if token.idx < lo or token.ent_type_ not in ("PERSON", "ORG", "GPE"):
            continue
        words = [t for t in token.subtree if not t.is_punct and t.idx >= lo]
        between: list[Token] = toks[words[-1].i + 1 : verb.i] if words else []
        if any(not (t.is_punct or t.dep_ in ("aux", "advmod")) for t in between):
            continue
        if words and _opens_clause(words[0], lo) and verb.i - 2 <= words[-1].i < verb.i and token.dep_ != "nsubj":
            return token
    return None


def _opens_clause(token: Token, lo: int) -> bool:
    """True when ``token`` starts its paragraph or directly follows a closing quotation."""
    if token.idx == lo:
        return True
    prev = token.doc[token.i - 1] if token.i > 0 else None
    return prev is not None and prev.text in _CLOSERS and prev.i > 0 and \
        token.doc[prev.i - 1].text in _CLOSERS


def _inverted_object(verb: Token) -> Token | None:
    """In '"...," warned the minister', a misparse may make the speaker an object.

    Only right after a closing quotation mark, and never for verbs whose object is the
    addressee ("told Breitbart News")."""
    if verb.i == 0 or verb.doc[verb.i - 1].text not in _CLOSERS:
        return None
    if verb.lemma_.lower() in load_lexicon().dobj_excluded or verb.tag_ == "VBG":
        return None  # ", calling her a liar": a participle's object is whom it is about
    objs = [c for c in verb.children if c.dep_ in ("dobj", "attr") and c.i > verb.i]
    if objs and objs[0].lower_ in _OBJECT_PRONOUNS:
        return None
    return objs[0] if objs else None


_OBJECT_PRONOUNS = {"him", "her", "them", "me", "us", "it"}


def named_after_quote(verb: Token, cue_end: int, lexicon: Lexicon) -> Token | None:
    """The speaker named right after a cue (ending at token ``cue_end``) that follows a
    closing quotation ('"...," said Edward Leamer, an economist who ...'), when the parser
    hung that name elsewhere and :func:`find_subject` found no speaker: a name the tagger
    knows, or else a plain noun phrase ("said the woman, who ...")."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text not in CLOSING_MARKS or doc[verb.i - 2].text not in (",", "?", "!"):
        return None
    if lexicon.lemma(verb) not in lexicon.verbs or lexicon.lemma(verb) in ADDRESSEE_VERBS:
        return None  # '"...," told reporters' names who heard it
    window = doc[cue_end : min(len(doc), cue_end + 6)]
    for token in window:
        if token.is_punct:
            break
        if token.ent_type_ in ("PERSON", "ORG") and token.ent_iob_ == "B":
            end = token.i
            while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
                end += 1
            return doc[end]
    for token in window:
        if token.pos_ in ("NOUN", "PROPN") and (token.i + 1 >= len(doc) or doc[token.i + 1].pos_ not in ("NOUN", "PROPN")):
            return token
        if token.pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM"):
            return None
    return None


def speaker_head(doc: Doc, cue: CueMatch, lexicon: Lexicon) -> Token | None:
    """The head token of the cue's speaker phrase, or None."""
    if doc[cue.start].lower_ == "according":
        objs = [c for c in doc[cue.end - 1].children if c.dep_ == "pobj"]
        return objs[0] if objs else None
    if doc[cue.anchor].pos_ == "NOUN":
        return next((c for c in doc[cue.anchor].children if c.dep_ == "poss"), None)
    head = find_subject(doc[cue.anchor], lexicon) or _share_before(doc[cue.anchor])
    if head is None or not is_speaker(head, lexicon):
        return named_after_quote(doc[cue.anchor], cue.end, lexicon) or named_before(doc[cue.anchor]) or head
    return _titled_name(head, lexicon) or head


def _share_before(verb: Token) -> Token | None:
    """The share of people the parser hung on the verb as a number instead of making it the
    subject: "About 4 in 10 say they want ..." (``10`` a modifier of ``say``)."""
    return next((c for c in verb.children if c.i < verb.i and c.like_num and c.dep_ in ("nummod", "npadvmod", "dep")
                 and share_of_group(c)), None)


def _titled_name(head: Token, lexicon: Lexicon) -> Token | None:
    """The person a bare title phrase joined to a name stands for: "GOP contender and former
    surgeon Jane Roe responded" is Roe, whom the parser made the second of two subjects. A
    title without an article or possessive names nobody else ("The mayor and Jane Roe" are two)."""
    titled = head.pos_ == "NOUN" or head.lower_ in lexicon.titles
    if not titled or head.ent_type_ == "PERSON" or any(c.dep_ in ("det", "poss", "nummod") for c in head.children):
        return None
    if head.tag_ not in ("NN", "NNP"):
        return None  # a plural ("senators and Jane Roe") is more than one speaker
    return next((c for c in head.children if c.dep_ == "conj" and c.ent_type_ == "PERSON"), None)


def valid_speaker(doc: Doc, cue: CueMatch, lexicon: Lexicon, segments: tuple[Segment, ...]) -> Token | None:
    """The head of the cue's speaker when the cue reports a statement and its speaker can
    speak and stands outside every quotation; otherwise None."""
    if not reports_a_statement(doc, cue.anchor, lexicon.lemma(doc[cue.anchor])):
        return None
    head = speaker_head(doc, cue, lexicon)
    if head is not None and inside_closed(head.idx, segments) and not inside_closed(doc[cue.anchor].idx, segments):
        head = named_before(doc[cue.anchor])  # "As Roe, a professor, put it, "Members should ...": not "members"
    if head is None or inside_closed(head.idx, segments) or not is_speaker(head, lexicon):
        return None
    if _manner_quantifier(head, lexicon):
        return None
    return head


def _manner_quantifier(head: Token, lexicon: Lexicon) -> bool:
    """True for a bare quantifier the parser made the subject of a participle that follows
    a reporting verb ('"...," said Vik, half joking'): how Vik spoke, not a second speaker.
    A quantifier with words of its own ("some who warned", "half of them") is left alone."""
    participle = head.head
    return head.lower_ in lexicon.quantifiers and head.n_lefts + head.n_rights == 0 \
        and participle.tag_ == "VBG" and participle.dep_ == "advcl" \
        and lexicon.lemma(participle.head) in lexicon.verbs and participle.head.i < head.i
