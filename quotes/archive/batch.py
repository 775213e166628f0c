"""``quotes batch``: extract the quotes of a whole archive, in parallel, resumably.

``python -m quotes batch INPUT... -o OUTDIR`` reads folders of ``.txt`` files,
JSON Lines or Parquet archives (see `quotes.archive.inputs`) and writes into
``OUTDIR``:

* ``quotes-00000.jsonl`` (or ``.parquet``) ...: shard ``i`` holds the quotes of
  input articles ``[i*K, (i+1)*K)`` in input order, one ``quotes extract`` record
  per quote. A shard is written under a hidden temporary name and renamed when
  complete, so a shard under its final name is always whole.
* ``errors.jsonl``: one line per input that failed (``article``, ``path``,
  ``line``, ``error``), in input order: unreadable or malformed inputs, articles
  the extractor refused, and articles that ran past the per-article time budget
  (``article_timeout``).
* ``manifest.json``: counts of articles, quotes and failures, the library version,
  the backend and the options. It is written last: its presence means the run
  finished.
* ``.batch/``: the run's identity and one small state file per finished shard
  (its counts and errors), from which a re-run resumes.

Extraction calls [`quotes.pipeline.Extractor.extract_article`][], the same code
as ``quotes extract`` and [`quotes.archive.spark`][]; each worker process builds its
extractor once. Memory stays flat: inputs are streamed and at most a few chunks
of articles are in flight.

Examples:
    >>> import tempfile, pathlib
    >>> src = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (src / "a.txt").write_text('"We are ready," Peskov said.')
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "out"
    >>> result = run_batch([src], out, backend="fast", workers=1, progress="none")
    >>> (result.articles, result.failures), sorted(p.name for p in out.iterdir())
    ((1, 0), ['.batch', 'errors.jsonl', 'manifest.json', 'quotes-00000.jsonl'])
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quotes.archive.inputs import InputSpec, Source, count_articles, iter_sources, plan_inputs
from quotes.archive.io import load_metadata
from quotes.archive.outdir import (
    Resumed,
    check_outdir,
    finish_outdir,
    prepare_outdir,
    remove_temporaries,
    resumed_shards,
    run_identity,
)
from quotes.archive.progress import Progress
from quotes.archive.shards import Shard, shard_count, shard_length, shard_name
from quotes.archive.workers import Outcome, WorkerOptions, Workers
from quotes.errors import DependencyError, InvalidArgumentError, OutputError, QuotesError
from quotes.models import Stance
from quotes.pipeline import stance_values

__all__ = ["BatchInterrupted", "BatchResult", "run_batch", "shard_name"]

#: Default number of articles per shard.
DEFAULT_SHARD_SIZE = 1000
#: Articles sent to a worker at a time (at most; never across a shard boundary).
CHUNK_SIZE = 16
#: Chunks in flight per worker: bounds memory while keeping workers busy.
IN_FLIGHT_PER_WORKER = 4
#: The shard formats.
FORMATS = ("jsonl", "parquet")
#: Default time budget of one article, in seconds: a hundred times what a long
#: article takes on the Stanza backend, so only a pathological text reaches it.
DEFAULT_ARTICLE_TIMEOUT = 120.0

WORKER_DIED = (
    "worker processes keep dying (out of memory?); {done:,} of {total:,} shards are "
    "complete in {outdir}: run the same command again to resume, with fewer --workers"
)
NO_ARTICLES = "no articles found in {inputs}"
OUTPUT_FAILED = (
    "{error}; {done:,} of {total:,} shards are complete in {outdir}: "
    "make room (or fix the folder) and run the same command again to resume"
)
INPUTS_SHRANK = "the inputs changed while the run read them (fewer articles than counted)"
PARQUET_NEEDS_PYARROW = (
    'the parquet format needs pyarrow, which is not installed: pip install "quotes[pandas]"'
)


class BatchInterrupted(KeyboardInterrupt):
    """Raised by `run_batch` on Ctrl-C (or SIGTERM from the CLI), after cleaning up.

    Attributes:
        committed: Shards complete in the output folder.
        shards: Shards of the whole run.
    """

    def __init__(self, committed: int, shards: int) -> None:
        super().__init__(f"{committed} of {shards} shards complete")
        self.committed = committed
        self.shards = shards


@dataclass
class BatchResult:
    """What a batch run did.

    Attributes:
        outdir: The output folder.
        articles: Articles in the input (good and bad).
        quotes: Quotes written, in all shards.
        failures: Inputs that failed (lines of ``errors.jsonl``).
        shards: Number of shards.
        resumed_shards: Shards found complete from an earlier run and skipped.
    """

    outdir: Path
    articles: int = 0
    quotes: int = 0
    failures: int = 0
    shards: int = 0
    resumed_shards: int = 0


# -- feeding the workers -----------------------------------------------------------


def _chunks(
    sources: Iterator[Source], total: int, shard_size: int, done: set[int]
) -> Iterator[tuple[int, list[Source]]]:
    """Yield ``(shard, chunk)`` for the shards not done; chunks never cross shards."""
    for shard in range(shard_count(total, shard_size)):
        size = shard_length(shard, total, shard_size)
        if shard in done:
            for _ in range(size):
                _next_source(sources)
            continue
        left = size
        while left:
            take = min(CHUNK_SIZE, left)
            chunk = [_next_source(sources) for _ in range(take)]
            left -= take
            yield shard, chunk


def _next_source(sources: Iterator[Source]) -> Source:
    try:
        return next(sources)
    except StopIteration:
        raise QuotesError(INPUTS_SHRANK) from None


def _default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


# -- the runner --------------------------------------------------------------------


class _Run:
    """A run in progress: the chunks in flight and the shard being written.

    Outcomes come back in input order and go into the open shard, which is
    committed as soon as it is full; only one shard is open at a time.
    """

    def __init__(
        self,
        out: Path,
        fmt: str,
        total: int,
        shard_size: int,
        committed: int,
        bar: Progress,
        pool: Workers,
    ) -> None:
        self.out, self.fmt, self.total, self.shard_size = out, fmt, total, shard_size
        self.bar, self.pool = bar, pool
        self.in_flight: deque[tuple[int, list[Source], Future]] = deque()
        self.open_shard: Shard | None = None
        self.committed = committed

    def consume(self, shard: int, outcomes: list[Outcome]) -> None:
        """Write a chunk's outcomes to its shard; commit the shard when it is full."""
        if self.open_shard is None:
            length = shard_length(shard, self.total, self.shard_size)
            self.open_shard = Shard(self.out, shard, self.fmt, length)
        n_quotes = n_failed = 0
        for outcome in outcomes:
            self.open_shard.add(outcome)
            if outcome[0] == "error":
                n_failed += 1
            else:
                n_quotes += outcome[1]
        self.bar.update(len(outcomes), n_quotes, n_failed)
        if self.open_shard.full:
            self.open_shard.commit()
            self.open_shard = None
            self.committed += 1

    def process(self, chunks: Iterator[tuple[int, list[Source]]], limit: int) -> None:
        """Run every chunk, at most ``limit`` in flight, consuming results in order."""
        exhausted = False
        while True:
            while not exhausted and len(self.in_flight) < limit:
                item = next(chunks, None)
                if item is None:
                    exhausted = True
                    break
                shard, chunk = item
                self.in_flight.append((shard, chunk, self.pool.submit(chunk)))
            if not self.in_flight:
                break
            shard, chunk, fut = self.in_flight.popleft()
            try:
                outcomes = fut.result()
            except BrokenProcessPool:
                self._redo_in_flight(shard, chunk)
                continue
            self.consume(shard, outcomes)

    def _redo_in_flight(self, shard: int, chunk: list[Source]) -> None:
        """Redo the chunks in flight one article at a time after a worker died.

        A crash or the OOM killer breaks the whole pool: redoing each article alone
        loses only the culprit.
        """
        pending = [(shard, chunk)] + [(s, c) for s, c, _ in self.in_flight]
        self.in_flight.clear()
        self.pool.restart()
        for shard, chunk in pending:
            self.consume(shard, self.pool.isolate(chunk))

    def abort_shard(self) -> None:
        """Drop the shard being written, if any."""
        if self.open_shard is not None:
            self.open_shard.abort()
            self.open_shard = None

    def execute(
        self,
        chunks: Iterator[tuple[int, list[Source]]],
        workers: int,
        identity: dict[str, Any],
        result: BatchResult,
    ) -> BatchResult:
        """Process every chunk, then write ``errors.jsonl`` and ``manifest.json``.

        Whatever happens, the workers stop and OUTDIR is left with complete shards only.

        Raises:
            QuotesError: Worker processes kept dying.
            OutputError: A shard or the final files cannot be written (a full disk).
            BatchInterrupted: Ctrl-C (or SIGTERM from the CLI).
        """
        n_shards = result.shards
        finished = False
        try:
            self.process(chunks, workers * IN_FLIGHT_PER_WORKER)
            counts = finish_outdir(self.out, self.total, n_shards, identity, workers)
            result.quotes, result.failures = counts
            finished = True
            return result
        except BrokenProcessPool:
            message = WORKER_DIED.format(done=self.committed, total=n_shards, outdir=self.out)
            raise QuotesError(message) from None
        except OutputError as exc:  # a full disk mid-run: complete shards stay, resumable
            message = OUTPUT_FAILED.format(
                error=exc, done=self.committed, total=n_shards, outdir=self.out
            )
            raise OutputError(message) from None
        except KeyboardInterrupt:
            self.abort_shard()
            raise BatchInterrupted(self.committed, n_shards) from None
        finally:
            self.close(finished)

    def close(self, finished: bool) -> None:
        """Stop everything; after an unfinished run, leave complete shards only."""
        self.abort_shard()
        for _, _, fut in self.in_flight:
            fut.cancel()
        self.bar.close(finished)
        self.pool.shutdown()
        if not finished:
            remove_temporaries(self.out)


def _check_options(fmt: str, shard_size: int, article_timeout: float | None) -> None:
    """Refuse an unknown format, a shard size below 1, a bad budget, or parquet without pyarrow."""
    if fmt not in FORMATS:
        raise InvalidArgumentError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if shard_size < 1:
        raise InvalidArgumentError("--shard-size must be at least 1")
    if article_timeout is not None and not 0 <= article_timeout < float("inf"):
        raise InvalidArgumentError(
            f"--article-timeout must be a number of seconds >= 0 (0: none), not {article_timeout}"
        )
    if fmt == "parquet":
        try:
            import pyarrow.parquet  # noqa: F401
        except ImportError:
            raise DependencyError(PARQUET_NEEDS_PYARROW) from None


def _count(inputs: Sequence[str | os.PathLike[str]]) -> tuple[list[InputSpec], int]:
    """The planned inputs and their number of articles; none at all is an error."""
    specs = plan_inputs(inputs)
    total = count_articles(specs)
    if total == 0:
        raise QuotesError(NO_ARTICLES.format(inputs=", ".join(str(p) for p in inputs)))
    return specs, total


def _resume(
    out: Path, total: int, shard_size: int, fmt: str, progress: str
) -> tuple[BatchResult, Resumed, Progress]:
    """The shards an earlier run completed, the result so far and the progress display."""
    n_shards = shard_count(total, shard_size)
    resumed = resumed_shards(out, n_shards, fmt)
    done_articles = sum(shard_length(i, total, shard_size) for i in resumed.done)
    result = BatchResult(out, articles=total, shards=n_shards, resumed_shards=len(resumed.done))
    bar = Progress(progress, total, done_articles, resumed.quotes, resumed.failures)
    return result, resumed, bar


def _identity(
    specs: list[InputSpec],
    options: WorkerOptions,
    shard_size: int,
    metadata: str | os.PathLike[str] | None,
) -> dict[str, Any]:
    """What a re-run must repeat to resume (see `run_identity`)."""
    return run_identity(
        specs, options.backend, options.fmt, shard_size, options.include_beliefs,
        tagger=options.tagger, accurate=options.accurate, outlet=options.outlet,
        metadata=os.path.abspath(metadata) if metadata is not None else None,
        stances=list(options.stances or ()),
    )  # fmt: skip


def run_batch(
    inputs: Sequence[str | os.PathLike[str]],
    outdir: str | os.PathLike[str],
    *,
    backend: str = "fast",
    stanza_dir: str | None = None,
    workers: int | None = None,
    fmt: str = "jsonl",
    shard_size: int = DEFAULT_SHARD_SIZE,
    include_beliefs: bool = False,
    stances: Iterable[Stance | str] | None = None,
    tagger: bool = False,
    accurate: bool = False,
    outlet: str | None = None,
    metadata: str | os.PathLike[str] | None = None,
    progress: str = "auto",
    article_timeout: float | None = DEFAULT_ARTICLE_TIMEOUT,
) -> BatchResult:
    """Extract the quotes of every article of ``inputs`` into shards in ``outdir``.

    Run it again with the same arguments after an interruption and it resumes:
    complete shards are skipped; the output ends identical to an uninterrupted run.

    Args:
        inputs: Folders of ``.txt`` files (recursively), ``.txt``, JSON Lines or Parquet files.
        outdir: The output folder (created if needed).
        backend: ``"fast"`` (default) or ``"stanza"`` (needs `pip install quotes[stanza]`).
        stanza_dir: Folder with Stanza's models.
        workers: Worker processes (default: the usable cores); ``1`` runs in this process.
        fmt: Shard format, ``"jsonl"`` or ``"parquet"``.
        shard_size: Articles per shard.
        include_beliefs: As for ``extract``.
        stances: The stances reported, as for `Extractor` (default: all but ``refers``).
        tagger: As ``extract --tagger``.
        accurate: As ``extract --accurate`` (one model per worker).
        outlet: The outlet of every article (overrides metadata and records).
        metadata: A metadata JSON Lines file for the ``.txt`` files (keyed by file name
            or relative path) instead of the ``metadata.jsonl`` sidecars.
        progress: ``"auto"`` (a bar on a terminal, else lines), ``"bar"``, ``"lines"``, ``"none"``.
        article_timeout: Seconds one article may take (None or 0: no limit); a slower one is
            recorded in ``errors.jsonl`` and the run goes on. A re-run with another value resumes.

    Returns:
        The counts of the whole run (resumed shards included).

    Raises:
        QuotesError: A usage problem (missing input, unreadable Parquet, OUTDIR holding
            another run); nothing was written then.
        OutputError: OUTDIR cannot be written (found before any work), or the disk filled
            up (complete shards are kept; run again to resume).
        KeyboardInterrupt: Interrupted; complete shards are kept, none is partial.
    """
    _check_options(fmt, shard_size, article_timeout)
    options = WorkerOptions(
        backend=backend, stanza_dir=stanza_dir, include_beliefs=include_beliefs, fmt=fmt,
        tagger=tagger, accurate=accurate, outlet=outlet, timeout=article_timeout,
        stances=stance_values(stances),
    )  # fmt: skip
    workers = workers or _default_workers()
    out = Path(outdir)
    check_outdir(out)
    specs, total = _count(inputs)
    explicit = load_metadata(metadata) if metadata is not None else None
    identity = _identity(specs, options, shard_size, metadata)
    prepare_outdir(out, identity, total)
    result, resumed, bar = _resume(out, total, shard_size, fmt, progress)
    run = _Run(out, fmt, total, shard_size, len(resumed.done), bar, Workers(workers, options))
    chunks = _chunks(iter_sources(specs, metadata=explicit), total, shard_size, resumed.done)
    return run.execute(chunks, workers, {**identity, "article_timeout": article_timeout}, result)
