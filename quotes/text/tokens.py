"""Tokens of the normalised article text, as ``(text, start, end)`` triples.

One tokenisation serves the whole library: the speaker resolver, the subject
and cue readers of `quotes.attribution` and the tagger's features all read
the same `TOKEN_RE` matches, with offsets into the normalised text.
"""

from __future__ import annotations

import bisect
import re
from itertools import islice

__all__ = ["TOKEN_RE", "Token", "first_tokens", "last_tokens", "skip_spaces", "tokens", "tokens_within"]

#: One token: its text and its ``start``/``end`` offsets into the text it was read from.
Token = tuple[str, int, int]

#: Tokens: words (with inner ``'``, ``-``, ``.``) or single punctuation characters.
TOKEN_RE = re.compile(r"\w+(?:[-'.]\w+)*|[^\w\s]")
_SPACE = re.compile(r"\s")
_SPACES = re.compile(r"\s*")
#: Characters read first for `last_tokens`, per token wanted (the window grows when short).
_CHARS_PER_TOKEN = 16


def tokens(s: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    """Tokens of ``s[lo:hi]`` as ``(text, start, end)`` with offsets into ``s``.

    Args:
        s: The text (normalised article text).
        lo: Offset where reading starts.
        hi: Offset where reading stops.

    Returns:
        The `TOKEN_RE` matches inside ``s[lo:hi]``.

    Examples:
        >>> tokens("Sen. Ted Cruz said", 0, 13)
        [('Sen', 0, 3), ('.', 3, 4), ('Ted', 5, 8), ('Cruz', 9, 13)]
    """
    return [(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(s, lo, hi)]


def first_tokens(s: str, lo: int, hi: int, count: int) -> list[tuple[str, int, int]]:
    """``tokens(s, lo, hi)[:count]``, reading no further than the ``count``-th token.

    Examples:
        >>> first_tokens("Sen. Ted Cruz said", 0, 18, 2)
        [('Sen', 0, 3), ('.', 3, 4)]
    """
    return [(m.group(), m.start(), m.end()) for m in islice(TOKEN_RE.finditer(s, lo, hi), count)]


def last_tokens(s: str, lo: int, hi: int, count: int) -> list[tuple[str, int, int]]:
    """``tokens(s, lo, hi)[-count:]``, reading back from ``hi`` only as far as needed.

    No token holds whitespace, so the tokens after a whitespace character are the
    same whether reading starts there or at ``lo``: the window read starts at a
    whitespace character and doubles until it holds ``count`` tokens or reaches ``lo``.
    The cost is the length of those tokens, not of ``s[lo:hi]``.

    Examples:
        >>> last_tokens("Sen. Ted Cruz said", 0, 18, 2)
        [('Cruz', 9, 13), ('said', 14, 18)]
    """
    width = _CHARS_PER_TOKEN * max(count, 1)
    while True:
        start = max(lo, hi - width)
        if start > lo:
            space = _SPACE.search(s, start, hi)
            if space is None:
                width *= 2
                continue
            start = space.start()
        found = tokens(s, start, hi)
        if len(found) >= count or start == lo:
            return found[-count:] if count > 0 else []
        width *= 2


def skip_spaces(s: str, lo: int, hi: int) -> int:
    """The first offset from ``lo`` that is no whitespace (at most ``hi``).

    The same as ``lo + len(s[lo:hi]) - len(s[lo:hi].lstrip())``, without copying
    ``s[lo:hi]`` (a copy to the line end for every quote is quadratic on one long line).

    Examples:
        >>> skip_spaces("a   b", 1, 5), skip_spaces("a   b", 1, 3)
        (4, 3)
    """
    if lo >= min(hi, len(s)):
        return lo
    return _SPACES.match(s, lo, hi).end()  # type: ignore[union-attr]


def tokens_within(toks: list[Token], lo: int, hi: int) -> list[Token]:
    """The tokens of ``toks`` (in order, not overlapping) that lie inside ``[lo, hi)``.

    The same as ``[t for t in toks if lo <= t[1] and t[2] <= hi]``, found by bisection.

    Examples:
        >>> tokens_within(tokens("Sen. Ted Cruz said", 0, 18), 4, 13)
        [('Ted', 5, 8), ('Cruz', 9, 13)]
    """
    first = bisect.bisect_left(toks, lo, key=lambda t: t[1])
    last = bisect.bisect_right(toks, hi, lo=first, key=lambda t: t[2])
    return toks[first:last]
