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
from typing import Any, NamedTuple

import numpy as np

from quotes.models import Quote, QuoteKind, Stance

__all__ = ["ELLIPSIS_HINT", "Columns", "read_columns", "stance_blocks", "with_ellipsis"]

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
    stance: tuple[Stance, ...]
    """Whether each quote asserts, denies or questions its content: a claim and its
    denial are never one statement."""


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
        name, stype = (None, None)
        if spk is not None and spk.name is not None:
            name, stype = spk.name, spk.type.value
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
                q.stance,
            )
        )
    rows = [rows[k] for k in sorted_rows(rows)]
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
        stance=cols[16],
    )


def sorted_rows(rows: list[tuple[Any, ...]]) -> list[int]:
    """The order of ``rows`` sorted as tuples, for rows ``(str, int, int, ...)``.

    The same order as ``sorted(range(len(rows)), key=rows.__getitem__)``, but the
    first three fields are sorted as integer codes in numpy, and only rows equal
    in those are compared as tuples: a sort of a million scattered tuples is
    mostly cache misses.

    Examples:
        >>> sorted_rows([("b", 1, 2, "x"), ("a", 5, 6, "y"), ("b", 1, 2, "a"), ("a", 0, 9, "z")])
        [3, 1, 2, 0]
    """
    n = len(rows)
    if n == 0:
        return []
    first = [r[0] for r in rows]
    code_of = {s: k for k, s in enumerate(sorted(set(first)))}
    code = np.fromiter(map(code_of.__getitem__, first), np.int64, n)
    start = np.fromiter((r[1] for r in rows), np.int64, n)
    end = np.fromiter((r[2] for r in rows), np.int64, n)
    order = np.lexsort((end, start, code))
    same = (code[order[1:]] == code[order[:-1]]) & (start[order[1:]] == start[order[:-1]])
    same &= end[order[1:]] == end[order[:-1]]
    out = order.tolist()
    # Runs of rows equal in the first three fields: sorted on the whole tuple.
    edges = np.flatnonzero(np.diff(np.r_[False, same, False].astype(np.int8)))
    for a, b in zip(edges[0::2].tolist(), edges[1::2].tolist(), strict=True):
        out[a : b + 1] = sorted(out[a : b + 1], key=rows.__getitem__)
    return out


def stance_blocks(blocks: list[int], stances: tuple[Stance, ...]) -> list[int]:
    """The linking blocks with the quotes that deny or question their content set apart.

    Dedupe links quotes within a block (one speaker, or one block for all when
    speakers are ignored; ``-1`` for no speaker). A quote that does not assert its
    content gets a block of its own per stance, so ``Peskov said C`` and ``Peskov
    denied C`` (or ``Asked whether C``) are never one statement. Those blocks are
    never ``-1``, so a question with no speaker is not attached to a speaker's claim.

    Examples:
        >>> stance_blocks([0, 0, -1], (Stance.ASSERTS, Stance.DENIES, Stance.QUESTIONS))
        [0, 3, 4]
    """
    order = [s for s in Stance if s is not Stance.ASSERTS]
    stride = max(blocks, default=0) + 2
    return [
        b if s is Stance.ASSERTS else stride * (order.index(s) + 1) + b + 1
        for b, s in zip(blocks, stances, strict=True)
    ]


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
