"""Dedupe: cluster the statements that recur across articles.

[`dedupe`][quotes.dedupe.dedupe] is the entry point (`quotes.dedupe.cluster`); the text
normalisation, blocking index and scorers it uses are private to this package.
`speaker_keys` gives the speaker key `dedupe` merges speakers by (`quotes.to_dataframe`
adds it as the `speaker_key` column); `quote_from_record` reads a plain dict record as
`dedupe` does.
"""

from quotes.dedupe.cluster import (
    DEFAULT_MAX_DAYS,
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
from quotes.dedupe.keys import speaker_keys
from quotes.dedupe.records import quote_from_record

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
    "quote_from_record",
    "speaker_keys",
]
