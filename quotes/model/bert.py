"""A BERT encoder in a few lines of PyTorch, loading a transformers ``BertModel``'s weights.

Accurate mode runs the first layers of all-MiniLM-L6-v2, a BERT model. Importing
``transformers`` to run it costs seconds; this module is the same network (token,
position and type embeddings, then post-norm transformer layers with exact GELU)
with the same state-dict names as ``transformers.BertModel``
(``embeddings.word_embeddings.weight``, ``encoder.layer.0.attention.self.query.weight``,
...), so the weights load straight from the package's ``model.safetensors`` and a
fine-tuned delta saved under those names loads over them.

Only inference is needed: no dropout, no pooler, no cache. Importing this module
imports ``torch``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch
from torch import nn
from torch.nn import functional

__all__ = ["BertConfig", "BertEncoder"]


@dataclass(frozen=True)
class BertConfig:
    """The sizes of a BERT model, read from its ``config.json``.

    Attributes:
        vocab_size: Word pieces in the vocabulary.
        hidden_size: Width of every token vector.
        heads: Attention heads per layer.
        intermediate_size: Width of the feed-forward layer.
        layers: Transformer layers to build (the first ones of the model).
        max_positions: Longest input, in pieces.
        type_vocab_size: Segment types (2 for BERT).
        eps: The layer norms' epsilon.
    """

    vocab_size: int
    hidden_size: int
    heads: int
    intermediate_size: int
    layers: int
    max_positions: int = 512
    type_vocab_size: int = 2
    eps: float = 1e-12

    @classmethod
    def from_json(cls, config: Mapping[str, Any], layers: int) -> BertConfig:
        """The sizes from a transformers ``config.json`` (as a dict), keeping ``layers`` layers.

        Raises:
            ValueError: The model is not a plain BERT with GELU and absolute positions,
                or has fewer than ``layers`` layers.

        Examples:
            >>> BertConfig.from_json({"vocab_size": 10, "hidden_size": 8,
            ...     "num_attention_heads": 2, "intermediate_size": 16,
            ...     "num_hidden_layers": 6}, layers=3).layers
            3
        """
        if config.get("hidden_act", "gelu") != "gelu" or config.get(
            "position_embedding_type", "absolute"
        ) != "absolute":
            raise ValueError("only BERT models with GELU and absolute positions are supported")
        if not 1 <= layers <= int(config["num_hidden_layers"]):
            raise ValueError(f"the model has {config['num_hidden_layers']} layers, not {layers}")
        return cls(
            vocab_size=int(config["vocab_size"]),
            hidden_size=int(config["hidden_size"]),
            heads=int(config["num_attention_heads"]),
            intermediate_size=int(config["intermediate_size"]),
            layers=layers,
            max_positions=int(config.get("max_position_embeddings", 512)),
            type_vocab_size=int(config.get("type_vocab_size", 2)),
            eps=float(config.get("layer_norm_eps", 1e-12)),
        )


@dataclass(frozen=True)
class _Layout:
    """Where each of the windows given back to back starts and stops, and each piece's position."""

    bounds: list[tuple[int, int]]
    positions: torch.Tensor  # (N,): each piece's position in its window

    @classmethod
    def of(cls, lengths: torch.Tensor) -> _Layout:
        stops = torch.cumsum(lengths, 0)
        starts = stops - lengths
        positions = torch.arange(int(stops[-1])) - torch.repeat_interleave(starts, lengths)
        return cls(list(zip(starts.tolist(), stops.tolist(), strict=True)), positions)


class _Dense(nn.Module):
    """``dense`` then (for an output block) a residual ``LayerNorm``: transformers' names."""

    def __init__(self, inputs: int, outputs: int, eps: float | None) -> None:
        super().__init__()
        self.dense = nn.Linear(inputs, outputs)
        self.LayerNorm = nn.LayerNorm(outputs, eps=eps) if eps is not None else None  # noqa: N815

    def forward(self, x: torch.Tensor, residual: torch.Tensor | None = None) -> torch.Tensor:
        out = self.dense(x)
        if self.LayerNorm is None or residual is None:
            return out
        return self.LayerNorm(out + residual)


class _SelfAttention(nn.Module):
    def __init__(self, cfg: BertConfig) -> None:
        super().__init__()
        self.heads = cfg.heads
        self.query = nn.Linear(cfg.hidden_size, cfg.hidden_size)
        self.key = nn.Linear(cfg.hidden_size, cfg.hidden_size)
        self.value = nn.Linear(cfg.hidden_size, cfg.hidden_size)

    def forward(self, x: torch.Tensor, layout: _Layout) -> torch.Tensor:
        width = x.shape[1]
        size = width // self.heads
        # (N, width) -> (heads, N, size): a window's rows are then a view of each head
        q, k, v = (t.view(-1, self.heads, size).transpose(0, 1) for t in
                   (self.query(x), self.key(x), self.value(x)))
        out = []
        for start, stop in layout.bounds:  # each window alone: no padding, no mask
            seen = functional.scaled_dot_product_attention(
                q[None, :, start:stop], k[None, :, start:stop], v[None, :, start:stop],
                scale=1.0 / math.sqrt(size),
            )
            out.append(seen[0].transpose(0, 1).reshape(stop - start, width))
        return torch.cat(out)


class _Attention(nn.Module):
    def __init__(self, cfg: BertConfig) -> None:
        super().__init__()
        self.self = _SelfAttention(cfg)
        self.output = _Dense(cfg.hidden_size, cfg.hidden_size, cfg.eps)

    def forward(self, x: torch.Tensor, layout: _Layout) -> torch.Tensor:
        return self.output(self.self(x, layout), x)


class _Layer(nn.Module):
    def __init__(self, cfg: BertConfig) -> None:
        super().__init__()
        self.attention = _Attention(cfg)
        self.intermediate = _Dense(cfg.hidden_size, cfg.intermediate_size, None)
        self.output = _Dense(cfg.intermediate_size, cfg.hidden_size, cfg.eps)

    def forward(self, x: torch.Tensor, layout: _Layout) -> torch.Tensor:
        x = self.attention(x, layout)
        return self.output(functional.gelu(self.intermediate(x)), x)


class _Embeddings(nn.Module):
    def __init__(self, cfg: BertConfig) -> None:
        super().__init__()
        self.word_embeddings = nn.Embedding(cfg.vocab_size, cfg.hidden_size)
        self.position_embeddings = nn.Embedding(cfg.max_positions, cfg.hidden_size)
        self.token_type_embeddings = nn.Embedding(cfg.type_vocab_size, cfg.hidden_size)
        self.LayerNorm = nn.LayerNorm(cfg.hidden_size, eps=cfg.eps)  # noqa: N815

    def forward(self, ids: torch.Tensor, positions: torch.Tensor) -> torch.Tensor:
        x = self.word_embeddings(ids) + self.position_embeddings(positions)
        return self.LayerNorm(x + self.token_type_embeddings.weight[0])


class _Stack(nn.Module):
    def __init__(self, cfg: BertConfig) -> None:
        super().__init__()
        self.layer = nn.ModuleList(_Layer(cfg) for _ in range(cfg.layers))


class BertEncoder(nn.Module):
    """The embeddings and the first ``cfg.layers`` layers of a BERT model, for inference.

    Its state-dict names are those of ``transformers.BertModel`` (without the pooler),
    so ``load(weights)`` takes the arrays of the model's ``model.safetensors``.

    Args:
        cfg: The model's sizes.

    Examples:
        >>> cfg = BertConfig(vocab_size=10, hidden_size=8, heads=2, intermediate_size=16,
        ...                  layers=1)
        >>> model = BertEncoder(cfg)
        >>> "encoder.layer.0.attention.self.query.weight" in model.state_dict()
        True
        >>> ids = torch.tensor([1, 2, 3, 4, 5]); lengths = torch.tensor([3, 2])
        >>> tuple(model(ids, lengths).shape)
        (5, 8)
    """

    def __init__(self, cfg: BertConfig) -> None:
        super().__init__()
        self.cfg = cfg
        self.embeddings = _Embeddings(cfg)
        self.encoder = _Stack(cfg)
        self.eval()

    def forward(
        self, ids: torch.Tensor, lengths: torch.Tensor, mix: Sequence[float] | None = None
    ) -> torch.Tensor:
        """Last-layer vectors ``(N, hidden)`` of windows given back to back, or a mix of layers.

        The windows are not padded: every layer but attention works on the ``N`` pieces
        as one matrix, and attention sees each window alone. The vectors are those each
        window would get by itself.

        Args:
            ids: The word-piece ids of all windows, one after the other ``(N,)``.
            lengths: Each window's length ``(B,)``, summing to ``N``.
            mix: The weight of each layer's output in the result (one per layer, the
                first layer's first); ``None`` gives the last layer's output.
        """
        if mix is None:
            return self.layer_outputs(ids, lengths)[-1]
        out = None
        for weight, x in zip(mix, self.layer_outputs(ids, lengths), strict=True):
            if weight:
                out = x * weight if out is None else out + x * weight
        if out is None:
            raise ValueError("the layer mix has no non-zero weight")
        return out

    def layer_outputs(self, ids: torch.Tensor, lengths: torch.Tensor) -> list[torch.Tensor]:
        """Every layer's output ``(N, hidden)``, the first layer's first (see `forward`)."""
        layout = _Layout.of(lengths)
        x = self.embeddings(ids, layout.positions)
        out = []
        for layer in self.encoder.layer:
            x = layer(x, layout)
            out.append(x)
        return out

    def load(self, weights: Mapping[str, np.ndarray | torch.Tensor]) -> list[str]:
        """Copy the arrays named like this model's parameters into it.

        Names this model does not have (the pooler, later layers, ``position_ids``)
        are ignored.

        Args:
            weights: Arrays by their transformers state-dict names.

        Returns:
            The parameter names that were set.

        Raises:
            ValueError: An array's shape differs from the parameter's.
        """
        own = self.state_dict()
        done = []
        with torch.no_grad():
            for name, value in weights.items():
                if name not in own:
                    continue
                tensor = torch.as_tensor(np.asarray(value, dtype=np.float32))
                if tuple(tensor.shape) != tuple(own[name].shape):
                    raise ValueError(
                        f"{name}: shape {tuple(tensor.shape)}, "
                        f"the model has {tuple(own[name].shape)}"
                    )
                own[name].copy_(tensor)
                done.append(name)
        return done
