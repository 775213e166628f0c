"""A candidate's campaign as a speaker: one name, ``<Surname> campaign``, however it is written.

``Hillary Clinton's campaign``, ``Mrs. Clinton's presidential campaign``, ``the Clinton
campaign``, ``her campaign`` (after Hillary Clinton) and ``the campaign`` (with only
Clinton's campaign named just before, or, when none is named just before, only Clinton's
named earlier in the article) are all ``Clinton campaign``, the form a reader
gives; the mention as written is kept as the speaker's ``role``. A campaign whose owner
the article does not name as a person (``the campaign`` with two campaigns, or none,
named in the sentences before; ``his campaign`` with no antecedent) keeps its
description. `CampaignMixin` holds the method; the resolver inherits it.
"""

from __future__ import annotations

import bisect
import re
from typing import Optional

from quotes.models import Speaker, SpeakerType
from quotes.speakers.anaphora import AnaphoraMixin
from quotes.speakers.gender import Gender
from quotes.speakers.names import generational_suffix
from quotes.speakers.noun_phrase import NounPhrase, bare_phrase
from quotes.text.tokens import Token, tokens

__all__ = ["CampaignMixin", "owner_aides"]

#: Words between an owner and ``campaign`` (``Kasich's presidential campaign``).
_CAMPAIGN_MODIFIERS = frozenset("presidential re-election reelection senate own".split())
#: The gender of a possessive pronoun before ``campaign``.
_POSSESSIVE_GENDER: dict[str, Gender] = {"his": "male", "her": "female"}
#: A campaign named with its owner (``Sanders' campaign``, ``the Cruz campaign``).
_OWNED = re.compile(
    r"\b([A-Z][\w\-]*(?:['’][A-Z][\w\-]*)?)(?:['’]s?)?\s+(?:(?:presidential|re-?election)\s+)?"
    r"campaign(?!\s+(?:manager|chair|aide|official|spokes))\b"
)
#: A preposition right before a mention: the campaign is the object of a longer phrase
#: (``sources close to her campaign``); ``according to`` names the source itself.
_PREPOSITION_BEFORE = re.compile(
    r"\b(?<!according\s)(?:to|of|for|with|from|by|at|in|on|about|against)\s+\Z", re.I
)
#: ``campaign`` (after its modifiers) right after a possessive mention (``Ryan’s`` of
#: ``Ryan’s campaign shrugged off``).
_CAMPAIGN_AFTER = re.compile(
    r"\s+(?:(?:presidential|re-?election|senate|own)\s+)?campaign\b"
    r"(?!\s+(?:manager|chair|aide|official|spokes))"
)
#: Capitalised words before ``campaign`` that name no owner (a sentence's first word).
_NO_OWNER = frozenset("The A An This That His Her Their Its Our".split())
#: Sentences before a ``the campaign`` whose campaigns it may refer to.
_LOOK_BACK = 3


#: A named owner's aides in the possessive: ``Mrs. Clinton's aides``, ``Sanders’ advisers``.
_OWNER_AIDES = re.compile(
    r"(?:(?:[A-Z][a-z]{1,2}\.|[A-Z][\w\-]*)\s+)*?(?P<owner>[A-Z][\w\-]*(?:['’][A-Z][\w\-]*)?)"
    r"(?:['’]s|(?<=s)['’])\s+(?P<aides>aides|advisers)"
)


def owner_aides(name: str) -> Optional[str]:
    """``<Surname> aides`` for a named owner's aides in the possessive, else ``None``.

    ``Mrs. Clinton's aides``, ``Hillary Clinton's aides`` and ``Clinton aides`` are one
    group; the form without the possessive is the one news writes most.

    Examples:
        >>> owner_aides("Mrs. Clinton's aides"), owner_aides("Sanders’ advisers")
        ('Clinton aides', 'Sanders advisers')
        >>> owner_aides("his aides"), owner_aides("Clinton aides")
        (None, None)
    """
    m = _OWNER_AIDES.fullmatch(name)
    return f"{m.group('owner')} {m.group('aides')}" if m else None


class CampaignMixin(AnaphoraMixin):
    """``<Surname> campaign`` for the ways news writes a candidate's campaign."""

    full_names: dict[str, str]
    quoted_spans: list[tuple[int, int]]

    def campaign_speaker(
        self, np: NounPhrase, words: list[Token], low: list[str], mention: str
    ) -> Optional[Speaker]:
        """The campaign ``mention`` (whose last word is ``campaign``) names, or ``None``.

        Args:
            np: The mention.
            words: Its tokens.
            low: Its tokens, lower case, possessives bare.
            mention: Its original text.
        """
        if low[-1] != "campaign" or _PREPOSITION_BEFORE.search(self.norm, max(0, np.start - 12), np.start):
            return None
        k = len(low) - 1
        while k > 0 and low[k - 1] in _CAMPAIGN_MODIFIERS:
            k -= 1
        owner = [w for w in words[:k] if w[0] not in ("'", "’", "s", ".")]
        if not owner or len(owner) == 1 and low[0] == "the":
            surname = self._last_campaign(np.start)  # "the campaign"
        elif len(owner) == 1 and low[0] in _POSSESSIVE_GENDER:
            surname = self._owner_of_pronoun(np.start, _POSSESSIVE_GENDER[low[0]])
        else:
            surname = self._owner_surname(owner)
        if surname is None:
            return None
        return Speaker(
            name=f"{surname} campaign", mention=mention, start=np.start, end=np.end,
            type=SpeakerType.ORGANIZATION, role=re.sub(r"^(?:the)\s+", "", mention, flags=re.I),
        )

    def _owner_of_pronoun(self, at: int, gender: Gender) -> Optional[str]:
        """The surname of the person ``his``/``her`` at ``at`` refers to, known to be of ``gender``.

        A person of unknown gender is no owner here (``her campaign`` after ``a breakfast
        with Sharpton`` is not his): a campaign named wrongly is worse than its description.
        """
        target = self._antecedent(at, self.sentence_starts, self.quoted_spans, gender)
        if target is None or target.type is not SpeakerType.PERSON or not target.name:
            return None
        if self.person_gender(target.name) != gender:
            return None
        return _surname_of(target.name)

    def _owner_surname(self, owner: list[Token]) -> Optional[str]:
        """The surname of the person the words before ``campaign`` end with (``Mrs. Clinton's``).

        The name is read from the text, so that a surname the tokens split at its
        apostrophe stays whole (``O’Malley’s``).
        """
        first = None
        for n in range(len(owner) - 1, -1, -1):
            word = re.sub(r"['’]s?$", "", owner[n][0])
            if not word[:1].isupper() or word.lower() == "the":
                break
            first = n
        if first is None:
            return None
        name = re.sub(r"['’]s?$", "", self.text[owner[first][1]:owner[-1][2]])
        return self._person_surname(re.sub(r"\.(?=\s)", "", name))

    def possessive_campaign(self, np: NounPhrase) -> Optional[Speaker]:
        """The campaign of a possessive mention cut before ``campaign`` (``Ryan’s``), or ``None``.

        ``Ryan’s campaign shrugged off ...`` read as ``Ryan’s``: the mention is the
        owner of the campaign the next word names, and the speaker that campaign
        (``Ryan campaign``), its mention running to ``campaign``.
        """
        m = _CAMPAIGN_AFTER.match(self.norm, np.end)
        if m is None:
            return None
        whole = NounPhrase(np.start, m.end(), self.norm[np.start:m.end()])
        words = tokens(self.norm, whole.start, whole.end)
        low = [bare_phrase(w[0]) for w in words]
        return self.campaign_speaker(whole, words, low, self.text[whole.start:whole.end])

    def _person_surname(self, name: str) -> Optional[str]:
        """The surname of a person the article names (``Clinton`` for ``Hillary Clinton`` or ``Clinton``)."""
        last = name.split()[-1]
        if last in self.full_names or last in self._titled:
            return last
        canonical = self.full_names.get(name)
        return _surname_of(canonical) if canonical else None

    def _last_campaign(self, at: int) -> Optional[str]:
        """The one owner of the campaigns named before ``at``: near it, else in the whole article.

        The sentences just before (and its own) decide when they name a campaign; when
        they name none, the campaigns named earlier in the article do, when they are all
        one candidate's (``Trump's campaign`` in the lead, ``the campaign`` paragraphs on).
        """
        k = bisect.bisect_right(self.sentence_starts, at) - 1
        lo = self.sentence_starts[max(0, k - _LOOK_BACK)] if self.sentence_starts else 0
        near = self._campaign_owners(lo, at)
        if near is None or near:
            return near.pop() if near and len(near) == 1 else None
        earlier = self._campaign_owners(0, lo)
        return earlier.pop() if earlier and len(earlier) == 1 else None

    def _campaign_owners(self, lo: int, hi: int) -> Optional[set[str]]:
        """The surnames of the candidates whose campaigns ``norm[lo:hi]`` names; ``None`` for an unknown one."""
        owners = set()
        for m in _OWNED.finditer(self.norm, lo, hi):
            if m.group(1) in _NO_OWNER:
                continue  # "The campaign said": no owner named
            surname = self._person_surname(m.group(1))
            if surname is None:
                return None  # "the Senate campaign": not a candidate's, or not known
            owners.add(surname)
        return owners


def _surname_of(canonical: str) -> str:
    """The surname of a canonical name (``Trump`` of ``Donald J. Trump``, ``Biden`` of ``Joseph R. Biden Jr``)."""
    parts = canonical.split()
    if len(parts) > 2 and generational_suffix(parts[-1]):
        parts.pop()
    return parts[-1]
