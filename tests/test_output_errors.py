"""Operating-system errors on output: one line on stderr, exit status 3, no half-written file (issue 16).

Faults are injected for real where the system allows it (``/dev/full`` for a full
disk on stdout, ``RLIMIT_FSIZE`` for a file that cannot grow, a file where a folder
should be) and in-process otherwise (a read-only folder, which root can write anyway).
"""

from __future__ import annotations

import errno
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

import quotes
from quotes.cli.common import EXIT_OUTPUT_ERROR
from quotes.cli.main import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOOD = "“We are ready to talk,” Peskov said on Monday.\nLavrov said that the talks had stalled.\n"

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="/dev/full and RLIMIT_FSIZE")


def run_cli(*args: str, stdout: object = subprocess.PIPE, file_limit: int | None = None):
    """Run ``python -m quotes ARGS``; ``file_limit`` caps the size of any file it writes."""

    def limit() -> None:  # runs in the child; Python ignores SIGXFSZ, so writes fail with EFBIG
        if file_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "quotes", *args],
        stdout=stdout, stderr=subprocess.PIPE, text=True, env=env, timeout=300,
        preexec_fn=limit,
    )  # fmt: skip


def one_line(stderr: str) -> str:
    assert "Traceback" not in stderr, stderr
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("quotes: "), stderr
    return lines[0]


@pytest.fixture()
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(12):
        (folder / f"a{i:02d}.txt").write_text(GOOD.replace("Monday", f"day {i}"), encoding="utf-8")
    return folder


# -- quotes extract ----------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["jsonl", "json", "table"])
def test_extract_to_a_full_disk_on_stdout(fmt: str):
    with open("/dev/full", "w") as full:
        proc = run_cli("extract", str(SEEDS), "--format", fmt, stdout=full)
    assert proc.returncode == EXIT_OUTPUT_ERROR
    assert one_line(proc.stderr) == "quotes: <stdout>: cannot write (No space left on device)"


def test_extract_to_a_file_that_cannot_grow_leaves_no_file(tmp_path: Path):
    out = tmp_path / "q.json"
    proc = run_cli("extract", str(SEEDS), "--format", "json", "-o", str(out), file_limit=4096)
    assert proc.returncode == EXIT_OUTPUT_ERROR
    assert one_line(proc.stderr) == f"quotes: {out}: cannot write (File too large)"
    assert list(tmp_path.iterdir()) == []  # neither the output nor a temporary file


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda d: d / "folder", "is a folder"),
        (lambda d: d / "blocker" / "q.jsonl", "is a file"),
        (lambda d: Path("/dev/null"), "is not a regular file"),
    ],
    ids=["a folder", "under a file", "a device"],
)
def test_extract_checks_the_destination_before_any_work(tmp_path: Path, make, says: str):
    (tmp_path / "folder").mkdir()
    (tmp_path / "blocker").write_text("a file where a folder should be\n")
    out = make(tmp_path)
    # The input does not exist: had extraction started, that would be the error.
    proc = run_cli("extract", str(tmp_path / "missing.txt"), "-o", str(out))
    assert proc.returncode == EXIT_OUTPUT_ERROR
    line = one_line(proc.stderr)
    assert line.startswith(f"quotes: {out}: ") and says in line
    assert "missing.txt" not in line


def test_extract_into_a_read_only_folder_fails_before_the_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: Path(p) != locked and real_access(p, mode))
    ran = []
    monkeypatch.setattr(quotes.Extractor, "extract_article", lambda self, a: ran.append(a) or [])
    status = main(["extract", str(SEEDS), "-o", str(locked / "q.jsonl")])
    assert status == EXIT_OUTPUT_ERROR and ran == []
    assert one_line(capsys.readouterr().err) == (
        f"quotes: {locked / 'q.jsonl'}: cannot write in {locked} (permission denied)"
    )


def test_a_closed_pipe_stops_extract_quietly():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "quotes", "extract", str(SEEDS), str(SEEDS), str(SEEDS)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    json.loads(proc.stdout.readline())  # like `| head -1`
    proc.stdout.close()
    assert proc.wait(timeout=300) == 0
    assert proc.stderr.read() == b""


def test_dedupe_to_a_full_disk_on_stdout(tmp_path: Path):
    records = tmp_path / "q.jsonl"
    done = run_cli("extract", str(SEEDS))
    records.write_text(done.stdout, encoding="utf-8")
    with open("/dev/full", "w") as full:
        proc = run_cli("dedupe", str(records), stdout=full)
    assert proc.returncode == EXIT_OUTPUT_ERROR
    assert one_line(proc.stderr) == "quotes: <stdout>: cannot write (No space left on device)"


@pytest.mark.parametrize("option", ["--ratio-threshold=500", "--statement-threshold=nan",
                                    "--semantic-threshold=-0.1", "--partial-threshold=inf"])  # fmt: skip
def test_dedupe_thresholds_outside_their_range_are_usage_errors(tmp_path: Path, option: str):
    proc = run_cli("dedupe", str(tmp_path / "none.jsonl"), option)
    assert proc.returncode == 2
    assert "must be a number from" in proc.stderr


@pytest.mark.parametrize("command", ["extract", "batch", "dedupe", "evaluate"])
def test_help_lists_the_exit_statuses(command: str, capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "exit status: 0 success" in help_text and "3 an output cannot be written" in help_text


# -- quotes batch ----------------------------------------------------------------


def test_batch_onto_an_existing_file(tmp_path: Path, articles: Path):
    target = tmp_path / "out"
    target.write_text("not a folder\n")
    proc = run_cli("batch", str(articles), "-o", str(target), "-q", "--workers", "1")
    assert proc.returncode == EXIT_OUTPUT_ERROR
    assert "is a file, not a folder" in one_line(proc.stderr)
    assert target.read_text() == "not a folder\n"


def test_batch_under_a_file(tmp_path: Path, articles: Path):
    (tmp_path / "blocker").write_text("x\n")
    proc = run_cli("batch", str(articles), "-o", str(tmp_path / "blocker" / "out"), "-q")
    assert proc.returncode == EXIT_OUTPUT_ERROR
    assert "blocker is a file" in one_line(proc.stderr)


def test_batch_into_a_read_only_folder(
    tmp_path: Path,
    articles: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
):
    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: Path(p) != locked and real_access(p, mode))
    status = main(["batch", str(articles), "-o", str(locked / "out"), "-q", "--workers", "1"])
    assert status == EXIT_OUTPUT_ERROR
    assert "(permission denied)" in one_line(capsys.readouterr().err)
    assert list(locked.iterdir()) == []


def test_batch_on_a_disk_that_fills_up_keeps_whole_shards_and_resumes(
    tmp_path: Path, articles: Path
):
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    common = ("-q", "--workers", "1", "--shard-size", "4")
    proc = run_cli("batch", str(articles), "-o", str(out), *common, file_limit=2500)
    assert proc.returncode == EXIT_OUTPUT_ERROR
    line = one_line(proc.stderr)
    assert "cannot write (File too large)" in line and "run the same command again" in line
    assert not list(out.glob(".*.tmp")) and not (out / "manifest.json").exists()
    for shard in out.glob("quotes-*.jsonl"):  # whatever was committed is whole
        for row in shard.read_text(encoding="utf-8").splitlines():
            json.loads(row)
    assert run_cli("batch", str(articles), "-o", str(out), *common).returncode == 0
    assert run_cli("batch", str(articles), "-o", str(fresh), *common).returncode == 0
    for name in ("quotes-00000.jsonl", "quotes-00001.jsonl", "quotes-00002.jsonl", "errors.jsonl"):
        assert (out / name).read_bytes() == (fresh / name).read_bytes()


class _FullDisk:
    """A text file whose writes fail with ENOSPC once ``room`` characters are written."""

    def __init__(self, fh, room: int) -> None:
        self._fh, self._room = fh, room

    def write(self, data: str) -> int:
        self._room -= len(data)
        if self._room < 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return self._fh.write(data)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self._fh.close()


def test_batch_on_a_full_disk_in_process(
    tmp_path: Path, articles: Path, monkeypatch: pytest.MonkeyPatch
):
    import builtins

    from quotes.archive import io as archive_io
    from quotes.archive.batch import run_batch

    def full_open(path, mode="r", **kwargs):
        fh = builtins.open(path, mode, **kwargs)
        return _FullDisk(fh, 600) if "quotes-00001" in str(path) else fh

    monkeypatch.setattr(archive_io, "open", full_open, raising=False)
    out = tmp_path / "out"
    with pytest.raises(quotes.OutputError) as caught:
        run_batch([articles], out, workers=1, shard_size=4, progress="none")
    message = str(caught.value)
    assert message.startswith(
        f"{out / 'quotes-00001.jsonl'}: cannot write (No space left on device)"
    )
    assert "1 of 3 shards are complete" in message
    assert sorted(p.name for p in out.glob("quotes-*")) == ["quotes-00000.jsonl"]
    assert not list(out.glob(".*.tmp"))
