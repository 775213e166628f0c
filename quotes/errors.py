"""Exceptions raised by ``quotes``.

Every exception the library raises on purpose derives from
[`QuotesError`][quotes.errors.QuotesError], so one ``except quotes.QuotesError`` catches them all.
Where it makes sense an exception also subclasses the matching builtin, so existing handlers keep
working::

    QuotesError
    ├── InputError (ValueError)            bad input: the text or file cannot be used
    │   ├── EmptyInputError                empty or whitespace-only text
    │   ├── BinaryInputError               the bytes are not text (NUL bytes, control noise)
    │   ├── EncodingError                  not valid UTF-8, or a str with lone surrogates
    │   ├── InputTooLargeError             the text is longer than ``max_chars``
    │   ├── InvalidFieldError              an article field (published, outlet, id...) is invalid
    │   └── MissingInputError (FileNotFoundError)  the path does not exist
    ├── CorpusFormatError (ValueError)     a JSONL/metadata/PolNeAR file is malformed
    ├── BackendError                       a segmentation backend failed
    │   ├── UnknownBackendError (ValueError)   no backend of that name
    │   └── SegmenterUnavailableError (ImportError)  stanza or its models are missing
    ├── InvalidArgumentError (ValueError)  an option has a bad value (unknown kind, threshold)
    ├── WrongTypeError (TypeError)         an argument has the wrong type (``dedupe([1])``)
    │   └── NotTextError                   the text is not a str (bytes: decode them first)
    ├── DependencyError (ImportError)      an optional extra (pandas, pyspark, Java...) is missing
    ├── OutputError (OSError)              an output file cannot be written
    ├── ArticleTimeoutError (TimeoutError) one article took longer than its time budget
    └── TaggerUnavailableError (FileNotFoundError)  the learned tagger's weights are missing

Messy text is not an error: text without quotes simply yields no quotes.

The models themselves are pydantic models: building one by hand with a bad value
(``Quote(start=-1, ...)``) raises pydantic's ``ValidationError`` (a ``ValueError``);
the library's own entry points ([`quotes.extract`][quotes.pipeline.extract],
[`Extractor`][quotes.pipeline.Extractor], [`dedupe`][quotes.dedupe.cluster.dedupe])
turn it into one of the errors above, with a one-line message naming the field.
"""

from __future__ import annotations

__all__ = [
    "ArticleTimeoutError",
    "BackendError",
    "BinaryInputError",
    "CorpusFormatError",
    "DependencyError",
    "EmptyInputError",
    "EncodingError",
    "InputError",
    "InputTooLargeError",
    "InvalidArgumentError",
    "InvalidFieldError",
    "MissingInputError",
    "NotTextError",
    "OutputError",
    "QuotesError",
    "SegmenterUnavailableError",
    "TaggerUnavailableError",
    "UnknownBackendError",
    "WrongTypeError",
]


class QuotesError(Exception):
    """Base class of every error raised by ``quotes``."""


class InputError(QuotesError, ValueError):
    """The input text or file cannot be processed (raised before any extraction)."""


class EmptyInputError(InputError):
    """The text is empty or contains only whitespace."""


class BinaryInputError(InputError):
    """The input looks like binary data (NUL bytes or mostly control characters)."""


class EncodingError(InputError):
    r"""The file is not valid UTF-8, or the text holds lone surrogates.

    A lone surrogate (``"\ud800"``) is what a ``str`` holds after a lossy decode
    (``errors="surrogateescape"``) or a JSON ``"\ud800"`` escape; it cannot be
    written as UTF-8, so no result could be serialised. The message gives its
    position; decode the bytes with ``errors="replace"`` to keep the rest.
    """


class InputTooLargeError(InputError):
    """The text is longer than the extractor's ``max_chars`` limit."""


class InvalidFieldError(InputError):
    """A field of the article (``published``, ``outlet``, ``id``, ``title``, ``url``) is invalid.

    ``published`` that is not a date, an ``outlet`` that is a number or an object,
    an ``id`` that is a list... The message names the field and the value.
    """


class MissingInputError(InputError, FileNotFoundError):
    """A path given as input does not exist."""


class CorpusFormatError(QuotesError, ValueError):
    """A corpus, metadata or quotes file does not have the expected format."""


class BackendError(QuotesError):
    """A segmentation backend could not be created or failed while running."""


class UnknownBackendError(BackendError, ValueError):
    """No backend is registered under the requested name."""


class SegmenterUnavailableError(BackendError, ImportError):
    """The Stanza backend cannot run: the package or its models are missing.

    The message says how to fix it (``pip install quotes[stanza]``,
    ``python -m quotes download`` or ``QUOTES_STANZA_DIR``).
    """


class DependencyError(QuotesError, ImportError):
    """An optional dependency (an extra such as ``quotes[spark]``) is not installed."""


class TaggerUnavailableError(QuotesError, FileNotFoundError):
    """The learned span tagger's weights (``quotes/data/tagger.*``) are missing or unreadable.

    Rebuild them with ``python scripts/train_tagger.py``; the rule extractor
    (``Extractor(tagger=False)``, the default) does not need them.
    """


class InvalidArgumentError(QuotesError, ValueError):
    """An argument or option has an invalid value.

    An unknown quote kind (``Extractor(kinds=["bogus"])``), a dedupe threshold
    outside its range or not finite, an unknown dedupe mode.
    """


class WrongTypeError(QuotesError, TypeError):
    """An argument has the wrong type (``dedupe([1])``, ``extract_articles([{...}])``)."""


class NotTextError(WrongTypeError):
    """The article text is not a ``str`` (``bytes``, a number, ``None``...).

    Bytes are refused rather than guessed at: decode them first
    (``data.decode("utf-8")``, or ``quotes.archive.io.decode_text`` which also
    refuses binary data).
    """


class OutputError(QuotesError, OSError):
    """An output file cannot be written (its folder is missing or read-only, the disk is full).

    The message names the output as the user gave it, never a temporary file.
    """


class ArticleTimeoutError(QuotesError, TimeoutError):
    """One article took longer than its time budget (``quotes batch --article-timeout``).

    ``quotes batch`` records it in ``errors.jsonl`` and goes on with the next article.
    """
