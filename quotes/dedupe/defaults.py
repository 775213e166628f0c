"""The dedupe modes and the default thresholds of [`dedupe`][quotes.dedupe.cluster.dedupe]."""

from __future__ import annotations

__all__ = [
    "DEFAULT_MAX_DAYS",
    "DEFAULT_MIN_PARTIAL_WORDS",
    "DEFAULT_PARTIAL_THRESHOLD",
    "DEFAULT_RATIO_THRESHOLD",
    "DEFAULT_SEMANTIC_THRESHOLD",
    "DEFAULT_STATEMENT_THRESHOLD",
    "MODES",
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
#: Probability (0-1) of the ``semantic`` mode's pair verifier
#: (`quotes.dedupe.verifier`) above which two quotes of one speaker are one
#: statement; the threshold stored with its weights.
DEFAULT_SEMANTIC_THRESHOLD = 0.65
#: Quotes published more than this many days apart are not one statement (a line
#: repeated months later is a new statement); ``max_days=None`` lifts the limit.
DEFAULT_MAX_DAYS = 30
