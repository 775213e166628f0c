"""What the subcommands of the ``quotes`` command line share: exit statuses, errors, options."""

from __future__ import annotations

import argparse
import contextlib
import math
import sys
from collections.abc import Callable, Iterator

__all__ = [
    "ACCURATE_HELP",
    "EXIT_DATA_ERROR",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_OUTPUT_ERROR",
    "EXIT_SOME_FAILED",
    "EXIT_STATUS_HELP",
    "EXIT_USAGE",
    "add_backend_options",
    "bounded_float",
    "os_error_message",
    "positive_int",
    "prepare_output",
    "print_error",
    "writing_stdout",
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
#: Exit status when an output cannot be written or the system refused an operation
#: (a read-only or missing folder, a file in the way, a full disk); no output file
#: is left half-written.
EXIT_OUTPUT_ERROR = 3
#: Exit status after Ctrl-C (or SIGTERM).
EXIT_INTERRUPTED = 130

#: The exit statuses, as the ``--help`` of every subcommand ends.
EXIT_STATUS_HELP = (
    "exit status: 0 success; 1 some inputs failed or a data error (a missing or malformed "
    "input, a missing model); 2 usage error; 3 an output cannot be written (read-only or "
    "missing folder, a file in the way, disk full); 130 interrupted"
)


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


def bounded_float(low: float, high: float) -> Callable[[str], float]:
    """An argparse ``type=``: a finite number in ``[low, high]`` (else a usage error, status 2).

    Examples:
        >>> bounded_float(0, 1)("0.5")
        0.5
    """

    def parse(value: str) -> float:
        try:
            number = float(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
        if not math.isfinite(number) or not low <= number <= high:
            raise argparse.ArgumentTypeError(f"must be a number from {low:g} to {high:g}: {value}")
        return number

    parse.__name__ = f"number from {low:g} to {high:g}"
    return parse


def stance_list(value: str) -> tuple[str, ...]:
    """An argparse ``type=``: stance names separated by commas, or ``all`` (else status 2).

    Examples:
        >>> stance_list("asserts,refers")
        ('asserts', 'refers')
        >>> stance_list("all")
        ('asserts', 'denies', 'questions', 'refers')
    """
    from quotes.models import Stance

    known = [s.value for s in Stance]
    if value.strip().lower() == "all":
        return tuple(known)
    names = tuple(dict.fromkeys(n.strip().lower() for n in value.split(",") if n.strip()))
    unknown = [n for n in names if n not in known]
    if not names or unknown:
        raise argparse.ArgumentTypeError(
            f"unknown stance {', '.join(map(repr, unknown)) or repr(value)}: "
            f"give some of {', '.join(known)} (separated by commas), or all"
        )
    return names


def add_selection_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--include-beliefs`` and ``--stances`` (``extract``, ``batch``): which quotes come out."""
    parser.add_argument(
        "--include-beliefs",
        action="store_true",
        help="also report beliefs and intentions (X believes/wants ...)",
    )
    parser.add_argument(
        "--stances",
        type=stance_list,
        default=None,
        metavar="LIST",
        help="the stances to report, separated by commas, or all (default: "
        "asserts,denies,questions; refers is a noun phrase the speaker talks about, "
        "as in 'X criticized Y')",
    )


def os_error_message(exc: OSError) -> str:
    """One line for an operating-system error: the file it concerns and the reason."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    return f"{exc.filename}: {reason}" if exc.filename else reason


@contextlib.contextmanager
def writing_stdout() -> Iterator[None]:
    """Turn an ``OSError`` while writing standard output (a full disk) into an `OutputError`.

    A ``BrokenPipeError`` (the reader went away: ``| head``) passes through: the
    command line stops quietly on it.
    """
    from quotes.errors import OutputError

    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        if isinstance(exc, OutputError):
            raise
        raise OutputError(f"<stdout>: cannot write ({os_error_message(exc)})") from None


def prepare_output(path: str) -> None:
    """Check an output file's destination and create its folder, before any work is done.

    The destination must not be a folder and its folder must accept a new file
    (checked by creating and removing an empty temporary file there), so that a
    read-only folder fails now rather than after the whole extraction.

    Raises:
        OutputError: The path is a folder, its folder cannot be created (a file is
            in the way, no permission) or is not writable; the message names
            ``path``, not a temporary file.
    """
    import os
    import tempfile
    from pathlib import Path

    from quotes.archive.io import check_folder_writable
    from quotes.errors import OutputError

    target = Path(path)
    if target.is_dir():
        raise OutputError(f"{path}: is a folder; give a file name to write to")
    if target.exists() and not target.is_file():
        raise OutputError(f"{path}: is not a regular file; give a file name to write to")
    check_folder_writable(target.parent, path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write in {target.parent} ({exc.strerror})") from None
    os.close(fd)
    os.unlink(probe)
