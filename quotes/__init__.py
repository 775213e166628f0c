"""quotes: quote and claim attribution for news.

Find direct quotes, reported speech, mixed quotes and attributed claims in news
text; link each to its speaker, the channel it came through and the outlet that
published it; deduplicate statements across articles. Results are typed,
immutable pydantic models.

Examples:
    >>> import quotes
    >>> [(q.text, q.speaker.name) for q in quotes.extract("“We are waiting,” Peskov said.", backend="fast")]
    [('We are waiting', 'Peskov')]
"""

from quotes._version import __version__
from quotes.errors import (
    ArticleTimeoutError,
    BackendError,
    BinaryInputError,
    CorpusFormatError,
    DependencyError,
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
    InvalidArgumentError,
    InvalidFieldError,
    MissingInputError,
    NotTextError,
    OutputError,
    QuotesError,
    SegmenterUnavailableError,
    UnknownBackendError,
    WrongTypeError,
)
from quotes.models import (
    Article,
    CueType,
    Provenance,
    Quote,
    QuoteKind,
    Span,
    Speaker,
    SpeakerType,
    Stance,
)
from quotes.dedupe.cluster import ClusterMember, DedupeProvenance, QuoteCluster, dedupe
from quotes.archive.frames import to_arrow, to_dataframe, write_parquet
from quotes.archive.io import read_folder
from quotes.pipeline import Extractor, extract

__all__ = [
    "Article",
    "ArticleTimeoutError",
    "BackendError",
    "BinaryInputError",
    "ClusterMember",
    "CorpusFormatError",
    "CueType",
    "DedupeProvenance",
    "DependencyError",
    "EmptyInputError",
    "EncodingError",
    "Extractor",
    "InputError",
    "InputTooLargeError",
    "InvalidArgumentError",
    "InvalidFieldError",
    "MissingInputError",
    "NotTextError",
    "OutputError",
    "Provenance",
    "Quote",
    "QuoteCluster",
    "QuoteKind",
    "QuotesError",
    "SegmenterUnavailableError",
    "Span",
    "Speaker",
    "SpeakerType",
    "Stance",
    "UnknownBackendError",
    "WrongTypeError",
    "__version__",
    "dedupe",
    "extract",
    "read_folder",
    "to_arrow",
    "to_dataframe",
    "write_parquet",
]
