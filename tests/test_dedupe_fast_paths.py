"""The fast paths of quotes.dedupe.cluster give the same answers as the plain computations.

Dedupe skips work where a bound proves it cannot change the verdict (costly scorers
on pairs that cannot reach a threshold), folds texts in bulk and sorts packed
integers instead of arrays of keys. Each shortcut is checked here against the
straightforward version on arbitrary input.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from quotes.dedupe.columns import ELLIPSIS_HINT, with_ellipsis
from quotes.dedupe.index import TextOrder, key_order, rank_order
from quotes.dedupe.scores import partial_bound, ratio_bound, verbatim_scores
from quotes.dedupe.text import normalize_text, normalize_texts, text_segments

# Few distinct letters, so that random strings are often close to each other.
WORDS = st.text(alphabet="abcde", min_size=1, max_size=6)
PHRASES = st.lists(WORDS, min_size=1, max_size=14).map(" ".join)
ANY_TEXT = st.text(
    alphabet=st.characters(codec="utf-8") | st.sampled_from(list("“”‘’…—–«»\x00 .'`")),
    max_size=40,
)


@st.composite
def close_pairs(draw: st.DrawFn) -> tuple[str, str]:
    """A phrase and an edited copy: cut, a word changed, or the same."""
    a = draw(PHRASES)
    words = a.split(" ")
    how = draw(st.sampled_from(["same", "cut", "change", "other"]))
    if how == "cut" and len(words) > 1:
        lo = draw(st.integers(0, len(words) - 1))
        hi = draw(st.integers(lo + 1, len(words)))
        words = words[lo:hi]
    elif how == "change":
        words[draw(st.integers(0, len(words) - 1))] = draw(WORDS)
    elif how == "other":
        return a, draw(PHRASES)
    return a, " ".join(words)


@settings(max_examples=300, deadline=None)
@given(st.lists(ANY_TEXT, max_size=12))
def test_bulk_folding_equals_one_by_one(texts: list[str]) -> None:
    assert normalize_texts(texts) == [normalize_text(t) for t in texts]


@settings(max_examples=300, deadline=None)
@given(close_pairs())
def test_score_bounds_are_upper_bounds(pair: tuple[str, str]) -> None:
    a, b = pair
    shorter, total = min(len(a), len(b)), len(a) + len(b)
    common = fuzz.ratio(a, b) * total / 200.0
    assert fuzz.partial_ratio(a, b) <= partial_bound(np.array([common]), np.array([shorter]))[0]
    bound = ratio_bound(np.array([shorter]), np.array([total]))[0]
    assert fuzz.ratio(a, b) <= bound
    assert fuzz.token_sort_ratio(a, b) <= bound


@settings(max_examples=150, deadline=None)
@given(st.lists(close_pairs(), min_size=1, max_size=8), st.integers(1, 6))
def test_pruned_scores_give_the_exact_verdicts(
    pairs: list[tuple[str, str]], min_words: int
) -> None:
    raw = [t for pair in pairs for t in pair]
    # Every other text is cut with an ellipsis after its second word, if it has one.
    raw = [
        " … ".join([" ".join(t.split()[:2]), " ".join(t.split()[2:])])
        if k % 2 and len(t.split()) > 2
        else t
        for k, t in enumerate(raw)
    ]
    texts = [normalize_text(t) for t in raw]
    words = [t.count(" ") + 1 for t in texts]
    segments = {k: p for k, t in enumerate(raw) if len(p := text_segments(t)) > 1}
    index = np.arange(len(texts)).reshape(-1, 2)
    accept = (90.0, 95.0)
    fast = verbatim_scores(
        texts, words, segments, index, min_partial_words=min_words, accept=accept
    )
    exact = verbatim_scores(
        texts, words, segments, index, min_partial_words=min_words, accept=accept, exact=True
    )
    verdict_fast = (fast[0] >= accept[0]) | (fast[1] >= accept[1])
    verdict_exact = (exact[0] >= accept[0]) | (exact[1] >= accept[1])
    assert verdict_fast.tolist() == verdict_exact.tolist()
    best_fast = np.maximum(fast[0], fast[1])[verdict_fast]
    best_exact = np.maximum(exact[0], exact[1])[verdict_exact]
    assert np.allclose(best_fast, best_exact)


@given(st.lists(st.integers(0, 2**64 - 1), max_size=60), st.integers(0, 8))
def test_key_order_groups_equal_keys_in_row_order(values: list[int], shift: int) -> None:
    # Keys that differ only in their low bits share their high bits: the slow path.
    keys = (np.array(values, dtype=np.uint64) >> np.uint64(shift)) & np.uint64(0xF0F)
    order = key_order(keys)
    assert sorted(order.tolist()) == list(range(len(keys)))
    grouped = keys[order].tolist()
    runs = [k for i, k in enumerate(grouped) if i == 0 or grouped[i - 1] != k]
    assert len(runs) == len(set(runs))  # every key in one contiguous run
    for key in set(grouped):
        rows = order[keys[order] == key]
        assert (np.diff(rows) > 0).all()


@given(
    st.lists(
        st.tuples(st.integers(0, 2**20), st.integers(0, 300), st.integers(0, 2**12)),
        max_size=50,
    )
)
def test_rank_order_is_a_stable_sort_by_item_rarity_position(
    rows: list[tuple[int, int, int]],
) -> None:
    table = np.array(rows, dtype=np.int64).reshape(-1, 3)
    expected = sorted(range(len(rows)), key=lambda k: rows[k])
    assert rank_order(table[:, 0], table[:, 1], table[:, 2]).tolist() == expected


@given(st.lists(ANY_TEXT, max_size=12))
def test_ellipsis_scan_finds_the_same_texts(texts: list[str]) -> None:
    texts = list(dict.fromkeys(texts))
    assert with_ellipsis(texts) == [t for t in texts if ELLIPSIS_HINT.search(t)]


TERM_SETS = st.frozensets(st.sampled_from([f"t{k}" for k in range(40)]), max_size=16)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(TERM_SETS, min_size=2, max_size=8),
    st.lists(st.floats(0.05, 9.0), min_size=40, max_size=40),
)
def test_bucket_bound_is_never_below_the_term_cosine(
    sets: list[frozenset[str]], w: list[float]
) -> None:
    # may_reach drops a candidate pair only when this bound is below the threshold;
    # it applies the looser bound on coarse buckets first.
    from quotes.dedupe.scores import statement_score
    from quotes.dedupe.statement import bucket_bound, bucket_weights, coarse_buckets

    weight = {f"t{k}": w[k] for k in range(40)}
    pairs = np.array([(i, j) for i in range(len(sets)) for j in range(i + 1, len(sets))])
    buckets = bucket_weights(sets, weight.__getitem__)
    bound = bucket_bound(buckets, pairs)
    assert (bucket_bound(coarse_buckets(buckets), pairs) >= bound * (1 - 1e-5)).all()
    # may_reach passes the row sums kept per item: the same bound.
    norms = buckets.sum(axis=1, dtype=np.float64)
    assert np.allclose(bucket_bound(buckets, pairs, norms), bound, rtol=1e-12)
    for (i, j), b in zip(pairs.tolist(), bound.tolist(), strict=True):
        exact = statement_score(sets[i], sets[j], weight, min_shared=1)
        assert b >= exact * (1 - 1e-4)


@given(st.lists(st.text(alphabet="ab ", max_size=5), max_size=12))
def test_text_order_ranks_as_a_plain_sort(texts: list[str]) -> None:
    # window_pairs sorts groups by these ranks: ties keep item order.
    order = TextOrder(texts)
    for reverse in (False, True):
        keys = [t[::-1] if reverse else t for t in texts]
        expected = sorted(range(len(texts)), key=lambda i: (keys[i], i))
        assert np.argsort(order.ranks(reverse=reverse)).tolist() == expected
