"""The worker pool of [`quotes.archive.batch`][]: extraction in worker processes.

Each worker builds its [`Extractor`][quotes.pipeline.Extractor] once and turns chunks of
`quotes.archive.inputs.Source` into outcomes, one per article. With one
worker the same code runs in this process. `Workers` rebuilds the pool when
a worker process dies and finds the article that killed it.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from quotes.archive.inputs import Source, load_article, source_id, source_where
from quotes.errors import QuotesError

__all__ = ["MAX_DEATHS_IN_A_ROW", "Outcome", "WorkerOptions", "Workers"]

#: Articles in a row on which a worker may die before the run gives up.
MAX_DEATHS_IN_A_ROW = 3

WORKER_DIED_ON_ARTICLE = "the worker process died on this article (a crash or out of memory)"

#: One article's result: ("ok", n_quotes, payload) or ("error", error record).
Outcome = tuple[Any, ...]

#: What each worker needs to build its extractor and name its articles:
#: (backend, stanza_dir, include_beliefs, format, tagger, accurate, outlet).
WorkerOptions = tuple[str, str | None, bool, str, bool, bool, str | None]

_WORKER: dict[str, Any] = {}


def _init_worker(
    backend: str,
    stanza_dir: str | None,
    include_beliefs: bool,
    fmt: str,
    tagger: bool,
    accurate: bool,
    outlet: str | None,
    parent: int | None,
) -> None:
    """Build this process's extractor, once; in a pool child also detach from Ctrl-C.

    ``outlet``, when given, replaces the outlet of every article (``--outlet``).
    """
    if parent is not None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
        _watch_parent(parent)
    from quotes.pipeline import Extractor

    _WORKER.clear()
    _WORKER["format"] = fmt
    _WORKER["outlet"] = outlet
    try:
        _WORKER["extractor"] = Extractor(
            backend=backend,
            stanza_dir=stanza_dir,
            include_beliefs=include_beliefs,
            tagger=tagger,
            accurate=accurate,
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


def _error_record(article: str | None, source: Source, message: str) -> dict[str, Any]:
    """One line of ``errors.jsonl``."""
    return {"article": article, "path": source.path, "line": source.line, "error": message}


def _process_one(source: Source) -> Outcome:
    """Extract the quotes of one article; a failure becomes an error outcome."""
    extractor = _WORKER["extractor"]
    article_id: str | None = source_id(source)
    try:
        article = load_article(source)
        if _WORKER.get("outlet") is not None:
            article = article.model_copy(update={"outlet": _WORKER["outlet"]})
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

    def __init__(self, initargs: WorkerOptions) -> None:
        _init_worker(*initargs, None)

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


#: Warnings filter for multiprocessing's resource tracker (see `_start_resource_tracker`).
_TRACKER_WARNINGS = "ignore::UserWarning:multiprocessing.resource_tracker"


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker so that it does not warn of leaks it cleans up.

    The "spawn" pool's queues hold named semaphores, registered with a tracker
    process that unlinks them if their owner dies. After ``kill -9`` of the batch
    process it does just that, and says so on the terminal ("There appear to be 5
    leaked semaphore objects to clean up at shutdown"), which reads like a bug of
    ``quotes``. The tracker is started here, before the pool would start it, with
    its own ``UserWarning``s filtered: it still cleans up, silently. A tracker
    already running (started by the caller's own code) is left as it is.
    """
    from multiprocessing import resource_tracker

    previous = os.environ.get("PYTHONWARNINGS")
    os.environ["PYTHONWARNINGS"] = ",".join(filter(None, (previous, _TRACKER_WARNINGS)))
    try:
        resource_tracker.ensure_running()
    finally:
        if previous is None:
            del os.environ["PYTHONWARNINGS"]
        else:
            os.environ["PYTHONWARNINGS"] = previous


class _PoolExecutor:
    """Runs chunks in a pool of spawned worker processes."""

    def __init__(self, workers: int, initargs: WorkerOptions) -> None:
        import multiprocessing

        if os.name == "posix":
            _start_resource_tracker()

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


def _make_executor(workers: int, initargs: WorkerOptions) -> Any:
    """The executor for ``workers``: this process for 1, a process pool otherwise."""
    return _InlineExecutor(initargs) if workers == 1 else _PoolExecutor(workers, initargs)


class Workers:
    """The executor, rebuilt when a worker process dies."""

    def __init__(self, workers: int, initargs: WorkerOptions) -> None:
        self.workers = workers
        self.initargs = initargs
        self.executor = _make_executor(workers, initargs)
        self.deaths_in_a_row = 0

    def submit(self, chunk: list[Source]) -> Future:
        """Start extracting a chunk; the future gives one outcome per source."""
        return self.executor.submit(_process_chunk, chunk)

    def restart(self) -> None:
        """Replace a broken executor with a fresh one."""
        with contextlib.suppress(Exception):
            self.executor.shutdown()
        self.executor = _make_executor(self.workers, self.initargs)

    def isolate(self, chunk: list[Source]) -> list[Outcome]:
        """Run each article alone; one during which a worker dies becomes an error.

        Raises:
            BrokenProcessPool: Workers died on `MAX_DEATHS_IN_A_ROW` articles in
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
        """Stop the workers (cancelling what has not started)."""
        self.executor.shutdown()
