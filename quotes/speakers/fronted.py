"""Sentence-opening phrases that hold no subject: ``According to ProPublica, Clinton said ...``.

A pronoun goes back to the subject of an earlier sentence
([`quotes.speakers.anaphora.AnaphoraMixin`][]). A person named in a prepositional or
participial phrase that opens the sentence and ends at a comma (``At the Democratic
National Convention,``, ``Speaking with Jake Tapper,``, ``Asked about Trump,``) is no
subject: the subject follows the comma. Clauses opened by a conjunction (``When
Smith spoke, he said``) are left alone, since their subject is often the one a
pronoun after them refers to.

The words before ``, he added`` are the content of the statement (`reported_before`):
the pronoun speaks them, so a name among them is not what it refers to (``Trump fits
that bill, he added``: not Trump).
"""

from __future__ import annotations

import re
from typing import Optional

from quotes.lexicon import CLAUSE_CONJUNCTIONS, REPORTING_VERBS, SUBORDINATORS, word_alternation
from quotes.text.intervals import SpanCover

#: Prepositions that open a phrase before the subject (``According to``, ``In an interview with``).
#: ``for`` and ``to`` are left out: ``For Smith, the race is personal`` makes Smith the topic.
FRONTED_PREPOSITIONS = frozenset(
    """according at in during under from unlike like despite following amid amidst with without
    throughout on by regarding among against beyond besides outside inside over across through
    toward towards upon via""".split()
)
#: Past participles that open a phrase before the subject (``Asked about Trump, Cruz said``).
FRONTED_PARTICIPLES = frozenset(
    """asked pressed reached contacted questioned interviewed quoted challenged confronted""".split()
)

#: Quote marks, brackets and sentence connectives before the first word of a sentence: the
#: conjunctions (`CLAUSE_CONJUNCTIONS`) and ``then`` and ``later``, capitalised.
_LEAD = re.compile(
    r"[\s\"'“‘(]*(?:" + word_alternation(CLAUSE_CONJUNCTIONS | {"then", "later"}, capitalised=True) + r",?\s+)*"
)
#: A subject, a finite verb or a name with a past-tense verb: the words before the comma are a clause
#: (``In June he launched``, ``Clinching it is out of reach for Sanders``, ``On Sunday Mr. Trump wrote``).
_CLAUSE = re.compile(
    r"\b(?:he|she|they|we|I|is|was|are|were|has|had|have|made|said|says|told|wrote|took|gave)\b"
    r"|[A-Z][\w'’\-]*\s+[a-z]+ed\b"
)
#: The comma of a date (``Jan. 17, 2013``): it does not close the phrase.
_DATE_COMMA = re.compile(r",\s*\d{4}\b")
#: The first word of the sentence after `_LEAD`.
_WORD = re.compile(r"[A-Za-z][a-z]+")


def fronted_phrase_end(norm: str, lo: int, hi: int, quoted: SpanCover) -> Optional[int]:
    """Offset right after the comma that closes a phrase opening the sentence at ``lo``.

    The phrase starts with a preposition (`FRONTED_PREPOSITIONS`), a past participle
    (`FRONTED_PARTICIPLES`) or a capitalised ``-ing`` word, and ends at its first
    comma outside quotes before ``hi``. ``None`` when the sentence opens otherwise
    (a quote, a conjunction: ``When Smith spoke, he said``), when no such comma is
    found, or when the words before it are a clause (`_CLAUSE`: ``In June he
    launched ...,``, ``Choosing Smith is ...,``). The caller checks that the
    ``-ing`` word is no name (``Irving said ...``).

    Args:
        norm: The normalised article text.
        lo: Start of the sentence.
        hi: End of the part of the sentence to read.
        quoted: Spans inside quotes (a comma there, or one of a date, does not close the phrase).

    Examples:
        >>> cover = SpanCover([])
        >>> text = "According to ProPublica, Clinton praised her donors."
        >>> text[fronted_phrase_end(text, 0, len(text), cover):].split()[0]
        'Clinton'
        >>> fronted_phrase_end("Speaking with Tapper, Cruz said so.", 0, 35, cover)
        21
        >>> fronted_phrase_end("When Smith spoke, he said so.", 0, 29, cover) is None
        True
        >>> fronted_phrase_end("In June he sold it, Smith said.", 0, 31, cover) is None
        True
        >>> fronted_phrase_end("In a Jan. 17, 2013 email, Clinton asks.", 0, 40, cover)
        25
    """
    lead = _LEAD.match(norm, lo, hi)
    word = _WORD.match(norm, lead.end() if lead else lo, hi)
    if word is None or word.start() in quoted:
        return None  # a quote opens the sentence: "Regarding the foundation, ..." is its speaker's
    low = word.group().lower()
    opens = low in FRONTED_PREPOSITIONS or low in FRONTED_PARTICIPLES or (
        low.endswith("ing") and len(low) > 5 and word.group()[0].isupper()
    )
    if not opens:
        return None
    comma = norm.find(",", word.end(), hi)
    while comma != -1 and (comma in quoted or _is_date_comma(norm, comma)):
        comma = norm.find(",", comma + 1, hi)
    if comma == -1 or _CLAUSE.search(norm, word.end(), comma):
        return None
    return comma + 1


def _is_date_comma(norm: str, comma: int) -> bool:
    """The comma at ``comma`` sits between a day and a year (``Jan. 7, 2013``)."""
    return norm[comma - 1:comma].isdigit() and _DATE_COMMA.match(norm, comma) is not None



#: A word opening a subordinate clause or a fronted phrase: the words up to its comma are no content
#: (``When Smith spoke, he said``). Subordinators (`SUBORDINATORS`) and more words of a
#: fronted phrase, after conjunctions (`CLAUSE_CONJUNCTIONS`) or ``then``.
_SUBORDINATE_WORDS = SUBORDINATORS | frozenset(
    "whilst whether even just now whatever whenever where wherever for to of having given asked".split()
)
_SUBORDINATE = re.compile(
    r"[\s\"'“‘(]*(?:" + word_alternation(CLAUSE_CONJUNCTIONS | {"then"}) + r",?\s+)*"
    + word_alternation(_SUBORDINATE_WORDS) + r"\b",
    re.I,
)
#: A plain comma right before the pronoun (a quote mark before it ends a direct quote instead).
_COMMA_BEFORE = re.compile(r"[^\"'”’],\s+\Z")
#: The verb right after the pronoun (an adverb allowed: ``he also said``), then a comma or a stop:
#: the cue comes after its content.
_VERB_AFTER = re.compile(
    r"\s+(?:(?:also|later|then|further|again|quickly|previously)\s+)?([a-z]+)\s*[,.;]"
)
#: A word of running text.
_TEXT_WORD = re.compile(r"[a-z]+")


def reported_before(norm: str, lo: int, at: int, end: int, quoted: SpanCover) -> bool:
    """The sentence at ``lo`` up to the pronoun at ``at`` (ending at ``end``) is what it reports.

    ``Trump fits that bill for many people, he added.``: a plain comma before the pronoun,
    a reporting verb after it and then a comma or a stop, no reporting verb before it
    outside quotes (``as Lee echoed it, saying ... and Kay, she said, ...``), and a
    sentence that opens with no subordinate clause or fronted phrase (``When Smith
    spoke, he said``, ``According to Smith, she said``).

    Examples:
        >>> cover = SpanCover([])
        >>> text = "Smith fits that bill for many voters, he added."
        >>> reported_before(text, 0, text.index("he "), text.index("he ") + 2, cover)
        True
        >>> text = "When Smith spoke, he said it was late."
        >>> reported_before(text, 0, text.index("he "), text.index("he ") + 2, cover)
        False
        >>> text = "Smith fits that bill, he smiled."
        >>> reported_before(text, 0, text.index("he "), text.index("he ") + 2, cover)
        False
    """
    if at - lo < 3 or not _COMMA_BEFORE.search(norm, max(lo, at - 8), at):
        return False
    verb = _VERB_AFTER.match(norm, end)
    if verb is None or verb.group(1) not in REPORTING_VERBS:
        return False
    if _SUBORDINATE.match(norm, lo, at) or fronted_phrase_end(norm, lo, at, quoted) is not None:
        return False
    return not any(
        m.group() in REPORTING_VERBS and m.start() not in quoted
        for m in _TEXT_WORD.finditer(norm, lo, at)
    )
