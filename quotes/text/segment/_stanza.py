"""Stanza backend: sentence splitting with Stanza's neural tokenizer (tokenize+mwt).

Stanza is imported only when this backend is created. The models folder is, in
order: the ``model_dir`` argument, the ``QUOTES_STANZA_DIR`` environment variable,
then Stanza's own default (``STANZA_RESOURCES_DIR`` or ``~/stanza_resources``).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Optional

from quotes.errors import SegmenterUnavailableError

__all__ = ["ENV_VAR", "StanzaSegmenter", "download_models", "resolve_model_dir"]

#: Environment variable naming the Stanza models folder.
ENV_VAR = "QUOTES_STANZA_DIR"

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
            f"the stanza backend needs the `stanza` package ({exc}); install it with "
            "`pip install stanza` or use --backend fast"
        ) from None
    return stanza


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
        SegmenterUnavailableError: Stanza is not installed or the English
            tokenize/mwt models are not in the folder; the message says how to fix it.
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
        """Return sentence spans of ``text``, never crossing a line break."""
        spans: list[tuple[int, int]] = []
        paragraphs = [m for m in _PARAGRAPH.finditer(text) if not m.group().isspace()]
        if not paragraphs:
            return spans
        # One Stanza call for the whole article: paragraphs joined by blank lines
        # (Stanza treats "\n\n" as a hard break); offsets are mapped back below.
        joined_parts: list[str] = []
        shifts: list[tuple[int, int]] = []  # (offset in joined, offset in text)
        pos = 0
        for m in paragraphs:
            shifts.append((pos, m.start()))
            joined_parts.append(m.group())
            pos += len(m.group()) + 2
        doc = self._nlp("\n\n".join(joined_parts))
        import bisect

        starts = [s for s, _ in shifts]
        for sent in doc.sentences:
            first, last = sent.tokens[0], sent.tokens[-1]
            a, b = first.start_char, last.end_char
            i = bisect.bisect_right(starts, a) - 1
            delta = shifts[i][1] - shifts[i][0]
            spans.append((a + delta, b + delta))
        return spans
