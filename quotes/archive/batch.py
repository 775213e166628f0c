"""``quotes batch``: extract the quotes of a whole archive, in parallel, resumably.

``python -m quotes batch INPUT... -o OUTDIR`` reads folders of ``.txt`` files,
JSON Lines or Parquet archives (see :mod:`quotes.archive.inputs`) and writes into
``OUTDIR``:

* ``quotes-00000.jsonl`` (or ``.parquet``) ...: shard ``i`` holds the quotes of
  input articles ``[i*K, (i+1)*K)`` in input order, one ``quotes extract`` record
  per quote. A shard is written under a hidden temporary name and renamed when
  complete, so a shard under its final name is always whole.
* ``errors.jsonl``: one line per input that failed (``article``, ``path``,
  ``line``, ``error``), in input order.
* ``manifest.json``: counts of articles, quotes and failures, the library version,
  the backend and the options. It is written last: its presence means the run
  finished.
* ``.batch/``: the run's identity and one small state file per finished shard
  (its counts and errors), from which a re-run resumes.

Extraction calls :meth:`quotes.pipeline.Extractor.extract_article`, the same code
as ``quotes extract`` and :mod:`quotes.archive.spark`; each worker process builds its
extractor once. Memory stays flat: inputs are streamed and at most a few chunks
of articles are in flight.

Example:
    >>> import tempfile, pathlib
    >>> src = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (src / "a.txt").write_text('"We are ready," Peskov said.')
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "out"
    >>> result = run_batch([src], out, backend="fast", workers=1, progress="none")
    >>> (result.articles, result.failures), sorted(p.name for p in out.iterdir())
    ((1, 0), ['.batch', 'errors.jsonl', 'manifest.json', 'quotes-00000.jsonl'])
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from quotes.archive.inputs import (
    InputSpec,
    Source,
    count_articles,
    iter_sources,
    load_article,
    plan_inputs,
    source_id,
    source_where,
)
from quotes._version import __version__
from quotes.errors import DependencyError, QuotesError
from quotes.archive.io import atomic_path, atomic_writer

__all__ = ["BatchInterrupted", "BatchResult", "add_cli_parser", "run", "run_batch", "shard_name"]

#: Default number of articles per shard.
DEFAULT_SHARD_SIZE = 1000
#: Articles sent to a worker at a time (at most; never across a shard boundary).
CHUNK_SIZE = 16
#: Chunks in flight per worker: bounds memory while keeping workers busy.
IN_FLIGHT_PER_WORKER = 4
#: Articles in a row on which a worker may die before the run gives up.
MAX_DEATHS_IN_A_ROW = 3
#: Seconds between two progress lines when stderr is not a terminal.
PROGRESS_EVERY = 10.0

STATE_DIR = ".batch"
RUN_FILE = "run.json"
ERRORS_FILE = "errors.jsonl"
MANIFEST_FILE = "manifest.json"
SHARD_PREFIX = "quotes-"
FORMATS = ("jsonl", "parquet")

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

OTHER_RUN = (
    "{outdir} holds a batch run with other inputs or options ({what}); "
    "to resume, repeat the first command exactly; else use another OUTDIR or delete it"
)
NOT_A_BATCH_DIR = (
    "{outdir} already holds quote shards that no batch run recorded; "
    "use another OUTDIR or delete them"
)
INPUTS_CHANGED = (
    "the inputs changed since the interrupted run ({then:,} articles then, {now:,} now); "
    "use another OUTDIR or delete {outdir}"
)
INTERRUPTED = (
    "interrupted: {done:,} of {total:,} shards are complete in {outdir}; "
    "run the same command again to resume"
)
WORKER_DIED = (
    "worker processes keep dying (out of memory?); {done:,} of {total:,} shards are "
    "complete in {outdir}: run the same command again to resume, with fewer --workers"
)
WORKER_DIED_ON_ARTICLE = "the worker process died on this article (a crash or out of memory)"
NO_ARTICLES = "no articles found in {inputs}"
INPUTS_SHRANK = "the inputs changed while the run read them (fewer articles than counted)"
PARQUET_NEEDS_PYARROW = (
    'the parquet format needs pyarrow, which is not installed: pip install "quotes[pandas]"'
)


def shard_name(index: int, fmt: str = "jsonl") -> str:
    """Return the file name of shard ``index``.

    >>> shard_name(3)
    'quotes-00003.jsonl'
    >>> shard_name(12, "parquet")
    'quotes-00012.parquet'
    """
    return f"{SHARD_PREFIX}{index:05d}.{fmt}"


class BatchInterrupted(KeyboardInterrupt):
    """Raised by :func:`run_batch` on Ctrl-C (or SIGTERM from the CLI), after cleaning up.

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


# -- the work done in each worker --------------------------------------------------

_WORKER: dict[str, Any] = {}


def _init_worker(
    backend: str,
    stanza_dir: str | None,
    include_beliefs: bool,
    fmt: str,
    parent: int | None,
) -> None:
    """Build this process's extractor, once; in a pool child also detach from Ctrl-C."""
    if parent is not None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
        _watch_parent(parent)
    from quotes.pipeline import Extractor

    _WORKER.clear()
    _WORKER["format"] = fmt
    try:
        _WORKER["extractor"] = Extractor(
            backend=backend, stanza_dir=stanza_dir, include_beliefs=include_beliefs
        )
    except QuotesError as exc:  # reported with the first chunk, as a clear message
        _WORKER["startup_error"] = exc


def _watch_parent(parent: int) -> None:
    """Exit when the parent dies (kill -9), instead of lingering as an orphan.

    ``parent`` is the pid of the batch process, passed in rather than read here: a
    parent killed while this worker was still starting is then noticed too.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="quotes-batch-parent-watch", daemon=True).start()


#: One article's result: ("ok", n_quotes, payload) or ("error", error record).
Outcome = tuple[Any, ...]


def _error_record(article: str | None, source: Source, message: str) -> dict[str, Any]:
    return {"article": article, "path": source.path, "line": source.line, "error": message}


def _process_one(source: Source) -> Outcome:
    extractor = _WORKER["extractor"]
    article_id: str | None = source_id(source)
    try:
        article = load_article(source)
        article_id = article.id
        found = extractor.extract_article(article)
    except QuotesError as exc:
        article_id = getattr(exc, "article_id", None) or article_id
        message = " ".join(str(exc).split())
        where = source_where(source)
        if not message.startswith(where):
            message = f"{where}: {message}"
        return ("error", _error_record(article_id, source, message))
    except Exception as exc:  # a bug must not stop the archive: report it, go on
        detail = " ".join(str(exc).split())[:200]
        message = (
            f"{source_where(source)}: internal error ({type(exc).__name__}: {detail}); "
            "please report it"
        )
        return ("error", _error_record(article_id, source, message))
    records = [q.to_record() for q in found]
    if _WORKER["format"] == "jsonl":
        payload: Any = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    else:
        payload = records
    return ("ok", len(records), payload)


def _process_chunk(chunk: list[Source]) -> list[Outcome]:
    """Extract the quotes of a chunk of sources (runs in a worker process)."""
    if "startup_error" in _WORKER:
        raise _WORKER["startup_error"]
    return [_process_one(s) for s in chunk]


# -- executors ---------------------------------------------------------------------


class _InlineExecutor:
    """Runs chunks in this process (``--workers 1``): no pickling, same code."""

    def __init__(self, initargs: tuple[str, str | None, bool, str]) -> None:
        backend, stanza_dir, include_beliefs, fmt = initargs
        _init_worker(backend, stanza_dir, include_beliefs, fmt, None)

    def submit(self, fn: Callable[[list[Source]], list[Outcome]], chunk: list[Source]) -> Future:
        fut: Future = Future()
        try:
            fut.set_result(fn(chunk))
        except BaseException as exc:
            if isinstance(exc, KeyboardInterrupt):
                raise
            fut.set_exception(exc)
        return fut

    def shutdown(self) -> None:
        _WORKER.clear()


class _PoolExecutor:
    def __init__(self, workers: int, initargs: tuple[Any, ...]) -> None:
        import multiprocessing

        # "spawn": children do not inherit threads or a loaded backend from the parent.
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(*initargs, os.getpid()),
        )

    def submit(self, fn: Callable[[list[Source]], list[Outcome]], chunk: list[Source]) -> Future:
        return self._pool.submit(fn, chunk)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def _make_executor(workers: int, initargs: tuple[str, str | None, bool, str]) -> Any:
    """The executor for ``workers``: this process for 1, a process pool otherwise."""
    return _InlineExecutor(initargs) if workers == 1 else _PoolExecutor(workers, initargs)


class _Workers:
    """The executor, rebuilt when a worker process dies."""

    def __init__(self, workers: int, initargs: tuple[str, str | None, bool, str]) -> None:
        self.workers = workers
        self.initargs = initargs
        self.executor = _make_executor(workers, initargs)
        self.deaths_in_a_row = 0

    def submit(self, chunk: list[Source]) -> Future:
        return self.executor.submit(_process_chunk, chunk)

    def restart(self) -> None:
        with contextlib.suppress(Exception):
            self.executor.shutdown()
        self.executor = _make_executor(self.workers, self.initargs)

    def isolate(self, chunk: list[Source]) -> list[Outcome]:
        """Run each article alone; one during which a worker dies becomes an error.

        Raises:
            BrokenProcessPool: Workers died on :data:`MAX_DEATHS_IN_A_ROW` articles in
                a row: the cause is not one article.
        """
        outcomes: list[Outcome] = []
        for source in chunk:
            try:
                outcomes.extend(self.submit([source]).result())
            except BrokenProcessPool:
                self.deaths_in_a_row += 1
                if self.deaths_in_a_row >= MAX_DEATHS_IN_A_ROW:
                    raise
                self.restart()
                message = f"{source_where(source)}: {WORKER_DIED_ON_ARTICLE}"
                outcomes.append(("error", _error_record(source_id(source), source, message)))
            else:
                self.deaths_in_a_row = 0
        return outcomes

    def shutdown(self) -> None:
        self.executor.shutdown()


# -- output folder -----------------------------------------------------------------


class _Shard:
    """A shard being written: records go to a hidden temporary file until commit."""

    def __init__(self, outdir: Path, index: int, fmt: str, articles: int) -> None:
        self.index = index
        self.path = outdir / shard_name(index, fmt)
        self.state_path = outdir / STATE_DIR / f"shard-{index:05d}.json"
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
        self.seen += 1
        if outcome[0] == "error":
            self.errors.append(outcome[1])
            return
        self.quotes += outcome[1]
        if self._fh is not None:
            self._fh.write(outcome[2])
        else:
            self._rows.extend(outcome[2])
            if len(self._rows) >= 50_000:
                self._flush_rows()

    def _flush_rows(self) -> None:
        from quotes.archive.frames import records_to_arrow

        if self._rows:
            self._parquet.write_table(records_to_arrow(self._rows, schema=self._schema))
        self._rows = []

    @property
    def full(self) -> bool:
        return self.seen == self.articles

    def commit(self) -> None:
        """Write the state file, then rename the shard to its final name."""
        if self._parquet is not None:
            self._flush_rows()
        state = {"articles": self.articles, "quotes": self.quotes, "errors": self.errors}
        with atomic_writer(self.state_path) as fh:
            json.dump(state, fh, ensure_ascii=False)
        self._stack.close()

    def abort(self) -> None:
        """Drop the temporary file; the final name is never touched."""
        with contextlib.suppress(BaseException):
            self._stack.__exit__(KeyboardInterrupt, KeyboardInterrupt(), None)


def _run_identity(
    specs: Sequence[InputSpec], backend: str, fmt: str, shard_size: int, include_beliefs: bool
) -> dict[str, Any]:
    return {
        "inputs": [os.path.abspath(s.path) for s in specs],
        "backend": backend,
        "format": fmt,
        "shard_size": shard_size,
        "include_beliefs": include_beliefs,
        "library_version": __version__,
    }


def _prepare_outdir(outdir: Path, identity: dict[str, Any], total: int) -> None:
    """Create OUTDIR or check that it holds the same run; remove stale temporary files."""
    state = outdir / STATE_DIR
    run_file = state / RUN_FILE
    if run_file.is_file():
        recorded = json.loads(run_file.read_text(encoding="utf-8"))
        then_total = recorded.pop("articles", None)
        differing = sorted(
            k for k in set(identity) | set(recorded) if identity.get(k) != recorded.get(k)
        )
        if differing:
            raise QuotesError(OTHER_RUN.format(outdir=outdir, what=", ".join(differing)))
        if then_total != total:
            raise QuotesError(INPUTS_CHANGED.format(then=then_total, now=total, outdir=outdir))
    else:
        if outdir.is_dir() and any(outdir.glob(f"{SHARD_PREFIX}*")):
            raise QuotesError(NOT_A_BATCH_DIR.format(outdir=outdir))
        state.mkdir(parents=True, exist_ok=True)
        with atomic_writer(run_file) as fh:
            json.dump({**identity, "articles": total}, fh, indent=2)
    _remove_temporaries(outdir)


def _remove_temporaries(outdir: Path) -> None:
    """Delete the hidden ``.*.tmp`` files of OUTDIR and its state folder.

    Called before a run (files left by a kill -9) and after an interrupted one: a
    Ctrl-C can land between the creation of a temporary file and the moment its
    owner is known (inside a shard's constructor, or half way through a commit),
    and the folder must hold complete shards only, whatever the timing.
    """
    for folder in (outdir, outdir / STATE_DIR):
        for stale in folder.glob(".*.tmp"):
            with contextlib.suppress(OSError):
                stale.unlink()


def _load_state(path: Path) -> dict[str, Any] | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


# -- progress ----------------------------------------------------------------------


class _Progress:
    """A tqdm bar on a terminal, else a line every few seconds, else nothing."""

    def __init__(self, mode: str, total: int, done: int, quotes: int, failures: int) -> None:
        self.total, self.done, self.quotes, self.failures = total, done, quotes, failures
        self._start_done = done
        self._start = self._last = time.monotonic()
        self._bar: Any = None
        if mode == "auto":
            mode = "bar" if sys.stderr.isatty() else "lines"
        if mode == "bar":
            try:
                from tqdm import tqdm
            except ImportError:
                mode = "lines"
            else:
                self._bar = tqdm(
                    total=total,
                    initial=done,
                    unit="art",
                    desc="quotes batch",
                    file=sys.stderr,
                    dynamic_ncols=True,
                    smoothing=0.1,
                )
                self._bar.set_postfix({"quotes": quotes, "failed": failures}, refresh=False)
        self.mode = mode

    def update(self, articles: int, quotes: int, failures: int) -> None:
        self.done += articles
        self.quotes += quotes
        self.failures += failures
        if self._bar is not None:
            self._bar.set_postfix({"quotes": self.quotes, "failed": self.failures}, refresh=False)
            self._bar.update(articles)
        elif self.mode == "lines" and time.monotonic() - self._last >= PROGRESS_EVERY:
            self._line()

    def _line(self) -> None:
        self._last = now = time.monotonic()
        rate = (self.done - self._start_done) / max(now - self._start, 1e-9)
        left = self.total - self.done
        eta = time.strftime("%H:%M:%S", time.gmtime(left / rate)) if rate > 0 else "?"
        print(
            f"quotes: batch: {self.done:,}/{self.total:,} articles, {self.quotes:,} quotes, "
            f"{self.failures:,} failed, {rate:,.1f} articles/s, ETA {eta}",
            file=sys.stderr,
            flush=True,
        )

    def close(self, finished: bool) -> None:
        if self._bar is not None:
            self._bar.close()
        elif self.mode == "lines" and finished:
            self._line()


# -- the runner --------------------------------------------------------------------


def _chunks(
    sources: Iterator[Source], total: int, shard_size: int, done: set[int]
) -> Iterator[tuple[int, list[Source]]]:
    """Yield ``(shard, chunk)`` for the shards not done; chunks never cross shards."""
    n_shards = -(-total // shard_size)
    for shard in range(n_shards):
        size = min(shard_size, total - shard * shard_size)
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


def run_batch(
    inputs: Sequence[str | os.PathLike[str]],
    outdir: str | os.PathLike[str],
    *,
    backend: str = "stanza",
    stanza_dir: str | None = None,
    workers: int | None = None,
    fmt: str = "jsonl",
    shard_size: int = DEFAULT_SHARD_SIZE,
    include_beliefs: bool = False,
    progress: str = "auto",
) -> BatchResult:
    """Extract the quotes of every article of ``inputs`` into shards in ``outdir``.

    Run it again with the same arguments after an interruption and it resumes:
    complete shards are skipped and the output ends identical to an
    uninterrupted run.

    Args:
        inputs: Folders of ``.txt`` files (recursively), ``.txt`` files, JSON Lines
            (``.jsonl``, ``.ndjson``, optionally ``.gz``) or Parquet files.
        outdir: The output folder (created if needed).
        backend: ``"stanza"`` or ``"fast"``.
        stanza_dir: Folder with Stanza's models.
        workers: Worker processes (default: the usable cores). ``1`` runs in this
            process.
        fmt: Shard format, ``"jsonl"`` or ``"parquet"``.
        shard_size: Articles per shard.
        include_beliefs: Also report beliefs and intentions, as ``extract`` does.
        progress: ``"auto"`` (a bar on a terminal, else a line every
            :data:`PROGRESS_EVERY` seconds), ``"bar"``, ``"lines"`` or ``"none"``.

    Returns:
        The counts of the whole run (resumed shards included).

    Raises:
        QuotesError: A usage problem (missing input, unreadable Parquet, OUTDIR
            holding another run); nothing was written then.
        KeyboardInterrupt: Interrupted; complete shards are kept, none is partial.
    """
    if fmt not in FORMATS:
        raise QuotesError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if shard_size < 1:
        raise QuotesError("--shard-size must be at least 1")
    if fmt == "parquet":
        try:
            import pyarrow.parquet  # noqa: F401
        except ImportError:
            raise DependencyError(PARQUET_NEEDS_PYARROW) from None
    workers = workers or _default_workers()
    out = Path(outdir)
    specs = plan_inputs(inputs)
    total = count_articles(specs)
    if total == 0:
        raise QuotesError(NO_ARTICLES.format(inputs=", ".join(str(p) for p in inputs)))
    identity = _run_identity(specs, backend, fmt, shard_size, include_beliefs)
    _prepare_outdir(out, identity, total)

    n_shards = -(-total // shard_size)
    done: set[int] = set()
    quotes = failures = 0
    for index in range(n_shards):
        state = _load_state(out / STATE_DIR / f"shard-{index:05d}.json")
        if state is not None and (out / shard_name(index, fmt)).is_file():
            done.add(index)
            quotes += state["quotes"]
            failures += len(state["errors"])
    done_articles = sum(min(shard_size, total - i * shard_size) for i in done)

    result = BatchResult(out, articles=total, shards=n_shards, resumed_shards=len(done))
    bar = _Progress(progress, total, done_articles, quotes, failures)
    pool = _Workers(workers, (backend, stanza_dir, include_beliefs, fmt))
    in_flight: deque[tuple[int, list[Source], Future]] = deque()
    open_shard: _Shard | None = None
    committed = len(done)
    finished = False

    def consume(shard: int, outcomes: list[Outcome]) -> None:
        nonlocal open_shard, committed
        if open_shard is None:
            open_shard = _Shard(out, shard, fmt, min(shard_size, total - shard * shard_size))
        n_quotes = n_failed = 0
        for outcome in outcomes:
            open_shard.add(outcome)
            if outcome[0] == "error":
                n_failed += 1
            else:
                n_quotes += outcome[1]
        bar.update(len(outcomes), n_quotes, n_failed)
        if open_shard.full:
            open_shard.commit()
            open_shard = None
            committed += 1

    try:
        chunks = _chunks(iter_sources(specs), total, shard_size, done)
        limit = workers * IN_FLIGHT_PER_WORKER
        exhausted = False
        while True:
            while not exhausted and len(in_flight) < limit:
                item = next(chunks, None)
                if item is None:
                    exhausted = True
                    break
                shard, chunk = item
                in_flight.append((shard, chunk, pool.submit(chunk)))
            if not in_flight:
                break
            shard, chunk, fut = in_flight.popleft()
            try:
                outcomes = fut.result()
            except BrokenProcessPool:
                # A worker died (a crash, the OOM killer): redo the chunks that were in
                # flight one article at a time, so that only the culprit is lost.
                pending = [(shard, chunk)] + [(s, c) for s, c, _ in in_flight]
                in_flight.clear()
                pool.restart()
                for shard, chunk in pending:
                    consume(shard, pool.isolate(chunk))
                continue
            consume(shard, outcomes)
        _finish(out, result, n_shards, fmt, identity, workers)
        finished = True
        return result
    except BrokenProcessPool:
        raise QuotesError(WORKER_DIED.format(done=committed, total=n_shards, outdir=out)) from None
    except KeyboardInterrupt:
        if open_shard is not None:
            open_shard.abort()
            open_shard = None
        raise BatchInterrupted(committed, n_shards) from None
    finally:
        if open_shard is not None:
            open_shard.abort()
        for _, _, fut in in_flight:
            fut.cancel()
        bar.close(finished)
        pool.shutdown()
        if not finished:
            _remove_temporaries(out)


def _finish(
    out: Path,
    result: BatchResult,
    n_shards: int,
    fmt: str,
    identity: dict[str, Any],
    workers: int,
) -> None:
    """Assemble ``errors.jsonl`` from the shard states and write ``manifest.json``."""
    quotes = failures = 0
    with atomic_writer(out / ERRORS_FILE) as fh:
        for index in range(n_shards):
            state = _load_state(out / STATE_DIR / f"shard-{index:05d}.json")
            if state is None:  # cannot happen unless someone deletes files mid-run
                raise QuotesError(f"{out}: the state of shard {index} is missing; run again")
            quotes += state["quotes"]
            for err in state["errors"]:
                fh.write(json.dumps(err, ensure_ascii=False) + "\n")
                failures += 1
    result.quotes, result.failures = quotes, failures
    manifest = {
        "library_version": __version__,
        "backend": identity["backend"],
        "counts": {"articles": result.articles, "quotes": quotes, "failures": failures},
        "shards": n_shards,
        "options": {
            "inputs": [str(p) for p in identity["inputs"]],
            "format": fmt,
            "shard_size": identity["shard_size"],
            "include_beliefs": identity["include_beliefs"],
            "workers": workers,
        },
        "files": {"quotes": f"{SHARD_PREFIX}*.{fmt}", "errors": ERRORS_FILE},
    }
    with atomic_writer(out / MANIFEST_FILE) as fh:
        json.dump(manifest, fh, indent=2, ensure_ascii=False)
        fh.write("\n")


# -- command line ------------------------------------------------------------------


def add_cli_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``batch`` subcommand to the ``quotes`` command line."""
    from quotes.cli.main import _add_backend_options

    p = subparsers.add_parser(
        "batch",
        help="extract the quotes of a whole archive into resumable shards, in parallel",
        description=(
            "Extract quotes from folders of .txt files (recursively), JSON Lines or "
            "Parquet archives into OUTDIR: quotes-NNNNN.jsonl shards, errors.jsonl and "
            "manifest.json. Run the same command again to resume after an interruption."
        ),
    )
    p.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="folder, .txt, .jsonl[.gz] or .parquet"
    )
    p.add_argument(
        "-o", "--output", dest="outdir", required=True, metavar="OUTDIR", help="output folder"
    )
    p.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help="worker processes (default: the cores)",
    )
    p.add_argument(
        "--format", choices=FORMATS, default="jsonl", help="shard format (default: jsonl)"
    )
    p.add_argument(
        "--shard-size",
        type=int,
        default=DEFAULT_SHARD_SIZE,
        metavar="K",
        help=f"articles per shard (default: {DEFAULT_SHARD_SIZE})",
    )
    _add_backend_options(p)
    p.add_argument(
        "--include-beliefs",
        action="store_true",
        help="also report beliefs and intentions (X believes/wants ...)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    p.set_defaults(func=run)
    return p


def _raise_keyboard_interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def run(args: argparse.Namespace) -> int:
    """Run ``quotes batch`` from parsed arguments; return the exit status.

    Returns:
        0 when every article was read, 1 when some inputs failed (see
        ``errors.jsonl``), 2 for usage errors, 130 when interrupted.
    """
    if args.workers is not None and args.workers < 1:
        raise QuotesError("--workers must be at least 1")
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    try:
        result = run_batch(
            args.inputs,
            args.outdir,
            backend=args.backend,
            stanza_dir=args.stanza_dir,
            workers=args.workers,
            fmt=args.format,
            shard_size=args.shard_size,
            include_beliefs=args.include_beliefs,
            progress="none" if args.quiet else "auto",
        )
    except BatchInterrupted as exc:
        message = INTERRUPTED.format(done=exc.committed, total=exc.shards, outdir=args.outdir)
        print(f"quotes: {message}", file=sys.stderr, flush=True)
        return EXIT_INTERRUPTED
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    if not args.quiet:
        resumed = f", {result.resumed_shards} shards resumed" if result.resumed_shards else ""
        print(
            f"quotes: batch: {result.articles:,} articles, {result.quotes:,} quotes, "
            f"{result.failures:,} failed{resumed}; output in {result.outdir}",
            file=sys.stderr,
            flush=True,
        )
    return EXIT_SOME_FAILED if result.failures else EXIT_OK
