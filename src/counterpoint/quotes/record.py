"""The public record of an attribution: a draft turned into a :class:`Quote`.

Here the content loses trailing page furniture, its quoted segments are listed, its
kind (direct, partial, indirect) is read from how much of it stands in marks, and its
speaker takes the story entity's id and canonical name (or, for speakers who speak
together, each one's name).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from counterpoint.entities import entity_at
from counterpoint.model import Article, Entity, Quote, Speaker, make_id
from counterpoint.quotes.draft import Draft
from counterpoint.quotes.edges import before_furniture
from counterpoint.quotes.marks import Segment
from counterpoint.quotes.speakers import Resolved

__all__ = ["to_quote"]


def _entity_for(article: Article, resolved: Resolved, entities: Sequence[Entity]) -> Entity | None:
    """The story entity with a mention overlapping the last word of the resolved antecedent:
    its head. "Russia's presidential press service" is the press service, not Russia."""
    if resolved.start is None or resolved.end is None:
        return None
    words = article.text[resolved.start : resolved.end].rstrip()
    head_start = resolved.start + max(words.rfind(" "), words.rfind("\n")) + 1
    return entity_at(entities, article.id, head_start, resolved.start + len(words))


def _canonical(entity: Entity | None, name: str | None) -> str | None:
    """The entity's name, unless the recogniser cut an organisation's name short and the
    speaker's phrase gives it whole ("Workers' Alliance" for the entity "Alliance")."""
    if entity is None:
        return name
    if entity.type == "ORG" and name and len(name) > len(entity.name) and name.endswith(" " + entity.name):
        return name
    return entity.name


def _members(article: Article, members: tuple[tuple[Resolved, int, int], ...],
             entities: Sequence[Entity]) -> tuple[Speaker, ...]:
    """Each of the speakers who speak together, with their own mention, entity and canonical
    name (None for one left unnamed: "a senior official"); one named twice counts once."""
    out: dict[str, Speaker] = {}
    for resolved, start, end in members:
        entity = _entity_for(article, resolved, entities)
        member = Speaker(start, end, entity.id if entity else None, _canonical(entity, resolved.name))
        out.setdefault(member.entity_id or member.name or article.text[start:end], member)
    return tuple(out.values())


def _joint_name(article: Article, members: tuple[Speaker, ...]) -> str | None:
    """The name of speakers who speak together: each one's canonical name ("Jane Roe and
    Tom Berg"), or their own words for one left unnamed ("Jane Roe and her lawyer"); None
    when none of them is named."""
    if all(m.name is None for m in members):
        return None
    names = [m.name or article.text[m.start or 0 : m.end or 0] for m in members]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _kind(text: str, draft: Draft, quoted: tuple[tuple[int, int], ...]) -> str:
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


def to_quote(article: Article, draft: Draft, segments: tuple[Segment, ...],
              entities: Sequence[Entity]) -> Quote:
    """The public record for one draft."""
    text = article.text
    inner = [(s.inner_start, s.inner_end) for s in segments]
    draft = replace(draft, end=before_furniture(text, draft.start, draft.end, inner))
    quoted = tuple((max(s.inner_start, draft.start), min(s.inner_end, draft.end)) for s in segments
                   if s.inner_start < draft.end and draft.start < s.inner_end
                   and not any(lo <= s.start and s.end <= hi for lo, hi in draft.frames)
                   and not draft.gloss)  # "a charge Kyiv denied": the words in marks are the accuser's
    entity = _entity_for(article, draft.resolved, entities)
    name = _canonical(entity, draft.resolved.name)
    speaker = Speaker(draft.speaker_start, draft.speaker_end, entity.id if entity else None, name)
    if draft.members:
        members = _members(article, draft.members, entities)
        speaker = Speaker(draft.speaker_start, draft.speaker_end, None, _joint_name(article, members), members)
        if len(members) == 1:  # "Roe and Roe": one speaker after all
            speaker = Speaker(draft.speaker_start, draft.speaker_end, members[0].entity_id, members[0].name)
    return Quote(
        id=make_id("q", article.id, draft.start, draft.end, *((draft.cue.start,) if draft.gloss and draft.cue else ())),
        article_id=article.id,
        start=draft.start,
        end=draft.end,
        text=text[draft.start : draft.end],
        quoted=quoted,
        kind=_kind(text, draft, quoted),  # type: ignore[arg-type]
        cue=draft.cue,
        speaker=speaker,
    )
