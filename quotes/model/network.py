"""The tagger's network in plain NumPy: a bidirectional LSTM, a softmax, and Viterbi decoding.

The weights have PyTorch's names and gate order (``scripts/train_tagger.py``
trains them with PyTorch); inference here needs NumPy only.
"""

from __future__ import annotations

from contextlib import nullcontext
from functools import lru_cache
from typing import Any

import numpy as np

__all__ = ["TAGS", "bilstm_probabilities", "one_blas_thread", "viterbi", "weigh_outside"]

#: The tags, in the order of the network's outputs.
TAGS: tuple[str, ...] = ("O", "B-SOURCE", "I-SOURCE", "B-CUE", "I-CUE", "B-CONTENT", "I-CONTENT")

_NEG = -1e9
#: Allowed tag transitions (0 or -inf): ``I-X`` only after ``B-X`` or ``I-X``.
_TRANSITIONS = np.zeros((len(TAGS), len(TAGS)))
_START = np.zeros(len(TAGS))
for _j, _to in enumerate(TAGS):
    if _to.startswith("I-"):
        _START[_j] = _NEG
        for _i, _frm in enumerate(TAGS):
            if _frm[2:] != _to[2:]:
                _TRANSITIONS[_i, _j] = _NEG


def _reverse_index(lengths: np.ndarray, steps: int) -> np.ndarray:
    """Gather indices that reverse each padded sequence within its own length."""
    idx = np.arange(steps)[None, :].repeat(len(lengths), 0)
    rev = lengths[:, None] - 1 - idx
    return np.where(rev >= 0, rev, idx)


def _bilstm_layer(
    x: np.ndarray,
    lengths: np.ndarray,
    rev_idx: np.ndarray,
    fwd: tuple[np.ndarray, ...],
    bwd: tuple[np.ndarray, ...],
) -> np.ndarray:
    """One bidirectional LSTM layer over a padded batch ``(B, T, D)`` (PyTorch gate order).

    Both directions run in the same loop (a batched matmul over the pair); the
    backward one reads each sequence reversed within its length, as PyTorch's
    packed sequences do, so padding never reaches a real token. ``lengths``
    must be sorted longest first: step ``t`` only computes the sequences still
    running, a prefix of the batch.
    """
    bsz, steps, _ = x.shape
    hidden = fwd[1].shape[1]
    x_rev = np.take_along_axis(x, rev_idx[:, :, None], axis=1)
    pre = np.stack([x @ fwd[0].T + fwd[2], x_rev @ bwd[0].T + bwd[2]])  # (2, B, T, 4H)
    pre = np.ascontiguousarray(pre.transpose(2, 0, 1, 3))  # (T, 2, B, 4H)
    w_hh = np.stack([fwd[1].T, bwd[1].T])  # (2, H, 4H)
    h = np.zeros((2, bsz, hidden), dtype=np.float32)
    c = np.zeros((2, bsz, hidden), dtype=np.float32)
    out = np.zeros((steps, 2, bsz, hidden), dtype=np.float32)
    h2, h3 = 2 * hidden, 3 * hidden
    # The gates in one pass: sigmoid(g) = 0.5 * tanh(0.5 * g) + 0.5 for the input,
    # forget and output gates, tanh(g) = 1 * tanh(1 * g) + 0 for the cell gate (the same
    # floating-point results as computing them apart, with one tanh over the row).
    scale = np.full(4 * hidden, 0.5, dtype=np.float32)
    scale[h2:h3] = 1.0
    shift = np.full(4 * hidden, 0.5, dtype=np.float32)
    shift[h2:h3] = 0.0
    running = (lengths[None, :] > np.arange(steps)[:, None]).sum(axis=1)
    for t in range(steps):
        n = int(running[t])
        g = pre[t, :, :n] + np.matmul(h[:, :n], w_hh)
        s = np.tanh(g * scale)
        s *= scale
        s += shift
        c = s[:, :, hidden:h2] * c[:, :n] + s[:, :, :hidden] * s[:, :, h2:h3]
        h = s[:, :, h3:] * np.tanh(c)
        out[t, :, :n] = h
    out = out.transpose(1, 2, 0, 3)  # (2, B, T, H)
    back = np.take_along_axis(out[1], rev_idx[:, :, None], axis=1)
    return np.concatenate([out[0], back], axis=2)


@lru_cache(maxsize=1)
def _blas_controller() -> Any:
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # optional: without it the BLAS library keeps its own setting
        return None
    return ThreadpoolController()


def one_blas_thread() -> Any:
    """A context in which BLAS runs on one thread (a no-op without ``threadpoolctl``)."""
    ctl = _blas_controller()
    return ctl.limit(limits=1, user_api="blas") if ctl is not None else nullcontext()


def bilstm_probabilities(
    w: dict[str, np.ndarray], layers: int, x: np.ndarray, lengths: np.ndarray
) -> np.ndarray:
    """Tag probabilities ``(B, T, len(TAGS))`` of a padded batch of inputs ``(B, T, D)``.

    Args:
        w: The weights, by their PyTorch names (``lstm.*``, ``out.*``).
        layers: Number of bidirectional LSTM layers.
        x: The input vectors of each token (word and suffix embeddings, features).
        lengths: Length of each sequence, longest first.
    """
    steps = x.shape[1]
    rev_idx = _reverse_index(lengths, steps)
    for layer in range(layers):
        parts = []
        for suffix in ("", "_reverse"):
            parts.append(
                (
                    w[f"lstm.weight_ih_l{layer}{suffix}"],
                    w[f"lstm.weight_hh_l{layer}{suffix}"],
                    w[f"lstm.bias_ih_l{layer}{suffix}"] + w[f"lstm.bias_hh_l{layer}{suffix}"],
                )
            )
        x = _bilstm_layer(x, lengths, rev_idx, parts[0], parts[1])
    logits = x @ w["out.weight"].T + w["out.bias"]
    logits -= logits.max(axis=2, keepdims=True)
    p = np.exp(logits)
    p /= p.sum(axis=2, keepdims=True)
    return p


def weigh_outside(probs: list[np.ndarray], weight: float) -> list[np.ndarray]:
    """The tag probabilities with the ``O`` tag's scaled by ``weight``, renormalised.

    A weight below 1 lets a token the network half-reads as part of a span join it:
    the decoder then prefers a span where ``O`` wins only narrowly. Accurate mode's
    weight (``outside_weight`` in ``accurate.json``) was chosen on held-back train
    articles; 1 returns ``probs`` unchanged.

    Args:
        probs: The tag probabilities ``(len(tokens), len(TAGS))`` of each chunk.
        weight: The factor of the ``O`` column (positive).

    Examples:
        >>> p = weigh_outside([np.array([[0.6, 0.0, 0.0, 0.0, 0.0, 0.4, 0.0]])], 0.5)[0]
        >>> [round(float(x), 2) for x in p[0, [0, 5]]]
        [0.43, 0.57]
    """
    if weight == 1.0:
        return probs
    out = []
    for p in probs:
        q = p.copy()
        q[:, 0] *= weight
        q /= q.sum(axis=1, keepdims=True)
        out.append(q)
    return out


def viterbi(probs: list[np.ndarray]) -> list[list[tuple[int, float]]]:
    """The best valid tag sequence of each chunk, with each tag's probability.

    Viterbi over the log probabilities with the BIO constraint (``I-X`` only
    after ``B-X`` or ``I-X``), all chunks at once.

    Args:
        probs: The tag probabilities ``(len(tokens), len(TAGS))`` of each chunk.
    """
    if not probs:
        return []
    lengths = [len(p) for p in probs]
    steps = max(lengths)
    n_tags = len(TAGS)
    logp = np.zeros((len(probs), steps, n_tags), dtype=np.float64)
    for j, p in enumerate(probs):
        logp[j, : len(p)] = np.log(np.maximum(p, 1e-12))
    trans = _TRANSITIONS
    score = logp[:, 0] + _START
    back = np.zeros((len(probs), steps, n_tags), dtype=np.int64)
    for t in range(1, steps):
        cand = score[:, :, None] + trans[None]  # (B, from, to)
        back[:, t] = cand.argmax(axis=1)
        new = cand.max(axis=1) + logp[:, t]
        live = np.array([t < n for n in lengths])[:, None]
        score = np.where(live, new, score)
    out = []
    for j, p in enumerate(probs):
        n = lengths[j]
        k = int(score[j].argmax())
        path = [k]
        for t in range(n - 1, 0, -1):
            k = int(back[j, t, k])
            path.append(k)
        path.reverse()
        out.append([(b, float(p[i, b])) for i, b in enumerate(path)])
    return out
