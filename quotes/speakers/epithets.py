"""Descriptions of a named person: ``the New York businessman``, ``the Vermont senator``.

News names a person, then refers to them by a description: ``Donald Trump is taking
questions in Salem. The billionaire businessman began by ...``. `EpithetMixin` resolves
such a description (``the [modifiers] <noun>``, the noun listed in
``quotes/data/epithets.tsv``) to that person, and only when the text leaves no doubt:

* the most recent sentence (of the mention's own and the two before it) whose first
  person name outside quotes is its subject gives the antecedent;
* in those three sentences, it is the only person named who is compatible:
  of the noun's gender (``businessman``: not Hillary Clinton); for an office
  (``senator``, ``governor``), holding that title in the article (``Sen. Bernie
  Sanders``); for an occupation (``businessman``, ``actress``), holding no office
  (not ``President Obama``);
* no one is introduced without a name by the same noun (``A judge in Ohio ruled ...
  The judge said``: the judge is not named);
* the description has no possessive (``the congressman's spokesman``).

Failing those, the person who spoke last in those three sentences is the antecedent when
they fit the description and nobody else named since could (``"I loved it," she replied.
The actress said ...``).

Otherwise the description stays the speaker's name (a wrong speaker is worse than none).
The resolver tries the titles the whole article gives first
([`role_anaphor`][quotes.speakers.anaphora.AnaphoraMixin.role_anaphor]).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import NamedTuple, Optional

from quotes.lexicon import (
    CLAUSE_OPENERS,
    PLACES,
    TITLES,
    epithet_nouns,
    place_name,
    word_alternation,
)
from quotes.models import Speaker, SpeakerType
from quotes.speakers.anaphora import AnaphoraMixin
from quotes.speakers.article_names import TitleCaseLines
from quotes.speakers.noun_phrase import NounPhrase, bare_phrase
from quotes.speakers.roles import role_matches, role_words
from quotes.text.tokens import TOKEN_RE

#: Sentences read back from a description for its antecedent: its own and two before.
SENTENCES_BACK = 2
#: Sentences read back for an unnamed person introduced by the same noun (``a judge``).
INTRODUCED_BACK = 6
#: A word before a capitalised run that makes it no person (``in an Elks Lodge``, ``at the Trump Tower``).
_NOT_PERSON_BEFORE = re.compile(r"\b(?i:a|an|the|in|at|near|inside)\s+(?:[A-Z][\w'\-]*\s+)*$")
#: An opener of a sentence before its subject, capitalised: the clause openers
#: (`CLAUSE_OPENERS`) but ``yet``, ``however`` and ``instead``, with ``then`` and ``later`` added.
_OPENER = word_alternation(
    (CLAUSE_OPENERS - {"yet", "however", "instead"}) | {"then", "later"}, capitalised=True
)
#: A dateline opening an article's first sentence: ``ROME -``, ``WASHINGTON (AP) —``.
_DATELINE = (
    r"(?:\s*[A-Z][A-Z.'\-]+(?:[ ,]+[A-Z][A-Za-z.'\-]*)*(?:\s*\([A-Za-z ]+\))?\s+[-–—]+\s+)?"
)
#: What may stand between a sentence start and its subject: an opener and a fronted phrase
#: ending in a comma (``On Thursday, Trump said``), or nothing.
_BEFORE_SUBJECT = re.compile(
    _DATELINE + r"[\s\"'“‘(]*(?:" + _OPENER + r"\s+)?(?:[^\"“”.;:]*,\s+)?"
)


#: A definite description opening a sentence (after openers): ``The candidate``, ``The
#: billionaire businessman``; group 1 is the phrase, not followed by a possessive.
_SUBJECT_DESCRIPTION = re.compile(
    r"[\s\"'“‘(]*(?:" + _OPENER + r",?\s+)?"
    r"((?:The|the)\s+(?:[\w\-]+\s+){0,3}?[a-z][\w\-]*)\b(?!['’]s|\s+of\b|-)"
)


class Description(NamedTuple):
    """A definite description of a person: ``the former Florida governor``."""

    head: str  # "governor"
    modifiers: list[str]  # ["former", "florida"]
    tail: list[str]  # the words after "of": ["state"] in "secretary of state"
    gender: str  # "male", "female" or "" (quotes/data/epithets.tsv)
    kind: str  # "office", "occupation" or "epithet"


#: Modifiers that set a title's holder apart from its current holders (``the former president``).
_TIME_MODIFIERS = frozenset({"former"})

#: A preposition right before a name that makes it a topic (``support for Donald Trump``,
#: ``an attack on``); not one of a partner (``spoke with``, ``told to``), who may be the one described.
_PREPOSITION_BEFORE = re.compile(r"\b(?:for|against|about|of|on)\s+$")

#: A restrictive relative clause after a description: it introduces someone, it does not refer back.
_RESTRICTIVE = re.compile(r"\s+(?:who|whom|whose|that)\b")

#: Party words and the party they name.
_PARTY = {"republican": "R", "gop": "R", "democratic": "D", "democrat": "D"}


def _parties(words: Iterable[str]) -> set[str]:
    """The parties named by ``words`` (lower case).

    Examples:
        >>> sorted(_parties(["wisconsin", "republican"]))
        ['R']
        >>> _parties(["vermont", "senator"])
        set()
    """
    return {_PARTY[w] for w in words if w in _PARTY}


def description_head(low: list[str]) -> Optional[tuple[str, list[str], list[str]]]:
    """The head noun, modifiers and ``of`` tail of ``the [modifiers] <noun> [of <tail>]``.

    Args:
        low: The description's tokens, lower case, possessives bare, ``the`` first.

    Returns:
        ``(head, modifiers, tail)``, or ``None`` for a list or an empty tail.

    Examples:
        >>> description_head(["the", "vermont", "senator"])
        ('senator', ['vermont'], [])
        >>> description_head(["the", "former", "secretary", "of", "state"])
        ('secretary', ['former'], ['state'])
        >>> description_head(["the", "senator", "and", "the", "governor"]) is None
        True
    """
    words = [w for w in low[1:] if w not in (".", "-")]
    if not words or "and" in words or "," in words:
        return None
    if "of" in words:
        k = words.index("of")
        if k == 0 or k == len(words) - 1:
            return None
        return words[k - 1], words[: k - 1], words[k + 1:]
    return words[-1], words[:-1], []


class EpithetMixin(AnaphoraMixin):
    """Descriptions (``the New York businessman``) resolved to the person the article names.

    Mixed into [`quotes.speakers.resolver.SpeakerResolver`][], which sets
    ``sentence_starts`` and ``quoted_spans`` on each ``resolve``.
    """

    sentence_starts: list[int]
    quoted_spans: list[tuple[int, int]]

    def epithet_anaphor(self, np: NounPhrase, low: list[str], mention: str) -> Optional[Speaker]:
        """The one person a description names, by the rules of the module; else ``None``.

        Args:
            np: The mention (``the New York businessman``).
            low: Its tokens, lower case, possessives bare (``the`` first).
            mention: Its original text.
        """
        found = description_head(low)
        if found is None or re.search(r"['’]s\b", mention):
            return None  # "the congressman's spokesman": someone else's person
        if _RESTRICTIVE.match(self.norm, np.end):
            return None  # "the lifelong Republican who wrote the speech": someone new
        head, modifiers, tail = found
        entry = epithet_nouns().get(head)
        if entry is None:
            return None
        k = bisect.bisect_right(self.sentence_starts, np.start) - 1
        if self._introduced_unnamed(head, k, np.start):
            return None
        desc = Description(head, modifiers, tail, *entry)
        canonical = self._description_antecedent(k, np.start, desc) or self._continued_speaker(
            k, np.start, desc
        )
        if canonical is None:
            return None
        description = re.sub(r"^(?:the)\s+", "", mention, flags=re.I)
        return Speaker(
            name=canonical, mention=mention, start=np.start, end=np.end,
            type=SpeakerType.PERSON, role=self.roles.get(canonical, description),
        )

    def described_subject(
        self, lo: int, hi: int, gender: Optional[str]
    ) -> Optional[tuple[int, Speaker]]:
        """The description of a person that opens the sentence at ``lo``, and whom it names.

        ``The candidate has bucked efforts ..., after telling his aides he planned``: a
        ``he`` after it in the sentence (or in a later one) refers to the candidate, not to a
        person named before. Returns ``(end of the description, speaker)``; ``None`` when no
        description of a person of ``gender`` opens the sentence before ``hi``, or when it
        names no one the article names (`epithet_anaphor`, `role_anaphor`): ``The actor``
        beside no actor named leaves the pronoun to be read as before.
        """
        m = _SUBJECT_DESCRIPTION.match(self.norm, lo, hi)
        if m is None:
            return None
        low = [bare_phrase(w) for w in TOKEN_RE.findall(m.group(1))]
        entry = epithet_nouns().get(low[-1])
        if entry is None or gender and entry[0] and entry[0] != gender:
            return None
        np = NounPhrase(m.start(1), m.end(1), m.group(1))
        mention = self.text[np.start:np.end]
        found = self.role_anaphor(np, low, mention) or self.epithet_anaphor(np, low, mention)
        return (np.end, found) if found is not None else None

    def _description_antecedent(self, k: int, before: int, desc: Description) -> Optional[str]:
        """The one person the description in sentence ``k`` (at ``before``) names, else ``None``.

        Three ways, each leaving no other candidate in the window (the sentence and the
        ``SENTENCES_BACK`` before it):

        * the recent subject is the only person there who fits (`_fits`), but for people
          named only as a topic or in a headline (`_aside_at`); or a person description
          opens the sentence after one the subject opened (`_continues_subject`);
        * no subject, and the window names one person only, who fits; or who holds no
          title, for an office nobody in the article is titled with, when named in the
          sentence before or the office has an ``of`` tail (``the former secretary of state``);
        * an office noun (``the Florida senator``) whose holder the article never
          titles: the recent subject, when it is the only person there (topics and
          headlines aside) who holds no office and is of the right gender and party,
          and no one in the article holds a title with that noun (and its ``former``).
        """
        window_start = self.sentence_starts[max(0, k - SENTENCES_BACK)]
        subject = self._recent_subject(k, before)
        people = [
            name for off, name in self._people_between(window_start, before)
            if name == subject or not _NOT_PERSON_BEFORE.search(self.norm, max(0, off - 40), off)
        ]
        compatible = {name for name in people if self._fits(name, desc)}
        if subject is None:
            if len(set(people)) != 1:
                return None
            if compatible == set(people):
                return people[0]
            # "comments Clinton made ... The former secretary of state mocked": an office nobody
            # here is titled with, and the one person named, holding none, named in the sentence
            # before, not in the description's own ("Speaking with Peter Grant, the governor"),
            # or the office is one of a place or department ("of state")
            untitled = desc.kind == "office" and not self._office_held(desc)
            own = self._people_between(self.sentence_starts[k], before) if k >= 0 else people
            before_own = k >= 1 and self._people_between(
                self.sentence_starts[k - 1], self.sentence_starts[k]
            )
            near = not own and (desc.tail or before_own)
            return people[0] if untitled and near and self._fits_untitled(people[0], desc) else None
        rivals = {
            name for off, name in self._people_between(window_start, before)
            if name in people and not (self._aside_at(off, before) and not self._appositive_to(off, before))
        } | {subject}
        if subject in compatible and (
            {name for name in rivals if name in compatible} == {subject} or _home_party(desc)
        ):
            return subject  # "the Kentucky Republican": the subject, named just before
        if subject in compatible and desc.kind != "office" and self._continues_subject(
            k, before, subject
        ):
            return subject  # "Sanders met Pope Francis. The Democratic candidate said": the subject
        if compatible or desc.kind != "office" or self._office_held(desc):
            return None
        untitled = {name for name in rivals if self._fits_untitled(name, desc)}
        return subject if untitled == {subject} else None

    def _office_held(self, desc: Description) -> bool:
        """Someone in the article holds the office the description names.

        ``Sen.`` for ``the senator``; with ``former`` only a title that has it (``President
        Obama`` holds no ``former president``); with an ``of`` tail a title that has the tail
        (``Secretary of State John Kerry``: then no ``secretary of state`` is resolved this way,
        former or not).
        """
        modifiers = set(desc.modifiers) & _TIME_MODIFIERS
        if not desc.tail:
            return self._office_holders(desc.head, modifiers)
        office = (desc.head, [], desc.tail)  # any secretary of state, former or not
        return any(
            _office_title(title, *office) for titles in self._titles_of.values() for title in titles
        )

    def _appositive_to(self, off: int, at: int) -> bool:
        """The name at ``off`` ends right before a comma and ``at``: ``Donald Trump, the front-runner``."""
        end = self._name_end.get(off)
        return end is not None and re.fullmatch(r",\s*", self.norm[end:at]) is not None

    def _aside_at(self, off: int, before: int) -> bool:
        """The name at ``off`` stands where no rival of a subject does: in a headline, or after a preposition.

        ``... Nuclear Weapons Codes`` (a headline's capitals, on a line before the description
        at ``before``), ``his support for Donald Trump`` or ``against Republican front-runner
        Donald Trump`` (a topic, its role words skipped): such a person is not who ``the
        Florida senator`` after it describes.
        """
        if "\n" in self.norm[off:before] and self.__dict__.setdefault(
            "_headline_lines", TitleCaseLines(self.norm)
        ).at(off):
            return True
        start = off
        for m in reversed(list(TOKEN_RE.finditer(self.norm, max(0, off - 60), off))[-4:]):
            tok = m.group()
            if not (tok[:1].isupper() or bare_phrase(tok) in TITLES or "-" in tok[1:]):
                break  # "against Republican front-runner Donald Trump": the role is skipped
            start = m.start()
        return _PREPOSITION_BEFORE.search(self.norm, max(0, start - 12), start) is not None

    def _continues_subject(self, k: int, before: int, subject: str) -> bool:
        """The description at ``before`` opens sentence ``k``; ``subject`` opens sentence ``k - 1``.

        News goes on about the subject of a sentence with a description of them as the
        next sentence's subject (``Bernie Sanders met Pope Francis on Saturday. The
        Democratic presidential candidate said ...``); another person named in that
        sentence, not as its subject, is not the one described. A subject who asks the
        next person named (``Sean Hannity asked Kasich``) leaves it open: the one asked
        is described as often.
        """
        if k < 1:
            return False
        lo = self.sentence_starts[k]
        m = _SUBJECT_DESCRIPTION.match(self.norm, lo)
        if m is None or m.start(1) != before:
            return False
        prev = self.sentence_starts[k - 1]
        people = self._people_between(prev, lo)
        if not people or people[0][1] != subject or not self._subject_at(prev, people[0][0]):
            return False
        off = people[0][0]
        i = bisect.bisect_left(self._person_at, (off, ""))
        # "Sean Hannity asked Kasich": the one asked may be the one described
        return self._person_asked((i, off, subject), lo, None) is None

    def _continued_speaker(self, k: int, before: int, desc: Description) -> str | None:
        """The person who spoke last, when the description can only be them; else ``None``.

        News quotes a person, then goes on with a description of them: ``"...," Sanders
        said. ... "...," the senator added.`` The last person speaker recorded in the
        window (the description's sentence and the ``SENTENCES_BACK`` before it) is the
        antecedent when they fit the description (`_fits`: for an office, holding its
        title in the article) and nobody else who could fit it (`_fits_person`) is named
        between their mention and the description; a home-state party epithet (``the Ohio
        Republican``, `_home_party`) is the speaker's whoever else is named, as it is the
        subject's in `_description_antecedent`.
        """
        window_start = self.sentence_starts[max(0, k - SENTENCES_BACK)]
        spoken = [
            sp for _off, sp in self._speakers_in(window_start, before)
            if sp.type is SpeakerType.PERSON and sp.name and sp.start < before
        ]
        if not spoken:
            return None
        last = spoken[-1]
        name = last.name
        assert name is not None
        if not self._fits(name, desc):
            return None
        if _home_party(desc):
            return name  # '"...," said Gowdy. The South Carolina Republican admitted': the speaker
        others = [
            other for _off, other in self._people_between(min(last.start, window_start), before)
            if other != name and self._fits_person(other, desc)
        ]
        return None if others else name

    def _fits(self, canonical: str, desc: Description) -> bool:
        """The person can be the description: of its gender and party, and for an office holding it.

        An ``office`` must head one of the person's titles (``Sen.`` for ``senator``);
        one with an ``of`` tail (``the former secretary of state``) must be a title
        with that tail and every modifier (``Former Secretary of State``); an
        ``occupation`` fits no one the article gives an office (``the businessman`` is
        not ``President Obama``); an ``epithet`` fits anyone.
        """
        if not self._fits_person(canonical, desc):
            return False
        titles = self._titles_of.get(canonical, ())
        if desc.tail:
            office = (desc.head, desc.modifiers, desc.tail)
            return desc.kind == "office" and any(_office_title(title, *office) for title in titles)
        if desc.kind == "office":  # "Sen." for "the senator"; not "Vice President" for "the president"
            return any(role_matches(title, desc.head, set()) for title in titles)
        if desc.kind == "occupation":
            return not self._holds_office(canonical)
        return True

    def _fits_person(self, canonical: str, desc: Description) -> bool:
        """Of the description's gender, and of no other party (``the Wisconsin Republican``).

        A party word in the description (``Republican``, ``GOP``, ``Democratic``) rules
        out a person whose titles name another party (``Democratic candidate``).
        """
        if desc.gender and self.person_gender(canonical) not in (None, desc.gender):
            return False
        wanted = _parties([desc.head, *desc.modifiers])
        if not wanted:
            return True
        titles = self._titles_of.get(canonical, ())
        held = _parties(w for title in titles for w in role_words(title))
        return not held or bool(held & wanted)

    def _fits_untitled(self, canonical: str, desc: Description) -> bool:
        """The person holds no office here and is of the description's gender and party."""
        return self._fits_person(canonical, desc) and not self._holds_office(canonical)

    def _holds_office(self, canonical: str) -> bool:
        """The article gives the person a title headed by an office noun (``Sen.``)."""
        heads = {role_words(title)[-1:] for title in self._titles_of.get(canonical, ())}
        return any(epithet_nouns().get(h[0], ("", ""))[1] == "office" for h in heads if h)

    def _office_holders(self, head: str, modifiers: set[str]) -> bool:
        """Someone in the article holds a title headed by ``head`` (``Sen.`` for ``senator``).

        With ``modifiers`` (``former``), only a title that has them counts: ``President
        Obama`` holds no office that ``the former president`` names.
        """
        return any(
            role_matches(title, head, modifiers)
            for titles in self._titles_of.values() for title in titles
        )

    def _introduced_unnamed(self, head: str, k: int, before: int) -> bool:
        """``A judge in Ohio ruled ...``: an unnamed person with the same noun shortly before."""
        lo = self.sentence_starts[max(0, k - INTRODUCED_BACK)] if self.sentence_starts else 0
        pattern = rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w'’\-]+\s+){{0,3}}{re.escape(head)}s?\b"
        return re.search(pattern, self.norm[lo:before], flags=re.I) is not None

    def _people_between(self, lo: int, hi: int) -> list[tuple[int, str]]:
        """Person name mentions at offsets in ``[lo, hi)`` outside quotes, in text order."""
        cover = self._exclude_cover(self.quoted_spans)
        i = bisect.bisect_left(self._person_at, (lo, ""))
        out = []
        while i < len(self._person_at) and self._person_at[i][0] < hi:
            if self._person_at[i][0] not in cover:
                out.append(self._person_at[i])
            i += 1
        return out

    def _recent_subject(self, k: int, before: int) -> Optional[str]:
        """The person named as subject by the nearest sentence from ``k`` back (``SENTENCES_BACK`` at most)."""
        hi = before
        for j in range(k, max(-1, k - SENTENCES_BACK - 1), -1):
            lo = self.sentence_starts[j] if j >= 0 and self.sentence_starts else 0
            people = self._people_between(lo, hi)
            if people:
                off, name = people[0]
                if self._subject_at(lo, off):
                    return name
            hi = lo
        return None

    def _subject_at(self, lo: int, off: int) -> bool:
        """The name at ``off`` opens its sentence (from ``lo``), after any title words: a subject."""
        if self._is_possessive_at(off) or self._is_modifier_at(off):
            return False
        start = off
        for m in reversed(list(TOKEN_RE.finditer(self.norm, lo, off))):
            tok = m.group()
            if not (tok in (".", "of") or tok[:1].isupper() or bare_phrase(tok) in TITLES):
                break
            if tok in ("The", "A", "An"):
                return False  # "The National Review is hosting": no person after an article
            start = m.start()  # "Ohio Gov. John Kasich", "Former Secretary of State Hillary Clinton"
        return _BEFORE_SUBJECT.fullmatch(self.norm, lo, start) is not None


def _home_party(desc: Description) -> bool:
    """``the Kentucky Republican``, ``the Utah Democrat``: a party member from a place.

    News writes this of the person just named as subject; another person named in the
    window (a rival, a host) is not described so.
    """
    return desc.kind == "epithet" and desc.head in _PARTY and any(m in PLACES or place_name(m.title()) for m in desc.modifiers)


def _office_title(title: str, head: str, modifiers: list[str], tail: list[str]) -> bool:
    """``title`` holds ``<head> of <tail>`` and every modifier (``former``) before it.

    Examples:
        >>> _office_title("Former Secretary of State", "secretary", ["former"], ["state"])
        True
        >>> _office_title("Secretary of State", "secretary", ["former"], ["state"])
        False
    """
    words = [bare_phrase(w) for w in TOKEN_RE.findall(title)]
    phrase = [head, "of", *tail]
    k = next((i for i in range(len(words)) if words[i:i + len(phrase)] == phrase), None)
    return k is not None and set(modifiers) <= set(words[:k])
