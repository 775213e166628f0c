"""Pair scores for `quotes.dedupe.cluster`.

* `verbatim_scores` scores candidate pairs as near-verbatim variants with
  rapidfuzz (``ratio``, ``token_sort_ratio``, ``partial_ratio`` and the pieces of
  quotes cut with an ellipsis), in bulk with `rapidfuzz.process.cpdist`. The
  costlier scorers run only where an upper bound from the lengths and the plain
  ratio says the threshold is within reach, so the verdicts are those of scoring
  every pair in full.
* `statement_score` is the rarity-weighted cosine of two quotes' content
  terms; `term_weights` gives the rarity weights.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib.resources import files
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

__all__ = [
    "background_df",
    "partial_bound",
    "ratio_bound",
    "statement_score",
    "term_weights",
    "verbatim_scores",
]


def verbatim_scores(
    texts: Sequence[str],
    words: Sequence[int],
    segments: dict[int, list[str]],
    pairs: np.ndarray,
    *,
    min_partial_words: int,
    accept: tuple[float, float] = (101.0, 101.0),
    exact: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """Score candidate pairs as near-verbatim variants.

    Args:
        texts: Normalised text of each item.
        words: Word count of each item.
        segments: For items whose quote was cut with an ellipsis, its normalised
            pieces.
        pairs: ``(n, 2)`` item pairs.
        min_partial_words: The shorter text needs this many words for containment
            (truncation, ellipsis) to count.
        accept: ``(full, part)`` scores at which a pair is accepted anyway: the
            costlier scorers are skipped for it, and unless ``exact`` they report
            0 below these scores (so the scores are exact only for accepted pairs).
        exact: Compute the costlier scores in full where they run.

    Returns:
        ``(full, part)``: for each pair the best of ``ratio`` and
        ``token_sort_ratio`` (0-100), and the containment score (0-100; 0 when the
        shorter side is too short to count).
    """
    n = len(pairs)
    if n == 0:
        return np.zeros(0, np.float32), np.zeros(0, np.float32)
    a = list(map(texts.__getitem__, pairs[:, 0].tolist()))
    b = list(map(texts.__getitem__, pairs[:, 1].tolist()))
    ratio = process.cpdist(a, b, scorer=fuzz.ratio, workers=-1, dtype=np.float32)
    # Cheaper scores first; the costlier ones only where the verdict is still open,
    # and (unless exact) only where a bound from the lengths and the plain ratio
    # says the cutoff is within reach.
    cutoff = tuple(0.0 if exact or a > 100 else a for a in accept)
    len_a = np.fromiter(map(len, a), np.float64, n)
    len_b = np.fromiter(map(len, b), np.float64, n)
    full = _full_scores(a, b, ratio, len_a, len_b, accept[0], cutoff[0])
    word_arr = np.asarray(words, dtype=np.int64)
    short = np.minimum(word_arr[pairs[:, 0]], word_arr[pairs[:, 1]])
    part = np.zeros(n, dtype=np.float32)
    eligible = (short >= min_partial_words) & (full < accept[0])
    if cutoff[1]:
        common = ratio * (len_a + len_b) / 200.0  # longest common subsequence, in characters
        eligible &= partial_bound(common, np.minimum(len_a, len_b)) >= cutoff[1]
    eligible = np.flatnonzero(eligible)
    if len(eligible):
        part[eligible] = _cpdist(a, b, eligible, fuzz.partial_ratio, cutoff[1])
    if segments:
        open_ = np.flatnonzero((full < accept[0]) & (part < accept[1]))
        part[open_] = np.maximum(
            part[open_],
            _elided_scores(texts, words, segments, pairs[open_], min_partial_words, cutoff[1]),
        )
    return full, part


def _full_scores(
    a: list[str],
    b: list[str],
    ratio: np.ndarray,
    len_a: np.ndarray,
    len_b: np.ndarray,
    accept: float,
    cutoff: float,
) -> np.ndarray:
    """The best of ``ratio`` and ``token_sort_ratio`` of each pair (0-100).

    ``token_sort_ratio`` runs only below ``accept`` and (with a ``cutoff``) where
    its bound can reach the cutoff.
    """
    full = ratio.copy()
    todo = full < accept
    if cutoff:
        todo &= ratio_bound(np.minimum(len_a, len_b), len_a + len_b) >= cutoff
    rows = np.flatnonzero(todo)
    if len(rows):
        full[rows] = np.maximum(full[rows], _cpdist(a, b, rows, fuzz.token_sort_ratio, cutoff))
    return full


# Bounds that let the costlier scorers skip pairs that cannot reach a cutoff. Each is
# an upper bound of the score, loosened by a hair for floating-point error.


def ratio_bound(shorter: np.ndarray, total: np.ndarray) -> np.ndarray:
    """Upper bound of ``ratio`` and ``token_sort_ratio`` from the two lengths (0-100).

    ``ratio = 200 * common / total`` and the common subsequence is at most the
    shorter string; sorting the tokens does not change the lengths.
    """
    return 200.0 * shorter / np.maximum(total, 1.0) + 1e-3


def partial_bound(common: np.ndarray, shorter: np.ndarray) -> np.ndarray:
    """Upper bound of ``partial_ratio`` (0-100) from the longest common subsequence.

    ``partial_ratio`` is the ``ratio`` of the shorter string ``s`` and some window
    ``w`` of the longer: ``200 * c / (len(s) + len(w))`` with ``c <= len(w)`` and
    ``c`` at most the common subsequence of the whole strings, ``common``. With
    ``x = common / len(s)`` the score is at most ``200 * x / (1 + x)``.
    """
    x = (common + 0.5) / np.maximum(shorter, 1.0)
    return np.minimum(200.0 * x / (1.0 + x), 100.0) + 1e-3


def _cpdist(a: list[str], b: list[str], rows: np.ndarray, scorer: Any, cutoff: float) -> np.ndarray:
    """``scorer(a[k], b[k])`` for each ``k`` of ``rows``, in bulk (0 below ``cutoff``)."""
    return process.cpdist(
        [a[k] for k in rows],
        [b[k] for k in rows],
        scorer=scorer,
        workers=-1,
        dtype=np.float32,
        score_cutoff=cutoff,
    )


def _elided_scores(
    texts: Sequence[str],
    words: Sequence[int],
    segments: dict[int, list[str]],
    pairs: np.ndarray,
    min_partial_words: int,
    cutoff: float = 0.0,
) -> np.ndarray:
    """Containment of elided quotes in the other side of each pair (0-100).

    A quote cut with an ellipsis is contained in another if each of its pieces is:
    the score is the length-weighted mean of ``partial_ratio(piece, other)`` over
    its pieces (one-word pieces of a quote with several are left out; a piece
    longer than the other text scores 0). Both sides of a pair are tried and the
    better kept; sides without pieces or shorter than ``min_partial_words`` score 0.
    All pieces of all pairs are scored in one `rapidfuzz.process.cpdist` call;
    with a ``cutoff``, only the sides whose bound (see `partial_bound`) can
    reach it are, and the others report 0.
    """
    unit, piece_texts, other_texts = _piece_rows(texts, words, segments, pairs, min_partial_words)
    out = np.zeros(len(pairs), dtype=np.float32)
    if not unit:
        return out
    weight = np.fromiter(map(len, piece_texts), np.float64, len(piece_texts))
    other_len = np.fromiter(map(len, other_texts), np.float64, len(other_texts))
    units = np.asarray(unit, dtype=np.int64)
    mass = np.bincount(units, weights=weight, minlength=2 * len(pairs))
    todo = np.arange(len(unit))
    if cutoff:
        ratio = process.cpdist(piece_texts, other_texts, scorer=fuzz.ratio, workers=-1)
        bound = np.where(
            weight > other_len, 0.0, partial_bound(ratio * (weight + other_len) / 200.0, weight)
        )
        reach = np.bincount(units, weights=bound * weight, minlength=2 * len(pairs))
        todo = np.flatnonzero(reach[units] >= cutoff * mass[units])
    scores = np.zeros(len(unit), dtype=np.float64)
    if len(todo):
        scores[todo] = process.cpdist(
            [piece_texts[k] for k in todo],
            [other_texts[k] for k in todo],
            scorer=fuzz.partial_ratio,
            workers=-1,
            dtype=np.float64,
        )
    scores[weight > other_len] = 0.0
    total = np.bincount(units, weights=scores * weight, minlength=2 * len(pairs))
    mean = np.divide(total, mass, out=np.zeros_like(total), where=mass > 0)
    return np.maximum(mean[0::2], mean[1::2]).astype(np.float32)


def _piece_rows(
    texts: Sequence[str],
    words: Sequence[int],
    segments: dict[int, list[str]],
    pairs: np.ndarray,
    min_partial_words: int,
) -> tuple[list[int], list[str], list[str]]:
    """The pieces to score for `_elided_scores`: ``(2 * pair + side, piece, other text)``."""
    pieces_of: dict[int, list[str]] = {}
    for item, pieces in segments.items():
        if words[item] >= min_partial_words:
            kept = [p for p in pieces if len(pieces) == 1 or " " in p]
            if kept:
                pieces_of[item] = kept
    unit: list[int] = []  # (pair, side) of each piece scored
    piece_texts: list[str] = []
    other_texts: list[str] = []
    if not pieces_of:
        return unit, piece_texts, other_texts
    # Only the pairs with a side cut into pieces (a few of the candidates) are visited.
    cut_items = np.zeros(len(texts), dtype=bool)
    cut_items[list(pieces_of)] = True
    rows = np.flatnonzero(cut_items[pairs[:, 0]] | cut_items[pairs[:, 1]])
    for k, (i, j) in zip(rows.tolist(), pairs[rows].tolist(), strict=True):
        for side, (cut, other) in enumerate(((i, j), (j, i))):
            kept_pieces = pieces_of.get(cut)
            if kept_pieces is not None:
                unit.extend([2 * k + side] * len(kept_pieces))
                piece_texts.extend(kept_pieces)
                other_texts.extend([texts[other]] * len(kept_pieces))
    return unit, piece_texts, other_texts


def statement_score(
    a: frozenset[str],
    b: frozenset[str],
    weight: dict[str, float],
    *,
    min_shared: int = 2,
    norms: dict[frozenset[str], float] | None = None,
) -> float:
    """Weighted cosine of the content-term sets of two quotes (0 to 1).

    Each term counts with its rarity weight: ``sum(w[shared]) /
    sqrt(sum(w[a]) * sum(w[b]))``.

    Args:
        a: Content terms of one quote.
        b: Content terms of the other.
        weight: Rarity weight of each term (see `term_weights`); a missing
            term weighs 1.
        min_shared: Fewer shared terms than this score 0.
        norms: A cache of ``sum(w[terms])`` per term set, filled as it goes (for
            many calls with the same sets and weights).

    Examples:
        >>> w = {"wait": 2.0, "signal": 3.0, "ukraine": 1.0, "talk": 1.0, "list": 3.0}
        >>> round(statement_score(frozenset(w) - {"list"}, frozenset(w) - {"talk"}, w), 2)
        0.76
        >>> statement_score(frozenset({"wait"}), frozenset({"wait", "list"}), w)
        0.0
    """
    shared = a & b
    if len(shared) < min_shared:
        return 0.0
    get = weight.get
    dot = sum(get(t, 1.0) for t in shared)
    if norms is None:
        na = sum(get(t, 1.0) for t in a)
        nb = sum(get(t, 1.0) for t in b)
    else:
        na = norms.get(a) or norms.setdefault(a, sum(get(t, 1.0) for t in a))
        nb = norms.get(b) or norms.setdefault(b, sum(get(t, 1.0) for t in b))
    return dot / math.sqrt(na * nb) if na and nb else 0.0


@lru_cache(maxsize=1)
def background_df() -> tuple[int, dict[str, int]]:
    """Return ``(sentences, {term: sentences with it})`` of the bundled background table."""
    docs = 1
    table: dict[str, int] = {}
    path = files("quotes") / "data" / "dedupe_df.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#docs\t"):
            docs = int(line.split("\t")[1])
        elif line and not line.startswith("#"):
            term, _, count = line.partition("\t")
            table[term] = int(count)
    return docs, table


def term_weights(groups: Iterable[Iterable[str]]) -> dict[str, float]:
    """Rarity weight of every term: the mean of corpus and background IDF.

    ``idf = ln(1 + N / df)``. The corpus part counts each group (a set of quotes
    already known to be one text) once; the background part comes from
    ``quotes/data/dedupe_df.tsv`` (sentences of news articles), where a missing
    term counts as seen once. In a small corpus the background keeps common words
    light; in a large one the corpus's own frequencies take over half the weight.

    Args:
        groups: The content terms of each group.
    """
    df: Counter[str] = Counter()
    n = 0
    for terms in groups:
        n += 1
        df.update(set(terms))
    bg_docs, bg = background_df()
    return {
        t: 0.5 * (math.log1p(max(n, 1) / c) + math.log1p(bg_docs / bg.get(t, 1)))
        for t, c in df.items()
    }
