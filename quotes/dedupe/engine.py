"""One dedupe run: link the quotes' texts, then build the clusters (NumPy and rapidfuzz).

[`dedupe`][quotes.dedupe.cluster.dedupe] imports this module on its first call, so
that ``import quotes`` does not load NumPy and rapidfuzz.
"""

from __future__ import annotations

import datetime as _dt
import gc
from collections import Counter
from typing import Any

import numpy as np

from quotes.dedupe.claims import POLARITY_MAX_WORDS, ClaimCache
from quotes.dedupe.columns import Columns, read_columns, stance_blocks, with_ellipsis
from quotes.dedupe.defaults import (
    DEFAULT_MIN_PARTIAL_WORDS,
    DEFAULT_PARTIAL_THRESHOLD,
    DEFAULT_RATIO_THRESHOLD,
)
from quotes.dedupe.index import (
    TextOrder,
    UnionFind,
    bigram_rows,
    candidate_pairs,
    salt,
    sorted_unique,
)
from quotes.dedupe.periods import (
    LONG_REPEAT_WORDS,
    NO_DATE_HIGH,
    NO_DATE_LOW,
    date_periods,
    far_apart,
)
from quotes.dedupe.results import (
    ClusterMember,
    DedupeProvenance,
    QuoteCluster,
    construct,
    hash_key_lines,
    key_line,
)
from quotes.dedupe.scores import verbatim_scores
from quotes.dedupe.semantic import Encoder
from quotes.dedupe.speakers import resolve_speakers
from quotes.dedupe.statement import StatementScorer
from quotes.dedupe.text import normalize_texts, text_segments
from quotes.dedupe.verifier import PairContext, load_verifier
from quotes.models import Quote, QuoteKind

__all__ = ["DedupeRun", "run_dedupe"]

_KIND_RANK = {QuoteKind.DIRECT: 2, QuoteKind.MIXED: 1, QuoteKind.INDIRECT: 0}


def run_dedupe(
    quotes: list[Quote],
    provenance: DedupeProvenance,
    *,
    mode: str,
    ignore_speakers: bool,
    encoder: Encoder | None,
    options: dict[str, Any],
) -> list[QuoteCluster]:
    """Cluster ``quotes`` (a list this run may empty) with the checked ``options``.

    Args:
        quotes: The quotes; the list is cleared once their columns are read.
        provenance: The provenance every cluster gets.
        mode: ``statement``, ``verbatim`` or ``semantic``.
        ignore_speakers: Cluster on the words alone, across speakers.
        encoder: The semantic mode's encoder, or ``None`` for the bundled one.
        options: The thresholds and blocking settings of
            [`dedupe`][quotes.dedupe.cluster.dedupe].

    Returns:
        The clusters, largest first (then by speaker, text and id).
    """
    gc_was_enabled = gc.isenabled()
    gc.disable()  # many small objects, no cycles: collections would only cost time
    try:
        link_options = {k: v for k, v in options.items() if k != "max_days"}
        work = DedupeRun(read_columns(quotes), ignore_speakers, options.get("max_days"))
        quotes.clear()
        work.link(mode=mode, encoder=encoder, **link_options)
        return work.clusters(provenance)
    finally:
        if gc_was_enabled:
            gc.enable()


class DedupeRun:
    """The state of one dedupe run over sorted quotes."""

    def __init__(self, cols: Columns, ignore_speakers: bool, max_days: int | None = None) -> None:
        self.cols = cols
        self.max_days = max_days
        # (name, type) of each quote's speaker; (None, None) for a quote without one.
        pairs = list(zip(cols.speaker, cols.speaker_type, strict=True))
        counts = Counter((n, k) for n, k in pairs if n is not None and k is not None)
        entities = resolve_speakers(counts)
        entity = entities.entity
        self.display = entities.display
        self.entity_of_quote = [
            -1 if name is None or kind is None else entity[name, kind] for name, kind in pairs
        ]
        blocks = [0] * len(pairs) if ignore_speakers else self.entity_of_quote
        blocks = stance_blocks(blocks, cols.stance)
        self.ignore_speakers = ignore_speakers
        # Per distinct text: its normalised form and, if cut with an ellipsis, pieces.
        distinct = list(dict.fromkeys(cols.text))
        normal = dict(zip(distinct, normalize_texts(distinct), strict=True))
        cut: dict[str, list[str]] = {}
        for text in with_ellipsis(distinct):
            if len(pieces := text_segments(text)) > 1:
                cut[text] = pieces
        self._build_items(blocks, normal, cut, max_days)
        self.words = [t.count(" ") + 1 if t else 0 for t in self.texts]
        #: The items' texts in sorted order, for the sorted-neighbourhood joins.
        self.text_order = TextOrder(self.texts)
        self.uf = UnionFind(len(self.texts))
        self.statements: StatementScorer | None = None
        #: Numbers and negators of each item, read on first use (see `ClaimCache`).
        self.claims = ClaimCache(self.raw, self.texts)
        self.accept = (DEFAULT_RATIO_THRESHOLD, DEFAULT_PARTIAL_THRESHOLD)
        self.min_partial_words = DEFAULT_MIN_PARTIAL_WORDS

    def _build_items(
        self,
        blocks: list[int],
        normal: dict[str, str],
        cut: dict[str, list[str]],
        max_days: int | None,
    ) -> None:
        """Group the quotes into items: one per speaker block, normalised text and period.

        A period (see `quotes.dedupe.periods`) keeps the same words months apart in
        two items; each item gets the span of its dates (``low``, ``high``).
        """
        text, published = self.cols.text, self.cols.published
        periods = [0] * len(text)
        if max_days is not None and any(d is not None for d in published):
            group_of: dict[tuple[int, str], int] = {}
            groups = [
                group_of.setdefault((b, normal[t]), len(group_of))
                for b, t in zip(blocks, text, strict=True)
            ]
            periods = date_periods(groups, published, max_days)
        item_of: dict[tuple[int, str, int], int] = {}
        self.texts: list[str] = []
        self.raw: list[str] = []
        self.blocks: list[int] = []
        self.quote_item: list[int] = []
        self.segments: dict[int, list[str]] = {}
        texts, quote_item, segments = self.texts, self.quote_item, self.segments
        for block, raw, period in zip(blocks, text, periods, strict=True):
            norm = normal[raw]
            item = item_of.setdefault((block, norm, period), len(texts))
            if item == len(texts):
                texts.append(norm)
                self.raw.append(raw)
                self.blocks.append(block)
            quote_item.append(item)
            if raw in cut and item not in segments:
                segments[item] = cut[raw]
        self.low = np.full(len(texts), NO_DATE_LOW, dtype=np.int64)
        self.high = np.full(len(texts), NO_DATE_HIGH, dtype=np.int64)
        dated = [
            (item, d.toordinal())
            for item, d in zip(quote_item, published, strict=True)
            if d is not None
        ]
        if dated:
            items, days = np.asarray(dated, dtype=np.int64).T
            self.high[items] = NO_DATE_LOW
            self.low[items] = NO_DATE_HIGH
            np.minimum.at(self.low, items, days)
            np.maximum.at(self.high, items, days)

    def statements_in_time(self, pairs: np.ndarray) -> np.ndarray:
        """The paraphrase candidates that may link: dates at most ``max_days`` apart.

        Two direct quotes whose shorter text has `LONG_REPEAT_WORDS` words or more
        may link at any distance: a long passage in quotation marks that recurs
        (whole, in part or with small changes) months later is the old quote quoted
        again. An indirect content or a short line restated months later (a
        position, a stump line) is another occasion.
        """
        return self.in_time(pairs, long_words=LONG_REPEAT_WORDS, direct_only=True)

    def far(self, pairs: np.ndarray) -> np.ndarray:
        """Mask of the item pairs whose dates are more than ``max_days`` apart."""
        return far_apart(pairs, self.low, self.high, self.max_days)

    def in_time(
        self, pairs: np.ndarray, *, long_words: int | None = None, direct_only: bool = False
    ) -> np.ndarray:
        """The item pairs whose dates are at most ``max_days`` apart (see `far_apart`).

        With ``long_words``, pairs whose shorter text has that many words are kept
        at any distance: a long passage repeated word for word months later is the
        old quote quoted again, not a new statement (a short line is a slogan).
        With ``direct_only``, only where both items were quoted directly.
        """
        if self.max_days is None or len(pairs) == 0:
            return pairs
        far = np.flatnonzero(far_apart(pairs, self.low, self.high, self.max_days))
        if len(far) == 0:
            return pairs
        if long_words is not None:  # only the far pairs can be kept as long repeats
            apart = pairs[far]
            words = np.asarray(self.words, dtype=np.int64)
            long = np.minimum(words[apart[:, 0]], words[apart[:, 1]]) >= long_words
            if direct_only:
                direct = np.asarray(self._direct_items(), dtype=bool)
                long &= direct[apart[:, 0]] & direct[apart[:, 1]]
            far = far[~long]
        keep = np.ones(len(pairs), dtype=bool)
        keep[far] = False
        return pairs[keep]

    # -- linking -----------------------------------------------------------------

    def link(
        self,
        *,
        mode: str,
        ratio_threshold: float,
        partial_threshold: float,
        min_partial_words: int,
        statement_threshold: float,
        semantic_threshold: float,
        block_keys: int,
        max_block: int,
        encoder: Encoder | None,
        verify: bool = True,
    ) -> None:
        """Join the items that are one statement (arguments as in `run_dedupe`).

        In ``semantic`` mode with ``verify`` (the default), paraphrase pairs are
        decided by the learned verifier (`quotes.dedupe.verifier`) and
        ``semantic_threshold`` is its probability; without, by the blend of term
        score and embedding cosine. The ``statement`` mode decides on the term score.
        """
        self.accept = (ratio_threshold, partial_threshold)
        self.min_partial_words = min_partial_words
        n = len(self.texts)
        blocks = np.asarray(self.blocks, dtype=np.int64)
        rows_item, self._bigram_keys = bigram_rows(self.texts)
        self._bigram_items = rows_item
        rows_key = salt(rows_item, self._bigram_keys, self.blocks)
        pairs = candidate_pairs(
            rows_item,
            rows_key,
            n,
            per_item=block_keys,
            max_df=max_block,
            min_hits=2,
            sort_texts=self.text_order,
        )
        pairs = self.in_time(pairs, long_words=LONG_REPEAT_WORDS)
        for i, j in self._verbatim_matches(pairs)[0].tolist():
            self.uf.union(i, j)

        known = blocks >= 0
        if mode != "verbatim" and known.any():
            self.statements = StatementScorer(self.texts, self.raw, self.blocks, self.claims)
            verifier = load_verifier(mode) if verify and mode == "semantic" else None
            self.statements.use_verifier(verifier, self.pair_context())
            self.statements.link(
                self.uf,
                known,
                semantic=mode == "semantic",
                threshold=statement_threshold if mode == "statement" else semantic_threshold,
                block_keys=block_keys,
                max_block=max_block,
                encoder=encoder,
                keep=self.statements_in_time,
                far=self.far if mode == "semantic" else None,
                term_threshold=statement_threshold,
            )
        unknown = ~known
        if unknown.any() and known.any():
            self._attach_unknown(unknown, block_keys=block_keys, max_block=max_block)

    def pair_context(self) -> PairContext:
        """What the verifier's features need of each item: words, kind and dates."""
        return PairContext(
            words=self.words, direct=self._direct_items(), low=self.low, high=self.high
        )

    def _direct_items(self) -> list[bool]:
        """Whether each item was quoted directly (by one of its quotes at least)."""
        direct = [False] * len(self.texts)
        for item, kind in zip(self.quote_item, self.cols.kind, strict=True):
            if kind == QuoteKind.DIRECT:
                direct[item] = True
        return direct

    def _verbatim_scores(
        self, pairs: np.ndarray, accept: tuple[float, float], *, exact: bool = False
    ) -> tuple[np.ndarray, np.ndarray]:
        """`quotes.dedupe.scores.verbatim_scores` of item pairs of this run."""
        return verbatim_scores(
            self.texts,
            self.words,
            self.segments,
            pairs,
            min_partial_words=self.min_partial_words,
            accept=accept,
            exact=exact,
        )

    def _verbatim_matches(self, pairs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The pairs that are near-verbatim variants, and their best score (0-100)."""
        full, part = self._verbatim_scores(pairs, self.accept)
        ok = (full >= self.accept[0]) | (part >= self.accept[1])
        pairs, best = pairs[ok], np.maximum(full[ok], part[ok])
        whole = full[ok] >= self.accept[0]
        agree = self._numbers_agree(pairs) & self._polarity_agrees(pairs, whole)
        return pairs[agree], best[agree]

    def _polarity_agrees(self, pairs: np.ndarray, whole: np.ndarray) -> np.ndarray:
        """Mask of the near-verbatim pairs that do not differ by a negator.

        ``X is qualified`` and ``X is not qualified`` are a claim and its denial,
        however close the words: two texts matched as a whole must hold as many
        negators, and a text contained in the other (``whole`` False: a truncation)
        may not hold more than the text it is cut from. As in statement mode, only
        short texts are compared (`POLARITY_MAX_WORDS`): in a long quote a ``not``
        belongs to one of many clauses.
        """
        negators, words = self.claims.negators, self.words
        out = np.ones(len(pairs), dtype=bool)
        for k, (i, j) in enumerate(pairs.tolist()):
            if max(words[i], words[j]) > POLARITY_MAX_WORDS:
                continue
            a, b = negators(i), negators(j)
            if a == b:
                continue
            if whole[k]:
                out[k] = False
            else:  # the shorter text is the part: it may not add a negator
                short, long_ = (a, b) if words[i] <= words[j] else (b, a)
                out[k] = short <= long_
        return out

    def _numbers_agree(self, pairs: np.ndarray) -> np.ndarray:
        """Mask of the pairs whose numbers agree: not both with digits and none shared.

        ``22 emails`` and ``2,093 emails`` are two claims however close the words.
        """
        agree = self.claims.numbers_agree
        return np.fromiter((agree(i, j) for i, j in pairs.tolist()), dtype=bool, count=len(pairs))

    def _attach_unknown(self, unknown: np.ndarray, *, block_keys: int, max_block: int) -> None:
        """Join each item without a known speaker to its best near-verbatim match, if any."""
        pairs = candidate_pairs(
            self._bigram_items,
            self._bigram_keys,
            len(self.texts),
            per_item=block_keys,
            max_df=max_block,
            query_mask=unknown,
            min_hits=2,
            sort_texts=self.text_order,
        )
        pairs = self.in_time(pairs, long_words=LONG_REPEAT_WORDS)
        if len(pairs) == 0:
            return
        pairs, scores = self._verbatim_matches(pairs[unknown[pairs[:, 0]] != unknown[pairs[:, 1]]])
        best: dict[int, tuple[float, int]] = {}
        for (i, j), score in zip(pairs.tolist(), scores.tolist(), strict=True):
            u, k = (i, j) if unknown[i] else (j, i)
            ru, rk = self.uf.find(u), self.uf.find(k)
            if ru not in best or (score, -rk) > (best[ru][0], -best[ru][1]):
                best[ru] = (score, rk)
        for ru, (_, rk) in sorted(best.items()):
            self.uf.union(ru, rk)

    # -- output ------------------------------------------------------------------

    def clusters(self, provenance: DedupeProvenance) -> list[QuoteCluster]:
        """The clusters of the linked items, largest first (then by speaker, text and id)."""
        n = len(self.quote_item)
        quote_item = np.asarray(self.quote_item, dtype=np.int64)
        root = self.uf.roots()[quote_item]
        # Members by date (undated last); ties keep the canonical order (article,
        # start, end, text ...), so one stable sort groups and orders them all.
        undated = _dt.date.max.toordinal() + 1
        published = np.fromiter(
            (undated if d is None else d.toordinal() for d in self.cols.published), np.int64, n
        )
        order = np.lexsort((published, root))
        grouped = root[order]
        starts = np.flatnonzero(np.r_[True, grouped[1:] != grouped[:-1]])
        ends = np.r_[starts[1:], n]
        canon = self._canonical(order, starts)
        sims = self._similarities(quote_item[order], np.repeat(quote_item[canon], ends - starts))
        members = order.tolist()
        out = [
            self._cluster(members[a:b], c, sims, provenance)
            for a, b, c in zip(starts.tolist(), ends.tolist(), canon.tolist(), strict=True)
        ]
        out.sort(key=lambda c: (-len(c.members), c.speaker or "", c.text, c.id))
        return out

    def _canonical(self, order: np.ndarray, starts: np.ndarray) -> np.ndarray:
        """The canonical quote of each group of ``order`` (groups begin at ``starts``).

        The most complete direct form: the highest kind (direct, mixed, indirect),
        then uncut before cut with an ellipsis, then the longest normalised text,
        then the first in input order. The four criteria are packed into one int64
        (2 + 1 + 28 + 32 bits) so a single ``maximum.reduceat`` picks them all.
        """
        n = len(self.quote_item)
        if n >= 1 << 32:
            raise ValueError("dedupe() takes at most 2**32 - 1 quotes at once")
        quote_item = np.asarray(self.quote_item, dtype=np.int64)
        uncut = np.ones(len(self.texts), dtype=np.int64)
        uncut[list(self.segments)] = 0
        length = np.fromiter(map(len, self.texts), np.int64, len(self.texts))
        kind = np.fromiter(map(_KIND_RANK.__getitem__, self.cols.kind), np.int64, n)
        low = np.int64(0xFFFFFFFF)
        rank = (
            (kind << 61)
            | (uncut[quote_item] << 60)
            | (np.minimum(length[quote_item], (1 << 28) - 1) << 32)
            | (low - np.arange(n, dtype=np.int64))
        )
        best = np.maximum.reduceat(rank[order], starts)
        return low - (best & low)

    def _similarities(self, items: np.ndarray, canon_items: np.ndarray) -> dict[int, float]:
        """Similarity (0-1) of each item to the canonical item of its cluster.

        ``items[k]`` is a member's item and ``canon_items[k]`` its cluster's
        canonical item; items with the canonical text are left out (similarity 1).
        """
        n_items = len(self.texts)
        apart = items != canon_items
        codes = sorted_unique(items[apart] * n_items + canon_items[apart])[0]
        texts = self.texts
        pairs = [
            (item, c)
            for item, c in zip((codes // n_items).tolist(), (codes % n_items).tolist(), strict=True)
            if texts[item] != texts[c]
        ]
        sims: dict[int, float] = {}
        if not pairs:
            return sims
        arr = np.asarray(pairs, dtype=np.int64)
        full, part = self._verbatim_scores(arr, (DEFAULT_RATIO_THRESHOLD, 101.0), exact=True)
        best = (np.maximum(full, part) / 100.0).tolist()
        if self.statements is not None:
            blocks = self.blocks
            for k, (item, c) in enumerate(pairs):
                if blocks[item] >= 0 and blocks[c] >= 0:
                    best[k] = max(best[k], self.statements.similarity(item, c))
        return {
            item: round(min(max(value, 0.0), 1.0), 4)
            for item, value in zip(arr[:, 0].tolist(), best, strict=True)
        }

    def _cluster(
        self,
        members: list[int],
        canon_qi: int,
        sims: dict[int, float],
        provenance: DedupeProvenance,
    ) -> QuoteCluster:
        """Build one cluster from its member quotes (already in member order)."""
        cols = self.cols
        quote_item = self.quote_item
        texts = self.texts
        canon_text = texts[quote_item[canon_qi]]
        entity = self.entity_of_quote[canon_qi]
        if entity < 0:
            found = Counter(e for e in (self.entity_of_quote[qi] for qi in members) if e >= 0)
            if found:
                entity = min(found.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        article, start, end, text = cols.article, cols.start, cols.end, cols.text
        kind, speaker, outlet, published = cols.kind, cols.speaker, cols.outlet, cols.published
        rows = []
        keys = []
        outlets = set()
        for qi in members:
            item = quote_item[qi]
            a, b, e, o = article[qi], start[qi], end[qi], outlet[qi]
            rows.append(
                construct(
                    ClusterMember,
                    {
                        "article": a,
                        "start": b,
                        "end": e,
                        "text": text[qi],
                        "kind": kind[qi],
                        "speaker": speaker[qi],
                        "outlet": o,
                        "published": published[qi],
                        "similarity": 1.0 if texts[item] == canon_text else sims.get(item, 1.0),
                    },
                )
            )
            keys.append(key_line(a, b, e))
            if o:
                outlets.add(o)
        # Members come by date, undated last.
        dates = [d for qi in members if (d := published[qi]) is not None]
        return construct(
            QuoteCluster,
            {
                "id": hash_key_lines(keys),
                "text": text[canon_qi],
                "speaker": self.display[entity] if entity >= 0 else None,
                "kind": kind[canon_qi],
                "members": tuple(rows),
                "first_seen": dates[0] if dates else None,
                "last_seen": dates[-1] if dates else None,
                "outlets": tuple(sorted(outlets)),
                "provenance": provenance,
            },
        )
