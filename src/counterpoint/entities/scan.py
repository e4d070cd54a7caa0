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

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from counterpoint.entities.mentions import Candidate
from counterpoint.entities.names import normalize_word

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
        if not owners:
            continue
        for m in _pattern(list(owners)).finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken[article_id]):
                continue
            form = " ".join(m.group().split())
            starts = tuple(m.start() + w.start() for w in re.finditer(r"\S+", m.group()))
            result[owners[form]][0].append(
                Candidate(article_id, m.start(), m.end(), tuple(form.split()), starts, None)
            )
            taken[article_id].append((m.start(), m.end()))
    return result


def _pattern(forms: list[str]) -> re.Pattern[str]:
    forms.sort(key=lambda f: (-len(f), f))
    body = "|".join(r"\s+".join(map(re.escape, f.split())) for f in forms)
    return re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])")


def _owners_in(article_id: str, groups: Sequence[tuple[Group, str]]) -> dict[str, int]:
    """Which group each scannable name belongs to in one article."""
    users: dict[str, set[int]] = defaultdict(set)
    local: dict[str, set[int]] = defaultdict(set)
    present: set[int] = set()
    surnames: dict[str, set[int]] = defaultdict(set)
    for i, (group, etype) in enumerate(groups):
        for c in group:
            users[c.form].add(i)
            if c.article_id == article_id:
                local[c.form].add(i)
                present.add(i)
            if etype == "PERSON" and len(c.words) >= 2:
                surnames[normalize_word(c.words[-1])].add(i)
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
