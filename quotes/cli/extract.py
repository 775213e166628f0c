"""``quotes extract``: the quotes of ``.txt`` files, folders of them or stdin.

The output is JSON Lines (streamed, one record per quote), a JSON array, CSV (the
columns of ``to_dataframe(flatten=True)``) or a table, on stdout or (atomically) in
a file. Over more than one file a progress bar is shown when stderr is a terminal
and tqdm is installed (``quotes[batch]``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from quotes.cli.common import (
    ACCURATE_HELP,
    EXIT_OK,
    EXIT_SOME_FAILED,
    add_backend_options,
    add_selection_options,
    positive_int,
    prepare_output,
    print_error,
    writing_stdout,
)
from quotes.errors import QuotesError
from quotes.models import Article, Quote
from quotes.pipeline import DEFAULT_MAX_CHARS

if TYPE_CHECKING:
    from quotes.pipeline import Extractor

__all__ = ["STDIN_ID", "add_cli_parser", "run", "write_quotes"]

#: Article id of the text read from standard input (``quotes extract -``).
STDIN_ID = "stdin"

#: Output formats of ``quotes extract``.
FORMATS = ("jsonl", "json", "csv", "table")

#: How to load one article, with where it comes from (for error messages).
_Loader = tuple[str, Callable[[], Article]]


def add_cli_parser(subparsers: Any) -> None:
    """Register the ``extract`` subcommand.

    Args:
        subparsers: The object returned by ``ArgumentParser.add_subparsers()``.
    """
    ex = subparsers.add_parser("extract", help="extract quotes from .txt files or folders of them")
    ex.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a .txt file, a folder of them, or - for one article on standard input",
    )
    add_backend_options(ex)
    add_article_options(ex)
    ex.add_argument(
        "--published",
        metavar="DATE",
        type=_date,
        help="publication date of every article, YYYY-MM-DD",
    )
    ex.add_argument(
        "--format",
        choices=FORMATS,
        default="jsonl",
        help="jsonl (default): one JSON record per quote, streamed; json: one array; "
        "csv: the columns of to_dataframe(flatten=True); table: for reading",
    )
    ex.add_argument(
        "--max-chars",
        type=positive_int,
        default=DEFAULT_MAX_CHARS,
        metavar="N",
        help=f"longest article accepted, in characters (default: {DEFAULT_MAX_CHARS:,}); "
        "a longer one fails with a message",
    )
    ex.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write here (atomically; its folder is created), not stdout",
    )
    add_selection_options(ex)
    ex.set_defaults(func=run)


def add_article_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--outlet``, ``--metadata``, ``--tagger``, ``--accurate`` (``extract``, ``batch``)."""
    parser.add_argument("--outlet", help="outlet of every article (overrides metadata)")
    parser.add_argument(
        "--metadata",
        metavar="FILE",
        help="metadata JSON Lines (id, outlet, published, title, url per article; the id is "
        "the file name) for the .txt files, instead of a metadata.jsonl next to them",
    )
    parser.add_argument(
        "--tagger",
        action="store_true",
        help="also run the learned span tagger (adds reported speech the rules miss)",
    )
    parser.add_argument("--accurate", action="store_true", help=ACCURATE_HELP)


def _date(value: str) -> str:
    """An argparse ``type=`` for ``--published``: a YYYY-MM-DD date (else status 2)."""
    import datetime

    try:
        datetime.date.fromisoformat(value[:10])
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None
    return value


def _speaker_cell(sp: dict[str, Any]) -> str:
    """The table's speaker: the name, ``he (unresolved)`` for a pronoun with no name, or ``-``."""
    if not sp:
        return "-"
    return sp.get("name") or f"{sp.get('mention')} (unresolved)"


def _format_table(rows: list[dict[str, Any]]) -> str:
    headers = ("article", "kind", "speaker", "type", "cue", "stance", "via", "text")
    table = [headers]
    for r in rows:
        sp = r["speaker"] or {}
        text = r["text"].replace("\n", " ")
        table.append(
            (
                str(r["article"] or ""),
                r["kind"],
                _speaker_cell(sp),
                sp.get("type") or "-",
                (r["cue"] or {}).get("text") or "-",
                r.get("stance") or "asserts",
                r["via"] or "-",
                text if len(text) <= 70 else text[:67] + "...",
            )
        )
    widths = [max(len(row[i]) for row in table) for i in range(len(headers) - 1)]
    lines = []
    for row in table:
        cells = [row[i].ljust(widths[i]) for i in range(len(widths))] + [row[-1]]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


def write_quotes(quotes: Iterable[Quote], fh: IO[str], fmt: str = "jsonl") -> int:
    """Write quotes as ``jsonl``, ``json`` (an array of records), ``csv`` or ``table``.

    CSV has the columns of ``to_dataframe(flatten=True)``
    ([flat_column_names][quotes.archive.frames.flat_column_names]).

    Returns:
        The number of quotes written.
    """
    if fmt == "csv":
        from quotes.archive.frames import write_csv

        return write_csv(quotes, fh)
    records = [q.to_record() for q in quotes]
    if fmt == "jsonl":
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "json":
        json.dump(records, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    else:
        fh.write(_format_table(records))
    return len(records)


def _metadata_for(path: Path, explicit: dict[str, dict[str, Any]] | None) -> dict:
    from quotes.archive.io import metadata_for

    return explicit if explicit is not None else metadata_for(path)


def _stdin_article(args: argparse.Namespace) -> Article:
    """The article piped on standard input: its id is `STDIN_ID`."""
    from quotes.archive.io import decode_text, make_article

    text = decode_text(sys.stdin.buffer.read(), name="<stdin>")
    fields = {k: v for k, v in (("outlet", args.outlet), ("published", args.published)) if v}
    return make_article(text, STDIN_ID, fields, where="<stdin>")


def _loaders(
    given: str, args: argparse.Namespace, explicit: dict[str, dict[str, Any]] | None
) -> list[_Loader] | None:
    """The articles of one PATH argument, or None after printing why it has none."""
    from quotes.archive.io import expand_paths, read_article

    if given == "-":
        return [("<stdin>", partial(_stdin_article, args))]
    given_path = Path(given)
    if given_path.is_dir() and not any(given_path.glob("*.txt")):
        print_error(f"{given_path}: folder has no .txt files")
        return None
    try:
        meta = _metadata_for(given_path, explicit)
    except QuotesError as exc:
        print_error(str(exc))
        return None
    return [
        (
            str(path),
            partial(
                read_article,
                path,
                metadata=meta,
                outlet=args.outlet,
                published=args.published,
            ),
        )
        for path in expand_paths([given_path])
    ]


def _extract_one(
    extractor: Extractor, where: str, load: Callable[[], Article]
) -> list[Quote] | None:
    """The quotes of one article, or None after printing why it failed."""
    try:
        return extractor.extract_article(load())
    except QuotesError as exc:
        message = str(exc)
        print_error(message if message.startswith(where) else f"{where}: {message}")
        return None


def _progress(loaders: list[_Loader]) -> Iterable[_Loader]:
    """The loaders, behind a tqdm bar when stderr is a terminal and there are several."""
    if len(loaders) < 2 or not sys.stderr.isatty():
        return loaders
    try:
        from tqdm import tqdm
    except ImportError:  # tqdm is the batch extra: no bar without it, and no error
        return loaders
    return tqdm(
        loaders, desc="quotes extract", unit="art", file=sys.stderr, dynamic_ncols=True, leave=False
    )


def _all_loaders(
    args: argparse.Namespace, explicit: dict[str, dict[str, Any]] | None
) -> tuple[list[_Loader], int]:
    """The articles of every PATH, and how many PATHs had none (already reported)."""
    loaders: list[_Loader] = []
    failed = 0
    for given in args.paths:
        found = _loaders(given, args, explicit)
        if found is None:
            failed += 1
        else:
            loaders += found
    return loaders, failed


def run(args: argparse.Namespace) -> int:
    """Run ``quotes extract`` from parsed arguments; return the exit status.

    Returns:
        0 when every article was read, 1 when some failed (the others are written).
        An output that cannot be written raises an OutputError (status 3 in
        ``main``); ``-o FILE`` is checked before any extraction.
    """
    from quotes.archive.io import atomic_writer, load_metadata
    from quotes.pipeline import Extractor

    explicit = load_metadata(args.metadata) if args.metadata else None
    if args.output:
        prepare_output(args.output)
    extractor = Extractor(
        backend=args.backend,
        stanza_dir=args.stanza_dir,
        include_beliefs=args.include_beliefs,
        stances=args.stances,
        max_chars=args.max_chars,
        tagger=args.tagger,
        accurate=args.accurate,
    )
    loaders, failed = _all_loaders(args, explicit)
    results: list[Quote] = []
    stream = args.format == "jsonl" and not args.output
    for where, load in _progress(loaders):
        found = _extract_one(extractor, where, load)
        if found is None:
            failed += 1
        elif stream:
            with writing_stdout():
                write_quotes(found, sys.stdout)
        else:
            results.extend(found)
    if not stream:
        if args.output:
            with atomic_writer(args.output) as fh:
                write_quotes(results, fh, args.format)
        else:
            with writing_stdout():
                write_quotes(results, sys.stdout, args.format)
    return EXIT_SOME_FAILED if failed else EXIT_OK
