"""The shard writer of [`quotes.archive.batch`][].

Shard ``i`` of a run holds the quotes of input articles ``[i*K, (i+1)*K)``. It is
written under a hidden temporary name and renamed when complete, after a small
state file (its counts and errors) from which a re-run resumes.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import IO, Any

from quotes.archive.io import atomic_path, atomic_writer
from quotes.archive.workers import Outcome
from quotes.errors import OutputError

__all__ = [
    "SHARD_PREFIX",
    "STATE_DIR",
    "Shard",
    "load_state",
    "shard_count",
    "shard_length",
    "shard_name",
    "state_path",
]

#: Folder of OUTDIR with the run's identity and the state of each finished shard.
STATE_DIR = ".batch"
#: File name prefix of the shards.
SHARD_PREFIX = "quotes-"
#: Rows of a Parquet shard buffered before they are written as one row group.
_PARQUET_ROWS = 50_000


def shard_name(index: int, fmt: str = "jsonl") -> str:
    """Return the file name of shard ``index``.

    Examples:
        >>> shard_name(3)
        'quotes-00003.jsonl'
        >>> shard_name(12, "parquet")
        'quotes-00012.parquet'
    """
    return f"{SHARD_PREFIX}{index:05d}.{fmt}"


def state_path(outdir: Path, index: int) -> Path:
    """Return the path of the state file of shard ``index``."""
    return outdir / STATE_DIR / f"shard-{index:05d}.json"


def shard_count(total: int, shard_size: int) -> int:
    """Return the number of shards of ``total`` articles."""
    return -(-total // shard_size)


def shard_length(index: int, total: int, shard_size: int) -> int:
    """Return the number of articles of shard ``index`` (the last one may be short)."""
    return min(shard_size, total - index * shard_size)


def load_state(path: Path) -> dict[str, Any] | None:
    """Return a shard's state (``articles``, ``quotes``, ``errors``), or None if unreadable."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


class Shard:
    """A shard being written: records go to a hidden temporary file until commit."""

    def __init__(self, outdir: Path, index: int, fmt: str, articles: int) -> None:
        self.index = index
        self.path = outdir / shard_name(index, fmt)
        self.state_path = state_path(outdir, index)
        self.fmt = fmt
        self.articles = articles
        self.seen = 0
        self.quotes = 0
        self.errors: list[dict[str, Any]] = []
        self._stack = contextlib.ExitStack()
        self._rows: list[dict[str, Any]] = []
        self._fh: IO[str] | None = None
        self._parquet: Any = None
        if fmt == "jsonl":
            self._fh = self._stack.enter_context(atomic_writer(self.path))
        else:
            import pyarrow.parquet as pq

            from quotes.archive.frames import arrow_schema

            self._schema = arrow_schema()
            tmp = self._stack.enter_context(atomic_path(self.path))
            self._parquet = pq.ParquetWriter(tmp, self._schema)
            self._stack.callback(self._parquet.close)

    def add(self, outcome: Outcome) -> None:
        """Add one article's outcome: its quotes, or its error.

        Raises:
            OutputError: The shard cannot be written (a full disk); it names the shard.
        """
        self.seen += 1
        if outcome[0] == "error":
            self.errors.append(outcome[1])
            return
        self.quotes += outcome[1]
        try:
            if self._fh is not None:
                self._fh.write(outcome[2])
            else:
                self._rows.extend(outcome[2])
                if len(self._rows) >= _PARQUET_ROWS:
                    self._flush_rows()
        except OSError as exc:
            raise OutputError(f"{self.path}: cannot write ({exc.strerror or exc})") from None

    def _flush_rows(self) -> None:
        from quotes.archive.frames import records_to_arrow

        if self._rows:
            self._parquet.write_table(records_to_arrow(self._rows, schema=self._schema))
        self._rows = []

    @property
    def full(self) -> bool:
        """Whether every article of the shard was added."""
        return self.seen == self.articles

    def commit(self) -> None:
        """Write the state file, then rename the shard to its final name.

        Raises:
            OutputError: The shard or its state cannot be written (a full disk).
        """
        if self._parquet is not None:
            try:
                self._flush_rows()
            except OSError as exc:
                raise OutputError(f"{self.path}: cannot write ({exc.strerror or exc})") from None
        state = {"articles": self.articles, "quotes": self.quotes, "errors": self.errors}
        with atomic_writer(self.state_path) as fh:
            json.dump(state, fh, ensure_ascii=False)
        self._stack.close()

    def abort(self) -> None:
        """Drop the temporary file; the final name is never touched."""
        with contextlib.suppress(BaseException):
            self._stack.__exit__(KeyboardInterrupt, KeyboardInterrupt(), None)
