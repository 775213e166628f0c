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
join (see :mod:`quotes.dedupe.index`), so time and memory grow about linearly.
Paraphrase scoring and linking live in :mod:`quotes.dedupe.statement`.
"""

from __future__ import annotations

import datetime as _dt
import gc
import hashlib
import inspect
from collections import Counter
from collections.abc import Iterable
from typing import Any, Literal, TypeVar

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from quotes.dedupe.columns import Columns, read_columns, with_ellipsis
from quotes.dedupe.index import UnionFind, bigram_rows, candidate_pairs, salt
from quotes.dedupe.scores import verbatim_scores
from quotes.dedupe.semantic import Encoder
from quotes.dedupe.speakers import resolve_speakers
from quotes.dedupe.statement import StatementScorer
from quotes.dedupe.text import normalize_texts, text_segments
from quotes._version import __version__
from quotes.models import Quote, QuoteKind

__all__ = [
    "DEFAULT_MIN_PARTIAL_WORDS",
    "DEFAULT_PARTIAL_THRESHOLD",
    "DEFAULT_RATIO_THRESHOLD",
    "DEFAULT_SEMANTIC_THRESHOLD",
    "DEFAULT_STATEMENT_THRESHOLD",
    "MODES",
    "ClusterMember",
    "DedupeProvenance",
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


class DedupeProvenance(_Frozen):
    """How a cluster was made: the mode, the settings and the code.

    Attributes:
        mode: ``statement``, ``verbatim`` or ``semantic``.
        ignore_speakers: Whether speakers were ignored.
        encoder: In the semantic mode, ``all-MiniLM-L6-v2`` (the bundled model) or
            ``custom`` (an ``encoder`` passed by the caller); ``None`` otherwise.
        settings: The thresholds and blocking settings that differ from their
            defaults, as ``(name, value)`` pairs (empty when all are the defaults).
        library_version: Version of ``quotes``.
    """

    mode: str
    """``statement``, ``verbatim`` or ``semantic``."""
    ignore_speakers: bool = False
    """Whether speakers were ignored."""
    encoder: str | None = None
    """The sentence encoder of the semantic mode, or ``None``."""
    settings: tuple[tuple[str, float], ...] = ()
    """Thresholds and blocking settings that differ from their defaults, as
    ``(name, value)`` pairs in the order of :func:`dedupe`'s arguments."""
    library_version: str = __version__
    """Version of ``quotes``."""


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
        provenance: The mode, settings and library version that made it.
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
    provenance: DedupeProvenance | None = None
    """The mode, settings and library version that made it."""

    @property
    def size(self) -> int:
        """Number of occurrences."""
        return len(self.members)

    @property
    def articles(self) -> tuple[str, ...]:
        """The distinct article ids of the members, sorted."""
        return tuple(sorted({m.article for m in self.members if m.article is not None}))


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
            for two quotes of one speaker to be one statement (default 0.42).
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
    if not qs:
        return []
    provenance = DedupeProvenance(
        mode=mode,
        ignore_speakers=ignore_speakers,
        encoder=None if mode != "semantic" else ("custom" if encoder else "all-MiniLM-L6-v2"),
        settings=tuple((k, v) for k, v in options.items() if v != _DEFAULTS[k]),
    )
    gc_was_enabled = gc.isenabled()
    gc.disable()  # many small objects, no cycles: collections would only cost time
    try:
        work = _Work(read_columns(qs), ignore_speakers)
        del qs
        work.link(mode=mode, encoder=encoder, **options)
        return work.clusters(provenance)
    finally:
        if gc_was_enabled:
            gc.enable()


#: Default of every threshold and blocking setting, read from :func:`dedupe`'s signature.
_DEFAULTS: dict[str, Any] = {
    name: p.default
    for name, p in inspect.signature(dedupe).parameters.items()
    if p.kind is inspect.Parameter.KEYWORD_ONLY and isinstance(p.default, (int, float))
    and not isinstance(p.default, bool)
}


class _Work:
    """The state of one dedupe run over sorted quotes."""

    def __init__(self, cols: Columns, ignore_speakers: bool) -> None:
        self.cols = cols
        # (name, type) of each quote's speaker; (None, None) for a quote without one.
        pairs = list(zip(cols.speaker, cols.speaker_type, strict=True))
        counts = Counter(pairs)
        counts.pop((None, None), None)
        entities = resolve_speakers(counts)
        entity_of = {**entities.entity, (None, None): -1}
        self.display = entities.display
        self.entity_of_quote = list(map(entity_of.__getitem__, pairs))
        blocks = [0] * len(pairs) if ignore_speakers else self.entity_of_quote
        self.ignore_speakers = ignore_speakers
        # Per distinct text: its normalised form and, if cut with an ellipsis, pieces.
        distinct = list(dict.fromkeys(cols.text))
        normal = dict(zip(distinct, normalize_texts(distinct), strict=True))
        cut: dict[str, list[str]] = {}
        for text in with_ellipsis(distinct):
            if len(pieces := text_segments(text)) > 1:
                cut[text] = pieces
        item_of: dict[tuple[int, str], int] = {}
        self.texts: list[str] = []
        self.raw: list[str] = []
        self.blocks: list[int] = []
        self.quote_item: list[int] = []
        self.segments: dict[int, list[str]] = {}
        texts, quote_item, segments = self.texts, self.quote_item, self.segments
        for block, text in zip(blocks, cols.text, strict=True):
            norm = normal[text]
            item = item_of.setdefault((block, norm), len(texts))
            if item == len(texts):
                texts.append(norm)
                self.raw.append(text)
                self.blocks.append(block)
            quote_item.append(item)
            if text in cut and item not in segments:
                segments[item] = cut[text]
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
        """:func:`~quotes.dedupe.scores.verbatim_scores` of item pairs of this run."""
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

    def clusters(self, provenance: DedupeProvenance) -> list[QuoteCluster]:
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
        codes = np.unique(items[apart] * n_items + canon_items[apart])
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
                    best[k] = max(best[k], self.statements.score(item, c))
        return {
            item: round(min(max(value, 0.0), 1.0), 4)
            for item, value in zip(arr[:, 0].tolist(), best, strict=True)
        }

    def _cluster(
        self, members: list[int], canon_qi: int, sims: dict[int, float], provenance: DedupeProvenance
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
                _construct(
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
            keys.append(_key_line(a, b, e))
            if o:
                outlets.add(o)
        # Members come by date, undated last.
        dates = [d for qi in members if (d := published[qi]) is not None]
        return _construct(
            QuoteCluster,
            {
                "id": _hash_key_lines(keys),
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


_new_object = object.__new__
_set_slot = object.__setattr__


def _construct(cls: type[_M], values: dict[str, Any]) -> _M:
    """Build a model from values that are already valid (like ``model_construct``, faster)."""
    obj = _new_object(cls)
    _set_slot(obj, "__dict__", values)
    _set_slot(obj, "__pydantic_fields_set__", set(values))
    _set_slot(obj, "__pydantic_extra__", None)
    _set_slot(obj, "__pydantic_private__", None)
    return obj


def cluster_id(keys: Iterable[tuple[str | None, int, int]]) -> str:
    """Return the id of a cluster with these member keys: 16 hex digits of SHA-1.

    >>> cluster_id([("b", 5, 9), ("a", 0, 3)]) == cluster_id([("a", 0, 3), ("b", 5, 9)])
    True
    """
    return _hash_key_lines([_key_line(a, s, e) for a, s, e in keys])


def _key_line(article: str | None, start: int, end: int) -> str:
    return f"{article or ''}\x1e{start}\x1e{end}"


def _hash_key_lines(lines: list[str]) -> str:
    lines.sort()
    return hashlib.sha1("\x1f".join(lines).encode("utf-8")).hexdigest()[:16]
