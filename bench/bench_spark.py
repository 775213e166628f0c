"""Benchmark Spark local[2] against `quotes batch --workers 2` on the same input.

Builds a JSON Lines archive of N articles (the PolNeAR texts of ../shared/polnear
repeated, 1 % bad records: empty, null or binary text, missing field), then:

* runs `python -m quotes batch archive.jsonl --workers 2` (wall clock);
* runs `quotes.archive.spark.extract` on Spark in local mode (local[2]): reads the JSONL,
  extracts, writes Parquet (timed with and without the session start-up);
* compares the two quote sets record by record.

Usage:
    python bench/bench_spark.py [--articles 20000]

Results go to bench/out/spark.json and a Markdown table is printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("QUOTES_SHARED", ROOT.parent / "shared"))
OUT = ROOT / "bench" / "out"

BAD_RECORDS = (
    {"text": ""},
    {"text": None},
    {"text": "\x00\x01\x02\x03 binary \x00"},
    {"title": "no text field"},
)


def build_jsonl(path: Path, n: int) -> tuple[int, int]:
    files = sorted(SHARED.glob("polnear/*/text/*.txt"))
    if not files:
        sys.exit(f"no PolNeAR texts under {SHARED / 'polnear'} (set QUOTES_SHARED)")
    texts = [f.read_text(encoding="utf-8") for f in files]
    bad = 0
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            if i % 100 == 99:
                record = {"id": f"a{i:06d}", **BAD_RECORDS[bad % len(BAD_RECORDS)]}
                bad += 1
            else:
                record = {
                    "id": f"a{i:06d}",
                    "text": texts[i % len(texts)],
                    "outlet": "PolNeAR",
                    "published": "2016-10-01",
                }
            fh.write(json.dumps(record) + "\n")
    return n - bad, bad


def canonical(record: dict) -> str:
    return json.dumps(record, sort_keys=True, ensure_ascii=False)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=20000)
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))

    OUT.mkdir(parents=True, exist_ok=True)
    work = OUT / "spark-bench"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    archive = work / "archive.jsonl"
    n_good, n_bad = build_jsonl(archive, args.articles)

    # quotes batch --workers 2
    start = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "quotes",
            "batch",
            str(archive),
            "-o",
            str(work / "batch"),
            "--backend",
            "fast",
            "--workers",
            "2",
            "--quiet",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    batch_s = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(done.stderr)
    batch = set()
    for shard in sorted((work / "batch").glob("quotes-*.jsonl")):
        with shard.open(encoding="utf-8") as fh:
            batch.update(canonical(json.loads(line)) for line in fh)
    batch_errors = len((work / "batch" / "errors.jsonl").read_text().splitlines())

    # Spark local[2]
    import pyarrow.parquet as pq

    import quotes.archive.spark
    from quotes.models import RECORD_KEYS

    start = time.perf_counter()
    spark = quotes.archive.spark.session(
        "local[2]", app_name="quotes-bench", config={"spark.ui.enabled": "false"}
    )
    spark.sparkContext.setLogLevel("ERROR")
    session_s = time.perf_counter() - start
    job_start = time.perf_counter()
    rows = quotes.archive.spark.extract(spark.read.json(str(archive)), backend="fast", errors="column")
    rows.write.mode("overwrite").parquet(str(work / "spark"))
    job_s = time.perf_counter() - job_start
    spark_s = time.perf_counter() - start
    spark.stop()

    table = pq.read_table(work / "spark")
    spark_set = set()
    spark_errors = 0
    for r in table.to_pylist():
        if r.pop("error") is not None:
            spark_errors += 1
            continue
        if isinstance(r["published"], dt.date):
            r["published"] = r["published"].isoformat()
        spark_set.add(canonical({k: r[k] for k in RECORD_KEYS}))

    result = {
        "articles": args.articles,
        "bad_records": n_bad,
        "batch_w2_s": batch_s,
        "spark_local2_total_s": spark_s,
        "spark_session_s": session_s,
        "spark_job_s": job_s,
        "ratio_total": spark_s / batch_s,
        "ratio_job": job_s / batch_s,
        "quotes_batch": len(batch),
        "quotes_spark": len(spark_set),
        "identical": batch == spark_set,
        "errors_batch": batch_errors,
        "errors_spark": spark_errors,
    }
    (OUT / "spark.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    print(
        "\n| articles | batch --workers 2 (s) | Spark local[2] total (s) | Spark job only (s) "
        "| ratio total | ratio job | quotes | identical sets | errors batch/spark |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|:---:|---:|")
    print(
        f"| {args.articles:,} | {batch_s:.1f} | {spark_s:.1f} | {job_s:.1f} "
        f"| {result['ratio_total']:.2f} | {result['ratio_job']:.2f} | {len(batch):,} "
        f"| {'yes' if result['identical'] else 'NO'} | {batch_errors}/{spark_errors} |"
    )
    if not args.keep:
        shutil.rmtree(work)
    return 0 if result["identical"] else 1


if __name__ == "__main__":
    sys.exit(main())
