"""Whether a report's words can stand as a clause of a summary sentence.

Part of :mod:`counterpoint.summary`. A report span is often the object of its cue, not a
clause: "the incident as a planned act" (after "defined"), "any involvement in the incident"
(after "denied"). Put after "X says:" or "X denies that" such words make no sentence. The
summary gets no parse, so the test here is lexical and general English: a clause has a finite
verb (an auxiliary, a past tense, a present tense after its subject) outside the modifiers of
a leading noun phrase. Headlines ("City: drones a move to ..."), questions and
relative-clause fragments are never told either.
"""

from __future__ import annotations

import re

__all__ = ["is_clause", "untellable", "past_cue", "DETERMINERS", "FRAMED"]

AUXILIARIES = frozenset(
    "is are was were am has have had do does did will would can could shall should may might "
    "must cannot".split()
)
#: Common irregular past tenses (a finite verb when they follow their subject).
IRREGULAR_PAST = frozenset(
    "made took said came went saw gave found told became left felt brought began kept held "
    "wrote stood heard meant met ran paid sat spoke lay led grew lost fell sent built understood "
    "drew broke spent rose drove bought wore chose sought threw caught dealt won fought shot "
    "struck flew blew hid tore shook sank spread knew thought got fled arose stole swore forbade "
    "bit sold withdrew overtook undertook forgave froze hung slid stuck swept taught woke".split()
)
DETERMINERS = frozenset(
    "a an the this that these those its his her their our my your any no some every each all "
    "such what whose both either neither another".split()
)
PREPOSITIONS = frozenset(
    "of in on at for with by from to into onto over under about as against during after before "
    "between through near without within towards toward across behind beyond upon via".split()
)
#: Words after which a leading noun phrase's modifiers begin (their verbs are not the clause's).
MODIFIER_START = frozenset(
    "that which who whom whose where when while before after because since until although "
    "though if unless whether what".split()
)
NP_START = re.compile(
    r"(?i)^(?:(?:a|an|the|any|no|some|such|its|his|her|their|this|these|those)\s+"
    r"(?:\S+\s+){0,3}?(?:of|as|for|on|to|in)|\S+\s+(?:of|for|as))\b"
)
HEADLINE = re.compile(r"^[A-Z][\w’'.-]*(?:\s[A-Z][\w’'.-]*){0,3}:\s")
#: Words that open with their own reporting frame ("Moscow believes ..."): told after "X says:"
#: they read "X says: Moscow believes", so a report without one is preferred.
FRAMED = re.compile(
    r"^(?:[A-Z][\w’'-]*\s){1,3}(?:says|said|believes|believed|thinks|thought|claims|claimed|"
    r"insists|insisted|argues|argued|told|added|stated|noted|warned|reported)\b"
)
RELATIVE = re.compile(r"(?i)^(?:which|who|whom|whose|where|what)\b")
#: Words ending in -s or -ed that are never a finite verb.
NOT_VERBS = frozenset(
    "news series species perhaps always towards afterwards whereas besides sometimes thus "
    "nevertheless nonetheless unless indeed sides means politics".split()
)
WORD = re.compile(r"[A-Za-z][\w’'-]*,?")


def untellable(text: str) -> bool:
    """A question, a headline fragment or a relative-clause fragment: never a proposition."""
    text = text.strip(" “”\"'«»")
    return "?" in text or bool(HEADLINE.match(text)) or bool(RELATIVE.match(text))


def is_clause(text: str) -> bool:
    """True when the words have a finite verb of their own, outside the modifiers of a
    leading noun phrase ("the number of victims who died" is no clause; "the number of
    victims was rising" is)."""
    words = WORD.findall(text.replace("“", "").replace("”", ""))
    leading_np = bool(NP_START.match(text.strip(" “”\"")))
    for i, raw in enumerate(words):
        word = raw.rstrip(",").lower()
        if leading_np and word in MODIFIER_START:
            return False
        if _finite(words, i, word, leading_np):
            return True
    return False


def _finite(words: list[str], i: int, word: str, leading_np: bool) -> bool:
    if word in AUXILIARIES or re.fullmatch(r"\w+n[’']t", word):
        return True
    if i == 0 or word in PREPOSITIONS or word in DETERMINERS or word in NOT_VERBS:
        return False
    prev = words[i - 1]
    after_subject = not (prev.endswith(",") or prev.lower() in DETERMINERS
                         or prev.lower() in PREPOSITIONS or re.search(r"[’']s$", prev))
    following = words[i + 1].rstrip(",").lower() if i + 1 < len(words) else ""
    if word in IRREGULAR_PAST or re.fullmatch(r"[a-z]{2,}ed", word):
        return after_subject and following != "by"
    if re.fullmatch(r"[a-z]{2,}s", word) and not re.search(r"(?:ss|us|is|ics|ous|ness)$", word):
        # "Russia reserves the right": a present tense between its subject and what follows;
        # after "a series of" most -s words are plurals, so only "appears to", "shows the"
        # (a comma before it closes a parenthesis: "The terminal, run by X, handles ...")
        subject = after_subject or prev.endswith(",") and prev[:1].isupper()
        if leading_np:
            return subject and following in ("to", "that", "the", "a", "an")
        return subject and following not in ("", "of", "and", "or")
    return False


def past_cue(cue: str) -> bool:
    """A one-word cue that reads as a finite verb after a name ("denied", "accused", "said"),
    not a participle ("saying") or a base form ("see")."""
    word = cue.strip().lower()
    return (" " not in word and cue.strip()[:1].islower() and not word.endswith("ing")
            and (word in IRREGULAR_PAST or word.endswith("ed") or word in ("says", "claims")))
