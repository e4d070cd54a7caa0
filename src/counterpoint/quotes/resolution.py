"""Resolution: the person or organisation a speaker mention stands for.

Names resolve to their entity and pronouns to an earlier source (:mod:`speakers`). Role,
group and document nouns resolve here: a role to the person introduced with it, a group to
the organisation whose name holds the word, a document to whoever wrote or put it out.
Unnamed ones ("a senior official", "a report") get no name: they are never attached to a
nearby one.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Span, Token

from counterpoint.quotes.cues import Lexicon, load_lexicon
from counterpoint.nlp import doc_text
from counterpoint.quotes.doccache import lemmas, line_bounds, starts, tokens
from counterpoint.quotes.speakers import (ACTOR_LABELS, Resolved, antecedent, ent_of, entity_resolution, inside, is_share,
                                          resolve_pronoun, role_appositive, singular, speaker_tokens, think_tank)

__all__ = ["resolve"]

_OUTLETS = {"website", "site", "page", "channel", "account", "feed", "blog"}  # where an owner publishes
_PUBLISHING = {"release", "issue", "publish", "post", "send", "put", "sign", "write", "file", "unveil",
               "circulate", "distribute", "deliver"}  # verbs whose subject authored their object
_AUTHORING = _PUBLISHING | {"conduct", "prepare", "produce", "author", "compile", "run", "draft", "make"}
_INDEFINITE = {"a", "an", "another", "other", "one", "some", "several", "two", "three", "many"}


def _owner(head: Token, participle: Token | None = None) -> Span | None:
    """The named author of a document or group noun ("the Kremlin's statement", "a report
    by the ministry"); through a participle, only one that makes its author the agent ("a
    statement issued by X", not "an email obtained by X")."""
    for child in head.children:
        if child.dep_ in ("poss", "compound") and child.ent_type_ in ACTOR_LABELS:
            return ent_of(child)
        if child.dep_ == "poss" and child.lemma_.lower() in load_lexicon().groups:
            return _group_antecedent(child)
        if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from", "of"):
            if child.lower_ == "by" and participle is not None and participle.lemma_.lower() not in _AUTHORING:
                continue
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                if obj.ent_type_ == "GPE" and child.lower_ != "of":
                    return ent_of(obj)
                actor = _actor(obj)
                if actor is not None:
                    return actor
        if child.dep_ == "acl" and child.tag_ == "VBN":  # "a statement released from Moscow"
            found = _owner(child, child)
            if found is not None:
                return found
        if child.dep_ == "prep" and child.lower_ == "on":  # "a statement on the Kremlin's website"
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in _OUTLETS:
                    return _owner(obj)
    return None


def _actor(token: Token) -> Span | None:
    """The person or organisation ``token`` names: its entity, or a group noun with a named
    owner ("the Norland foreign ministry", "the Lakeport council")."""
    if token.ent_type_ in ("PERSON", "ORG"):
        return ent_of(token)
    if token.lemma_.lower() in load_lexicon().groups and _has_named_owner(token):
        start, end = speaker_tokens(token)
        if token.doc[start].dep_ == "det" and end - start > 1:
            start += 1
        while start < token.i and token.doc[start].dep_ in ("amod", "advmod") and not token.doc[start].ent_type_:
            start += 1  # "the cowardly regime in Dravia": the name, not the writer's view of it
        while end - start > 1 and token.doc[end - 1].dep_ == "case":
            end -= 1  # "the AFL-CIO committee's recommendation": the committee
        return Span(token.doc, start, end, label="ORG")
    return None


def _publisher(document: Token) -> Span | None:
    """Who put out ``document`` when it is the object of a publishing verb ("The council
    released a statement"): the verb's subject, when it names a person or organisation."""
    verb = document.head
    if document.dep_ != "dobj" or verb.lemma_.lower() not in _PUBLISHING:
        return None
    return _subject_actor(verb)


def _reporter(document: Token) -> Span | None:
    """Who spoke through ``document`` ("The council said in a statement", "Roe wrote in an
    email"): the reporting verb's subject, when it names a person or organisation."""
    prep = document.head
    if document.dep_ != "pobj" or prep.lower_ not in ("in", "through", "via"):
        return None
    verb = prep.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in load_lexicon().verbs:
        return None
    return _subject_actor(verb)


def _subject_actor(verb: Token) -> Span | None:
    """The person or organisation the subject of ``verb`` names, if any."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return _actor(subject) if subject is not None else None


def _role_antecedent(head: Token, quoted: list[tuple[int, int]]) -> Span | None:
    """For "the spokesman", the person earlier introduced as a spokesman; failing that, the
    one person the article later introduces with that role ("..., his spokesman said." before
    "Kremlin spokesman Dmitry Peskov"), provided no other person holds it."""
    lemma = head.lemma_.lower()
    toks, lower_lemmas = tokens(head.doc), lemmas(head.doc)
    for i in reversed(range(head.i)):
        found = _role_holder(toks[i], lemma, quoted) if lower_lemmas[i] == lemma else None
        if found is not None:
            return found
    later: dict[str, Span] = {}
    for i in range(head.i + 1, len(toks)):
        found = _role_holder(toks[i], lemma, quoted) if lower_lemmas[i] == lemma else None
        if found is not None:
            later.setdefault(found[-1].lower_, found)  # one person, however often named
    return next(iter(later.values())) if len(later) == 1 else None


def _role_holder(token: Token, lemma: str, quoted: list[tuple[int, int]]) -> Span | None:
    """The person ``token`` introduces with the role ``lemma`` ("Kremlin spokesman Dmitry
    Peskov", "Peskov, the spokesman", "Peskov is the spokesman"), or None."""
    if token.lemma_.lower() != lemma or inside(token, quoted):
        return None
    linked = [token.head] + [c for c in token.children if c.dep_ == "appos"]
    for other in linked:
        if other.ent_type_ == "PERSON" and other is not token:
            return ent_of(other)
    if token.dep_ == "appos" and token.head.ent_type_ == "PERSON":
        return ent_of(token.head)
    if token.dep_ == "attr" and token.head.lemma_ == "be" \
            and _definite(token):  # "Roe is the mayor", not "a mayor"
        subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.ent_type_ == "PERSON":
            return ent_of(subject)
    return None


def _group_antecedent(head: Token) -> Span | None:
    """For "the ministry", the nearest earlier ORG whose name contains that word, or
    the nearest earlier "X's ministry" phrase."""
    lemma = head.lemma_.lower()
    toks, lower_lemmas = tokens(head.doc), lemmas(head.doc)
    for i in reversed(range(head.i)):
        if lower_lemmas[i] != lemma:
            continue
        token = toks[i]
        ent = ent_of(token)
        if ent is not None and ent.label_ == "ORG":
            return ent
        if any(c.dep_ in ("poss", "compound") and c.ent_type_ in ("ORG", "GPE", "PERSON")
               for c in token.children):
            start, end = speaker_tokens(token)
            return Span(head.doc, start, end, label="ORG")
    return None


def _definite(noun: Token, words: tuple[str, ...] = ("the",)) -> bool:
    """True when ``noun`` has one of ``words`` as its determiner ("the mayor")."""
    return any(c.dep_ == "det" and c.lower_ in words for c in noun.children)


def _appositive(head: Token) -> Span | None:
    """The person named in apposition to a role noun ("the adviser, Jane Roe,"), also a
    full name the recogniser took for something else ("A police spokeswoman, Karin Holt,")."""
    for token in head.subtree:
        if token.dep_ != "appos" or token.head.i > head.i + 8:
            continue
        if token.ent_type_ == "PERSON":
            return ent_of(token)
        named = role_appositive(token, load_lexicon()) if token.head.i == head.i and head.tag_ == "NN" else None
        if named is not None:
            return named
    return None


def _document_antecedent(head: Token, quoted: list[tuple[int, int]]) -> Span | None:
    """For "the statement", the owner of an earlier statement ("the Kremlin's statement",
    "a statement issued by the ministry") or whoever put it out ("The council released a
    statement"); in the paragraph or the one before, also whoever spoke through it ("The
    council said in a statement") and, for a word such as "the report" with no earlier
    report, the author of the communication last spoken of under another name (see
    ``_COMMUNICATIONS``: "..." reads a statement released from Moscow. According to the
    report, ..."), found the same way when it has no owner itself ("The note specifies"
    after that report). A subheading between the paragraphs is passed over, and a word
    inside a quotation ("as a result") is no document spoken of."""
    lemma = head.lemma_.lower()
    toks, lower_lemmas = tokens(head.doc), lemmas(head.doc)
    near = _previous_paragraph_start(head)
    other_kind: Span | None = None
    looking = lemma in _COMMUNICATIONS and _definite(head, ("the", "this"))
    documents = load_lexicon().documents
    for i in reversed(range(head.i)):
        if lower_lemmas[i] == lemma:
            owner = _owner(toks[i]) or _publisher(toks[i]) or (_reporter(toks[i]) if toks[i].idx >= near else None)
            if owner is not None:
                return owner
        elif looking and toks[i].idx >= near and lower_lemmas[i] in documents and toks[i].pos_ == "NOUN" \
                and not inside(toks[i], quoted):  # a word in the quotation ("as a result") is not one
            looking = False  # only the last document spoken of may be the same one
            if lower_lemmas[i] in _COMMUNICATIONS:
                other_kind = _owner(toks[i]) or _publisher(toks[i]) or _reporter(toks[i]) \
                    or _document_antecedent(toks[i], quoted)  # "the report", itself the statement before it
    return other_kind


_COMMUNICATIONS = {"statement", "report", "note", "communique", "communiqué", "release", "announcement",
                   "message", "readout", "text", "document"}  # what an office puts out to say something


_ORGANS = {"service", "office", "secretariat"}  # "the press service": an organisation's voice, not one of its own


def _last_organisation_speaker(head: Token, lexicon: Lexicon) -> Span | None:
    """For "the press service" with no owner of its own, the organisation that spoke last
    in its paragraph or the one before ("The Kremlin defined the incident as ... The note
    specifies ..., notes the press service"): a press office speaks for the body the account
    is about. A document between them speaks for that body too; when a person spoke last,
    nobody is named."""
    near = _previous_paragraph_start(head)
    toks = tokens(head.doc)
    for i in reversed(range(head.i)):
        token = toks[i]
        if token.idx < near:
            break
        if token.dep_ != "nsubj" or token.head.pos_ != "VERB" or lexicon.lemma(token.head) not in lexicon.verbs:
            continue
        if token.ent_type_ in ("ORG", "GPE"):
            return ent_of(token)
        if token.ent_type_ == "" and token.lemma_.lower() in lexicon.groups:
            return _actor(token)  # "The Norland ministry described ...", or nobody named
        if token.ent_type_ == "PERSON" or token.lower_ in ("he", "she", "i") \
                or token.lemma_.lower() in lexicon.roles:
            return None  # a person spoke last: whose press service it is, the text does not say
    return None


def _previous_paragraph_start(token: Token) -> int:
    """Where the paragraph before ``token``'s starts (its own start when it is the first);
    a heading between them is passed over (a subheading splits one account in two)."""
    doc = token.doc
    first = bisect_left(starts(doc), line_bounds(doc, token.i)[0])  # the line's first token
    while first > 0:
        lo, hi = line_bounds(doc, first - 1)
        first = bisect_left(starts(doc), lo)
        if not _heading(doc_text(doc)[lo:hi]):
            return lo
    return 0


def _heading(line: str) -> bool:
    """True for a short line that ends no sentence ("May 9 parade bombing")."""
    words = line.split()
    return 0 < len(words) <= 12 and not line.strip().rstrip("\"'\u201d\u2019\u00bb").endswith((".", "!", "?", ":"))


def _all_nouns(lexicon: Lexicon) -> frozenset[str]:
    """Every role, group and document noun of the lexicon."""
    return lexicon.roles | lexicon.groups | lexicon.documents


def _has_named_owner(head: Token) -> bool:
    """True for "Vessaria's foreign ministry" / "the Kremlin press service" / "the Ukrainian
    government" / "the Norland foreign ministry" (a name the parser hangs as a modifier) /
    "the government of Norland" / "the regime in Dravia": a named owner or nationality."""
    return any((c.dep_ in ("poss", "compound") and c.ent_type_ in ("ORG", "GPE", "PERSON", "NORP"))
               or (c.dep_ == "nmod" and c.ent_type_ in ("ORG", "PERSON"))
               or (c.dep_ == "amod" and c.ent_type_ in ("GPE", "NORP"))
               or (c.dep_ == "prep" and c.lower_ == "of"
                   and any(o.dep_ == "pobj" and o.ent_type_ in ("ORG", "GPE") for o in c.children))
               or (c.dep_ == "prep" and c.lower_ == "in" and head.tag_ == "NN"
                   and any(o.dep_ == "pobj" and o.ent_type_ == "GPE" for o in c.children))
               for c in head.children)


def _noun(head: Token, lexicon: Lexicon, quoted: list[tuple[int, int]]) -> Resolved:
    """Resolve a role, group or document noun; unnamed ones get no name."""
    named = _appositive(head)
    if named is not None:
        return entity_resolution(named)
    lemma = head.lemma_.lower()
    found: Span | None = _owner(head) if lemma in lexicon.documents else None
    if found is not None:
        return entity_resolution(found)  # "a statement from the ministry": whose it is, however introduced
    dets = {c.lower_ for c in head.children if c.dep_ in ("det", "nummod", "amod")}
    if dets & _INDEFINITE:
        return Resolved(None, None, None)
    if lemma in lexicon.roles and any(c.dep_ in ("det", "poss") for c in head.children):
        found = _role_antecedent(head, quoted)
    if found is None and lemma in lexicon.groups:
        found = _group_antecedent(head)
    if found is None and lemma in lexicon.documents:
        found = _document_antecedent(head, quoted)
    if found is None and (lemma in _ORGANS or think_tank(head)) and _definite(head):
        found = _last_organisation_speaker(head, lexicon)
    if found is None and lemma in lexicon.groups and _has_named_owner(head):
        named = _actor(head)  # "the Ukrainian government": "Ukrainian government"
        if named is not None:
            return Resolved(named.start_char, named.end_char, named.text)
    if found is None:
        return _own_name(head, lexicon)
    return entity_resolution(found)


def _own_name(head: Token, lexicon: Lexicon) -> Resolved:
    """A body named by its own words when nothing earlier names it: "the port authority",
    "the health ministry" (the definite article and noun modifiers before an institution
    noun), and "police" as newswire uses it ("Police said ..."). A bare "the ministry" or
    "the authorities" says too little to be a name."""
    if head.lower_ == "police" and not any(c.dep_ in ("det", "amod", "compound", "poss") for c in head.children):
        return Resolved(head.idx, head.idx + len(head.text), "police")
    members = _members_of(head)
    if members is not None:
        return entity_resolution(members)
    if head.lemma_.lower() not in lexicon.institutions or head.tag_ != "NN" or not _definite(head):
        return Resolved(None, None, None)
    first = head.i
    while first > 0 and head.doc[first - 1].dep_ == "compound" and head.doc[first - 1].head.i in (first, head.i) \
            and head.doc[first - 1].pos_ == "NOUN":
        first -= 1
    if first == head.i:
        return Resolved(None, None, None)
    words = head.doc[first : head.i + 1]
    return Resolved(words.start_char, words.end_char, words.text)


def resolve(head: Token, lexicon: Lexicon, quoted: list[tuple[int, int]]) -> Resolved | None:
    """What the speaker headed by ``head`` refers to; None when it cannot speak here."""
    head = antecedent(head)
    if head.lower_ in lexicon.quantifiers or is_share(head):
        return Resolved(None, None, None)  # "47 percent said": a share of those polled, nobody named
    if head.pos_ == "PRON":
        return resolve_pronoun(head, quoted, lexicon)
    ent = ent_of(head)
    if ent is not None and ent.label_ in ACTOR_LABELS:
        return entity_resolution(ent)
    plural_role = head.pos_ == "PROPN" and head.is_sent_start and singular(head.lower_) in _all_nouns(lexicon)
    if head.pos_ in ("PROPN", "NOUN") and head.is_title and head.lemma_.lower() not in _all_nouns(lexicon) \
            and not plural_role:
        start, end = speaker_tokens(head)
        while start < head.i and head.doc[start].lower_ in ("both", "either", "neither"):
            start += 1  # "Both Palmer and Berg": the name is Palmer
        return entity_resolution(Span(head.doc, start, end, label="PERSON"))
    proper = _proper_group_name(head, lexicon)
    if proper is not None:
        return entity_resolution(proper)
    return _noun(head, lexicon, quoted)


_MEMBERS = frozenset({"official", "organiser", "organizer", "representative", "spokesman", "spokesperson",
                      "spokeswoman", "spokespeople", "member", "leader"})


def _members_of(head: Token) -> Span | None:
    """The organisation that people who speak for it belong to ("Organisers from the
    Workers' Alliance", "officials from the port authority"): only for such members in the
    plural, since "a senior official from the ministry" is one unnamed person."""
    if head.tag_ != "NNS" or singular(head.lower_) not in _MEMBERS:
        return None
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "from":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            ent = ent_of(obj)
            proper = _proper_group_name(obj, load_lexicon())
            return proper if proper is not None else ent if ent is not None and ent.label_ == "ORG" else None
    return None


def _proper_group_name(head: Token, lexicon: Lexicon) -> Span | None:
    """A group noun that is part of a proper name the recogniser missed ("the Workers'
    Alliance", "the Harbour Union"): capitalised, with a capitalised modifier of its own."""
    if head.pos_ != "PROPN" or not head.is_title or head.lemma_.lower() not in lexicon.groups or head.is_sent_start:
        return None
    modifiers = [c for c in head.children if c.dep_ in ("poss", "compound") and c.i < head.i]
    words = [t for c in modifiers for t in c.subtree if t.dep_ not in ("case", "punct", "det")]
    if not words or not all(t.pos_ == "PROPN" and t.is_title for t in words):
        return None
    return Span(head.doc, min(t.i for t in words), head.i + 1, label="ORG")
