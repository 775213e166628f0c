"""Command line interface: ``python -m quotes`` or ``quotes``.

Subcommands: ``extract`` (quotes of articles as JSON Lines, JSON or a table,
`quotes.cli.extract`), ``schema`` (JSON Schema of the output), ``download``
(Stanza models), and ``evaluate``, ``batch`` and ``dedupe`` (`quotes.cli.evaluate`,
`quotes.cli.batch`, `quotes.cli.dedupe`). Each subcommand module has
``add_cli_parser(subparsers)`` and a ``run(args)`` that returns the exit status.

Every error is one line on stderr starting with ``quotes:``; the exit status is
0 on success, 1 for a data error (a missing or malformed input, a missing model;
when some inputs failed the others are still processed), 2 for usage errors
found by argparse (their message is argparse's own), 3 when an output cannot be
written (a read-only or missing folder, a file in the way, a full disk: no output
file is left half-written), 130 when interrupted. When the reader of stdout goes
away (``| head``) the command stops quietly with status 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from quotes._version import __version__
from quotes.cli import batch as batch_cli
from quotes.cli import dedupe as dedupe_cli
from quotes.cli import evaluate as evaluate_cli
from quotes.cli import extract as extract_cli
from quotes.cli.common import (
    EXIT_DATA_ERROR,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_OUTPUT_ERROR,
    EXIT_STATUS_HELP,
    os_error_message,
    print_error,
    writing_stdout,
)
from quotes.cli.extract import write_quotes
from quotes.errors import OutputError, QuotesError
from quotes.models import RECORD_KEYS, Quote

__all__ = ["build_parser", "main", "write_quotes"]

#: Modules that contribute subcommands through ``add_cli_parser(subparsers)``, in order.
_COMMAND_MODULES = (evaluate_cli, batch_cli, dedupe_cli)

SCHEMA_MODELS = ("record", "Quote", "Article", "Speaker", "Span", "Provenance")


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="quotes", description="Quote and claim attribution for news text.",
        epilog=EXIT_STATUS_HELP,
    )
    parser.add_argument("--version", action="version", version=f"quotes {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    extract_cli.add_cli_parser(sub)

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
    for command in sub.choices.values():
        command.epilog = command.epilog or EXIT_STATUS_HELP
    return parser


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
        status = int(args.func(args))
        with writing_stdout():  # flushes: a full disk or a closed pipe shows here, not at exit
            return status
    except BrokenPipeError:
        return _quiet_stdout()
    except OutputError as exc:
        print_error(str(exc))
        return EXIT_OUTPUT_ERROR
    except QuotesError as exc:
        print_error(str(exc))
        return EXIT_DATA_ERROR
    except OSError as exc:  # writing stdout on a full disk, a system refusal
        print_error(os_error_message(exc))
        _quiet_stdout()
        return EXIT_OUTPUT_ERROR
    except KeyboardInterrupt:
        print_error("interrupted")
        return EXIT_INTERRUPTED


def _quiet_stdout() -> int:
    """Point stdout at /dev/null so that Python's flush at exit cannot fail again.

    After a broken pipe (the reader went away: ``| head``) the command stops
    quietly, as Unix tools do: status 0.
    """
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return EXIT_OK
