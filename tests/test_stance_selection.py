"""Choosing the stances reported: ``--stances`` on extract and batch, ``stances=`` in run_batch."""

from __future__ import annotations

import json

import pytest

from quotes.archive.batch import run_batch
from quotes.cli.main import main
from quotes.errors import InvalidArgumentError
from quotes.pipeline import stance_values

# One statement the speaker makes, and one noun phrase she only criticizes.
TEXT = (
    "The mayor criticized the new parking rules on Tuesday.\n\n"
    "The council will vote on the budget next week, the mayor said.\n"
)


@pytest.fixture()
def folder(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


def _extract(folder, capsys, *extra: str) -> list[dict]:
    assert main(["extract", str(folder / "in"), "--backend", "fast", *extra]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_default_leaves_out_references(folder, capsys):
    records = _extract(folder, capsys)
    assert [(r["text"], r["stance"]) for r in records] == [
        ("The council will vote on the budget next week", "asserts")
    ]


@pytest.mark.parametrize("value", ["all", "asserts,refers", "REFERS, asserts"])
def test_stances_option_adds_references(folder, capsys, value):
    records = _extract(folder, capsys, "--stances", value)
    assert {(r["text"], r["stance"]) for r in records} == {
        ("the new parking rules", "refers"),
        ("The council will vote on the budget next week", "asserts"),
    }


def test_only_references(folder, capsys):
    records = _extract(folder, capsys, "--stances", "refers")
    assert [(r["text"], r["stance"]) for r in records] == [("the new parking rules", "refers")]


@pytest.mark.parametrize("value", ["bogus", "asserts,nope", ",", ""])
def test_unknown_stance_is_a_usage_error(folder, capsys, value):
    with pytest.raises(SystemExit) as stop:
        main(["extract", str(folder / "in"), "--stances", value])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "stance" in err and "asserts, denies, questions, refers" in err


def test_batch_stances_reach_the_workers_and_the_manifest(folder):
    out = folder / "out"
    run_batch([folder / "in"], out, backend="fast", workers=1, progress="none", stances=["refers"])
    lines = (out / "quotes-00000.jsonl").read_text().splitlines()
    assert [json.loads(line)["stance"] for line in lines] == ["refers"]
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["options"]["stances"] == ["refers"]


def test_batch_default_manifest_names_the_default_stances(folder):
    out = folder / "out"
    run_batch([folder / "in"], out, backend="fast", workers=1, progress="none")
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["options"]["stances"] == ["asserts", "denies", "questions"]


def test_batch_resume_with_other_stances_is_refused(folder, capsys):
    args = ["batch", str(folder / "in"), "-o", str(folder / "out"), "--workers", "1", "--quiet"]
    assert main(args) == 0
    assert main([*args, "--stances", "all"]) == 1
    assert "other inputs or options (stances)" in capsys.readouterr().err
    # The default written out in full is the default: the run resumes.
    assert main([*args, "--stances", "asserts,denies,questions"]) == 0


def test_stance_values():
    assert stance_values(None) is None
    assert stance_values(["questions", "denies", "asserts"]) is None
    assert stance_values(["refers", "asserts"]) == ("asserts", "refers")
    with pytest.raises(InvalidArgumentError, match="unknown stance 'maybe'"):
        stance_values(["maybe"])
