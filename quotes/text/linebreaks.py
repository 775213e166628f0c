"""Every Unicode line break read as ``\n``, keeping the text's length (and so its offsets).

News text puts one paragraph per line, and lines separate paragraphs, sentences and
quote pairs. An article saved on another system ends its lines with ``\r\n``, ``\r`` or
U+2028; read as they are, they would join paragraphs (and pair a quote mark with one
paragraphs away). [`unify_line_breaks`][quotes.text.linebreaks.unify_line_breaks]
makes each of them a ``\n`` of its own; ``\r\n`` becomes a space and a ``\n`` (one
break, two characters), so every offset still points into the original text.
"""

from __future__ import annotations

__all__ = ["LINE_BREAKS", "unify_line_breaks"]

#: The line boundaries of `str.splitlines` other than ``\n``: ``\r``, ``\v``, ``\f``, the
#: file, group and record separators, NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR.
LINE_BREAKS = "\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_TO_NEWLINE = str.maketrans(dict.fromkeys(LINE_BREAKS, "\n"))


def unify_line_breaks(text: str) -> str:
    """``text`` with every line break as ``\\n`` (``\\r\\n`` as `` \\n``), the same length.

    Examples:
        >>> unify_line_breaks("One.\\r\\nTwo.\\u2028Three.\\rFour.")
        'One. \\nTwo.\\nThree.\\nFour.'
    """
    if not any(ch in text for ch in LINE_BREAKS):
        return text
    return text.replace("\r\n", " \n").translate(_TO_NEWLINE)
