"""The command line: parses options, calls one library function, renders the result."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from counterpoint.api import DEFAULT_DB, Progress as RunProgress
from counterpoint.config import DEFAULT_EMBEDDING_MODEL, DEFAULT_SPACY_MODEL, Config
from counterpoint.errors import CounterpointError

__all__ = ["app"]

app = typer.Typer(help="How a news story is told across outlets, with proof.",
                  no_args_is_help=True, add_completion=False)
err = Console(stderr=True)
out = Console()


@app.command()
def analyze(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of articles.")],
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for dossier.json, report.html, report.md.")] = Path("out"),
    db: Annotated[Path, typer.Option("--db", help="SQLite database file.")] = Path(DEFAULT_DB),
    spacy_model: Annotated[str, typer.Option(help="Any installed spaCy pipeline.")] = DEFAULT_SPACY_MODEL,
    embedding_model: Annotated[str, typer.Option(help="Sentence-transformers model directory.")] = DEFAULT_EMBEDDING_MODEL,
    lexicon: Annotated[Optional[list[Path]], typer.Option(help="Extra lexicon JSON file (repeatable).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", help="No progress bar.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print a machine-readable run summary.")] = False,
) -> None:
    """Analyse articles into a source-linked story dossier."""
    from counterpoint.api import analyze as run_analysis
    from counterpoint.export import summarize_run, write_dossier

    config = Config(spacy_model=spacy_model, embedding_model=embedding_model,
                    lexicon_paths=tuple(str(p) for p in lexicon or ()))
    try:
        with _progress(quiet or as_json) as on_progress:
            dossier = run_analysis(paths, db=db, config=config, on_progress=on_progress)
        written = write_dossier(dossier, out_dir)
    except CounterpointError as exc:
        err.print(f"[bold red]error:[/] {exc}", highlight=False)
        raise typer.Exit(exc.exit_code) from exc
    summary = summarize_run(dossier, written, str(db))
    if as_json:
        print(json.dumps(asdict(summary), ensure_ascii=False, indent=2))
    else:
        _print_summary(summary)


def _print_summary(summary: object) -> None:
    data = asdict(summary)  # type: ignore[call-overload]
    table = Table(title="Counterpoint run", show_header=False)
    for key in ("articles", "stories", "quotes", "claims"):
        table.add_row(key, str(data[key]))
    table.add_row("database", data["database"])
    for path in data["outputs"]:
        table.add_row("wrote", path)
    out.print(table)
    for item in data["not_analysed"]:
        out.print(f"[yellow]not analysed:[/] {item['article']}: {item['reason']}", highlight=False)
    if data["failures"]:
        out.print(f"[yellow]skipped {len(data['failures'])} input(s):[/]")
        for item in data["failures"]:
            out.print(f"  {item['input']}: {item['reason']}", highlight=False, markup=False)


class _progress:
    """A Rich progress bar fed by the runner's progress events (or nothing when quiet)."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.bar = Progress(TextColumn("{task.description}"), BarColumn(),
                            TextColumn("{task.completed}/{task.total}"), TimeElapsedColumn(),
                            console=err, transient=True)
        self.task = None

    def __enter__(self):  # type: ignore[no-untyped-def]
        if self.quiet:
            return lambda event: None
        self.bar.start()
        self.task = self.bar.add_task("starting", total=1)
        return self._update

    def _update(self, event: RunProgress) -> None:
        assert self.task is not None
        self.bar.update(self.task, description=f"{event.phase}: {event.detail}",
                        completed=event.step, total=max(event.total, 1))

    def __exit__(self, *exc: object) -> None:
        if not self.quiet:
            self.bar.stop()


@app.command()
def stories(db: Annotated[Path, typer.Option("--db")] = Path(DEFAULT_DB)) -> None:
    """List the stories stored in a database."""
    from counterpoint.store import Store

    if not db.exists():
        err.print(f"[bold red]error:[/] no database at {db}")
        raise typer.Exit(2)
    with Store(db) as store:
        table = Table("id", "articles", "title")
        for sid, title, n in store.list_stories():
            table.add_row(sid, str(n), title)
    out.print(table)


@app.command()
def models() -> None:
    """List the installed spaCy pipelines that --spacy-model accepts."""
    from counterpoint.nlp import installed_pipelines

    for name in installed_pipelines():
        out.print(name)


def main() -> None:  # pragma: no cover
    app()
