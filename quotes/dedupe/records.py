"""Quote records (plain dicts) turned into [Quote][quotes.models.Quote] objects for `dedupe`.

`dedupe` accepts what `quotes extract` writes and what other tools write: a
record needs `text`, `start` and `end`; its speaker may be a plain name or a dict
without the mention's offsets (they are not used to compare statements).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from quotes.errors import CorpusFormatError
from quotes.models import Quote

__all__ = ["quote_from_record"]

ERR_BAD_RECORD = "{where}: not a quote record: {reason}"


def _speaker(value: Any) -> Any:
    """A speaker as a name or a dict without offsets, completed into a Speaker's fields."""
    if isinstance(value, str):
        value = {"name": value}
    if not isinstance(value, Mapping) or not isinstance(value.get("name"), str):
        return value  # left to the model's validation, which names the field
    speaker = dict(value)
    speaker.setdefault("mention", speaker["name"])
    speaker.setdefault("start", 0)
    speaker.setdefault("end", speaker["start"] + len(speaker["mention"] or ""))
    return speaker


def quote_from_record(record: Mapping[str, Any], *, where: str = "record") -> Quote:
    """Build a quote from a record as `quotes extract` writes it, or as another tool might.

    Unknown keys are ignored. A speaker may be a name (`"speaker": "Peskov"`) or a
    dict without `mention` or offsets (the mention is then the name, at offset 0).

    Args:
        record: The record.
        where: What to call it in the error (`file:line`, `quotes[3]`).

    Raises:
        CorpusFormatError: The record lacks `text`, `start` or `end`, or a field
            has the wrong type; the message names `where` and the field.

    Examples:
        >>> record = {"text": "We are ready", "start": 1, "end": 13, "speaker": {"name": "Peskov"}}
        >>> quote_from_record(record).speaker.name
        'Peskov'
        >>> quote_from_record({"start": 0, "end": 2, "speaker": "Peskov"}, where="q.jsonl:3")
        Traceback (most recent call last):
        ...
        quotes.errors.CorpusFormatError: q.jsonl:3: not a quote record: text: Field required
    """
    if not isinstance(record, Mapping):
        raise CorpusFormatError(
            ERR_BAD_RECORD.format(where=where, reason=f"a {type(record).__name__}, not a dict")
        )
    fields = {k: v for k, v in record.items() if k in Quote.model_fields}
    if fields.get("speaker") is not None:
        fields["speaker"] = _speaker(fields["speaker"])
    try:
        return Quote.model_validate(fields)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(x) for x in first.get("loc", ())) or "record"
        raise CorpusFormatError(
            ERR_BAD_RECORD.format(where=where, reason=f"{field}: {first.get('msg')}")
        ) from None
