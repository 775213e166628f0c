"""A learned pair verifier for the ``statement`` and ``semantic`` dedupe modes.

A candidate pair of two texts of one speaker is scored from a few features of
the pair (see `FEATURES`): the rarity-weighted term cosine of `statement`
(clauses included), how much of the shorter text's terms the longer holds, how
many terms and phrases they share, the length ratio, the quote kinds (direct
against reported, both direct), the date gap, the named entities one names and
the other does not, a polarity difference, the embedding cosine, and two covers
that see past the exact terms: the share of the shorter text's word families (first
letters, ``founded`` / ``founder``) the other holds, and the share of its content
words whose embedding is close to one of the other's (``agency`` / ``bureau``). A logistic
regression turns them into the probability that the pair is one statement; its
weights (``quotes/data/dedupe_verifier.json``; only the ``semantic`` mode has one) were fitted by
``scripts/train_dedupe_verifier.py`` on the *tune* half of the hard pair set
(``bench/data/dedupe_hard_pairs.jsonl``). Every feature costs a few set or
vector operations per pair; the word vectors are embedded once per distinct word,
in one batch.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib.resources import files
from typing import Protocol

import numpy as np

from quotes.dedupe.text import concept, content_term, content_terms, normalize_text
from quotes.errors import QuotesError

__all__ = [
    "FEATURES",
    "ItemTexts",
    "SOFT_MATCH",
    "content_words",
    "word_keys",
    "date_gap",
    "PairContext",
    "VerifierModel",
    "entity_terms",
    "load_verifier",
    "pair_features",
    "phrase_keys",
    "soft_cover",
    "stem_cover",
    "stem_keys",
]

#: The features of a pair, in the order of `pair_features`.
FEATURES: tuple[str, ...] = (
    "term",
    "cover",
    "shared",
    "length",
    "direct_vs_reported",
    "both_direct",
    "days",
    "entity_miss",
    "polarity",
    "phrases",
    "cosine",
    "stem_cover",
    "soft_cover",
)

_COSINE = FEATURES.index("cosine")
#: Word-embedding cosine at which two content words count as one (another form of
#: one word, or a synonym): the best of 0.6, 0.7 and 0.8 on the tune half's pairs.
SOFT_MATCH = 0.7
#: Leading letters of a content word that name its family in `stem_keys`.
_STEM_LETTERS = 5

# A capitalised word not at the start of a sentence: a name (person, place, body).
_CAPITALISED = re.compile(r"(?<![.!?:“\"‘'(]\s)(?<!^)\b[A-Z][\w’'-]+")


def entity_terms(raw: str) -> frozenset[str]:
    """The content terms of the capitalised words inside a text (its named entities).

    Examples:
        >>> sorted(entity_terms("Talks with Kyiv, he said, and the Kremlin agreed."))
        ['russia', 'ukraine']
        >>> sorted(entity_terms("We will win."))
        []
    """
    words = " ".join(m.group(0) for m in _CAPITALISED.finditer(raw))
    return content_terms(normalize_text(words)) if words else frozenset()


def phrase_keys(normalized: str) -> frozenset[tuple[str, str]]:
    """Pairs of consecutive content terms of a normalised text (stopwords skipped).

    Two reports of one statement often share a phrase of it (``extremely careless``,
    ``the founder of ISIS`` / ``founded ISIS``) even when the rest is reworded.

    Examples:
        >>> sorted(phrase_keys("he was the founder of isis"))
        [('founde', 'isis')]
    """
    terms = [t for t in map(content_term, normalized.split()) if t is not None]
    return frozenset(zip(terms, terms[1:], strict=False))


def content_words(normalized: str) -> list[str]:
    """The words of a normalised text that carry content (see `content_term`), in order.

    Examples:
        >>> content_words("he said that the agency was wrong")
        ['agency', 'wrong']
    """
    return [w for w in normalized.split() if content_term(w) is not None]


def word_keys(normalized: str) -> list[str]:
    """The content words of a text as the verifier compares them: a synonym class by its name.

    A word of the synonym lexicon (see `quotes.dedupe.text.concept`) stands for its
    class, so that ``indications`` and ``signals`` are one word to `soft_cover`.

    Examples:
        >>> word_keys("waiting for indications from the agency")
        ['wait', 'signal', 'agency']
    """
    return [concept(w) or w for w in content_words(normalized)]


def stem_keys(normalized: str) -> frozenset[str]:
    """The word families of a text: the first five letters of its longer content words.

    Coarser than `content_term`'s stems (six letters, known suffixes), so that
    ``founded`` and ``founder``, ``recruitment`` and ``recruiter`` meet; a word of
    the synonym lexicon is its class (`word_keys`).

    Examples:
        >>> sorted(stem_keys("obama founded isis")) == sorted(stem_keys("obama the founder"))
        True
        >>> stem_keys("waiting for indications") == stem_keys("awaiting signals")
        True
    """
    keys = (
        w if w != raw else w[:_STEM_LETTERS]
        for raw, w in zip(content_words(normalized), word_keys(normalized), strict=True)
        if w != raw or len(w) >= 5
    )
    return frozenset(keys)


def stem_cover(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller set of word families (`stem_keys`) that the other holds.

    Examples:
        >>> stem_cover(frozenset({"found", "obama"}), frozenset({"found", "obama", "islam"}))
        1.0
    """
    return len(a & b) / max(1, min(len(a), len(b)))


def soft_cover(
    vectors: tuple[np.ndarray, np.ndarray],
    weights: tuple[np.ndarray, np.ndarray],
    match: float = SOFT_MATCH,
) -> float:
    """Weighted share of one text's content words close to a word of the other (the larger side).

    Args:
        vectors: L2-normalised word vectors of the two texts (one row per word).
        weights: Rarity weight of each of those words.
        match: Cosine at which two words count as one.

    Examples:
        >>> a = np.array([[1.0, 0.0], [0.0, 1.0]])
        >>> b = np.array([[1.0, 0.0]])
        >>> soft_cover((a, b), (np.array([1.0, 3.0]), np.array([2.0])))
        1.0
    """
    a, b = vectors
    if not len(a) or not len(b):
        return 0.0
    close = (a @ b.T) >= match
    wa, wb = weights
    mass = max(float(wa.sum()), 1e-12), max(float(wb.sum()), 1e-12)
    return float(max(wa[close.any(axis=1)].sum() / mass[0], wb[close.any(axis=0)].sum() / mass[1]))


class ItemTexts(Protocol):
    """What the features read of the items (a `quotes.dedupe.statement.StatementScorer`)."""

    raw: Sequence[str]
    texts: Sequence[str]
    terms: list[frozenset[str]]
    negated: list[bool]
    weight: dict[str, float]


class PairContext:
    """What the features need of each item besides its terms, and a cache of its names and phrases.

    Args:
        words: Word count of each item.
        direct: Whether each item was quoted directly (one of its quotes).
        low: First publication date of each item (ordinal), or a far-away bound.
        high: Last publication date of each item (ordinal), or a far-away bound.
    """

    def __init__(
        self, words: Sequence[int], direct: Sequence[bool], low: np.ndarray, high: np.ndarray
    ) -> None:
        self.words, self.direct, self.low, self.high = words, direct, low, high
        self._names: dict[int, frozenset[str]] = {}
        self._phrases: dict[int, frozenset[tuple[str, str]]] = {}
        self._masses: dict[int, float] = {}
        self._stems: dict[int, frozenset[str]] = {}
        self._words: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        #: Unit vector of each content word embedded so far (see `missing_words`).
        self.word_vectors: dict[str, np.ndarray] = {}

    def missing_words(self, items: ItemTexts, indices: Sequence[int]) -> list[str]:
        """The content words of the items ``indices`` that have no vector yet, each once."""
        known = self.word_vectors
        found = dict.fromkeys(
            w for i in indices for w in word_keys(items.texts[i]) if w not in known
        )
        return list(found)

    def _word_table(self, items: ItemTexts, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The vectors and rarity weights of item ``k``'s embedded content words."""
        table = self._words.get(k)
        if table is None:
            words = [w for w in word_keys(items.texts[k]) if w in self.word_vectors]
            if not words:
                table = (np.zeros((0, 1), dtype=np.float32), np.zeros(0))
            else:
                weights = [items.weight.get(content_term(w) or w, 1.0) for w in words]
                table = (np.stack([self.word_vectors[w] for w in words]), np.asarray(weights))
            self._words[k] = table
        return table

    def features(
        self, items: ItemTexts, i: int, j: int, *, term_score: float, cosine: float
    ) -> list[float]:
        """The `FEATURES` of the item pair ``(i, j)`` (see `pair_features`)."""
        names, phrases, masses, stems = self._names, self._phrases, self._masses, self._stems
        for k in (i, j):
            if k not in names:
                names[k] = entity_terms(items.raw[k])
                phrases[k] = phrase_keys(items.texts[k])
                masses[k] = sum(items.weight.get(t, 1.0) for t in items.terms[k])
                stems[k] = stem_keys(items.texts[k])
        (va, wa), (vb, wb) = self._word_table(items, i), self._word_table(items, j)
        return pair_features(
            (items.terms[i], items.terms[j]),
            (names[i], names[j]),
            items.weight,
            term_score=term_score,
            phrases=(phrases[i], phrases[j]),
            cosine=cosine,
            words=(self.words[i], self.words[j]),
            direct=(self.direct[i], self.direct[j]),
            days=date_gap(self, i, j),
            negated=(items.negated[i], items.negated[j]),
            masses=(masses[i], masses[j]),
            stems=stem_cover(stems[i], stems[j]),
            soft=soft_cover((va, vb), (wa, wb)),
        )


def date_gap(context: PairContext, i: int, j: int) -> float:
    """Days between the date spans of two items (0 when they overlap or one is undated)."""
    low, high = context.low, context.high
    gap = max(int(low[j]) - int(high[i]), int(low[i]) - int(high[j]), 0)
    return float(gap) if gap < 100_000 else 0.0


def pair_features(
    terms: tuple[frozenset[str], frozenset[str]],
    entities: tuple[frozenset[str], frozenset[str]],
    weight_of: dict[str, float],
    *,
    term_score: float,
    phrases: tuple[frozenset[tuple[str, str]], frozenset[tuple[str, str]]],
    cosine: float,
    words: tuple[int, int],
    direct: tuple[bool, bool],
    days: float,
    negated: tuple[bool, bool],
    masses: tuple[float, float] | None = None,
    stems: float = 0.0,
    soft: float = 0.0,
) -> list[float]:
    """The features of one pair, in the order of `FEATURES`.

    Args:
        terms: Content terms of the two texts.
        entities: Named-entity terms of the two texts (see `entity_terms`).
        weight_of: Rarity weight of each term (a missing term weighs 1).
        term_score: Best weighted term cosine over whole texts and clauses.
        phrases: `phrase_keys` of the two texts.
        cosine: Embedding cosine (0 without embeddings).
        words: Word counts.
        direct: Whether each side was quoted directly.
        days: Days between the two texts' dates.
        negated: Whether each side holds a negator.
        masses: The summed weights of each side's terms, if known (else added up).
        stems: The `stem_cover` of the two texts.
        soft: The `soft_cover` of the two texts (0 without word vectors).

    Examples:
        >>> t = (frozenset({"wait", "signal", "ukraine"}), frozenset({"wait", "signal"}))
        >>> none = (frozenset(), frozenset())
        >>> f = pair_features(t, (frozenset({"ukraine"}), frozenset()), {}, term_score=0.8,
        ...     phrases=none, cosine=0.0, words=(8, 4), direct=(True, False), days=0.0,
        ...     negated=(False, False))
        >>> dict(zip(FEATURES, [round(x, 2) for x in f]))["cover"]
        1.0
    """
    a, b = terms
    get = weight_of.get
    shared = a & b
    wa, wb = masses or (sum(get(t, 1.0) for t in a), sum(get(t, 1.0) for t in b))
    ws = sum(get(t, 1.0) for t in shared)
    cover = ws / min(wa, wb) if wa and wb else 0.0
    ea, eb = entities
    named = len(ea) + len(eb)
    miss = (len(ea - b) + len(eb - a)) / named if named else 0.0
    return [
        term_score,
        cover,
        math.log1p(len(shared)),
        abs(math.log(max(words[0], 1) / max(words[1], 1))),
        float(direct[0] != direct[1]),
        float(direct[0] and direct[1]),
        math.log1p(days),
        miss,
        float(negated[0] != negated[1]),
        math.log1p(len(phrases[0] & phrases[1])),
        cosine,
        stems,
        soft,
    ]


@dataclass(frozen=True)
class VerifierModel:
    """A logistic regression over standardised pair features.

    Attributes:
        features: Names of the features it uses (a subset of `FEATURES`).
        mean: Mean of each feature on the training pairs.
        scale: Standard deviation of each feature on the training pairs.
        coef: Weight of each standardised feature.
        intercept: The bias.
        threshold: Probability at which a pair is one statement.
        accept_cosine: Embedding cosine at which a pair is one statement whatever
            its words (`score` is then at least the cosine): two texts of one
            meaning that share no content term (``shut the coal plant`` / ``close
            the power station``), which the features, weighted on shared terms,
            would keep apart. No labelled pair of the tune half this close is two
            statements.
    """

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float
    accept_cosine: float = 1.01

    def score(self, values: Sequence[float]) -> float:
        """The pair's score: its `probability`, or its cosine when that reaches `accept_cosine`.

        Examples:
            >>> m = VerifierModel(("term",), (0.0,), (1.0,), (4.0,), -2.0, 0.5, 0.9)
            >>> values = [0.0] * len(FEATURES)
            >>> values[FEATURES.index("cosine")] = 0.95
            >>> round(m.probability(values), 3), m.score(values)
            (0.119, 0.95)
        """
        probability = self.probability(values)
        cosine = values[_COSINE]
        return max(probability, cosine) if cosine >= self.accept_cosine else probability

    def probability(self, values: Sequence[float]) -> float:
        """Probability that a pair with these `FEATURES` values is one statement.

        Examples:
            >>> m = VerifierModel(("term",), (0.0,), (1.0,), (4.0,), -2.0, 0.5)
            >>> round(m.probability([0.5] + [0.0] * (len(FEATURES) - 1)), 3)
            0.5
        """
        offset, terms = self._linear
        z = offset + sum(slope * values[k] for k, slope in terms)
        return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))

    @cached_property
    def _linear(self) -> tuple[float, tuple[tuple[int, float], ...]]:
        """The logit as ``offset + sum(slope * values[k])``: standardisation folded in."""
        columns = zip(self.features, self.mean, self.scale, self.coef, strict=True)
        terms = tuple((FEATURES.index(name), w / sd) for name, _, sd, w in columns)
        offset = self.intercept - sum(
            w * mu / sd for mu, sd, w in zip(self.mean, self.scale, self.coef, strict=True)
        )
        return offset, terms


@lru_cache(maxsize=4)
def load_verifier(mode: str) -> VerifierModel:
    """The shipped verifier of a mode (``statement`` or ``semantic``).

    Raises:
        QuotesError: The weights file is missing or has no model for ``mode``.
    """
    path = files("quotes") / "data" / "dedupe_verifier.json"
    try:
        table = json.loads(path.read_text(encoding="utf-8"))
        entry = table["models"][mode]
        return VerifierModel(
            features=tuple(entry["features"]),
            mean=tuple(entry["mean"]),
            scale=tuple(entry["scale"]),
            coef=tuple(entry["coef"]),
            intercept=float(entry["intercept"]),
            threshold=float(entry["threshold"]),
            accept_cosine=float(entry.get("accept_cosine", 1.01)),
        )
    except (OSError, KeyError, ValueError, TypeError) as exc:
        raise QuotesError(
            f"the dedupe verifier weights (quotes/data/dedupe_verifier.json, mode {mode!r}) "
            f"are missing or broken ({exc}); reinstall quotes or rerun "
            "scripts/train_dedupe_verifier.py"
        ) from exc
