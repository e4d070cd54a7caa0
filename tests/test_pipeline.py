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
