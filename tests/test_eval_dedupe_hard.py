"""The hard-set dedupe scorer (bench/eval_dedupe_hard.py) on made-up pairs."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from quotes.errors import CorpusFormatError, DependencyError

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def hard() -> Iterator[ModuleType]:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import eval_dedupe_hard

        yield eval_dedupe_hard
    finally:
        sys.path.remove(str(ROOT / "bench"))


def side(article: str, text: str, speaker: str = "Ada Moreau", start: int = 0) -> dict[str, Any]:
    return {
        "article": article, "start": start, "end": start + len(text), "text": text,
        "kind": "direct", "speaker": speaker, "speaker_type": "person",
        "outlet": article.split("-")[0], "published": "2024-03-01",
    }


LINE = "The harbour bridge will close for repairs from the first of May until the autumn"
OTHER = "Tram fares across the northern districts will double next January, the council decided"


def pair(pid: str, label: str, category: str, a: dict, b: dict, split: str = "tune") -> dict:
    return {"id": pid, "label": label, "category": category, "split": split, "a": a, "b": b}


def test_score_clusters_counts_each_outcome_and_category(hard: ModuleType) -> None:
    a, b, c, d = (side(n, LINE) for n in ("w-1", "x-1", "y-1", "z-1"))
    pairs = [
        pair("1", "same", "verbatim", a, b),       # merged: tp
        pair("2", "same", "paraphrase", a, c),     # apart: fn
        pair("3", "different", "denial", b, d),    # merged: fp
        pair("4", "different", "other-claim", c, d),  # apart: tn
    ]
    clusters = {("w-1", 0, len(LINE)): "k1", ("x-1", 0, len(LINE)): "k1",
                ("y-1", 0, len(LINE)): "k2", ("z-1", 0, len(LINE)): "k1"}
    score = hard.score_clusters(pairs, clusters, "m")
    assert dict(score.counts) == {"tp": 1, "fn": 1, "fp": 1, "tn": 1}
    assert (score.precision, score.recall, score.f1) == (0.5, 0.5, 0.5)
    assert score.by_category == {"denial": (1, 1), "other-claim": (0, 1),
                                 "paraphrase": (0, 1), "verbatim": (1, 1)}
    assert [(o, p["id"]) for o, p in score.errors] == [("fn", "2"), ("fp", "3")]


def test_empty_predictions_give_precision_one_and_recall_zero(hard: ModuleType) -> None:
    a, b = side("w-1", LINE), side("x-1", LINE)
    score = hard.score_clusters([pair("1", "same", "verbatim", a, b)],
                                {("w-1", 0, len(LINE)): "k1", ("x-1", 0, len(LINE)): "k2"})
    assert (score.precision, score.recall, score.f1) == (1.0, 0.0, 0.0)


def test_the_whole_split_is_deduped_together(hard: ModuleType) -> None:
    """Two halves of one line, labelled different, merge once the full line is in the split."""
    words = LINE.split()
    first = side("x-1", " ".join(words[:8]))
    second = side("y-1", " ".join(words[8:]))
    halves = [pair("2", "different", "other-claim", first, second)]
    assert hard.evaluate(halves, "verbatim").counts["tn"] == 1
    full = pair("1", "same", "partial", side("w-1", LINE), first)
    together = hard.evaluate([full, *halves], "verbatim")
    assert dict(together.counts) == {"tp": 1, "fp": 1}
    # the same words from another speaker are not the same statement
    stranger = side("z-1", LINE, speaker="Boris Lindqvist")
    apart = pair("3", "different", "other-speaker", side("w-1", LINE), stranger)
    score = hard.evaluate([apart], "verbatim")
    assert score.counts["tn"] == 1


def test_cross_article_scores_only_pairs_of_two_articles(hard: ModuleType) -> None:
    """The quotes of same-article pairs are still deduped, only their pairs go unscored."""
    words = LINE.split()
    first = side("x-1", " ".join(words[:8]))
    second = side("y-1", " ".join(words[8:]))
    full = side("x-1", LINE, start=200)
    pairs = [pair("1", "same", "partial", full, first),
             pair("2", "different", "other-claim", first, second)]
    score = hard.evaluate(pairs, "verbatim", cross_article=True)
    assert dict(score.counts) == {"fp": 1}


def test_speaker_type_is_kept_when_building_quotes(hard: ModuleType) -> None:
    body = side("w-1", LINE, speaker="Harbour Authority")
    body["speaker_type"] = "organization"
    quotes = hard.split_quotes([pair("1", "same", "verbatim", body, side("x-1", LINE))])
    assert quotes[("w-1", 0, len(LINE))].speaker.type.value == "organization"


def test_load_pairs_filters_the_split_and_names_bad_lines(hard: ModuleType, tmp_path: Path) -> None:
    good = [pair("1", "same", "verbatim", side("w-1", LINE), side("x-1", LINE), "tune"),
            pair("2", "same", "verbatim", side("y-1", LINE), side("z-1", LINE), "report")]
    path = tmp_path / "pairs.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in good) + "\n", encoding="utf-8")
    assert [p["id"] for p in hard.load_pairs(path, "report")] == ["2"]
    assert len(hard.load_pairs(path, "all")) == 2
    with pytest.raises(ValueError, match="unknown split"):
        hard.load_pairs(path, "dev")
    bad = dict(good[0], label="maybe")
    path.write_text(json.dumps(good[0]) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    expected = r"pairs.jsonl:2: not a labelled pair: label 'maybe'"
    with pytest.raises(CorpusFormatError, match=expected):
        hard.load_pairs(path)


def test_table_reports_rates_per_category_and_skipped_modes(hard: ModuleType) -> None:
    a, b, c = side("w-1", LINE), side("x-1", LINE), side("y-1", OTHER)
    pairs = [pair("1", "same", "verbatim", a, b), pair("2", "different", "other-claim", a, c)]

    def fake(pairs: Any, mode: str) -> Any:
        if mode == "semantic":
            raise DependencyError("semantic mode needs: pip install quotes[semantic]\nmore")
        return hard.evaluate(pairs, mode)

    scores = hard.run(pairs, ["verbatim", "semantic"], fake)
    table = hard.format_table(scores, hard.category_labels(pairs), markdown=True).splitlines()
    assert table[0] == ("| mode | precision | recall | F1 | tp | fp | fn | tn "
                        "| verbatim merged | other-claim apart |")
    assert table[2] == (
        "| verbatim | 1.000 | 1.000 | 1.000 | 1 | 0 | 0 | 1 | 1.00 (1/1) | 1.00 (1/1) |"
    )
    skipped = "| semantic | skipped: semantic mode needs: pip install quotes[semantic] |"
    assert table[3].startswith(skipped)
    assert "split tune: 2 pairs on 3 quotes (1 same, 1 different" in hard.summary(pairs, "tune")


@pytest.fixture(scope="module")
def losses_module() -> Iterator[ModuleType]:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import dedupe_hard_losses

        yield dedupe_hard_losses
    finally:
        sys.path.remove(str(ROOT / "bench"))


class TestLosses:
    def test_each_wrong_pair_gets_the_stage_that_decided_it(self, losses_module) -> None:
        denied = "The harbour bridge will not close for repairs from the first of May"
        pairs = [
            # two speakers: never compared
            pair("1", "same", "paraphrase", side("a-1", LINE), side("b-1", LINE, "Jon Bell")),
            # a short denial: the polarity rule
            pair("2", "same", "paraphrase", side("c-1", LINE[:68]), side("d-1", denied)),
            # nothing shared: the score
            pair("3", "same", "paraphrase", side("e-1", LINE), side("f-1", OTHER)),
        ]
        found = {pid: (outcome, stage) for outcome, stage, p in losses_module.losses(
            pairs, "statement") for pid in [p["id"]]}  # fmt: skip
        assert found == {
            "1": ("fn", "other block"),
            "2": ("fn", "rule: polarity"),
            "3": ("fn", "score"),
        }

    def test_ranking_figures(self, losses_module) -> None:
        import numpy as np

        scores, labels = np.array([0.9, 0.8, 0.3, 0.2]), np.array([True, False, True, False])
        assert losses_module.auc(scores, labels) == 0.75
        assert losses_module.best_f1(scores, labels) == (0.8, 0.3)
