"""The stage list is checked before any work."""

from __future__ import annotations

import dataclasses

import pytest

from counterpoint.errors import PipelineError
from counterpoint.pipeline import STAGES, check


def test_the_shipped_stage_list_is_consistent() -> None:
    check(STAGES)


def test_a_missing_input_fails_naming_what_is_available() -> None:
    broken = [s for s in STAGES if s.name != "entities"]
    with pytest.raises(PipelineError) as info:
        check(broken)
    message = str(info.value)
    assert "'quotes' requires entities" in message
    assert "available at that point" in message and "docs" in message


def test_stage_names_are_unique_and_versioned() -> None:
    names = [s.name for s in STAGES]
    assert len(names) == len(set(names))
    assert all(s.version for s in STAGES)
    renamed = [dataclasses.replace(s, requires=s.requires + ("nothing",)) if s.name == "report"
               else s for s in STAGES]
    with pytest.raises(PipelineError):
        check(renamed)


def test_the_code_digest_follows_code_and_data_but_not_caches(tmp_path) -> None:
    from counterpoint.pipeline import code_digest, digest_of

    (tmp_path / "data").mkdir()
    (tmp_path / "stage.py").write_text("def f():\n    return 1\n")
    (tmp_path / "data" / "cues.json").write_text('{"say": "neutral"}')
    first = digest_of(tmp_path)
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "stage.cpython-311.pyc").write_bytes(b"\x00\x01")
    (tmp_path / "notes.md").write_text("not code")
    assert digest_of(tmp_path) == first
    (tmp_path / "data" / "cues.json").write_text('{"say": "assertive"}')
    assert digest_of(tmp_path) != first
    assert len(code_digest()) == 16 and code_digest() == code_digest()
