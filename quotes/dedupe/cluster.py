"""Cross-article dedupe: one statement, one cluster, every occurrence.

[`dedupe`][quotes.dedupe.cluster.dedupe] groups the quotes of many articles into clusters
([`QuoteCluster`][quotes.dedupe.cluster.QuoteCluster]), one per statement of one speaker, with every
place it appeared ([`ClusterMember`][quotes.dedupe.cluster.ClusterMember]). Three modes:

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
    ``quotes[semantic]`` extra): a learned pair verifier
    (`quotes.dedupe.verifier`) weighs term overlap, shared phrases, embedding
    similarity, quote kinds, dates, names and polarity, so paraphrases with few
    shared words can join. Slower; for corpora up to about 100k quotes.

Speakers are matched across articles (``Dmitri Peskov``, ``Peskov`` and
``Kremlin spokesman Dmitry Peskov`` are one person). Quotes of different speakers
never join unless ``ignore_speakers=True``; a quote without a known speaker joins
a cluster only on a near-verbatim match, and at most one cluster.

Nothing compares every quote with every other: candidates come from a rare-key
join (see `quotes.dedupe.index`), so time and memory grow about linearly.
Paraphrase scoring and linking live in `quotes.dedupe.statement`; the run
itself in `quotes.dedupe.engine`, loaded (with NumPy and rapidfuzz) on the
first call. The models are in `quotes.dedupe.results`.

Examples:
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

from __future__ import annotations

import inspect
import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal

from quotes.dedupe.defaults import (
    DEFAULT_MAX_DAYS,
    DEFAULT_MIN_PARTIAL_WORDS,
    DEFAULT_PARTIAL_THRESHOLD,
    DEFAULT_RATIO_THRESHOLD,
    DEFAULT_SEMANTIC_THRESHOLD,
    DEFAULT_STATEMENT_THRESHOLD,
    MODES,
)
from quotes.dedupe.results import ClusterMember, DedupeProvenance, QuoteCluster, cluster_id
from quotes.errors import InvalidArgumentError, WrongTypeError
from quotes.models import Quote

if TYPE_CHECKING:
    from quotes.dedupe.semantic import Encoder

__all__ = [
    "DEFAULT_MAX_DAYS",
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


#: The range of each numeric setting of `dedupe`: (low, high); None is unbounded.
_RANGES: dict[str, tuple[float, float | None]] = {
    "ratio_threshold": (0.0, 100.0),
    "partial_threshold": (0.0, 100.0),
    "statement_threshold": (0.0, 1.0),
    "semantic_threshold": (0.0, 1.0),
    "min_partial_words": (0, None),
    "block_keys": (0, None),
    "max_block": (0, None),
    "max_days": (0, None),
}


def _check_options(mode: str, **values: float | None) -> None:
    """Raise `InvalidArgumentError` for an unknown mode or a setting outside its range (or NaN).

    A ``None`` value (``max_days=None``: no date limit) is always accepted.
    """
    if mode not in MODES:
        raise InvalidArgumentError(
            f"unknown dedupe mode {mode!r}; expected one of {', '.join(MODES)}"
        )
    for name, value in values.items():
        if value is None:
            continue
        low, high = _RANGES[name]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise WrongTypeError(f"{name} must be a number, not {type(value).__name__}")
        if not math.isfinite(value) or value < low or (high is not None and value > high):
            where = f"between {low:g} and {high:g}" if high is not None else f">= {low:g}"
            raise InvalidArgumentError(f"{name} must be a finite number {where}, got {value}")


def _as_quotes(quotes: Iterable[Quote | Mapping[str, Any]]) -> list[Quote]:
    """The quotes, with plain dict records converted (see `quote_from_record`).

    Raises:
        WrongTypeError: An item is neither a Quote nor a dict (``quotes`` itself may
            not be a string or a single Quote either).
    """
    from quotes.dedupe.records import quote_from_record

    if isinstance(quotes, (str, bytes, Quote, Mapping)):
        raise WrongTypeError(
            f"dedupe() takes an iterable of quotes, not one {type(quotes).__name__}"
        )
    out: list[Quote] = []
    for i, q in enumerate(quotes):
        if isinstance(q, Mapping):
            q = quote_from_record(q, where=f"quotes[{i}]")
        elif not isinstance(q, Quote):
            raise WrongTypeError(
                f"quotes[{i}]: dedupe() takes Quote objects or dicts, got {type(q).__name__}"
            )
        out.append(q)
    return out


def dedupe(
    quotes: Iterable[Quote | Mapping[str, Any]],
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
    max_days: int | None = DEFAULT_MAX_DAYS,
    encoder: Encoder | None = None,
) -> list[QuoteCluster]:
    """Group quotes from many articles into one cluster per statement.

    Every input quote lands in exactly one cluster; the result depends only on the
    multiset of quotes, not on their order (example in `quotes.dedupe.cluster`).

    Args:
        quotes: Quotes from any number of articles, as [Quote][quotes.models.Quote]s or
            plain dict records ([quote_from_record][quotes.dedupe.quote_from_record]).
        mode: ``"statement"`` (verbatim variants and same-speaker paraphrases),
            ``"verbatim"`` (fastest) or ``"semantic"`` (needs ``quotes[semantic]``).
        ignore_speakers: Cluster on the words alone, across speakers.
        ratio_threshold: Minimum ``max(ratio, token_sort_ratio)`` (0-100) of variants.
        partial_threshold: Minimum ``partial_ratio`` (0-100) of a truncated quote.
        min_partial_words: Words the shorter quote needs for containment to count.
        statement_threshold: Minimum rarity-weighted term cosine (0-1) of a statement.
        semantic_threshold: Minimum probability of the semantic mode's pair verifier
            (`quotes.dedupe.verifier`: term and embedding features).
        block_keys: Rare keys each distinct text is looked up by when blocking.
        max_block: Keys shared by more distinct texts than this are not looked up.
        max_days: Quotes published more than this many days apart never link (the
            same words months later are a new statement); ``None``: no limit.
            Undated quotes link across any dates.
        encoder: Text-to-vector function of the semantic mode (bundled model if None).

    Returns:
        The clusters, largest first (then by speaker, text and id).

    Raises:
        WrongTypeError: An item is neither a [Quote][quotes.models.Quote] nor a dict
            (a ``TypeError`` too).
        CorpusFormatError: A dict is not a usable quote record (named in the message),
            ``end`` before ``start`` included.
        InvalidArgumentError: An unknown mode, or a setting outside its range or not
            finite: ``ratio_threshold`` and ``partial_threshold`` in 0-100,
            ``statement_threshold`` and ``semantic_threshold`` in 0-1, the counts
            >= 0 (a ``ValueError`` too).
        DependencyError: ``mode="semantic"`` without an ``encoder`` or the extra.
    """
    options = dict(
        ratio_threshold=ratio_threshold, partial_threshold=partial_threshold,
        min_partial_words=min_partial_words, statement_threshold=statement_threshold,
        semantic_threshold=semantic_threshold, block_keys=block_keys, max_block=max_block,
        max_days=max_days,
    )  # fmt: skip
    _check_options(mode, **options)
    qs = _as_quotes(quotes)
    if not qs:
        return []
    from quotes.dedupe.engine import run_dedupe  # loads NumPy and rapidfuzz on first use

    provenance = _provenance(mode, ignore_speakers, encoder, options)
    return run_dedupe(
        qs, provenance, mode=mode, ignore_speakers=ignore_speakers, encoder=encoder, options=options
    )


def _provenance(
    mode: str, ignore_speakers: bool, encoder: Encoder | None, options: dict[str, Any]
) -> DedupeProvenance:
    """The provenance of a run: the mode, the encoder and the settings off their defaults."""
    return DedupeProvenance(
        mode=mode,
        ignore_speakers=ignore_speakers,
        encoder=None if mode != "semantic" else ("custom" if encoder else "all-MiniLM-L6-v2"),
        settings=tuple((k, v) for k, v in options.items() if v != _DEFAULTS[k]),
    )


#: Default of every threshold and blocking setting, read from
#: [`dedupe`][quotes.dedupe.cluster.dedupe]'s signature.
_DEFAULTS: dict[str, Any] = {
    name: p.default
    for name, p in inspect.signature(dedupe).parameters.items()
    if p.kind is inspect.Parameter.KEYWORD_ONLY and isinstance(p.default, (int, float))
    and not isinstance(p.default, bool)
}
