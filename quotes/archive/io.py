"""Reading articles and writing results: files, folders, metadata sidecars, JSON Lines.

Functions here turn paths into [`Article`][quotes.models.Article] objects and quotes
into output files. Every reader raises a [`InputError`][quotes.errors.InputError] with a
one-line message a CLI can print; writers never leave a half-written file under
the final name ([`atomic_writer`][quotes.archive.io.atomic_writer]).
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Union

from pydantic import ValidationError

from quotes.errors import (
    BinaryInputError,
    CorpusFormatError,
    EmptyInputError,
    EncodingError,
    InputTooLargeError,
    InvalidFieldError,
    MissingInputError,
    OutputError,
    QuotesError,
)
from quotes.models import Article, escape_surrogates, validation_summary

__all__ = [
    "METADATA_FILE",
    "atomic_path",
    "atomic_writer",
    "check_folder_writable",
    "decode_text",
    "expand_paths",
    "load_metadata",
    "make_article",
    "metadata_for",
    "read_article",
    "read_folder",
    "read_text_file",
]

#: Name of the metadata sidecar picked up next to ``.txt`` files.
METADATA_FILE = "metadata.jsonl"

PathLike = Union[str, "os.PathLike[str]"]


def decode_text(data: bytes, *, name: str = "input") -> str:
    """Decode article bytes as UTF-8, refusing binary data.

    A UTF-8 byte-order mark is dropped; Windows line ends are kept as they are
    (offsets refer to the decoded text).

    Args:
        data: The raw bytes.
        name: What to call the input in error messages.

    Raises:
        EmptyInputError: No bytes, or only whitespace.
        BinaryInputError: NUL bytes (an image, a PDF, a zip...).
        EncodingError: Not valid UTF-8.

    Examples:
        >>> decode_text(b"He said so.")
        'He said so.'
    """
    if b"\x00" in data[:65536] or b"\x00" in data:
        raise BinaryInputError(f"{name}: binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EncodingError(
            f"{name}: not valid UTF-8 (byte {exc.start}); re-encode it, e.g. "
            f"iconv -f latin1 -t utf-8"
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise EmptyInputError(f"{name}: empty file")
    return text


def read_text_file(path: PathLike, *, max_bytes: int | None = None) -> str:
    """Read one article file as UTF-8 text.

    Args:
        path: The file.
        max_bytes: Refuse files larger than this many bytes.

    Raises:
        MissingInputError: The path does not exist or is a folder.
        InputTooLargeError: The file is larger than ``max_bytes``.
        EmptyInputError, BinaryInputError, EncodingError: As
            [`decode_text`][quotes.archive.io.decode_text].
    """
    p = Path(path)
    if not p.is_file():
        if not p.exists():
            what = "no such file or folder"
        else:
            what = "a folder, not a file" if p.is_dir() else "not a regular file"
        raise MissingInputError(f"{p}: {what}")
    if max_bytes is not None and p.stat().st_size > max_bytes:
        raise InputTooLargeError(f"{p}: {p.stat().st_size:,} bytes, more than {max_bytes:,}")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise MissingInputError(f"{p}: cannot read ({exc.strerror})") from None
    return decode_text(data, name=str(p))


def load_metadata(path: PathLike) -> dict[str, dict[str, Any]]:
    """Load a metadata sidecar: JSON Lines, one object per article with an ``id``.

    Recognised keys: ``id`` (the file name, required), ``outlet``, ``published``,
    ``title``, ``url``; others are ignored.

    Raises:
        MissingInputError: The file does not exist.
        CorpusFormatError: A line is not UTF-8, or not a JSON object with a string ``id``.
    """
    p = Path(path)
    if not p.is_file():
        raise MissingInputError(f"{p}: no such metadata file")
    meta: dict[str, dict[str, Any]] = {}
    with p.open("rb") as fh:
        for number, raw in enumerate(fh, 1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise CorpusFormatError(
                    f"{p}:{number}: not valid UTF-8 (byte {exc.start}); re-encode the file"
                ) from None
            if not line.strip():
                continue
            try:
                obj = json.loads(line.rstrip("\r\n"))
            except json.JSONDecodeError as exc:
                raise CorpusFormatError(f"{p}:{number}: not JSON ({exc})") from None
            if not isinstance(obj, dict) or not isinstance(obj.get("id"), str):
                raise CorpusFormatError(f"{p}:{number}: expected an object with a string 'id'")
            meta[obj["id"]] = {
                k: obj.get(k) for k in ("outlet", "published", "title", "url") if obj.get(k)
            }
    return meta


def expand_paths(paths: Iterable[PathLike]) -> Iterator[Path]:
    """Expand files and folders into article files, in a stable order.

    A folder yields its ``.txt`` files (not recursively), sorted by name. A file
    is yielded as given, whatever its extension; a missing path is yielded too
    so that the caller reports it in order.
    """
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            yield from sorted(q for q in p.iterdir() if q.suffix == ".txt" and q.is_file())
        else:
            yield p


def read_article(
    path: PathLike,
    *,
    metadata: dict[str, dict[str, Any]] | None = None,
    outlet: str | None = None,
    published: str | None = None,
    max_bytes: int | None = None,
) -> Article:
    r"""Read a ``.txt`` file into an [`Article`][quotes.models.Article].

    The article id is the file name (a byte that is not UTF-8 in it is written as
    its escape, ``\udcff``, so that the quotes can be written). Fields come from
    ``metadata`` (keyed by file name); ``outlet`` and ``published``, when given,
    override it.

    Raises:
        InputError: As [`read_text_file`][quotes.archive.io.read_text_file].
    """
    p = Path(path)
    text = read_text_file(p, max_bytes=max_bytes)
    fields: dict[str, Any] = dict((metadata or {}).get(p.name, {}))
    if outlet is not None:
        fields["outlet"] = outlet
    if published is not None:
        fields["published"] = published
    return make_article(text, escape_surrogates(p.name), fields, where=str(p))


def metadata_for(path: PathLike) -> dict[str, dict[str, Any]]:
    """The metadata sidecar (`METADATA_FILE`, ``metadata.jsonl``) of a folder or of a file's folder, or ``{}``.

    Raises:
        InputError: The sidecar exists but is malformed.
    """
    p = Path(path)
    sidecar = (p if p.is_dir() else p.parent) / METADATA_FILE
    return load_metadata(sidecar) if sidecar.is_file() else {}


def read_folder(
    folder: PathLike,
    *,
    metadata: dict[str, dict[str, Any]] | None = None,
    outlet: str | None = None,
    published: str | None = None,
) -> Iterator[Article]:
    """The articles of a folder's ``.txt`` files, in name order, with their metadata.

    The metadata comes from ``metadata`` when given, else from the folder's
    ``metadata.jsonl`` sidecar (as ``quotes extract FOLDER`` reads it); each file is
    read by [`read_article`][quotes.archive.io.read_article].

    Raises:
        InputError: The folder is missing or holds no ``.txt`` file, the sidecar is
            malformed, or a file cannot be an article (raised when that file is
            reached, so the articles before it have been yielded; ``quotes batch``
            skips such files instead).

    Examples:
        >>> [a.id for a in read_folder("seeds")][:2]
        ['000_e40974758e321cae.txt', '001_41379cef77bc6775.txt']
        >>> next(read_folder("seeds", outlet="DW")).outlet
        'DW'
    """
    p = Path(folder)
    if not p.is_dir():
        raise MissingInputError(f"{p}: no such folder")
    paths = list(expand_paths([p]))
    if not paths:
        raise EmptyInputError(f"{p}: folder has no .txt files")
    meta = metadata_for(p) if metadata is None else metadata
    for path in paths:
        yield read_article(path, metadata=meta, outlet=outlet, published=published)


def make_article(text: str, article_id: str, fields: dict[str, Any], *, where: str) -> Article:
    """Build an [`Article`][quotes.models.Article], naming the bad field if one is invalid.

    Args:
        text: The article text.
        article_id: Its id.
        fields: Metadata (``outlet``, ``published``, ``title``, ``url``).
        where: The input to name in the error (a path, ``<stdin>``).

    Raises:
        InvalidFieldError: A field is invalid (``published`` not a date, say).

    Examples:
        >>> make_article("Hi.", "a.txt", {"published": "2025-13-01"}, where="a.txt")
        Traceback (most recent call last):
        ...
        quotes.errors.InvalidFieldError: a.txt: invalid 'published' in metadata ('2025-13-01': input should be a valid date or datetime, month value is outside expected range of 1-12)
    """
    try:
        return Article(text=text, id=article_id, **fields)
    except ValidationError as exc:
        field, reason, value = validation_summary(exc)
        message = f"{where}: invalid {field!r} in metadata ({value}: {reason})"
        raise InvalidFieldError(message) from None


def check_folder_writable(folder: PathLike, output: PathLike) -> None:
    """Check that ``folder`` is, or can be created as, a folder this process can write in.

    The nearest part of ``folder`` that exists decides: it must be a folder with
    write permission. Nothing is created.

    Args:
        folder: The folder to write in.
        output: The output the user gave, named in the error.

    Raises:
        OutputError: A file is in the way, or the folder is not writable.
    """
    existing = Path(folder)
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    if not existing.is_dir():
        raise OutputError(f"{output}: cannot create a folder there: {existing} is a file")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise OutputError(f"{output}: cannot write in {existing} (permission denied)")


def _set_default_mode(path: str) -> None:
    """Give a temporary file the mode a plain ``open()`` would (mkstemp makes it 0600)."""
    mask = os.umask(0)
    os.umask(mask)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o666 & ~mask)


@contextlib.contextmanager
def atomic_writer(path: PathLike, *, encoding: str = "utf-8") -> Iterator[IO[str]]:
    """Open ``path`` for writing so that it appears only when complete.

    Writes go to a temporary file in the same folder, which is renamed over
    ``path`` when the block ends without an exception and removed otherwise.

    Examples:
        >>> import tempfile, os
        >>> d = tempfile.mkdtemp()
        >>> with atomic_writer(os.path.join(d, "out.txt")) as fh:
        ...     _ = fh.write("done")
        >>> open(os.path.join(d, "out.txt")).read()
        'done'
    """
    with atomic_path(path) as tmp, open(tmp, "w", encoding=encoding, newline="") as fh:
        yield fh


@contextlib.contextmanager
def atomic_path(path: PathLike) -> Iterator[Path]:
    """Give a temporary path to write ``path`` through, for writers that want a path.

    The temporary file sits in the same folder under a hidden name
    (``.NAME.XXXX.tmp``); it is renamed over ``path`` when the block ends without
    an exception and removed otherwise, so ``path`` never holds a partial file.
    An ``OSError`` while writing (a full disk) becomes an
    [`OutputError`][quotes.errors.OutputError] naming ``path``.
    Use it for binary writers (Parquet); [`atomic_writer`][quotes.archive.io.atomic_writer] is for
    text.

    Examples:
        >>> import tempfile, os
        >>> d = tempfile.mkdtemp()
        >>> with atomic_path(os.path.join(d, "out.bin")) as tmp:
        ...     _ = tmp.write_bytes(b"done")
        >>> open(os.path.join(d, "out.bin"), "rb").read()
        b'done'
    """
    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or "."
        )
    except OSError as exc:  # name the output the user gave, not the temporary file
        raise OutputError(f"{target}: cannot write ({exc.strerror})") from None
    os.close(fd)
    try:
        yield Path(tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        _set_default_mode(tmp)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and not isinstance(exc, QuotesError):
            # a full disk, a quota, a folder gone read-only: name the output, not the temporary
            raise OutputError(f"{target}: cannot write ({exc.strerror or exc})") from None
        raise
