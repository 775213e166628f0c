"""Stanza backend: sentence splitting with Stanza's neural tokenizer (tokenize+mwt).

Stanza is an optional extra (`pip install quotes[stanza]`, which brings torch); it is
imported only when this backend is created. The models folder is, in order: the
``model_dir`` argument, the ``QUOTES_STANZA_DIR`` environment variable, then Stanza's
own default (``STANZA_RESOURCES_DIR`` or ``~/stanza_resources``).

Torch threads: when the backend loads, torch is set to ``QUOTES_TORCH_THREADS``
threads if that variable is set; else, unless ``OMP_NUM_THREADS`` is set (then torch
follows it), to 1 thread in a worker process (`quotes batch --workers N` already runs
one process per core) and to at most 4 threads (no more than the usable cores)
otherwise. The thread count changes speed only, never the sentences found.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from pathlib import Path
from typing import Any, Optional

from quotes.errors import SegmenterUnavailableError

__all__ = [
    "ENV_VAR",
    "INSTALL_HINT",
    "MAX_CALL_CHARS",
    "THREADS_VAR",
    "StanzaSegmenter",
    "download_models",
    "paragraph_groups",
    "resolve_model_dir",
    "torch_threads",
]

#: Environment variable naming the Stanza models folder.
ENV_VAR = "QUOTES_STANZA_DIR"

#: Environment variable setting torch's thread count when the backend loads.
THREADS_VAR = "QUOTES_TORCH_THREADS"

#: How to install the Stanza backend (it is not part of the core install).
INSTALL_HINT = "pip install quotes[stanza]"

#: Longest text (characters) given to Stanza in one call: longer texts go in calls of
#: whole paragraphs (see `StanzaSegmenter.segment`). News articles are far shorter. On
#: 2 M characters this keeps Stanza's peak memory at about 615 MB instead of 990 MB,
#: for about 18 % more segmentation time on such a text (same sentences).
MAX_CALL_CHARS = 200_000

#: Most torch threads used when neither ``QUOTES_TORCH_THREADS`` nor ``OMP_NUM_THREADS`` is set.
MAX_DEFAULT_THREADS = 4

_PARAGRAPH = re.compile(r"[^\n]+")

_FIX = (
    "run `python -m quotes download` (needs internet), or point {var} or "
    "--stanza-dir at a folder holding en/tokenize and en/mwt models, "
    "or use --backend fast"
)


def resolve_model_dir(model_dir: Optional[str] = None) -> Path:
    """Return the Stanza models folder that will be used (it may not exist)."""
    if model_dir:
        return Path(model_dir).expanduser()
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    try:
        from stanza.resources.common import DEFAULT_MODEL_DIR
    except ImportError:
        return Path("~/stanza_resources").expanduser()
    return Path(DEFAULT_MODEL_DIR)


def _import_stanza() -> Any:
    try:
        import stanza
    except ImportError as exc:
        raise SegmenterUnavailableError(
            f"the stanza backend needs the optional `stanza` package ({exc}): install it "
            f"with `{INSTALL_HINT}`, or use the default fast backend (--backend fast)"
        ) from None
    return stanza


def torch_threads() -> Optional[int]:
    """Return the torch thread count the backend sets, or None to leave torch as it is.

    ``QUOTES_TORCH_THREADS`` wins; a set ``OMP_NUM_THREADS`` is left to torch; else 1
    in a worker process (a child of `multiprocessing`) and at most 4 (no more than the
    usable cores) in any other process.

    Raises:
        SegmenterUnavailableError: ``QUOTES_TORCH_THREADS`` is not a whole number >= 1.
    """
    value = os.environ.get(THREADS_VAR, "").strip()
    if value:
        if not value.isdigit() or int(value) < 1:
            raise SegmenterUnavailableError(
                f"{THREADS_VAR} must be a whole number of threads, at least 1, not {value!r}"
            )
        return int(value)
    if os.environ.get("OMP_NUM_THREADS", "").strip():
        return None
    if multiprocessing.parent_process() is not None:
        return 1
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        usable = os.cpu_count() or 1
    return max(1, min(MAX_DEFAULT_THREADS, usable))


def _set_torch_threads() -> None:
    """Apply [torch_threads][quotes.text.segment._stanza.torch_threads] to torch."""
    threads = torch_threads()
    if threads is None:
        return
    import torch  # stanza depends on it, so it is there once stanza imported

    if torch.get_num_threads() != threads:
        torch.set_num_threads(threads)


def download_models(model_dir: Optional[str] = None) -> Path:
    """Download Stanza's English tokenize and mwt models.

    Args:
        model_dir: Target folder (default as
            [`resolve_model_dir`][quotes.text.segment._stanza.resolve_model_dir]).

    Returns:
        The folder the models are in.

    Raises:
        SegmenterUnavailableError: Stanza is missing or the download failed.
    """
    stanza = _import_stanza()
    target = resolve_model_dir(model_dir)
    try:
        stanza.download("en", model_dir=str(target), processors="tokenize,mwt", verbose=False)
    except Exception as exc:  # network errors come in many types
        raise SegmenterUnavailableError(
            f"could not download Stanza models to {target}: {exc.__class__.__name__}: {exc}"
        ) from None
    return target


class StanzaSegmenter:
    """Sentence spans from Stanza's English tokenizer.

    Each line (paragraph) is segmented on its own, so sentences never cross a line
    break and offsets are exact.

    Args:
        model_dir: Folder with Stanza's models (see
            [`resolve_model_dir`][quotes.text.segment._stanza.resolve_model_dir]).
        use_gpu: Let Stanza use a GPU when one is available.

    Raises:
        SegmenterUnavailableError: Stanza is not installed (`pip install quotes[stanza]`),
            the English tokenize/mwt models are not in the folder, or
            ``QUOTES_TORCH_THREADS`` is not a number; the message says how to fix it.
    """

    name = "stanza"

    def __init__(self, model_dir: Optional[str] = None, *, use_gpu: bool = False) -> None:
        stanza = _import_stanza()
        folder = resolve_model_dir(model_dir)
        self.model_dir = folder
        missing = [p for p in ("tokenize", "mwt") if not (folder / "en" / p).is_dir()]
        if missing or not (folder / "resources.json").is_file():
            raise SegmenterUnavailableError(
                f"Stanza English models ({', '.join(missing) or 'resources.json'}) not found in "
                f"{folder}: " + _FIX.format(var=ENV_VAR)
            )
        self.version: str = str(getattr(stanza, "__version__", "unknown"))
        _set_torch_threads()
        try:
            self._nlp = stanza.Pipeline(
                "en",
                dir=str(folder),
                processors="tokenize,mwt",
                download_method=None,
                logging_level="WARN",
                use_gpu=use_gpu,
            )
        except Exception as exc:  # stanza raises plain Exceptions for bad model files
            raise SegmenterUnavailableError(
                f"Stanza could not load its models from {folder} ({exc.__class__.__name__}: "
                f"{exc}): " + _FIX.format(var=ENV_VAR)
            ) from None

    def segment(self, text: str) -> list[tuple[int, int]]:
        """Return sentence spans of ``text``, never crossing a line break.

        The paragraphs go to Stanza in one call, or, for a text longer than
        `MAX_CALL_CHARS`, in calls of whole paragraphs of about that size: Stanza
        keeps objects for every token of a call, so this bounds its memory on huge
        texts. Stanza segments each paragraph on its own either way.
        """
        paragraphs = [m for m in _PARAGRAPH.finditer(text) if not m.group().isspace()]
        spans: list[tuple[int, int]] = []
        for group in paragraph_groups([m.end() - m.start() for m in paragraphs], MAX_CALL_CHARS):
            spans += self._segment_paragraphs(paragraphs[group.start : group.stop])
        return spans

    def _segment_paragraphs(self, paragraphs: list[re.Match[str]]) -> list[tuple[int, int]]:
        """Sentence spans of some paragraphs, from one Stanza call."""
        import bisect

        # Paragraphs joined by blank lines (Stanza treats "\n\n" as a hard break);
        # offsets are mapped back below.
        joined_parts: list[str] = []
        shifts: list[tuple[int, int]] = []  # (offset in joined, offset in text)
        pos = 0
        for m in paragraphs:
            shifts.append((pos, m.start()))
            joined_parts.append(m.group())
            pos += len(m.group()) + 2
        doc = self._nlp("\n\n".join(joined_parts))
        starts = [s for s, _ in shifts]
        spans: list[tuple[int, int]] = []
        for sent in doc.sentences:
            first, last = sent.tokens[0], sent.tokens[-1]
            a, b = first.start_char, last.end_char
            i = bisect.bisect_right(starts, a) - 1
            delta = shifts[i][1] - shifts[i][0]
            spans.append((a + delta, b + delta))
        return spans


def paragraph_groups(lengths: list[int], limit: int) -> list[range]:
    """Split paragraphs (by their lengths) into runs whose joined text stays within ``limit``.

    Paragraphs are joined by two characters; a paragraph longer than ``limit`` is a
    run of its own. Texts within the limit are one run.

    Examples:
        >>> paragraph_groups([40, 40, 40], 100)
        [range(0, 2), range(2, 3)]
        >>> paragraph_groups([], 100)
        []
    """
    groups: list[range] = []
    start, size = 0, 0
    for i, length in enumerate(lengths):
        if i > start and size + 2 + length > limit:
            groups.append(range(start, i))
            start, size = i, 0
        size += length + (2 if i > start else 0)
    if lengths:
        groups.append(range(start, len(lengths)))
    return groups
