"""What the subcommands of the ``quotes`` command line share: exit statuses, errors, options."""

from __future__ import annotations

import argparse
import sys

__all__ = [
    "ACCURATE_HELP",
    "EXIT_DATA_ERROR",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_SOME_FAILED",
    "EXIT_USAGE",
    "add_backend_options",
    "positive_int",
    "prepare_output",
    "print_error",
]

#: Help of ``--accurate`` (``extract``, ``batch``, ``evaluate``).
ACCURATE_HELP = (
    "accurate mode: add the span model on a pretrained encoder to the rules "
    "(needs pip install 'quotes[model]'; slower)"
)

#: Exit status on success.
EXIT_OK = 0
#: Exit status when some inputs failed (the others were processed).
EXIT_SOME_FAILED = 1
#: Exit status for a data error that stopped the command (a missing input, a
#: malformed file, a missing model): the same status as when some inputs failed.
EXIT_DATA_ERROR = 1
#: Exit status for usage errors found by argparse (an unknown option, a bad value).
EXIT_USAGE = 2
#: Exit status after Ctrl-C (or SIGTERM).
EXIT_INTERRUPTED = 130


def print_error(message: str) -> None:
    """Print ``message`` as one line on stderr, prefixed with ``quotes:``."""
    print(f"quotes: {message}", file=sys.stderr, flush=True)


def add_backend_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--backend`` (default fast) and ``--stanza-dir`` to ``parser``."""
    parser.add_argument(
        "--backend",
        choices=("stanza", "fast"),
        default="fast",
        help="segmentation backend: fast (default, pure Python) or stanza (Stanza tokenize+mwt; "
        "needs pip install quotes[stanza])",
    )
    parser.add_argument(
        "--stanza-dir",
        metavar="DIR",
        help="folder with Stanza's models (default: $QUOTES_STANZA_DIR, else Stanza's own)",
    )


def positive_int(value: str) -> int:
    """An argparse ``type=``: an integer of at least 1 (else a usage error, status 2)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return number


def prepare_output(path: str) -> None:
    """Create the folder of an output file before any work is done.

    Raises:
        OutputError: The folder cannot be created (a file is in the way, no
            permission); the message names ``path``, not a temporary file.
    """
    from pathlib import Path

    from quotes.errors import OutputError

    target = Path(path)
    if target.is_dir():
        raise OutputError(f"{path}: is a folder; give a file name to write to")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"{path}: cannot create its folder {target.parent} ({exc.strerror})"
        ) from None
