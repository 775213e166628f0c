"""Command line interface: ``python -m quotes`` or ``quotes``.

Subcommands: ``extract`` (quotes of articles as JSON Lines, JSON or a table),
``schema`` (JSON Schema of the output), ``download`` (Stanza models), and the
commands contributed by other modules (``evaluate``, ``dedupe``, ``batch``).

Every error is one line on stderr starting with ``quotes:``; the exit status is
0 on success, 1 when some inputs failed (the others are still processed) and 2
for usage errors or when nothing could run.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import IO, Any

from quotes._version import __version__
from quotes.cli import batch as batch_cli
from quotes.cli import dedupe as dedupe_cli
from quotes.cli import evaluate as evaluate_cli
from quotes.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    add_backend_options,
    print_error,
)
from quotes.errors import QuotesError
from quotes.models import RECORD_KEYS, Article, Quote

__all__ = ["build_parser", "main", "write_quotes"]

#: Modules that contribute subcommands through ``add_cli_parser(subparsers)``, in order.
_COMMAND_MODULES = (evaluate_cli, batch_cli, dedupe_cli)

SCHEMA_MODELS = ("record", "Quote", "Article", "Speaker", "Span", "Provenance")


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="quotes", description="Quote and claim attribution for news text."
    )
    parser.add_argument("--version", action="version", version=f"quotes {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    ex = sub.add_parser("extract", help="extract quotes from .txt files or folders of them")
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
    ex.set_defaults(func=_run_extract)

    sc = sub.add_parser("schema", help="print the JSON Schema of the output")
    sc.add_argument(
        "model",
        nargs="?",
        default="record",
        choices=SCHEMA_MODELS,
        help="'record' (default): one line of `extract` JSONL; or a model name",
    )
    sc.set_defaults(func=_run_schema)

    dl = sub.add_parser("download", help="download Stanza's English tokenize+mwt models")
    dl.add_argument("--dir", metavar="DIR", help="where to put them (default: Stanza's)")
    dl.set_defaults(func=_run_download)

    for module in _COMMAND_MODULES:
        module.add_cli_parser(sub)
    return parser


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


#: Article id of the text read from standard input (``quotes extract -``).
STDIN_ID = "stdin"


def _stdin_article(args: argparse.Namespace) -> Article:
    """The article piped on standard input: its id is :data:`STDIN_ID`."""
    from quotes.archive.io import decode_text, make_article

    text = decode_text(sys.stdin.buffer.read(), name="<stdin>")
    fields = {k: v for k, v in (("outlet", args.outlet), ("published", args.published)) if v}
    return make_article(text, STDIN_ID, fields, where="<stdin>")


def _run_extract(args: argparse.Namespace) -> int:
    from quotes.archive.io import atomic_writer, expand_paths, load_metadata, read_article
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
        loaders: list[tuple[str, Callable[[], Article]]]
        if given == "-":
            loaders = [("<stdin>", partial(_stdin_article, args))]
        else:
            given_path = Path(given)
            if given_path.is_dir() and not any(given_path.glob("*.txt")):
                print_error(f"{given_path}: folder has no .txt files")
                failed += 1
                continue
            try:
                meta = _metadata_for(given_path, explicit)
            except QuotesError as exc:
                print_error(str(exc))
                failed += 1
                continue
            loaders = [
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
        for where, load in loaders:
            try:
                found = extractor.extract_article(load())
            except QuotesError as exc:
                message = str(exc)
                print_error(message if message.startswith(where) else f"{where}: {message}")
                failed += 1
                continue
            if stream:
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


def _run_schema(args: argparse.Namespace) -> int:
    import quotes.models as models

    if args.model == "record":
        schema = Quote.model_json_schema()
        schema["title"] = "QuoteRecord"
        schema["description"] = "One line of `quotes extract` JSON Lines output."
        schema["properties"] = {k: schema["properties"][k] for k in RECORD_KEYS}
        schema["required"] = list(RECORD_KEYS)
        schema["additionalProperties"] = False
        defs = schema.get("$defs", {})
        schema["$defs"] = {k: v for k, v in defs.items() if k != "Provenance"}
    else:
        schema = getattr(models, args.model).model_json_schema()
    print(json.dumps(schema, indent=2))
    return EXIT_OK


def _run_download(args: argparse.Namespace) -> int:
    from quotes.text.segment import download_stanza_models as download_models

    where = download_models(args.dir)
    print(f"Stanza English tokenize+mwt models are in {where}", file=sys.stderr)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line interface and return the exit status.

    Args:
        argv: Arguments without the program name (default: ``sys.argv[1:]``).
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except QuotesError as exc:
        print_error(str(exc))
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as Unix tools do.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print_error("interrupted")
        return EXIT_INTERRUPTED
