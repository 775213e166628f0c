"""The quote fields `quotes.dedupe.cluster` works on, read once into columns.

A million [`Quote`][quotes.models.Quote] models are scattered in memory; visiting
them again and again in sorted order is mostly cache misses. Dedupe reads each
quote once, in input order, into one tuple per field (`read_columns`), and
works on those.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from typing import NamedTuple

from quotes.models import Quote, QuoteKind

__all__ = ["ELLIPSIS_HINT", "Columns", "read_columns", "with_ellipsis"]

#: An ellipsis somewhere in a quote: ``…`` or three dots, spaced or not.
ELLIPSIS_HINT = re.compile(r"…|\.\s?\.\s?\.")


class Columns(NamedTuple):
    """The fields dedupe reads from each quote, one tuple per field, in canonical order.

    Reading every quote once, in input order, and working on these columns after
    is several times faster on a million quotes than going back to the models in
    sorted order (each visit to a scattered object is a cache miss).
    """

    article: tuple[str | None, ...]
    start: tuple[int, ...]
    end: tuple[int, ...]
    text: tuple[str, ...]
    speaker: tuple[str | None, ...]
    speaker_type: tuple[str | None, ...]
    """The speaker's [`SpeakerType`][quotes.models.SpeakerType] value."""
    kind: tuple[QuoteKind, ...]
    outlet: tuple[str | None, ...]
    published: tuple[_dt.date | None, ...]


def read_columns(qs: list[Quote]) -> Columns:
    """Read the quotes into columns, in an order that does not depend on the input's.

    The order is by article, offsets, text, speaker, kind, outlet and date.
    """
    rows = []
    for i, q in enumerate(qs):
        if not isinstance(q, Quote):
            raise TypeError(f"dedupe() takes Quote objects or dicts, got {type(q).__name__}")
        spk = q.speaker
        # An unresolved pronoun (no name) is no speaker to block on: like a quote without one.
        name, stype = (spk.name, spk.type.value) if spk is not None and spk.name is not None else (None, None)
        article, kind, outlet, published = q.article, q.kind, q.outlet, q.published
        rows.append(
            (
                article or "",
                q.start,
                q.end,
                q.text,
                name or "",
                stype or "",
                kind.value,
                outlet or "",
                published.toordinal() if published is not None else 0,
                i,  # the sort key ends here: i is unique, so the fields after it never compare
                article,
                name,
                stype,
                kind,
                outlet,
                published,
            )
        )
    rows.sort()
    cols = list(zip(*rows, strict=True))
    del rows
    return Columns(
        article=cols[10],
        start=cols[1],
        end=cols[2],
        text=cols[3],
        speaker=cols[11],
        speaker_type=cols[12],
        kind=cols[13],
        outlet=cols[14],
        published=cols[15],
    )


def with_ellipsis(texts: list[str]) -> list[str]:
    """The texts with an ellipsis (one regex scan over all of them, NUL-separated)."""
    joined = "\x00".join(texts)
    found: list[str] = []
    starts: list[int] = []
    offset = 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 1
    last = -1
    for m in ELLIPSIS_HINT.finditer(joined):
        k = bisect.bisect_right(starts, m.start()) - 1
        if k != last:
            found.append(texts[k])
            last = k
    return found
