"""Which offsets a set of spans covers, answered by bisection instead of a scan of the spans.

A check like ``any(a <= x < b for a, b in spans)`` for every token or pronoun of an
article costs tokens × spans: quadratic on an article made of short quotes.
[`SpanCover`][quotes.text.intervals.SpanCover] merges the spans once (``n log n``) and
answers each check in ``log n``.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

__all__ = ["SpanCover", "cover_of"]


class SpanCover:
    """The union of half-open spans ``[a, b)``, for ``x in cover`` checks.

    Examples:
        >>> cover = SpanCover([(10, 20), (15, 30), (40, 41), (5, 5)])
        >>> [x in cover for x in (9, 10, 29, 30, 40, 41, 5)]
        [False, True, True, False, True, False, False]
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in sorted(s for s in spans if s[0] < s[1]):
            if self.ends and a <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], b)
            else:
                self.starts.append(a)
                self.ends.append(b)

    def __contains__(self, x: int) -> bool:
        k = bisect.bisect_right(self.starts, x) - 1
        return k >= 0 and x < self.ends[k]

    def __bool__(self) -> bool:
        return bool(self.starts)


def cover_of(*lists: list[tuple[int, int]], cache: dict) -> SpanCover:
    """The cover of the spans of ``lists``, kept in ``cache`` while the same lists are passed.

    The pipeline hands the same span lists (an article's quotes) to every call of a
    step; ``cache`` (one dict per article, e.g. `quotes.document.Document.memo`) keeps
    their cover so it is built once. A list that changed length is covered anew.

    Examples:
        >>> spans, cache = [(0, 3)], {}
        >>> cover_of(spans, cache=cache) is cover_of(spans, cache=cache)
        True
    """
    key = ("cover", *(id(x) for x in lists))
    kept = cache.get(key)
    if kept is not None and all(x is y and n == len(x) for x, (y, n) in zip(lists, kept[0])):
        return kept[1]
    cover = SpanCover(span for x in lists for span in x)
    cache[key] = ([(x, len(x)) for x in lists], cover)
    return cover
