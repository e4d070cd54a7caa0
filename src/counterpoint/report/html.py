"""``report.html``: one self-contained page a journalist can open offline.

Rendered with Jinja2 and autoescaping on, so every piece of source text
(titles, article text, quotes, entity names) is shown as text and never
interpreted as markup. Article texts are rendered from segments cut at span
offsets (see :mod:`counterpoint.report.spans`), each piece escaped on its own.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

import jinja2

from counterpoint.model import Dossier
from counterpoint.report.view import STATUS_HELP, dossier_view

__all__ = ["render_html"]

STANCE_LABELS = {
    "asserts": "asserts",
    "denies": "denies",
    "disputes": "disputes",
    "cannot_confirm": "cannot confirm",
    "reports": "reports",
    "neutral": "neutral",
    "assertive": "assertive",
    "denial": "denial",
    "doubt": "doubt",
}


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) link, else ``None``: no ``javascript:`` hrefs from data."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("counterpoint", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.globals["STATUS_HELP"] = STATUS_HELP
    env.globals["STANCE_LABELS"] = STANCE_LABELS
    return env


def render_html(dossier: Dossier) -> str:
    """The whole dossier as one HTML page with inline CSS and a few lines of inline JS."""
    template = _environment().get_template("report.html")
    return template.render(view=dossier_view(dossier))
