"""The reports a reader sees: ``report.html`` and ``report.md`` built from a dossier.

Both are pure functions of a :class:`~counterpoint.model.Dossier` (no I/O); the
runner writes the returned text wherever it wants.
"""

from counterpoint.report.html import render_html
from counterpoint.report.markdown import render_markdown

__all__ = ["render_html", "render_markdown"]
