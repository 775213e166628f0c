"""Quotation marks: their classes and a length-preserving text normalisation.

[`normalize`][quotes.text.marks.normalize] maps every quotation-mark style to ASCII ``"`` or ``'``
and exotic spaces to a plain space, one character for one character, so offsets found in the
normalised text are offsets in the original.
"""

from __future__ import annotations

import re

__all__ = [
    "AMBIGUOUS_DOUBLE",
    "AMBIGUOUS_SINGLE",
    "CLOSING_DOUBLE",
    "CLOSING_SINGLE",
    "DOUBLE_MARKS",
    "MARK_RE",
    "OPENING_DOUBLE",
    "OPENING_SINGLE",
    "SINGLE_MARKS",
    "normalize",
    "strip_marks",
]

#: Marks that open a double quotation.
OPENING_DOUBLE = "“„«‟〝❝"
#: Marks that close a double quotation.
CLOSING_DOUBLE = "”»〞❞"
#: Double marks whose direction depends on context.
AMBIGUOUS_DOUBLE = '"＂'
#: Marks that open a single quotation.
OPENING_SINGLE = "‘‹‚‛"
#: Marks that close a single quotation (``’`` is also the apostrophe).
CLOSING_SINGLE = "’›"
#: Single marks whose direction depends on context (also the apostrophe).
AMBIGUOUS_SINGLE = "'"

DOUBLE_MARKS = OPENING_DOUBLE + CLOSING_DOUBLE + AMBIGUOUS_DOUBLE
SINGLE_MARKS = OPENING_SINGLE + CLOSING_SINGLE + AMBIGUOUS_SINGLE

#: Any quotation mark.
MARK_RE = re.compile("[" + re.escape(DOUBLE_MARKS + SINGLE_MARKS) + "]")

_TABLE = str.maketrans(
    {
        **{c: '"' for c in DOUBLE_MARKS},
        **{c: "'" for c in SINGLE_MARKS},
        **{c: " " for c in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
           "\u2009\u200a\u202f\u205f\u3000"},
    }
)


#: Stand-in for the first character of a ``''`` pair (see
#: [`fold_double_apostrophes`][quotes.text.marks.fold_double_apostrophes]).
FOLD_MARK = "\x7f"


def fold_double_apostrophes(text: str) -> str:
    """Rewrite ``''`` and ````` `` ````` (pairs used as a double quote) as ``\\x7f"``, keeping length.

    Archives such as the New York Times' write ``''Yes,'' he said``, and text
    tokenised the Penn Treebank way opens with two backticks (````` ``Yes,'' `````).
    After folding, the second character is an ordinary double mark and the first
    is a filler that detection skips.

    Examples:
        >>> fold_double_apostrophes("''Yes,'' he said") == '\x7f"Yes,\x7f" he said'
        True
        >>> fold_double_apostrophes("``Yes,'' he said") == '\x7f"Yes,\x7f" he said'
        True
    """
    if "''" in text:
        text = text.replace("''", FOLD_MARK + '"')
    if "``" in text:
        text = text.replace("``", FOLD_MARK + '"')
    return text


def normalize(text: str) -> str:
    """Map all quotation marks to ``"``/``'`` and odd spaces to ``" "``, keeping length.

    Idempotent, and ``len(normalize(t)) == len(t)``.

    Examples:
        >>> normalize("«Да», — сказал он. “Yes,” he said, ‘OK’ and Russia’s.")
        '"Да", — сказал он. "Yes," he said, \\'OK\\' and Russia\\'s.'
        >>> normalize(normalize("„Ja“")) == normalize("„Ja“")
        True
    """
    return text.translate(_TABLE)


_EDGE = re.compile(r"^[\s\"'“”„‟«»‘’‚‛‹›〝〞❝❞＂]+|[\s\"'“”„‟«»‘’‚‛‹›〝〞❝❞＂]+$")


def strip_marks(text: str) -> str:
    """Remove quotation marks and whitespace from both ends.

    Examples:
        >>> strip_marks(' “We are ready.” ')
        'We are ready.'
    """
    return _EDGE.sub("", text)
