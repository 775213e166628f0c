"""Extract quotes at cluster scale with Apache Spark.

[`extract`][quotes.archive.spark.extract] turns a DataFrame of articles into a DataFrame of quotes,
one row per quote with the columns of a ``quotes extract`` JSON Lines record (``speaker`` and
``cue`` as structs, ``published`` as a date). The schema comes from the pydantic models through
[`quotes.archive.frames.record_columns`][], the same derivation as the Arrow schema. Each executor
process builds its [`Extractor`][quotes.pipeline.Extractor] once and runs the very code of
``quotes extract`` and ``quotes batch`` on every article.

Rows whose text cannot be an article (null, empty, binary, not a string, a bad
date...) never fail the job: they are dropped, or returned as error rows with
``errors="column"`` (see [`split_errors`][quotes.archive.spark.split_errors]).

Needs ``pip install "quotes[spark]"`` (pyspark and pyarrow) and Java 17 or newer.

Example (``spark-submit extract_quotes.py articles.jsonl out/``)::

    import sys
    import quotes.archive.spark

    spark = quotes.archive.spark.session(app_name="quotes")
    articles = spark.read.json(sys.argv[1])          # or spark.read.parquet(...)
    rows = quotes.archive.spark.extract(articles, backend="fast", errors="column").persist()
    found, failed = quotes.archive.spark.split_errors(rows)
    found.write.mode("overwrite").parquet(sys.argv[2] + "/quotes")
    failed.write.mode("overwrite").json(sys.argv[2] + "/errors")
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from quotes.errors import DependencyError, QuotesError

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql.types import DataType, StructType

    from quotes.archive.frames import Column
    from quotes.models import Stance
    from quotes.pipeline import Extractor

__all__ = [
    "CLUSTER_COLUMNS",
    "ERROR_COLUMN",
    "MIN_JAVA",
    "dedupe",
    "dedupe_block",
    "dedupe_schema",
    "extract",
    "java_version",
    "require_spark",
    "session",
    "spark_schema",
    "speaker_key",
    "split_errors",
]

#: Oldest Java that the supported Spark versions run on.
MIN_JAVA = 17
#: Name of the error column added by ``extract(..., errors="column")``.
ERROR_COLUMN = "error"

SPARK_MISSING = (
    'quotes.archive.spark needs pyspark, which is not installed: pip install "quotes[spark]"'
)
JAVA_MISSING = (
    "Spark needs Java {minimum} or newer{found}: install it (Debian/Ubuntu: "
    "apt-get install default-jre-headless; macOS: brew install openjdk@{minimum}) "
    "or set JAVA_HOME to its folder"
)
NO_TEXT_COLUMN = "the DataFrame has no column {name!r} for the article text (columns: {columns})"
BAD_ERRORS_MODE = "errors must be 'drop' or 'column', not {mode!r}"
DEDUPE_MISSING = "quotes.dedupe.cluster is not available in this installation ({reason})"
SPARK_FAILED = (
    "Spark could not start ({reason}); check that Java {minimum}+ works (java -version) "
    "and JAVA_HOME"
)


def _java_executable() -> str | None:
    home = os.environ.get("JAVA_HOME")
    if home:
        candidate = os.path.join(home, "bin", "java")
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("java")


def java_version() -> int:
    """Return the major version of the Java that Spark will use.

    Java is looked up as Spark does: ``$JAVA_HOME/bin/java``, else ``java`` on the
    ``PATH``.

    Raises:
        DependencyError: No Java is found, it does not run, or it is older than
            `MIN_JAVA`; the message says how to install one.
    """
    java = _java_executable()
    if java is None:
        raise DependencyError(JAVA_MISSING.format(minimum=MIN_JAVA, found=" and none was found"))
    try:
        done = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        found = f"; {java} does not run ({exc})"
        raise DependencyError(JAVA_MISSING.format(minimum=MIN_JAVA, found=found)) from None
    match = re.search(r'version "(\d+)(?:\.(\d+))?', done.stderr + done.stdout)
    if done.returncode != 0 or match is None:
        found = f"; {java} -version failed"
        raise DependencyError(JAVA_MISSING.format(minimum=MIN_JAVA, found=found))
    major = int(match.group(1))
    if major == 1 and match.group(2):  # "1.8.0_392" is Java 8
        major = int(match.group(2))
    if major < MIN_JAVA:
        found = f" (found Java {major} at {java})"
        raise DependencyError(JAVA_MISSING.format(minimum=MIN_JAVA, found=found))
    return major


def require_spark() -> None:
    """Check that pyspark and a recent enough Java are installed.

    Raises:
        DependencyError: pyspark or Java is missing; the message names the fix.
    """
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise DependencyError(SPARK_MISSING) from None
    java_version()


def session(
    master: str | None = None,
    *,
    app_name: str = "quotes",
    config: dict[str, str] | None = None,
) -> SparkSession:
    """Get or create a Spark session, after checking pyspark and Java.

    Executors run this Python (``PYSPARK_PYTHON`` defaults to ``sys.executable``),
    so that they import the same ``quotes``.

    Args:
        master: Spark master URL (``local[2]``, ``yarn``...); default: the one
            ``spark-submit`` gives, else ``local[*]``.
        app_name: Application name shown in the Spark UI.
        config: Extra Spark settings.

    Raises:
        DependencyError: pyspark or Java 17+ is missing, or Spark cannot start.
    """
    require_spark()
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name)
    if master is not None:
        builder = builder.master(master)
    elif "spark.master" not in os.environ.get("PYSPARK_SUBMIT_ARGS", "") and not os.environ.get(
        "SPARK_ENV_LOADED"
    ):
        builder = builder.master("local[*]")
    for key, value in (config or {}).items():
        builder = builder.config(key, value)
    try:
        return builder.getOrCreate()
    except Exception as exc:  # py4j/pyspark raise plain exceptions here
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise DependencyError(SPARK_FAILED.format(reason=reason, minimum=MIN_JAVA)) from None


# -- schema --------------------------------------------------------------------------


def _spark_type(col: Column) -> DataType:
    from pyspark.sql import types as T

    if col.type == "struct":
        return T.StructType([_spark_field(f) for f in col.fields])
    scalar = {
        "string": T.StringType,
        "int64": T.LongType,
        "float64": T.DoubleType,
        "bool": T.BooleanType,
        "date": T.DateType,
    }
    return scalar[col.type]()


def _spark_field(col: Column, *, nullable: bool = False) -> Any:
    from pyspark.sql import types as T

    return T.StructField(col.name, _spark_type(col), nullable=col.nullable or nullable)


def spark_schema(*, errors: bool = False) -> StructType:
    """Return the Spark schema of the quote rows, derived from the models.

    Args:
        errors: The schema of ``extract(..., errors="column")``: every column
            nullable, and a string column ``error`` at the end.

    Raises:
        DependencyError: pyspark is not installed.
    """
    try:
        from pyspark.sql import types as T
    except ImportError:
        raise DependencyError(SPARK_MISSING) from None
    from quotes.archive.frames import record_columns

    fields = [_spark_field(c, nullable=errors) for c in record_columns()]
    if errors:
        fields.append(T.StructField(ERROR_COLUMN, T.StringType(), nullable=True))
    return T.StructType(fields)


# -- extraction --------------------------------------------------------------------


@lru_cache(maxsize=4)
def _executor_extractor(
    backend: str,
    stanza_dir: str | None,
    include_beliefs: bool,
    accurate: bool = False,
    stances: tuple[str, ...] | None = None,
) -> Extractor:
    """The extractor of this executor process: built on first use, then reused."""
    from quotes.pipeline import Extractor

    return Extractor(
        backend=backend,
        stanza_dir=stanza_dir,
        include_beliefs=include_beliefs,
        accurate=accurate,
        stances=stances,
    )


class _ExtractPartition:
    """The function Spark runs on each partition (picklable; state is just options)."""

    def __init__(
        self,
        backend: str,
        stanza_dir: str | None,
        include_beliefs: bool,
        with_errors: bool,
        accurate: bool = False,
        stances: tuple[str, ...] | None = None,
    ) -> None:
        self.backend = backend
        self.accurate = accurate
        self.stances = stances
        self.stanza_dir = stanza_dir
        self.include_beliefs = include_beliefs
        self.with_errors = with_errors

    def rows(self, row: dict[str, Any]) -> list[dict[str, Any]]:
        """The output rows of one article row (quotes, or one error row)."""
        from quotes.archive.inputs import record_to_article

        article_id = row.get("id")
        where = f"article {article_id}"
        try:
            article = record_to_article(row, default_id=article_id, where=where)
            found = _executor_extractor(
                self.backend, self.stanza_dir, self.include_beliefs, self.accurate, self.stances
            ).extract_article(article)
        except QuotesError as exc:
            message = " ".join(str(exc).split())
            error = message if message.startswith(where) else f"{where}: {message}"
        except Exception as exc:  # a bug must not fail the job: report the row
            detail = " ".join(str(exc).split())[:200]
            error = f"{where}: internal error ({type(exc).__name__}: {detail}); please report it"
        else:
            records = [q.to_record() for q in found]
            if self.with_errors:
                for record in records:
                    record[ERROR_COLUMN] = None
            return records
        return [{"article": article_id, ERROR_COLUMN: error}] if self.with_errors else []

    def __call__(self, batches: Iterator[pyarrow.RecordBatch]) -> Iterator[pyarrow.RecordBatch]:
        from quotes.archive.frames import arrow_schema, records_to_arrow

        extra = [(ERROR_COLUMN, "string")] if self.with_errors else []
        schema = arrow_schema(extra=extra, all_nullable=self.with_errors)
        for batch in batches:
            out: list[dict[str, Any]] = []
            for row in batch.to_pylist():
                out.extend(self.rows(row))
            if out:
                yield from records_to_arrow(out, schema=schema).to_batches()


def _article_rows(
    F: Any,  # noqa: N803 (pyspark.sql.functions, imported by the caller)
    df: DataFrame,
    *,
    text: str,
    id: str,  # noqa: A002 (the column is called id)
    outlet: str,
    published: str,
) -> DataFrame:
    """Select the columns `_ExtractPartition` reads: text, id, outlet, published.

    A missing ``id`` column becomes ``monotonically_increasing_id()``; a missing
    ``outlet`` or ``published`` column becomes nulls.
    """
    columns = set(df.columns)

    def optional(name: str, alias: str) -> Any:
        if name in columns:
            return F.col(name).alias(alias)
        return F.lit(None).cast("string").alias(alias)

    article_id = (
        F.col(id).cast("string")
        if id in columns
        else F.monotonically_increasing_id().cast("string")
    )
    return df.select(
        F.col(text).alias("text"),
        article_id.alias("id"),
        optional(outlet, "outlet").cast("string").alias("outlet"),
        optional(published, "published"),
    )


def extract(
    df: DataFrame,
    *,
    text: str = "text",
    id: str = "id",  # noqa: A002 (the column is called id)
    outlet: str = "outlet",
    published: str = "published",
    backend: str = "fast",
    stanza_dir: str | None = None,
    include_beliefs: bool = False,
    errors: str = "drop",
    accurate: bool = False,
    stances: Iterable[Stance | str] | None = None,
) -> DataFrame:
    """Extract the quotes of every article row of ``df``; lazily, as Spark does.

    Args:
        df: One row per article.
        text: Column with the article text (string, or binary UTF-8).
        id: Column with the article id, copied to each quote's ``article``. When
            ``df`` has no such column, ids come from ``monotonically_increasing_id()``.
        outlet: Column with the outlet (optional).
        published: Column with the publication date: a date, a timestamp or an ISO
            string (optional).
        backend: ``"fast"`` (default: no models to ship) or ``"stanza"`` (its models
            must be on every executor: set ``QUOTES_STANZA_DIR`` or ``stanza_dir``).
        stanza_dir: Folder with Stanza's models on the executors.
        include_beliefs: Also report beliefs and intentions.
        errors: ``"drop"``: rows whose text fails give no rows; ``"column"``: they
            give one row with ``article`` and an ``error`` message, every other
            column null (quote rows have ``error`` null); see
            [`split_errors`][quotes.archive.spark.split_errors].
        accurate: Accurate mode (``Extractor(accurate=True)``): the ``model`` extra
            must be installed on the driver and every executor; each executor
            process loads the model once.
        stances: The stances reported, as for [`Extractor`][quotes.pipeline.Extractor]
            (default: all but ``refers``).

    Returns:
        A DataFrame with the columns of [`spark_schema`][quotes.archive.spark.spark_schema], one row
        per quote, in document order within each article.

    Raises:
        QuotesError: ``df`` has no ``text`` column, or ``errors`` is unknown.
        DependencyError: pyspark is not installed, or ``accurate=True`` and the
            ``model`` extra is not.
    """
    if errors not in ("drop", "column"):
        raise QuotesError(BAD_ERRORS_MODE.format(mode=errors))
    from quotes.pipeline import stance_values

    stance_names = stance_values(stances)  # an unknown one fails here, on the driver
    try:
        from pyspark.sql import functions as F
    except ImportError:
        raise DependencyError(SPARK_MISSING) from None
    if accurate:  # fail here, not on every row of the executors
        from quotes.model.encoder import require_model_extra

        require_model_extra()
    if text not in set(df.columns):
        raise QuotesError(NO_TEXT_COLUMN.format(name=text, columns=", ".join(df.columns)))
    articles = _article_rows(F, df, text=text, id=id, outlet=outlet, published=published)
    with_errors = errors == "column"
    fn = _ExtractPartition(backend, stanza_dir, include_beliefs, with_errors, accurate, stance_names)
    return articles.mapInArrow(fn, spark_schema(errors=with_errors))


def split_errors(df: DataFrame) -> tuple[DataFrame, DataFrame]:
    """Split the output of ``extract(..., errors="column")`` into quotes and errors.

    Persist ``df`` first (``df.persist()``) to extract only once when both parts
    are used.

    Returns:
        ``(quotes, errors)``: the quote rows without the ``error`` column, and the
        failed articles as ``article``, ``error``.
    """
    from pyspark.sql import functions as F

    quotes = df.where(F.col(ERROR_COLUMN).isNull()).drop(ERROR_COLUMN)
    failed = df.where(F.col(ERROR_COLUMN).isNotNull()).select("article", ERROR_COLUMN)
    return quotes, failed


# -- cross-article dedupe per speaker block ------------------------------------------

#: Columns that [`dedupe`][quotes.archive.spark.dedupe] puts before the member columns, with their
#: types.
CLUSTER_COLUMNS: tuple[tuple[str, str], ...] = (
    ("block", "string"),
    ("cluster", "string"),
    ("cluster_text", "string"),
    ("cluster_speaker", "string"),
    ("cluster_size", "int64"),
)

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def speaker_key(name: str | None, type: str | None = None) -> str:  # noqa: A002
    """Return the blocking key of a speaker: the quotes `dedupe` compares together.

    Persons (and speakers of unknown type) are keyed by their surname, accents
    and doubled letters removed, so ``Dmitry Peskov``, ``Dmitri Peskov`` and
    ``Peskov`` share a block, as do ``Zelensky`` and ``Zelenskyy``; organisations
    and groups by their name without a leading ``the``. Anonymous sources and
    quotes without a speaker share the block ``""``.

    Args:
        name: The speaker's canonical name (``Quote.speaker.name``), or ``None``.
        type: The speaker's type (``person``, ``organization``...), or ``None``.

    Examples:
        >>> speaker_key("Dmitry Peskov", "person"), speaker_key("Peskov"), speaker_key("Zelenskyy")
        ('peskov', 'peskov', 'zelensky')
        >>> speaker_key("the Kremlin", "organization"), speaker_key(None)
        ('kremlin', '')
        >>> speaker_key("a senior official", "anonymous")
        ''
    """
    if not name or type == "anonymous":
        return ""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    words = re.findall(r"[a-z0-9]+", folded)
    if not words:
        return ""
    if type in ("organization", "group"):
        if words[0] == "the" and len(words) > 1:
            words = words[1:]
        return " ".join(words)
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
    return re.sub(r"(.)\1+", r"\1", words[-1])


def _dedupe_function() -> Any:
    try:
        from quotes.dedupe.cluster import dedupe as run_dedupe
    except ImportError as exc:
        raise QuotesError(DEDUPE_MISSING.format(reason=exc)) from None
    return run_dedupe


def dedupe_block(block: str, records: Iterable[dict[str, Any]], **options: Any) -> list[tuple]:
    """Dedupe the quotes of one block; return the output rows of `dedupe`.

    This is what each Spark task runs; it is plain Python, so the same function
    serves to check a block locally.

    Args:
        block: The block's key ([`speaker_key`][quotes.archive.spark.speaker_key]).
        records: Quote records (dicts with the record keys; dates as dates or
            ISO strings).
        **options: Passed to [`quotes.dedupe.cluster.dedupe`][].

    Returns:
        One tuple per cluster member, in the column order of
        [`dedupe_schema`][quotes.archive.spark.dedupe_schema].
    """
    from quotes.archive.frames import model_columns
    from quotes.dedupe.cluster import ClusterMember
    from quotes.models import Quote

    run_dedupe = _dedupe_function()
    member_cols = model_columns(ClusterMember)
    quotes = [Quote.from_record(r) for r in records]
    rows: list[tuple] = []
    for cluster in run_dedupe(quotes, **options):
        head = (block, cluster.id, cluster.text, cluster.speaker, cluster.size)
        for member in cluster.members:
            data = member.model_dump(mode="json")
            values = []
            for col in member_cols:
                value = data[col.name]
                if col.type == "date" and isinstance(value, str):
                    value = _dt.date.fromisoformat(value)
                values.append(value)
            rows.append(head + tuple(values))
    return rows


def dedupe_schema() -> StructType:
    """Return the Spark schema of [`dedupe`][quotes.archive.spark.dedupe]'s output.

    `CLUSTER_COLUMNS`, then the fields of [`quotes.dedupe.cluster.ClusterMember`][]
    (derived from the model).

    Raises:
        DependencyError: pyspark is not installed.
        QuotesError: `quotes.dedupe.cluster` is not available.
    """
    try:
        from pyspark.sql import types as T
    except ImportError:
        raise DependencyError(SPARK_MISSING) from None
    from quotes.archive.frames import Column, model_columns

    _dedupe_function()
    from quotes.dedupe.cluster import ClusterMember

    head = [_spark_field(Column(name, kind, True)) for name, kind in CLUSTER_COLUMNS]
    return T.StructType(head + [_spark_field(c) for c in model_columns(ClusterMember)])


def _keyed(row: Any) -> tuple[str, dict[str, Any]]:
    record = row.asDict(recursive=True)
    speaker = record.get("speaker") or {}
    return speaker_key(speaker.get("name"), speaker.get("type")), record


class _DedupeBlocks:
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options

    def __call__(self, item: tuple[str, Iterable[dict[str, Any]]]) -> list[tuple]:
        block, records = item
        return dedupe_block(block, records, **self.options)


def dedupe(df: DataFrame, **options: Any) -> DataFrame:
    """Cluster the quotes of `extract` across articles, one speaker block at a time.

    The quotes are grouped by [`speaker_key`][quotes.archive.spark.speaker_key] and each group is
    passed to [`quotes.dedupe.cluster.dedupe`][] on an executor. A statement is only matched within
    its speaker's block: quotes without a speaker are deduped among themselves (block ``""``), and
    the ``statement`` mode weighs words by their rarity within the block rather than the whole
    corpus. Each block must fit in one executor's memory (the largest is usually the ``""`` block:
    filter it out with ``df.where("speaker is not null")`` if it is too big).

    Args:
        df: Quote rows with the record columns (the output of
            [`extract`][quotes.archive.spark.extract]).
        **options: Passed to [`quotes.dedupe.cluster.dedupe`][] (``mode``, thresholds...).

    Returns:
        One row per cluster member: ``block``, ``cluster`` (the cluster id),
        ``cluster_text`` (canonical wording), ``cluster_speaker``, ``cluster_size``,
        then the member's ``article``, ``start``, ``end``, ``text``, ``kind``,
        ``speaker``, ``outlet``, ``published`` and ``similarity``.

    Raises:
        QuotesError: `quotes.dedupe.cluster` is not available.
        DependencyError: pyspark is not installed.
    """
    from quotes.models import RECORD_KEYS

    schema = dedupe_schema()
    pairs = df.select(*RECORD_KEYS).rdd.map(_keyed).groupByKey()
    rows = pairs.flatMap(_DedupeBlocks(dict(options)))
    return df.sparkSession.createDataFrame(rows, schema)
