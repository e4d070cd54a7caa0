"""The gender a given name usually carries, so that "she" is never resolved to a Tom.

The figures come from the ``nomquamgender`` package by Ian Van Buskirk (MIT licence,
github.com/ianvanbuskirk/nomquamgender), which ships a table of about 720,000 given names
with the share of their bearers, across its sources, who are women. Only its data file is read; the package's own
module is not imported (it pulls in pandas at import time). A name counts as female when at
least 90% of its bearers are women, as male when at most 10% are, and only when it was seen
at least 50 times: the package's own default threshold for a classifiable name. Every other
name, and every name when the package is missing, gives no answer.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Literal

__all__ = ["name_gender"]

Gender = Literal["f", "m"]

# "tom": [32, 291034, 0.002, ...]: sources, bearers counted, share of women. Only entries
# seen 50 times or more whose share is at most 0.1 or at least 0.9 match.
_ENTRY = re.compile(r'"([a-z]+)": \[\d+, (?:\d{3,}|[5-9]\d), (0\.0\d*|0\.1|0\.9\d*|1\.0)[,\]]')


@lru_cache(maxsize=1)
def _table() -> dict[str, Gender]:
    """Given name -> gender, read once from the package's data file (empty without it)."""
    spec = find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "name_data.json"
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError:
        return {}
    return {m.group(1): ("f" if m.group(2).startswith(("0.9", "1")) else "m") for m in _ENTRY.finditer(raw)}


def name_gender(given: str) -> Gender | None:
    """"f" or "m" for a given name that nearly always belongs to women or to men, else None."""
    return _table().get(given.lower().strip("."))
