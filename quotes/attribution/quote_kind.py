"""What kind a finished quote is: direct when nothing of its content lies outside the marks.

The reported-speech rules call a content that holds a quoted fragment mixed; PolNeAR's
kind rule ([`classify_kind`][quotes.evaluation.polnear.classify_kind]) calls it direct
when every word is quoted but one leading ``that``, ``but`` or ``and``. This stage runs
on the finished quotes of a document (after `quotes.attribution.direct.continue_reports`)
and changes nothing but the kind.
"""

from __future__ import annotations

import re

from quotes.document import Document
from quotes.models import Quote, QuoteKind
from quotes.text.intervals import overlapping

__all__ = ["direct_when_all_quoted"]

#: Unquoted words a direct quote's content may open with (``that “…”``, ``But “…”``): the
#: words PolNeAR's kind rule (`quotes.evaluation.polnear.classify_kind`) lets a direct one have.
_LEAD_WORDS = frozenset({"that", "and", "but", "so", "because", "as", "if", "whether"})
_WORD = re.compile(r"\w+")


def direct_when_all_quoted(ctx: Document, found: list[Quote]) -> list[Quote]:
    """A mixed quote whose every word is inside quote marks is a direct quote.

    ``He offered "my thoughts and prayers for all of the families."`` and ``Fitton
    said that ''the damage is done.''`` are read by the reported-speech rules,
    which call a content holding a quoted fragment mixed; when nothing of it lies
    outside the marks but one leading ``that``, ``but`` or ``and``, the statement
    is a direct quote.
    """
    regions = [
        (s.open, s.close) if s.open >= 0 and s.close >= 0 else (s.start - 1, s.end)
        for s in ctx.quoted_spans
    ]
    cache: dict = {}
    out = []
    for q in found:
        reported = q.provenance is not None and q.provenance.rules[0] == "reported"
        if q.kind is QuoteKind.MIXED and reported:
            near = overlapping(regions, q.start, q.end, cache)  # bisected, not a scan
            outside = [
                m for m in _WORD.finditer(ctx.norm, q.start, q.end)
                if not any(a < m.start() < b for a, b in near)
            ]
            if near and (not outside or _lead_word_only(q, outside)):
                q = q.model_copy(update={"kind": QuoteKind.DIRECT})
        out.append(q)
    return out


def _lead_word_only(q: Quote, outside: list[re.Match[str]]) -> bool:
    """The one unquoted word opens the content and may lead a direct quote (``that``)."""
    first = outside[0]
    return len(outside) == 1 and first.start() == q.start and first.group().lower() in _LEAD_WORDS
