"""Tests of quotes.archive.frames: the record schema derivation, Arrow, pandas, Parquet."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from quotes.errors import DependencyError
from quotes.archive.frames import column, record_columns
from quotes.models import RECORD_KEYS, Quote, Span, Speaker
from quotes.pipeline import Extractor

TEXT = (
    "“We are ready to talk,” Kremlin spokesman Dmitry Peskov said on Monday.\n"
    "“Nothing has changed,” Peskov told reporters.\n"
)


@pytest.fixture(scope="module")
def quotes() -> list[Quote]:
    found = Extractor(backend="fast").extract(
        TEXT, article_id="a1", outlet="DW", published="2025-04-26"
    )
    assert found
    return found


class TestRecordColumns:
    def test_columns_are_the_record_keys_in_order(self):
        assert tuple(c.name for c in record_columns()) == RECORD_KEYS

    def test_structs_follow_the_models(self):
        assert [f.name for f in column("speaker").fields] == list(Speaker.model_fields)
        assert [f.name for f in column("cue").fields] == list(Span.model_fields)
        assert column("speaker").nullable and column("cue").nullable

    def test_scalar_types_and_nullability(self):
        assert (column("text").type, column("text").nullable) == ("string", False)
        assert column("start").type == "int64"
        assert column("confidence").type == "float64"
        assert (column("published").type, column("published").nullable) == ("date", True)
        assert column("kind").type == "string"  # an enum is stored as its value
        assert {f.name: f.nullable for f in column("speaker").fields}["role"] is True

    def test_unknown_column(self):
        with pytest.raises(KeyError):
            column("provenance")


class TestArrow:
    def test_table_has_the_derived_schema(self, quotes):
        from quotes.archive.frames import arrow_schema, to_arrow

        table = to_arrow(quotes)
        assert table.schema == arrow_schema()
        assert table.num_rows == len(quotes)

    def test_rows_round_trip_to_records(self, quotes):
        from quotes.archive.frames import to_arrow

        rows = to_arrow(quotes).to_pylist()
        assert rows[0]["published"] == dt.date(2025, 4, 26)
        for row, q in zip(rows, quotes, strict=True):
            row["published"] = row["published"].isoformat()
            assert row == q.to_record()

    def test_records_are_accepted_too(self, quotes):
        from quotes.archive.frames import to_arrow

        assert to_arrow([q.to_record() for q in quotes]) == to_arrow(quotes)

    def test_empty(self):
        from quotes.archive.frames import arrow_schema, to_arrow

        assert to_arrow([]).schema == arrow_schema()

    def test_write_parquet(self, quotes, tmp_path):
        pq = pytest.importorskip("pyarrow.parquet")
        from quotes.archive.frames import to_arrow, write_parquet

        assert write_parquet(quotes, tmp_path / "q.parquet") == len(quotes)
        assert pq.read_table(tmp_path / "q.parquet") == to_arrow(quotes)
        assert [p.name for p in tmp_path.iterdir()] == ["q.parquet"]


class TestPandas:
    def test_dataframe_columns(self, quotes):
        pytest.importorskip("pandas")
        from quotes.archive.frames import to_dataframe

        df = to_dataframe(quotes)
        assert tuple(df.columns) == (*RECORD_KEYS, "speaker_key")
        assert len(df) == len(quotes)
        assert df.loc[0, "speaker"]["name"] == quotes[0].speaker.name

    def test_flatten(self, quotes):
        pytest.importorskip("pandas")
        from quotes.archive.frames import to_dataframe

        df = to_dataframe(quotes, flatten=True)
        assert "speaker.name" in df.columns and "cue.text" in df.columns
        assert "speaker" not in df.columns
        assert list(df["speaker.name"]) == [q.speaker.name if q.speaker else None for q in quotes]


class TestMissingExtra:
    def test_without_pyarrow_the_error_names_the_extra(self, quotes, monkeypatch):
        from quotes.archive.frames import to_arrow

        monkeypatch.setitem(sys.modules, "pyarrow", None)
        with pytest.raises(DependencyError, match=r"quotes\[pandas\]"):
            to_arrow(quotes)
