"""The worker pool of [`quotes.archive.batch`][]: extraction in worker processes.

Each worker builds its [`Extractor`][quotes.pipeline.Extractor] once and turns chunks of
`quotes.archive.inputs.Source` into outcomes, one per article. With one
worker the same code runs in this process. `Workers` rebuilds the pool when
a worker process dies and finds the article that killed it.

Each article runs under a time budget (`article_budget`): a ``SIGALRM`` timer
that raises [`ArticleTimeoutError`][quotes.errors.ArticleTimeoutError] inside the
extraction, so one pathological article becomes a line of ``errors.jsonl`` and
the worker goes on with the next one.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from quotes.archive.inputs import Source, load_article, source_id, source_where
from quotes.errors import ArticleTimeoutError, QuotesError
from quotes.models import escape_surrogates, find_surrogate

__all__ = ["MAX_DEATHS_IN_A_ROW", "Outcome", "WorkerOptions", "Workers", "article_budget"]

#: Articles in a row on which a worker may die before the run gives up.
MAX_DEATHS_IN_A_ROW = 3

WORKER_DIED_ON_ARTICLE = "the worker process died on this article (a crash or out of memory)"
ARTICLE_TIMED_OUT = (
    "took longer than the per-article budget of {seconds:g} s (--article-timeout): "
    "extraction stopped, the run went on"
)
UNWRITABLE = (
    "internal error: a quote holds a lone surrogate and cannot be written as UTF-8; "
    "please report it"
)

#: One article's result: ("ok", n_quotes, payload) or ("error", error record).
Outcome = tuple[Any, ...]

@dataclass(frozen=True)
class WorkerOptions:
    """What each worker needs to build its extractor and name its articles.

    Attributes:
        backend: ``"fast"`` or ``"stanza"``.
        stanza_dir: Folder with Stanza's models (None: the default place).
        include_beliefs: As for [`Extractor`][quotes.pipeline.Extractor].
        fmt: The shard format, ``"jsonl"`` or ``"parquet"``.
        tagger: Add the learned span tagger's quotes.
        accurate: Add accurate mode's quotes (one model per worker).
        outlet: When given, the outlet of every article (``--outlet``).
        timeout: Each article's time budget in seconds (None: no budget).
        stances: The stances reported (None: the extractor's default).
    """

    backend: str = "fast"
    stanza_dir: str | None = None
    include_beliefs: bool = False
    fmt: str = "jsonl"
    tagger: bool = False
    accurate: bool = False
    outlet: str | None = None
    timeout: float | None = None
    stances: tuple[str, ...] | None = None


_WORKER: dict[str, Any] = {}


def _init_worker(options: WorkerOptions, parent: int | None) -> None:
    """Build this process's extractor, once; in a pool child also detach from Ctrl-C.

    ``parent`` is the pid of the batch process in a pool child, None in this process.
    """
    if parent is not None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
        _watch_parent(parent)
    from quotes.pipeline import Extractor

    _WORKER.clear()
    _WORKER["format"] = options.fmt
    _WORKER["outlet"] = options.outlet
    _WORKER["timeout"] = options.timeout
    try:
        _WORKER["extractor"] = Extractor(
            backend=options.backend,
            stanza_dir=options.stanza_dir,
            include_beliefs=options.include_beliefs,
            tagger=options.tagger,
            accurate=options.accurate,
            stances=options.stances,
        )
        # The rules load on the first extraction: do it here, outside any article's budget.
        _WORKER["extractor"].extract('"We are ready," Peskov said.')
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
    """One line of ``errors.jsonl``; a lone surrogate anywhere is written as its escape."""
    return {
        "article": escape_surrogates(article) if article is not None else None,
        "path": escape_surrogates(source.path),
        "line": source.line,
        "error": escape_surrogates(message),
    }


#: The state of the article budget of this process: its length and whether it is armed.
_BUDGET: dict[str, Any] = {"seconds": 0.0, "armed": False}


def _raise_timeout(signum: int, frame: Any) -> None:
    if _BUDGET["armed"]:
        raise ArticleTimeoutError(ARTICLE_TIMED_OUT.format(seconds=_BUDGET["seconds"]))


def _disarm() -> None:
    """Stop the budget's timer, if armed (a caller's own timer is left alone)."""
    if _BUDGET["armed"]:
        _BUDGET["armed"] = False
        signal.setitimer(signal.ITIMER_REAL, 0)


@contextlib.contextmanager
def article_budget(seconds: float | None) -> Iterator[None]:
    """Raise an [`ArticleTimeoutError`][quotes.errors.ArticleTimeoutError] once ``seconds`` pass.

    A ``SIGALRM`` interval timer, armed for the block and restored after it; it
    fires again every ``seconds`` until the block ends, so a timeout that some code
    caught and ignored comes back. It interrupts Python code and ``time.sleep``,
    but one long call into C code (a model's forward pass) is only interrupted
    when it returns. Without a budget (None or 0), off the main thread or where
    ``setitimer`` does not exist (Windows), the block runs unbounded.

    Examples:
        >>> import time
        >>> try:
        ...     with article_budget(0.05):
        ...         time.sleep(5)
        ... except ArticleTimeoutError as timeout:
        ...     print(timeout)
        took longer than the per-article budget of 0.05 s (--article-timeout): extraction ...
    """
    if (
        not seconds
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise_timeout)
    _BUDGET["seconds"], _BUDGET["armed"] = seconds, True
    signal.setitimer(signal.ITIMER_REAL, seconds, seconds)
    try:
        yield
    finally:
        _disarm()
        signal.signal(signal.SIGALRM, previous)


def _failure(exc: BaseException, source: Source, article_id: str | None) -> Outcome:
    """The error outcome of an article that raised ``exc``."""
    where = source_where(source)
    if isinstance(exc, QuotesError):
        article_id = getattr(exc, "article_id", None) or article_id
        message = " ".join(str(exc).split())
        if not message.startswith(where):
            message = f"{where}: {message}"
    else:  # a bug must not stop the archive: report it, go on
        detail = " ".join(str(exc).split())[:200]
        message = f"{where}: internal error ({type(exc).__name__}: {detail}); please report it"
    return ("error", _error_record(article_id, source, message))


def _process_one(source: Source) -> Outcome:
    """Extract the quotes of one article; a failure (or a timeout) becomes an error outcome."""
    extractor = _WORKER["extractor"]
    article_id: str | None = source_id(source)
    try:
        with article_budget(_WORKER.get("timeout")):
            article = load_article(source)
            if _WORKER.get("outlet") is not None:
                article = article.model_copy(update={"outlet": _WORKER["outlet"]})
            article_id = article.id
            found = extractor.extract_article(article)
            records = [q.to_record() for q in found]
            lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    except Exception as exc:
        _disarm()  # in case the timer fired while the budget's own cleanup ran
        return _failure(exc, source, article_id)
    if find_surrogate(lines) is not None:  # never hand the shard a line it cannot write
        return ("error", _error_record(article_id, source, f"{source_where(source)}: {UNWRITABLE}"))
    return ("ok", len(records), lines if _WORKER["format"] == "jsonl" else records)


def _process_chunk(chunk: list[Source]) -> list[Outcome]:
    """Extract the quotes of a chunk of sources (runs in a worker process)."""
    if "startup_error" in _WORKER:
        raise _WORKER["startup_error"]
    return [_process_one(s) for s in chunk]


# -- executors ---------------------------------------------------------------------


class _InlineExecutor:
    """Runs chunks in this process (``--workers 1``): no pickling, same code."""

    def __init__(self, options: WorkerOptions) -> None:
        _init_worker(options, None)

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

    def __init__(self, workers: int, options: WorkerOptions) -> None:
        import multiprocessing

        if os.name == "posix":
            _start_resource_tracker()

        # "spawn": children do not inherit threads or a loaded backend from the parent.
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(options, os.getpid()),
        )

    def submit(self, fn: Callable[[list[Source]], list[Outcome]], chunk: list[Source]) -> Future:
        return self._pool.submit(fn, chunk)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def _make_executor(workers: int, options: WorkerOptions) -> Any:
    """The executor for ``workers``: this process for 1, a process pool otherwise."""
    return _InlineExecutor(options) if workers == 1 else _PoolExecutor(workers, options)


class Workers:
    """The executor, rebuilt when a worker process dies."""

    def __init__(self, workers: int, options: WorkerOptions) -> None:
        self.workers = workers
        self.options = options
        self.executor = _make_executor(workers, options)
        self.deaths_in_a_row = 0

    def submit(self, chunk: list[Source]) -> Future:
        """Start extracting a chunk; the future gives one outcome per source."""
        return self.executor.submit(_process_chunk, chunk)

    def restart(self) -> None:
        """Replace a broken executor with a fresh one."""
        with contextlib.suppress(Exception):
            self.executor.shutdown()
        self.executor = _make_executor(self.workers, self.options)

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
