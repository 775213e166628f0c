"""The command line: output contract, bad inputs, atomic output."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from quotes.cli.main import main
from quotes.models import RECORD_KEYS

GOOD = "“The bridge will reopen in May,” Mayor Lena Fischer said on Monday.\n"


@pytest.fixture()
def folder(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "metadata.jsonl").write_text(
        json.dumps({"id": "a.txt", "outlet": "Der Bote", "published": "2025-03-01"}) + "\n"
    )
    return tmp_path


def test_jsonl_records_have_exactly_the_contract_keys(folder, capsys):
    assert main(["extract", str(folder), "--backend", "fast"]) == 0
    lines = capsys.readouterr().out.splitlines()
    record = json.loads(lines[0])
    assert tuple(record) == RECORD_KEYS
    assert record["article"] == "a.txt"
    assert record["outlet"] == "Der Bote" and record["published"] == "2025-03-01"
    assert record["speaker"]["name"] == "Lena Fischer"
    assert set(record["speaker"]) == {"name", "mention", "start", "end", "type", "role"}
    assert set(record["cue"]) == {"text", "start", "end"}
    assert GOOD[record["start"]:record["end"]] == record["text"]


def test_outlet_option_overrides_metadata(folder, capsys):
    main(["extract", str(folder / "a.txt"), "--backend", "fast", "--outlet", "Wire"])
    assert json.loads(capsys.readouterr().out.splitlines()[0])["outlet"] == "Wire"


def test_bad_inputs_are_reported_and_others_processed(tmp_path, capsys):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("\"Ça va,\" dit-il, très content.".encode("latin-1"))
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "empty.txt").write_text("  \n")
    missing = tmp_path / "missing.txt"
    code = main(["extract", str(tmp_path), str(missing), "--backend", "fast"])
    out, err = capsys.readouterr()
    assert code == 1
    assert len(out.splitlines()) == 1 and "Lena Fischer" in out
    errors = err.strip().splitlines()
    assert len(errors) == 4
    assert all(line.startswith("quotes: ") for line in errors)
    assert "Traceback" not in err
    for name, words in [("latin1", "UTF-8"), ("binary", "binary"), ("empty", "empty"), ("missing", "no such")]:
        assert any(name in line and words in line for line in errors), (name, errors)


def test_output_file_is_written_whole(folder, tmp_path):
    out = tmp_path / "out" / "quotes.json"
    out.parent.mkdir()
    assert main(["extract", str(folder), "--backend", "fast", "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text())
    assert data[0]["speaker"]["name"] == "Lena Fischer"
    assert [p.name for p in out.parent.iterdir()] == ["quotes.json"]


def test_table_format_is_aligned(folder, capsys):
    main(["extract", str(folder), "--backend", "fast", "--format", "table"])
    header, row = capsys.readouterr().out.splitlines()[:2]
    assert header.split()[:3] == ["article", "kind", "speaker"]
    assert row.index("direct") == header.index("kind")


def test_missing_stanza_models_is_one_clear_line(folder, tmp_path, capsys):
    code = main(
        ["extract", str(folder), "--backend", "stanza", "--stanza-dir", str(tmp_path / "nowhere")]
    )
    err = capsys.readouterr().err
    assert code == 1  # a data error (the models are missing), not a usage error
    assert err.count("\n") == 1 and "python -m quotes download" in err


def test_schema_lists_the_record_keys(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert tuple(schema["properties"]) == RECORD_KEYS


def test_python_dash_m_smoke(folder):
    proc = subprocess.run(
        [sys.executable, "-m", "quotes", "extract", str(folder), "--backend", "fast"],
        capture_output=True, text=True, check=True,
    )
    assert json.loads(proc.stdout.splitlines()[0])["speaker"]["name"] == "Lena Fischer"


def test_dash_reads_one_article_from_standard_input():
    proc = subprocess.run(
        [sys.executable, "-m", "quotes", "extract", "-", "--backend", "fast", "--outlet", "Wire"],
        input=GOOD, capture_output=True, text=True, check=True,
    )
    (record,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert (record["article"], record["outlet"]) == ("stdin", "Wire")
    assert record["speaker"]["name"] == "Lena Fischer"
    assert GOOD[record["start"]:record["end"]] == record["text"]


@pytest.mark.parametrize(("data", "words"), [(b"", "empty"), ("Ça".encode("latin-1"), "UTF-8")])
def test_bad_standard_input_is_one_line(data, words):
    proc = subprocess.run(
        [sys.executable, "-m", "quotes", "extract", "-", "--backend", "fast"],
        input=data, capture_output=True,
    )
    err = proc.stderr.decode()
    assert proc.returncode == 1 and proc.stdout == b""
    assert err.startswith("quotes: <stdin>: ") and words in err and len(err.splitlines()) == 1


def test_published_that_is_not_a_date_is_a_usage_error(folder, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["extract", str(folder), "--backend", "fast", "--published", "May 2025"])
    assert exit_.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines()[-1] == (
        "quotes extract: error: argument --published: not a date (YYYY-MM-DD): 'May 2025'"
    )


def test_bad_date_in_metadata_fails_that_article_only(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "metadata.jsonl").write_text(
        json.dumps({"id": "a.txt", "published": "2025-02-30"}) + "\n"
        + json.dumps({"id": "b.txt", "published": "2025-03-01"}) + "\n"
    )
    assert main(["extract", str(tmp_path), "--backend", "fast"]) == 1
    out, err = capsys.readouterr()
    assert [json.loads(line)["article"] for line in out.splitlines()] == ["b.txt"]
    assert err.startswith("quotes: ") and "a.txt" in err and "'published'" in err
    assert len(err.splitlines()) == 1 and "Traceback" not in err
