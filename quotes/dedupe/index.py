"""Blocking and linking for `quotes.dedupe.cluster`.

Nothing here compares every quote with every other one:

1. `candidate_pairs` is a rare-key join. Each item (a distinct normalised
   text of one speaker) is indexed under all of its keys (word bigrams for the
   verbatim matcher, content terms for the statement matcher). Each item then
   *queries* only its ``per_item`` rarest keys that at least one other item shares
   (keys held by more than ``max_df`` items are skipped as boilerplate). A quote cut
   short or with a changed word still shares its rare phrases with the full
   version, so the pair is found; the cost grows with the number of items times
   ``per_item`` times the size of the rare postings, not with the square of the
   corpus. The join runs in numpy, on packed integer sorts.
2. Candidate pairs are scored in bulk (`quotes.dedupe.scores`).
3. `UnionFind` links the accepted pairs.

Speakers are matched across articles by `quotes.dedupe.speakers`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

__all__ = [
    "WINDOW",
    "TextOrder",
    "UnionFind",
    "bigram_rows",
    "candidate_pairs",
    "key_order",
    "rank_order",
    "salt",
    "sorted_unique",
    "term_rows",
    "unique_pairs",
    "window_pairs",
]

_MASK = np.uint64(0xFFFFFFFFFFFFFFFF)
#: Neighbours on each side that an item pairs with in the sorted postings of a
#: frequent key (see `window_pairs`).
WINDOW = 2


class UnionFind:
    """Disjoint sets over ``0..n-1`` with path halving; the root is the smallest index.

    Keeping the smallest index as root makes the result independent of the order in
    which links are added.

    Examples:
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

        Examples:
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


def unique_pairs(pairs: np.ndarray) -> np.ndarray:
    """Return the distinct rows of an ``(n, 2)`` array of non-negative pairs, sorted.

    The same as ``np.unique(pairs, axis=0)``, but each pair is packed into one
    int64 and sorted as a plain array (``axis=0`` sorts rows through a slow
    structured view: seconds on the millions of candidate pairs of a large corpus).

    Examples:
        >>> unique_pairs(np.array([[2, 3], [0, 5], [2, 3], [0, 1]])).tolist()
        [[0, 1], [0, 5], [2, 3]]
    """
    if len(pairs) == 0:
        return np.empty((0, 2), dtype=np.int64)
    pairs = np.asarray(pairs, dtype=np.int64)
    width = int(pairs[:, 1].max()) + 1
    if int(pairs[:, 0].max()) >= (1 << 62) // width:
        return np.unique(pairs, axis=0)
    codes = sorted_unique(pairs[:, 0] * width + pairs[:, 1])[0]
    return np.stack([codes // width, codes % width], axis=1)


def sorted_unique(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values of an integer array, sorted, and how often each occurs.

    The same as ``np.unique(values, return_counts=True)``, by a plain sort: NumPy 2's
    ``np.unique`` hashes, which took ten times as long on the tens of millions of
    candidate codes of a 1M-quote corpus (cache misses).

    Examples:
        >>> [a.tolist() for a in sorted_unique(np.array([5, 3, 5, 9]))]
        [[3, 5, 9], [1, 2, 1]]
    """
    ordered = np.sort(values)
    first = np.ones(len(ordered), dtype=bool)
    first[1:] = ordered[1:] != ordered[:-1]
    starts = np.flatnonzero(first)
    return ordered[starts], np.diff(np.append(starts, len(ordered)))


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
            (see `salt`).

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
    sort_texts: Sequence[str] | TextOrder | None = None,
    window: int = WINDOW,
) -> np.ndarray:
    """Join items on their rarest shared keys.

    A key held by more than ``max_df`` items is not joined in full: without
    ``sort_texts`` it is not queried; with them, an item short of ``per_item`` rarer
    keys pairs with its ``window`` nearest neighbours in the key's postings sorted by
    text and by reversed text (`window_pairs`; ``4 * window`` pairs per query), so a
    statement repeated with small changes in thousands of articles still links.

    Args:
        rows_item: Item index of each row; the rows of one item are contiguous and
            in text order (as `bigram_rows` and `term_rows` give them).
        rows_key: Key of each row.
        n_items: Number of items.
        per_item: How many of its rarest shared keys each item queries.
        max_df: Keys held by more items than this are not queried.
        query_mask: If given, only items where it is true query (their partners
            can be any item).
        min_hits: Distinct keys a pair needs (one is enough for an item that queried
            fewer than two).
        sort_texts: A text per item to sort the postings of frequent keys by, or
            their `TextOrder` (to sort them once for several joins).
        window: Neighbours on each side paired in a frequent key's sorted postings.

    Returns:
        An ``(n, 2)`` int64 array of unique pairs ``i < j``, sorted.
    """
    if len(rows_item) == 0:
        return np.empty((0, 2), dtype=np.int64)
    position = _positions(rows_item)
    if query_mask is not None:
        rows_item, rows_key, position = _asked_rows(rows_item, rows_key, position, query_mask)
    order = key_order(rows_key)
    key = rows_key[order]
    item = rows_item[order]
    position = position[order]
    df, start_of = _key_groups(key)
    sel = df >= 2
    if sort_texts is None:
        sel &= df <= max_df
    if query_mask is not None:
        sel &= query_mask[item]
    rows = np.flatnonzero(sel)
    if len(rows) == 0:
        return np.empty((0, 2), dtype=np.int64)
    rows = _rarest_rows(rows, item, df, position, per_item)
    frequent = df[rows] > max_df
    big, rows = rows[frequent], rows[~frequent]
    codes, via = _pair_codes(rows, item, key, df, start_of, n_items)
    queried = np.bincount(item[rows], minlength=n_items)
    pairs = _linked_pairs(codes, via, queried, n_items, min_hits)
    if len(big) and sort_texts is not None:
        near = window_pairs(big, item, df, start_of, sort_texts, window)
        pairs = unique_pairs(np.concatenate([pairs, near]))
    return pairs


class TextOrder:
    """The rank of each item's text in sorted order, and in the order of reversed texts.

    Each ranking is computed on first use and kept, so the sorted-neighbourhood
    joins of one run (`window_pairs`) sort the texts once, in one Python sort, and
    then sort groups of rows by integer rank in numpy. Ties keep item order.

    Examples:
        >>> order = TextOrder(["b a", "a b", "a a"])
        >>> order.ranks().tolist(), order.ranks(reverse=True).tolist()
        ([2, 1, 0], [1, 2, 0])
    """

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = texts
        self._ranks: dict[bool, np.ndarray] = {}

    def ranks(self, *, reverse: bool = False) -> np.ndarray:
        """Rank (int64) of each text among all, by text or by reversed text."""
        found = self._ranks.get(reverse)
        if found is None:
            keys = [t[::-1] for t in self.texts] if reverse else self.texts
            found = np.empty(len(keys), dtype=np.int64)
            found[sorted(range(len(keys)), key=keys.__getitem__)] = np.arange(len(keys))
            self._ranks[reverse] = found
        return found


def window_pairs(
    rows: np.ndarray,
    item: np.ndarray,
    df: np.ndarray,
    start_of: np.ndarray,
    sort_texts: Sequence[str] | TextOrder,
    window: int,
) -> np.ndarray:
    """Pairs of each queried row's item with its neighbours in the row's key group.

    The groups of the queried ``rows`` (rows sorted by key, as in `candidate_pairs`)
    are sorted twice, by the items' ``sort_texts`` and by those texts reversed, and
    each queried row pairs with the ``window`` items before and after it in each
    order. Near-identical texts sort next to each other (one by a shared beginning,
    the other by a shared end), so a chain of verified neighbours joins them all;
    the cost is linear in the rows of the groups, not quadratic. The texts are
    ranked once (`TextOrder`), so the groups are sorted by integer rank in numpy.

    Returns:
        An ``(n, 2)`` int64 array of pairs ``i < j`` (possibly repeated).
    """
    starts = sorted_unique(start_of[rows])[0]
    sizes = df[starts]
    offsets = np.repeat(np.cumsum(sizes) - sizes, sizes)
    members = np.repeat(starts, sizes) + (np.arange(int(sizes.sum())) - offsets)
    group = np.repeat(np.arange(len(starts)), sizes)
    member_items = item[members]
    text_order = sort_texts if isinstance(sort_texts, TextOrder) else TextOrder(sort_texts)
    out = []
    for flip in (False, True):
        rank = text_order.ranks(reverse=flip)[member_items]
        order = _group_rank_order(group, rank)
        where = np.empty(len(members), dtype=np.int64)
        where[order] = np.arange(len(members))
        # Position of each queried row in the sorted listing, and its group's bounds.
        at = where[np.searchsorted(members, rows)]
        lo_bound = np.cumsum(sizes) - sizes
        g = np.searchsorted(starts, start_of[rows])
        for step in range(1, window + 1):
            for sign in (-1, 1):
                other = at + sign * step
                ok = (other >= lo_bound[g]) & (other < lo_bound[g] + sizes[g])
                left = member_items[order[at[ok]]]
                right = member_items[order[other[ok]]]
                out.append(np.stack([np.minimum(left, right), np.maximum(left, right)], axis=1))
    pairs = np.concatenate(out) if out else np.empty((0, 2), dtype=np.int64)
    return pairs[pairs[:, 0] != pairs[:, 1]]


def _group_rank_order(group: np.ndarray, rank: np.ndarray) -> np.ndarray:
    """The order of rows by group, then rank; ties (one item twice in a key) in row order.

    The same order as ``np.lexsort((items, rank, group))`` where a rank stands for
    one item (`TextOrder` ranks are distinct), but the two fields and the row
    number are packed into one uint64 and sorted with a plain sort when they fit:
    a lexsort of three keys sorts three times, over the millions of rows of the
    frequent keys of a large corpus.

    Examples:
        >>> _group_rank_order(np.array([1, 0, 1, 0]), np.array([5, 7, 2, 7])).tolist()
        [1, 3, 2, 0]
    """
    n = len(group)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    widths = [int(group.max()).bit_length(), int(rank.max()).bit_length()]
    widths.append(max(1, (n - 1).bit_length()))
    if sum(widths) > 64:
        return np.lexsort((np.arange(n), rank, group))
    packed = group.astype(np.uint64) << np.uint64(widths[1] + widths[2])
    packed |= rank.astype(np.uint64) << np.uint64(widths[2])
    packed |= np.arange(n, dtype=np.uint64)
    return (np.sort(packed) & np.uint64((1 << widths[2]) - 1)).astype(np.int64)


def _positions(rows_item: np.ndarray) -> np.ndarray:
    """Position of each row in its item (rows of one item are contiguous, in text order).

    The tie-break between equally rare keys, so that the choice does not depend on
    hash values.
    """
    n_rows = len(rows_item)
    arange = np.arange(n_rows)
    change = np.ones(n_rows, dtype=bool)
    change[1:] = rows_item[1:] != rows_item[:-1]
    return arange - np.maximum.accumulate(np.where(change, arange, 0))


def _key_groups(key: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For rows sorted by key: the number of rows with each row's key, and their first row."""
    n_rows = len(key)
    new_group = np.ones(n_rows, dtype=bool)
    new_group[1:] = key[1:] != key[:-1]
    starts = np.flatnonzero(new_group)
    counts = np.diff(np.append(starts, n_rows))
    return np.repeat(counts, counts), np.repeat(starts, counts)


def _rarest_rows(
    rows: np.ndarray, item: np.ndarray, df: np.ndarray, position: np.ndarray, per_item: int
) -> np.ndarray:
    """The ``per_item`` rarest of ``rows`` of each item, grouped by item."""
    rows = rows[rank_order(item[rows], df[rows], position[rows])]
    q_item = item[rows]
    first = np.ones(len(rows), dtype=bool)
    first[1:] = q_item[1:] != q_item[:-1]
    group_start = np.maximum.accumulate(np.where(first, np.arange(len(rows)), 0))
    return rows[(np.arange(len(rows)) - group_start) < per_item]


def _pair_codes(
    rows: np.ndarray,
    item: np.ndarray,
    key: np.ndarray,
    df: np.ndarray,
    start_of: np.ndarray,
    n_items: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Each pair of distinct items that a queried row links (``lo * n_items + hi``), and the key."""
    sizes = df[rows]
    total = int(sizes.sum())
    left = np.repeat(item[rows], sizes)
    via = np.repeat(key[rows], sizes)
    offsets = np.repeat(np.cumsum(sizes) - sizes, sizes)
    right = item[np.repeat(start_of[rows], sizes) + (np.arange(total) - offsets)]
    lo = np.minimum(left, right)
    hi = np.maximum(left, right)
    distinct = lo != hi
    return lo[distinct] * np.int64(n_items) + hi[distinct], via[distinct]


def _linked_pairs(
    codes: np.ndarray, via: np.ndarray, queried: np.ndarray, n_items: int, min_hits: int
) -> np.ndarray:
    """The unique pairs linked by enough distinct keys (see `candidate_pairs`)."""
    if min_hits <= 1:  # any one key will do: no need to count them (one sort, not two)
        codes = sorted_unique(codes)[0]
        return np.stack([codes // n_items, codes % n_items], axis=1)
    # How many distinct keys link each pair: variants share several rare phrases,
    # unrelated texts at most a common one.
    with np.errstate(over="ignore"):
        tagged = codes.view(np.uint64) * np.uint64(0x9E3779B97F4A7C15) ^ via
    # One row per distinct (pair, key): `key_order` rather than ``np.unique(...,
    # return_index=True)``, whose stable argsort grew to seconds at 1M quotes.
    order = key_order(tagged)
    ordered = tagged[order]
    first = order[np.r_[True, ordered[1:] != ordered[:-1]]] if len(order) else order
    codes, hits = sorted_unique(codes[first])
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


def rank_order(item: np.ndarray, df: np.ndarray, position: np.ndarray) -> np.ndarray:
    """Return the order of rows by item, then rarity (``df``), then position.

    The three (non-negative) fields and the row number are packed into one uint64
    when they fit, and sorted with a plain sort; otherwise a lexicographic sort.

    Examples:
        >>> rank_order(np.array([1, 0, 1]), np.array([2, 5, 2]), np.array([3, 0, 1])).tolist()
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


def key_order(keys: np.ndarray) -> np.ndarray:
    """Return a permutation of ``keys`` (uint64) that makes equal keys contiguous.

    Packs the high bits of each key with its row number into one uint64 and sorts
    that: a plain sort is several times faster than ``argsort``. The few keys that
    share their high bits with another key are then put apart by their full value.
    Rows of one key come in row order.

    Examples:
        >>> key_order(np.array([5, 3, 5, 3], dtype=np.uint64)).tolist()
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
