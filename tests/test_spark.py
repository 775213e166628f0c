"""Tests of quotes.archive.spark, on a real Spark in local mode (local[2]).

They skip when pyspark or Java 17+ is missing, unless QUOTES_REQUIRE_SPARK=1 (set
by CI), which turns the skip into a failure so that CI really runs them.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import sys
from pathlib import Path

import pytest

from quotes.errors import DependencyError, QuotesError
from quotes.models import RECORD_KEYS, Span, Speaker

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
REQUIRED = os.environ.get("QUOTES_REQUIRE_SPARK") == "1"

pytestmark = pytest.mark.filterwarnings(
    "ignore:PySpark does not yet fully support pandas:FutureWarning"
)


def _unavailable(reason: str) -> None:
    if REQUIRED:
        pytest.fail(f"QUOTES_REQUIRE_SPARK=1 but Spark cannot run: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def pyspark_types():
    if importlib.util.find_spec("pyspark") is None:
        _unavailable('pyspark is not installed (pip install "quotes[spark]")')
    from pyspark.sql import types

    return types


@pytest.fixture(scope="module")
def spark(pyspark_types):
    import quotes.archive.spark

    try:
        session = quotes.archive.spark.session(
            "local[2]",
            app_name="quotes-tests",
            config={"spark.ui.enabled": "false", "spark.sql.shuffle.partitions": "2"},
        )
    except DependencyError as exc:
        _unavailable(str(exc))
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def seed_articles() -> list[dict]:
    meta = {}
    for line in (SEEDS / "metadata.jsonl").read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        meta[obj["id"]] = obj
    rows = []
    for path in sorted(SEEDS.glob("*.txt")):
        m = meta.get(path.name, {})
        rows.append(
            {
                "id": path.name,
                "text": path.read_text(encoding="utf-8"),
                "outlet": m.get("outlet"),
                "published": m.get("published"),
            }
        )
    return rows


def as_records(rows) -> list[dict]:
    """Spark rows -> extract records (dates back to ISO strings)."""
    out = []
    for row in rows:
        d = row.asDict(recursive=True)
        if isinstance(d.get("published"), dt.date):
            d["published"] = d["published"].isoformat()
        out.append({k: d[k] for k in RECORD_KEYS})
    return out


def key(record: dict) -> tuple:
    return (record["article"] or "", record["start"], record["end"], record["kind"])


def extract_cli_records(capsys) -> list[dict]:
    from quotes.cli.main import main

    capsys.readouterr()
    assert main(["extract", "--backend", "fast", str(SEEDS)]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


class TestSchema:
    def test_columns_come_from_the_models(self, pyspark_types):
        from quotes.archive.spark import spark_schema

        schema = spark_schema()
        assert tuple(schema.fieldNames()) == RECORD_KEYS
        assert schema["speaker"].dataType.fieldNames() == list(Speaker.model_fields)
        assert schema["cue"].dataType.fieldNames() == list(Span.model_fields)
        assert isinstance(schema["published"].dataType, pyspark_types.DateType)
        assert isinstance(schema["start"].dataType, pyspark_types.LongType)
        assert schema["speaker"].nullable and not schema["text"].nullable

    def test_error_schema(self, pyspark_types):
        from quotes.archive.spark import spark_schema

        schema = spark_schema(errors=True)
        assert schema.fieldNames()[-1] == "error"
        assert all(f.nullable for f in schema.fields)


class TestExtract:
    def test_same_quotes_as_quotes_extract(self, spark, tmp_path, capsys):
        expected = extract_cli_records(capsys)
        assert expected
        (tmp_path / "a.jsonl").write_text(
            "".join(json.dumps(r) + "\n" for r in seed_articles()), encoding="utf-8"
        )
        import quotes.archive.spark

        df = spark.read.json(str(tmp_path / "a.jsonl"))
        got = as_records(quotes.archive.spark.extract(df).collect())
        assert sorted(got, key=key) == sorted(expected, key=key)
        # within an article, rows keep document order
        for article in {r["article"] for r in expected}:
            assert [r for r in got if r["article"] == article] == [
                r for r in expected if r["article"] == article
            ]

    def test_same_quotes_as_quotes_batch(self, spark, tmp_path):
        from quotes.archive.batch import run_batch

        rows = seed_articles()
        pq = pytest.importorskip("pyarrow.parquet")
        import pyarrow as pa

        pq.write_table(pa.Table.from_pylist(rows), tmp_path / "a.parquet")
        run_batch(
            [tmp_path / "a.parquet"],
            tmp_path / "out",
            backend="fast",
            workers=2,
            shard_size=2,
            progress="none",
        )
        batch = [
            json.loads(line)
            for p in sorted((tmp_path / "out").glob("quotes-*.jsonl"))
            for line in p.read_text(encoding="utf-8").splitlines()
        ]
        import quotes.archive.spark

        got = as_records(
            quotes.archive.spark.extract(spark.read.parquet(str(tmp_path / "a.parquet"))).collect()
        )
        assert sorted(got, key=key) == sorted(batch, key=key)

    def test_bad_rows_become_error_rows_not_a_failed_job(self, spark, pyspark_types):
        import quotes.archive.spark

        good = seed_articles()[1]["text"]
        rows = [
            ("ok", good, "2025-05-23"),
            ("empty", "   ", None),
            ("null", None, None),
            ("binary", "\x00\x01\x02PNG", None),
            ("date", good, "not a date"),
        ]
        df = spark.createDataFrame(rows, "id string, text string, published string")
        found, failed = quotes.archive.spark.split_errors(quotes.archive.spark.extract(df, errors="column"))
        errors = {r["article"]: r["error"] for r in failed.collect()}
        assert set(errors) == {"empty", "null", "binary", "date"}
        assert errors["empty"] == "article empty: the text is empty"
        assert "binary" in errors["binary"] and "'published'" in errors["date"]
        quotes_rows = found.collect()
        assert quotes_rows and {r["article"] for r in quotes_rows} == {"ok"}
        assert "error" not in found.columns
        assert quotes.archive.spark.extract(df).count() == len(quotes_rows)  # errors="drop"

    def test_column_names_and_missing_id(self, spark):
        import quotes.archive.spark

        df = spark.createDataFrame(
            [("“We are ready,” Peskov said.", "Reuters")], "body string, src string"
        )
        [row] = quotes.archive.spark.extract(df, text="body", outlet="src").collect()
        assert row["outlet"] == "Reuters" and row["article"] is not None
        with pytest.raises(QuotesError, match="no column 'text'"):
            quotes.archive.spark.extract(df)

    def test_backend_is_built_once_per_executor_process(self, spark):
        import quotes.archive.spark

        rows = [(str(i), "“We are ready,” Peskov said.") for i in range(40)]
        df = spark.createDataFrame(rows, "id string, text string").repartition(8)
        assert quotes.archive.spark.extract(df).count() == 40

        def probe(batches):  # runs in the same (reused) Python workers as extract
            import os

            import pyarrow as pa

            import quotes.archive.spark as qs

            for _ in batches:
                pass
            misses = qs._executor_extractor.cache_info().misses
            yield pa.RecordBatch.from_pylist([{"pid": os.getpid(), "builds": misses}])

        seen = df.mapInArrow(probe, "pid long, builds long").collect()
        assert len(seen) == 8
        assert len({r["pid"] for r in seen}) < 8, "workers are reused across partitions"
        assert {r["builds"] for r in seen} == {1}, "one extractor per process"

    def test_spark_submit_example(self, spark, tmp_path):
        (tmp_path / "a.jsonl").write_text(
            "".join(json.dumps(r) + "\n" for r in seed_articles()) + '{"id": "x", "text": ""}\n',
            encoding="utf-8",
        )
        sys.path.insert(0, str(ROOT / "docs" / "examples"))
        try:
            import spark_extract
        finally:
            sys.path.pop(0)
        assert spark_extract.main([str(tmp_path / "a.jsonl"), str(tmp_path / "out")]) == 0
        written = spark.read.parquet(str(tmp_path / "out" / "quotes"))
        assert written.count() > 0 and tuple(written.columns) == RECORD_KEYS
        [error] = spark.read.json(str(tmp_path / "out" / "errors")).collect()
        assert error["article"] == "x"

    # Last in the class: it builds extractors with other stances in the reused Python
    # workers, which test_backend_is_built_once_per_executor_process counts.
    def test_stances_choose_the_rows(self, spark):
        import quotes.archive.spark
        from quotes.errors import InvalidArgumentError

        text = "The mayor criticized the new parking rules.\n\nTaxes will rise, the mayor said.\n"
        df = spark.createDataFrame([("a", text)], "id string, text string")
        default = quotes.archive.spark.extract(df).collect()
        assert [(r["text"], r["stance"]) for r in default] == [("Taxes will rise", "asserts")]
        refers = quotes.archive.spark.extract(df, stances=["refers"]).collect()
        assert [(r["text"], r["stance"]) for r in refers] == [("the new parking rules", "refers")]
        with pytest.raises(InvalidArgumentError, match="unknown stance"):
            quotes.archive.spark.extract(df, stances=["maybe"])


@pytest.fixture(scope="module")
def corpus(spark):
    """Quotes of the seeds plus two seeds republished under other ids (on Spark)."""
    pytest.importorskip("quotes.dedupe.cluster")
    import quotes.archive.spark

    rows = seed_articles()
    copies = [dict(r, id="copy-" + r["id"], outlet="Wire") for r in rows[1:3]]
    df = spark.createDataFrame(
        rows + copies, "id string, text string, outlet string, published string"
    )
    found = quotes.archive.spark.extract(df).persist()
    yield found, as_records(found.collect())
    found.unpersist()


class TestDedupeAtScale:
    """Cross-article dedupe: group the Spark output by speaker key, dedupe each group."""

    @staticmethod
    def clusters(rows) -> set[frozenset]:
        by_id: dict[str, set] = {}
        for r in rows:
            by_id.setdefault(r["cluster"], set()).add((r["article"], r["start"], r["end"]))
        return {frozenset(v) for v in by_id.values()}

    def test_spark_dedupe_equals_dedupe_of_each_speaker_block(self, corpus):
        import quotes.archive.spark

        found, records = corpus
        out = quotes.archive.spark.dedupe(found).collect()
        blocks: dict[str, list] = {}
        for r in records:
            sp = r["speaker"] or {}
            blocks.setdefault(quotes.archive.spark.speaker_key(sp.get("name"), sp.get("type")), []).append(
                r
            )
        local = [
            dict(zip(quotes.archive.spark.dedupe_schema().fieldNames(), row, strict=True))
            for block, recs in blocks.items()
            for row in quotes.archive.spark.dedupe_block(block, recs)
        ]
        assert sorted(map(tuple, (r.asDict().values() for r in out))) == sorted(
            tuple(r.values()) for r in local
        )
        assert len(out) == len(records)  # every quote is in exactly one cluster

    def test_copies_join_and_match_the_global_verbatim_dedupe(self, corpus):
        import quotes.archive.spark
        from quotes.dedupe.cluster import dedupe
        from quotes.models import Quote

        found, records = corpus
        spark_clusters = self.clusters(
            r.asDict() for r in quotes.archive.spark.dedupe(found, mode="verbatim").collect()
        )
        global_clusters = {
            frozenset((m.article, m.start, m.end) for m in c.members)
            for c in dedupe([Quote.from_record(r) for r in records], mode="verbatim")
        }
        assert spark_clusters == global_clusters
        # each quote of a republished article is clustered with its original
        for cluster in spark_clusters:
            copies = {
                (a.removeprefix("copy-"), s, e) for a, s, e in cluster if a.startswith("copy-")
            }
            assert copies <= cluster


class TestUnitWithoutSpark:
    """Pieces that need no JVM."""

    def test_partition_function_builds_the_extractor_once(self, monkeypatch):
        pa = pytest.importorskip("pyarrow")
        import quotes.pipeline
        import quotes.archive.spark

        built = []
        real = quotes.pipeline.Extractor

        class Counting(real):
            def __init__(self, *a, **kw):
                built.append(1)
                super().__init__(*a, **kw)

        monkeypatch.setattr(quotes.pipeline, "Extractor", Counting)
        quotes.archive.spark._executor_extractor.cache_clear()
        fn = quotes.archive.spark._ExtractPartition("fast", None, False, True)
        batch = pa.RecordBatch.from_pylist(
            [
                {
                    "text": "“We are ready,” Peskov said.",
                    "id": "a",
                    "outlet": None,
                    "published": None,
                },
                {"text": "", "id": "b", "outlet": None, "published": None},
            ]
        )
        out = [b for _ in range(3) for b in fn(iter([batch]))]
        assert len(built) == 1
        rows = pa.Table.from_batches(out).to_pylist()
        assert [r["error"] is None for r in rows[:2]] == [True, False]
        quotes.archive.spark._executor_extractor.cache_clear()

    def test_no_java_is_a_clear_error(self, monkeypatch, tmp_path):
        import quotes.archive.spark

        monkeypatch.delenv("JAVA_HOME", raising=False)
        monkeypatch.setenv("PATH", str(tmp_path))
        with pytest.raises(DependencyError, match="Java 17 or newer.*default-jre-headless"):
            quotes.archive.spark.java_version()

    def test_old_java_is_refused(self, monkeypatch, tmp_path):
        import quotes.archive.spark

        java = tmp_path / "bin" / "java"
        java.parent.mkdir()
        java.write_text("#!/bin/sh\necho 'java version \"1.8.0_392\"' >&2\n")
        java.chmod(0o755)
        monkeypatch.setenv("JAVA_HOME", str(tmp_path))
        with pytest.raises(DependencyError, match="found Java 8"):
            quotes.archive.spark.java_version()

    def test_without_pyspark_the_error_names_the_extra(self, monkeypatch):
        import quotes.archive.spark

        monkeypatch.setitem(sys.modules, "pyspark", None)
        with pytest.raises(DependencyError, match=r"quotes\[spark\]"):
            quotes.archive.spark.require_spark()
