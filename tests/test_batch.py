"""Tests of ``quotes batch``: same quotes as ``extract``, bad inputs, resuming, formats."""

from __future__ import annotations

import gzip
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quotes.archive.batch import BatchInterrupted, run_batch, shard_name
from quotes.cli.main import main
from quotes.errors import QuotesError

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

SPEAKERS = ("Peskov", "Zelensky", "Lavrov", "Macron", "Scholz", "Ms. Baerbock")
TEMPLATES = (
    "“We are ready to talk about plan {i},” {s} said on Monday.\n",
    "{s} said that the talks on item {i} had been postponed.\n",
    "According to {s}, the delegation {i} will arrive on Tuesday.\n",
    "“There is no alternative,” {s} told reporters. “Number {i} stays.”\n",
    "The weather in the capital was mild for the season.\n",
)


def article_text(i: int) -> str:
    """A small article with a few quotes; different for every i."""
    lines = [f"Headline number {i}\n"]
    for k in range(3 + i % 4):
        lines.append(
            TEMPLATES[(i + k) % len(TEMPLATES)].format(i=i * 10 + k, s=SPEAKERS[(i + k) % 6])
        )
    return "".join(lines)


def make_folder(root: Path, n: int, *, corrupt_every: int = 0) -> list[str]:
    """Write n articles in nested folders; every ``corrupt_every``-th is corrupt.

    Returns:
        The relative ids of the corrupt files.
    """
    bad: list[str] = []
    kinds = ("binary", "latin1", "empty", "blank")
    for i in range(n):
        rel = Path(f"part{i // 50:02d}") / f"a{i:05d}.txt"
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if corrupt_every and i % corrupt_every == corrupt_every - 1:
            kind = kinds[len(bad) % len(kinds)]
            data = {
                "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
                "latin1": "Le ministre a dit « c'est réglé ».".encode("latin-1"),
                "empty": b"",
                "blank": b"  \n\t\n",
            }[kind]
            path.write_bytes(data)
            bad.append(rel.as_posix())
        else:
            path.write_text(article_text(i), encoding="utf-8")
    return bad


def read_shards(outdir: Path, fmt: str = "jsonl") -> list[dict]:
    records: list[dict] = []
    for shard in sorted(outdir.glob(f"quotes-*.{fmt}")):
        if fmt == "jsonl":
            records += [json.loads(line) for line in shard.read_text(encoding="utf-8").splitlines()]
        else:
            import pyarrow.parquet as pq

            from quotes.archive.frames import record_columns

            dates = [c.name for c in record_columns() if c.type == "date"]
            for row in pq.read_table(shard).to_pylist():
                for name in dates:
                    if row[name] is not None:
                        row[name] = row[name].isoformat()
                records.append(row)
    return records


def read_errors(outdir: Path) -> list[dict]:
    text = (outdir / "errors.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def extract_records(paths: list[str], capsys: pytest.CaptureFixture[str]) -> list[dict]:
    capsys.readouterr()
    main(["extract", "--backend", "fast", *paths])
    out = capsys.readouterr().out
    return [json.loads(line) for line in out.splitlines()]


def folder_snapshot(outdir: Path) -> dict[str, bytes]:
    """Every visible output file's bytes (the manifest without the worker count)."""
    snap = {}
    for p in sorted(outdir.iterdir()):
        if p.name.startswith("."):
            continue
        data = p.read_bytes()
        if p.name == "manifest.json":
            manifest = json.loads(data)
            manifest["options"].pop("workers")
            data = json.dumps(manifest, sort_keys=True).encode()
        snap[p.name] = data
    return snap


class TestSameQuotesAsExtract:
    @pytest.mark.parametrize("workers", [1, 2])
    def test_seeds_folder(self, tmp_path, capsys, workers):
        expected = extract_records([str(SEEDS)], capsys)
        assert expected, "the seeds have quotes"
        result = run_batch(
            [SEEDS],
            tmp_path / "out",
            backend="fast",
            workers=workers,
            shard_size=2,
            progress="none",
        )
        assert read_shards(tmp_path / "out") == expected
        assert (result.articles, result.failures, result.quotes) == (5, 0, len(expected))
        assert len(list((tmp_path / "out").glob("quotes-*.jsonl"))) == 3

    def test_records_have_exactly_the_extract_keys(self, tmp_path):
        from quotes.models import RECORD_KEYS

        run_batch([SEEDS], tmp_path / "out", backend="fast", workers=1, progress="none")
        for record in read_shards(tmp_path / "out"):
            assert tuple(record) == RECORD_KEYS

    def test_jsonl_archive_matches_extract_of_the_same_texts(self, tmp_path, capsys):
        folder = tmp_path / "txt"
        folder.mkdir()
        lines = []
        for i in range(12):
            text = article_text(i)
            (folder / f"{i:03d}.txt").write_text(text, encoding="utf-8")
            lines.append(json.dumps({"id": f"{i:03d}.txt", "text": text}))
        (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        expected = extract_records([str(folder)], capsys)
        run_batch(
            [tmp_path / "a.jsonl"],
            tmp_path / "out",
            backend="fast",
            workers=2,
            shard_size=5,
            progress="none",
        )
        assert read_shards(tmp_path / "out") == expected


class TestInputs:
    def test_folders_are_recursive_and_ids_are_relative_paths(self, tmp_path):
        make_folder(tmp_path / "in", 120)
        run_batch([tmp_path / "in"], tmp_path / "out", backend="fast", workers=1, progress="none")
        ids = {r["article"] for r in read_shards(tmp_path / "out")}
        assert "part00/a00000.txt" in ids and "part02/a00119.txt" in ids

    def test_missing_jsonl_id_is_the_line_number(self, tmp_path):
        text = article_text(1)
        lines = [
            json.dumps({"text": text}),
            "",
            json.dumps(
                {"text": text, "id": 77, "outlet": "DW", "published": "2025-04-26T10:00:00Z"}
            ),
        ]
        (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        run_batch(
            [tmp_path / "a.jsonl"], tmp_path / "out", backend="fast", workers=1, progress="none"
        )
        records = read_shards(tmp_path / "out")
        assert {r["article"] for r in records} == {"1", "77"}
        dw = [r for r in records if r["article"] == "77"]
        assert {(r["outlet"], r["published"]) for r in dw} == {("DW", "2025-04-26")}

    def test_gzipped_jsonl(self, tmp_path):
        with gzip.open(tmp_path / "a.jsonl.gz", "wt", encoding="utf-8") as fh:
            for i in range(3):
                fh.write(json.dumps({"id": f"g{i}", "text": article_text(i)}) + "\n")
        result = run_batch(
            [tmp_path / "a.jsonl.gz"], tmp_path / "out", backend="fast", workers=1, progress="none"
        )
        assert result.articles == 3 and result.quotes > 0

    def test_parquet_archive(self, tmp_path):
        pa = pytest.importorskip("pyarrow")
        pq = pytest.importorskip("pyarrow.parquet")
        texts = [article_text(i) for i in range(6)]
        (tmp_path / "a.jsonl").write_text(
            "".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8"
        )
        pq.write_table(pa.table({"text": texts}), tmp_path / "a.parquet")
        run_batch(
            [tmp_path / "a.jsonl"], tmp_path / "j", backend="fast", workers=1, progress="none"
        )
        run_batch(
            [tmp_path / "a.parquet"], tmp_path / "p", backend="fast", workers=1, progress="none"
        )
        assert read_shards(tmp_path / "p") == read_shards(tmp_path / "j")

    def test_unreadable_parquet_is_a_one_line_data_error(self, tmp_path, capsys):
        pytest.importorskip("pyarrow")
        (tmp_path / "bad.parquet").write_bytes(b"PAR1 this is not parquet")
        status = main(
            [
                "batch",
                str(tmp_path / "bad.parquet"),
                "-o",
                str(tmp_path / "out"),
                "--backend",
                "fast",
            ]
        )
        err = capsys.readouterr().err
        assert status == 1
        assert err.count("\n") == 1 and "cannot read the Parquet file" in err
        assert not (tmp_path / "out").exists()

    def test_unsupported_and_missing_inputs_are_data_errors(self, tmp_path, capsys):
        (tmp_path / "a.csv").write_text("text\nhello\n")
        assert main(["batch", str(tmp_path / "a.csv"), "-o", str(tmp_path / "o")]) == 1
        assert "unsupported input" in capsys.readouterr().err
        assert main(["batch", str(tmp_path / "nope"), "-o", str(tmp_path / "o")]) == 1
        assert "no such file or folder" in capsys.readouterr().err


class TestBadInputs:
    def test_each_corrupt_file_is_named_and_good_quotes_are_all_there(self, tmp_path, capsys):
        bad = make_folder(tmp_path / "in", 200, corrupt_every=20)
        assert len(bad) == 10
        status = main(
            [
                "batch",
                str(tmp_path / "in"),
                "-o",
                str(tmp_path / "out"),
                "--backend",
                "fast",
                "--workers",
                "2",
                "--shard-size",
                "30",
                "--quiet",
            ]
        )
        assert status == 1
        assert capsys.readouterr().err == ""
        errors = read_errors(tmp_path / "out")
        assert [e["article"] for e in errors] == bad
        for e in errors:
            assert e["path"] == str(tmp_path / "in" / e["article"])
            assert "\n" not in e["error"] and e["error"].startswith(e["path"])
        reasons = " | ".join(e["error"] for e in errors)
        assert "binary" in reasons and "not valid UTF-8" in reasons and "empty" in reasons
        # every good article's quotes, in order, as `extract` finds them one by one
        good = sorted(
            p
            for p in (tmp_path / "in").rglob("*.txt")
            if p.relative_to(tmp_path / "in").as_posix() not in bad
        )
        from quotes.pipeline import Extractor

        ex = Extractor(backend="fast")
        expected = []
        for p in good:
            rel = p.relative_to(tmp_path / "in").as_posix()
            expected += [q.to_record() for q in ex.extract(p.read_text(), article_id=rel)]
        assert read_shards(tmp_path / "out") == expected
        manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
        assert manifest["counts"] == {"articles": 200, "quotes": len(expected), "failures": 10}
        assert manifest["backend"] == "fast" and manifest["library_version"]

    def test_bad_records_are_error_lines(self, tmp_path):
        good = article_text(3)
        lines = [
            json.dumps({"id": "ok1", "text": good}).encode(),
            b'{"id": "broken", "text": ',
            json.dumps({"id": "notext"}).encode(),
            json.dumps({"id": "number", "text": 42}).encode(),
            json.dumps({"id": "empty", "text": "   "}).encode(),
            json.dumps({"id": "date", "text": good, "published": "yesterday"}).encode(),
            b'["a list"]',
            '{"id": "latin", "text": "d\xe9j\xe0"}'.encode("latin-1"),
            json.dumps({"id": "nul", "text": "a\u0000b"}).encode(),
            json.dumps({"id": "ok2", "text": good}).encode(),
        ]
        (tmp_path / "a.jsonl").write_bytes(b"\n".join(lines) + b"\n")
        result = run_batch(
            [tmp_path / "a.jsonl"], tmp_path / "out", backend="fast", workers=1, progress="none"
        )
        errors = read_errors(tmp_path / "out")
        assert [(e["article"], e["line"]) for e in errors] == [
            ("2", 2),
            ("notext", 3),
            ("number", 4),
            ("empty", 5),
            ("date", 6),
            ("7", 7),
            ("8", 8),
            ("nul", 9),
        ]
        assert all(e["error"].startswith(f"{tmp_path / 'a.jsonl'}:{e['line']}: ") for e in errors)
        assert "not JSON" in errors[0]["error"] and "no 'text'" in errors[1]["error"]
        assert "not valid UTF-8" in errors[6]["error"]
        assert {r["article"] for r in read_shards(tmp_path / "out")} == {"ok1", "ok2"}
        assert (result.articles, result.failures) == (10, 8)

    def test_a_crash_in_the_rules_is_reported_not_fatal(self, tmp_path, monkeypatch):
        import quotes.pipeline

        real = quotes.pipeline.Extractor.extract_article

        def flaky(self, article):
            if "BOOM" in article.text:
                raise IndexError("list index out of range")
            return real(self, article)

        monkeypatch.setattr(quotes.pipeline.Extractor, "extract_article", flaky)
        (tmp_path / "in").mkdir()
        (tmp_path / "in" / "a.txt").write_text(article_text(1))
        (tmp_path / "in" / "b.txt").write_text("BOOM " + article_text(2))
        result = run_batch(
            [tmp_path / "in"], tmp_path / "out", backend="fast", workers=1, progress="none"
        )
        [error] = read_errors(tmp_path / "out")
        assert error["article"] == "b.txt" and "internal error (IndexError" in error["error"]
        assert result.quotes > 0


def _run_small(tmp_path: Path, out: str) -> None:
    """Run the fast backend in this process over tmp_path/in, 20 articles a shard."""
    run_batch(
        [tmp_path / "in"], tmp_path / out, backend="fast", workers=1, shard_size=20, progress="none"
    )


class TestResume:
    def test_rerun_of_a_finished_run_changes_nothing(self, tmp_path):
        make_folder(tmp_path / "in", 60, corrupt_every=7)
        run_batch(
            [tmp_path / "in"],
            tmp_path / "out",
            backend="fast",
            workers=1,
            shard_size=9,
            progress="none",
        )
        before = folder_snapshot(tmp_path / "out")
        result = run_batch(
            [tmp_path / "in"],
            tmp_path / "out",
            backend="fast",
            workers=2,
            shard_size=9,
            progress="none",
        )
        assert result.resumed_shards == result.shards == 7
        assert folder_snapshot(tmp_path / "out") == before

    def test_missing_shards_are_redone_identically(self, tmp_path):
        make_folder(tmp_path / "in", 60, corrupt_every=7)
        run_batch(
            [tmp_path / "in"],
            tmp_path / "out",
            backend="fast",
            workers=1,
            shard_size=9,
            progress="none",
        )
        before = folder_snapshot(tmp_path / "out")
        for name in ("quotes-00002.jsonl", "quotes-00006.jsonl", "manifest.json", "errors.jsonl"):
            (tmp_path / "out" / name).unlink()
        (tmp_path / "out" / ".quotes-00003.jsonl.abc.tmp").write_text("half a shard")
        result = run_batch(
            [tmp_path / "in"],
            tmp_path / "out",
            backend="fast",
            workers=1,
            shard_size=9,
            progress="none",
        )
        assert result.resumed_shards == 5
        assert folder_snapshot(tmp_path / "out") == before
        assert not list((tmp_path / "out").glob(".*.tmp"))

    def test_other_options_in_the_same_outdir_are_refused(self, tmp_path, capsys):
        make_folder(tmp_path / "in", 10)
        args = [
            "batch",
            str(tmp_path / "in"),
            "-o",
            str(tmp_path / "out"),
            "--backend",
            "fast",
            "--workers",
            "1",
            "--quiet",
        ]
        assert main(args) == 0
        assert main([*args, "--shard-size", "3"]) == 1
        assert "other inputs or options (shard_size)" in capsys.readouterr().err
        (tmp_path / "in" / "part00" / "new.txt").write_text(article_text(99))
        assert main(args) == 1
        assert "inputs changed" in capsys.readouterr().err

    def test_a_folder_with_foreign_shards_is_refused(self, tmp_path, capsys):
        make_folder(tmp_path / "in", 3)
        (tmp_path / "out").mkdir()
        (tmp_path / "out" / "quotes-00000.jsonl").write_text("")
        assert main(["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out")]) == 1
        assert "no batch run recorded" in capsys.readouterr().err

    def test_interrupt_leaves_no_partial_shard(self, tmp_path, monkeypatch):
        import quotes.archive.shards

        make_folder(tmp_path / "in", 100)
        real = quotes.archive.shards.Shard.add
        calls = {"n": 0}

        def add(self, outcome):
            calls["n"] += 1
            if calls["n"] == 45:
                raise KeyboardInterrupt
            real(self, outcome)

        monkeypatch.setattr(quotes.archive.shards.Shard, "add", add)
        with pytest.raises(BatchInterrupted) as info:
            _run_small(tmp_path, "out")
        assert (info.value.committed, info.value.shards) == (2, 5)
        names = sorted(p.name for p in (tmp_path / "out").iterdir())
        assert names == [".batch", shard_name(0), shard_name(1)]
        monkeypatch.setattr(quotes.archive.shards.Shard, "add", real)
        _run_small(tmp_path, "out")
        _run_small(tmp_path, "ref")
        assert folder_snapshot(tmp_path / "out") == folder_snapshot(tmp_path / "ref")


    @pytest.mark.parametrize("where", ["open", "commit"])
    def test_interrupt_at_any_moment_leaves_no_temporary_file(self, tmp_path, monkeypatch, where):
        """A Ctrl-C can land after a temporary file exists but before its owner is known."""
        import quotes.archive.shards

        make_folder(tmp_path / "in", 60)
        real_init, real_commit = quotes.archive.shards.Shard.__init__, quotes.archive.shards.Shard.commit
        opened = {"n": 0}

        def init(self, *args, **kwargs):
            real_init(self, *args, **kwargs)  # the hidden shard file now exists
            opened["n"] += 1
            if where == "open" and opened["n"] == 2:
                raise KeyboardInterrupt

        def commit(self):
            if where == "commit" and self.index == 1:
                with quotes.archive.shards.atomic_writer(self.state_path) as fh:
                    fh.write("{}")
                    raise KeyboardInterrupt  # half way through the commit
            real_commit(self)

        monkeypatch.setattr(quotes.archive.shards.Shard, "__init__", init)
        monkeypatch.setattr(quotes.archive.shards.Shard, "commit", commit)
        with pytest.raises(BatchInterrupted) as info:  # keeps the frames alive, as a
            run_batch(  # traceback cycle does in a real run
                [tmp_path / "in"],
                tmp_path / "out",
                backend="fast",
                workers=1,
                shard_size=20,
                progress="none",
            )
        assert info.value.committed == 1
        out = tmp_path / "out"
        assert not list(out.glob(".*.tmp")) and not list((out / ".batch").glob(".*.tmp"))
        assert sorted(p.name for p in out.glob("quotes-*")) == [shard_name(0)]


class _CrashingPool:
    """Stands in for a process pool whose worker dies on articles containing CRASH."""

    def __init__(self, workers, options):
        import quotes.archive.workers

        quotes.archive.workers._init_worker(options, None)
        self.broken = False

    def submit(self, fn, chunk):
        from concurrent.futures import Future
        from concurrent.futures.process import BrokenProcessPool

        fut = Future()
        if self.broken or any("CRASH" in Path(s.path).read_text(errors="replace") for s in chunk):
            self.broken = True  # like a real pool: every later future fails too
            fut.set_exception(BrokenProcessPool("a child process terminated abruptly"))
        else:
            fut.set_result(fn(chunk))
        return fut

    def shutdown(self):
        pass


class TestWorkerDeath:
    def test_only_the_article_that_killed_a_worker_is_lost(self, tmp_path, monkeypatch):
        import quotes.archive.workers

        make_folder(tmp_path / "in", 80)
        run_batch(
            [tmp_path / "in"],
            tmp_path / "ref",
            backend="fast",
            workers=1,
            shard_size=25,
            progress="none",
        )
        killer = tmp_path / "in" / "part00" / "a00033.txt"
        killer.write_text("CRASH " + killer.read_text())
        monkeypatch.setattr(quotes.archive.workers, "_make_executor", _CrashingPool)
        result = run_batch(
            [tmp_path / "in"],
            tmp_path / "out",
            backend="fast",
            workers=2,
            shard_size=25,
            progress="none",
        )
        [error] = read_errors(tmp_path / "out")
        assert error["article"] == "part00/a00033.txt"
        assert "worker process died on this article" in error["error"]
        expected = [r for r in read_shards(tmp_path / "ref") if r["article"] != error["article"]]
        assert read_shards(tmp_path / "out") == expected
        assert result.failures == 1

    def test_workers_dying_on_everything_stop_the_run(self, tmp_path, monkeypatch):
        import quotes.archive.workers

        make_folder(tmp_path / "in", 30)
        for p in (tmp_path / "in").rglob("*.txt"):
            p.write_text("CRASH " + p.read_text())
        monkeypatch.setattr(quotes.archive.workers, "_make_executor", _CrashingPool)
        with pytest.raises(QuotesError, match="worker processes keep dying"):
            run_batch(
                [tmp_path / "in"],
                tmp_path / "out",
                backend="fast",
                workers=2,
                shard_size=10,
                progress="none",
            )
        assert not list((tmp_path / "out").glob("quotes-*"))


def _batch_cmd(inp: Path, out: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "quotes",
        "batch",
        str(inp),
        "-o",
        str(out),
        "--backend",
        "fast",
        "--shard-size",
        "10",
        *extra,
    ]


def _children(pid: int) -> list[int]:
    """Child pids of a process (Linux /proc; empty elsewhere)."""
    kids: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            kids += [int(k) for k in (task / "children").read_text().split()]
        except OSError:
            pass
    return kids


def _wait_gone(pids: list[int], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    for pid in pids:
        while Path(f"/proc/{pid}").exists():
            status = Path(f"/proc/{pid}/status")
            try:
                if "zombie" in status.read_text():
                    break
            except OSError:
                break
            assert time.monotonic() < deadline, f"worker {pid} outlived its parent"
            time.sleep(0.05)


def _wait_for(path: Path, proc: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert proc.poll() is None, "the run ended before it could be interrupted"
        assert time.monotonic() < deadline, f"{path} did not appear"
        time.sleep(0.002)


KILL_ARCHIVE_SIZE = 3000


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """A folder archive with 1 % corrupt files, and its uninterrupted batch output."""
    root = tmp_path_factory.mktemp("archive")
    make_folder(root / "in", KILL_ARCHIVE_SIZE, corrupt_every=100)
    ref = root / "ref"
    done = subprocess.run(
        _batch_cmd(root / "in", ref, "--workers", "1", "--quiet"),
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1, done.stderr  # 1: some inputs failed
    return root / "in", folder_snapshot(ref)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
class TestKilledRuns:
    """Real processes: kill -9 and Ctrl-C midway, then resume."""

    N = KILL_ARCHIVE_SIZE

    def test_kill_9_then_resume_gives_the_uninterrupted_output(self, archive, tmp_path):
        inp, reference = archive
        out = tmp_path / "out"
        proc = subprocess.Popen(
            _batch_cmd(inp, out, "--workers", "2", "--quiet"), cwd=ROOT, stderr=subprocess.PIPE
        )
        _wait_for(out / shard_name(1), proc)
        workers = _children(proc.pid)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        _wait_gone(workers)  # orphaned workers notice and exit
        assert not (out / "manifest.json").exists(), "killed midway"
        shards = list(out.glob("quotes-*.jsonl"))
        assert 2 <= len(shards) < self.N // 10
        again = subprocess.run(
            _batch_cmd(inp, out, "--workers", "2", "--quiet"),
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert again.returncode == 1, again.stderr
        assert folder_snapshot(out) == reference
        assert not list(out.glob(".*.tmp"))
        assert len(read_errors(out)) == self.N // 100

    def test_ctrl_c_stops_cleanly_with_a_message(self, archive, tmp_path):
        inp, reference = archive
        out = tmp_path / "out"
        # A shell that starts pytest in the background ignores SIGINT, and a child inherits an
        # ignored SIGINT (Python then installs no KeyboardInterrupt): un-ignore it for the child.
        previous = signal.signal(signal.SIGINT, signal.default_int_handler)
        try:
            proc = subprocess.Popen(
                _batch_cmd(inp, out, "--workers", "2"), cwd=ROOT, stderr=subprocess.PIPE, text=True
            )
        finally:
            signal.signal(signal.SIGINT, previous)
        _wait_for(out / shard_name(1), proc)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 130
        assert "interrupted:" in err and "run the same command again to resume" in err
        assert "Traceback" not in err
        assert not list(out.glob(".*.tmp"))
        for shard in out.glob("quotes-*.jsonl"):  # every shard under its name is whole
            assert shard.read_bytes() == reference[shard.name]
        again = subprocess.run(
            _batch_cmd(inp, out, "--workers", "1", "--quiet"),
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert again.returncode == 1
        assert folder_snapshot(out) == reference


class TestOutputFormats:
    def test_parquet_shards_hold_the_jsonl_records(self, tmp_path):
        pytest.importorskip("pyarrow")
        make_folder(tmp_path / "in", 40, corrupt_every=9)
        run_batch(
            [tmp_path / "in"],
            tmp_path / "j",
            backend="fast",
            workers=1,
            shard_size=15,
            progress="none",
        )
        run_batch(
            [tmp_path / "in"],
            tmp_path / "p",
            backend="fast",
            workers=2,
            shard_size=15,
            fmt="parquet",
            progress="none",
        )
        assert read_shards(tmp_path / "p", "parquet") == read_shards(tmp_path / "j")
        assert read_errors(tmp_path / "p") == read_errors(tmp_path / "j")

    def test_progress_lines_when_not_a_terminal(self, tmp_path, capsys):
        make_folder(tmp_path / "in", 5)
        assert (
            main(
                [
                    "batch",
                    str(tmp_path / "in"),
                    "-o",
                    str(tmp_path / "out"),
                    "--backend",
                    "fast",
                    "--workers",
                    "1",
                ]
            )
            == 0
        )
        err = capsys.readouterr().err
        assert "quotes: batch: 5/5 articles" in err and "articles/s" in err
        assert "output in" in err
