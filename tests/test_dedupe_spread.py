"""A statement repeated with small changes in many articles still forms one cluster.

Each variant differs from one 24-word sentence by one word, so every bigram of the
sentence is shared by most variants: far more than ``max_block`` texts, the limit
of the full rare-key join. Such keys are joined by sorted neighbourhoods instead
(`quotes.dedupe.index.window_pairs`), never skipped; the candidates stay linear in
the number of variants.
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from quotes.dedupe.cluster import dedupe
from quotes.dedupe.index import WINDOW, bigram_rows, candidate_pairs
from quotes.models import Quote, Speaker

SENTENCE = (
    "the government will not accept any agreement that leaves the eastern regions "
    "under foreign control and we keep working with our partners on sanctions"
).split()


OTHER = (
    "the government will ask our partners in the eastern regions to keep working "
    "on a new agreement before any sanctions are lifted next year"
).split()


def one_word_variants(n: int, seed: int = 7, sentence: list[str] = SENTENCE) -> list[str]:
    """``n`` distinct texts, each ``sentence`` with one word replaced by a made-up one."""
    rng = random.Random(seed)
    out = []
    for k in range(n):
        words = list(sentence)
        at = rng.randrange(len(words))
        words[at] = f"zq{k}v{at}"
        out.append(" ".join(words))
    return out


def quotes_of(texts: list[str], speaker: str | None = "Ann Smith") -> list[Quote]:
    who = Speaker(name=speaker, mention=speaker, start=0, end=0) if speaker else None
    return [
        Quote(text=t, start=0, end=len(t), article=f"art{i}", speaker=who)
        for i, t in enumerate(texts)
    ]


def test_sentence_has_24_words() -> None:
    assert len(SENTENCE) == 24


@pytest.mark.parametrize("mode", ["verbatim", "statement"])
@pytest.mark.parametrize("n", [10, 100, 1000])
def test_one_word_variants_form_one_cluster(mode: str, n: int) -> None:
    clusters = dedupe(quotes_of(one_word_variants(n)), mode=mode)  # type: ignore[arg-type]
    assert [c.size for c in clusters] == [n]


def test_variants_without_speaker_form_one_cluster() -> None:
    clusters = dedupe(quotes_of(one_word_variants(300), speaker=None), mode="verbatim")
    assert [c.size for c in clusters] == [300]


def test_two_spread_statements_stay_apart() -> None:
    other = one_word_variants(200, seed=3, sentence=OTHER)  # many shared words
    clusters = dedupe(quotes_of(one_word_variants(200) + other), mode="verbatim")
    assert sorted(c.size for c in clusters) == [200, 200]


@pytest.mark.parametrize("n", [100, 1000, 4000])
def test_candidates_grow_linearly(n: int) -> None:
    texts = [" ".join(t.split()) for t in one_word_variants(n)]
    rows_item, rows_key = bigram_rows(texts, [0] * n)
    per_item = 3
    pairs = candidate_pairs(
        rows_item, rows_key, n, per_item=per_item, max_df=64, min_hits=2, sort_texts=texts
    )
    # Each item queries at most per_item keys; each pairs with WINDOW neighbours on
    # each side in two orders: far below the n * (n - 1) / 2 of all pairs.
    assert len(pairs) <= n * per_item * 4 * WINDOW
    assert len(np.unique(pairs, axis=0)) == len(pairs)


def test_frequent_keys_are_skipped_without_sort_texts() -> None:
    texts = one_word_variants(200)
    rows_item, rows_key = bigram_rows(texts, [0] * 200)
    assert len(candidate_pairs(rows_item, rows_key, 200, max_df=64, min_hits=2)) == 0
