"""What a text says about its own claim, read by dedupe: numbers, negation, occasion.

Two near texts are still two statements when their numbers disagree (``22 emails``
/ ``2,093 emails``), when one denies what the other asserts (``is qualified`` / ``is
not qualified``), when one denies having said something, or when one refers to an
earlier occasion. These predicates read a normalised text
(`quotes.dedupe.text.normalize_text`); `quotes.dedupe.statement` and
`quotes.dedupe.engine` apply them to pairs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = [
    "POLARITY_MAX_WORDS",
    "ClaimCache",
    "denies_saying",
    "earlier_occasion",
    "negated",
    "negator_count",
    "numbers_in",
    "same_polarity",
]

# A negator in a normalised text: a statement and its denial are not one statement
# ("Russia is ready for talks" / "there are no talks scheduled"), however many
# content terms they share. Only short units are compared for polarity: in a long
# quote a "not" belongs to one of many clauses ("I do not have -- I am so sick of ...").
_POLARITY_MAX_TERMS = 12
#: The same limit in words, for near-verbatim pairs (no terms are computed for them).
POLARITY_MAX_WORDS = 20
_NEGATION = re.compile(
    r"\b(?:no|not|never|neither|nor|nobody|nothing|none|cannot|dont|doesnt|didnt|isnt|arent|"
    r"wasnt|werent|wont|cant|couldnt|shouldnt|wouldnt|hasnt|havent|hadnt|aint|mustnt)\b"
)


# A number on its own: not the digits inside a word or code (``H-1B``, ``G7``, ``x12``).
_NUMBER = re.compile(r"(?<![\w])\d(?:[\d,.]*\d)?(?![\w])")


def numbers_in(text: str) -> frozenset[str]:
    """The numbers written with digits in a text, without thousands separators.

    Examples:
        >>> sorted(numbers_in("2,093 of 30,000 emails; 22 top secret, $5.5 million"))
        ['2093', '22', '30000', '5.5']
        >>> sorted(numbers_in("H-1B visas for the G7, 2 of them"))
        ['2']
    """
    return frozenset(m.replace(",", "") for m in _NUMBER.findall(text))


# A reference to an earlier occasion in a text ("a Russian offensive at the time aimed
# to create a buffer zone"): such a text reports an old statement, not a new one.
_EARLIER = re.compile(
    r"\b(?:at the time|at that time|back then|last (?:year|month|spring|summer|autumn|fall|winter)"
    r"|(?:a|one|two|three|several|many|\d+) (?:years?|months?) (?:ago|earlier|before))\b"
)


def earlier_occasion(normalized: str) -> bool:
    """Whether a normalised text refers to an earlier occasion (``at the time``, ``a year ago``).

    Examples:
        >>> earlier_occasion("a russian offensive at the time aimed to create a buffer zone")
        True
        >>> earlier_occasion("russian forces have orders to create a buffer zone")
        False
    """
    return _EARLIER.search(normalized) is not None


# A content that denies having said something: a statement about a statement.
_SAYING_DENIED = re.compile(
    r"\b(?:never|not|didnt|doesnt|dont)(?: \w+)? (?:said|say|says|pledged|pledge|promised|"
    r"claimed|suggested|proposed|called for)\b"
    r"|\bdenie[sd] (?:saying|having said|that he|that she)\b"
)


def denies_saying(normalized: str) -> bool:
    """Whether a normalised text denies having said something (``he never said he wanted ...``).

    ``I never said X`` is another claim than ``X`` (or a softened ``not necessarily X``):
    it is a claim about what was said.

    Examples:
        >>> denies_saying("he never actually said he wanted to kill the families")
        True
        >>> denies_saying("he doesnt necessarily want to kill the families")
        False
    """
    return _SAYING_DENIED.search(normalized) is not None


def negated(normalized: str) -> bool:
    """Whether a normalised text holds a negator (``not``, ``no``, ``never``, ``n't``...).

    Examples:
        >>> negated("we have not yet received a list"), negated("they dont know"), negated("noted")
        (True, True, False)
        >>> negated("no i meant he is the founder")
        False
    """
    if normalized.startswith("no ") and normalized[3:].startswith(("i ", "we ", "he ", "she ")):
        normalized = normalized[3:]  # "No, I meant ...": an interjection, not a denial
    return _NEGATION.search(normalized) is not None


def negator_count(normalized: str) -> int:
    """How many negators a normalised text holds (see `negated`).

    Examples:
        >>> negator_count("he is not qualified and never was"), negator_count("he is qualified")
        (2, 0)
    """
    return len(_NEGATION.findall(normalized))


def same_polarity(a: frozenset[str], b: frozenset[str], neg_a: bool, neg_b: bool) -> bool:
    """Whether two units of content terms ``a``, ``b`` (negated or not) may be one statement.

    Only short units are compared: in a long one a ``not`` belongs to one of many clauses.

    Examples:
        >>> ready, none = frozenset("russia ready talks".split()), frozenset({"talks"})
        >>> same_polarity(ready, none, False, True)
        False
    """
    return neg_a == neg_b or max(len(a), len(b)) > _POLARITY_MAX_TERMS


class ClaimCache:
    """The claim features of each item of a dedupe run, read on first use and kept.

    The near-verbatim check (`quotes.dedupe.engine`) and the statement scorer
    (`quotes.dedupe.statement`) ask for the same items' numbers; each text is read
    once, and only the texts of candidate pairs are read at all.

    Args:
        raw: One original text of each item (numbers keep their separators there).
        normalized: The normalised text of each item (negators are read there).

    Examples:
        >>> raw = ["22 emails", "2,093 emails", "emails"]
        >>> claims = ClaimCache(raw, [t.replace(",", "") for t in raw])
        >>> claims.numbers_agree(0, 1), claims.numbers_agree(0, 2), claims.numbers(1)
        (False, True, frozenset({'2093'}))
        >>> ClaimCache(["x"], ["he is not qualified and never was"]).negators(0)
        2
    """

    def __init__(self, raw: Sequence[str], normalized: Sequence[str]) -> None:
        self.raw = raw
        self.normalized = normalized
        self._numbers: dict[int, frozenset[str]] = {}
        self._negators: dict[int, int] = {}

    def numbers(self, item: int) -> frozenset[str]:
        """The numbers of an item's text (see `numbers_in`)."""
        found = self._numbers.get(item)
        if found is None:
            found = self._numbers[item] = numbers_in(self.raw[item])
        return found

    def negators(self, item: int) -> int:
        """How many negators an item's normalised text holds (see `negator_count`)."""
        found = self._negators.get(item)
        if found is None:
            found = self._negators[item] = negator_count(self.normalized[item])
        return found

    def numbers_agree(self, i: int, j: int) -> bool:
        """False when both items hold numbers and share none (``22 emails`` / ``2,093 emails``)."""
        a = self.numbers(i)
        if not a:
            return True
        b = self.numbers(j)
        return not b or bool(a & b)
