"""The same words months apart are two statements: dedupe's date limit (``max_days``)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import numpy as np
import pytest

from quotes.dedupe import DEFAULT_MAX_DAYS, dedupe
from quotes.dedupe.periods import date_periods
from quotes.models import Quote, QuoteKind, Speaker

# Shorter than LONG_REPEAT_WORDS: a long passage repeated months later is the old
# quote quoted again (see test_dedupe_neighbours), a short line a new statement.
BUFFER = "We will create a buffer zone to stop the shelling."
BUFFER_2 = "Russia must create a buffer zone to stop shelling."


def quote(text: str, article: str, day: dt.date | None) -> Quote:
    who = Speaker(name="Vladimir Putin", mention="Putin", start=0, end=0)
    return Quote(text=text, start=0, end=len(text), article=article, published=day, speaker=who)


def corpus() -> list[Quote]:
    return [
        quote(BUFFER, "a", dt.date(2023, 6, 1)),
        quote(BUFFER, "b", dt.date(2023, 6, 2)),
        quote(BUFFER_2, "c", dt.date(2023, 6, 3)),
        quote(BUFFER, "d", dt.date(2024, 6, 1)),
        quote(BUFFER_2, "e", dt.date(2024, 6, 5)),
    ]


def groups(clusters: list) -> list[list[str]]:
    return sorted(sorted(m.article for m in c.members) for c in clusters)


def test_default_is_thirty_days() -> None:
    assert DEFAULT_MAX_DAYS == 30


def test_statement_mode_splits_a_year_apart() -> None:
    assert groups(dedupe(corpus(), mode="statement")) == [["a", "b", "c"], ["d", "e"]]


def test_verbatim_mode_splits_the_same_text_a_year_apart() -> None:
    assert groups(dedupe(corpus(), mode="verbatim")) == [["a", "b"], ["c"], ["d"], ["e"]]


def test_no_limit_merges_across_the_year() -> None:
    assert groups(dedupe(corpus(), mode="statement", max_days=None)) == [["a", "b", "c", "d", "e"]]


def test_limit_is_inclusive() -> None:
    qs = [quote(BUFFER, "a", dt.date(2023, 6, 1)), quote(BUFFER_2, "b", dt.date(2023, 6, 11))]
    assert len(dedupe(qs, max_days=10)) == 1
    assert len(dedupe(qs, max_days=9)) == 2


def test_undated_quote_joins_its_text() -> None:
    qs = [*corpus(), quote(BUFFER, "f", None)]
    assert ["a", "b", "c", "f"] in groups(dedupe(qs))


def test_provenance_records_a_lifted_limit() -> None:
    cluster = dedupe(corpus(), max_days=None)[0]
    assert ("max_days", None) in cluster.provenance.settings
    assert dedupe(corpus())[0].provenance.settings == ()


def test_negative_days_are_refused() -> None:
    with pytest.raises(ValueError, match="max_days"):
        dedupe(corpus(), max_days=-1)


def test_periods_do_not_depend_on_order() -> None:
    days = [dt.date(2020, 1, 1), None, dt.date(2020, 3, 1), dt.date(2020, 3, 2), dt.date(2020, 1, 5)]
    groups_ = [0, 0, 0, 0, 0]
    forward = date_periods(groups_, days, 30)
    backward = date_periods(groups_[::-1], days[::-1], 30)[::-1]
    assert forward == backward == [0, 0, 1, 1, 0]  # undated: a tie, the earlier period


def test_cli_max_days(tmp_path) -> None:
    path = tmp_path / "q.jsonl"
    records = [
        {"text": q.text, "start": q.start, "end": q.end, "article": q.article,
         "published": q.published.isoformat(), "speaker": "Vladimir Putin"}
        for q in corpus()
    ]  # fmt: skip
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")

    def sizes(*extra: str) -> list[int]:
        out = subprocess.run(
            [sys.executable, "-m", "quotes", "dedupe", str(path), *extra],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        return sorted(len(json.loads(line)["members"]) for line in out.splitlines())

    assert sizes() == [2, 3]
    assert sizes("--max-days", "none") == [5]
    bad = subprocess.run(
        [sys.executable, "-m", "quotes", "dedupe", str(path), "--max-days", "-3"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert bad.returncode == 2 and "none" in bad.stderr


# A long direct passage and its reworded repeat months later (not near-verbatim).
FIVE_MONTHS_LATER = dt.date(2023, 11, 20)
PASSAGE = (
    "We are going to create a security buffer zone along the whole border, "
    "so that the shelling of our towns stops for good."
)
PASSAGE_AGAIN = (
    "We will create a security buffer zone on the border so the shelling of our border "
    "towns finally stops."
)


def test_a_long_direct_passage_quoted_again_months_later_is_the_old_statement() -> None:
    qs = [quote(PASSAGE, "a", dt.date(2023, 6, 1)), quote(PASSAGE_AGAIN, "b", FIVE_MONTHS_LATER)]
    assert len(dedupe(qs, mode="statement")) == 1
    assert len(dedupe(qs, mode="verbatim")) == 2  # not near-verbatim: only the term score joins


def test_an_indirect_content_months_later_is_another_occasion() -> None:
    qs = [quote(PASSAGE, "a", dt.date(2023, 6, 1)), quote(PASSAGE_AGAIN, "b", FIVE_MONTHS_LATER)]
    indirect = [q.model_copy(update={"kind": QuoteKind.INDIRECT}) for q in qs]
    assert len(dedupe(indirect, mode="statement")) == 2
    assert len(dedupe(indirect, mode="statement", max_days=None)) == 1


def test_semantic_mode_joins_passages_months_apart_on_their_words_only() -> None:
    # An encoder that finds every text alike: within days the blend joins two
    # unrelated long quotes; months apart they need the term score.
    def alike(texts: list[str]) -> np.ndarray:
        return np.ones((len(texts), 4), dtype=np.float32) / 2.0

    other = "We are going to build new schools and new hospitals in every town of the region."
    near = [quote(PASSAGE, "a", dt.date(2023, 6, 1)), quote(other, "b", dt.date(2023, 6, 2))]
    far = [near[0], quote(other, "b", dt.date(2023, 11, 20))]
    assert len(dedupe(near, mode="semantic", encoder=alike)) == 1
    assert len(dedupe(far, mode="semantic", encoder=alike)) == 2
    again = [near[0], quote(PASSAGE_AGAIN, "c", dt.date(2023, 11, 20))]
    assert len(dedupe(again, mode="semantic", encoder=alike)) == 1
