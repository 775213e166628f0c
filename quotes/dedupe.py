"""Cross-article dedupe: one statement, one cluster, every occurrence.

:func:`dedupe` groups the quotes of many articles into clusters (:class:`QuoteCluster`),
one per statement of one speaker, with every place it appeared
(:class:`ClusterMember`). Three modes:

``verbatim``
    Near-verbatim variants only: quotation-mark style, case, punctuation,
    whitespace, ellipses, truncation (one quote is part of a longer one) and small
    wording differences, scored with rapidfuzz on normalised text. Fast: this is
    the mode for very large corpora.
``statement`` (default)
    Verbatim matching plus paraphrases by the same speaker: the content words of
    each quote are stemmed, mapped through a small lexicon of news synonyms
    (``talks``/``negotiations``, ``signal``/``indication``, ``Kyiv``/``Ukraine``)
    and weighted by rarity (inverse frequency over the corpus); quotes whose
    weighted terms overlap enough join. Catches an indirect and a direct rendering
    of one statement. No extra dependency.
``semantic``
    ``statement`` plus sentence embeddings (``all-MiniLM-L6-v2`` from the
    ``quotes[semantic]`` extra): the score of a pair blends term overlap and
    embedding similarity, so paraphrases with few shared words can join. Slower;
    for corpora up to about 100k quotes.

Speakers are matched across articles (``Dmitri Peskov``, ``Peskov`` and
``Kremlin spokesman Dmitry Peskov`` are one person). Quotes of different speakers
never join unless ``ignore_speakers=True``; a quote without a known speaker joins
a cluster only on a near-verbatim match, and at most one cluster.

Nothing compares every quote with every other: candidates come from a rare-key
join (see :mod:`quotes._dedupe_index`), so time and memory grow about linearly.
"""

from __future__ import annotations

import datetime as _dt
import gc
import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any, Literal, TypeVar

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from quotes._dedupe_index import (
    UnionFind,
    bigram_rows,
    candidate_pairs,
    resolve_speakers,
    salt,
    statement_score,
    term_rows,
    term_weights,
    verbatim_scores,
)
from quotes._dedupe_semantic import Encoder, embed
from quotes._dedupe_text import clause_texts, content_terms, normalize_text, text_segments
from quotes.models import Quote, QuoteKind

__all__ = [
    "DEFAULT_MIN_PARTIAL_WORDS",
    "DEFAULT_PARTIAL_THRESHOLD",
    "DEFAULT_RATIO_THRESHOLD",
    "DEFAULT_SEMANTIC_THRESHOLD",
    "DEFAULT_STATEMENT_THRESHOLD",
    "MODES",
    "ClusterMember",
    "QuoteCluster",
    "cluster_id",
    "dedupe",
]

#: The dedupe modes, from the fastest to the most lenient.
MODES: tuple[str, ...] = ("verbatim", "statement", "semantic")

#: ``max(ratio, token_sort_ratio)`` (0-100) on normalised text above which two
#: quotes are variants of one text (catches a changed word in about ten).
DEFAULT_RATIO_THRESHOLD = 90.0
#: ``partial_ratio`` (0-100) above which the shorter quote counts as part of the
#: longer one (truncation; each piece of a quote cut with an ellipsis).
DEFAULT_PARTIAL_THRESHOLD = 95.0
#: The shorter quote needs this many words to join by containment: shorter
#: fragments (``radical Islamic terrorism``) recur inside unrelated statements.
DEFAULT_MIN_PARTIAL_WORDS = 5
#: Rarity-weighted cosine of content terms (0-1) above which two quotes of one
#: speaker are one statement (``statement`` and ``semantic`` modes).
DEFAULT_STATEMENT_THRESHOLD = 0.42
#: Blend of term cosine and embedding cosine (0-1) above which two quotes of one
#: speaker are one statement (``semantic`` mode).
DEFAULT_SEMANTIC_THRESHOLD = 0.55

# A paraphrase joins a cluster only if it is also at least this fraction of the
# threshold close to the cluster's fullest member: stops chains A~B~C with A!~C.
_GUARD = 0.6
# Quotes with fewer content terms than this join others only by verbatim matching:
# a short phrase (``radical Islamic terrorism``) recurs inside unrelated statements.
_MIN_TERMS = 4
# A clause of a longer quote is scored on its own (see ``_Work._term_score``) when it
# has this many content terms, and a clause-level match needs this many shared
# terms: smaller units need more evidence (a whole text needs four terms and two
# shared), as a truncated quote needs ``min_partial_words`` words.
_MIN_CLAUSE_TERMS = 5
_CLAUSE_SHARED = 3
# Weight of the term score in the semantic blend (the rest is embedding cosine).
_BLEND = 0.5
# In the semantic mode, blocks of at most this many items are compared all-pairs.
_SMALL_BLOCK = 64
_KIND_RANK = {QuoteKind.DIRECT: 2, QuoteKind.MIXED: 1, QuoteKind.INDIRECT: 0}
_ELLIPSIS_HINT = re.compile(r"…|\.\s?\.\s?\.")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


_M = TypeVar("_M", bound=_Frozen)


class ClusterMember(_Frozen):
    """One occurrence of a statement.

    Attributes:
        article: The article's id (``Quote.article``).
        start: Offset of the quote in the article text.
        end: Offset just past the quote.
        text: The quote as written in this article.
        kind: ``direct``, ``indirect`` or ``mixed``.
        speaker: The speaker's name as this article gives it, or ``None``.
        outlet: The outlet that published the article.
        published: The article's publication date.
        similarity: How close this occurrence is to the cluster's canonical text,
            from 0 to 1 (1 for the same normalised text).
    """

    article: str | None = None
    """The article's id (``Quote.article``)."""
    start: int = Field(ge=0)
    """Offset of the quote in the article text."""
    end: int = Field(ge=0)
    """Offset just past the quote."""
    text: str
    """The quote as written in this article."""
    kind: QuoteKind = QuoteKind.DIRECT
    """``direct``, ``indirect`` or ``mixed``."""
    speaker: str | None = None
    """The speaker's name as this article gives it, or ``None``."""
    outlet: str | None = None
    """The outlet that published the article."""
    published: _dt.date | None = None
    """The article's publication date."""
    similarity: float = Field(default=1.0, ge=0.0, le=1.0)
    """Closeness to the cluster's canonical text, 0 to 1."""


class QuoteCluster(_Frozen):
    """One statement and every place it appeared.

    Attributes:
        id: Stable identifier: a hash of the sorted ``(article, start, end)`` of the
            members, so the same input gives the same ids in any order.
        text: The canonical wording: the most complete direct form (direct before
            mixed before indirect, uncut before cut with an ellipsis, then the
            longest).
        speaker: The speaker's canonical name across articles (the most frequent
            full form, without titles), or ``None`` when no member has a known
            speaker.
        kind: The kind of the canonical member.
        members: Every occurrence, by publication date, then article and offset.
        first_seen: Earliest publication date of a member, or ``None``.
        last_seen: Latest publication date of a member, or ``None``.
        outlets: The outlets that published it, sorted.
    """

    id: str
    """Stable identifier derived from the member keys."""
    text: str
    """The canonical wording."""
    speaker: str | None = None
    """The speaker's canonical name across articles, or ``None``."""
    kind: QuoteKind = QuoteKind.DIRECT
    """The kind of the canonical member."""
    members: tuple[ClusterMember, ...] = ()
    """Every occurrence, by publication date, then article and offset."""
    first_seen: _dt.date | None = None
    """Earliest publication date of a member."""
    last_seen: _dt.date | None = None
    """Latest publication date of a member."""
    outlets: tuple[str, ...] = ()
    """The outlets that published it, sorted."""

    @property
    def size(self) -> int:
        """Number of occurrences."""
        return len(self.members)

    @property
    def articles(self) -> tuple[str, ...]:
        """The distinct article ids of the members, sorted."""
        return tuple(sorted({m.article for m in self.members if m.article is not None}))


def _sort_key(q: Quote) -> tuple:
    spk = q.speaker
    return (
        q.article or "",
        q.start,
        q.end,
        q.text,
        spk.name if spk else "",
        spk.type.value if spk else "",
        q.kind.value,
        q.outlet or "",
        q.published.isoformat() if q.published else "",
    )


def _check_options(mode: str, **values: float) -> None:
    if mode not in MODES:
        raise ValueError(f"unknown dedupe mode {mode!r}; expected one of {', '.join(MODES)}")
    for name, value in values.items():
        if value < 0:
            raise ValueError(f"{name} must be >= 0, got {value}")


def dedupe(
    quotes: Iterable[Quote],
    *,
    mode: Literal["statement", "verbatim", "semantic"] = "statement",
    ignore_speakers: bool = False,
    ratio_threshold: float = DEFAULT_RATIO_THRESHOLD,
    partial_threshold: float = DEFAULT_PARTIAL_THRESHOLD,
    min_partial_words: int = DEFAULT_MIN_PARTIAL_WORDS,
    statement_threshold: float = DEFAULT_STATEMENT_THRESHOLD,
    semantic_threshold: float = DEFAULT_SEMANTIC_THRESHOLD,
    block_keys: int = 3,
    max_block: int = 64,
    encoder: Encoder | None = None,
) -> list[QuoteCluster]:
    """Group quotes from many articles into one cluster per statement.

    Every input quote lands in exactly one cluster; the result depends only on the
    multiset of quotes, not on their order.

    Args:
        quotes: Quotes from any number of articles.
        mode: ``"statement"`` (default: verbatim variants and same-speaker
            paraphrases), ``"verbatim"`` (near-verbatim variants only; fastest) or
            ``"semantic"`` (adds sentence embeddings; needs ``quotes[semantic]``).
        ignore_speakers: Cluster on the words alone, across speakers.
        ratio_threshold: Minimum ``max(ratio, token_sort_ratio)`` (0-100) of the
            normalised texts for two variants of one text (default 90).
        partial_threshold: Minimum ``partial_ratio`` (0-100) for a truncated or
            elided quote to count as part of a longer one (default 95).
        min_partial_words: Words the shorter quote needs for containment to count
            (default 5).
        statement_threshold: Minimum rarity-weighted cosine of content terms (0-1)
            for two quotes of one speaker to be one statement (default 0.5).
        semantic_threshold: Minimum blended score (half term cosine, half
            embedding cosine) in the semantic mode (default 0.55).
        block_keys: Rare keys each distinct text is looked up by when blocking
            (default 3); more finds more candidates and costs more.
        max_block: Keys shared by more distinct texts than this are not looked up
            (default 64): such phrases are boilerplate, not evidence.
        encoder: Text-to-vector function for the semantic mode; the bundled
            all-MiniLM-L6-v2 model when ``None``.

    Returns:
        The clusters, largest first (then by speaker, text and id).

    Raises:
        TypeError: An item is not a :class:`~quotes.models.Quote`.
        ValueError: An unknown mode or a negative threshold.
        DependencyError: ``mode="semantic"`` without an ``encoder`` and without the
            ``quotes[semantic]`` extra.

    Example:
        >>> from quotes.models import Quote, Speaker
        >>> def q(text, article, name):
        ...     return Quote(text=text, start=0, end=len(text), article=article,
        ...                  speaker=Speaker(name=name, mention=name, start=0, end=0))
        >>> clusters = dedupe([
        ...     q("We have not yet received a counter list from Kyiv.", "a", "Dmitry Peskov"),
        ...     q("we have not yet received a counter-list from Kyiv …", "b", "Peskov"),
        ...     q("There is no concrete agreement about the next meetings.", "b", "Peskov"),
        ... ])
        >>> [(c.size, c.speaker) for c in clusters]
        [(2, 'Dmitry Peskov'), (1, 'Dmitry Peskov')]
    """
    _check_options(
        mode,
        ratio_threshold=ratio_threshold,
        partial_threshold=partial_threshold,
        min_partial_words=min_partial_words,
        statement_threshold=statement_threshold,
        semantic_threshold=semantic_threshold,
        block_keys=block_keys,
        max_block=max_block,
    )
    qs = list(quotes)
    for q in qs:
        if not isinstance(q, Quote):
            raise TypeError(f"dedupe() takes Quote objects, got {type(q).__name__}")
    if not qs:
        return []
    qs.sort(key=_sort_key)
    gc_was_enabled = gc.isenabled()
    gc.disable()  # many small objects, no cycles: collections would only cost time
    try:
        return _run(
            qs,
            ignore_speakers=ignore_speakers,
            mode=mode,
            ratio_threshold=ratio_threshold,
            partial_threshold=partial_threshold,
            min_partial_words=min_partial_words,
            statement_threshold=statement_threshold,
            semantic_threshold=semantic_threshold,
            block_keys=block_keys,
            max_block=max_block,
            encoder=encoder,
        )
    finally:
        if gc_was_enabled:
            gc.enable()


def _run(
    qs: list[Quote], *, ignore_speakers: bool, min_partial_words: int, **options: Any
) -> list[QuoteCluster]:
    work = _Work(qs, ignore_speakers)
    work.link(min_partial_words=min_partial_words, **options)
    return work.clusters(min_partial_words=min_partial_words)


class _Work:
    """The state of one dedupe run over sorted quotes."""

    def __init__(self, qs: list[Quote], ignore_speakers: bool) -> None:
        self.qs = qs
        speakers = [q.speaker for q in qs]
        pairs = [(s.name, s.type) if s is not None else None for s in speakers]
        counts = Counter(p for p in pairs if p is not None)
        entities = resolve_speakers(Counter({(n, t.value): c for (n, t), c in counts.items()}))
        entity_of = {(n, t): entities.entity[(n, t.value)] for (n, t) in counts}
        self.display = entities.display
        self.entity_of_quote = [entity_of[p] if p is not None else -1 for p in pairs]
        blocks = [0] * len(qs) if ignore_speakers else self.entity_of_quote
        self.ignore_speakers = ignore_speakers
        # Per distinct text: its normalised form and, if cut with an ellipsis, pieces.
        seen: dict[str, tuple[str, list[str] | None]] = {}
        for q in qs:
            if q.text not in seen:
                pieces = None
                if _ELLIPSIS_HINT.search(q.text):
                    pieces = text_segments(q.text)
                    pieces = pieces if len(pieces) > 1 else None
                seen[q.text] = (normalize_text(q.text), pieces)
        item_of: dict[tuple[int, str], int] = {}
        self.texts: list[str] = []
        self.raw: list[str] = []
        self.blocks: list[int] = []
        self.quote_item: list[int] = []
        self.segments: dict[int, list[str]] = {}
        texts, quote_item, segments = self.texts, self.quote_item, self.segments
        for block, q in zip(blocks, qs, strict=True):
            norm, pieces = seen[q.text]
            item = item_of.setdefault((block, norm), len(texts))
            if item == len(texts):
                texts.append(norm)
                self.raw.append(q.text)
                self.blocks.append(block)
            quote_item.append(item)
            if pieces is not None and item not in segments:
                segments[item] = pieces
        self.words = [t.count(" ") + 1 if t else 0 for t in self.texts]
        self.uf = UnionFind(len(self.texts))
        self._terms: list[frozenset[str]] | None = None
        self._clauses: dict[int, tuple[frozenset[str], ...]] | None = None
        self.weight: dict[str, float] = {}
        self.vectors: np.ndarray | None = None
        self.mode = "verbatim"
        self.min_terms = _MIN_TERMS

    # -- linking -----------------------------------------------------------------

    @property
    def terms(self) -> list[frozenset[str]]:
        if self._terms is None:
            cache: dict[str, frozenset[str]] = {}
            self._terms = [cache.setdefault(t, content_terms(t)) for t in self.texts]
        return self._terms

    @property
    def clauses(self) -> dict[int, tuple[frozenset[str], ...]]:
        """Content terms of the clauses of each item that has several (see ``clause_texts``).

        Only clauses with at least ``_MIN_CLAUSE_TERMS`` terms count; the whole text
        is not repeated here.
        """
        if self._clauses is None:
            cache: dict[str, tuple[frozenset[str], ...]] = {}
            out: dict[int, tuple[frozenset[str], ...]] = {}
            for item, raw in enumerate(self.raw):
                found = cache.get(raw)
                if found is None:
                    found = tuple(
                        terms
                        for terms in map(content_terms, clause_texts(raw))
                        if len(terms) >= _MIN_CLAUSE_TERMS
                    )
                    cache[raw] = found
                if found:
                    out[item] = found
            self._clauses = out
        return self._clauses

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
    ) -> None:
        self.mode = mode
        n = len(self.texts)
        blocks = np.asarray(self.blocks, dtype=np.int64)
        rows_item, self._bigram_keys = bigram_rows(self.texts)
        self._bigram_items = rows_item
        rows_key = salt(rows_item, self._bigram_keys, self.blocks)
        pairs = candidate_pairs(
            rows_item, rows_key, n, per_item=block_keys, max_df=max_block, min_hits=2
        )
        full, part = verbatim_scores(
            self.texts,
            self.words,
            self.segments,
            pairs,
            min_partial_words=min_partial_words,
            accept=(ratio_threshold, partial_threshold),
        )
        ok = (full >= ratio_threshold) | (part >= partial_threshold)
        for i, j in pairs[ok].tolist():
            self.uf.union(i, j)

        known = blocks >= 0
        if mode != "verbatim" and known.any():
            self._link_statements(
                known,
                mode=mode,
                threshold=statement_threshold if mode == "statement" else semantic_threshold,
                block_keys=block_keys,
                max_block=max_block,
                encoder=encoder,
            )
        unknown = ~known
        if unknown.any() and known.any():
            self._attach_unknown(
                unknown,
                ratio_threshold=ratio_threshold,
                partial_threshold=partial_threshold,
                min_partial_words=min_partial_words,
                block_keys=block_keys,
                max_block=max_block,
            )

    def _roots(self) -> np.ndarray:
        find = self.uf.find
        return np.fromiter((find(i) for i in range(len(self.texts))), np.int64, len(self.texts))

    def _term_score(self, i: int, j: int) -> float:
        """Weighted term cosine of two items: the best over their whole texts and clauses.

        A clause of one quote may be the whole statement the other renders (the
        statement-level analogue of a truncated quote), so every clause of one is
        scored against the other's whole text and clauses, and the best counts.
        """
        a, b = self.terms[i], self.terms[j]
        least = self.min_terms
        best = statement_score(a, b, self.weight) if min(len(a), len(b)) >= least else 0.0
        clauses = self.clauses
        ca, cb = clauses.get(i), clauses.get(j)
        if ca is None and cb is None:
            return best
        if min(len(a), len(b)) < least:
            return best
        left = (a, *ca) if ca else (a,)
        right = (b, *cb) if cb else (b,)
        for x, p in enumerate(left):
            for y, q in enumerate(right):
                if x or y:
                    s = statement_score(p, q, self.weight, min_shared=_CLAUSE_SHARED)
                    best = max(best, s)
        return best

    def _pair_score(self, i: int, j: int) -> float:
        s = self._term_score(i, j)
        if self.vectors is not None:
            cos = float(self.vectors[i] @ self.vectors[j])
            s = _BLEND * s + (1 - _BLEND) * cos
        return s

    def _link_statements(
        self,
        known: np.ndarray,
        *,
        mode: str,
        threshold: float,
        block_keys: int,
        max_block: int,
        encoder: Encoder | None,
    ) -> None:
        terms = self.terms
        roots = self._roots()
        # Rarity over statements: a term counts once per verbatim group.
        per_group: dict[int, set[str]] = {}
        for i in np.flatnonzero(known).tolist():
            per_group.setdefault(int(roots[i]), set()).update(terms[i])
        self.weight = term_weights(per_group.values())

        idx = np.flatnonzero(known)
        pairs = self._statement_candidates(idx, per_item=block_keys + 1, max_df=max_block)
        if mode == "semantic":
            self.vectors = embed(self.texts, encoder)
            pairs = np.unique(np.concatenate([pairs, self._small_block_pairs(idx)]), axis=0)
        if len(pairs):
            pairs = pairs[roots[pairs[:, 0]] != roots[pairs[:, 1]]]
        edges = []
        for i, j in pairs.tolist():
            s = self._pair_score(i, j)
            if s >= threshold:
                edges.append((-s, i, j))
        if not edges:
            return
        edges.sort()
        rep: dict[int, int] = {}
        for i in range(len(self.texts)):
            r = self.uf.find(i)
            if r not in rep or len(terms[i]) > len(terms[rep[r]]):
                rep[r] = i
        for _, i, j in edges:
            ri, rj = self.uf.find(i), self.uf.find(j)
            if ri == rj:
                continue
            a, b = rep[ri], rep[rj]
            if (a, b) not in ((i, j), (j, i)) and self._pair_score(a, b) < _GUARD * threshold:
                continue
            self.uf.union(ri, rj)
            root = self.uf.find(ri)
            rep[root] = a if (len(terms[a]), -a) >= (len(terms[b]), -b) else b

    def _statement_candidates(self, idx: np.ndarray, *, per_item: int, max_df: int) -> np.ndarray:
        """Candidate pairs of the items ``idx`` from a rare-key join on content terms.

        An item with several clauses is looked up clause by clause (each clause
        queries its own rarest terms, and the terms of its short clauses form one
        more unit), so that a statement found in one clause of a long quote is a
        candidate even when the quote's rarest terms lie in its other clauses.
        """
        terms, clauses = self.terms, self.clauses
        units: list[frozenset[str]] = []
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
        return np.unique(np.sort(items, axis=1), axis=0)

    def _small_block_pairs(self, idx: np.ndarray) -> np.ndarray:
        by_block: dict[int, list[int]] = {}
        for i in idx.tolist():
            by_block.setdefault(self.blocks[i], []).append(i)
        out = [
            (a, b)
            for members in by_block.values()
            if len(members) <= _SMALL_BLOCK
            for x, a in enumerate(members)
            for b in members[x + 1 :]
        ]
        return np.asarray(out, dtype=np.int64).reshape(-1, 2)

    def _attach_unknown(
        self,
        unknown: np.ndarray,
        *,
        ratio_threshold: float,
        partial_threshold: float,
        min_partial_words: int,
        block_keys: int,
        max_block: int,
    ) -> None:
        n = len(self.texts)
        rows_item, rows_key = self._bigram_items, self._bigram_keys
        pairs = candidate_pairs(
            rows_item,
            rows_key,
            n,
            per_item=block_keys,
            max_df=max_block,
            query_mask=unknown,
            min_hits=2,
        )
        if len(pairs) == 0:
            return
        pairs = pairs[unknown[pairs[:, 0]] != unknown[pairs[:, 1]]]
        full, part = verbatim_scores(
            self.texts,
            self.words,
            self.segments,
            pairs,
            min_partial_words=min_partial_words,
            accept=(ratio_threshold, partial_threshold),
        )
        ok = (full >= ratio_threshold) | (part >= partial_threshold)
        best: dict[int, tuple[float, int]] = {}
        for (i, j), f, p in zip(
            pairs[ok].tolist(), full[ok].tolist(), part[ok].tolist(), strict=True
        ):
            u, k = (i, j) if unknown[i] else (j, i)
            ru, rk = self.uf.find(u), self.uf.find(k)
            score = max(f, p)
            if ru not in best or (score, -rk) > (best[ru][0], -best[ru][1]):
                best[ru] = (score, rk)
        for ru, (_, rk) in sorted(best.items()):
            self.uf.union(ru, rk)

    # -- output ------------------------------------------------------------------

    def clusters(self, *, min_partial_words: int) -> list[QuoteCluster]:
        groups: dict[int, list[int]] = {}
        for qi, item in enumerate(self.quote_item):
            groups.setdefault(self.uf.find(item), []).append(qi)
        canon: dict[int, int] = {}
        for root, members in groups.items():
            canon[root] = max(members, key=lambda qi: self._canon_rank(qi))
        sims = self._similarities(groups, canon, min_partial_words)
        out = []
        for root, members in groups.items():
            out.append(self._cluster(members, canon[root], sims))
        out.sort(key=lambda c: (-len(c.members), c.speaker or "", c.text, c.id))
        return out

    def _canon_rank(self, qi: int) -> tuple:
        q = self.qs[qi]
        item = self.quote_item[qi]
        return (_KIND_RANK[q.kind], item not in self.segments, len(self.texts[item]), -qi)

    def _similarities(
        self, groups: dict[int, list[int]], canon: dict[int, int], min_partial_words: int
    ) -> dict[int, float]:
        """Similarity of each distinct item to its cluster's canonical item (0-1)."""
        pairs = []
        for root, members in groups.items():
            c = self.quote_item[canon[root]]
            for item in {self.quote_item[qi] for qi in members}:
                if item != c and self.texts[item] != self.texts[c]:
                    pairs.append((item, c))
        sims: dict[int, float] = {}
        if not pairs:
            return sims
        arr = np.asarray(pairs, dtype=np.int64)
        full, part = verbatim_scores(
            self.texts,
            self.words,
            self.segments,
            arr,
            min_partial_words=min_partial_words,
            accept=(DEFAULT_RATIO_THRESHOLD, 101.0),
            exact=True,
        )
        best = np.maximum(full, part) / 100.0
        for k, (item, c) in enumerate(pairs):
            s = float(best[k])
            if self.mode != "verbatim" and min(self.blocks[item], self.blocks[c]) >= 0:
                s = max(s, self._pair_score(item, c))
            sims[item] = round(min(max(s, 0.0), 1.0), 4)
        return sims

    def _cluster(self, members: list[int], canon_qi: int, sims: dict[int, float]) -> QuoteCluster:
        qs = self.qs
        canon_q = qs[canon_qi]
        canon_text = self.texts[self.quote_item[canon_qi]]
        entity = self.entity_of_quote[canon_qi]
        if entity < 0:
            found = Counter(e for e in (self.entity_of_quote[qi] for qi in members) if e >= 0)
            if found:
                entity = min(found.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        rows = []
        for qi in members:
            q = qs[qi]
            item = self.quote_item[qi]
            sim = 1.0 if self.texts[item] == canon_text else sims.get(item, 1.0)
            rows.append(
                _construct(
                    ClusterMember,
                    article=q.article,
                    start=q.start,
                    end=q.end,
                    text=q.text,
                    kind=q.kind,
                    speaker=q.speaker.name if q.speaker else None,
                    outlet=q.outlet,
                    published=q.published,
                    similarity=sim,
                )
            )
        rows.sort(
            key=lambda m: (
                m.published is None,
                m.published or _dt.date.min,
                m.article or "",
                m.start,
                m.end,
                m.text,
            )
        )
        dates = [m.published for m in rows if m.published is not None]
        return _construct(
            QuoteCluster,
            id=cluster_id((m.article, m.start, m.end) for m in rows),
            text=canon_q.text,
            speaker=self.display[entity] if entity >= 0 else None,
            kind=canon_q.kind,
            members=tuple(rows),
            first_seen=min(dates) if dates else None,
            last_seen=max(dates) if dates else None,
            outlets=tuple(sorted({m.outlet for m in rows if m.outlet})),
        )


def _construct(cls: type[_M], **values: Any) -> _M:
    """Build a model from values that are already valid (``model_construct``, faster)."""
    obj = cls.__new__(cls)
    object.__setattr__(obj, "__dict__", values)
    object.__setattr__(obj, "__pydantic_fields_set__", set(values))
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


def cluster_id(keys: Iterable[tuple[str | None, int, int]]) -> str:
    """Return the id of a cluster with these member keys: 16 hex digits of SHA-1.

    >>> cluster_id([("b", 5, 9), ("a", 0, 3)]) == cluster_id([("a", 0, 3), ("b", 5, 9)])
    True
    """
    lines = sorted(f"{a or ''}\x1e{s}\x1e{e}" for a, s, e in keys)
    return hashlib.sha1("\x1f".join(lines).encode("utf-8")).hexdigest()[:16]
