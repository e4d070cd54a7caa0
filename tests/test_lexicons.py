"""Lexicons are data: built-in files load, are documented and versioned, and users extend them."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from counterpoint.errors import ConfigError
from counterpoint.lexicons import (
    Lexicon,
    LexiconEntry,
    builtin_lexicons,
    derive_vader_negative,
    load_lexicon,
)

LEXICON_DIR = resources.files("counterpoint") / "data" / "lexicons"


def _write(path: Path, **fields: object) -> str:
    data: dict[str, object] = {
        "name": "loaded_terms",
        "id": "my-list",
        "version": "0.1",
        "categories": {},
    }
    data.update(fields)
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def entry(lexicon: Lexicon, term: str) -> LexiconEntry:
    """The entry for ``term``, failing the test when the lexicon lacks it."""
    found = lexicon.get(term)
    assert found is not None, f"{term!r} not in {lexicon.name}"
    return found


def test_every_builtin_lexicon_loads_with_a_version_and_terms() -> None:
    names = builtin_lexicons()
    assert {"loaded_terms", "hedges", "naming", "affiliation", "demonyms"} <= set(names)
    for name in names:
        lexicon = load_lexicon(name)
        assert lexicon.name == name
        assert lexicon.entries, name
        assert all("@" in source for source in lexicon.sources)


def test_every_builtin_file_says_where_it_came_from_and_its_licence() -> None:
    index = json.loads((LEXICON_DIR / "index.json").read_text(encoding="utf-8"))
    files = [f for group in index["lexicons"].values() for f in group]
    for filename in files:
        data = json.loads((LEXICON_DIR / filename).read_text(encoding="utf-8"))
        for key in ("version", "description", "source", "licence"):
            assert data.get(key), f"{filename} lacks {key!r}"


def test_loaded_terms_merge_the_vader_list_under_the_hand_written_one() -> None:
    lexicon = load_lexicon("loaded_terms")
    assert lexicon.version.startswith("vader-negative@")
    assert entry(lexicon, "Warmonger").category == "pejorative label"
    assert entry(lexicon, "warmonger").source.startswith("counterpoint-loaded-terms@")
    assert entry(lexicon, "horrific").category == "emotive"
    assert entry(lexicon, "despairs").source.startswith("vader-negative@")
    # descriptive news words are filtered out of the VADER list
    assert lexicon.get("killed") is None
    assert lexicon.get("war") is None


def test_hedges_hold_hedges_and_boosters() -> None:
    lexicon = load_lexicon("hedges")
    for term in ("alleged", "so-called", "purported", "reportedly", "apparently", "unverified"):
        assert entry(lexicon, term).category.startswith("hedge"), term
    for term in ("confirmed", "revealed", "proved"):
        assert entry(lexicon, term).category == "booster"


def test_user_file_adds_recategorises_and_removes_terms(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "mine.json",
        categories={"pejorative label": ["crook", "  Brutal  "], "emotive": ["warmonger"]},
        remove=["monstrous"],
    )
    lexicon = load_lexicon("loaded_terms", [path])
    assert entry(lexicon, "crook").category == "pejorative label"
    assert entry(lexicon, "crook").source == "my-list@0.1"
    assert entry(lexicon, "brutal").category == "pejorative label"
    assert entry(lexicon, "warmonger").category == "emotive"
    assert lexicon.get("monstrous") is None
    assert lexicon.version.endswith("+my-list@0.1")
    # the built-in list is untouched for callers without the file
    assert load_lexicon("loaded_terms").get("monstrous") is not None


def test_user_file_for_another_lexicon_is_ignored(tmp_path: Path) -> None:
    path = _write(tmp_path / "h.json", name="hedges", categories={"hedge: distancing": ["crook"]})
    assert load_lexicon("loaded_terms", [path]).get("crook") is None
    assert load_lexicon("hedges", [path]).get("crook") is not None


def test_a_lexicon_only_users_supply_is_allowed(tmp_path: Path) -> None:
    path = _write(tmp_path / "x.json", name="slurs", categories={"slur": ["x-word"]})
    assert load_lexicon("slurs", [path]).terms("slur") == ("x-word",)


def test_unknown_lexicon_names_the_known_ones() -> None:
    with pytest.raises(ConfigError, match="built-in lexicons are: .*hedges"):
        load_lexicon("no_such_list")


def test_bad_files_fail_with_the_file_and_the_problem(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigError, match="broken.json: not valid JSON"):
        load_lexicon("loaded_terms", [str(broken)])
    no_version = tmp_path / "nover.json"
    no_version.write_text(json.dumps({"name": "loaded_terms", "id": "x", "categories": {}}))
    with pytest.raises(ConfigError, match="nover.json: 'version' is a required property"):
        load_lexicon("loaded_terms", [str(no_version)])
    wrong = _write(tmp_path / "wrong.json", categories={"emotive": "not a list"})
    with pytest.raises(ConfigError, match="wrong.json: .* at categories/emotive"):
        load_lexicon("loaded_terms", [wrong])
    with pytest.raises(ConfigError, match="missing.json: cannot be read"):
        load_lexicon("loaded_terms", [str(tmp_path / "missing.json")])


def test_derive_vader_negative_keeps_strong_alphabetic_words() -> None:
    lines = [
        "awful\t-3.4\t0.5\t[-3]\n",
        "meh\t-1.0\t0.5\t[-1]\n",
        ":-(\t-2.9\t0.5\t[-3]\n",
        "Killed\t-3.5\t0.5\t[-4]\n",
        "great\t3.1\t0.5\t[3]\n",
        "broken line\n",
    ]
    assert derive_vader_negative(lines, 2.5, exclude=["killed"]) == ["awful"]


def test_shipped_vader_list_is_what_its_recorded_filter_derives() -> None:
    vader = pytest.importorskip("vaderSentiment", reason="vaderSentiment not installed")
    source = Path(vader.__file__).parent / "vader_lexicon.txt"
    data = json.loads((LEXICON_DIR / "loaded_terms_vader.json").read_text(encoding="utf-8"))
    rule = data["filter"]
    with source.open(encoding="utf-8") as lines:
        derived = derive_vader_negative(lines, rule["threshold"], rule["exclude"])
    assert data["categories"]["emotive"] == derived
