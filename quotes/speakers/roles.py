"""Roles and titles a person holds: whether ``Kremlin spokesman`` is a ``spokesman``.

`quotes.speakers.anaphora` (``the spokesman``: the one earlier person with that role) and
`quotes.speakers.epithets` (``the Vermont senator``) compare a description's head noun and
modifiers with the roles the article gives people; `role_words` reads a role up to its head
(``Sen.`` spelt out as ``senator``) and `role_matches` compares.
"""

from __future__ import annotations

import functools

from quotes.speakers.noun_phrase import bare_phrase
from quotes.speakers.organisations import country_key
from quotes.text.tokens import TOKEN_RE

__all__ = ["TITLE_ABBREVIATIONS", "role_matches", "role_words"]

#: Abbreviated titles and the role nouns they stand for (``Sen.`` is ``the senator``).
TITLE_ABBREVIATIONS = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
    "pres": "president", "sec": "secretary", "prof": "professor", "lt": "lieutenant",
    "col": "colonel", "sgt": "sergeant", "capt": "captain", "adm": "admiral",
}
#: Words that rank a role noun (``Vice President`` is no ``president``).
_RANKS = frozenset("vice deputy assistant acting associate lieutenant under former ex co".split())
#: Words after a role noun that end the role's head (``spokesman for the ministry``).
_AFTER_ROLE_HEAD = frozenset("for at to with in on from".split())
#: Role heads a ``leader`` can stand for (``the Ukrainian leader``: ``Ukrainian President``).
_LEADER_HEADS = frozenset("leader president premier chancellor king queen monarch ruler emir".split())


def role_matches(role: str, head: str, modifiers: set[str], *, loose_country: bool = False) -> bool:
    """``role`` (``Kremlin spokesman``) has ``head`` (``spokesman``) as its head noun, and
    its words include every one of ``modifiers`` (``{"kremlin"}``).

    ``leader`` heads any head of state or government (``President``, ``Prime
    Minister``). A country modifier matches a word of the same country (``U.S.`` and
    ``American``); with ``loose_country`` it also matches a role that names no country
    (``the U.S. president`` for ``President Donald Trump``), never another country.

    Examples:
        >>> role_matches("Kremlin spokesman", "spokesman", set())
        True
        >>> role_matches("Sen.", "senator", set())
        True
        >>> role_matches("Kremlin spokesman", "spokesman", {"army"})
        False
        >>> role_matches("Vice President", "president", set())
        False
        >>> role_matches("President", "president", {"former"})
        False
        >>> role_matches("Secretary of State", "secretary", set())
        False
    """
    words = list(role_words(role))
    if not words:
        return False
    if head == "leader":
        if not (words[-1] in _LEADER_HEADS or words[-2:] == ["prime", "minister"]):
            return False
    elif words[-1] != head:
        return False
    if len(words) > 1 and words[-2] in _RANKS and words[-2] not in modifiers:
        return False
    countries = {country_key(w) for w in words} - {None}
    for word in modifiers:
        country = country_key(word)
        if country is None:
            if word not in words:
                return False
        elif country not in countries and (countries or not loose_country):
            return False
    return True


@functools.lru_cache(maxsize=4096)
def role_words(role: str) -> tuple[str, ...]:
    """The words of ``role`` up to its head (abbreviations spelt out); empty with an ``of`` tail.

    Cached: a description is compared with every earlier person's roles, so each role
    is read many times.
    """
    words: list[str] = []
    for tok in TOKEN_RE.findall(role):
        low = bare_phrase(tok)
        if low == "of":
            return ()  # "Secretary of State": a title with a tail the description lacks
        if low in _AFTER_ROLE_HEAD or low == ",":
            break
        if tok != ".":
            words.append(TITLE_ABBREVIATIONS.get(low, low))
    return tuple(words)
