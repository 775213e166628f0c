"""Occasions in time for `quotes.dedupe.cluster`: the same words a year apart are two statements.

A speaker who repeats a line months later makes a new statement (a stump line, a
slogan, a position restated). Dedupe splits the quotes of one text into *periods*:
its dated quotes sorted by date, cut wherever two consecutive dates are more than
``max_days`` apart. Each period is its own item, with the span of its dates, and two
items whose spans are more than ``max_days`` apart never link (see `far_apart`),
except near-verbatim repeats of at least `LONG_REPEAT_WORDS` words.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

import numpy as np

__all__ = ["LONG_REPEAT_WORDS", "NO_DATE_HIGH", "NO_DATE_LOW", "date_periods", "far_apart"]

#: A near-verbatim repeat whose shorter text has at least this many words links
#: across any dates: a long passage repeated months later is the old quote quoted
#: again (a look back); a shorter line (a slogan, a stump line) is a new statement.
LONG_REPEAT_WORDS = 12

#: Date span (ordinals) of an item without any date: it is near every date.
NO_DATE_LOW = -(1 << 40)
NO_DATE_HIGH = 1 << 40


def date_periods(
    groups: Sequence[int], dates: Sequence[_dt.date | None], max_days: int | None
) -> list[int]:
    """The period of each quote within its group (a group: one text of one speaker).

    Args:
        groups: Group id of each quote.
        dates: Publication date of each quote, or ``None``.
        max_days: Largest gap (days) between consecutive dates of one period;
            ``None`` puts every quote of a group in period 0.

    Returns:
        The period number of each quote (0, 1, ... by date within its group). An
        undated quote goes to its group's period with the most quotes (the earliest
        on a tie); the result does not depend on the order of the quotes.

    Examples:
        >>> d = _dt.date
        >>> date_periods([0, 0, 0, 1], [d(2016, 1, 1), d(2017, 1, 1), None, d(2016, 5, 5)], 30)
        [0, 1, 0, 0]
    """
    n = len(groups)
    if max_days is None:
        return [0] * n
    by_group: dict[int, list[tuple[int, int]]] = {}
    for i, (g, d) in enumerate(zip(groups, dates, strict=True)):
        if d is not None:
            by_group.setdefault(g, []).append((d.toordinal(), i))
    period = [0] * n
    largest: dict[int, int] = {}
    for g, dated in by_group.items():
        if len(dated) == 1:
            continue
        dated.sort()
        k, sizes = 0, [0]
        previous = dated[0][0]
        for day, i in dated:
            if day - previous > max_days:
                k += 1
                sizes.append(0)
            period[i] = k
            sizes[k] += 1
            previous = day
        if k:
            largest[g] = max(range(k + 1), key=lambda p: (sizes[p], -p))
    for i, (g, d) in enumerate(zip(groups, dates, strict=True)):
        if d is None and g in largest:
            period[i] = largest[g]
    return period


def far_apart(
    pairs: np.ndarray, low: np.ndarray, high: np.ndarray, max_days: int | None
) -> np.ndarray:
    """Mask of the item pairs whose date spans are more than ``max_days`` apart.

    Args:
        pairs: ``(n, 2)`` item pairs.
        low: First date (ordinal) of each item; `NO_DATE_LOW` if it has none.
        high: Last date (ordinal) of each item; `NO_DATE_HIGH` if it has none.
        max_days: The largest gap; ``None`` for no limit (nothing is far apart).

    Examples:
        >>> low, high = np.array([0, 400, NO_DATE_LOW]), np.array([10, 400, NO_DATE_HIGH])
        >>> far_apart(np.array([[0, 1], [0, 2], [1, 2]]), low, high, 30).tolist()
        [True, False, False]
    """
    if max_days is None or len(pairs) == 0:
        return np.zeros(len(pairs), dtype=bool)
    i, j = pairs[:, 0], pairs[:, 1]
    gap = np.maximum(low[j] - high[i], low[i] - high[j])
    return gap > max_days
