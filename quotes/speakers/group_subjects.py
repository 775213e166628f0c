"""The group a ``they`` refers to: a capitalised plural that is the subject just before.

``Yet Republicans have spent months on it, and they are circulating talking points. They
are also focused on the drawdown, which they say left a vacuum``: ``they`` are the
Republicans. The sentence of the pronoun and the two before it are read back: one whose
subject is a capitalised plural naming a group (``Republicans``, ``Senate Democrats``,
``Ukrainians``: `quotes.speakers.noun_phrase.plural_group`) gives it; one whose subject is
``they`` continues the chain further back; any other subject (a person, ``It``, ``The
focus``) ends it with nothing found, and so does a group named inside a quote or another
plural of people between the group and the pronoun (``managers``, ``workers``).
"""

from __future__ import annotations

import bisect
import re
from typing import Optional

from quotes.lexicon import CLAUSE_OPENERS, word_alternation
from quotes.speakers.noun_phrase import person_noun, plural_group
from quotes.text.intervals import SpanCover

__all__ = ["subject_group"]

#: Quote marks, brackets and connectives before the subject of a sentence: the clause
#: openers (`CLAUSE_OPENERS`) but ``however``, with ``also`` added, capitalised.
_LEAD = r"[\s\"'“‘(]*(?:" + word_alternation((CLAUSE_OPENERS - {"however"}) | {"also"}, capitalised=True) + r",?\s+)*"
#: A capitalised plural opening the sentence, then a lower-case word that is no preposition
#: or conjunction (a verb: ``Republicans have``, ``Senate Democrats say``).
_GROUP_SUBJECT = re.compile(
    _LEAD + r"(?P<group>(?:[A-Z][\w\-]*\s+){0,2}[A-Z][a-z]+s)\s+"
    r"(?!(?:of|and|or|who|that|in|for|from|on|at|with|to|as|than)\b)[a-z]"
)
#: ``They`` as the subject of a sentence.
_THEY_SUBJECT = re.compile(_LEAD + r"[Tt]hey\b")
#: A lower-case word.
_LOWER_WORD = re.compile(r"\b[a-z][a-z\-]+\b")
#: Sentences read back from the pronoun's: its own and two before.
_BACK = 2


def _people_between(norm: str, lo: int, hi: int) -> bool:
    """Another plural of people stands between the group and the pronoun (``managers``, ``workers``).

    ``Economists looked at firms employing low-skill workers, in which some managers hired
    the employees they thought ...``: ``they`` are the managers, not the economists.
    """
    return any(
        plural_group(w) or w.endswith("s") and person_noun(w[:-1])
        for w in _LOWER_WORD.findall(norm, lo, hi)
    )


def subject_group(
    norm: str, at: int, sentence_starts: list[int], quoted: SpanCover
) -> Optional[str]:
    """The capitalised plural a ``they`` at ``at`` refers to, as written; else ``None``.

    Examples:
        >>> text = "Yet Republicans have spent months on it. They say it failed, they added."
        >>> subject_group(text, text.rindex("they"), [0, 41], SpanCover([]))
        'Republicans'
        >>> text = "Republicans met. Mayor Ann Lee spoke. They say it failed."
        >>> subject_group(text, text.index("They"), [0, 17, 38], SpanCover([])) is None
        True
    """
    k = bisect.bisect_right(sentence_starts, at) - 1
    for j in range(k, max(-1, k - _BACK - 1), -1):
        lo = sentence_starts[j]
        hi = at if j == k else sentence_starts[j + 1]
        m = _GROUP_SUBJECT.match(norm, lo, hi)
        if m is not None and m.start("group") not in quoted:
            words = m.group("group").split()
            if plural_group(words[-1].lower()) and not _people_between(norm, m.end("group"), at):
                return m.group("group")
        if not _THEY_SUBJECT.match(norm, lo, hi):
            return None  # "Mayor Ann Lee spoke": another subject ends the chain
    return None
