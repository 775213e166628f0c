"""The output folder of [`quotes.archive.batch`][]: its run identity, resuming and the final files.

Before a run, `prepare_outdir` records the run's identity in ``.batch/run.json``
(or checks that OUTDIR holds the same run) and `resumed_shards` finds the
shards an interrupted run completed. After it, `finish_outdir` writes
``errors.jsonl`` from the shard states and ``manifest.json`` last.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from quotes._version import __version__
from quotes.archive.inputs import InputSpec
from quotes.archive.io import atomic_writer, check_folder_writable
from quotes.archive.shards import SHARD_PREFIX, STATE_DIR, load_state, shard_name, state_path
from quotes.errors import OutputError, QuotesError
from quotes.pipeline import DEFAULT_STANCES

__all__ = [
    "ERRORS_FILE",
    "MANIFEST_FILE",
    "Resumed",
    "check_outdir",
    "finish_outdir",
    "prepare_outdir",
    "remove_temporaries",
    "resumed_shards",
    "run_identity",
]

RUN_FILE = "run.json"
ERRORS_FILE = "errors.jsonl"
MANIFEST_FILE = "manifest.json"

OTHER_RUN = (
    "{outdir} holds a batch run with other inputs or options ({what}); "
    "to resume, repeat the first command exactly; else use another OUTDIR or delete it"
)
NOT_A_BATCH_DIR = (
    "{outdir} already holds quote shards that no batch run recorded; "
    "use another OUTDIR or delete them"
)
INPUTS_CHANGED = (
    "the inputs changed since the interrupted run ({then:,} articles then, {now:,} now); "
    "use another OUTDIR or delete {outdir}"
)


def run_identity(
    specs: Sequence[InputSpec],
    backend: str,
    fmt: str,
    shard_size: int,
    include_beliefs: bool,
    **options: Any,
) -> dict[str, Any]:
    """Return what a re-run must repeat to resume: the inputs, the options, the version.

    ``options`` (``tagger``, ``accurate``, ``outlet``, ``metadata``, ``stances``) are recorded
    only when set,
    so a run recorded before they existed still resumes.
    """
    return {
        **{name: value for name, value in options.items() if value},
        "inputs": [os.path.abspath(s.path) for s in specs],
        "backend": backend,
        "format": fmt,
        "shard_size": shard_size,
        "include_beliefs": include_beliefs,
        "library_version": __version__,
    }


def check_outdir(outdir: Path) -> None:
    """Check, before any work, that OUTDIR is a folder (or can be one) this process can write.

    Raises:
        OutputError: OUTDIR is a file, or it (or the nearest folder above it that
            exists) is not writable, or a file is in the way of its creation.
    """
    if outdir.exists() and not outdir.is_dir():
        raise OutputError(f"{outdir}: is a file, not a folder; give a folder for the output")
    check_folder_writable(outdir, outdir)


def prepare_outdir(outdir: Path, identity: dict[str, Any], total: int) -> None:
    """Create OUTDIR or check that it holds the same run; remove stale temporary files.

    Raises:
        QuotesError: OUTDIR holds another run, or shards no run recorded.
        OutputError: OUTDIR cannot be created or written (its message names OUTDIR).
    """
    try:
        _prepare_outdir(outdir, identity, total)
    except OSError as exc:
        if isinstance(exc, QuotesError):
            raise
        raise OutputError(f"{outdir}: cannot write ({exc.strerror or exc})") from None


def _prepare_outdir(outdir: Path, identity: dict[str, Any], total: int) -> None:
    state = outdir / STATE_DIR
    run_file = state / RUN_FILE
    if run_file.is_file():
        try:
            recorded = json.loads(run_file.read_text(encoding="utf-8"))
        except ValueError:  # not JSON, not UTF-8: not a file this library wrote whole
            raise QuotesError(
                f"{run_file}: unreadable run identity; use another OUTDIR or delete {outdir}"
            ) from None
        then_total = recorded.pop("articles", None)
        differing = sorted(
            k for k in set(identity) | set(recorded) if identity.get(k) != recorded.get(k)
        )
        if differing:
            raise QuotesError(OTHER_RUN.format(outdir=outdir, what=", ".join(differing)))
        if then_total != total:
            raise QuotesError(INPUTS_CHANGED.format(then=then_total, now=total, outdir=outdir))
    else:
        if outdir.is_dir() and any(outdir.glob(f"{SHARD_PREFIX}*")):
            raise QuotesError(NOT_A_BATCH_DIR.format(outdir=outdir))
        state.mkdir(parents=True, exist_ok=True)
        with atomic_writer(run_file) as fh:
            json.dump({**identity, "articles": total}, fh, indent=2)
    remove_temporaries(outdir)


def remove_temporaries(outdir: Path) -> None:
    """Delete the hidden ``.*.tmp`` files of OUTDIR and its state folder.

    Called before a run (files left by a kill -9) and after an interrupted one: a
    Ctrl-C can land between the creation of a temporary file and the moment its
    owner is known (inside a shard's constructor, or half way through a commit),
    and the folder must hold complete shards only, whatever the timing.
    """
    for folder in (outdir, outdir / STATE_DIR):
        for stale in folder.glob(".*.tmp"):
            with contextlib.suppress(OSError):
                stale.unlink()


@dataclass
class Resumed:
    """The shards an earlier run completed: their indexes and their counts.

    Attributes:
        done: Indexes of the complete shards.
        quotes: Quotes in them.
        failures: Failed inputs in them.
    """

    done: set[int] = field(default_factory=set)
    quotes: int = 0
    failures: int = 0


def resumed_shards(outdir: Path, n_shards: int, fmt: str) -> Resumed:
    """Return the shards of OUTDIR that are complete: a state file and the shard itself."""
    resumed = Resumed()
    for index in range(n_shards):
        state = load_state(state_path(outdir, index))
        if state is not None and (outdir / shard_name(index, fmt)).is_file():
            resumed.done.add(index)
            resumed.quotes += state["quotes"]
            resumed.failures += len(state["errors"])
    return resumed


def _write_errors(outdir: Path, n_shards: int, fh: IO[str]) -> tuple[int, int]:
    """Write the errors of every shard to ``fh`` in input order; return (quotes, failures)."""
    quotes = failures = 0
    for index in range(n_shards):
        state = load_state(state_path(outdir, index))
        if state is None:  # cannot happen unless someone deletes files mid-run
            raise QuotesError(f"{outdir}: the state of shard {index} is missing; run again")
        quotes += state["quotes"]
        for err in state["errors"]:
            fh.write(json.dumps(err, ensure_ascii=False) + "\n")
            failures += 1
    return quotes, failures


def finish_outdir(
    outdir: Path,
    articles: int,
    n_shards: int,
    identity: dict[str, Any],
    workers: int,
) -> tuple[int, int]:
    """Assemble ``errors.jsonl`` from the shard states and write ``manifest.json``.

    Returns:
        The quotes and the failures of the whole run.
    """
    with atomic_writer(outdir / ERRORS_FILE) as fh:
        quotes, failures = _write_errors(outdir, n_shards, fh)
    fmt = identity["format"]
    manifest = {
        "library_version": __version__,
        "backend": identity["backend"],
        "counts": {"articles": articles, "quotes": quotes, "failures": failures},
        "shards": n_shards,
        "options": {
            "inputs": [str(p) for p in identity["inputs"]],
            "format": fmt,
            "shard_size": identity["shard_size"],
            "include_beliefs": identity["include_beliefs"],
            "stances": identity.get("stances") or sorted(s.value for s in DEFAULT_STANCES),
            "workers": workers,
            "article_timeout": identity.get("article_timeout"),
        },
        "files": {"quotes": f"{SHARD_PREFIX}*.{fmt}", "errors": ERRORS_FILE},
    }
    with atomic_writer(outdir / MANIFEST_FILE) as fh:
        json.dump(manifest, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    return quotes, failures
