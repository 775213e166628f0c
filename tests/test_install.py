"""Install and defaults: `fast` by default, Stanza an optional extra, the pins, `make run`."""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, STANZA_DIR

import quotes
from quotes.cli.main import main
from quotes.errors import SegmenterUnavailableError
from quotes.text.segment import _stanza

GOOD = "“The bridge will reopen in May,” Mayor Lena Fischer said on Monday.\n"


def _plain_shell_env(tmp_path: Path) -> dict[str, str]:
    """An environment as a new user's shell has it: no QUOTES_*, no Stanza models anywhere."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QUOTES_", "STANZA_"))}
    env["HOME"] = str(tmp_path / "home")  # no ~/stanza_resources
    env["PYTHONPATH"] = str(ROOT)
    return env


def _run_without_stanza(code: str, tmp_path: Path) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh interpreter where `import stanza` fails, as in a core install."""
    prelude = "import sys; sys.modules['stanza'] = None; sys.modules['torch'] = None\n"
    return subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(code)],
        capture_output=True, text=True, env=_plain_shell_env(tmp_path), cwd=tmp_path,
    )


# -- fast is the default everywhere ------------------------------------------------------


def test_python_api_defaults_to_fast_without_stanza_or_models(tmp_path):
    code = f"""
        import quotes
        q = quotes.extract({GOOD!r})[0]
        print(q.speaker.name, q.provenance.backend, quotes.Extractor().backend)
        """
    proc = _run_without_stanza(code, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["Lena", "Fischer", "fast", "fast"]


def test_cli_extract_and_batch_default_to_fast_without_stanza_or_models(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD, encoding="utf-8")
    proc = _run_without_stanza(
        """
        from quotes.cli.main import main
        assert main(["extract", "in"]) == 0
        assert main(["batch", "in", "-o", "out", "--workers", "1", "-q"]) == 0
        """,
        tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.splitlines()[0])["speaker"]["name"] == "Lena Fischer"
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["backend"] == "fast"


def test_help_names_fast_as_the_default(capsys):
    for command in ("extract", "batch"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        out = " ".join(capsys.readouterr().out.split())
        assert "fast (default" in out and "pip install quotes[stanza]" in out


# -- Stanza is an extra, with a clear error when missing ----------------------------------


def test_missing_stanza_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "stanza", None)  # `import stanza` raises ImportError
    with pytest.raises(SegmenterUnavailableError, match=r"pip install quotes\[stanza\]"):
        quotes.Extractor(backend="stanza")


def test_cli_with_missing_stanza_is_one_line_naming_the_extra(monkeypatch, tmp_path, capsys):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    monkeypatch.setitem(sys.modules, "stanza", None)
    assert main(["extract", str(tmp_path / "a.txt"), "--backend", "stanza"]) == 1  # a missing model is a data error (1), not a usage error (2)
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.startswith("quotes: ")
    assert "pip install quotes[stanza]" in captured.err


def _pyproject() -> dict:
    tomllib = pytest.importorskip("tomllib")  # Python >= 3.11
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_core_dependencies_bring_no_stanza_or_torch():
    project = _pyproject()["project"]
    names = {re.split(r"[<>=!~\[; ]", d)[0].lower() for d in project["dependencies"]}
    assert not names & {"stanza", "torch"}
    extras = project["optional-dependencies"]
    assert extras["stanza"] == ["stanza>=1.8"]
    assert "stanza" in extras["dev"][0]  # quotes[...,stanza]: the tests run the Stanza backend
    assert not any("torch" in d for deps in extras.values() for d in deps)  # TORCH_SPEC, not a pin


def test_pins_spark_pandas_below_3_and_license_is_spdx():
    data = _pyproject()
    spark = data["project"]["optional-dependencies"]["spark"]
    assert any(d.startswith("pandas") and "<3" in d for d in spark)
    assert data["project"]["license"] == "MIT"
    assert any(r.startswith("setuptools>=") and int(r.split(">=")[1].split(".")[0]) >= 77
               for r in data["build-system"]["requires"])


# -- torch threads ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"QUOTES_TORCH_THREADS": "3"}, 3),
        ({"QUOTES_TORCH_THREADS": "3", "OMP_NUM_THREADS": "8"}, 3),
        ({"OMP_NUM_THREADS": "8"}, None),  # torch follows OMP_NUM_THREADS itself
    ],
)
def test_torch_threads_follow_the_environment(monkeypatch, env, expected):
    for name in ("QUOTES_TORCH_THREADS", "OMP_NUM_THREADS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert _stanza.torch_threads() == expected


def test_torch_threads_default_is_small(monkeypatch):
    monkeypatch.delenv("QUOTES_TORCH_THREADS", raising=False)
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert _stanza.torch_threads() == max(1, min(4, usable or 1))


def test_torch_threads_is_one_in_a_worker_process(monkeypatch):
    monkeypatch.delenv("QUOTES_TORCH_THREADS", raising=False)
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    with multiprocessing.get_context("spawn").Pool(1) as pool:  # as `quotes batch` workers
        assert pool.apply(_stanza.torch_threads) == 1


@pytest.mark.parametrize("value", ["0", "two", "-1"])
def test_bad_torch_threads_is_a_clear_error(monkeypatch, value):
    monkeypatch.setenv("QUOTES_TORCH_THREADS", value)
    with pytest.raises(SegmenterUnavailableError, match="QUOTES_TORCH_THREADS"):
        _stanza.torch_threads()


def test_stanza_backend_sets_torch_threads_and_output_does_not_change(
    stanza_extractor, monkeypatch
):
    torch = pytest.importorskip("torch")
    before = torch.get_num_threads()
    articles = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    expected = [[q.to_record() for q in stanza_extractor.extract(t)] for t in articles]
    monkeypatch.setenv("QUOTES_TORCH_THREADS", "1")
    try:
        one = quotes.Extractor(backend="stanza", stanza_dir=str(STANZA_DIR))
        assert torch.get_num_threads() == 1
        assert [[q.to_record() for q in one.extract(t)] for t in articles] == expected
    finally:
        torch.set_num_threads(before)


# -- make run needs nothing beside the clone, and no torch ---------------------------------


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_installs_the_core_only(tmp_path):
    proc = subprocess.run(
        ["make", "-n", "run", f"VENV={tmp_path / 'venv'}"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    commands = proc.stdout
    assert "pip install -q -e ." in commands and "quotes extract seeds/" in commands
    assert "torch" not in commands and "[dev]" not in commands and "--backend" not in commands
    test_plan = subprocess.run(
        ["make", "-n", "test", f"VENV={tmp_path / 'venv'}"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout
    assert test_plan.index("torch==") < test_plan.index('".[dev]"')  # torch before the extra
