"""Extract the quotes of an article archive on Spark and write them as Parquet.

Run it with spark-submit (any master), or with plain Python for local mode::

    spark-submit --master yarn docs/examples/spark_extract.py \
        hdfs:///archive/articles.jsonl hdfs:///archive/quotes

    python docs/examples/spark_extract.py articles.parquet out/

INPUT is JSON Lines (one article object per line: ``text`` and optional ``id``,
``outlet``, ``published``) or Parquet with the same columns. OUTDIR receives
``quotes/`` (Parquet, one row per quote, the columns of ``quotes extract``) and
``errors/`` (JSON Lines: ``article``, ``error`` for each article that failed).
"""

from __future__ import annotations

import sys

import quotes.archive.spark


def main(argv: list[str]) -> int:
    """Run the example on ``[INPUT, OUTDIR]``; return the exit status."""
    if len(argv) != 2:
        print("usage: spark_extract.py INPUT OUTDIR", file=sys.stderr)
        return 2
    source, outdir = argv
    spark = quotes.archive.spark.session(app_name="quotes-extract")
    reader = spark.read
    articles = (
        reader.parquet(source) if source.endswith((".parquet", ".pq")) else reader.json(source)
    )
    rows = quotes.archive.spark.extract(articles, backend="fast", errors="column").persist()
    found, failed = quotes.archive.spark.split_errors(rows)
    found.write.mode("overwrite").parquet(f"{outdir}/quotes")
    failed.write.mode("overwrite").json(f"{outdir}/errors")
    print(f"{found.count()} quotes, {failed.count()} failed articles -> {outdir}", file=sys.stderr)
    rows.unpersist()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
