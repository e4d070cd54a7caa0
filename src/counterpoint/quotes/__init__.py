"""Quotes and attributions: every reported statement, verbatim, with its speaker.

The public entry point is :func:`extract_quotes`; the submodules hold quotation
mark pairing (:mod:`.marks`), the cue lexicon (:mod:`.cues`), speaker finding
and resolution (:mod:`.speakers`) and content spans (:mod:`.content`).
"""

from counterpoint.quotes.extract import extract_quotes

__all__ = ["extract_quotes"]
