"""Embedding neighbours within speaker blocks: the candidates of the ``semantic`` mode.

A paraphrase may share no rare word with the statement it renders, so the
``semantic`` mode also proposes, for each distinct text, its nearest neighbours in
the sentence-embedding space among the texts of the same speaker (one block per
speaker entity, so name variants of one person are searched together):

* a block of at most `ALL_PAIRS` texts: every pair;
* up to `EXACT_BLOCK` texts: the exact ``k`` nearest (cosine), by chunked matrix
  products;
* a larger block: random-hyperplane (SimHash) codes, sorted under several random
  projections; each text pairs with its ``k`` neighbours on each side in each order
  (sorted neighbourhoods), linear in the block but for the sorts.

Every candidate is then verified (see `quotes.dedupe.statement`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["ALL_PAIRS", "EXACT_BLOCK", "NEIGHBOURS", "neighbour_pairs"]

#: Blocks of at most this many texts are compared all-pairs.
ALL_PAIRS = 64
#: Blocks of at most this many texts get the exact nearest neighbours.
EXACT_BLOCK = 4096
#: Nearest neighbours each text is paired with.
NEIGHBOURS = 10
_PROJECTIONS = 6
_BITS = 32
_CHUNK = 512


def neighbour_pairs(
    vectors: np.ndarray, items: np.ndarray, blocks: Sequence[int], k: int = NEIGHBOURS
) -> np.ndarray:
    """Candidate pairs of ``items``: near neighbours of one block in embedding space.

    Args:
        vectors: L2-normalised vectors, one row per entry of ``items``.
        items: Item ids (the rows of ``vectors``).
        blocks: Block of every item id.
        k: Neighbours per text.

    Returns:
        An ``(n, 2)`` int64 array of unique item pairs ``i < j``.

    Examples:
        >>> v = np.eye(3, dtype=np.float32)
        >>> neighbour_pairs(v, np.array([4, 5, 6]), [0] * 4 + [1, 1, 2]).tolist()
        [[4, 5]]
    """
    by_block: dict[int, list[int]] = {}
    for row, item in enumerate(items.tolist()):
        by_block.setdefault(blocks[item], []).append(row)
    out = [np.empty((0, 2), dtype=np.int64)]
    rng = np.random.default_rng(17)
    dims = vectors.shape[1] if vectors.ndim == 2 else 1
    planes = rng.standard_normal((_PROJECTIONS, dims, _BITS))
    for rows in by_block.values():
        if len(rows) < 2:
            continue
        local = np.asarray(rows, dtype=np.int64)
        if len(local) <= ALL_PAIRS:
            a, b = np.triu_indices(len(local), 1)
            pairs = np.stack([a, b], axis=1)
        elif len(local) <= EXACT_BLOCK:
            pairs = _exact(vectors[local], k)
        else:
            pairs = _sorted_codes(vectors[local], planes, k)
        out.append(items[local[pairs]])
    pairs = np.concatenate(out)
    pairs = np.sort(pairs, axis=1)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    return np.unique(pairs, axis=0)


def _exact(vectors: np.ndarray, k: int) -> np.ndarray:
    """Each row paired with its ``k`` nearest others (cosine), in chunks of rows."""
    n = len(vectors)
    k = min(k, n - 1)
    out = []
    for start in range(0, n, _CHUNK):
        sims = vectors[start : start + _CHUNK] @ vectors.T
        rows = np.arange(start, min(start + _CHUNK, n))
        sims[rows - start, rows] = -np.inf
        near = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        out.append(np.stack([np.repeat(rows, k), near.ravel()], axis=1))
    return np.concatenate(out)


def _sorted_codes(vectors: np.ndarray, planes: np.ndarray, k: int) -> np.ndarray:
    """Pairs of neighbours in the orders of several SimHash codes (``k`` each side)."""
    n = len(vectors)
    weights = (1 << np.arange(_BITS - 1, -1, -1, dtype=np.uint64)).astype(np.uint64)
    out = []
    for plane in planes:
        bits = (vectors @ plane) > 0
        codes = (bits.astype(np.uint64) * weights).sum(axis=1, dtype=np.uint64)
        order = np.argsort(codes, kind="stable")
        for step in range(1, k + 1):
            out.append(np.stack([order[:-step], order[step:]], axis=1))
    return np.concatenate(out) if n > 1 else np.empty((0, 2), dtype=np.int64)
