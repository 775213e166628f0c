"""Statement-level linking for `quotes.dedupe.cluster` (the ``statement`` and ``semantic`` modes).

Two quotes of one speaker are one statement when their content terms (see
`quotes.dedupe.text.content_terms`), weighted by rarity, overlap enough.
Long quotes, and reported contents most of all, often hold several statements
(``they were waiting for a signal from Ukraine ..., but there were no signs of any
movement``), so a pair is scored by the best match between the clauses of each
(see `quotes.dedupe.text.clause_texts`) as well as by their whole texts:
the statement-level analogue of "one quote is part of a longer one". In the
``semantic`` mode a learned pair verifier (`quotes.dedupe.verifier`) decides
instead, from the term score, the cosine of sentence embeddings and a few more
features of the pair.

Candidates come from a rare-key join on content terms
(`quotes.dedupe.index.candidate_pairs`), each clause of a long quote
looking up its own rarest terms; nothing compares every pair of a block, except
small blocks in the ``semantic`` mode, which also takes each text's nearest
neighbours in embedding space within its speaker's block
(`quotes.dedupe.neighbours`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np

from quotes.dedupe.claims import (
    ClaimCache,
    denies_saying,
    earlier_occasion,
    negated,
    same_polarity,
)
from quotes.dedupe.index import UnionFind, candidate_pairs, term_rows, unique_pairs
from quotes.dedupe.neighbours import neighbour_pairs
from quotes.dedupe.scores import statement_score, term_weights
from quotes.dedupe.semantic import Encoder, embed
from quotes.dedupe.text import clause_texts, content_terms
from quotes.dedupe.verifier import PairContext, VerifierModel

__all__ = [
    "StatementScorer",
    "bucket_bound",
    "bucket_weights",
    "coarse_buckets",
]

# A paraphrase joins a cluster only if it is also at least this fraction of the
# threshold close to the cluster's fullest member: stops chains A~B~C with A!~C.
_GUARD = 0.6
# Quotes with fewer content terms than this join others only by verbatim matching:
# a short phrase (``radical Islamic terrorism``) recurs inside unrelated statements.
_MIN_TERMS = 4
# A clause of a longer quote is scored on its own when it has this many content
# terms, and a clause-level match needs this many shared terms. Smaller units need
# more evidence (a whole text needs four terms and two shared; a truncated quote
# needs ``min_partial_words`` words), and the best of several clause pairs is more
# often high by chance: on the synthetic corpus of ``bench/bench_dedupe.py`` with
# multi-sentence statements, three shared terms doubled the wrong same-speaker
# links, four adds a fifth.
_MIN_CLAUSE_TERMS = 5
_CLAUSE_SHARED = 4
# Weight of the term score in the semantic blend (the rest is embedding cosine).
_BLEND = 0.4
Terms = frozenset[str]

# Candidate pairs are scored this many at a time: the Python objects of one chunk
# only, whatever the corpus size (millions of pairs at 1M quotes).
_CHUNK = 1 << 16
# Hash buckets of the term weights for the upper bound of `bucket_bound`, and the
# relative margin that covers its float32 rounding.
_BUCKETS = 64
# Coarse buckets (sums of ``_BUCKETS // _COARSE`` adjacent buckets): a looser bound
# that reads a quarter of the memory, applied first.
_COARSE = 16
_BOUND_MARGIN = 1e-4


class _Weights(dict[str, float]):
    """Term weights where a term without one weighs 1 (as in `statement_score`)."""

    def __missing__(self, term: str) -> float:
        return 1.0


class StatementScorer:
    """Scores and links items (distinct texts of one speaker) as statements.

    Args:
        texts: Normalised text of each item.
        raw: One original text of each item (clauses are cut on its punctuation).
        blocks: Block (speaker entity) of each item; ``-1`` for an unknown speaker.
        claims: The run's claim features of the items (`ClaimCache`), shared with
            its near-verbatim check; ``None`` for a cache of this scorer's own.
    """

    def __init__(
        self,
        texts: Sequence[str],
        raw: Sequence[str],
        blocks: Sequence[int],
        claims: ClaimCache | None = None,
    ) -> None:
        self.texts = texts
        self.claims = ClaimCache(raw, texts) if claims is None else claims
        self.raw = raw
        self.blocks = blocks
        cache: dict[str, Terms] = {}
        #: Content terms of each item's whole text.
        self.terms: list[Terms] = [cache.setdefault(t, content_terms(t)) for t in texts]
        #: Polarity of each item's whole text (see `negated`).
        self.negated: list[bool] = [negated(t) for t in texts]
        #: Whether each item's text refers to an earlier occasion (see `earlier_occasion`).
        self.earlier: list[bool] = [earlier_occasion(t) for t in texts]
        #: Whether each item's text denies having said something (see `denies_saying`).
        self.denial_of_saying: list[bool] = [denies_saying(t) for t in texts]
        #: Content terms of the clauses of each item that has several (clauses with at
        #: least ``_MIN_CLAUSE_TERMS`` terms; the whole text is not repeated here).
        self.clauses: dict[int, tuple[Terms, ...]] = {}
        #: Polarity of those clauses, in the same order.
        self.clause_negated: dict[int, tuple[bool, ...]] = {}
        found: dict[str, tuple[tuple[Terms, bool], ...]] = {}
        for item, text in enumerate(raw):
            parts = found.get(text)
            if parts is None:
                parts = found[text] = tuple(
                    (terms, negated(clause))
                    for clause in clause_texts(text)
                    if len(terms := content_terms(clause)) >= _MIN_CLAUSE_TERMS
                )
            if parts:
                self.clauses[item] = tuple(terms for terms, _ in parts)
                self.clause_negated[item] = tuple(neg for _, neg in parts)
        self.weight: dict[str, float] = {}
        self._norms: dict[Terms, float] = {}
        # For `may_reach`: term-set size, clauses or not, and weight sum of each item.
        self._sizes: np.ndarray | None = None
        self._has_clauses = np.zeros(0, dtype=bool)
        self._buckets = np.zeros((0, _BUCKETS), dtype=np.float32)
        self._coarse = np.zeros((0, _COARSE), dtype=np.float32)
        # Row sums of those two tables (the norms of `bucket_bound`), and which items
        # the bound applies to (no clauses, enough terms).
        self._bucket_norms = np.zeros(0)
        self._coarse_norms = np.zeros(0)
        self._boundable = np.zeros(0, dtype=bool)
        self._weight_of: Callable[[str], float] = _Weights().__getitem__
        self._item_norm: dict[int, float] = {}
        # Pairs far apart in time that link on their term score only (see `link`).
        self._lexical: set[tuple[int, int]] = set()
        self._term_threshold = 0.0
        #: Embedding of each item (semantic mode): its row in ``vectors``, or -1.
        self.vector_row: np.ndarray | None = None
        self.vectors: np.ndarray | None = None
        #: The learned pair verifier and what its features need (see `use_verifier`).
        self.verifier: VerifierModel | None = None
        self.context: PairContext | None = None

    def use_verifier(self, model: VerifierModel | None, context: PairContext) -> None:
        """Score pairs with a learned verifier (`quotes.dedupe.verifier`) from now on.

        `score` then gives the verifier's probability that a pair is one statement,
        and `similarity` the term score (blended with the embedding cosine). With
        ``model=None`` only the context is set: `features` works, `score` is
        `similarity`.
        """
        self.verifier = model
        self.context = context

    # -- scores --------------------------------------------------------------------

    def best_match(self, i: int, j: int) -> tuple[float, int, int]:
        """Weighted term cosine of two items: the best over their whole texts and clauses.

        A clause of one quote may be the whole statement the other renders, so every
        clause of one is scored against the other's whole text and clauses, and the
        best counts.

        Returns:
            ``(score, x, y)``: the score, and which part of ``i`` and of ``j`` gave
            it (``0`` for the whole text, ``k`` for its ``k``-th clause).
        """
        a, b = self.terms[i], self.terms[j]
        if len(a) < _MIN_TERMS or len(b) < _MIN_TERMS:
            return 0.0, 0, 0
        weight, norms = self.weight, self._norms
        best = (0.0, 0, 0)
        if same_polarity(a, b, self.negated[i], self.negated[j]):
            best = (statement_score(a, b, weight, norms=norms), 0, 0)
        ca, cb = self.clauses.get(i), self.clauses.get(j)
        if ca is None and cb is None:
            return best
        neg_a = (self.negated[i], *self.clause_negated.get(i, ()))
        neg_b = (self.negated[j], *self.clause_negated.get(j, ()))
        # A clause pair shares only terms the whole texts share: prune on those first.
        shared = a & b
        if len(shared) < _CLAUSE_SHARED:
            return best
        need = _CLAUSE_SHARED
        left = [(x, p) for x, p in enumerate((a, *ca) if ca else (a,)) if len(p & shared) >= need]
        right = [(y, q) for y, q in enumerate((b, *cb) if cb else (b,)) if len(q & shared) >= need]
        for x, p in left:
            for y, q in right:
                if (x or y) and len(p & q) >= need and same_polarity(p, q, neg_a[x], neg_b[y]):
                    s = statement_score(p, q, weight, min_shared=need, norms=norms)
                    if s > best[0]:
                        best = (s, x, y)
        return best

    def score(self, i: int, j: int) -> float:
        """The pair's score: the verifier's probability when there is one, else `similarity`."""
        return self._score(i, j)[0]

    def similarity(self, i: int, j: int) -> float:
        """Term score, blended with the embedding cosine when there are vectors (0 to 1)."""
        return self._score(i, j, verify=False)[0]

    def _cosine(self, i: int, j: int) -> float:
        if self.vectors is None or self.vector_row is None:
            return 0.0
        return float(self.vectors[self.vector_row[i]] @ self.vectors[self.vector_row[j]])

    def kept_apart(self, i: int, j: int) -> bool:
        """Whether a hard rule says two items are two statements, whatever their words.

        An earlier occasion against a current one, a denial of having said something
        against a claim, or numbers that disagree.
        """
        return (
            self.earlier[i] != self.earlier[j]
            or self.denial_of_saying[i] != self.denial_of_saying[j]
            or not self.claims.numbers_agree(i, j)
        )

    def opposite_polarity(self, i: int, j: int, parts: tuple[int, int] = (0, 0)) -> bool:
        """Whether one of two short texts is negated and the other not (``X is`` / ``X is not``).

        The verifier keeps such pairs apart whatever their embeddings (the term
        score already gives their whole texts 0), unless their best term match
        (``parts``, see `best_match`) is between clauses, whose polarity
        `best_match` compares itself (``waiting for a signal, but there were no
        signs of movement`` / ``waiting for indications``).
        """
        if parts != (0, 0):
            return False
        return not same_polarity(self.terms[i], self.terms[j], self.negated[i], self.negated[j])

    def _score(self, i: int, j: int, *, verify: bool = True) -> tuple[float, int, int]:
        if self.kept_apart(i, j):
            return 0.0, 0, 0
        s, x, y = self.best_match(i, j)
        if verify and self.verifier is not None:
            if self.opposite_polarity(i, j, (x, y)):
                return 0.0, x, y
            return self.verifier.score(self.features(i, j, s)), x, y
        if self.vectors is not None and self.vector_row is not None:
            s = _BLEND * s + (1 - _BLEND) * self._cosine(i, j)
        return s, x, y

    def features(self, i: int, j: int, term_score: float | None = None) -> list[float]:
        """The verifier's features of a pair (see `quotes.dedupe.verifier.FEATURES`).

        Raises:
            ValueError: No `PairContext` was given (`use_verifier`).
        """
        if self.context is None:
            raise ValueError("features() needs the pair context of use_verifier()")
        term_score = self.best_match(i, j)[0] if term_score is None else term_score
        return self.context.features(self, i, j, term_score=term_score, cosine=self._cosine(i, j))

    # -- linking -------------------------------------------------------------------

    def link(
        self,
        uf: UnionFind,
        known: np.ndarray,
        *,
        semantic: bool,
        threshold: float,
        block_keys: int,
        max_block: int,
        encoder: Encoder | None,
        keep: Callable[[np.ndarray], np.ndarray] | None = None,
        far: Callable[[np.ndarray], np.ndarray] | None = None,
        term_threshold: float = 0.0,
    ) -> None:
        """Join the sets of ``uf`` whose items (of a known speaker) are one statement.

        Args:
            uf: The verbatim groups so far; joined in place.
            known: Mask of the items with a known speaker.
            semantic: Blend in sentence embeddings (``encoder``, or the bundled model).
            threshold: Score at which a pair is one statement.
            block_keys: Rarest terms each unit looks up (plus one).
            max_block: Terms held by more units are not looked up.
            encoder: Text-to-vector function for ``semantic``.
            keep: Filters the candidate pairs (the run's date limit).
            far: Mask of the kept pairs that are far apart in time (long direct
                passages, see ``DedupeRun.statements_in_time``): these link only
                on shared words, a term score of ``term_threshold``, since the
                embeddings of two long quotes on one topic are close anyway.
            term_threshold: The term score ``far`` pairs need.
        """
        roots = uf.roots()
        self._weigh_terms(roots, known)
        idx = np.flatnonzero(known)
        pairs = self._candidates(idx, per_item=block_keys + 1, max_df=max_block)
        if semantic:
            self._embed(idx, encoder)
            if self.verifier is not None and "soft_cover" in self.verifier.features:
                self.embed_words(idx, encoder)
            assert self.vectors is not None and self.vector_row is not None
            near = neighbour_pairs(self.vectors[self.vector_row[idx]], idx, self.blocks)
            pairs = unique_pairs(np.concatenate([pairs, near]))
        if len(pairs):
            pairs = pairs[roots[pairs[:, 0]] != roots[pairs[:, 1]]]
        if keep is not None:
            pairs = keep(pairs)
        self._lexical = set()
        if far is not None and len(pairs):
            self._lexical = set(map(tuple, pairs[far(pairs)].tolist()))
            self._term_threshold = term_threshold
        edges = self._edges(pairs, threshold, inline=not semantic and threshold > 0)
        if edges:
            self._join(uf, edges, threshold)

    def _embed(self, idx: np.ndarray, encoder: Encoder | None) -> None:
        """Embed the items ``idx``: each distinct original text once, in one batched call."""
        row_of: dict[str, int] = {}
        rows = np.full(len(self.texts), -1, dtype=np.int64)
        for i in idx.tolist():
            rows[i] = row_of.setdefault(self.raw[i], len(row_of))
        self.vectors = embed(list(row_of), encoder)
        self.vector_row = rows

    def embed_words(self, items: np.ndarray, encoder: Encoder | None) -> None:
        """Embed the content words of ``items`` for the verifier's ``soft_cover``: each once.

        `link` embeds those of every item of a known speaker, in one batch, when the
        verifier uses the feature (the shipped one does not): not only those of the
        candidate pairs, since the guard of `_join` scores the representatives of
        two groups, which need not be a candidate pair.
        """
        if self.context is None:
            return
        words = self.context.missing_words(self, items.tolist())
        if words:
            vectors = embed(words, encoder)
            self.context.word_vectors.update(zip(words, vectors, strict=True))

    def _weigh_terms(self, roots: np.ndarray, known: np.ndarray) -> None:
        """Set the term weights: rarity over statements (a term counts once per group)."""
        terms = self.terms
        per_group: dict[int, set[str]] = {}
        for i in np.flatnonzero(known).tolist():
            per_group.setdefault(int(roots[i]), set()).update(terms[i])
        self.weight = term_weights(per_group.values())
        self._norms = {}
        self._item_norm = {}
        self._sizes = None

    def _edges(
        self, pairs: np.ndarray, threshold: float, *, inline: bool
    ) -> list[tuple[float, int, int, int, int]]:
        """The pairs scoring at least ``threshold``: ``(-score, i, j, clause of i, clause of j)``.

        With ``inline``, `may_reach` drops first the pairs that cannot reach it.
        The pairs are scored a chunk at a time, so that the Python objects of
        millions of candidate pairs never exist at once.
        """
        edges = []
        lexical = self._lexical
        for start in range(0, len(pairs), _CHUNK):
            chunk = pairs[start : start + _CHUNK]
            if inline:
                chunk = self.may_reach(chunk, threshold)
            for i, j in chunk.tolist():
                s, x, y = self._score(i, j)
                if s >= threshold and (
                    (i, j) not in lexical or self.best_match(i, j)[0] >= self._term_threshold
                ):
                    edges.append((-s, i, j, x, y))
        return edges

    def may_reach(self, pairs: np.ndarray, threshold: float) -> np.ndarray:
        """The pairs that may score ``threshold`` on their term score (a superset).

        A pair of two texts without clauses scores their whole texts only: fewer
        than ``_MIN_TERMS`` terms on a side, fewer than two shared terms, or a
        weighted cosine below ``threshold`` (with a margin for rounding) cannot
        reach it, so such pairs are dropped before the full score (numbers,
        occasion, polarity, the cached norms of `best_match`). Pairs with clauses
        are all kept. Most candidates of a large block share one rare term only;
        an upper bound of the cosine in numpy (`bucket_bound`) drops most of them
        before the exact check in Python.
        """
        if self._sizes is None:
            self._prepare_bounds()
        has_clauses = self._has_clauses
        i, j = pairs[:, 0], pairs[:, 1]
        plain = ~(has_clauses[i] | has_clauses[j])
        # The bound on 16 coarse buckets (one cache line a row) first, then on the 64
        # buckets for the few that pass: both are upper bounds, so the result is that
        # of the fine bound alone, with a quarter of the memory reads for most pairs.
        # (A plain pair with an item of fewer than _MIN_TERMS terms cannot score.)
        rows = np.flatnonzero(self._boundable[i] & self._boundable[j])
        bound_floor = threshold * (1.0 - _BOUND_MARGIN)
        for buckets, norms in (
            (self._coarse, self._coarse_norms),
            (self._buckets, self._bucket_norms),
        ):
            rows = rows[bucket_bound(buckets, pairs[rows], norms) >= bound_floor]
        keep = ~plain  # pairs with clauses; the plain ones within the bound are checked
        terms, norm, get = self.terms, self._item_norm, self._weight_of
        floor = threshold * (1.0 - 1e-9)
        for k, (i, j) in zip(rows.tolist(), pairs[rows].tolist(), strict=True):
            shared = terms[i] & terms[j]
            if len(shared) < 2:
                continue
            ni = norm.get(i) or norm.setdefault(i, sum(map(get, terms[i])))
            nj = norm.get(j) or norm.setdefault(j, sum(map(get, terms[j])))
            keep[k] = sum(map(get, shared)) >= floor * math.sqrt(ni * nj)
        return pairs[keep]

    def _prepare_bounds(self) -> None:
        """Set the term-set sizes, clause flags and bucketed weights, for `may_reach`."""
        terms = self.terms
        self._sizes = sizes = np.fromiter(map(len, terms), np.int64, len(terms))
        self._has_clauses = np.zeros(len(terms), dtype=bool)
        self._has_clauses[list(self.clauses)] = True
        self._boundable = ~self._has_clauses & (sizes >= _MIN_TERMS)
        self._weight_of = _Weights(self.weight).__getitem__
        self._buckets = bucket_weights(terms, self._weight_of, sizes)
        self._coarse = coarse_buckets(self._buckets)
        self._bucket_norms = self._buckets.sum(axis=1, dtype=np.float64)
        self._coarse_norms = self._coarse.sum(axis=1, dtype=np.float64)

    def _join(
        self, uf: UnionFind, edges: list[tuple[float, int, int, int, int]], threshold: float
    ) -> None:
        """Join the edges' groups, best first, guarded by the groups' representatives."""
        terms = self.terms
        edges.sort()
        rep = _representatives(uf.roots(), terms)
        # A quote that holds several statements links through one of its clauses at
        # most (its best match): it must not bridge two statements' clusters.
        anchor: dict[int, int] = {}
        for _, i, j, x, y in edges:
            ri, rj = uf.find(i), uf.find(j)
            if ri == rj or (x and anchor.get(i, x) != x) or (y and anchor.get(j, y) != y):
                continue
            a, b = rep[ri], rep[rj]
            if (a, b) not in ((i, j), (j, i)) and self.score(a, b) < _GUARD * threshold:
                continue
            uf.union(ri, rj)
            rep[uf.find(ri)] = a if (len(terms[a]), -a) >= (len(terms[b]), -b) else b
            if x:
                anchor[i] = x
            if y:
                anchor[j] = y

    def _candidates(self, idx: np.ndarray, *, per_item: int, max_df: int) -> np.ndarray:
        """Candidate pairs of the items ``idx`` from a rare-key join on content terms.

        An item with several clauses is looked up clause by clause (each clause
        queries its own rarest terms, and the terms of its short clauses form one
        more unit), so that a statement found in one clause of a long quote is a
        candidate even when the quote's rarest terms lie in its other clauses.
        """
        terms, clauses = self.terms, self.clauses
        units: list[Terms] = []
        owner: list[int] = []
        for i in idx.tolist():
            parts = clauses.get(i)
            if parts is None:
                units.append(terms[i])
                owner.append(i)
                continue
            rest = terms[i].difference(*parts)
            for unit in (*parts, rest) if rest else parts:
                units.append(unit)
                owner.append(i)
        rows_item, rows_key = term_rows(units, [self.blocks[i] for i in owner])
        pairs = candidate_pairs(rows_item, rows_key, len(units), per_item=per_item, max_df=max_df)
        if len(units) == len(idx) or not len(pairs):
            return idx[pairs] if len(pairs) else pairs
        items = np.asarray(owner, dtype=np.int64)[pairs]
        items = items[items[:, 0] != items[:, 1]]
        return unique_pairs(np.sort(items, axis=1))


def _representatives(roots: np.ndarray, terms: Sequence[Terms]) -> dict[int, int]:
    """The representative of each group: its item with the most terms, the first of ties.

    Examples:
        >>> t = [frozenset("ab"), frozenset("abc"), frozenset("a"), frozenset("xyz")]
        >>> _representatives(np.array([0, 0, 2, 0]), t)
        {0: 1, 2: 2}
    """
    sizes = np.fromiter(map(len, terms), np.int64, len(terms))
    order = np.lexsort((np.arange(len(roots)), -sizes, roots))
    grouped = roots[order]
    first = np.r_[True, grouped[1:] != grouped[:-1]] if len(order) else np.zeros(0, dtype=bool)
    return dict(zip(grouped[first].tolist(), order[first].tolist(), strict=True))


def bucket_weights(
    terms: Sequence[Terms], weight_of: Callable[[str], float], sizes: np.ndarray | None = None
) -> np.ndarray:
    """The term weights of each set added up in ``_BUCKETS`` hash buckets (float32 rows).

    Examples:
        >>> float(bucket_weights([frozenset({"a", "b"})], {"a": 1.0, "b": 2.0}.__getitem__).sum())
        3.0
    """
    if sizes is None:
        sizes = np.fromiter(map(len, terms), np.int64, len(terms))
    flat = [t for ts in terms for t in ts]
    weights = np.fromiter(map(weight_of, flat), np.float64, len(flat))
    bucket = np.fromiter(map(hash, flat), np.int64, len(flat)) & (_BUCKETS - 1)
    items = np.repeat(np.arange(len(terms), dtype=np.int64), sizes)
    cells = len(terms) * _BUCKETS
    table = np.bincount(items * _BUCKETS + bucket, weights=weights, minlength=cells)
    return table.reshape(len(terms), _BUCKETS).astype(np.float32)


def coarse_buckets(buckets: np.ndarray) -> np.ndarray:
    """Bucketed weights summed into ``_COARSE`` wider buckets, for a looser `bucket_bound`.

    The bound on these is never below the bound on ``buckets`` (the smaller of two
    sums is at least the sum of the smaller parts).

    Examples:
        >>> coarse_buckets(np.ones((1, 64), dtype=np.float32)).tolist() == [[4.0] * 16]
        True
    """
    return buckets.reshape(len(buckets), _COARSE, -1).sum(axis=2, dtype=np.float32)


def bucket_bound(
    buckets: np.ndarray, pairs: np.ndarray, norms: np.ndarray | None = None
) -> np.ndarray:
    """An upper bound of the weighted term cosine of each pair, from bucketed weights.

    Each term's weight is added to one of ``buckets.shape[1]`` buckets (by its hash);
    the weight two term sets share is at most the sum over buckets of the smaller of
    their two bucket weights, and the norms are the row sums. Exact up to float32
    rounding (callers allow a relative margin). ``norms``, the row sums of
    ``buckets`` (float64), saves summing the rows of every pair.

    Examples:
        >>> b = np.array([[1.0, 1.0, 0.0], [1.0, 0.0, 2.0]], dtype=np.float32)
        >>> bucket_bound(b, np.array([[0, 1]])).round(3).tolist()
        [0.408]
    """
    a, b = buckets[pairs[:, 0]], buckets[pairs[:, 1]]
    shared = np.minimum(a, b).sum(axis=1, dtype=np.float64)
    if norms is None:
        product = a.sum(axis=1, dtype=np.float64) * b.sum(axis=1, dtype=np.float64)
    else:
        product = norms[pairs[:, 0]] * norms[pairs[:, 1]]
    return np.divide(shared, np.sqrt(product), out=np.ones(len(pairs)), where=product > 0)
