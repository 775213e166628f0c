"""``quotes dedupe``: cluster the quotes written by ``quotes extract`` or ``quotes batch``.

::

    quotes dedupe QUOTES.jsonl [-o CLUSTERS.jsonl] [--format jsonl|json|table|csv]
    quotes extract ... | quotes dedupe -
    quotes dedupe BATCH_OUTPUT_DIR          # reads quotes-*.jsonl / quotes-*.parquet shards
    quotes dedupe QUOTES.parquet            # a Parquet file of quote records

Bad input prints one line on stderr (``quotes: ...``) and exits with status 1;
argparse's usage errors exit with status 2.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from quotes.archive.io import atomic_writer
from quotes.cli.common import (
    EXIT_DATA_ERROR,
    EXIT_OK,
    bounded_float,
    positive_int,
    prepare_output,
    print_error,
    writing_stdout,
)
from quotes.dedupe.cluster import (
    DEFAULT_MAX_DAYS,
    DEFAULT_MIN_PARTIAL_WORDS,
    DEFAULT_PARTIAL_THRESHOLD,
    DEFAULT_RATIO_THRESHOLD,
    DEFAULT_SEMANTIC_THRESHOLD,
    DEFAULT_STATEMENT_THRESHOLD,
    MODES,
    QuoteCluster,
    dedupe,
)
from quotes.dedupe.records import quote_from_record
from quotes.errors import (
    CorpusFormatError,
    DependencyError,
    MissingInputError,
    OutputError,
    QuotesError,
)
from quotes.models import Quote

__all__ = ["add_cli_parser", "days_or_none", "read_quotes", "run", "write_clusters"]

ERR_NO_SHARDS = "{path}: no quotes-*.jsonl or quotes-*.parquet shards in this folder"
ERR_PARQUET = "{path}: cannot read the Parquet file ({reason})"
ERR_NO_PYARROW = (
    '{path}: reading Parquet needs pyarrow, which is not installed: pip install "quotes[pandas]"'
)
#: File suffixes read as Parquet (anything else is read as JSON Lines).
PARQUET_SUFFIXES = (".parquet", ".pq")
ERR_BAD_JSON = "{where}: not a JSON object: {reason}"
ERR_NOT_UTF8 = "{where}: the file is not UTF-8 text"


# The options of ``dedupe()`` the command line sets (argparse dests of the same name).
_OPTIONS = (
    "mode",
    "ignore_speakers",
    "ratio_threshold",
    "partial_threshold",
    "min_partial_words",
    "statement_threshold",
    "semantic_threshold",
    "block_keys",
    "max_block",
    "max_days",
)

#: Output formats of ``quotes dedupe``.
FORMATS = ("jsonl", "json", "table", "csv")
#: Columns of ``--format csv``: one row per cluster.
CSV_COLUMNS = (
    "id", "size", "speaker", "kind", "text", "first_seen", "last_seen", "outlets", "articles"
)


def add_cli_parser(subparsers: Any) -> None:
    """Register the ``dedupe`` subcommand on an argparse subparsers object."""
    p = subparsers.add_parser(
        "dedupe",
        help="cluster quotes across articles: one record per statement",
        description=(
            "Group the quotes written by 'quotes extract' (or a 'quotes batch' output "
            "folder) into one cluster per statement, with every occurrence."
        ),
    )
    p.add_argument(
        "input",
        help="JSONL or Parquet file of quote records, '-' for stdin, or a 'quotes batch' "
        "output folder",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write here (atomically; its folder is created) instead of stdout",
    )
    p.add_argument(
        "--format",
        choices=FORMATS,
        default="jsonl",
        help="jsonl (default): one cluster per line with its members; json: one array; "
        "table: a text table; csv: one row per cluster (id, size, speaker, kind, text, "
        "first_seen, last_seen, outlets, articles)",
    )
    p.add_argument(
        "--mode",
        choices=MODES,
        default="statement",
        help="verbatim: near-verbatim variants only (fastest); statement (default): "
        "also same-speaker paraphrases; semantic: adds sentence embeddings "
        '(pip install "quotes[semantic]")',
    )
    p.add_argument(
        "--ignore-speakers", action="store_true", help="cluster on the words alone, across speakers"
    )
    _add_thresholds(p)
    p.add_argument(
        "--block-keys",
        type=positive_int,
        default=3,
        metavar="N",
        help="rare word keys each distinct text is looked up by (default: 3; more finds "
        "more candidate pairs, slower)",
    )
    p.add_argument(
        "--max-block",
        type=positive_int,
        default=64,
        metavar="N",
        help="a key shared by more distinct texts than this is not looked up (default: 64)",
    )
    p.add_argument(
        "--max-days",
        type=days_or_none,
        default=DEFAULT_MAX_DAYS,
        metavar="N",
        help="quotes published more than N days apart are different statements "
        f"(default: {DEFAULT_MAX_DAYS}; 'none' for no limit)",
    )
    p.set_defaults(func=run)


def days_or_none(value: str) -> int | None:
    """``--max-days``: a number of days (0 or more), or ``none``."""
    if value.strip().lower() == "none":
        return None
    try:
        days = int(value)
    except ValueError:
        days = -1
    if days < 0:
        raise argparse.ArgumentTypeError(f"expected a number of days >= 0 or 'none', got {value!r}")
    return days


def _add_thresholds(p: argparse.ArgumentParser) -> None:
    """The similarity thresholds of ``dedupe()``, with their defaults in the help."""
    p.add_argument(
        "--ratio-threshold",
        type=bounded_float(0, 100),
        default=DEFAULT_RATIO_THRESHOLD,
        metavar="X",
        help="minimum similarity (0-100) of two near-verbatim variants "
        f"(default: {DEFAULT_RATIO_THRESHOLD:g})",
    )
    p.add_argument(
        "--partial-threshold",
        type=bounded_float(0, 100),
        default=DEFAULT_PARTIAL_THRESHOLD,
        metavar="X",
        help="minimum similarity (0-100) of a truncated quote inside a longer one "
        f"(default: {DEFAULT_PARTIAL_THRESHOLD:g})",
    )
    p.add_argument(
        "--min-partial-words",
        type=int,
        default=DEFAULT_MIN_PARTIAL_WORDS,
        metavar="N",
        help="words a truncated quote needs for containment to count "
        f"(default: {DEFAULT_MIN_PARTIAL_WORDS})",
    )
    p.add_argument(
        "--statement-threshold",
        type=bounded_float(0, 1),
        default=DEFAULT_STATEMENT_THRESHOLD,
        metavar="X",
        help="minimum word similarity (0-1) of two paraphrases of one statement "
        f"(default: {DEFAULT_STATEMENT_THRESHOLD:g})",
    )
    p.add_argument(
        "--semantic-threshold",
        type=bounded_float(0, 1),
        default=DEFAULT_SEMANTIC_THRESHOLD,
        metavar="X",
        help="minimum probability (0-1) of the pair verifier in --mode semantic "
        f"(default: {DEFAULT_SEMANTIC_THRESHOLD:g})",
    )


def _records(stream: IO[str], name: str) -> Iterator[tuple[str, dict[str, Any]]]:
    lineno = 0
    try:
        for lineno, line in enumerate(stream, start=1):  # noqa: B007
            if not line.strip():
                continue
            where = f"{name}:{lineno}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CorpusFormatError(ERR_BAD_JSON.format(where=where, reason=exc)) from None
            if not isinstance(record, dict):
                raise CorpusFormatError(
                    ERR_BAD_JSON.format(where=where, reason=type(record).__name__)
                )
            yield where, record
    except UnicodeDecodeError:
        raise CorpusFormatError(ERR_NOT_UTF8.format(where=f"{name}:{lineno + 1}")) from None


def read_quotes(source: str, stdin: IO[str] | None = None) -> list[Quote]:
    """Read quote records from a JSONL or Parquet file, ``-`` (stdin) or a batch folder.

    Args:
        source: A path (``.parquet`` files are read as Parquet, anything else as
            JSON Lines), ``-``, or a ``quotes batch`` output folder holding
            ``quotes-*.jsonl`` or ``quotes-*.parquet`` shards (read in sorted order).
        stdin: The stream ``-`` stands for (default ``sys.stdin``).

    Raises:
        MissingInputError: The path does not exist.
        CorpusFormatError: A line or row is not a quote record, a file is not JSON
            Lines or Parquet, or a folder has no shards; the message names the file
            and the line or row.
        DependencyError: A Parquet input without pyarrow installed.
    """
    if source == "-":
        return list(_parse(_records(stdin or sys.stdin, "<stdin>")))
    path = Path(source)
    if not path.exists():
        raise MissingInputError(f"{source}: no such file or folder")
    if path.is_dir():
        patterns = ("quotes-*.jsonl", *(f"quotes-*{suffix}" for suffix in PARQUET_SUFFIXES))
        files = sorted(p for pattern in patterns for p in path.glob(pattern))
        if not files:
            raise CorpusFormatError(ERR_NO_SHARDS.format(path=source))
    else:
        files = [path]
    quotes: list[Quote] = []
    for file in files:
        name = source if file is path else str(file)
        if file.suffix.lower() in PARQUET_SUFFIXES:
            quotes.extend(_parse(_parquet_records(file, name)))
        else:
            with file.open(encoding="utf-8") as handle:
                quotes.extend(_parse(_records(handle, name)))
    return quotes


def _parquet_records(path: Path, name: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield ``(where, record)`` for each row of a Parquet file of quote records."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise DependencyError(ERR_NO_PYARROW.format(path=name)) from None
    row = 0
    try:
        for batch in pq.ParquetFile(path).iter_batches():
            for record in batch.to_pylist():
                row += 1
                yield f"{name}:row {row}", record
    except (OSError, ValueError) as exc:  # pyarrow's errors derive from these
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise CorpusFormatError(ERR_PARQUET.format(path=name, reason=reason)) from None


def _parse(records: Iterator[tuple[str, dict[str, Any]]]) -> Iterator[Quote]:
    for where, record in records:
        yield quote_from_record(record, where=where)


def _table(clusters: list[QuoteCluster]) -> str:
    lines = [f"{'n':>4}  {'speaker':<24}  {'first_seen':<10}  {'outlets':<24}  text"]
    for c in clusters:
        text = c.text if len(c.text) <= 90 else c.text[:87] + "..."
        outlets = ", ".join(c.outlets)
        outlets = outlets if len(outlets) <= 24 else outlets[:21] + "..."
        lines.append(
            f"{c.size:>4}  {(c.speaker or '-')[:24]:<24}  "
            f"{c.first_seen.isoformat() if c.first_seen else '-':<10}  {outlets:<24}  {text}"
        )
    return "\n".join(lines) + "\n"


def _csv(clusters: list[QuoteCluster], out: IO[str]) -> None:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for c in clusters:
        seen = [d.isoformat() if d else "" for d in (c.first_seen, c.last_seen)]
        text = (c.id, c.size, c.speaker or "", c.kind.value, c.text)
        writer.writerow([*text, *seen, "; ".join(c.outlets), "; ".join(c.articles)])


def write_clusters(clusters: list[QuoteCluster], out: IO[str], fmt: str = "jsonl") -> None:
    """Write clusters as JSON Lines, one JSON array, a text table or CSV (see `CSV_COLUMNS`)."""
    if fmt == "jsonl":
        for c in clusters:
            out.write(c.model_dump_json() + "\n")
    elif fmt == "json":
        json.dump([c.model_dump(mode="json") for c in clusters], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "table":
        out.write(_table(clusters))
    elif fmt == "csv":
        _csv(clusters, out)
    else:
        raise ValueError(f"unknown format {fmt!r}")


def run(args: argparse.Namespace) -> int:
    """Run ``quotes dedupe`` with parsed arguments; return the exit status.

    Returns:
        0 on success, 1 for bad input (one line on stderr); no output file is
        written then.
    """
    try:
        if args.output:  # before the work: an unwritable destination fails at once
            prepare_output(args.output)
        quotes = read_quotes(args.input)
        clusters = dedupe(quotes, **{name: getattr(args, name) for name in _OPTIONS})
        if args.output:
            with atomic_writer(args.output) as handle:
                write_clusters(clusters, handle, args.format)
        else:
            with writing_stdout():
                write_clusters(clusters, sys.stdout, args.format)
    except (BrokenPipeError, OutputError):
        raise  # `| head` stops quietly; an unwritable output has its own exit status (main)
    except QuotesError as exc:
        print_error(str(exc))
        return EXIT_DATA_ERROR
    return EXIT_OK
