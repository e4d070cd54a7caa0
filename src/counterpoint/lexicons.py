"""Word lists as data: load the built-in lexicons and merge users' own files into them.

Every list the framing stage uses (loaded terms, hedges, naming nouns, role titles,
demonyms) lives in a versioned JSON file under ``counterpoint/data/lexicons``. A
manifest (``index.json``) names, for each lexicon, the built-in files in merge order.
Users extend or correct a lexicon by passing more files (``Config.lexicon_paths``); a
file only joins the lexicon its ``"name"`` field names, so one list of paths can hold
files for several lexicons. Later files win: a term listed again takes the later
category, and a file's ``"remove"`` list drops terms merged before it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema

from counterpoint.errors import ConfigError

__all__ = [
    "Lexicon",
    "LexiconEntry",
    "builtin_lexicons",
    "derive_vader_negative",
    "load_lexicon",
]

_INDEX = "index.json"

FILE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["name", "id", "version", "categories"],
    "properties": {
        "name": {"type": "string", "minLength": 1},
        "id": {"type": "string", "minLength": 1},
        "version": {"type": "string", "minLength": 1},
        "description": {"type": "string"},
        "source": {"type": "string"},
        "licence": {"type": "string"},
        "categories": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string", "minLength": 1}},
        },
        "remove": {"type": "array", "items": {"type": "string"}},
    },
}


@dataclass(frozen=True)
class LexiconEntry:
    """One term: its written form, its category, and the file (``id@version``) it came from."""

    term: str
    category: str
    source: str


@dataclass(frozen=True)
class Lexicon:
    """A merged lexicon: term (lower-cased) -> entry, plus the files that built it.

    ``version`` joins each contributing file's ``id@version`` with ``+`` so a result
    can always say exactly which lists produced it.
    """

    name: str
    version: str
    entries: Mapping[str, LexiconEntry]
    sources: tuple[str, ...]

    def get(self, term: str) -> LexiconEntry | None:
        """The entry for ``term`` (case-insensitive), or ``None``."""
        return self.entries.get(term.lower())

    def terms(self, category: str | None = None) -> tuple[str, ...]:
        """All terms (lower-cased), or those of one category, in merge order."""
        return tuple(k for k, e in self.entries.items() if category in (None, e.category))

    def categories(self) -> tuple[str, ...]:
        """The distinct categories, in first-seen order."""
        return tuple(dict.fromkeys(e.category for e in self.entries.values()))


def _data_dir() -> Any:
    return resources.files("counterpoint") / "data" / "lexicons"


@lru_cache(maxsize=1)
def _manifest() -> dict[str, tuple[str, ...]]:
    raw = json.loads((_data_dir() / _INDEX).read_text(encoding="utf-8"))
    return {name: tuple(files) for name, files in raw["lexicons"].items()}


def builtin_lexicons() -> tuple[str, ...]:
    """Names of the lexicons that ship with Counterpoint."""
    return tuple(_manifest())


def _read(text: str, origin: str) -> dict[str, Any]:
    """Parse and validate one lexicon file; errors name the file and the problem."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"lexicon file {origin}: not valid JSON ({exc})") from exc
    try:
        jsonschema.validate(data, FILE_SCHEMA)
    except jsonschema.ValidationError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "top level"
        raise ConfigError(
            f"lexicon file {origin}: {exc.message} at {where}; a lexicon file is an object "
            'with "name", "id", "version" and "categories" ({category: [terms]}), '
            'optionally "remove": [terms]'
        ) from exc
    return dict(data)


@lru_cache(maxsize=64)
def _read_builtin(filename: str) -> dict[str, Any]:
    return _read((_data_dir() / filename).read_text(encoding="utf-8"), f"(built-in) {filename}")


def _read_user(path: str) -> dict[str, Any]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"lexicon file {path}: cannot be read ({exc.strerror})") from exc
    return _read(text, path)


def _merge(files: Iterable[dict[str, Any]]) -> tuple[dict[str, LexiconEntry], list[str]]:
    """Merge files in order: later categories override, ``remove`` drops earlier terms."""
    entries: dict[str, LexiconEntry] = {}
    sources: list[str] = []
    for data in files:
        source = f"{data['id']}@{data['version']}"
        sources.append(source)
        for term in data.get("remove", ()):
            entries.pop(term.strip().lower(), None)
        for category, terms in data["categories"].items():
            for term in terms:
                key = " ".join(term.split()).lower()
                entries.pop(key, None)
                entries[key] = LexiconEntry(" ".join(term.split()), category, source)
    return entries, sources


def load_lexicon(name: str, extra_paths: Sequence[str] = ()) -> Lexicon:
    """The built-in lexicon ``name`` merged with those ``extra_paths`` files naming it.

    Files in ``extra_paths`` whose ``"name"`` is another lexicon are ignored here, so
    the same configured list can be passed to every ``load_lexicon`` call. A name with
    no built-in files is allowed only when some extra file supplies it.
    """
    builtin = [_read_builtin(f) for f in _manifest().get(name, ())]
    extra = [d for d in (_read_user(p) for p in extra_paths) if d["name"] == name]
    if not builtin and not extra:
        known = ", ".join(builtin_lexicons())
        raise ConfigError(f"no lexicon named {name!r}; built-in lexicons are: {known}")
    entries, sources = _merge([*builtin, *extra])
    return Lexicon(name=name, version="+".join(sources), entries=entries, sources=tuple(sources))


def derive_vader_negative(
    lines: Iterable[str], threshold: float, exclude: Iterable[str] = ()
) -> list[str]:
    """Words of VADER's ``vader_lexicon.txt`` with mean valence at or below ``-threshold``.

    Keeps alphabetic entries only (drops emoticons and most chat shorthand) and drops
    the ``exclude`` words. This is how ``loaded_terms_vader.json`` was made; see
    ``docs/framing.md`` for the exact call.
    """
    skip = {w.lower() for w in exclude}
    words: list[str] = []
    for line in lines:
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 2 or not cols[0].isalpha() or cols[0].lower() in skip:
            continue
        if float(cols[1]) <= -threshold:
            words.append(cols[0].lower())
    return sorted(set(words))
