"""A relative pronoun that stands for the reported clause's missing subject (``which he said was C``).

In ``a wall, which he said Mexico would pay for`` or ``the tax, which critics say hurts
workers``, the relative pronoun fills a gap in the reported clause: PolNeAR marks the
content as two pieces, the pronoun and the clause after the cue (``which … hurts
workers``). `relative_gap` finds the pronoun for a ``cue-first`` report whose subject
follows one and whose content opens with its verb (no subject of its own), or with the
predicate of a naming verb (``what officials called a hate crime``).
"""

from __future__ import annotations

import re

from quotes.attribution.report_cue import ReportCue
from quotes.attribution.report_cues import NAMING

__all__ = ["relative_gap"]

#: A relative pronoun right before the cue's subject (``, which he``, ``in what officials``);
#: lower-case: a capital opens a sentence (``What we do know is that C``) or a headline.
_RELATIVE_BEFORE = re.compile(r"(?<![\w'’-])(?:which|that|what|who|whom)\s+$")
#: The most words of the subject between the pronoun and the cue (``many Indiana GOP insiders``).
_MAX_SUBJECT_WORDS = 5
#: Finite auxiliaries and irregular past forms that open a verb phrase with no subject
#: (``which he said was C``, ``that critics say went unnoticed``).
_FINITE = frozenset(
    """is are was were has have had will would could can may might should must does did do
    went left led took made got came gave kept held ran put set cost hurt meant brought""".split()
)
#: Words ending in ``s`` that are no verb (``this``, ``his``, ``less``).
_NOT_VERBS_IN_S = frozenset("this his its as us thus plus less unless news".split())


#: Pronouns that are the object of a naming verb (``what she called it``): no gap.
_OBJECT_PRONOUNS = frozenset(
    "i you he she it we they me him her us them himself herself itself themselves".split()
)


def _finite_verb(word: str) -> bool:
    """Whether ``word`` looks like a finite verb: an auxiliary, an irregular past, ``-ed``, ``-s``."""
    low = word.lower()
    if not word[0].islower():
        return False
    if low in _FINITE:
        return True
    if low.endswith("ed"):
        return True
    return low.endswith("s") and not low.endswith(("ss", "ous")) and low not in _NOT_VERBS_IN_S


def relative_gap(norm: str, lo: int, np_start: int, cue: ReportCue, content: str) -> tuple[int, int] | None:
    """Where the relative pronoun before the subject at ``np_start`` lies, if it fills the content's gap.

    Args:
        norm: The normalised article text.
        lo: Where to look back from (a few characters before ``np_start``).
        np_start: Where the cue's subject starts.
        cue: The cue.
        content: The text of the content read after the cue.

    Returns:
        The pronoun's ``(start, end)``, or ``None``.

    Examples:
        >>> from types import SimpleNamespace
        >>> text = "a wall, which he said was too costly"
        >>> cue = SimpleNamespace(a=17, low="said", k=3, last=3)
        >>> relative_gap(text, 0, 14, cue, "was too costly")
        (8, 13)
        >>> relative_gap(text, 0, 14, cue, "he will build it") is None
        True
    """
    m = _RELATIVE_BEFORE.search(norm, lo, np_start)
    if m is None:
        return None
    subject = norm[np_start : cue.a]
    if any(ch in subject for ch in ",;:.\"“”") or len(subject.split()) > _MAX_SUBJECT_WORDS:
        return None
    words = content.split(None, 1)
    first = words[0].strip("\"'“‘”’,;:") if words else ""
    if not first or first.lower() in _OBJECT_PRONOUNS:
        return None  # "which he called him": the naming verb has its object
    naming = cue.low in NAMING and cue.last == cue.k  # "called", not "called for"
    if not naming and not _finite_verb(first):
        return None  # "which he said Mexico would pay for": the clause has its own subject
    return m.start(), m.start() + len(m.group(0).rstrip())
