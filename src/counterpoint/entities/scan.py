"""Finding the mentions spaCy missed: exact occurrences of names already known.

spaCy misses names in some sentences and mis-splits others. Once the story's
entities are known, each article is scanned for exact, case-sensitive,
token-bounded occurrences of their names that no recognised mention covers.
A name is only scanned where it can mean one entity: a name two entities use is
scanned only in an article where just one of them uses it, and a person's lone
word (a surname or given name) only in articles where that person is already
named, unless it is the surname of only that person in the whole story.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from counterpoint.entities.mentions import Candidate
from counterpoint.entities.names import is_suffix, normalize_word
from counterpoint.entities.people import name_like

__all__ = ["add_alias_mentions"]

Group = list[Candidate]


def add_alias_mentions(
    groups: Sequence[tuple[Group, str]], texts: Mapping[str, str]
) -> list[tuple[Group, str]]:
    """The groups with the scanned mentions added (recognised mentions first)."""
    result = [(list(g), t) for g, t in groups]
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for group, _ in groups:
        for c in group:
            taken[c.article_id].append((c.start, c.end))
    for article_id, text in texts.items():
        owners = _owners_in(article_id, groups)
        for form in sorted(owners, key=lambda f: (-len(f), f)):
            for begin in _occurrences(text, form):
                stop = begin + len(form.rstrip(":"))
                if any(s < stop and begin < e for s, e in taken[article_id]):
                    continue
                words = tuple(form.rstrip(":").split(" "))
                starts = tuple(
                    begin + len(" ".join(words[:i])) + bool(i) for i in range(len(words))
                )
                result[owners[form]][0].append(
                    Candidate(article_id, begin, stop, words, starts, None)
                )
                taken[article_id].append((begin, stop))
    return result


def _occurrences(text: str, form: str) -> list[int]:
    """Start offsets of ``form`` in ``text`` that begin and end at word
    boundaries (a letter, digit, underscore or hyphen next to it is no boundary)."""
    found = []
    begin = text.find(form)
    while begin != -1:
        before = text[begin - 1] if begin else " "
        end = begin + len(form)
        after = text[end] if end < len(text) else " "
        if not _joins(before) and not _joins(after):
            found.append(begin)
        begin = text.find(form, begin + 1)
    return found


def _joins(char: str) -> bool:
    return char.isalnum() or char in "_-"


def _owners_in(article_id: str, groups: Sequence[tuple[Group, str]]) -> dict[str, int]:
    """Which group each scannable name belongs to in one article.

    Besides the forms seen, each person's surname is a form of its own, so
    "Tester said" is found when only "Jon Tester" was recognised; so is the
    surname in capitals before a colon, the speaker label of transcripts
    ("PENCE: Well, ..."), but not capitals elsewhere (headlines).
    """
    users: dict[str, set[int]] = defaultdict(set)
    local: dict[str, set[int]] = defaultdict(set)
    present: set[int] = set()
    surnames: dict[str, set[int]] = defaultdict(set)
    for i, (group, etype) in enumerate(groups):
        for c in group:
            forms = [c.form]
            if etype == "PERSON" and len(c.words) >= 2:
                surname = _surname(c.words)
                surnames[normalize_word(surname)].add(i)
                if name_like(surname):
                    forms += [surname, surname.upper() + ":"]
            for form in forms:
                users[form].add(i)
                if c.article_id == article_id:
                    local[form].add(i)
                    present.add(i)
    owners: dict[str, int] = {}
    for form, who in users.items():
        if len(form) < 2 or not form[:1].isupper():
            continue
        who = who if len(who) == 1 else local.get(form, set())
        if len(who) != 1:
            continue
        owner = next(iter(who))
        lone_person = groups[owner][1] == "PERSON" and " " not in form
        if lone_person and owner not in present:
            if surnames.get(normalize_word(form)) != {owner}:
                continue
        owners[form] = owner
    return owners


def _surname(words: Sequence[str]) -> str:
    """The surname as written: the last word that is not a suffix ("Jr.")."""
    core = [w for w in words if not is_suffix(w)] or list(words)
    return core[-1]
