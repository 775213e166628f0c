"""Direct quotes: pairing quotation marks into quoted spans.

[`find_quoted_spans`][quotes.text.quoted.find_quoted_spans] pairs opening and closing marks of every
style line by line (``“…”``, ``"…"``, ``‘…’``, ``'…'``, ``«…»``, ``„…“``). It tells apostrophes
(``don't``, ``Russia's``) from single quotes, accepts a closing mark with no opening one at the
start of a paragraph (``We are ready,” Putin said``), and links a paragraph that leaves its quote
open to the next paragraph that reopens it. Curly marks nest (``“how “are” you”``) when enough
closing marks follow; a quote never closed runs to the end of its paragraph when its mark opens
the line, a sentence, or follows a colon or comma. Stray marks produce nothing.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from quotes.text.linebreaks import unify_line_breaks
from quotes.text.marks import (
    AMBIGUOUS_DOUBLE,
    AMBIGUOUS_SINGLE,
    CLOSING_DOUBLE,
    CLOSING_SINGLE,
    DOUBLE_MARKS,
    FOLD_MARK,
    MARK_RE,
    OPENING_DOUBLE,
    OPENING_SINGLE,
)

__all__ = ["QuotedSpan", "find_quoted_spans", "quoted_regions"]

_OPEN_BEFORE = " \t([{—–-/:;,…" + FOLD_MARK
_CLOSE_AFTER = " \t,.;:!?)]}—–-…"


@dataclass
class QuotedSpan:
    """A span of text between quotation marks.

    Attributes:
        open: Offset of the opening mark, or ``-1`` when the quote has none.
        close: Offset of the closing mark, or ``-1`` when the paragraph ends first.
        start: Offset of the content's first character.
        end: Offset just past the content (trailing comma and spaces removed).
        line: Index of the body line the quote is in.
        continues: The quote goes on in the next paragraph.
        continued: The quote continues one from the previous paragraph.
    """

    open: int
    close: int
    start: int
    end: int
    line: int
    continues: bool = False
    continued: bool = False


def _content(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] == FOLD_MARK):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in "," + FOLD_MARK):
        b -= 1
    return a, b


def _double_direction(text: str, i: int, lo: int, hi: int, pending: int) -> str:
    ch = text[i]
    if ch in OPENING_DOUBLE:
        if ch == "“" and pending >= 0 and text[pending] == "„":
            return "close"
        if ch == "“" and pending >= 0 and i > lo and text[i - 1] in ",.!?…" and (i + 1 >= hi or not text[i + 1].isalnum()):
            return "close"  # “It's unusual,“ said Noble, “… stand.“[HuffPost.]: a typo'd closing mark
        return "open"
    if ch in CLOSING_DOUBLE:
        return "close"
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    if pending >= 0:
        return "open" if prev.isspace() and not nxt.isspace() and nxt not in _CLOSE_AFTER else "close"
    if (prev.isspace() or prev in _OPEN_BEFORE) and not nxt.isspace():
        return "open"
    return "close"


def _single_role(text: str, i: int, lo: int, hi: int, pending: int) -> str:
    ch = text[i]
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    if prev.isalnum() and nxt.isalnum():
        return "apostrophe"
    opener = (prev.isspace() or prev in _OPEN_BEFORE or prev in DOUBLE_MARKS) and (
        nxt.isalnum() or nxt in "…"
    )
    if ch in OPENING_SINGLE or (opener and ch in AMBIGUOUS_SINGLE + CLOSING_SINGLE):
        return "open" if opener or ch in OPENING_SINGLE else "apostrophe"
    if pending >= 0 and not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_AFTER or nxt in DOUBLE_MARKS):
        return "apostrophe" if _plural_possessive(text, pending, i, hi) else "close"
    return "apostrophe"


#: A single mark (or the apostrophe inside a word, skipped).
_SINGLE_MARK = re.compile(r"['’‘]")
#: How far ahead a plural possessive looks for the mark that closes its quote.
_CLOSER_REACH = 400


def _plural_possessive(text: str, opened: int, i: int, hi: int) -> bool:
    """Whether the single mark at ``i`` (a quote opened at ``opened``) is a plural's apostrophe.

    ``'It's the players' call,' he said``: a mark after the ``s`` of the quote's
    second word or later, followed by a space and a lower-case word, is the
    possessive when the next single mark on the line (apostrophes inside words
    aside) closes the quote. A one-word quote (``'liars' and left``) or a next mark
    that opens another quote (``'sharks' in public and 'thieves'``) closes here.
    """
    if text[i - 1 : i] not in ("s", "S") or not re.match(r" [a-z]", text[i + 1 : i + 3]):
        return False
    if " " not in text[opened + 1 : i].strip():
        return False
    for m in _SINGLE_MARK.finditer(text, i + 2, min(hi, i + _CLOSER_REACH)):
        k = m.start()
        before, after = text[k - 1], text[k + 1 : k + 2] or " "
        if before.isalnum() and after.isalnum():
            continue  # "isn't"
        closes = after.isspace() or after in _CLOSE_AFTER or after in DOUBLE_MARKS
        return closes and not before.isspace()
    return False


def _closers_after(text: str, doubles: list[int]) -> list[int]:
    """For each double mark, how many closing curly marks come after it in the line."""
    counts = [0] * len(doubles)
    seen = 0
    for k in range(len(doubles) - 1, -1, -1):
        counts[k] = seen
        seen += text[doubles[k]] in CLOSING_DOUBLE
    return counts


def _inside(covered: list[tuple[int, int]], i: int) -> bool:
    """Whether ``a <= i <= b`` for a span of ``covered`` (sorted, disjoint: bisected)."""
    k = bisect.bisect_right(covered, (i, float("inf"))) - 1
    return k >= 0 and covered[k][0] <= i <= covered[k][1]


def _line_quotes(text: str, lo: int, hi: int, line: int) -> tuple[list[QuotedSpan], int]:
    """Quotes of one line, and the offset of an opening mark left unclosed (or -1)."""
    found: list[QuotedSpan] = []
    marks = [m.start() for m in MARK_RE.finditer(text, lo, hi)]
    doubles = [i for i in marks if text[i] in DOUBLE_MARKS]
    pending = -1
    nested = 0  # curly marks opened inside the pending quote and not closed yet
    closers_after = _closers_after(text, doubles)
    covered: list[tuple[int, int]] = []
    for k, i in enumerate(doubles):
        direction = _double_direction(text, i, lo, hi, pending)
        if direction == "open" and pending >= 0 and (
            text[i] in OPENING_DOUBLE and closers_after[k] > nested + 1
            or text[i] in AMBIGUOUS_DOUBLE and text[pending] in AMBIGUOUS_DOUBLE and not nested and k + 1 < len(doubles)
        ):
            nested += 1  # “how “are” you”: enough closing marks follow for both
        elif direction == "open":
            pending = i
        elif nested:
            nested -= 1
        elif pending >= 0:
            a, b = _content(text, pending + 1, i)
            if b > a:
                found.append(QuotedSpan(pending, i, a, b, line))
            covered.append((pending, i))
            pending = -1
        elif not found and not covered and text[i - 1 : i] in ",.!?…" and i > lo:
            # A closing mark with no opening one: the quote runs from the line start.
            a, b = _content(text, lo, i)
            if len(text[a:b].split()) >= 2:
                found.append(QuotedSpan(-1, i, a, b, line))
                covered.append((lo, i))
    unclosed = pending
    if pending >= 0:
        covered.append((pending, hi))
    # Single marks, outside double-quoted text.
    pending = -1
    for i in marks:
        if text[i] in DOUBLE_MARKS or _inside(covered, i):
            continue
        role = _single_role(text, i, lo, hi, pending)
        if role == "open":
            pending = i
        elif role == "close" and pending >= 0:
            a, b = _content(text, pending + 1, i)
            if b > a:
                found.append(QuotedSpan(pending, i, a, b, line))
            pending = -1
    found.sort(key=lambda q: q.start)
    return found, unclosed


def find_quoted_spans(text: str, lines: list[tuple[int, int]]) -> list[QuotedSpan]:
    """Find quoted spans in the given body lines of ``text``.

    Args:
        text: The article text, normalised by
            [`fold_double_apostrophes`][quotes.text.marks.fold_double_apostrophes] (``''`` used as a
            mark).
        lines: ``(start, end)`` of the body lines, in order.

    Returns:
        Quoted spans in document order.

    Examples:
        >>> t = "“A,” he said. “B and C.”"
        >>> [t[q.start:q.end] for q in find_quoted_spans(t, [(0, len(t))])]
        ['A', 'B and C.']
        >>> t = "'We know what Trump told Putin, we don't know,' Peskov said."
        >>> [t[q.start:q.end] for q in find_quoted_spans(t, [(0, len(t))])]
        ["We know what Trump told Putin, we don't know"]
    """
    spans: list[QuotedSpan] = []
    for n, (lo, hi) in enumerate(lines):
        found, unclosed = _line_quotes(text, lo, hi, n)
        if spans and spans[-1].continues and found and found[0].open == -1:
            found[0].continued = True
        spans.extend(found)
        if unclosed >= 0:
            nxt = lines[n + 1][0] if n + 1 < len(lines) else -1
            reopens = nxt >= 0 and text[nxt] in OPENING_DOUBLE + AMBIGUOUS_DOUBLE
            # The mark opens the line, follows a colon or comma, or opens a sentence.
            before = text[lo:unclosed].rstrip(" \t" + FOLD_MARK)  # ''C: the pair's first apostrophe
            at_start = not before or before[-1] in ":,.!?…"
            if reopens or at_start:
                a, b = _content(text, unclosed + 1, hi)
                if b > a:
                    span = QuotedSpan(unclosed, -1, a, b, n, continues=reopens)
                    if spans and spans[-1].continues and spans[-1].line == n - 1 and unclosed == lo:
                        span.continued = True
                    spans.append(span)
        elif found and found[0].open == lo and spans and len(spans) > len(found):
            prev = spans[-len(found) - 1]
            if prev.continues and prev.line == n - 1:
                found[0].continued = True
    return spans


#: Double marks for [`quoted_regions`][quotes.text.quoted.quoted_regions] (straight ``"`` and ``''``
#: alternate).
_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_REGION_MARK_RE = re.compile("''|[\"“”„«»\n]")


def quoted_regions(text: str) -> list[tuple[int, int]]:
    r"""Return the spans of ``text`` that lie inside double quotation marks.

    Curly marks (``“ ”``, ``« »``, ``„``) open and close; straight ``"`` marks
    and doubled apostrophes ``''`` (the New York Times' archive format)
    alternate. A quotation left open is closed at the end of its paragraph (a
    line), so multi-paragraph quotes that reopen each paragraph work. Single
    marks are not used: ``’`` is mostly an apostrophe, and single quotes are
    nested inside double ones. The spans include the marks themselves.

    Args:
        text: Any text.

    Returns:
        Non-overlapping ``(start, end)`` spans, in order.

    Examples:
        >>> text = 'He said "yes, “really”" and left.'
        >>> [text[a:b] for a, b in quoted_regions(text)]
        ['"yes, “really”"']
        >>> text = "''We won,'' he said."
        >>> [text[a:b] for a, b in quoted_regions(text)]
        ["''We won,''"]
        >>> quoted_regions("“Open\nNot quoted")
        [(0, 5)]
    """
    text = unify_line_breaks(text)  # every line break ends a paragraph (same length)
    regions: list[tuple[int, int]] = []
    start = -1
    depth = 0
    straight_open = False
    for m in _REGION_MARK_RE.finditer(text):
        mark, i = m.group(), m.start()
        if mark == "\n":
            if depth or straight_open:
                regions.append((start, i))
            depth, straight_open, start = 0, False, -1
        elif mark in _OPEN_DOUBLE:
            if not depth and not straight_open:
                start = i
            depth += 1
        elif mark in _CLOSE_DOUBLE:
            if depth:
                depth -= 1
                if not depth and not straight_open:
                    regions.append((start, m.end()))
                    start = -1
        elif straight_open:
            straight_open = False
            if not depth:
                regions.append((start, m.end()))
                start = -1
        else:
            if not depth:
                start = i
            straight_open = True
    if depth or straight_open:
        regions.append((start, len(text)))
    return regions
