"""Tests of the per-item claim cache and the canonical row order used by dedupe."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quotes.dedupe.claims import ClaimCache
from quotes.dedupe.columns import sorted_rows
from quotes.dedupe.statement import StatementScorer


class TestClaimCache:
    def test_numbers_that_disagree_keep_two_claims_apart(self) -> None:
        raw = ["She sent 22 emails to the board.", "She sent 2,093 emails to the board."]
        claims = ClaimCache(raw, [t.lower() for t in raw])
        assert not claims.numbers_agree(0, 1)
        assert claims.numbers(1) == frozenset({"2093"})

    def test_a_text_without_numbers_agrees_with_any(self) -> None:
        raw = ["The board met on Monday.", "The board met 3 times."]
        claims = ClaimCache(raw, raw)
        assert claims.numbers_agree(0, 1) and claims.numbers_agree(1, 0)

    def test_negators_are_counted_in_the_normalised_text(self) -> None:
        claims = ClaimCache(["x", "y"], ["he is not ready and never was", "he is ready"])
        assert (claims.negators(0), claims.negators(1)) == (2, 0)

    def test_each_text_is_read_once(self) -> None:
        reads: list[str] = []

        class Texts(list[str]):
            def __getitem__(self, k):  # type: ignore[override]
                reads.append(k)
                return super().__getitem__(k)

        claims = ClaimCache(Texts(["7 votes", "7 votes"]), ["7 votes", "7 votes"])
        for _ in range(3):
            assert claims.numbers_agree(0, 1)
        assert sorted(reads) == [0, 1]

    def test_the_statement_scorer_shares_the_runs_cache(self) -> None:
        raw = ["Officials counted 22 ballots in the county.", "Officials counted 2,093 ballots."]
        texts = [t.lower().rstrip(".").replace(",", "") for t in raw]
        claims = ClaimCache(raw, texts)
        scorer = StatementScorer(texts, raw, [0, 0], claims)
        assert scorer.claims is claims
        assert scorer.kept_apart(0, 1)


ROWS = st.lists(
    st.tuples(
        st.sampled_from(["", "a1", "a2", "b"]),
        st.integers(0, 3),
        st.integers(0, 3),
        st.sampled_from(["x", "y", ""]),
    ),
    max_size=40,
)


@given(ROWS)
def test_sorted_rows_is_the_tuple_sort(rows: list[tuple[str, int, int, str]]) -> None:
    # read_columns orders the quotes by this: ties on (article, start, end) fall back
    # to the whole tuple, whose last field (the input position) is unique.
    rows = [(*r, k) for k, r in enumerate(rows)]
    assert sorted_rows(rows) == sorted(range(len(rows)), key=rows.__getitem__)
