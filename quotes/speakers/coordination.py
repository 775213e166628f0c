"""Speakers joined by ``and``: ``Trump and Ryan`` is a group of two people, ``Ernst & Young`` one firm.

`CoordinationMixin` holds the part of
[`SpeakerResolver.resolve`][quotes.speakers.resolver.SpeakerResolver.resolve] that reads a
coordinated mention; the resolver inherits it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Optional

from quotes.lexicon import ORG_WORDS, TITLES, place_name, source_words
from quotes.models import Speaker, SpeakerType
from quotes.speakers.names import coordinated_parts
from quotes.speakers.noun_phrase import NounPhrase, bare_phrase, is_capitalised, name_like
from quotes.text.tokens import Token

#: Country names with ``and`` in them (``Bosnia and Herzegovina``): one place, no list.
_AND_COUNTRY = re.compile(
    r"\b(?:Bosnia and Herzegovina|Trinidad and Tobago|Antigua and Barbuda|"
    r"Saint Kitts and Nevis|St\. Kitts and Nevis|Saint Vincent and the Grenadines|"
    r"Sao Tome and Principe|São Tomé and Príncipe|Heard Island and McDonald Islands|"
    r"Turks and Caicos|Saint Pierre and Miquelon|Wallis and Futuna)\b"
)


class CoordinationMixin:
    """Coordinated mentions for [`quotes.speakers.resolver.SpeakerResolver`][]."""

    norm: str
    _listed: dict[str, tuple[str, ...]]
    full_names: dict[str, str]

    resolve: Callable[..., Optional[Speaker]]  # SpeakerResolver.resolve

    def _coordination(
        self,
        np: NounPhrase,
        words: list[Token],
        mention: str,
        **context: object,
    ) -> Optional[Speaker]:
        """Named speakers joined by ``and``: one group, or one organisation.

        ``Trump and Ryan``, ``Smith, Jones and Lee``, ``Sen. Ted Cruz and Gov. John
        Kasich``: every conjunct ends in a name and resolves to a person, so the
        speaker is a group named by the parts' canonical names (``Donald Trump and
        Paul Ryan``). Names joined by ``&`` (``Ernst & Young``) and lists of places
        or organisations only (``Georgia and Virginia``, ``Fox News and NBC News``)
        are one organisation. Anything else (``Trump and his lawyers``, ``Trump and
        Ryan officials``, ``Secretary of State and candidate Hillary Clinton``) is
        left to the other rules.

        Args:
            np: The mention.
            words: Its tokens.
            mention: Its original text.
            **context: ``at``, ``sentence_starts`` and ``exclude`` of
                [`resolve`][quotes.speakers.resolver.SpeakerResolver.resolve].
        """
        if mention.isupper() or not is_capitalised(words[-1][0]):
            return None
        texts = [w[0] for w in words]
        whole = re.sub(r"^the\s+", "", mention, flags=re.I)
        org = Speaker(
            name=whole, mention=mention, start=np.start, end=np.end, type=SpeakerType.ORGANIZATION
        )
        if "&" in texts:
            k = texts.index("&")
            joins = 0 < k < len(texts) - 1 and is_capitalised(texts[k - 1]) and is_capitalised(texts[k + 1])
            return org if joins else None
        if _AND_COUNTRY.search(whole):
            return org  # "Bosnia and Herzegovina", "Trinidad and Tobago"
        if _office_with_tail(texts):
            return org  # "The Department of Parks and Recreation": the office owns its tail
        parts = coordinated_parts(texts)
        people = self._conjuncts(words, parts, **context)
        if people is None:
            return None
        kinds = {sp.type for sp in people}
        if kinds == {SpeakerType.PERSON, SpeakerType.ORGANIZATION} and all(
            sp.type is SpeakerType.ORGANIZATION or self._bare_word(sp) for sp in people
        ):
            return org  # "Ford and General Motors": a lone unknown word beside a company is one too
        if kinds == {SpeakerType.ORGANIZATION}:
            return org
        if kinds != {SpeakerType.PERSON} or not all(name_like(texts[b - 1]) for _a, b in parts):
            return None  # "Clinton and the State Department": a person and an organisation
        names = [sp.name for sp in people]
        name = f"{', '.join(names[:-1])} and {names[-1]}"
        self._listed[name] = tuple(names)
        return Speaker(
            name=name, mention=mention, start=np.start, end=np.end, type=SpeakerType.GROUP
        )

    def _bare_word(self, sp: Speaker) -> bool:
        """``Ford``: a person speaker read from one capitalised word the article names no one by."""
        return sp.role is None and sp.name == sp.mention and " " not in sp.name and sp.name not in self.full_names

    def _conjuncts(
        self, words: list[Token], parts: list[tuple[int, int]], **context: object
    ) -> Optional[list[Speaker]]:
        """The speaker of each conjunct ``words[a:b]``; ``None`` when one is no named speaker.

        A bare role (``Treasurer and party chairwoman Maria Lopez``), a lower-case
        end (``Ryan officials``), a title with ``of`` (``Secretary of State``) or a
        part that does not resolve to exactly itself fails; a lone place
        (``Georgia``) counts as an organisation.
        """
        texts = [w[0] for w in words]
        people: list[Speaker] = []
        for a, b in parts:
            low = [bare_phrase(t) for t in texts[a:b]]
            if b - a == 1 and (low[0] in TITLES or low[0] in source_words()):
                return None  # "Treasurer and party chairwoman Maria Lopez": one person's roles
            if not is_capitalised(texts[b - 1]) or (
                "of" in low and not name_like(texts[a + low.index("of") - 1])
            ):
                return None  # "Ryan officials", "Secretary of State"; but "Isakson of Georgia"
            lo, hi = words[a][1], words[b - 1][2]
            part = NounPhrase(lo, hi, self.norm[lo:hi])
            sp = self.resolve(part, **context)  # type: ignore[arg-type]
            if sp is None or sp.name is None or (sp.start, sp.end) != (lo, hi):
                return None
            if b - a == 1 and place_name(texts[a]):
                sp = sp.model_copy(update={"type": SpeakerType.ORGANIZATION})  # "Georgia"
            people.append(sp)
        return people


def _office_with_tail(texts: list[str]) -> bool:
    """``The Department of Parks and Recreation``: an office word with ``of`` before the ``and``."""
    low_texts = [bare_phrase(t) for t in texts]
    k = low_texts.index("and")
    return k > 1 and any(
        w in ORG_WORDS and low_texts[m + 1] == "of" for m, w in enumerate(low_texts[: k - 1])
    ) and all(is_capitalised(t) or t in ("of", "and") for t in texts[1:])
