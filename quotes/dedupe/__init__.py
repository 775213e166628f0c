"""Dedupe: cluster the statements that recur across articles.

[`dedupe`][quotes.dedupe.dedupe] is the entry point (`quotes.dedupe.cluster`); the text
normalisation, blocking index, scorers and speaker keys it uses are private to
this package.
"""

from quotes.dedupe.cluster import (
    DEFAULT_MIN_PARTIAL_WORDS,
    DEFAULT_PARTIAL_THRESHOLD,
    DEFAULT_RATIO_THRESHOLD,
    DEFAULT_SEMANTIC_THRESHOLD,
    DEFAULT_STATEMENT_THRESHOLD,
    MODES,
    ClusterMember,
    DedupeProvenance,
    QuoteCluster,
    cluster_id,
    dedupe,
)

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
