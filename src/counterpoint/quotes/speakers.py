"""Speakers: who a cue's subject is, whether it can speak, and whom it names.

A speaker is the grammatical source of a cue (the subject of "said", the
object of "according to"). Only people, organisations, places used as
actors, pronouns and role/document/group nouns from the lexicon count; any
other word (a sentence-initial common noun, a date) is not a speaker. Names and
pronouns are resolved here; role, group and document nouns in :mod:`resolution`,
which also holds :func:`resolution.resolve`, the entry point.

Unnamed sources ("a senior official", "sources") keep their own span as the
speaker span and get ``name=None``: they are never attached to a nearby name.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein
from spacy.tokens import Doc, Span, Token

from counterpoint.quotes.cues import Lexicon, load_lexicon
from counterpoint.quotes.doccache import (dateline, entities, line_bounds, memo, propn_positions, segments, story_names, tokens,
                                          verb_in_name)
from counterpoint.quotes.gender import name_gender

__all__ = ["ACTOR_LABELS", "Resolved", "antecedent", "role_appositive", "dated", "ent_of", "entity_resolution", "inside", "is_share", "is_speaker",
           "paragraph_of", "resolve_pronoun", "share_of_group", "singular", "speaker_tokens", "think_tank"]

_PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}  # possessives source a noun cue ("his refusal to")
_GROUP_PRONOUNS = {"they", "them", "their"}
_SELF_PRONOUNS = {"i", "we", "my", "our"}
_RELATIVE = {"who", "which", "that"}
ACTOR_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
_SPAN_DEPS = {"compound", "amod", "det", "poss", "nmod", "nummod", "quantmod", "case", "flat"}
_MASC = {"mr.", "mr", "sir"}
_FEM = {"mrs.", "mrs", "ms.", "ms", "miss", "madam", "lady"}


def paragraph_of(token: Token) -> tuple[int, int]:
    """Character range spanned by the tokens of the line holding ``token``."""
    return line_bounds(token.doc, token.i)


@dataclass(frozen=True)
class Resolved:
    """What a speaker mention refers to: the antecedent's character span and name."""

    start: int | None
    end: int | None
    name: str | None


def antecedent(token: Token) -> Token:
    """For the "who" of "X, who said ...", the noun X; other tokens stand for themselves."""
    clause = token.head
    if token.lower_ in _RELATIVE and clause.dep_ == "relcl" and token.dep_ == "nsubj":
        return clause.head
    return token


def speaker_tokens(head: Token) -> tuple[int, int]:
    """Token range [start, end) of the speaker phrase headed by ``head``."""
    if antecedent(head) is not head:
        return head.i, head.i + 1
    keep = [head]
    if _according_object(head):
        keep.extend(_up_to_comma(head))  # "according to audio provided by the station"
    for child in head.children:
        prep_ok = child.dep_ == "prep" and head.pos_ in ("NOUN", "NUM") and child.i > head.i \
            and not dated(child)  # not "unions on Monday"
        if child.dep_ in _SPAN_DEPS or prep_ok:
            keep.extend(child.subtree)
    start = min(t.i for t in keep)
    end = max(t.i for t in keep) + 1
    ent = ent_of(head)
    if ent is not None:
        start, end = min(start, ent.start), max(end, ent.end)
    doc = head.doc
    lo, hi = paragraph_of(head)
    while start < head.i and doc[start].idx < lo:
        start += 1
    line = dateline(doc, head.i)
    while head.idx >= line and start < head.i and doc[start].idx < line:
        start += 1  # "MACAU (Reuters) – Top donor Jane Roe said": the dateline is no part of her
    while end - 1 > head.i and doc[end - 1].idx >= hi:
        end -= 1
    start, end = _outside_quotations(doc, head, start, end)
    share = is_share(head) or (head.like_num and share_of_group(head))  # "47 percent said", "Six in 10 said"
    while start < head.i and (doc[start].is_punct or (doc[start].like_num and not share) or doc[start].is_space
                              or "\n" in doc[start].whitespace_ or doc[start].ent_type_ == "DATE"):
        start += 1
    while end - 1 > head.i and head.doc[end - 1].is_punct:
        end -= 1
    return start, end


def dated(prep: Token) -> bool:
    """True for a phrase that says when ("unions on Monday", "rejected the plan on Monday")."""
    return any(o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME") for o in prep.children)


def _outside_quotations(doc: Doc, head: Token, start: int, end: int) -> tuple[int, int]:
    """The range cut where a quotation runs into it from outside: in '"... hunky-dory,"
    Jane Roe said' the parser may hang the quotation's last words on the name. A quotation
    wholly inside the phrase stays ('the "Jane the Virgin" actress')."""
    lo, hi = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    for seg in segments(doc):
        if seg.end <= lo or seg.start >= hi or (lo <= seg.start and seg.end <= hi):
            continue
        if seg.end <= head.idx:
            while start < head.i and doc[start].idx < seg.end:
                start += 1
        elif seg.start >= head.idx + len(head):
            while end - 1 > head.i and doc[end - 1].idx >= seg.start:
                end -= 1
    return start, end


def is_share(head: Token) -> bool:
    """True for the head of a share of people ("47 percent", "12%"): a figure, nobody named."""
    return head.lower_ in ("percent", "%") or head.ent_type_ == "PERCENT"


_NOT_ACTORS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}


def is_speaker(head: Token, lexicon: Lexicon) -> bool:
    """True when ``head`` can be the source of a statement."""
    if _according_object(head) and head.pos_ in ("NOUN", "PROPN", "NUM", "ADJ", "X"):
        return True
    head = antecedent(head)
    lower = head.lower_
    if lower in lexicon.quantifiers and head.pos_ in ("ADJ", "PRON", "DET", "NOUN", "NUM"):
        return True
    if head.pos_ == "NUM" and share_of_group(head):
        return True
    if head.pos_ == "NOUN" and _of_speakers(head, lexicon):
        return True
    if head.pos_ == "PRON":
        return lower in _PERSON_PRONOUNS | _GROUP_PRONOUNS | _SELF_PRONOUNS | {"it", "its"}
    lemma = head.lemma_.lower()
    if think_tank(head):
        return True
    if lemma in lexicon.roles | lexicon.documents | lexicon.groups or lower in lexicon.groups \
            or (lower.endswith("s") and singular(lower) in lexicon.roles):  # "MPs" (lemma "mps")
        return head.pos_ in ("NOUN", "PROPN")
    if head.pos_ == "PROPN" and head.is_sent_start and singular(lower) in lexicon.roles | lexicon.groups:
        return True  # "Attorneys for the family said": a plural role the tagger took for a name
    if _age_noun(head):
        return True  # "said the 46-year-old": an age standing for the person
    if _lone_initial_word(head) or head.ent_type_ in _NOT_ACTORS:
        return False  # "in July, which showed ...": a date says nothing
    if head.ent_type_ in ACTOR_LABELS:
        return True
    if head.pos_ == "PROPN" and head.is_sent_start:
        return _name_elsewhere(head)
    if head.pos_ == "NOUN" and head.is_title:
        return _name_elsewhere(head)  # a surname tagged as a noun ("Sanders" as "sander"), even opening a sentence
    return head.pos_ == "PROPN" and head.is_title


def think_tank(head: Token) -> bool:
    """True for the "tank" of "the think tank" (a tank alone says nothing)."""
    return head.lower_ in ("tank", "think-tank", "thinktank") and (
        head.lower_ != "tank" or any(c.dep_ == "compound" and c.lower_ == "think" for c in head.children))


def _age_noun(head: Token) -> bool:
    """True for the "old" of "the 46-year-old" used as a noun (no noun after it)."""
    doc = head.doc
    return head.lower_ == "old" and head.i >= 2 and doc[head.i - 1].text == "-" \
        and doc[head.i - 2].lower_ in ("year", "years") and head.dep_ in ("nsubj", "nsubjpass", "appos", "pobj")


def _up_to_comma(head: Token) -> list[Token]:
    """The phrase ``head`` heads, cut at the first comma after it."""
    words = list(head.subtree)
    cut = next((t.i for t in words if t.i > head.i and t.text == ","), None)
    return [t for t in words if cut is None or t.i < cut]


def _according_object(token: Token) -> bool:
    """True for the object of "according to": whatever it names (a person, a book, a copy
    of a letter, state law) is the source of the statement."""
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ == "to" and prep.i > 0 \
        and token.doc[prep.i - 1].lower_ == "according"


def share_of_group(token: Token) -> bool:
    """True for a number that counts members of a group: "one of the prosecutors", "four in
    10", "one out of five voters"."""
    return any(c.dep_ in ("prep", "quantmod") and c.lower_ in ("of", "in", "out") for c in token.children)


def _of_speakers(token: Token, lexicon: Lexicon) -> bool:
    """True for a noun that stands for part of a group that can speak ("a number of
    Democrats", "a lot of voters"): its of-object is a plural that can speak. A single
    named person is left out ("his appointment of Jane Roe" is no speaker)."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            objs = [c for c in prep.children if c.dep_ == "pobj" and c.lower_ not in ("it", "this", "that")]
            return bool(objs) and objs[0].tag_ in ("NNS", "NNPS", "PRP", "CD") and is_speaker(objs[0], lexicon)
    return False


def _lone_initial_word(token: Token) -> bool:
    """A capitalised one-word subject opening its sentence and used nowhere else in the
    article ("Smoke suggested ..."): too likely a common word to be trusted as a name."""
    if not token.is_sent_start or token.pos_ not in ("PROPN", "NOUN"):
        return False
    if any(c.dep_ in ("compound", "flat") for c in token.children):
        return False
    if not token.is_upper and any(c.dep_ == "appos" and c.pos_ == "NOUN" for c in token.children):
        return False  # "Roe, a Scott ally, said" (but not a dateline: "WASHINGTON - ...")
    if token.ent_type_ == "PERSON" and token.pos_ == "PROPN":
        return False  # a surname the tagger reads as a person ("Rubio said ...")
    return not _name_elsewhere(token)


def _name_elsewhere(token: Token) -> bool:
    """True when a sentence-initial word is used as a name elsewhere in the article, also
    in another spelling of a long name (`Zelenskyy` after `Zelensky`: one letter apart, both
    at least seven letters, as the entities stage merges them), or when the article names
    its people (`Dravia says ...` after `Dravian saboteurs`)."""
    index = memo(token.doc, "names-inside", _names_inside)
    if any(i != token.i for i in index.get(token.text, ())) or token.text in story_names(token.doc):
        return True  # also a name the story's other articles give ("Brandt" after "Rolf Brandt")
    word = token.text
    peoples = memo(token.doc, "peoples", lambda doc: {t.text for t in tokens(doc) if t.ent_type_ == "NORP"})
    if len(word) >= 4 and token.ent_type_ != "NORP" and any(len(p) > len(word) and p.startswith(word[:-1]) for p in peoples):
        return True
    return len(word) >= 7 and any(len(other) >= 7 and other[:3] == word[:3] and Levenshtein.distance(other, word) <= 1
                                  and word not in (other + "s", other[:-1]) for other in index)  # not "Americans"


def _names_inside(doc: Doc) -> dict[str, list[int]]:
    """Where each word is used as a name (an entity or proper noun) inside a sentence."""
    index: dict[str, list[int]] = {}
    for other in tokens(doc):
        if not other.is_sent_start and (other.ent_type_ in ("PERSON", "ORG") or other.pos_ == "PROPN"):
            index.setdefault(other.text, []).append(other.i)
    return index


def ent_of(token: Token) -> Span | None:
    """The named entity containing ``token``, if any."""
    if not token.ent_type_:
        return None
    doc = token.doc
    toks = tokens(doc)
    start = token.i
    while start > 0 and toks[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(toks) and toks[end].ent_iob_ == "I":
        end += 1
    for i in range(start, token.i):
        if verb_in_name(toks[i]):
            start = i + 1  # the tagger ran a name into a clause: "Trump accused Holt of being a"
            while start < token.i and toks[start].is_stop:
                start += 1  # "Suspect Named By Police": the police
    for i in range(token.i + 1, end):
        if verb_in_name(toks[i]):
            end = i
            break
    if token.ent_type_ in ("PERSON", "NORP", "LAW"):  # "Roe and Berg" read as one name (not "Trinidad and Tobago")
        joins = [i for i in range(start + 1, end - 1) if toks[i].dep_ == "cc" and toks[i].head.ent_iob_ != ""]
        start = max([start] + [i + 1 for i in joins if i < token.i])
        end = min([end] + [i for i in joins if i > token.i])
    while end - 1 > token.i and toks[end - 1].pos_ in ("ADP", "DET", "CCONJ", "PART"):
        end -= 1
    while start < token.i and toks[start].is_punct:  # a mark the tagger took in: "› Jane Roe"
        start += 1
    while end - 1 > token.i and toks[end - 1].is_punct:
        end -= 1
    return Span(doc, start, end, label=token.ent_type_)


def _name_chain(token: Token) -> Span:
    """The run of unlabelled or PERSON proper nouns ending at ``token``."""
    start = token.i
    doc = token.doc
    toks = tokens(doc)
    while start > 0 and toks[start - 1].pos_ == "PROPN" and toks[start - 1].ent_type_ in ("", "PERSON") \
            and not verb_in_name(toks[start - 1]):  # "Hillary Clinton Slams Donald Trump"
        start -= 1
    return Span(doc, start, token.i + 1, label="PERSON")


def _person_name(ent: Span, strict: bool = False) -> str:
    """The longest person mention up to ``ent`` that ends with all of its words: the full
    name for a surname ("Roe" -> "Jane Roe"), never another person of the same family
    ("Tom Roe" stays Tom Roe after "Jane Roe"), and none whose given name contradicts the
    mention's title ("Mr. Clinton" after "Hillary Clinton"); only PERSON entities when ``strict``."""
    surname = ent[-1].text.lower()
    best = ent.text
    doc = ent.doc
    words = [t.lower_ for t in ent]
    title = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    sex = "m" if title in _MASC else "f" if title in _FEM else None  # "Mr. Clinton" is not Hillary
    for i in propn_positions(doc, surname):
        if i >= ent.start:
            break
        token = tokens(doc)[i]
        other = ent_of(token) if token.ent_type_ == "PERSON" else None
        if other is None and strict:
            continue
        if other is None:
            other = _name_chain(token)
        other = _without_titles(other, load_lexicon())
        if other.end != token.i + 1 or len(other) <= len(words) or [t.lower_ for t in other][-len(words):] != words:
            continue  # "Bill de Blasio" for "de Blasio"; "Jeb Bush" is not "George W. Bush"
        if sex is not None and name_gender(other[0].text) not in (None, sex):
            continue
        if len(other.text) > len(best):
            best = other.text
    return best


def _without_titles(span: Span, lexicon: Lexicon) -> Span:
    """``span`` minus leading titles and roles ("President Jane Roe" -> "Jane Roe")."""
    start = span.start
    toks = tokens(span.doc)
    while start < span.end - 1 and (toks[start].lower_ in lexicon.titles
                                    or toks[start].pos_ in ("DET", "ADJ", "PUNCT")):
        start += 1
    return Span(span.doc, start, span.end, label=span.label_)


def entity_resolution(ent: Span) -> Resolved:
    """A resolution to the named entity ``ent``."""
    if ent.label_ != "PERSON" and len(ent) == 1 and ent[0].pos_ == "PROPN":
        as_person = Span(ent.doc, ent.start, ent.end, label="PERSON")
        if _person_name(as_person, strict=True) != ent.text:
            ent = as_person
    if ent.label_ == "PERSON":
        ent = _without_titles(ent, load_lexicon())
    name = _person_name(ent) if ent.label_ == "PERSON" else ent.text
    if ent.label_ != "PERSON" and name.lower().startswith("the "):
        name = name[4:]
    return Resolved(ent.start_char, ent.end_char, name)


def inside(token: Token, segments: list[tuple[int, int]]) -> bool:
    """True when ``token`` stands inside a quoted segment."""
    return any(s <= token.idx < e for s, e in segments)


def _gender_clash(pronoun: str, ent: Span) -> bool:
    """True when a title before ``ent`` or its given name contradicts the pronoun's gender.
    Only this mention's title counts: "Mr. Clinton" elsewhere may be her husband. The given
    name is the mention's own ("Tom Roe"), or for a bare surname the full name it stands for."""
    want = "m" if pronoun in ("he", "him", "his") else "f" if pronoun in ("she", "her") else None
    if want is None:
        return False
    title = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if title in _FEM | _MASC:
        return (want == "m" and title in _FEM) or (want == "f" and title in _MASC)
    full = ent.text.split() if len(ent) > 1 else _person_name(ent).split()
    found = name_gender(full[0]) if len(full) > 1 else None
    return found is not None and found != want


def _rival_partner(pronoun: str, ent: Span) -> bool:
    """True when ``ent`` is joined by "and" to another person the pronoun could equally
    stand for ("Jane Roe and Anders Lund met. He said ..."): then neither is chosen."""
    root = ent.root
    partners = [c for c in root.children if c.dep_ == "conj"] + ([root.head] if root.dep_ == "conj" else [])
    for partner in partners:
        if partner.ent_type_ == "PERSON":
            other = ent_of(partner)
        elif partner.pos_ == "PROPN" and partner.is_title and not partner.ent_type_:
            other = _name_chain(partner)
        else:
            continue
        if other is not None and not _gender_clash(pronoun, other):
            return True
    return False


def _is_source(ent: Span, lexicon: Lexicon) -> bool:
    """True when ``ent`` is (in apposition to) the subject of a cue, or "according to" it."""
    root = ent.root
    if root.dep_ == "appos":
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.i > 0:
        return root.doc[root.head.i - 1].lower_ == "according"
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in lexicon.verbs


def role_appositive(token: Token, lexicon: Lexicon) -> Span | None:
    """The full name ``token`` ends when it stands in apposition to a role noun ("A police
    spokeswoman, Karin Holt,"): a person, whatever the recogniser took the name for."""
    if token.dep_ != "appos" or token.head.lemma_.lower() not in lexicon.roles:
        return None
    name = [t for t in token.subtree if t.i <= token.i]
    if len(name) < 2 or not all(t.pos_ == "PROPN" and t.is_title for t in name) or name[-1].i - name[0].i != len(name) - 1:
        return None
    return Span(token.doc, name[0].i, token.i + 1, label="PERSON")


def _names_in(sent: Span, labels: set[str], lexicon: Lexicon) -> list[Span]:
    """Entities of ``labels`` in ``sent``; for people also unlabelled proper-noun subjects."""
    found = [e for e in entities(sent.doc) if e.label_ in labels and sent.start <= e.start and e.end <= sent.end]
    if "PERSON" in labels:
        for token in tokens(sent.doc)[sent.start : sent.end]:
            if (token.dep_ == "nsubj" and token.pos_ == "PROPN" and not token.ent_type_
                    and token.is_title and token.head.lemma_.lower() in lexicon.verbs
                    and token.lower_ not in lexicon.titles | lexicon.roles):
                start, end = speaker_tokens(token)
                found.append(Span(token.doc, start, end, label="PERSON"))
            elif token.ent_type_ != "PERSON" and (named := role_appositive(token, lexicon)) is not None:
                found = [e for e in found if not (e.start <= token.i < e.end)]
                found.append(named)
        found.sort(key=lambda e: e.start)
    return found


def _previous_ents(head: Token, labels: set[str], quoted: list[tuple[int, int]],
                   lexicon: Lexicon) -> list[Span]:
    """Candidate antecedents: earlier sources first, then subjects, then any, nearest first."""
    sents = [head.sent]
    while len(sents) < 5 and sents[-1].start > 0:
        sents.append(head.doc[sents[-1].start - 1].sent)
    ents = [e for sent in sents for e in reversed(_names_in(sent, labels, lexicon))
            if e.end <= head.i and not inside(e.root, quoted)]
    sources = [e for e in ents if _is_source(e, lexicon)]
    subjects = [e for e in ents if e.root.dep_ in ("nsubj", "nsubjpass") and e not in sources]
    return sources + subjects + [e for e in ents if e not in sources and e not in subjects]


def _governing_subject(head: Token, labels: set[str]) -> Span | None:
    """For a subject pronoun in an embedded clause, the named subject of a clause above it
    in the same sentence: "Norland had briefed allies on what it described as ...", "Roe
    said she would run". The nearest such subject binds the pronoun."""
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    node = head.head
    for _ in range(6):
        if node.head is node:
            return None
        node = node.head
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < head.i), None)
        if subject is not None:
            ent = ent_of(subject)
            return ent if ent is not None and ent.label_ in labels else None
    return None


def resolve_pronoun(head: Token, quoted: list[tuple[int, int]], lexicon: Lexicon) -> Resolved | None:
    """Resolve he/she/they/it to the nearest fitting earlier mention."""
    lower = head.lower_
    if lower in _SELF_PRONOUNS:
        return Resolved(None, None, None)
    bound = _governing_subject(head, {"PERSON"} if lower in _PERSON_PRONOUNS else {"ORG", "GPE", "NORP"})
    if bound is not None and not (lower in _PERSON_PRONOUNS and _gender_clash(lower, bound)):
        return entity_resolution(bound)
    if lower in _PERSON_PRONOUNS:
        fitting = [e for e in _previous_ents(head, {"PERSON"}, quoted, lexicon) if not _gender_clash(lower, e)]
        if not fitting:
            return Resolved(None, None, None)
        best = fitting[0]
        if _rival_partner(lower, best) and not any(  # unless named on their own since
                e.start > best.start and e[-1].lower_ == best[-1].lower_ and not _rival_partner(lower, e)
                for e in fitting):
            return Resolved(None, None, None)
        return entity_resolution(best)
    labels = {"ORG", "NORP", "GPE"} if lower in _GROUP_PRONOUNS else {"ORG"}
    ents = [e for e in _previous_ents(head, labels, quoted, lexicon) if _is_source(e, lexicon)]
    if ents:
        return entity_resolution(ents[0])
    if lower in _GROUP_PRONOUNS or head.head.lemma_.lower() in lexicon.verbs:
        return Resolved(None, None, None)
    return None


def singular(word: str) -> str:
    """A plural noun's singular by the regular endings ("attorneys", "agencies", "witnesses")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word
