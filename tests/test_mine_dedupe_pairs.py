"""The hard-set candidate miner (bench/mine_dedupe_pairs.py) on made-up quote records."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def miner() -> Iterator[ModuleType]:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import mine_dedupe_pairs

        yield mine_dedupe_pairs
    finally:
        sys.path.remove(str(ROOT / "bench"))


def record(
    article: str,
    start: int,
    text: str,
    kind: str = "indirect",
    speaker: str = "Ada Moreau",
    published: str = "2024-03-01",
) -> dict[str, Any]:
    return {
        "article": article, "start": start, "end": start + len(text), "text": text,
        "kind": kind, "speaker": speaker, "outlet": "x", "published": published,
        "speaker_type": "person",
    }  # fmt: skip


def fixed_encoder(vectors: dict[str, list[float]]):
    def encode(texts: Sequence[str]) -> np.ndarray:
        return np.asarray([vectors[t] for t in texts], dtype=np.float64)

    return encode


def test_speaker_names_drop_honorifics_and_appositives(miner: ModuleType) -> None:
    assert miner.name_of("Sen. Ada Moreau") == "Ada Moreau"
    assert miner.name_of("Lev Brandt, director of the harbour board") == "Lev Brandt"
    assert miner.name_of("the harbour spokesman") is None
    assert miner.name_of("she") is None
    assert miner.surname("Ada Moreau’s") == "moreau"


def test_candidates_skip_the_report_half_and_known_pairs(
    miner: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    bridge = "the harbour bridge will close for repairs in May"
    bridge_again = "the bridge over the harbour closes for repairs in May"
    fares = "tram fares in the northern districts will double"
    reported = "that the bridge would shut for the spring"
    records = [
        record("a1", 0, bridge),
        record("a2", 0, bridge_again, published="2024-03-02"),
        record("a3", 0, fares, published="2024-03-20"),
        record("a2", 100, reported, kind="direct", published="2024-03-02"),
        record("a4", 0, bridge, speaker="Lev Brandt"),  # another surname block
    ]
    vectors = {bridge: [1.0, 0.0, 0.0], bridge_again: [0.9, 0.1, 0.0],
               fares: [0.0, 1.0, 0.0], reported: [0.55, 0.0, 0.835]}  # fmt: skip
    monkeypatch.setattr(miner, "default_encoder", fixed_encoder(vectors))
    found = miner.candidates(records, set(), set(), set())
    pairs = {(c["a"]["text"], c["b"]["text"]) for c in found}
    assert (bridge, bridge_again) in pairs
    assert all(fares not in pair for pair in pairs)  # far in embedding space, no rare word
    assert not any(c["reason"] == "restated" for c in found)  # step 4 only with wide
    wide = miner.candidates(records, set(), set(), set(), wide=True)
    assert {c["reason"] for c in wide} >= {"restated"}
    report = {("a2", 0, len(bridge_again))}
    left = miner.candidates(records, report, set(), set())
    assert left and all(bridge_again not in (c["a"]["text"], c["b"]["text"]) for c in left)
    known = {frozenset({("a1", 0, len(bridge)), ("a2", 0, len(bridge_again))})}
    assert (bridge, bridge_again) not in {
        (c["a"]["text"], c["b"]["text"]) for c in miner.candidates(records, set(), set(), known)
    }
