"""Embedding-neighbour candidates and the pair verifier of the ``semantic`` mode."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from quotes.dedupe import dedupe
from quotes.dedupe import neighbours
from quotes.dedupe.neighbours import NEIGHBOURS, neighbour_pairs
from quotes.dedupe.claims import earlier_occasion, numbers_in
from quotes.models import Quote, Speaker


def unit_rows(n: int, dim: int = 16, seed: int = 3) -> np.ndarray:
    rng = np.random.default_rng(seed)
    v = rng.standard_normal((n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_small_block_is_all_pairs_and_blocks_stay_apart() -> None:
    v = unit_rows(10)
    pairs = neighbour_pairs(v, np.arange(10), [0] * 5 + [1] * 5)
    assert len(pairs) == 2 * (5 * 4 // 2)
    assert all((a < 5) == (b < 5) for a, b in pairs.tolist())


@pytest.mark.parametrize("exact_block", [10_000, 100])  # exact search, then sorted codes
def test_large_block_finds_near_copies_with_linear_candidates(monkeypatch, exact_block: int) -> None:
    monkeypatch.setattr(neighbours, "EXACT_BLOCK", exact_block)
    n = 1500
    base = unit_rows(n // 3, dim=32)
    rng = np.random.default_rng(5)
    noisy = np.concatenate([base + 0.05 * rng.standard_normal(base.shape).astype(np.float32) for _ in range(3)])
    noisy /= np.linalg.norm(noisy, axis=1, keepdims=True)
    pairs = neighbour_pairs(noisy, np.arange(n), [0] * n)
    assert len(pairs) <= n * NEIGHBOURS * 6  # far below n * (n - 1) / 2
    found = {tuple(p) for p in pairs.tolist()}
    twins = [(i, i + n // 3) for i in range(n // 3)]
    share = sum(t in found for t in twins) / len(twins)
    assert share > 0.9, share


def quote(text: str, article: str, name: str = "Ann Smith", day: dt.date | None = None) -> Quote:
    who = Speaker(name=name, mention=name, start=0, end=0)
    return Quote(text=text, start=0, end=len(text), article=article, speaker=who, published=day)


PARAPHRASE = [
    "The ministry will shut the northern coal plant before winter.",
    "Officials said the energy department plans to close a power station in the north soon.",
]


def meaning_encoder(calls: list[int]):
    """Maps texts about the plant to one direction, others elsewhere; counts texts embedded."""

    def encode(texts):
        calls.append(len(texts))
        return [[1.0, 0.0] if ("plant" in t or "station" in t) else [0.0, 1.0] for t in texts]

    return encode


def test_semantic_mode_joins_a_paraphrase_sharing_no_rare_word() -> None:
    calls: list[int] = []
    qs = [quote(PARAPHRASE[0], "a"), quote(PARAPHRASE[1], "b"), quote(PARAPHRASE[0], "c")]
    assert len(dedupe(qs, mode="statement")) == 2
    clusters = dedupe(qs, mode="semantic", encoder=meaning_encoder(calls))
    assert [c.size for c in clusters] == [3]
    assert calls == [2]  # one batch, each distinct text once


def test_semantic_mode_keeps_other_speakers_apart() -> None:
    qs = [quote(PARAPHRASE[0], "a"), quote(PARAPHRASE[1], "b", name="Bob Jones")]
    assert len(dedupe(qs, mode="semantic", encoder=meaning_encoder([]))) == 2


def test_numbers_must_agree() -> None:
    qs = [
        quote("The agency has classified 22 of her emails as top secret material.", "a"),
        quote("The agency has classified 2,093 of her emails as top secret material today.", "b"),
    ]
    assert len(dedupe(qs, mode="statement")) == 2
    assert numbers_in("2,093 and 22") == {"2093", "22"}


def test_an_earlier_occasion_is_another_statement() -> None:
    qs = [
        quote("Russian forces have orders to create a security buffer zone along the border.", "a"),
        quote("The Russian offensive at the time aimed to create a security buffer zone along the border.", "b"),
    ]
    assert earlier_occasion("at the time") and not earlier_occasion("this time")
    assert len(dedupe(qs, mode="statement")) == 2


def test_long_repeat_links_across_months_but_a_slogan_does_not() -> None:
    long_line = "A lot will have to do with whether or not the two sides want to make the deal at all, I think."
    slogan = "We are going to build a wall."
    day, later = dt.date(2016, 1, 5), dt.date(2016, 6, 1)
    qs = [quote(long_line, "a", day=day), quote(long_line, "b", day=later)]
    qs += [quote(slogan, "c", day=day), quote(slogan, "d", day=later)]
    sizes = sorted(c.size for c in dedupe(qs, mode="verbatim"))
    assert sizes == [1, 1, 2]


def test_direct_indirect_and_mixed_forms_merge_under_the_direct_text() -> None:
    from quotes.models import QuoteKind

    forms = [
        ("that the ministry would close the northern coal plant before the winter", QuoteKind.INDIRECT),
        ("“We will close the northern coal plant before the winter,”", QuoteKind.DIRECT),
        ("the ministry would “close the northern coal plant” before the winter", QuoteKind.MIXED),
    ]
    qs = [
        quote(text, f"art{k}").model_copy(update={"kind": kind})
        for k, (text, kind) in enumerate(forms)
    ]
    for mode in ("statement", "semantic"):
        clusters = dedupe(qs, mode=mode, encoder=meaning_encoder([]))  # type: ignore[arg-type]
        assert [c.size for c in clusters] == [3], mode
        assert clusters[0].kind == QuoteKind.DIRECT
        assert clusters[0].text == forms[1][0]
