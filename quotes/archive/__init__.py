"""Archives: reading articles, writing records, batch runs, DataFrames and Spark.

Reading articles and writing records (:mod:`quotes.archive.io`, the batch inputs in
:mod:`quotes.archive.inputs`), the resumable batch runner (:mod:`quotes.archive.batch`,
with its worker pool :mod:`quotes.archive.workers`, shard writer
:mod:`quotes.archive.shards`, output folder :mod:`quotes.archive.outdir` and
:mod:`quotes.archive.progress`), DataFrames and Arrow (:mod:`quotes.archive.frames`)
and Spark (:mod:`quotes.archive.spark`, also importable as :mod:`quotes.spark`). All
of them call the same per-article code, :class:`quotes.Extractor`.
"""
