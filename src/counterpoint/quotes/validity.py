"""Uses of a reporting word that report nobody's statement.

A cue verb found by the lexicon is not always reporting anything: "Asked whether the US
believed ..." puts a question *to* the speaker, "if he said so" is a condition, "weapons to
defend its territory" and "one could see a white object falling" use the verb in its plain
sense. An attribution built from such a use credits words to someone who never said them,
the worst error the stage can make, so these uses are dropped before any content is read.
Each rule is a property of the parse, not of a word list about one story.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from counterpoint.quotes.cues import load_lexicon

__all__ = ["is_fragment", "is_idle_content", "reports_a_statement"]

# the verb's subject is the one spoken to, not the speaker, when the verb is passive
_ADDRESSEE_VERBS = frozenset({"ask", "tell", "inform", "question", "notify", "urge", "remind", "press", "quiz", "grill"})
# words that open an embedded question or a condition
_QUESTION_MARKS = frozenset({"whether", "if"})
# perception verbs: reporting only with a that-clause or an "as" reading ("sees it as ...")
_PERCEPTION = frozenset({"see", "hear", "watch", "notice"})
# the infinitive of a cue reports speech only when the main verb is a way of speaking out:
# "went on television to defend ...", "took to Twitter to deny ...", "used a speech to ..."
_VEHICLE_VERBS = frozenset({
    "go", "take", "use", "appear", "come", "hold", "call", "issue", "release", "publish",
    "post", "speak", "write", "return", "step", "rush", "move", "turn", "seize", "visit",
    "travel", "address", "join", "stand", "meet", "gather", "rally", "convene", "testify",
})
# verbs of criticism that also name an armed attack: "attacked the plan" reports words,
# "attacking the Kremlin" or "Russia attacked the port" a strike
_FORCE_VERBS = frozenset({"attack", "assail", "blast"})
_PLACES = frozenset({"GPE", "FAC", "LOC"})
_CONTENT_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_WH_WORDS = frozenset({"why", "how", "what", "when", "where", "who", "whom", "which", "whether", "if"})
# nouns that name the circumstances of speaking, not its topic: "speaking on condition of
# anonymity", "on the record", "on behalf of", "by phone", "on television"
_CIRCUMSTANCES = frozenset({
    "condition", "record", "background", "behalf", "phone", "telephone", "television", "tv",
    "radio", "camera", "air", "stage", "podium", "line", "video", "videolink", "sidelines",
})


def reports_a_statement(doc: Doc, anchor: int, lemma: str) -> bool:
    """False when the cue verb at ``anchor`` (lemma ``lemma``) is used in a way that reports
    no statement of its subject: an embedded question or condition, a passive addressee
    verb, a perception of a scene, or an infinitive hanging off a verb that is not a way of
    speaking out."""
    verb = doc[anchor]
    if _in_question_or_condition(verb):
        return False
    if lemma in _ADDRESSEE_VERBS and _passive(verb):
        return False
    if lemma in _PERCEPTION and not _reports_perception(verb):
        return False
    if lemma in _FORCE_VERBS and _physical_target(verb):
        return False
    return not _idle_infinitive(verb)


def is_fragment(doc: Doc, start: int, end: int) -> bool:
    """True when the unquoted content ``[start, end)`` has no word that could carry a
    proposition (no noun, name, pronoun or number): "instead has" left over by a broken
    parse."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    return not any(tok.pos_ in _CONTENT_POS for tok in span)


def is_idle_content(doc: Doc, anchor: int, start: int, end: int, stance: str) -> bool:
    """True when the unquoted content ``[start, end)`` of the cue at ``anchor`` says nothing
    anybody stated: a lone common noun after a neutral cue ("want answers"; "denied it" and
    "rejected allegations" stay), the circumstances of speaking ("speaking on condition of
    anonymity"), or what a negated cue left unsaid ("did not explain why ...")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span if not t.is_punct and not t.is_space]
    if not words:
        return True
    if len(words) == 1 and stance == "neutral" and words[0].pos_ == "NOUN":
        return True
    first = next((t for t in words if t.pos_ not in ("DET", "ADJ")), words[0])
    after_preposition = span.start > 0 and doc[span.start - 1].pos_ == "ADP"
    if after_preposition and first.lemma_.lower() in _CIRCUMSTANCES:
        return True
    verb = doc[anchor]
    negated = any(c.dep_ == "neg" for c in verb.children)
    return negated and words[0].lower_ in _WH_WORDS


def _in_question_or_condition(verb: Token) -> bool:
    """The verb's own clause opens with "whether"/"if" ("asked whether X believed ...")."""
    return any(child.dep_ == "mark" and child.lower_ in _QUESTION_MARKS for child in verb.children)


def _passive(verb: Token) -> bool:
    """"Asked whether ..., she said" and "he was told that ...": the subject was spoken to.
    With its agent named ("when pressed by Holt about ..."), the agent is the speaker."""
    if any(child.dep_ == "agent" for child in verb.children):
        return False
    if any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not any(
        child.dep_ in ("aux", "nsubj") for child in verb.children
    )


def _reports_perception(verb: Token) -> bool:
    """"sees that ..." or "sees it as ..." report a view; "could see an object falling"
    reports a scene."""
    for child in verb.children:
        if child.dep_ == "ccomp" and any(
            g.dep_ == "mark" and g.lower_ == "that" for g in child.children
        ):
            return True
        if child.dep_ == "prep" and child.lower_ == "as":
            return True
        if child.dep_ == "dobj" and any(g.dep_ == "prep" and g.lower_ == "as" for g in child.children):
            return True
    return False


def _physical_target(verb: Token) -> bool:
    """"attacking the Kremlin", "attacked the port of Odessa", "Russia attacked oil depots":
    the object is a place, or a country attacks a thing, and nothing says what was said
    ("for ...", "as ...", a clause)."""
    if any(c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ in ("for", "over", "as"))
           for c in verb.children):
        return False
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if not objs:
        return False
    if _place(objs[0]):
        return True
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and subjects[0].ent_type_ in _PLACES and objs[0].ent_type_ == "" \
        and objs[0].pos_ == "NOUN"


def _place(noun: Token) -> bool:
    """A named place, or a thing named after one ("the port of Odessa", but not "the
    governor of Texas": people and organisations are attacked in words)."""
    if noun.ent_type_ in _PLACES:
        return True
    if noun.ent_type_ or noun.lemma_.lower() in load_lexicon().roles:
        return False
    return any(p.dep_ == "prep" and p.lower_ in ("of", "in", "near") and any(
        o.dep_ == "pobj" and o.ent_type_ in _PLACES for o in p.children) for p in noun.children)


def _idle_infinitive(verb: Token) -> bool:
    """"weapons to defend its territory": a to-infinitive of a cue under a main verb that is
    not a way of speaking out (and not itself a cue, which then carries the attribution)."""
    if not any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children):
        return False
    head = verb.head
    if verb.dep_ == "xcomp":
        # "lacks the ships to defend ...", "urged the minister to deny ...": the infinitive
        # follows an object, whose purpose or task it names
        return any(c.dep_ == "dobj" and c.i < verb.i for c in head.children)
    if verb.dep_ not in ("advcl", "acl", "relcl"):
        return False
    return head is not verb and head.pos_ in ("VERB", "AUX", "NOUN") and \
        head.lemma_.lower() not in _VEHICLE_VERBS
