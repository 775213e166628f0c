"""Archives: reading articles and writing records (:mod:`quotes.archive.io`), the
resumable batch runner (:mod:`quotes.archive.batch`), DataFrames and Arrow
(:mod:`quotes.archive.frames`) and Spark (:mod:`quotes.archive.spark`, also
importable as :mod:`quotes.spark`). All of them call the same per-article code,
:class:`quotes.Extractor`.
"""
