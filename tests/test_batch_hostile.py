"""``quotes batch`` on hostile records: a bad record never stops the run (issue 16).

Lone surrogates, fields of the wrong type, undecodable file names, and articles
that run past the per-article time budget all end as one line of ``errors.jsonl``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import quotes
from quotes.archive.batch import run_batch
from quotes.archive.workers import article_budget

ROOT = Path(__file__).resolve().parents[1]
GOOD = "“We are ready,” Peskov said."


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write_archive(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_hostile_records_become_errors_and_the_run_goes_on(tmp_path: Path):
    good = json.dumps({"text": GOOD})
    archive = write_archive(
        tmp_path / "a.jsonl",
        [
            '{"id": "s\\ud800", "text": "' + GOOD.replace('"', '\\"') + '"}',  # id: lone surrogate
            '{"id": "t1", "text": "\\u201cWe are \\udc00 ready,\\u201d Peskov said."}',
            json.dumps({"id": ["x"], "text": GOOD}),
            json.dumps({"id": 7, "outlet": {"name": "DW"}, "text": GOOD}),
            json.dumps({"id": "u1", "url": 5, "text": GOOD}),
            json.dumps({"id": "p1", "published": "notadate", "text": GOOD}),
            '{"id": "o1", "outlet": "DW\\ud800", "text": "x said so."}',
            '{"id": "j1", "text": "cut short',
            json.dumps({"id": 9, "text": GOOD}),
            good,
        ],
    )
    out = tmp_path / "out"
    result = run_batch([archive], out, workers=1, progress="none")
    assert (result.articles, result.failures) == (10, 8)
    errors = read_jsonl(out / "errors.jsonl")  # written: every line is UTF-8
    assert [e["line"] for e in errors] == [1, 2, 3, 4, 5, 6, 7, 8]
    by_line = {e["line"]: e for e in errors}
    assert by_line[1]["article"] == "s\\ud800"  # the id, escaped so that it can be written
    assert "'id' holds a lone surrogate (U+D800 at character 1" in by_line[1]["error"]
    assert "the text holds a lone surrogate (U+DC00" in by_line[2]["error"]
    assert by_line[3][
        "error"
    ] == "a.jsonl:3: 'id' must be a string or an integer, not an array ([\"x\"])".replace(
        "a.jsonl", str(archive)
    )
    assert by_line[3]["article"] == "3"
    assert "'outlet' must be a string, not an object" in by_line[4]["error"]
    assert "'url' must be a string, not a number" in by_line[5]["error"]
    assert "invalid 'published'" in by_line[6]["error"] and "notadate" in by_line[6]["error"]
    assert "'outlet' holds a lone surrogate" in by_line[7]["error"]
    assert (
        "not JSON (Unterminated string starting at: line 1 column 22 (char 21))"
        in by_line[8]["error"]
    )
    quotes_written = read_jsonl(out / "quotes-00000.jsonl")
    assert [q["article"] for q in quotes_written] == ["9", "10"]


def test_a_file_name_that_is_not_utf8_gets_an_escaped_id(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsencode(folder) + b"/caf\xe9.txt"  # Latin-1 bytes: Python sees a surrogate
    with open(name, "wb") as fh:
        fh.write(GOOD.encode("utf-8"))
    out = tmp_path / "out"
    result = run_batch([folder], out, workers=1, progress="none")
    assert result.failures == 0
    (record,) = read_jsonl(out / "quotes-00000.jsonl")
    assert record["article"] == "caf\\udce9.txt"
    assert record["speaker"]["name"] == "Peskov"


def test_a_bad_name_in_an_error_record_is_escaped_too(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/bad\xff.txt", "wb") as fh:
        fh.write(b"\x00\x01binary")
    out = tmp_path / "out"
    result = run_batch([folder], out, workers=1, progress="none")
    assert result.failures == 1
    (error,) = read_jsonl(out / "errors.jsonl")
    assert error["article"] == "bad\\udcff.txt" and error["path"].endswith("bad\\udcff.txt")


# -- the per-article time budget -------------------------------------------------


def test_the_budget_interrupts_a_slow_block_and_restores_the_signal():
    import signal

    before = signal.getsignal(signal.SIGALRM)
    with pytest.raises(quotes.ArticleTimeoutError), article_budget(0.05):
        time.sleep(5)
    assert signal.getsignal(signal.SIGALRM) == before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    with article_budget(None):  # no budget: nothing armed
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_budget_that_is_swallowed_fires_again():
    caught = 0
    with pytest.raises(quotes.ArticleTimeoutError), article_budget(0.05):
        for _ in range(2):
            try:
                time.sleep(5)
            except quotes.ArticleTimeoutError:
                caught += 1  # code that catches everything: the timer comes back
        time.sleep(5)
    assert caught == 2


def _slow_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    """Articles whose text contains SLOW sleep for 30 s in the extractor."""
    original = quotes.Extractor.extract_article

    def extract_article(self, article):
        if "SLOW" in article.text:
            time.sleep(30)
        return original(self, article)

    monkeypatch.setattr(quotes.Extractor, "extract_article", extract_article)


def _folder_with_a_slow_article(root: Path) -> Path:
    folder = root / "in"
    folder.mkdir()
    for i in range(6):
        text = GOOD.replace("Peskov", "Lavrov") + (" SLOW" if i == 2 else "")
        (folder / f"a{i}.txt").write_text(text, encoding="utf-8")
    return folder


def test_an_article_past_its_budget_is_recorded_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    _slow_articles(monkeypatch)
    folder = _folder_with_a_slow_article(tmp_path)
    out = tmp_path / "out"
    result = run_batch([folder], out, workers=1, shard_size=2, progress="none", article_timeout=0.5)
    assert (result.articles, result.failures) == (6, 1)
    (error,) = read_jsonl(out / "errors.jsonl")
    assert error["article"] == "a2.txt"
    assert "per-article budget of 0.5 s (--article-timeout)" in error["error"]
    assert len(list(out.glob("quotes-*.jsonl"))) == 3
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["options"]["article_timeout"] == 0.5
    again = run_batch([folder], out, workers=1, shard_size=2, progress="none", article_timeout=0.5)
    assert (again.resumed_shards, again.failures) == (3, 1)  # a re-run resumes, budget and all


def test_the_budget_holds_in_worker_processes(tmp_path: Path):
    """Two spawned workers; the slow extractor is installed in them by a sitecustomize."""
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(
        "import time\n"
        "import quotes.pipeline as p\n"
        "_original = p.Extractor.extract_article\n"
        "def _slow(self, article):\n"
        "    if 'SLOW' in article.text:\n"
        "        time.sleep(60)\n"
        "    return _original(self, article)\n"
        "p.Extractor.extract_article = _slow\n",
        encoding="utf-8",
    )
    folder = _folder_with_a_slow_article(tmp_path)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(hooks), str(ROOT)])}
    proc = subprocess.run(
        [sys.executable, "-m", "quotes", "batch", str(folder), "-o", str(out), "-q",
         "--workers", "2", "--shard-size", "2", "--article-timeout", "1"],
        capture_output=True, text=True, env=env, timeout=50,
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr  # 1: some inputs failed
    (error,) = read_jsonl(out / "errors.jsonl")
    assert error["article"] == "a2.txt" and "per-article budget of 1 s" in error["error"]
    assert len(read_jsonl(out / "quotes-00000.jsonl")) == 2


@pytest.mark.parametrize("value", ["-1", "nan", "inf"])
def test_a_bad_budget_is_a_usage_error(tmp_path: Path, value: str):
    proc = subprocess.run(
        [sys.executable, "-m", "quotes", "batch", str(tmp_path), "-o", str(tmp_path / "o"),
         "--article-timeout", value],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 2 and "--article-timeout" in proc.stderr


def test_a_corrupt_run_identity_is_one_clear_error(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "out" / ".batch").mkdir(parents=True)
    (tmp_path / "out" / ".batch" / "run.json").write_bytes(b'{"inputs": [\xff')
    with pytest.raises(quotes.QuotesError, match="unreadable run identity; use another OUTDIR"):
        run_batch([folder], tmp_path / "out", workers=1, progress="none")
