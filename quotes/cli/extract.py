"""``quotes extract``: the quotes of ``.txt`` files, folders of them or stdin.

The output is JSON Lines (streamed, one record per quote), a JSON array or a table,
on stdout or (atomically) in a file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from quotes.cli.common import EXIT_OK, EXIT_SOME_FAILED, add_backend_options, print_error
from quotes.errors import QuotesError
from quotes.models import Article, Quote

if TYPE_CHECKING:
    from quotes.pipeline import Extractor

__all__ = ["STDIN_ID", "add_cli_parser", "run", "write_quotes"]

#: Article id of the text read from standard input (``quotes extract -``).
STDIN_ID = "stdin"

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
    ex.add_argument("--outlet", help="outlet of every article (overrides metadata)")
    ex.add_argument("--published", metavar="DATE", help="publication date, YYYY-MM-DD")
    ex.add_argument(
        "--metadata",
        metavar="FILE",
        help=f"metadata JSON Lines sidecar (default: {'metadata.jsonl'} next to the files)",
    )
    ex.add_argument("--format", choices=("jsonl", "json", "table"), default="jsonl")
    ex.add_argument(
        "--tagger",
        action="store_true",
        help="also run the learned span tagger (adds reported speech the rules miss)",
    )
    ex.add_argument("-o", "--output", metavar="FILE", help="write here (atomically), not stdout")
    ex.add_argument(
        "--include-beliefs",
        action="store_true",
        help="also report beliefs and intentions (X believes/wants ...)",
    )
    ex.set_defaults(func=run)


def _format_table(rows: list[dict[str, Any]]) -> str:
    headers = ("article", "kind", "speaker", "type", "cue", "via", "text")
    table = [headers]
    for r in rows:
        sp = r["speaker"] or {}
        text = r["text"].replace("\n", " ")
        table.append(
            (
                str(r["article"] or ""),
                r["kind"],
                sp.get("name") or "-",
                sp.get("type") or "-",
                (r["cue"] or {}).get("text") or "-",
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
    """Write quotes as ``jsonl``, ``json`` (an array of records) or ``table``.

    Returns:
        The number of quotes written.
    """
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
    from quotes.archive.io import METADATA_FILE, load_metadata

    if explicit is not None:
        return explicit
    folder = path if path.is_dir() else path.parent
    sidecar = folder / METADATA_FILE
    return load_metadata(sidecar) if sidecar.is_file() else {}


def _check_date(value: str) -> None:
    """Refuse a ``--published`` value that is not a date, before any work is done."""
    import datetime

    try:
        datetime.date.fromisoformat(value[:10])
    except ValueError:
        raise QuotesError(f"--published: not a date (YYYY-MM-DD): {value!r}") from None


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


def run(args: argparse.Namespace) -> int:
    """Run ``quotes extract`` from parsed arguments; return the exit status.

    Returns:
        0 when every article was read, 1 when some failed (the others are written).
    """
    from quotes.archive.io import atomic_writer, load_metadata
    from quotes.pipeline import Extractor

    if args.published is not None:
        _check_date(args.published)
    explicit = load_metadata(args.metadata) if args.metadata else None
    extractor = Extractor(
        backend=args.backend,
        stanza_dir=args.stanza_dir,
        include_beliefs=args.include_beliefs,
        tagger=args.tagger,
    )
    failed = 0
    results: list[Quote] = []
    stream = args.format == "jsonl" and not args.output
    for given in args.paths:
        loaders = _loaders(given, args, explicit)
        if loaders is None:
            failed += 1
            continue
        for where, load in loaders:
            found = _extract_one(extractor, where, load)
            if found is None:
                failed += 1
            elif stream:
                write_quotes(found, sys.stdout)
                sys.stdout.flush()
            else:
                results.extend(found)
    if not stream:
        if args.output:
            with atomic_writer(args.output) as fh:
                write_quotes(results, fh, args.format)
        else:
            write_quotes(results, sys.stdout, args.format)
    return EXIT_SOME_FAILED if failed else EXIT_OK
