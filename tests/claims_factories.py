"""Hand-built attributions and entities for the claims tests (offsets found in the text)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from counterpoint.model import Article, Cue, Entity, Mention, Quote, Speaker, make_id

STANCE_OF_CUE = {
    "said": "neutral", "says": "neutral", "denied": "denial", "accused": "assertive",
    "could not confirm": "doubt", "questioned": "doubt", "added": "neutral",
    "called for": "assertive", "reported": "neutral",
}


def attribution(
    article: Article, content: str, cue: str, speaker: str,
    entity_id: str | None = None, name: str | None = None, kind: str = "indirect",
) -> Quote:
    """A Quote over the first occurrence of ``content``, with cue and speaker found nearby."""
    text = article.text
    start = text.index(content)
    end = start + len(content)
    sent_start = text.rfind(". ", 0, start) + 1
    cue_start = text.index(cue, sent_start)
    sp_start = text.index(speaker, sent_start)
    quoted = ((start, end),) if kind == "direct" else ()
    return Quote(
        id=make_id("q", article.id, start, end),
        article_id=article.id, start=start, end=end, text=content, quoted=quoted,
        kind=kind,  # type: ignore[arg-type]
        cue=Cue(cue_start, cue_start + len(cue), cue, STANCE_OF_CUE.get(cue, "neutral")),  # type: ignore[arg-type]
        speaker=Speaker(sp_start, sp_start + len(speaker), entity_id, name or speaker),
    )


def entity(name: str, etype: str, articles: Sequence[Article], *forms: str) -> Entity:
    """An entity with a mention at every occurrence of any of its forms in the articles."""
    mentions = []
    for article in articles:
        for form in (name, *forms):
            for m in re.finditer(re.escape(form), article.text):
                mentions.append(Mention(article.id, m.start(), m.end()))
    unique = sorted(set(mentions), key=lambda m: (m.article_id, m.start))
    return Entity(make_id("e", name), name, etype, tuple(forms), tuple(unique))
