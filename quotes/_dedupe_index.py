"""Blocking, scoring and linking for :mod:`quotes.dedupe`.

Nothing here compares every quote with every other one:

1. :func:`candidate_pairs` is a rare-key join. Each item (a distinct normalised
   text of one speaker) is indexed under all of its keys (word bigrams for the
   verbatim matcher, content terms for the statement matcher). Each item then
   *queries* only its ``per_item`` rarest keys that at least one other item shares
   (keys held by more than ``max_df`` items are skipped as boilerplate). A quote
   cut short or with a changed word still shares its rare phrases with the full
   version, so the pair is found; the cost grows with the number of items times
   ``per_item`` times the size of the rare postings, not with the square of the
   corpus. The join runs in numpy.
2. Candidate pairs are scored in bulk with :func:`rapidfuzz.process.cpdist`
   (:func:`verbatim_scores`) or with weighted term overlap
   (:func:`statement_score`).
3. :class:`UnionFind` links the accepted pairs.

:func:`resolve_speakers` maps speaker names of many articles to one entity per
person (``Dmitri Peskov``, ``Peskov`` and ``Kremlin spokesman Dmitry Peskov``).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib.resources import files
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

from quotes._dedupe_text import normalize_text, person_name_parts
from quotes.models import SpeakerType

__all__ = [
    "SpeakerEntities",
    "UnionFind",
    "bigram_rows",
    "candidate_pairs",
    "resolve_speakers",
    "salt",
    "background_df",
    "statement_score",
    "term_rows",
    "term_weights",
    "verbatim_scores",
]

_MASK = np.uint64(0xFFFFFFFFFFFFFFFF)


class UnionFind:
    """Disjoint sets over ``0..n-1`` with path halving; the root is the smallest index.

    Keeping the smallest index as root makes the result independent of the order in
    which links are added.

    >>> uf = UnionFind(4)
    >>> uf.union(3, 1); uf.union(1, 2)
    True
    True
    >>> [uf.find(i) for i in range(4)]
    [0, 1, 1, 1]
    """

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        """Return the root of ``i``."""
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, a: int, b: int) -> bool:
        """Join the sets of ``a`` and ``b``; return whether they were apart."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        return True

    def roots(self) -> np.ndarray:
        """Return the root of every element, as an int64 array (no path changes).

        >>> uf = UnionFind(4)
        >>> uf.union(2, 3); uf.union(1, 3)
        True
        True
        >>> uf.roots().tolist()
        [0, 1, 1, 1]
        """
        parent = np.asarray(self.parent, dtype=np.int64)
        while True:  # pointer jumping: log(depth) whole-array steps
            grand = parent[parent]
            if np.array_equal(grand, parent):
                return parent
            parent = grand


# -- keys and the rare-key join -----------------------------------------------------


def _hash_tokens(tokens: list[str]) -> np.ndarray:
    return np.fromiter(map(hash, tokens), dtype=np.int64, count=len(tokens)).view(np.uint64)


def salt(rows_item: np.ndarray, rows_key: np.ndarray, blocks: Sequence[int]) -> np.ndarray:
    """Return the keys made specific to the block of each row's item."""
    block_salt = np.asarray(blocks, dtype=np.int64).view(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    with np.errstate(over="ignore"):
        return (rows_key ^ block_salt[rows_item]) & _MASK


def bigram_rows(
    texts: Sequence[str], blocks: Sequence[int] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Return ``(item, key)`` rows: one per word bigram of each normalised text.

    A text of one word gives its unigram. Keys include the block, so only items of
    the same block (speaker) share keys.

    Args:
        texts: Normalised texts (words separated by single spaces).
        blocks: Block id of each text; ``None`` for keys shared across blocks
            (see :func:`salt`).

    Returns:
        Two arrays of equal length: item index (int64) and key (uint64).
    """
    lengths = np.fromiter((t.count(" ") + 1 if t else 0 for t in texts), np.int64, len(texts))
    tokens = " ".join(t for t in texts if t).split(" ") if any(texts) else []
    hashed = _hash_tokens(tokens)
    items = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    with np.errstate(over="ignore"):
        if len(tokens) > 1:
            same = items[1:] == items[:-1]
            keys_bi = (hashed[:-1] * np.uint64(1000003)) ^ hashed[1:]
            rows_item = items[:-1][same]
            rows_key = keys_bi[same]
        else:
            rows_item = np.empty(0, np.int64)
            rows_key = np.empty(0, np.uint64)
        singles = np.flatnonzero(lengths == 1)
        if len(singles):
            starts = np.cumsum(lengths) - lengths
            rows_item = np.concatenate([rows_item, singles])
            rows_key = np.concatenate([rows_key, hashed[starts[singles]] ^ np.uint64(7)])
    if blocks is not None:
        rows_key = salt(rows_item, rows_key, blocks)
    return rows_item, rows_key


def term_rows(
    terms: Sequence[Iterable[str]], blocks: Sequence[int]
) -> tuple[np.ndarray, np.ndarray]:
    """Return ``(item, key)`` rows: one per content term of each item, salted by block."""
    flat: list[str] = []
    lengths = np.zeros(len(terms), dtype=np.int64)
    for i, ts in enumerate(terms):
        before = len(flat)
        flat.extend(sorted(ts))
        lengths[i] = len(flat) - before
    items = np.repeat(np.arange(len(terms), dtype=np.int64), lengths)
    return items, salt(items, _hash_tokens(flat), blocks)


def candidate_pairs(
    rows_item: np.ndarray,
    rows_key: np.ndarray,
    n_items: int,
    *,
    per_item: int = 3,
    max_df: int = 256,
    query_mask: np.ndarray | None = None,
    min_hits: int = 1,
) -> np.ndarray:
    """Join items on their rarest shared keys.

    Args:
        rows_item: Item index of each row; the rows of one item are contiguous and
            in text order (as :func:`bigram_rows` and :func:`term_rows` give them).
        rows_key: Key of each row.
        n_items: Number of items.
        per_item: How many of its rarest shared keys each item queries.
        max_df: Keys held by more items than this are not queried.
        query_mask: If given, only items where it is true query (their partners
            can be any item).
        min_hits: Keep a pair only if it is linked by this many distinct keys
            (when both items queried at least two keys; one key is enough for an
            item with fewer shared keys).

    Returns:
        An ``(n, 2)`` int64 array of unique pairs ``i < j``, sorted.
    """
    if len(rows_item) == 0:
        return np.empty((0, 2), dtype=np.int64)
    n_rows = len(rows_item)
    arange = np.arange(n_rows)
    # Position of each row in its item (rows of one item are contiguous, in text
    # order): the tie-break between equally rare keys, so that the choice does not
    # depend on hash values.
    change = np.ones(n_rows, dtype=bool)
    change[1:] = rows_item[1:] != rows_item[:-1]
    position = arange - np.maximum.accumulate(np.where(change, arange, 0))
    if query_mask is not None:
        rows_item, rows_key, position = _asked_rows(rows_item, rows_key, position, query_mask)
        n_rows = len(rows_item)
    order = _key_order(rows_key)
    key = rows_key[order]
    item = rows_item[order]
    position = position[order]
    new_group = np.ones(n_rows, dtype=bool)
    new_group[1:] = key[1:] != key[:-1]
    starts = np.flatnonzero(new_group)
    counts = np.diff(np.append(starts, n_rows))
    df = np.repeat(counts, counts)
    start_of = np.repeat(starts, counts)
    sel = (df >= 2) & (df <= max_df)
    if query_mask is not None:
        sel &= query_mask[item]
    rows = np.flatnonzero(sel)
    if len(rows) == 0:
        return np.empty((0, 2), dtype=np.int64)
    rows = rows[_rank_order(item[rows], df[rows], position[rows])]
    q_item = item[rows]
    first = np.ones(len(rows), dtype=bool)
    first[1:] = q_item[1:] != q_item[:-1]
    group_start = np.maximum.accumulate(np.where(first, np.arange(len(rows)), 0))
    rows = rows[(np.arange(len(rows)) - group_start) < per_item]
    sizes = df[rows]
    total = int(sizes.sum())
    left = np.repeat(item[rows], sizes)
    via = np.repeat(key[rows], sizes)
    offsets = np.repeat(np.cumsum(sizes) - sizes, sizes)
    right = item[np.repeat(start_of[rows], sizes) + (np.arange(total) - offsets)]
    lo = np.minimum(left, right)
    hi = np.maximum(left, right)
    distinct = lo != hi
    codes = lo[distinct] * np.int64(n_items) + hi[distinct]
    via = via[distinct]
    # How many distinct keys link each pair: variants share several rare phrases,
    # unrelated texts at most a common one.
    with np.errstate(over="ignore"):
        tagged = codes.view(np.uint64) * np.uint64(0x9E3779B97F4A7C15) ^ via
    _, first = np.unique(tagged, return_index=True)
    codes, hits = np.unique(codes[first], return_counts=True)
    queried = np.bincount(item[rows], minlength=n_items)
    lo, hi = codes // n_items, codes % n_items
    need = np.where(np.minimum(queried[lo], queried[hi]) >= 2, min_hits, 1)
    keep = hits >= need
    return np.stack([lo[keep], hi[keep]], axis=1)


def _asked_rows(
    rows_item: np.ndarray, rows_key: np.ndarray, position: np.ndarray, query_mask: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Drop the rows whose key no querying item holds (they cannot make a pair).

    A bitmap over the low bits of the querying items' keys filters the rest in one
    pass; a few other rows pass by chance, which changes nothing. Every row of a
    querying item is kept, with its position.
    """
    asking = query_mask[rows_item]
    n_asking = int(asking.sum())
    if n_asking * 2 > len(rows_item):
        return rows_item, rows_key, position
    low = np.uint64((1 << max(16, (8 * n_asking).bit_length())) - 1)
    bitmap = np.zeros(int(low) + 1, dtype=bool)
    bitmap[(rows_key[asking] & low).astype(np.intp)] = True
    keep = bitmap[(rows_key & low).astype(np.intp)]
    return rows_item[keep], rows_key[keep], position[keep]


def _rank_order(item: np.ndarray, df: np.ndarray, position: np.ndarray) -> np.ndarray:
    """Return the order of rows by item, then rarity (``df``), then position.

    The three (non-negative) fields and the row number are packed into one uint64
    when they fit, and sorted with a plain sort; otherwise a lexicographic sort.

    >>> _rank_order(np.array([1, 0, 1]), np.array([2, 5, 2]), np.array([3, 0, 1])).tolist()
    [1, 2, 0]
    """
    n = len(item)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    widths = [int(a.max()).bit_length() for a in (item, df, position)]
    widths.append(max(1, (n - 1).bit_length()))
    if sum(widths) > 64:
        return np.lexsort((position, df, item))
    packed = np.zeros(n, dtype=np.uint64)
    for values, width in zip((item, df, position, np.arange(n)), widths, strict=True):
        packed <<= np.uint64(width)
        packed |= values.astype(np.uint64)
    return (np.sort(packed) & np.uint64((1 << widths[-1]) - 1)).astype(np.int64)


def _key_order(keys: np.ndarray) -> np.ndarray:
    """Return a permutation of ``keys`` (uint64) that makes equal keys contiguous.

    Packs the high bits of each key with its row number into one uint64 and sorts
    that: a plain sort is several times faster than ``argsort``. The few keys that
    share their high bits with another key are then put apart by their full value.
    Rows of one key come in row order.

    >>> _key_order(np.array([5, 3, 5, 3], dtype=np.uint64)).tolist()
    [1, 3, 0, 2]
    """
    n = len(keys)
    low = np.uint64((1 << max(1, (n - 1).bit_length())) - 1)
    packed = np.sort((keys & ~low) | np.arange(n, dtype=np.uint64))
    order = (packed & low).astype(np.int64)
    high = packed & ~low
    full = keys[order]
    clash = np.flatnonzero((high[1:] == high[:-1]) & (full[1:] != full[:-1]))
    if len(clash):
        seg_start = np.flatnonzero(np.r_[True, high[1:] != high[:-1]])
        seg_end = np.r_[seg_start[1:], n]
        for seg in np.unique(np.searchsorted(seg_start, clash, side="right") - 1).tolist():
            a, b = int(seg_start[seg]), int(seg_end[seg])
            rows = order[a:b]
            order[a:b] = rows[np.argsort(keys[rows], kind="stable")]
    return order


# -- scores ------------------------------------------------------------------------


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
    a = [texts[i] for i in pairs[:, 0]]
    b = [texts[j] for j in pairs[:, 1]]
    ratio = process.cpdist(a, b, scorer=fuzz.ratio, workers=-1, dtype=np.float32)
    full = ratio.copy()
    # Cheaper scores first; the costlier ones only where the verdict is still open,
    # and (unless exact) only where a bound from the lengths and the plain ratio
    # says the cutoff is within reach.
    cutoff = tuple(0.0 if exact or a > 100 else a for a in accept)
    len_a = np.fromiter(map(len, a), np.float64, n)
    len_b = np.fromiter(map(len, b), np.float64, n)
    todo = full < accept[0]
    if cutoff[0]:
        todo &= _ratio_bound(np.minimum(len_a, len_b), len_a + len_b) >= cutoff[0]
    todo = np.flatnonzero(todo)
    if len(todo):
        full[todo] = np.maximum(full[todo], _cpdist(a, b, todo, fuzz.token_sort_ratio, cutoff[0]))
    word_arr = np.asarray(words, dtype=np.int64)
    short = np.minimum(word_arr[pairs[:, 0]], word_arr[pairs[:, 1]])
    part = np.zeros(n, dtype=np.float32)
    eligible = (short >= min_partial_words) & (full < accept[0])
    if cutoff[1]:
        common = ratio * (len_a + len_b) / 200.0  # longest common subsequence, in characters
        eligible &= _partial_bound(common, np.minimum(len_a, len_b)) >= cutoff[1]
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


# Bounds that let the costlier scorers skip pairs that cannot reach a cutoff. Each is
# an upper bound of the score, loosened by a hair for floating-point error.


def _ratio_bound(shorter: np.ndarray, total: np.ndarray) -> np.ndarray:
    """Upper bound of ``ratio`` and ``token_sort_ratio`` from the two lengths (0-100).

    ``ratio = 200 * common / total`` and the common subsequence is at most the
    shorter string; sorting the tokens does not change the lengths.
    """
    return 200.0 * shorter / np.maximum(total, 1.0) + 1e-3


def _partial_bound(common: np.ndarray, shorter: np.ndarray) -> np.ndarray:
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
    All pieces of all pairs are scored in one :func:`rapidfuzz.process.cpdist` call;
    with a ``cutoff``, only the sides whose bound (see :func:`_partial_bound`) can
    reach it are, and the others report 0.
    """
    pieces_of: dict[int, list[str]] = {}
    for item, pieces in segments.items():
        if words[item] >= min_partial_words:
            kept = [p for p in pieces if len(pieces) == 1 or " " in p]
            if kept:
                pieces_of[item] = kept
    unit: list[int] = []  # (pair, side) of each piece scored
    piece_texts: list[str] = []
    other_texts: list[str] = []
    for k, (i, j) in enumerate(pairs.tolist()):
        for side, (cut, other) in enumerate(((i, j), (j, i))):
            pieces = pieces_of.get(cut)
            if pieces is not None:
                unit.extend([2 * k + side] * len(pieces))
                piece_texts.extend(pieces)
                other_texts.extend([texts[other]] * len(pieces))
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
            weight > other_len, 0.0, _partial_bound(ratio * (weight + other_len) / 200.0, weight)
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
        weight: Rarity weight of each term (see :func:`term_weights`); a missing
            term weighs 1.
        min_shared: Fewer shared terms than this score 0.
        norms: A cache of ``sum(w[terms])`` per term set, filled as it goes (for
            many calls with the same sets and weights).

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


# -- speakers ----------------------------------------------------------------------


class SpeakerEntities:
    """Speaker names resolved to entities.

    Attributes:
        entity: Entity id of each ``(name, type)`` given, or ``-1`` for an unknown
            speaker (no name, a pronoun, an anonymous source).
        display: Display name of each entity id.
    """

    def __init__(self, entity: dict[tuple[str, str], int], display: list[str]) -> None:
        self.entity = entity
        self.display = display


_PRONOUN_NAMES = frozenset("i we you he she it they who him her them us".split())


def _same_surname(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or a[:3] != b[:3]:
        return False
    return fuzz.ratio(a, b) >= 85


def _same_given(a: str, b: str) -> bool:
    if a == b:
        return True
    if a[0] != b[0]:
        return False
    if len(a) == 1 or len(b) == 1:
        return True
    return fuzz.ratio(a, b) >= 80


def resolve_speakers(counts: Counter[tuple[str, str]]) -> SpeakerEntities:
    """Group speaker names of many articles into entities.

    Persons are grouped by surname (spelling variants such as ``Zelensky`` and
    ``Zelenskyy`` join) and then by first given name (``Dmitry``/``Dmitri``; an
    initial matches). A surname given alone joins the person with that surname who
    has at least two thirds of the quotes with a first name; if there is none, it is
    its own entity. Organisations and groups are matched on their normalised name
    without a leading ``the``. Anonymous sources and pronouns are unknown.

    Args:
        counts: Number of quotes for each ``(name, type)``; ``type`` is a
            :class:`~quotes.models.SpeakerType` value.

    Returns:
        The entities, numbered in sorted order of their keys.
    """
    keyed: dict[tuple[str, str], tuple] = {}
    for name, kind in sorted(counts):
        if kind == SpeakerType.ANONYMOUS.value:
            continue
        parts = None
        if kind not in (SpeakerType.ORGANIZATION.value, SpeakerType.GROUP.value):
            parts = person_name_parts(name)
        if parts is not None:
            keyed[(name, kind)] = ("p",) + parts
            continue
        norm = normalize_text(name)
        if norm.startswith("the "):
            norm = norm[4:]
        if not norm or norm in _PRONOUN_NAMES:
            continue
        keyed[(name, kind)] = ("o", norm, name.strip())

    # Surname groups.
    surnames = sorted({k[2] for k in keyed.values() if k[0] == "p"})
    sur_uf = UnionFind(len(surnames))
    by_prefix: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(surnames):
        by_prefix[s[:3]].append(i)
    for members in by_prefix.values():
        if len(members) < 2:
            continue
        names = [surnames[m] for m in members]
        scores = process.cdist(names, names, scorer=fuzz.ratio, score_cutoff=85, workers=-1)
        for x, y in zip(*np.nonzero(np.triu(scores, 1)), strict=True):
            if _same_surname(names[x], names[y]):
                sur_uf.union(members[x], members[y])
    sur_group = {s: sur_uf.find(i) for i, s in enumerate(surnames)}

    entity_key: dict[tuple[str, str], tuple] = {}
    group_firsts: dict[int, Counter[str]] = defaultdict(Counter)
    for nk, k in keyed.items():
        if k[0] == "p" and k[1]:
            group_firsts[sur_group[k[2]]][k[1][0]] += counts[nk]
    first_of: dict[tuple[int, str], str] = {}
    dominant: dict[int, str] = {}
    for group, firsts in group_firsts.items():
        names = sorted(firsts, key=lambda f: (-len(f), f))
        uf = UnionFind(len(names))
        for x in range(len(names)):
            for y in range(x + 1, len(names)):
                if _same_given(names[x], names[y]):
                    uf.union(x, y)
        totals: Counter[str] = Counter()
        for x, f in enumerate(names):
            first_of[(group, f)] = names[uf.find(x)]
            totals[names[uf.find(x)]] += firsts[f]
        best, best_n = min(totals.items(), key=lambda kv: (-kv[1], kv[0]))
        if best_n * 3 >= 2 * sum(totals.values()):
            dominant[group] = best
    for nk, k in keyed.items():
        if k[0] == "o":
            entity_key[nk] = ("o", k[1])
            continue
        group = sur_group[k[2]]
        if k[1]:
            entity_key[nk] = ("p", group, first_of[(group, k[1][0])])
        else:
            entity_key[nk] = ("p", group, dominant.get(group, ""))

    ids = {key: i for i, key in enumerate(sorted(set(entity_key.values()), key=repr))}
    entity = {nk: -1 for nk in counts}
    display_votes: list[Counter[str]] = [Counter() for _ in ids]
    for nk, key in entity_key.items():
        entity[nk] = ids[key]
        k = keyed[nk]
        shown = k[3] if k[0] == "p" else k[2]
        display_votes[ids[key]][shown] += counts[nk]
    display = [
        min(votes.items(), key=lambda kv: (" " not in kv[0], -kv[1], -len(kv[0]), kv[0]))[0]
        for votes in display_votes
    ]
    return SpeakerEntities(entity, display)
