"""Archives: reading articles, writing records, batch runs, DataFrames and Spark.

Reading articles and writing records ([`quotes.archive.io`][], the batch inputs in
`quotes.archive.inputs`), the resumable batch runner ([`quotes.archive.batch`][],
with its worker pool `quotes.archive.workers`, shard writer
`quotes.archive.shards`, output folder `quotes.archive.outdir` and
`quotes.archive.progress`), DataFrames and Arrow ([`quotes.archive.frames`][])
and Spark ([`quotes.archive.spark`][], also importable as `quotes.spark`). All
of them call the same per-article code, [`quotes.Extractor`][].
"""
