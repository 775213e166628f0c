"""``quotes batch``: the command line of [`quotes.archive.batch.run_batch`][]."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from typing import Any

from quotes.archive.batch import (
    DEFAULT_ARTICLE_TIMEOUT,
    DEFAULT_SHARD_SIZE,
    FORMATS,
    BatchInterrupted,
    run_batch,
)
from quotes.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_SOME_FAILED,
    add_backend_options,
    add_selection_options,
    bounded_float,
    positive_int,
    print_error,
)
from quotes.cli.extract import add_article_options

__all__ = ["add_cli_parser", "run"]

INTERRUPTED = (
    "interrupted: {done:,} of {total:,} shards are complete in {outdir}; "
    "run the same command again to resume"
)


def add_cli_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``batch`` subcommand to the ``quotes`` command line."""
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
        type=positive_int,
        default=None,
        metavar="N",
        help="worker processes (default: the cores)",
    )
    p.add_argument(
        "--format",
        choices=FORMATS,
        default="jsonl",
        help="shard format: jsonl (default; the records of 'quotes extract') or parquet "
        '(the columns of to_arrow(); pip install "quotes[pandas]")',
    )
    p.add_argument(
        "--shard-size",
        type=positive_int,
        default=DEFAULT_SHARD_SIZE,
        metavar="K",
        help=f"articles per shard (default: {DEFAULT_SHARD_SIZE})",
    )
    p.add_argument(
        "--article-timeout",
        type=bounded_float(0, 86400),
        default=DEFAULT_ARTICLE_TIMEOUT,
        metavar="SECONDS",
        help="time budget of one article: one that runs longer is stopped and recorded in "
        f"errors.jsonl, the run goes on (default: {DEFAULT_ARTICLE_TIMEOUT:g}; 0: no budget)",
    )
    add_backend_options(p)
    add_article_options(p)
    add_selection_options(p)
    p.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    p.set_defaults(func=run)
    return p


def _raise_keyboard_interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def run(args: argparse.Namespace) -> int:
    """Run ``quotes batch`` from parsed arguments; return the exit status.

    Returns:
        0 when every article was read, 1 when some inputs failed (see
        ``errors.jsonl``), 130 when interrupted. A data error that stops the run
        (a missing input, OUTDIR holding another run) raises a QuotesError, which
        ``main`` prints as one line with status 1; an OUTDIR that cannot be
        written (a file, read-only, a full disk) raises an OutputError: status 3.
    """
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
            stances=args.stances,
            tagger=args.tagger,
            accurate=args.accurate,
            outlet=args.outlet,
            metadata=args.metadata,
            progress="none" if args.quiet else "auto",
            article_timeout=args.article_timeout or None,
        )
    except BatchInterrupted as exc:
        print_error(INTERRUPTED.format(done=exc.committed, total=exc.shards, outdir=args.outdir))
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
