"""Shared fixtures: the real spaCy pipeline and embedding model, the seed corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from counterpoint.config import DEFAULT_EMBEDDING_MODEL, DEFAULT_SPACY_MODEL

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT.parent / "shared" / "seeds"
DATA_DIR = ROOT.parent / "shared" / "data"
EXAMPLE_DIR = ROOT / "examples" / "lakeport"


@pytest.fixture(scope="session")
def nlp():
    from counterpoint.nlp import load_pipeline

    return load_pipeline(DEFAULT_SPACY_MODEL)


@pytest.fixture(scope="session")
def embedder():
    from counterpoint.embeddings import load_embedder

    return load_embedder(DEFAULT_EMBEDDING_MODEL)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    assert SEEDS_DIR.is_dir(), f"the seed articles are expected at {SEEDS_DIR}"
    return SEEDS_DIR


@pytest.fixture(scope="session")
def data_dir() -> Path:
    assert DATA_DIR.is_dir(), f"the development data is expected at {DATA_DIR}"
    return DATA_DIR


@pytest.fixture(scope="session")
def example_dir() -> Path:
    assert EXAMPLE_DIR.is_dir(), f"the bundled example is expected at {EXAMPLE_DIR}"
    return EXAMPLE_DIR


@pytest.fixture(scope="module")
def story(request, tmp_path_factory):
    """The one story of the fixture folder a test module names in ``STORY``
    (``tests/fixtures/<STORY>``), analysed through the public API into a real SQLite file."""
    from tests.factories import analyze_one_story

    name = request.module.STORY
    return analyze_one_story(Path(__file__).parent / "fixtures" / name, tmp_path_factory.mktemp(name) / "c.db")
