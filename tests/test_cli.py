"""The command as a user runs it: a real process, real files, a real SQLite database."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from counterpoint.schema import validate_dossier

pytestmark = pytest.mark.slow
COMMAND = [sys.executable, "-m", "counterpoint"]
HOSTILE = (
    "Harbour <script>alert('x')</script> closes after storm\n\n"
    "The harbour master said on Monday that the pier <img src=x onerror=alert(1)> would stay "
    "closed. \"We cannot open it until engineers have checked every support,\" she said. "
    "Ferries will use the southern terminal, the port authority said in a statement."
)


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    return subprocess.run([*COMMAND, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=600, env=env)


def test_analyze_writes_the_three_outputs_and_escapes_source_text(tmp_path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "harbour.txt").write_text(HOSTILE, encoding="utf-8")
    (corpus / "junk.bin").write_bytes(b"\x00\xff" * 50)
    result = run("analyze", str(corpus), "--out", "out", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["articles"] == 1 and summary["stories"] == 1
    assert any("junk.bin" in f["input"] for f in summary["failures"])
    assert (tmp_path / "counterpoint.db").exists()
    data = json.loads((tmp_path / "out" / "dossier.json").read_text(encoding="utf-8"))
    validate_dossier(data)
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "<script>alert(" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html
    assert "src=\"http" not in html and "href=\"http" not in html.replace("href=\"https://example", "")
    assert (tmp_path / "out" / "report.md").read_text(encoding="utf-8").strip()


def test_nothing_to_analyse_exits_non_zero_with_a_message(tmp_path) -> None:
    (tmp_path / "empty.txt").write_text("")
    result = run("analyze", str(tmp_path / "empty.txt"), "--db", "x.db", "--quiet", cwd=tmp_path)
    assert result.returncode != 0
    assert "empty.txt" in result.stderr and "error" in result.stderr


def test_a_killed_run_leaves_a_consistent_database_and_the_next_run_completes(
    tmp_path, seeds_dir, example_dir
) -> None:
    corpus = tmp_path / "in"
    shutil.copytree(seeds_dir, corpus / "seeds")
    shutil.copytree(example_dir, corpus / "example")
    db = tmp_path / "c.db"
    proc = subprocess.Popen([*COMMAND, "analyze", str(corpus), "--db", str(db), "--quiet",
                             "--out", "out"], cwd=tmp_path, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.time() + 300
    while time.time() < deadline and proc.poll() is None:
        if db.exists() and _count(db, "articles") > 0:
            break
        time.sleep(0.2)
    time.sleep(1.0)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        orphans = conn.execute("SELECT COUNT(*) FROM story_articles sa LEFT JOIN stories s "
                               "ON s.id = sa.story_id WHERE s.id IS NULL").fetchone()[0]
        assert orphans == 0
    result = run("analyze", str(corpus), "--db", str(db), "--quiet", "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "out" / "dossier.json").read_text(encoding="utf-8"))
    assert sorted(len(s["articles"]) for s in data["stories"]) == sorted(
        [5, len(_inputs(example_dir))])


def _count(db: Path, table: str) -> int:
    try:
        with sqlite3.connect(db) as conn:
            return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
    except sqlite3.Error:
        return 0


def _inputs(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.suffix in {".txt", ".md", ".html", ".jsonl"}]
