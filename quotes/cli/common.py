"""What the subcommands of the ``quotes`` command line share: exit statuses, errors, options."""

from __future__ import annotations

import argparse
import sys

__all__ = [
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_SOME_FAILED",
    "EXIT_USAGE",
    "add_backend_options",
    "print_error",
]

#: Exit status on success.
EXIT_OK = 0
#: Exit status when some inputs failed (the others were processed).
EXIT_SOME_FAILED = 1
#: Exit status for usage errors, or when nothing could run.
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
