"""``python -m counterpoint`` runs the command line."""

from counterpoint.cli import app

app()
