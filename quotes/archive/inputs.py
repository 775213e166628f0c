"""Inputs of ``quotes batch``: folders of ``.txt`` files, JSON Lines and Parquet archives.

Enumeration is streaming and deterministic: `iter_sources` yields one light
`Source` per article (a path, a raw JSON line or a Parquet row) in a fixed
order, without reading article texts; `load_article` turns a source into an
[`Article`][quotes.models.Article] in the worker process and raises an
[`InputError`][quotes.errors.InputError] with a one-line message naming the input when
it cannot. The same record rules serve the Spark integration
(`record_to_article`).
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, NamedTuple, cast

from pydantic import ValidationError

from quotes.archive.io import METADATA_FILE, decode_text, load_metadata, read_text_file
from quotes.errors import (
    CorpusFormatError,
    DependencyError,
    InputError,
    InvalidFieldError,
    MissingInputError,
    QuotesError,
)
from quotes.models import Article, escape_surrogates, validation_summary

__all__ = [
    "ARTICLE_FIELDS",
    "InputSpec",
    "Source",
    "count_articles",
    "iter_sources",
    "load_article",
    "plan_inputs",
    "record_to_article",
    "source_id",
    "source_where",
]

#: Fields of an article record (JSON Lines object or Parquet row) that are read.
ARTICLE_FIELDS: tuple[str, ...] = ("text", "id", "outlet", "published", "title", "url")

#: Suffixes of JSON Lines archives (``.gz`` compressed ones too).
JSONL_SUFFIXES: tuple[str, ...] = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
#: Suffixes of Parquet archives.
PARQUET_SUFFIXES: tuple[str, ...] = (".parquet", ".pq")

#: Longest JSON line read (bytes); a longer line is reported, not loaded.
MAX_LINE_BYTES = 64 * 1024 * 1024

UNSUPPORTED_INPUT = (
    "{path}: unsupported input; give a folder of .txt files, a .txt file, "
    "a JSON Lines file (.jsonl, .ndjson, optionally .gz) or a Parquet file (.parquet)"
)
NO_TEXT_COLUMN = "{path}: the Parquet file has no 'text' column (columns: {columns})"
PARQUET_UNREADABLE = "{path}: cannot read the Parquet file ({reason})"
PARQUET_NEEDS_PYARROW = (
    '{path}: reading Parquet needs pyarrow, which is not installed: pip install "quotes[pandas]"'
)


class Source(NamedTuple):
    """One article of the input, before its text is read.

    Attributes:
        kind: ``file`` (a ``.txt`` file), ``line`` (a JSON line) or ``row`` (a Parquet row).
        path: The file, as it will be named in ``errors.jsonl``.
        id: The article id when known before reading (a file's relative path).
        line: 1-based line (JSON Lines) or row (Parquet) number; ``None`` for files.
        payload: The raw JSON line (``bytes``) or the Parquet row (``dict``).
        meta: Metadata from a ``metadata.jsonl`` sidecar, for files.
    """

    kind: str
    path: str
    id: str | None
    line: int | None
    payload: bytes | dict[str, Any] | None = None
    meta: dict[str, Any] | None = None


@dataclass(frozen=True)
class InputSpec:
    """One INPUT of the command line, classified.

    Attributes:
        path: The path as given.
        kind: ``folder``, ``txt``, ``jsonl`` or ``parquet``.
    """

    path: str
    kind: str


def _has_suffix(path: Path, suffixes: Sequence[str]) -> bool:
    name = path.name.lower()
    return any(name.endswith(s) for s in suffixes)


def plan_inputs(paths: Sequence[str | os.PathLike[str]]) -> list[InputSpec]:
    """Classify and check the inputs before anything runs.

    Raises:
        MissingInputError: An input does not exist.
        CorpusFormatError: An input has an unsupported type, a Parquet file cannot be
            opened or has no ``text`` column, or a ``metadata.jsonl`` is malformed.
        DependencyError: A Parquet input is given but pyarrow is missing.
    """
    specs: list[InputSpec] = []
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise MissingInputError(f"{p}: no such file or folder")
        if p.is_dir():
            specs.append(InputSpec(str(raw), "folder"))
        elif _has_suffix(p, JSONL_SUFFIXES):
            specs.append(InputSpec(str(raw), "jsonl"))
        elif _has_suffix(p, PARQUET_SUFFIXES):
            _open_parquet(p)
            specs.append(InputSpec(str(raw), "parquet"))
        elif p.suffix.lower() == ".txt":
            specs.append(InputSpec(str(raw), "txt"))
        else:
            raise CorpusFormatError(UNSUPPORTED_INPUT.format(path=p))
    return specs


def _open_parquet(path: Path) -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise DependencyError(PARQUET_NEEDS_PYARROW.format(path=path)) from None
    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError...
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise CorpusFormatError(PARQUET_UNREADABLE.format(path=path, reason=reason)) from None
    names = pf.schema_arrow.names
    if "text" not in names:
        raise CorpusFormatError(NO_TEXT_COLUMN.format(path=path, columns=", ".join(names)))
    return pf


# -- enumeration ---------------------------------------------------------------


def _walk_txt(
    root: Path, *, sidecars: bool = True
) -> Iterator[tuple[Path, str, dict[str, Any] | None]]:
    """Yield ``(file, relative id, metadata)`` for the ``.txt`` files under ``root``.

    With ``sidecars=False`` the ``metadata.jsonl`` files are not read (metadata is None).
    """
    for folder, dirnames, filenames in os.walk(root):
        dirnames.sort()
        names = sorted(n for n in filenames if n.endswith(".txt") and not n.startswith("."))
        if not names:
            continue
        here = Path(folder)
        sidecar = here / METADATA_FILE
        meta = load_metadata(sidecar) if sidecars and sidecar.is_file() else {}
        for name in names:
            rel = (here / name).relative_to(root).as_posix()
            yield here / name, rel, meta.get(name) or meta.get(rel)


def _open_lines(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def _iter_lines(fh: IO[bytes]) -> Iterator[tuple[int, bytes | None]]:
    """Yield ``(line number, raw line)``, ``None`` for a line over `MAX_LINE_BYTES`."""
    number = 0
    while True:
        raw = fh.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        number += 1
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            while True:  # skip the rest of the long line without holding it
                more = fh.readline(1 << 20)
                if not more or more.endswith(b"\n"):
                    break
            yield number, None
        else:
            yield number, raw


def _jsonl_sources(path: Path, display: str) -> Iterator[Source]:
    try:
        with _open_lines(path) as fh:
            for number, raw in _iter_lines(fh):
                if raw is not None and not raw.strip():
                    continue
                yield Source("line", display, None, number, raw)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise CorpusFormatError(f"{display}: cannot read ({exc})") from None


def _parquet_sources(path: Path, display: str) -> Iterator[Source]:
    pf = _open_parquet(path)
    columns = [c for c in ARTICLE_FIELDS if c in pf.schema_arrow.names]
    number = 0
    try:
        for batch in pf.iter_batches(batch_size=512, columns=columns):
            for row in batch.to_pylist():
                number += 1
                yield Source("row", display, None, number, row)
    except Exception as exc:  # a corrupt row group: stop, finished shards are kept
        raise CorpusFormatError(
            PARQUET_UNREADABLE.format(path=display, reason=str(exc).splitlines()[0])
        ) from None


def iter_sources(
    specs: Sequence[InputSpec], *, metadata: Mapping[str, dict[str, Any]] | None = None
) -> Iterator[Source]:
    """Yield every article of the inputs, in a deterministic order, without reading texts.

    Folders are walked recursively in sorted order; JSON Lines and Parquet files are
    streamed (blank lines are skipped, line numbers stay physical).

    Args:
        specs: The inputs, from `plan_inputs`.
        metadata: Metadata of the ``.txt`` files keyed by file name or by path
            relative to the folder given (``--metadata``), instead of the
            ``metadata.jsonl`` sidecars.

    Raises:
        CorpusFormatError: A file stops being readable midway (truncated gzip,
            corrupt Parquet row group) or a ``metadata.jsonl`` is malformed.
    """
    for spec in specs:
        p = Path(spec.path)
        if spec.kind == "folder":
            for file, rel, meta in _walk_txt(p, sidecars=metadata is None):
                if metadata is not None:
                    meta = metadata.get(rel) or metadata.get(file.name)
                yield Source("file", str(file), escape_surrogates(rel), None, None, meta)
        elif spec.kind == "txt":
            meta = metadata.get(p.name) if metadata is not None else None
            yield Source("file", spec.path, escape_surrogates(p.name), None, None, meta)
        elif spec.kind == "jsonl":
            yield from _jsonl_sources(p, spec.path)
        else:
            yield from _parquet_sources(p, spec.path)


def count_articles(specs: Sequence[InputSpec]) -> int:
    """Count the articles `iter_sources` will yield (for progress and resume checks).

    Folders are walked (names only, metadata sidecars validated), JSON lines are
    counted without parsing, Parquet row counts come from the file footer.

    Raises:
        CorpusFormatError: As `iter_sources`.
    """
    total = 0
    for spec in specs:
        p = Path(spec.path)
        if spec.kind == "folder":
            total += sum(1 for _ in _walk_txt(p))
        elif spec.kind == "txt":
            total += 1
        elif spec.kind == "jsonl":
            total += sum(1 for _ in _jsonl_sources(p, spec.path))
        else:
            total += _open_parquet(p).metadata.num_rows
    return total


# -- reading one article (in the worker) -----------------------------------------


def _locate(message: str, where: str) -> str:
    message = " ".join(message.split())
    return message if message.startswith(where) else f"{where}: {message}"


def _field_str(obj: Mapping[str, Any], key: str, where: str) -> str | None:
    """A string field of a record, stripped (None when absent or blank).

    Bytes (a Parquet binary column) are decoded; an ``id`` may also be an integer.
    Anything else (an object, a list, a number, true/false) is refused rather than
    written as its Python ``str()``.

    Raises:
        InvalidFieldError: The value has another type.
    """
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, (bytes, bytearray)):
        value = bytes(value).decode("utf-8", errors="replace")
    elif key == "id" and isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    elif not isinstance(value, str):
        shown = escape_surrogates(json.dumps(value, ensure_ascii=False, default=str))
        shown = shown if len(shown) <= 40 else shown[:37] + "..."
        expected = "a string or an integer" if key == "id" else "a string"
        raise InvalidFieldError(
            f"{where}: {key!r} must be {expected}, not {_json_type(value)} ({shown})"
        )
    return value.strip() or None


def _json_type(value: Any) -> str:
    """How JSON would call the type of ``value`` (object, array, number, boolean)."""
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, (list, tuple)):
        return "an array"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    return f"a {type(value).__name__}"


def record_to_article(obj: Mapping[str, Any], *, default_id: str | None, where: str) -> Article:
    """Build an article from a record (a JSON object or a Parquet/Spark row).

    Args:
        obj: The record: ``text`` (required), optional ``id`` (a string or an
            integer), ``outlet``, ``published``, ``title``, ``url`` (strings).
        default_id: The id to use when the record has none (its line or row number).
        where: How to name the record in error messages (``archive.jsonl:12``).

    Raises:
        InputError: ``text`` is missing, not a string, not UTF-8 or binary, or a
            field has an invalid value or type (an ``outlet`` object, a list ``id``:
            [`InvalidFieldError`][quotes.errors.InvalidFieldError]); the message
            starts with ``where``. The error's ``article_id`` attribute is the id
            to report, with any lone surrogate escaped.
    """
    try:
        article_id = _field_str(obj, "id", where) or default_id
    except QuotesError as exc:
        exc.article_id = default_id  # type: ignore[attr-defined]
        raise
    try:
        return _record_to_article(obj, article_id, where)
    except QuotesError as exc:
        exc.article_id = escape_surrogates(article_id) if article_id else article_id  # type: ignore[attr-defined]
        raise


def _record_to_article(obj: Mapping[str, Any], article_id: str | None, where: str) -> Article:
    text = obj.get("text")
    if text is None:
        raise InputError(
            f"{where}: no 'text' field" if "text" not in obj else f"{where}: 'text' is null"
        )
    if isinstance(text, (bytes, bytearray)):
        text = decode_text(bytes(text), name=where)
    elif not isinstance(text, str):
        raise InputError(f"{where}: 'text' is not a string (got {type(text).__name__})")
    published = obj.get("published")
    if isinstance(published, (bytes, bytearray)):
        published = published.decode("utf-8", errors="replace")
    fields = {key: _field_str(obj, key, where) for key in ("outlet", "title", "url")}
    try:
        return Article.model_validate(
            {"text": text, "id": article_id, "published": published, **fields}
        )
    except ValidationError as exc:
        field, reason, value = validation_summary(exc)
        raise InvalidFieldError(f"{where}: invalid {field!r} ({reason}: {value})") from None


def _parse_line(source: Source) -> Article:
    where = f"{source.path}:{source.line}"
    raw = source.payload
    if raw is None:
        raise CorpusFormatError(f"{where}: line longer than {MAX_LINE_BYTES:,} bytes")
    assert isinstance(raw, bytes)
    line = decode_text(raw, name=where)
    try:
        obj = json.loads(line.rstrip("\r\n"))  # an error then points into the record
    except json.JSONDecodeError as exc:  # the message gives the line, column and character
        raise CorpusFormatError(f"{where}: not JSON ({exc})") from None
    if not isinstance(obj, dict):
        raise CorpusFormatError(f"{where}: expected a JSON object, got {type(obj).__name__}")
    return record_to_article(obj, default_id=str(source.line), where=where)


def source_id(source: Source) -> str:
    """The article id of a source as far as it is known without reading it.

    For records this is the line/row number; `load_article` may find an ``id``.
    """
    return source.id if source.id is not None else str(source.line)


def source_where(source: Source) -> str:
    """How error messages name the source: the file, or ``file:line``."""
    return source.path if source.line is None else f"{source.path}:{source.line}"


def load_article(source: Source) -> Article:
    """Read one source into an [`Article`][quotes.models.Article].

    Raises:
        QuotesError: The file or record cannot be an article; the message names it
            (``path``, or ``path:line``).
    """
    try:
        if source.kind == "file":
            text = read_text_file(source.path)
            fields = dict(source.meta or {})
            return Article(text=text, id=source.id, **fields)
        if source.kind == "line":
            return _parse_line(source)
        assert isinstance(source.payload, dict)
        return record_to_article(
            source.payload, default_id=str(source.line), where=source_where(source)
        )
    except QuotesError as exc:
        located = type(exc)(_locate(str(exc), source_where(source)))
        located.article_id = getattr(exc, "article_id", None)  # type: ignore[attr-defined]
        raise located from None
    except ValidationError as exc:  # bad metadata in a sidecar
        field, reason, value = validation_summary(exc)
        raise InvalidFieldError(
            _locate(f"invalid {field!r} in metadata ({value}: {reason})", source.path)
        ) from None
