"""Quotes as tables: pandas DataFrames, Arrow tables and Parquet files.

Every table has the columns of one ``quotes extract`` JSON Lines record
(`quotes.models.RECORD_KEYS`, in that order), with ``speaker`` and ``cue``
as structs and ``published`` as a date. The column types are not written out by
hand: [`record_columns`][quotes.archive.frames.record_columns] derives them once from the pydantic
models' JSON Schema, and both the Arrow schema here and the Spark schema of
[`quotes.archive.spark`][] are built from that one derivation.

pandas and pyarrow are optional: ``pip install "quotes[pandas]"``.

Examples:
    >>> [(c.name, c.type) for c in record_columns()][:4]
    [('article', 'string'), ('text', 'string'), ('start', 'int64'), ('end', 'int64')]
    >>> [f.name for f in column("speaker").fields]
    ['name', 'mention', 'start', 'end', 'type', 'role']
"""

from __future__ import annotations

import csv
import datetime as _dt
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import IO, TYPE_CHECKING, Any, Union

from pydantic import BaseModel

from quotes.errors import DependencyError
from quotes.models import RECORD_KEYS, Quote

if TYPE_CHECKING:  # pragma: no cover
    import pandas
    import pyarrow

__all__ = [
    "SPEAKER_KEY",
    "Column",
    "arrow_schema",
    "column",
    "flat_column_names",
    "model_columns",
    "record_columns",
    "records_to_arrow",
    "to_arrow",
    "to_dataframe",
    "write_csv",
    "write_parquet",
]

#: What [`to_arrow`][quotes.archive.frames.to_arrow] and friends accept: quotes, or records from
#: ``to_record()``.
QuoteLike = Union[Quote, Mapping[str, Any]]  # noqa: UP007 (a runtime alias on 3.9 syntax)

PANDAS_MISSING = (
    '{what} needs pandas and pyarrow, which are not installed: pip install "quotes[pandas]"'
)

#: The column of `to_dataframe` and `write_csv` that holds each quote's
#: speaker key: one name per person across articles (``Zelenskyy`` and
#: ``Volodymyr Zelenskyy`` share it), as ``dedupe`` resolves them.
SPEAKER_KEY = "speaker_key"

_JSON_TYPES = {"string": "string", "integer": "int64", "number": "float64", "boolean": "bool"}


@dataclass(frozen=True)
class Column:
    """One column (or struct field) of the record table, independent of any engine.

    Attributes:
        name: Column name, a key of the JSON Lines record.
        type: ``string``, ``int64``, ``float64``, ``bool``, ``date`` or ``struct``.
        nullable: Whether the value may be missing (``None``).
        fields: The fields of a ``struct``, in order; empty otherwise.
    """

    name: str
    type: str
    nullable: bool
    fields: tuple[Column, ...] = ()


def _column_from_schema(name: str, prop: dict[str, Any], defs: dict[str, Any]) -> Column:
    nullable = False
    if "anyOf" in prop:
        options = [o for o in prop["anyOf"] if o.get("type") != "null"]
        nullable = len(options) < len(prop["anyOf"])
        if len(options) != 1:
            raise TypeError(f"field {name!r}: cannot map a union to one column type")
        prop = options[0]
    if "$ref" in prop:
        prop = defs[prop["$ref"].rsplit("/", 1)[-1]]
    kind = prop.get("type")
    if kind == "object":
        sub = prop.get("properties", {})
        fields = tuple(_column_from_schema(k, v, defs) for k, v in sub.items())
        return Column(name, "struct", nullable, fields)
    if kind == "string" and prop.get("format") == "date":
        return Column(name, "date", nullable)
    if kind in _JSON_TYPES:  # enums are strings too
        return Column(name, _JSON_TYPES[kind], nullable)
    raise TypeError(f"field {name!r}: no column type for JSON Schema {prop!r}")


@lru_cache(maxsize=8)
def model_columns(
    model: type[BaseModel], keys: tuple[str, ...] | None = None
) -> tuple[Column, ...]:
    """Return the columns of a pydantic model, derived from its JSON Schema.

    The derivation reads the model's JSON Schema (serialization mode): strings,
    enums, integers, floats and dates map to scalar columns, nested models to
    structs, ``Optional[...]`` to nullable columns.

    Args:
        model: A pydantic model class.
        keys: The fields to keep, in this order (default: all, in model order).

    Raises:
        TypeError: A field has a type no column can hold (a list, a union...).
    """
    schema = model.model_json_schema(mode="serialization")
    defs = schema.get("$defs", {})
    props = schema["properties"]
    names = keys if keys is not None else tuple(props)
    return tuple(_column_from_schema(key, props[key], defs) for key in names)


def record_columns() -> tuple[Column, ...]:
    """Return the columns of one record, derived from [`Quote`][quotes.models.Quote].

    The keys of `quotes.models.RECORD_KEYS`, in their order, typed by
    [`model_columns`][quotes.archive.frames.model_columns].
    """
    return model_columns(Quote, RECORD_KEYS)


def column(name: str) -> Column:
    """Return the record column called ``name``.

    Raises:
        KeyError: No column has that name.
    """
    for col in record_columns():
        if col.name == name:
            return col
    raise KeyError(name)


def _require_pyarrow(what: str) -> Any:
    try:
        import pyarrow
    except ImportError:
        raise DependencyError(PANDAS_MISSING.format(what=what)) from None
    return pyarrow


def _arrow_type(col: Column) -> Any:
    pa = _require_pyarrow("the Arrow schema")
    scalar = {
        "string": pa.string(),
        "int64": pa.int64(),
        "float64": pa.float64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
    }
    if col.type == "struct":
        return pa.struct([_arrow_field(f) for f in col.fields])
    return scalar[col.type]


def _arrow_field(col: Column, *, all_nullable: bool = False) -> Any:
    pa = _require_pyarrow("the Arrow schema")
    return pa.field(col.name, _arrow_type(col), nullable=col.nullable or all_nullable)


def arrow_schema(
    *, extra: Iterable[tuple[str, str]] = (), all_nullable: bool = False
) -> pyarrow.Schema:
    """Return the Arrow schema of the record table.

    Args:
        extra: Additional ``(name, type)`` string-typed columns appended at the end
            (the Spark error column uses it); ``type`` is a [`Column`][quotes.archive.frames.Column]
            type.
        all_nullable: Make every top-level column nullable.

    Raises:
        DependencyError: pyarrow is not installed.
    """
    pa = _require_pyarrow("the Arrow schema")
    fields = [_arrow_field(c, all_nullable=all_nullable) for c in record_columns()]
    fields += [_arrow_field(Column(name, kind, True)) for name, kind in extra]
    return pa.schema(fields)


def _as_record(item: QuoteLike) -> Mapping[str, Any]:
    return item.to_record() if isinstance(item, Quote) else item


def _arrow_row(record: Mapping[str, Any], date_columns: tuple[str, ...]) -> dict[str, Any]:
    row = dict(record)
    for name in date_columns:
        value = row.get(name)
        if isinstance(value, str):
            row[name] = _dt.date.fromisoformat(value[:10])
    return row


def records_to_arrow(
    records: Iterable[QuoteLike], *, schema: pyarrow.Schema | None = None
) -> pyarrow.Table:
    """Build an Arrow table from quotes or their records (see `to_arrow`).

    Args:
        records: [`Quote`][quotes.models.Quote] objects or dicts with the record keys
            (``published`` as an ISO date string or a date).
        schema: The schema to use (default: [`arrow_schema`][quotes.archive.frames.arrow_schema]).

    Raises:
        DependencyError: pyarrow is not installed.
    """
    pa = _require_pyarrow("records_to_arrow()")
    schema = schema if schema is not None else arrow_schema()
    dates = tuple(c.name for c in record_columns() if c.type == "date")
    rows = [_arrow_row(_as_record(r), dates) for r in records]
    return pa.Table.from_pylist(rows, schema=schema)


def to_arrow(quotes: Iterable[QuoteLike]) -> pyarrow.Table:
    """Return the quotes as an Arrow table with the record columns.

    Args:
        quotes: [`Quote`][quotes.models.Quote] objects, or records (dicts as written by
            ``quotes extract`` or ``Quote.to_record()``).

    Raises:
        DependencyError: pyarrow is not installed.

    Examples:
        >>> from quotes import extract
        >>> table = to_arrow(extract('"We are ready," Peskov said.', backend="fast"))
        >>> table.column_names[:4], table.num_rows
        (['article', 'text', 'start', 'end'], 1)
    """
    return records_to_arrow(quotes)


def _speaker_keys(records: Sequence[Mapping[str, Any]]) -> list[str | None]:
    from quotes.dedupe.keys import speaker_keys

    return speaker_keys(
        (r["speaker"]["name"], r["speaker"].get("type") or "unknown")
        if r.get("speaker") and r["speaker"].get("name") is not None
        else None  # no speaker, or an unresolved pronoun: no key
        for r in records
    )


def flat_column_names() -> list[str]:
    """The columns of ``to_dataframe(flatten=True)`` and of `write_csv`, in order.

    The record keys, with ``speaker`` and ``cue`` split into ``speaker.name``,
    ``speaker.mention``, ... ``cue.text`` ..., then `SPEAKER_KEY`.

    Examples:
        >>> flat_column_names()[-2:]
        ['confidence', 'speaker_key']
    """
    names: list[str] = []
    for col in record_columns():
        if col.type == "struct":
            names += [f"{col.name}.{field.name}" for field in col.fields]
        else:
            names.append(col.name)
    return names + [SPEAKER_KEY]


def write_csv(quotes: Iterable[QuoteLike], fh: IO[str]) -> int:
    """Write the quotes as CSV with the columns of ``to_dataframe(flatten=True)``.

    Needs neither pandas nor pyarrow. A missing value is an empty cell, a date
    is ISO ``YYYY-MM-DD``. ``fh`` should be opened with ``newline=""``.

    Returns:
        The number of quotes written.

    Examples:
        >>> import io
        >>> from quotes import extract
        >>> out = io.StringIO()
        >>> write_csv(extract('"We are ready," Peskov said.', backend="fast"), out)
        1
        >>> out.getvalue().splitlines()[1].split(",")[:2]
        ['', 'We are ready']
    """
    records = [dict(_as_record(q)) for q in quotes]
    keys = _speaker_keys(records)
    writer = csv.writer(fh)
    writer.writerow(flat_column_names())
    for record, key in zip(records, keys, strict=True):
        row: list[Any] = []
        for col in record_columns():
            value = record.get(col.name)
            if col.type == "struct":
                row += [(value or {}).get(field.name) for field in col.fields]
            else:
                row.append(value.isoformat() if isinstance(value, _dt.date) else value)
        writer.writerow(["" if v is None else v for v in [*row, key]])
    return len(records)


def to_dataframe(quotes: Iterable[QuoteLike], *, flatten: bool = False) -> pandas.DataFrame:
    """Return the quotes as a pandas DataFrame, one row per quote.

    The last column, `SPEAKER_KEY` (`speaker_key`), names each quote's speaker the same way
    across articles (``Zelenskyy`` and ``Volodymyr Zelenskyy`` get one key, as
    ``dedupe`` resolves them; ``None`` for an anonymous or missing speaker):
    group by it to count one person's quotes.

    Args:
        quotes: [`Quote`][quotes.models.Quote] objects or records.
        flatten: Split the ``speaker`` and ``cue`` structs into columns
            ``speaker.name``, ``speaker.type``, ..., ``cue.text`` ... instead of
            keeping them as dicts (the columns of `flat_column_names`).

    Raises:
        DependencyError: pandas or pyarrow is not installed.

    Examples:
        >>> from quotes import extract
        >>> df = to_dataframe(extract('"We are ready," Peskov said.', backend="fast"), flatten=True)
        >>> df.loc[0, "speaker.name"]
        'Peskov'
    """
    try:
        import pandas  # noqa: F401
    except ImportError:
        raise DependencyError(PANDAS_MISSING.format(what="to_dataframe()")) from None
    records = [_as_record(q) for q in quotes]
    table = records_to_arrow(records)
    if flatten:
        table = table.flatten()
    frame = table.to_pandas()
    frame[SPEAKER_KEY] = _speaker_keys(records)
    return frame


def write_parquet(quotes: Iterable[QuoteLike], path: str | os.PathLike[str]) -> int:
    """Write the quotes to a Parquet file, atomically; return how many were written.

    The file has the columns of [`arrow_schema`][quotes.archive.frames.arrow_schema]; it appears
    under ``path`` only when complete.

    Raises:
        DependencyError: pyarrow is not installed.
    """
    _require_pyarrow("write_parquet()")
    import pyarrow.parquet as pq

    from quotes.archive.io import atomic_path

    table = to_arrow(quotes)
    with atomic_path(path) as tmp:
        pq.write_table(table, tmp)
    return table.num_rows
