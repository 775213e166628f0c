"""``quotes evaluate``: the command line of [`quotes.evaluation.evaluate.evaluate`][]."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from quotes.cli.common import (
    ACCURATE_HELP,
    EXIT_DATA_ERROR,
    EXIT_OK,
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    positive_int,
    print_error,
)
from quotes.errors import QuotesError
from quotes.evaluation.polnear import SPLITS

__all__ = ["add_cli_parser", "run"]


def add_cli_parser(subparsers: Any) -> None:
    """Register the ``evaluate`` subcommand.

    Args:
        subparsers: The object returned by ``ArgumentParser.add_subparsers()``.
    """
    p = subparsers.add_parser(
        "evaluate",
        help="score the extractor on PolNeAR's gold attributions",
        description="Run the extractor over a PolNeAR split and report precision, recall "
        "and F1 for content, source and cue spans (see docs/evaluation.md).",
    )
    p.add_argument("path", metavar="PATH", help="the PolNeAR folder (metadata.tsv, train/, dev/)")
    p.add_argument("--split", choices=SPLITS, default="dev", help="split to score (default: dev)")
    p.add_argument(
        "--backend", choices=("fast", "stanza"), default="fast", help="segmenter (default: fast)"
    )
    p.add_argument(
        "--stanza-dir",
        metavar="DIR",
        help="folder with Stanza's models (default: $QUOTES_STANZA_DIR, else Stanza's own)",
    )
    p.add_argument("--by-outlet", action="store_true", help="add a table per publisher")
    p.add_argument(
        "--limit", type=positive_int, metavar="N", help="score only the first N documents"
    )
    p.add_argument("--format", choices=("table", "json"), default="table", help="output format")
    p.add_argument("--tagger", action="store_true", help="add the learned span tagger to the rules")
    p.add_argument("--accurate", action="store_true", help=ACCURATE_HELP)
    p.add_argument(
        "--compare",
        action="store_true",
        help="with --tagger or --accurate: also score the rules alone and print both side by side "
        "(JSON: an object keyed by pipeline)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``quotes evaluate`` with parsed arguments.

    Args:
        args: The namespace built by the parser of `add_cli_parser`.

    Returns:
        0 on success, 1 for a bad corpus path or an unusable backend, or when
        some documents failed to extract (the others are scored); 2 for
        ``--compare`` without a learned component.
    """
    from quotes.evaluation.evaluate import evaluate, format_comparison, format_report

    tagger, accurate = getattr(args, "tagger", False), getattr(args, "accurate", False)
    compare = getattr(args, "compare", False)
    if compare and not (tagger or accurate):
        print_error("--compare needs --tagger or --accurate (it compares them with the rules)")
        return EXIT_USAGE
    settings = [(False, False)] if compare else []
    settings.append((tagger, accurate))
    try:
        reports = [
            evaluate(
                args.path,
                split=args.split,
                backend=args.backend,
                stanza_dir=args.stanza_dir,
                limit=args.limit,
                by_outlet=args.by_outlet,
                tagger=use_tagger,
                accurate=use_accurate,
            )
            for use_tagger, use_accurate in settings
        ]
    except QuotesError as exc:
        print_error(str(exc))
        return EXIT_DATA_ERROR
    report = reports[-1]
    if args.format == "json":
        data = [r.model_dump(mode="json") for r in reports]
        print(json.dumps({r["pipeline"]: r for r in data} if compare else data[0], indent=2))
    else:
        sys.stdout.write(format_report(report))
        if compare:
            sys.stdout.write("\n" + format_comparison(reports))
    failures = [f for r in reports for f in r.failures]
    if failures:
        print_error(
            f"{len(report.failures)} of {report.documents} documents failed to "
            f"extract; first: {failures[0]}"
        )
        return EXIT_SOME_FAILED
    return EXIT_OK
