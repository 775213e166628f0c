"""The recipes of docs/howto.md run as written, on seeds/, and do what they say."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "howto.md"


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Run every ``python`` block of the page in order, in one namespace, from the repo root."""
    pytest.importorskip("pandas")  # the DataFrame recipe needs quotes[pandas]
    blocks = re.findall(r"^```python\n(.*?)^```", PAGE.read_text(encoding="utf-8"), re.S | re.M)
    assert len(blocks) >= 6
    namespace: dict = {"__name__": "howto"}
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        for block in blocks:
            exec(compile(block, str(PAGE), "exec"), namespace)  # noqa: S102
    return namespace


def test_folder_is_read_with_its_metadata(page: dict) -> None:
    files = sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
    sidecar = {
        obj["id"]: obj
        for obj in map(json.loads, (ROOT / "seeds" / "metadata.jsonl").read_text().splitlines())
    }
    assert [a.id for a in page["articles"]] == files
    for article in page["articles"]:
        meta = sidecar[article.id]
        assert article.outlet == meta["outlet"]
        assert (article.published and article.published.isoformat()) == meta["published"]
        assert article.title == meta["title"]
    assert any(a.outlet for a in page["articles"]) and any(a.published for a in page["articles"])
    assert [a.id for a in page["readable"]] == files
    assert {q.article for q in page["found"]} <= set(files)
    assert all(q.outlet == sidecar[q.article]["outlet"] for q in page["found"])


def test_quotes_by_a_person(page: dict) -> None:
    peskov = page["peskov"]
    assert len({q.article for q in peskov}) >= 2
    assert {q.speaker.name for q in peskov} == {"Dmitry Peskov"}
    others = [q for q in page["found"] if q not in peskov and q.speaker]
    assert all(q.speaker.name.split()[-1] != "Peskov" for q in others)


def test_speaker_dataframe(page: dict) -> None:
    speakers = page["speakers"]
    assert speakers.index[0] == "Dmitry Peskov"
    assert speakers.loc["Dmitry Peskov", "quotes"] == len(page["peskov"])
    assert list(speakers.columns) == ["quotes", "articles"]


def test_recurring_statements(page: dict) -> None:
    recurring = page["recurring"]
    assert recurring and all(c.size > 1 for c in recurring)
    assert all(len({m.article for m in c.members}) >= 1 for c in recurring)
    sizes = [c.size for c in recurring]
    assert sizes == sorted(sizes, reverse=True)
