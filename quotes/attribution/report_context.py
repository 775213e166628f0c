"""What the words around a report's cue say about it, read on the article's text.

Small predicates `quotes.attribution.report_placement.ContentPlacement` asks while it places a
content: whether a leading phrase is an adverbial (``When he came to Washington,``)
or names a channel (``In a statement,``), whether a dash closes off a direct quote,
whether a time phrase (``nearly a week after ...``) goes on with the narration,
whether a noun before a participle is a predicate, and whether a clause follows a cue.
"""

from __future__ import annotations

import re

from quotes.attribution.report_cues import LEAD_ADVERBIAL_OPENERS, LOWERCASE_WORD_RE
from quotes.attribution.report_build import MIN_WORDS
from quotes.document import Document
from quotes.speakers.channels import find_via

__all__ = [
    "TIME_DISTANCE",
    "adverbial_lead",
    "clause_follows",
    "closed_off",
    "lead_via",
    "predicate_noun",
]


#: The first words of a leading adverbial before ``X said`` (``Shortly after the vote``).
_LEAD_OPENER = re.compile(
    r"\W*(?:(?:[A-Za-z]+ly|soon|long|just|right|even|only)\s+)?([A-Za-z]+)(?:\s+([a-z]+))?"
)


def adverbial_lead(lead: str) -> bool:
    """``When he came to Washington``, ``Writing on Telegram``: an adverbial, not content."""
    opener = _LEAD_OPENER.match(lead)
    return (
        opener is not None
        and (
            opener.group(1).lower() in LEAD_ADVERBIAL_OPENERS
            or opener.group(1).lower().endswith("ing")
            and opener.group(2) in _PARTICIPLE_PREPOSITIONS
        )
        and "," not in lead
    )


_CLOSED_OFF = re.compile(r"\s*(?:—|–|--)")


def closed_off(norm: str, end: int) -> bool:
    """A dash follows the direct quote ending at ``end``: what comes after is not its sentence."""
    return _CLOSED_OFF.match(norm, end) is not None


#: A time measured from an event (``nearly a week after their first session``, ``two days
#: before the vote``, ``hours later``): the narration goes on, the content does not.
TIME_DISTANCE = re.compile(
    r"\s*(?:(?:nearly|almost|about|around|just|only|barely|some|more\s+than|less\s+than)\s+)?"
    r"(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|few|\d+)\s+)?"
    r"(?:minutes?|hours?|days?|weeks?|months?|years?|decades?)\s+(?:after|before|since|later|earlier|ago)\b",
    re.I,
)
_COPULA_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|remains?|remained|becomes?|became)\s+"
    r"(?:also\s+|now\s+|still\s+)?$",
    re.I,
)


def predicate_noun(ctx: Document, consumed: int, np_start: int, np_end: int, cue_at: int) -> bool:
    """``X is a propaganda term questioning C``: the noun before a participle is a predicate.

    A participle right after a noun phrase that follows a copula modifies that noun
    (a reduced relative clause); nobody speaks.
    """
    if not consumed <= np_start < np_end or ctx.norm[np_end:cue_at].strip():
        return False
    return _COPULA_BEFORE.search(ctx.norm, max(consumed, np_start - 40), np_start) is not None


#: Prepositions after a leading participle that make it an adverbial (``Writing on Telegram,``).
_PARTICIPLE_PREPOSITIONS = frozenset(
    "on to in at with from before after during about via for".split()
)


def lead_via(ctx: Document, lo: int, np_start: int) -> str | None:
    """The channel of a phrase that opens the sentence before the subject.

    ``In a statement, the company said C``, ``Speaking to CNN, X said C``, ``In a
    post on Telegram, X said C``: a leading phrase closed by a comma right before
    the subject names the channel of the report.
    """
    lead = ctx.norm[lo:np_start].rstrip()
    if not lead.endswith(",") or lead.count(",") > 2:
        return None
    return find_via(lead)


def clause_follows(ctx: Document, start: int | None) -> bool:
    """``Later, the company said the event was canceled``: a clause at ``start`` after the cue."""
    if start is None:
        return False
    words = LOWERCASE_WORD_RE.findall(ctx.norm[start : start + 80].lower())
    return len(words) >= MIN_WORDS
