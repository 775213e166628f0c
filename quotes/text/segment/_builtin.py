"""Fast backend: a pure-Python, regular-expression sentence splitter.

It splits each line at ``.``, ``!``, ``?`` or ``…`` (plus closing quotes or
brackets) followed by whitespace and an upper-case letter, digit or opening
quote, unless the word before the stop is a known abbreviation (``Mr.``,
``Gov.``, ``U.S.``) or an initial. Lines are never joined. It runs at several
million characters per second and needs no model.
"""

from __future__ import annotations

import re

from quotes._version import __version__
from quotes.lexicon import INITIALS, NON_NAME_CAPITALS, source_words

__all__ = ["ABBREVIATIONS", "RegexSegmenter"]

#: Lower-cased words that end with a period without ending a sentence.
ABBREVIATIONS: frozenset[str] = frozenset(
    """mr mrs ms dr prof sr jr st mt ft gov sen rep gen lt col maj capt cmdr adm sgt cpl pvt
    pres supt atty rev hon gov.-elect nos vs etc al approx dept est inc ltd co corp bros
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    u.s u.k u.n e.u u.s.a d.c a.m p.m i.e e.g ph.d fig vol pp ca""".split()
)

_LINE = re.compile(r"[^\n]+")
#: A stop after a non-space character, then space and a sentence opener (an opening mark
#: may come first, doubled as in ``''We`` and ````We``). A run of stops is tried only where
#: it starts (or one in, after a space), not at each of its characters: every start inside
#: the run ends the same way, and trying each costs the run's square.
_BOUNDARY = re.compile(
    r"""(?:(?<=[^\s.!?…])|(?<=^[.!?…])|(?<=\s[.!?…]))"""
    r"""([.!?…]+["'”’»)\]]*)(\s+)(?=(?:''|``|["'“‘«(\[])?[A-Z0-9À-ÖØ-Þ])"""
)
#: The word before a stop, matched on the reversed line: a ``$``-anchored search from the
#: line's start would rescan the line for every candidate stop (quadratic in a long word).
_WORD_REVERSED = re.compile(r"[\w.\-]+")
_NEXT_WORD = re.compile(r"([A-Z][a-z]+(?:[-'’][A-Za-z]+)?)\b")
#: Capitalised words that open a sentence rather than follow initials as a surname.
_OPENERS = frozenset(
    """The A An He She It They We I You His Her Its Their Our My This That These Those There Here
    But And Or So Yet If When While After Before Since As At In On For From By With To Of Not
    No Now Then Still Also Meanwhile However Why What Who How Where Which Some Many Most All
    One Two Three Last Next Today Yesterday Mr Mrs Ms Dr""".split()
)


def _surname_after(chunk: str, at: int) -> bool:
    """A capitalised word at ``at`` that reads as a surname, not a sentence opener."""
    m = _NEXT_WORD.match(chunk, at)
    if m is None or m.group(1) in _OPENERS:
        return False
    low = m.group(1).lower()
    return low not in NON_NAME_CAPITALS and low not in source_words()  # "the C.I.A. Officials said"


def _word_before(chunk: str, reversed_chunk: str, end: int) -> str:
    """The longest run of word characters, ``.`` and ``-`` ending at ``end`` (may be empty).

    Read on ``reversed_chunk`` (``chunk[::-1]``), so it costs the length of the word.
    """
    m = _WORD_REVERSED.match(reversed_chunk, len(chunk) - end)
    return "" if m is None else chunk[end - (m.end() - m.start()):end]


class RegexSegmenter:
    """The ``fast`` backend: regular-expression sentence splitting, no models."""

    name = "fast"
    version = __version__

    def segment(self, text: str) -> list[tuple[int, int]]:
        """Return sentence spans of ``text``, never crossing a line break.

        Examples:
            >>> t = "Mr. Peskov spoke. He said “No.” Then he left."
            >>> [t[a:b] for a, b in RegexSegmenter().segment(t)]
            ['Mr. Peskov spoke.', 'He said “No.”', 'Then he left.']
        """
        spans: list[tuple[int, int]] = []
        append = spans.append
        for line in _LINE.finditer(text):
            chunk = line.group()
            base = line.start()
            start = 0
            reversed_chunk = ""
            for m in _BOUNDARY.finditer(chunk):
                stop = m.group(1)
                if stop[0] == ".":
                    reversed_chunk = reversed_chunk or chunk[::-1]
                    before = _word_before(chunk, reversed_chunk, m.start(1))
                    if before:
                        word = before.lower().rstrip(".")
                        if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                            continue
                        if INITIALS.fullmatch(before) and _surname_after(chunk, m.end(2)):
                            continue  # "J.M. Berger said": initials before a surname
                end = m.end(1)
                self._add(chunk, base, start, end, append)
                start = m.end(2)
            self._add(chunk, base, start, len(chunk), append)
        return spans

    @staticmethod
    def _add(chunk: str, base: int, start: int, end: int, append: object) -> None:
        piece = chunk[start:end]
        stripped = piece.strip()
        if not stripped:
            return
        lead = len(piece) - len(piece.lstrip())
        a = base + start + lead
        append((a, a + len(stripped)))  # type: ignore[operator]
