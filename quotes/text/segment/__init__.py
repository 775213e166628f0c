"""Sentence segmentation backends.

A backend is any object with a ``name``, a ``version`` and a
``segment(text) -> list[tuple[int, int]]`` method that returns sentence spans
(character offsets, end exclusive) in document order. Two ship with the library:

* ``fast`` ([`RegexSegmenter`][quotes.text.segment._builtin.RegexSegmenter]): the default; pure
  Python, no models.
* ``stanza`` ([`StanzaSegmenter`][quotes.text.segment._stanza.StanzaSegmenter]): Stanza tokenize+mwt,
  imported lazily; an optional extra, `pip install quotes[stanza]`.

Sentences never cross a line break: news text puts one paragraph per line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Protocol, runtime_checkable

from quotes.errors import UnknownBackendError
from quotes.text.segment._stanza import torch_threads

__all__ = ["BACKENDS", "Segmenter", "download_stanza_models", "get_segmenter", "torch_threads"]

#: Names accepted by [`get_segmenter`][quotes.text.segment.get_segmenter].
BACKENDS: tuple[str, ...] = ("fast", "stanza")


@runtime_checkable
class Segmenter(Protocol):
    """What the pipeline needs from a backend."""

    name: str
    version: str

    def segment(self, text: str) -> list[tuple[int, int]]:
        """Return the sentence spans of ``text`` in order; spans do not overlap."""
        ...


def get_segmenter(name: str, *, stanza_dir: Optional[str] = None) -> Segmenter:
    """Create the backend called ``name``.

    Args:
        name: ``"fast"`` or ``"stanza"``.
        stanza_dir: Models folder for the Stanza backend.

    Raises:
        UnknownBackendError: No backend has that name.
        SegmenterUnavailableError: Stanza or its models are missing.

    Examples:
        >>> get_segmenter("fast").name
        'fast'
    """
    if name == "fast":
        from quotes.text.segment._builtin import RegexSegmenter

        return RegexSegmenter()
    if name == "stanza":
        from quotes.text.segment._stanza import StanzaSegmenter

        return StanzaSegmenter(model_dir=stanza_dir)
    raise UnknownBackendError(f"unknown backend {name!r}; choose one of: {', '.join(BACKENDS)}")


def download_stanza_models(model_dir: Optional[str] = None) -> Path:
    """Download Stanza's English ``tokenize`` and ``mwt`` models (needs the network).

    Args:
        model_dir: Where to put them (default: ``$QUOTES_STANZA_DIR``, else Stanza's own folder).

    Returns:
        The folder the models are in.

    Raises:
        SegmenterUnavailableError: Stanza is not installed or the download fails.
    """
    from quotes.text.segment._stanza import download_models

    return download_models(model_dir)
