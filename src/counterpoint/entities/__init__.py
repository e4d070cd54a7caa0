"""Entities across a story: people, organisations, places and groups merged
across all of a story's articles, each with every mention's exact offsets.

See ``docs/entities.md`` for the merging rules and their reasons.
"""

from counterpoint.entities.resolve import entity_at, resolve_entities

__all__ = ["entity_at", "resolve_entities"]
