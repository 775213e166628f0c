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
    weighted terms overlap enough join; a long quote is also scored clause by
    clause, so a statement that is one clause of a longer reported content joins
    its other renderings. Catches an indirect and a direct rendering of one
    statement. No extra dependency.
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
Paraphrase scoring and linking live in :mod:`quotes._dedupe_statement`.
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
    verbatim_scores,
)
from quotes._dedupe_semantic import Encoder
from quotes._dedupe_statement import StatementScorer
from quotes._dedupe_text import normalize_text, text_segments
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
    options = {
        "ratio_threshold": ratio_threshold,
        "partial_threshold": partial_threshold,
        "min_partial_words": min_partial_words,
        "statement_threshold": statement_threshold,
        "semantic_threshold": semantic_threshold,
        "block_keys": block_keys,
        "max_block": max_block,
    }
    _check_options(mode, **options)
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
        work = _Work(qs, ignore_speakers)
        work.link(mode=mode, encoder=encoder, **options)
        return work.clusters()
    finally:
        if gc_was_enabled:
            gc.enable()


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
        self.statements: StatementScorer | None = None
        self.accept = (DEFAULT_RATIO_THRESHOLD, DEFAULT_PARTIAL_THRESHOLD)
        self.min_partial_words = DEFAULT_MIN_PARTIAL_WORDS

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
    ) -> None:
        self.accept = (ratio_threshold, partial_threshold)
        self.min_partial_words = min_partial_words
        n = len(self.texts)
        blocks = np.asarray(self.blocks, dtype=np.int64)
        rows_item, self._bigram_keys = bigram_rows(self.texts)
        self._bigram_items = rows_item
        rows_key = salt(rows_item, self._bigram_keys, self.blocks)
        pairs = candidate_pairs(
            rows_item, rows_key, n, per_item=block_keys, max_df=max_block, min_hits=2
        )
        for i, j in self._verbatim_matches(pairs)[0].tolist():
            self.uf.union(i, j)

        known = blocks >= 0
        if mode != "verbatim" and known.any():
            self.statements = StatementScorer(self.texts, self.raw, self.blocks)
            self.statements.link(
                self.uf,
                known,
                semantic=mode == "semantic",
                threshold=statement_threshold if mode == "statement" else semantic_threshold,
                block_keys=block_keys,
                max_block=max_block,
                encoder=encoder,
            )
        unknown = ~known
        if unknown.any() and known.any():
            self._attach_unknown(unknown, block_keys=block_keys, max_block=max_block)

    def _verbatim_scores(
        self, pairs: np.ndarray, accept: tuple[float, float], *, exact: bool = False
    ) -> tuple[np.ndarray, np.ndarray]:
        """:func:`~quotes._dedupe_index.verbatim_scores` of item pairs of this run."""
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
        return pairs[ok], np.maximum(full[ok], part[ok])

    def _attach_unknown(self, unknown: np.ndarray, *, block_keys: int, max_block: int) -> None:
        pairs = candidate_pairs(
            self._bigram_items,
            self._bigram_keys,
            len(self.texts),
            per_item=block_keys,
            max_df=max_block,
            query_mask=unknown,
            min_hits=2,
        )
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

    def clusters(self) -> list[QuoteCluster]:
        groups: dict[int, list[int]] = {}
        for qi, item in enumerate(self.quote_item):
            groups.setdefault(self.uf.find(item), []).append(qi)
        canon: dict[int, int] = {}
        for root, members in groups.items():
            canon[root] = max(members, key=lambda qi: self._canon_rank(qi))
        sims = self._similarities(groups, canon)
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
        self, groups: dict[int, list[int]], canon: dict[int, int]
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
        full, part = self._verbatim_scores(arr, (DEFAULT_RATIO_THRESHOLD, 101.0), exact=True)
        best = np.maximum(full, part) / 100.0
        for k, (item, c) in enumerate(pairs):
            s = float(best[k])
            if self.statements is not None and min(self.blocks[item], self.blocks[c]) >= 0:
                s = max(s, self.statements.score(item, c))
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
