"""Which offsets a set of spans covers, answered by bisection instead of a scan of the spans.

A check like ``any(a <= x < b for a, b in spans)`` for every token or pronoun of an
article costs tokens × spans: quadratic on an article made of short quotes.
[`SpanCover`][quotes.text.intervals.SpanCover] merges the spans once (``n log n``) and
answers each check in ``log n``.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from itertools import accumulate

__all__ = ["SpanCover", "cover_of", "overlapping", "sorted_spans", "starting_in"]


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


def sorted_spans(spans: list[tuple[int, int]], cache: dict) -> tuple[list[tuple[int, int]], list[int]]:
    """``spans`` sorted, and their starts, kept in ``cache`` while the same list is passed.

    Examples:
        >>> sorted_spans([(5, 9), (1, 2)], {})
        ([(1, 2), (5, 9)], [1, 5])
    """
    key = ("sorted", id(spans))
    kept = cache.get(key)
    if kept is not None and kept[0] is spans and kept[1] == len(spans):
        return kept[2], kept[3]
    ordered = sorted(spans)
    reach = list(accumulate((b for _a, b in ordered), max))
    cache[key] = (spans, len(spans), ordered, [a for a, _b in ordered], reach)
    return ordered, cache[key][3]


def starting_in(spans: list[tuple[int, int]], lo: int, hi: int, cache: dict) -> list[tuple[int, int]]:
    """The spans of ``spans`` that start in ``[lo, hi)``, by start (bisected, see `sorted_spans`).

    Examples:
        >>> starting_in([(5, 9), (1, 2), (7, 8)], 2, 7, {})
        [(5, 9)]
    """
    ordered, starts = sorted_spans(spans, cache)
    return ordered[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]


def overlapping(spans: list[tuple[int, int]], lo: int, hi: int, cache: dict) -> list[tuple[int, int]]:
    """The spans of ``spans`` that overlap ``[lo, hi)`` (``a < hi and b > lo``), by start.

    Reads back from the last span that starts before ``hi`` while the furthest end so
    far reaches past ``lo``: the cost is the number of overlapping spans (plus those
    nested in one long span), not of all spans.

    Examples:
        >>> overlapping([(0, 4), (5, 9), (10, 12)], 3, 6, {})
        [(0, 4), (5, 9)]
    """
    ordered, starts = sorted_spans(spans, cache)
    reach = cache[("sorted", id(spans))][4]
    k = bisect.bisect_left(starts, hi) - 1
    found = []
    while k >= 0 and reach[k] > lo:
        if ordered[k][1] > lo:
            found.append(ordered[k])
        k -= 1
    found.reverse()
    return found
