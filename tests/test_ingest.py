"""read_inputs: every supported kind is read, every bad input is one Failure, nothing raises."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counterpoint.ingest import SUPPORTED_EXTENSIONS, read_inputs

INPUTS = Path(__file__).parent / "fixtures" / "inputs"


@pytest.fixture(scope="module")
def batch():
    return read_inputs([INPUTS])


def _failure(failures, name):
    found = [f for f in failures if f.input.endswith(name)]
    assert len(found) == 1, f"expected one failure for {name}, got {failures}"
    return found[0].reason


def test_good_inputs_are_read_in_sorted_order(batch):
    articles, _ = batch
    ids = [a.input_id for a in articles]
    assert ids == ["bom", "council", "harbour", "lighthouse", "wire-1", "wire-4"]
    assert read_inputs([INPUTS]) == batch  # deterministic


def test_plain_text_markdown_and_html_kinds(batch):
    by_id = {a.input_id: a for a in batch[0]}
    assert by_id["council"].text.startswith("# Council Votes") and by_id["council"].html is None
    assert by_id["lighthouse"].html.lstrip().startswith("<!DOCTYPE html>")
    assert by_id["lighthouse"].text is None
    assert by_id["harbour"].origin == str(INPUTS / "harbour.txt")


def test_utf8_bom_is_stripped(batch):
    bom = next(a for a in batch[0] if a.input_id == "bom")
    assert bom.text.startswith("A ferry service")


def test_sidecar_fields_win_and_sidecar_is_not_an_input(batch):
    articles, failures = batch
    harbour = next(a for a in articles if a.input_id == "harbour")
    assert harbour.title == "Eastfield bridge reopens"
    assert harbour.outlet == "Eastfield Courier"
    assert harbour.published == "2024-04-07"
    assert harbour.language == "en"
    assert not any(f.input.endswith("harbour.json") for f in failures)


def test_jsonl_lines_are_articles_with_line_origins(batch):
    by_id = {a.input_id: a for a in batch[0]}
    wire = by_id["wire-1"]
    assert wire.origin == f"{INPUTS / 'wires.jsonl'}:1"
    assert wire.outlet == "Dunmore Daily" and wire.authors == ("Petra Novak",)
    assert by_id["wire-4"].html is not None and by_id["wire-4"].origin.endswith(":6")


def test_each_bad_input_is_reported_with_file_line_and_reason(batch):
    failures = batch[1]
    assert "malformed JSON" in _failure(failures, "wires.jsonl:2")
    assert "neither 'text' nor 'html'" in _failure(failures, "wires.jsonl:4")
    assert "no 'id'" in _failure(failures, "wires.jsonl:5")
    assert "binary" in _failure(failures, "photo.txt")
    assert "empty" in _failure(failures, "empty.txt")
    assert "empty" in _failure(failures, "blank.md")
    latin = _failure(failures, "latin1.txt")
    assert "not valid UTF-8" in latin and "offset 7" in latin and "0xE9" in latin
    csv = _failure(failures, "table.csv")
    assert "'.csv' is not supported" in csv and all(ext in csv for ext in SUPPORTED_EXTENSIONS)
    assert len(failures) == 8


def test_nonexistent_path_is_a_failure_and_the_rest_goes_on():
    articles, failures = read_inputs([INPUTS / "missing.txt", INPUTS / "bom.txt"])
    assert [a.input_id for a in articles] == ["bom"]
    assert failures[0].input.endswith("missing.txt") and "no such file" in failures[0].reason


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 400, encoding="utf-8")
    articles, failures = read_inputs([tmp_path], max_file_bytes=1000)
    assert articles == []
    assert failures[0].input == str(big)
    assert "2,000 bytes" in failures[0].reason and "1,000" in failures[0].reason


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file_is_a_failure(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text("Some text that cannot be read.", encoding="utf-8")
    locked.chmod(0)
    articles, failures = read_inputs([locked])
    assert articles == [] and "permission denied" in failures[0].reason


def test_bad_sidecar_is_reported_and_the_article_still_read(tmp_path):
    (tmp_path / "story.txt").write_text("A council met on Monday, a clerk said.", encoding="utf-8")
    (tmp_path / "story.json").write_text(json.dumps({"headline": "x"}), encoding="utf-8")
    articles, failures = read_inputs([tmp_path])
    assert [a.input_id for a in articles] == ["story"]
    assert failures[0].input.endswith("story.json") and "unknown fields ['headline']" in failures[0].reason


def test_duplicate_input_ids_are_refused(tmp_path):
    (tmp_path / "a.jsonl").write_text(
        '{"id": "x", "text": "First text."}\n{"id": "x", "text": "Second text."}\n', encoding="utf-8"
    )
    articles, failures = read_inputs([tmp_path])
    assert [a.text for a in articles] == ["First text."]
    assert failures[0].input.endswith("a.jsonl:2") and "already used" in failures[0].reason


def test_seeds_are_read_as_plain_text(seeds_dir):
    articles, failures = read_inputs([seeds_dir])
    assert failures == [] and len(articles) == 5
    assert all(a.text and a.html is None for a in articles)


def test_single_record_jsonl_may_omit_the_id(tmp_path):
    (tmp_path / "digest.jsonl").write_text(
        '{"text": "A ferry resumed service on Monday, the operator said.", "outlet": "Digest"}\n',
        encoding="utf-8",
    )
    articles, failures = read_inputs([tmp_path])
    assert failures == [] and articles[0].input_id == "digest"
    assert articles[0].origin.endswith("digest.jsonl:1")


def test_empty_jsonl_and_wrong_field_types(tmp_path):
    (tmp_path / "empty.jsonl").write_text("\n\n", encoding="utf-8")
    (tmp_path / "typed.jsonl").write_text(
        '{"id": "a", "text": "Fine text here.", "published": 2024}\n'
        '{"id": "b", "text": "More text here.", "authors": [1, 2]}\n'
        '[1, 2, 3]\n',
        encoding="utf-8",
    )
    articles, failures = read_inputs([tmp_path])
    assert articles == []
    reasons = {Path(f.input).name: f.reason for f in failures}
    assert "empty" in reasons["empty.jsonl"]
    assert "'published' must be a string" in reasons["typed.jsonl:1"]
    assert "'authors' must be a list of strings" in reasons["typed.jsonl:2"]
    assert "must be a JSON object" in reasons["typed.jsonl:3"]


def test_read_error_is_a_failure_even_as_root(tmp_path, monkeypatch):
    """The permission path, simulated: root can read anything, so the OS cannot refuse."""
    target = tmp_path / "locked.txt"
    target.write_text("Some text that cannot be read.", encoding="utf-8")
    (tmp_path / "open.txt").write_text("Some text that can be read.", encoding="utf-8")
    real = Path.read_bytes

    def refuse(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    articles, failures = read_inputs([tmp_path])
    assert [a.input_id for a in articles] == ["open"]
    assert failures[0].input == str(target) and "permission denied" in failures[0].reason


def test_pathological_json_is_a_failure_not_a_crash(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    huge = '{"id": "n", "text": "Some text.", "n": ' + "9" * 5000 + "}"
    (tmp_path / "odd.jsonl").write_text(f"{deep}\n{huge}\n", encoding="utf-8")
    articles, failures = read_inputs([tmp_path])
    assert articles == [] and [f.input.rsplit(":", 1)[1] for f in failures] == ["1", "2"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    content=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)),
    ext=st.sampled_from([".txt", ".md", ".html", ".jsonl", ".json", ".bin"]),
)
def test_any_bytes_give_an_article_or_a_failure_never_an_exception(tmp_path, content, ext):
    path = Path(tempfile.mkdtemp(dir=tmp_path)) / f"input{ext}"  # fresh folder per example
    path.write_bytes(content)
    articles, failures = read_inputs([path], max_file_bytes=200)
    assert articles or failures
    assert all(a.origin.startswith(str(path)) for a in articles)
    assert all(f.input.startswith(str(path)) and f.reason for f in failures)


def test_html_in_its_declared_charset_and_utf16_text(tmp_path):
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Caf\u00e9 reopens.</p></body></html>'
    (tmp_path / "legacy.html").write_bytes(page.encode("latin-1"))
    (tmp_path / "wide.txt").write_bytes("A ferry resumed service.".encode("utf-16"))
    articles, failures = read_inputs([tmp_path])
    assert failures == []
    by_id = {a.input_id: a for a in articles}
    assert "Caf\u00e9 reopens." in by_id["legacy"].html
    assert by_id["wide"].text == "A ferry resumed service."
