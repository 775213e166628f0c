"""Where a person name stands in the text: inside a quote, as a possessive or modifier, as a thing.

The pronoun and description resolvers (`quotes.speakers.anaphora`,
`quotes.speakers.epithets`) pass over names that cannot be an antecedent: ``Trump's``
(a possessive), ``the Clinton campaign`` (a modifier), ``the United Nations said`` (a
thing with a name), names inside quotes; and they need the names joined to another by
``and`` and the first ``he``/``she`` of a stretch. `NameSitesMixin` holds these tests; the
resolver inherits them through `quotes.speakers.anaphora.AnaphoraMixin`.
"""

from __future__ import annotations

import re

from quotes.lexicon import ORG_WORDS, TITLES
from quotes.text.intervals import SpanCover, cover_of

__all__ = ["NameSitesMixin"]

#: Text between two coordinated names: ``and``, maybe titles (``Trump and Sen. Ted Cruz``).
_JOINED = re.compile(r",?\s+and\s+(?:(?:[A-Z][\w'\-]*\.?|[a-z]+)\s+){0,3}")
#: Verbs after ``the <name>`` that end its noun phrase (``the United Nations said``).
_VERB_AFTER_NAME = r"(?:said|says|has|have|had|is|was|were|will|would|reported|reports|wrote|writes)"
#: ``the`` and spaces right before a name (searched up to the name's start).
_THE_BEFORE = re.compile(r"[Tt]he\s+\Z")
#: What follows a name the article writes as a thing: a stop, or a verb.
_THING_AFTER = re.compile(rf"\s*[,.;:!?)]|\s+{_VERB_AFTER_NAME}\b")
#: ``he`` or ``she`` (lower case, capitalised or all caps): a pronoun that continues an earlier
#: subject.
_HE_SHE = re.compile(r"\b(?:[Hh]e|[Ss]he|HE|SHE)\b")


#: An article right before a name (searched up to the name's start).
_ARTICLE_BEFORE = re.compile(r"(?<![\w'’])(?:[Aa]n?|[Tt]he)\s+\Z")
#: Nouns after a name that make it a modifier (``the Clinton campaign``), besides titles and
#: organisation words.
_MODIFIED_NOUNS = ("campaign", "aide", "aides", "supporters", "administration")


class NameSitesMixin:
    """Tests on the place of a name in the text, mixed into the speaker resolver.

    The attributes are those [`quotes.speakers.resolver.SpeakerResolver`][] builds.
    """

    norm: str
    _person_at: list[tuple[int, str]]
    _name_end: dict[int, int]

    def _exclude_cover(
        self, exclude: list[tuple[int, int]]
    ) -> SpanCover:
        """``exclude`` as a `SpanCover`, built once per list (each call passes the quotes).

        The cache lives on the instance (``_exclude_covers``).
        """
        cache = self.__dict__.setdefault("_exclude_covers", {})
        return cover_of(exclude, cache=cache)

    def _thing_name(self, name: str) -> bool:
        """The article writes ``the <name>`` as a whole noun phrase: a thing, not a person.

        ``the United Nations said``, ``near the Scarborough Shoal.``: no person's full name
        is written with ``the`` right before it and nothing after it. Names of one word
        are left alone (``the Texan said``, ``the Clintons``). Cached per name.
        """
        cache: dict[str, bool] = self.__dict__.setdefault("_thing_names", {})
        if " " not in name:
            return False
        if name not in cache:
            cache[name] = self._written_as_thing(name)
        return cache[name]

    def _written_as_thing(self, name: str) -> bool:
        """Whether some occurrence of ``name`` reads ``the <name>`` then a stop or a verb.

        Looks only at the name's occurrences (`str.find`), with precompiled patterns
        at each: no pattern is built per name.
        """
        norm = self.norm
        k = norm.find(name)
        while k != -1:
            the = _THE_BEFORE.search(norm, max(0, k - 12), k)
            if (
                the is not None
                and (
                    the.start() == 0
                    or not (norm[the.start() - 1].isalnum() or norm[the.start() - 1] == "_")
                )
                and _THING_AFTER.match(norm, k + len(name))
            ):
                return True
            k = norm.find(name, k + 1)
        return False

    def _coordinated_with(self, i: int) -> list[str]:
        """People whose names are joined by ``and`` to the name ``self._person_at[i]``."""
        out = []
        for x, y in ((i - 1, i), (i, i + 1)):
            if x < 0 or y >= len(self._person_at):
                continue
            (a, left), (b, right) = self._person_at[x], self._person_at[y]
            end = self._name_end.get(a, a)
            if b - end < 40 and _JOINED.fullmatch(self.norm, end, b):
                out.append(left if y == i else right)
        return out

    def _first_pronoun(self, lo: int, hi: int, exclude: list[tuple[int, int]]) -> int | None:
        """Offset of the first ``he``/``she`` outside quotes in ``[lo, hi)``."""
        cover = self._exclude_cover(exclude)
        for m in _HE_SHE.finditer(self.norm, lo, hi):
            if m.start() not in cover:
                return m.start()
        return None

    def _is_modifier_at(self, off: int) -> bool:
        """``Cruz spokeswoman Catherine Frazier``, ``the Clinton campaign``: a name as modifier.

        A name of two words or more right after an article is one too, or a thing's name:
        ``a Muslim-American Gold Star family``, ``the Joint Chiefs``, ``the Trans-Pacific
        Partnership``. A single word is left alone (``a Trump television interview, in which
        he says``: Trump speaks).
        """
        several_words = " " in self.norm[off:self._name_end.get(off, off)].strip()
        if several_words and _ARTICLE_BEFORE.search(self.norm, max(0, off - 5), off):
            return True
        m = re.match(r"[\w\-]+(?:\s+[A-Z][\w\-]+)*\s+([a-z][\w\-]*)", self.norm[off:off + 60])
        if not m:
            return False
        nxt = m.group(1)
        return nxt in TITLES or nxt in ORG_WORDS or nxt in _MODIFIED_NOUNS

    def _is_possessive_at(self, off: int) -> bool:
        """``Trump's``, ``Vladimir V. Putin's``: the name at ``off`` is a possessive."""
        end = self._name_end.get(off)
        if end is not None and self.norm.startswith("'s", end):
            return True  # the indexed name's end: initials and their dots included
        m = re.match(r"[\w\-]+(?:\s+[A-Z][\w\-]+)*", self.norm[off:off + 60])
        return m is not None and self.norm.startswith("'s", off + m.end())
