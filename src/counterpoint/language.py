"""Language of an article's cleaned text, as an ISO 639-1 code.

py3langid (a deterministic naive Bayes model over byte n-grams, shipped with the package)
does the work. Very short texts carry too little evidence for any model, so they get
``"und"`` (undetermined) rather than a confident-looking guess; so do texts the model
itself is unsure about.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["detect_language", "UNDETERMINED", "MIN_LETTERS", "MIN_CONFIDENCE"]

UNDETERMINED = "und"
MIN_LETTERS = 20
MIN_CONFIDENCE = 0.5
MAX_CHARS = 20_000
_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """The packaged py3langid model with normalised probabilities (loaded once)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``'s language, or ``"und"`` when it is too short to tell.

    Only the first 20,000 characters are read: more adds time, not accuracy.
    """
    sample = text[:MAX_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return UNDETERMINED
    code, probability = _identifier().classify(sample)
    return str(code) if probability >= MIN_CONFIDENCE else UNDETERMINED
