"""Tokens of the normalised article text, as ``(text, start, end)`` triples.

One tokenisation serves the whole library: the speaker resolver, the subject
and cue readers of `quotes.attribution` and the tagger's features all read
the same `TOKEN_RE` matches, with offsets into the normalised text.
"""

from __future__ import annotations

import re

__all__ = ["TOKEN_RE", "Token", "tokens"]

#: One token: its text and its ``start``/``end`` offsets into the text it was read from.
Token = tuple[str, int, int]

#: Tokens: words (with inner ``'``, ``-``, ``.``) or single punctuation characters.
TOKEN_RE = re.compile(r"\w+(?:[-'.]\w+)*|[^\w\s]")


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
