"""Anaphora for [`quotes.speakers.resolver.SpeakerResolver`][]: pronouns, role descriptions, gender.

``he``/``she`` go back to the nearest earlier person of a compatible gender,
``they`` to the last organisation or group that spoke (``it`` to an organisation only), and ``the
spokesman`` or ``the senator`` to the one earlier person whose role has that
head noun and every modifier. `AnaphoraMixin` holds these methods; the
resolver inherits them.
"""

from __future__ import annotations

import bisect
import re
from typing import Optional

from quotes.lexicon import TITLES
from quotes.models import Speaker, SpeakerType
from quotes.speakers.fronted import fronted_phrase_end, reported_before
from quotes.speakers.gender import Gender, gender_of, honorific_gender
from quotes.speakers.group_subjects import subject_group
from quotes.speakers.name_sites import NameSitesMixin
from quotes.speakers.noun_phrase import NounPhrase, person_noun
from quotes.speakers.organisations import OrganisationIndex, country_key
from quotes.speakers.parties import party_members
from quotes.speakers.roles import TITLE_ABBREVIATIONS, role_matches
from quotes.speakers.surnames import SharedSurnames

#: What may open a sentence before its subject (``But``, ``Both``, a title, a quote mark).
_OPENER = re.compile(
    r"[\s\"'“‘(]*(?:(?:But|And|Both|So|Then|Later|Together|[A-Z][a-z]{1,4}\.)\s+)*"
)

#: Words of ``TITLES`` that modify a role or are honorifics, never a description's head.
_NOT_ROLE_HEADS = frozenset(
    """mr mrs ms miss dr sir lord dame lady vice foreign defense defence deputy acting regional
    former first state national security council press senior top presidential republican
    democratic democrat interior economy finance army navy air major crown staff prime head
    assistant presidents spokesmen official's .""".split()
)
#: A capitalised word, maybe with its dot (a title before a name: ``Sens.``, ``Idaho``).
_TITLE_WORD = re.compile(r"[A-Z][\w'\-]*\.?")
#: The gender each personal pronoun refers to.
_PRONOUN_GENDER: dict[str, Gender] = {"he": "male", "him": "male", "she": "female", "her": "female"}
#: A description opening a sentence, resolved: ``(end of the description, the person)``.
Described = tuple[int, Speaker]
#: Speaker types a ``he``/``she`` can refer to: a named person, or an unnamed one (``the woman``).
_INDIVIDUALS = (SpeakerType.PERSON, SpeakerType.ANONYMOUS)


def _agrees(gender: Optional[Gender], person: Optional[Gender]) -> bool:
    """A person of gender ``person`` can be the antecedent of a pronoun of ``gender`` (unknown agrees)."""
    return gender is None or person is None or person == gender


def is_description(speaker: Speaker) -> bool:
    """The speaker's name is a definite description the article does not resolve (``the spokesman``).

    Such a speaker keeps the description as its name (``spokesman``); a quote of it
    costs 0.1 of confidence (`quotes.document.Document.quote`).

    Examples:
        >>> sp = Speaker(name="spokesman", mention="the spokesman", start=0, end=13, type="anonymous")
        >>> is_description(sp), is_description(sp.model_copy(update={"name": "Dmitry Peskov"}))
        (True, False)
    """
    if speaker.name is None or not speaker.name.split()[-1][:1].islower():
        return False
    m = re.match(r"(?:the|The|THE)\s+", speaker.mention)
    return m is not None and speaker.mention[m.end():] == speaker.name


#: A name followed by ``asked`` and, at the match's end, the person asked.
_ASKED = re.compile(r"[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,3}\s+asked\s+")
#: How far after the asker's name the person asked may start (characters).
_ASKED_REACH = 80
#: ``I quote``: the writer cites someone else's words.
_I_QUOTE = re.compile(r"I\s+quote\b")


def _unresolved(np: NounPhrase, mention: str, kind: SpeakerType) -> Speaker:
    """The speaker of a pronoun with no antecedent: the mention, no name."""
    return Speaker(name=None, mention=mention, start=np.start, end=np.end, type=kind)


class AnaphoraMixin(NameSitesMixin):
    """Pronoun, role-description and gender resolution, mixed into the speaker resolver.

    The attributes are those [`quotes.speakers.resolver.SpeakerResolver`][] builds.
    """

    text: str
    norm: str
    keep_unresolved_people: bool
    orgs: OrganisationIndex
    roles: dict[str, str]
    _person_at: list[tuple[int, str]]
    _speakers: list[tuple[int, Speaker]]
    _titled: set[str]
    _listed: dict[str, tuple[str, ...]]
    _hon_genders: dict[str, set[Gender]]
    _genders: dict[str, Optional[Gender]]
    _first_at: dict[str, int]
    _titles_of: dict[str, list[str]]
    _name_end: dict[int, int]
    surname_people: dict[str, list[str]]
    shared_surnames: SharedSurnames
    sentence_starts: list[int]

    # -- gender ------------------------------------------------------------------------

    def base_gender(self, canonical: str) -> Optional[Gender]:
        """Gender from the name's first given name and its role (``Kremlin spokesman``)."""
        return gender_of(canonical, role=self.roles.get(canonical))

    def person_gender(self, canonical: str) -> Optional[Gender]:
        """Gender of a person of the article, from all it says of them; ``None`` if unclear.

        The first given name, the role and the titles written before any of the
        person's mentions (``Ms. Vasquez``) must agree.
        """
        if canonical not in self._genders:
            evidence = {self.base_gender(canonical), *self._hon_genders.get(canonical, ())}
            evidence.discard(None)
            self._genders[canonical] = evidence.pop() if len(evidence) == 1 else None
        return self._genders[canonical]

    def honorific_person(self, surname: str, gender: Gender) -> Optional[str]:
        """``Mrs. Clinton`` where the article names Hillary and Bill Clinton: the one of that gender.

        ``None`` unless exactly one person of the shared ``surname`` is of ``gender`` by
        the given name or role (``Mr. Trump`` with Donald Trump and Donald Trump Jr.
        stays ``Trump``). When none is, the one person whose gender is unknown is taken
        if every other is known to be of the other gender (``Mrs. Schlafly`` beside
        Phyllis and John Schlafly: Phyllis; beside two unknowns it stays ``Schlafly``).
        """
        people = self.surname_people.get(surname, ())
        genders = [self.base_gender(n) for n in people]
        fits = [n for n, g in zip(people, genders, strict=True) if g == gender]
        if not fits:
            fits = [n for n, g in zip(people, genders, strict=True) if g is None]
        return fits[0] if len(fits) == 1 else None

    def _only_one_of(self, surname: str, gender: Gender) -> Optional[str]:
        """The one person of a shared ``surname`` of ``gender``, the others all known to be of the other.

        ``she`` for a bare ``Clinton`` beside Hillary and Bill Clinton is Hillary; beside
        Rupert, Lachlan and James Murdoch, ``he`` is none of them (stays ``Murdoch``), and
        so is a person whose gender is unknown.
        """
        people = self.surname_people.get(surname, ())
        fits = [n for n in people if self.person_gender(n) == gender]
        others = [self.person_gender(n) for n in people if n not in fits]
        return fits[0] if len(fits) == 1 and None not in others else None

    def _speaker_gender(self, sp: Speaker) -> Optional[Gender]:
        """Gender of a resolved speaker: the person's and that of its own mention and role.

        A speaker found for ``she``/``her`` is taken as a woman, for ``he``/``him`` as a man.
        """
        said = _PRONOUN_GENDER.get(sp.mention.lower())
        evidence = {self.person_gender(sp.name), gender_of(sp.name, sp.mention, sp.role), said}
        evidence.discard(None)
        return evidence.pop() if len(evidence) == 1 else None

    # -- anaphora ----------------------------------------------------------------------

    def role_anaphor(self, np: NounPhrase, low: list[str], mention: str) -> Optional[Speaker]:
        """``the spokesman``, ``the Kremlin spokesman``: the one earlier person with that role.

        The description's head noun must head a role or title the article gives a
        person named before the mention (``Kremlin spokesman Dmitry Peskov``,
        ``Sen. Ted Cruz`` for ``the senator``), and every modifier of the description
        must be a word of that role (``the former president`` is not ``President
        Barack Obama``). A role whose head is ranked by a word the description lacks
        (``Vice President``, ``deputy minister``) does not match. With two or more
        such people (``Russian President Vladimir Putin``, ``US President Donald
        Trump``: ``the president``) nothing is resolved.

        Args:
            np: The mention.
            low: Its tokens, lower case, possessives bare.
            mention: Its original text.
        """
        head = TITLE_ABBREVIATIONS.get(low[-1], low[-1])
        modifiers = set(low[1:-1]) - {"."}
        if head in _NOT_ROLE_HEADS or not (head in TITLES or person_noun(head)):
            return None  # "the Associated Press", "the first": no role of a person
        found = self._people_with_role(np.start, head, modifiers, loose_country=False)
        if not found and any(country_key(w) for w in modifiers):
            found = self._people_with_role(np.start, head, modifiers, loose_country=True)
        if len(found) != 1:
            return None
        ((canonical, role),) = found.items()
        return Speaker(
            name=canonical, mention=mention, start=np.start, end=np.end,
            type=SpeakerType.PERSON, role=self.roles.get(canonical, role),
        )

    def _people_with_role(
        self, before: int, head: str, modifiers: set[str], *, loose_country: bool
    ) -> dict[str, str]:
        """``{canonical: role}`` of the people named before ``before`` with a matching role."""
        found: dict[str, str] = {}
        for canonical, first in self._first_at.items():
            if first >= before or len(canonical.split()) < 2 and canonical not in self._titled:
                continue
            for role in self._titles_of.get(canonical, ()):
                if role_matches(role, head, modifiers, loose_country=loose_country):
                    found.setdefault(canonical, role)
        return found

    def resolve_pronoun(
        self,
        np: NounPhrase,
        pronoun: str,
        at: int,
        sentence_starts: list[int],
        exclude: list[tuple[int, int]],
    ) -> Optional[Speaker]:
        """Resolve a pronoun: ``he``/``she`` to an earlier person, ``they``/``it`` to a group or body.

        ``they`` goes to a pair of people opening its sentence or the one before, else to a
        capitalised plural that is the subject just before (`quotes.speakers.group_subjects`),
        else to the last organisation or group that spoke; ``it`` only to an organisation
        (a group is plural: ``People briefed on it said``) and ``we`` to neither (outside
        a quote it is the writer: ``We asked our followers``).

        A subject pronoun with no antecedent is kept as the speaker's mention with
        ``name=None`` (``"...," he said.`` opening an article); ``him``/``her``
        with none give ``None``, and so do ``he``/``she`` while
        ``keep_unresolved_people`` is false (reported speech reads them so). ``I``
        outside quotes is the writer, kept the same way (``"...," I said.``), never
        resolved to a name.

        Args:
            np: The mention.
            pronoun: Its lower-case form.
            at: Offset of the quote.
            sentence_starts: Sorted sentence start offsets of the article.
            exclude: Spans (quotes) whose names must not serve as antecedents.
        """
        mention = self.text[np.start:np.end]
        if pronoun in ("he", "she", "him", "her"):
            gender = _PRONOUN_GENDER[pronoun]
            target = self._antecedent(min(at, np.start), sentence_starts, exclude, gender, np.end)
            if target is None:
                keep = pronoun in ("he", "she") and self.keep_unresolved_people
                return _unresolved(np, mention, SpeakerType.PERSON) if keep else None
            name = target.name
            if name in self.surname_people and target.type is SpeakerType.PERSON:
                name = self._only_one_of(name, gender) or name  # "she" for a bare "Clinton": Hillary
            return Speaker(
                name=name, mention=mention, start=np.start, end=np.end,
                type=target.type, role=target.role,
            )
        if pronoun == "i":
            # "“…,” I said.": the writer speaks, unnamed here. Not an "I" inside a quote, nor
            # "Trump said, and I quote, “…”" (the writer cites another).
            writer = self.keep_unresolved_people and np.start not in self._exclude_cover(exclude)
            if not writer or _I_QUOTE.match(self.norm, np.start):
                return None
            return _unresolved(np, mention, SpeakerType.PERSON)
        if pronoun in ("they", "it", "we"):
            recent = next(((off, sp) for off, sp in reversed(self._speakers) if off <= at), None)
            subject = self._subject_org(np.start, sentence_starts, recent) if pronoun == "it" else None
            if subject is not None:
                return Speaker(
                    name=subject, mention=mention, start=np.start, end=np.end, type=SpeakerType.ORGANIZATION
                )
            pair = None
            if pronoun == "they":
                pair = self._subject_pair(np.start, sentence_starts, exclude)
            if pair is not None and (recent is None or recent[0] < pair[0]):
                return Speaker(  # "Sens. Mike Crapo and Jim Risch ... Last week, they said"
                    name=pair[1], mention=mention, start=np.start, end=np.end,
                    type=SpeakerType.GROUP,
                )
            # "Republicans have spent months on it, and they are circulating": the group subject
            group = None
            if pronoun == "they":
                cover = self._exclude_cover(exclude)
                group = subject_group(self.norm, np.start, sentence_starts, cover)
            if group:
                return Speaker(
                    name=party_members(group) or group, mention=mention, start=np.start, end=np.end,
                    type=SpeakerType.GROUP,
                )
            # "it" is one body: not a group that spoke ("People briefed on it said ... it shows");
            # "we" outside a quote is the writer ("We asked our followers"), not who spoke last
            bodies: tuple[SpeakerType, ...] = {
                "it": (SpeakerType.ORGANIZATION,),
                "they": (SpeakerType.ORGANIZATION, SpeakerType.GROUP),
            }.get(pronoun, ())
            if recent is not None and recent[1].type in bodies:
                sp = recent[1]
                return Speaker(
                    name=sp.name, mention=mention, start=np.start, end=np.end, type=sp.type, role=sp.role
                )
            return _unresolved(np, mention, SpeakerType.UNKNOWN)
        return None

    def _subject_pair(
        self, at: int, sentence_starts: list[int], exclude: list[tuple[int, int]]
    ) -> Optional[tuple[int, str]]:
        """Two people joined by ``and`` opening the sentence of ``at`` or the one before.

        ``Sens. Mike Crapo and Jim Risch ... Last week, they said``: ``they`` are the two,
        named as a group is (``Mike Crapo and Jim Risch``). Only the nearest sentence with
        a person named outside quotes counts, and only when its first person is one of a
        pair that opens it. Returns ``(offset, group name)``.
        """
        k = bisect.bisect_right(sentence_starts, at) - 1
        cover = self._exclude_cover(exclude)
        hi = at
        for j in (k, k - 1):
            if j < 0:
                return None
            lo = sentence_starts[j]
            i = bisect.bisect_left(self._person_at, (lo, ""))
            while i < len(self._person_at) and lo <= self._person_at[i][0] < hi and (
                self._person_at[i][0] in cover
            ):
                i += 1
            if i < len(self._person_at) and self._person_at[i][0] < hi:
                off, name = self._person_at[i]
                joined = [other for other in self._coordinated_with(i) if other != name]
                opens = _OPENER.fullmatch(self.norm, lo, max(lo, self._name_start(off)))
                if len(joined) != 1 or not opens:
                    return None
                partner_at = self._person_at[i + 1][0] if i + 1 < len(self._person_at) else hi
                if partner_at >= hi or self._person_at[i + 1][1] != joined[0]:
                    return None  # the pair opens the sentence: "Crapo and Risch", in that order
                group = f"{name} and {joined[0]}"
                self._listed[group] = (name, joined[0])
                return off, group
            hi = lo
        return None

    def _name_start(self, off: int) -> int:
        """Start of the title words right before the name at ``off`` (``Sens.``, ``Idaho``)."""
        start = off
        for m in reversed(list(_TITLE_WORD.finditer(self.norm, max(0, off - 60), off))):
            if m.end() != start and self.norm[m.end():start].strip():
                break
            start = m.start()
        return start

    def _subject_org(
        self, at: int, sentence_starts: list[int], recent: Optional[tuple[int, Speaker]]
    ) -> Optional[str]:
        """The organisation an ``it`` at ``at`` refers to: the last one opening a sentence.

        Only one named in the two sentences before ``it`` (or its own), and only when
        no speaker was recorded in a later sentence than that organisation's and no
        person is named between the two (``Mayor Ann Lee said ...``).
        """
        k = bisect.bisect_right(sentence_starts, at) - 1
        window = sentence_starts[max(0, k - 2)] if sentence_starts else 0
        found = self.orgs.last_subject(at, window)
        if found is None:
            return None
        i = bisect.bisect_right(self._person_at, (found[0], "\uffff"))
        if i < len(self._person_at) and self._person_at[i][0] < at:
            return None  # a person named since: "it" is not clearly the organisation
        if recent is not None:
            said_at = bisect.bisect_right(sentence_starts, recent[0])
            if said_at > bisect.bisect_right(sentence_starts, found[0]):
                return None  # someone spoke after the organisation was the subject
            if said_at == bisect.bisect_right(sentence_starts, found[0]) and recent[1].name != found[1]:
                return None
        return found[1]

    def _antecedent(
        self,
        at: int,
        sentence_starts: list[int],
        exclude: list[tuple[int, int]],
        gender: Optional[Gender] = None,
        end: Optional[int] = None,
    ) -> Optional[Speaker]:
        """The person a he/she at ``at`` (ending at ``end``) refers to: the nearest earlier sentence's subject.

        Walks back sentence by sentence (at most six); in each, a person speaker
        already attributed there (named, or unnamed: ``a senior official``) wins, else the first person name outside quotes. A person
        known to be of the other ``gender`` is passed over (``she`` after
        ``Emmanuel Macron``); an unknown gender never is. When the sentence's speaker
        is a group of named people (``Trump and Ryan said``), its members are no
        antecedent and, with no other person in that sentence, the pronoun stays
        unresolved. When the pronoun's own sentence up to it is what it reports (``Trump
        fits that bill, he added``: `quotes.speakers.fronted.reported_before`), a person who
        spoke in the two sentences before is the antecedent, not a name of that content. ``The
        candidate`` opening its sentence or the one before gives whom it names (`described_subject`).
        """
        k0 = k = bisect.bisect_right(sentence_starts, at) - 1
        lo_limit = sentence_starts[max(0, k - 6)] if sentence_starts else 0
        hi = at
        if k > 0 and end is not None and reported_before(
            self.norm, sentence_starts[k], at, end, self._exclude_cover(exclude)
        ):
            # "''...,'' Gidley said. Trump fits that bill, he added": Gidley, the last to speak
            spoken = self._speakers_in(sentence_starts[max(0, k - 2)], sentence_starts[k])
            last = spoken[-1][1] if spoken else None
            if last is not None and last.type in _INDIVIDUALS and _agrees(
                gender, self._speaker_gender(last)
            ):
                return last
        while k >= 0:
            lo = sentence_starts[k]
            if lo < lo_limit:
                break
            members = self._listed_members(lo, hi)
            attributed = self._attributed_person(lo, hi, members, gender)
            if attributed is not None:
                return attributed
            subject_lo = self._subject_start(lo, hi, exclude)  # after "According to X,"
            first_pronoun = self._first_pronoun(subject_lo, hi, exclude)
            i = bisect.bisect_left(self._person_at, (subject_lo, ""))
            if first_pronoun is not None:
                # "He also repeated ... Joe Biden": the sentence continues an earlier subject.
                if i >= len(self._person_at) or self._person_at[i][0] > first_pronoun:
                    hi = lo
                    k -= 1
                    continue
            described = self.described_subject(subject_lo, hi, gender) if k >= k0 - 1 else None
            if described and (i >= len(self._person_at) or self._person_at[i][0] > described[0]):
                return described[1]  # "The candidate has berated guards. Last year, he said"
            found = self._first_named(i, hi, exclude, members, gender)
            if found is None and subject_lo > lo and self._first_named(
                bisect.bisect_left(self._person_at, (lo, "")), subject_lo, exclude, members, gender
            ):
                return None  # "In an interview with Tapper, the senator said": no named subject
            if found is not None and k == k0 - 1:
                found = self._person_asked(found, hi, gender) or found
            if found is not None:
                return self._as_antecedent(found, subject_lo, k >= k0 - 1, gender)
            if members:
                return None  # "Trump and Ryan said ...": "he" could be either
            hi = lo
            k -= 1
        return None

    def described_subject(self, lo: int, hi: int, gender: Optional[Gender]) -> Optional[Described]:
        """``The candidate`` opening the sentence at ``lo``, resolved: `quotes.speakers.epithets`."""
        return None

    def _attributed_person(
        self, lo: int, hi: int, members: set[str], gender: Optional[Gender]
    ) -> Optional[Speaker]:
        """A person speaker already attributed in ``[lo, hi)`` that can be the antecedent.

        Members of a group of named people (``members``) and people of the other
        ``gender`` are passed over.
        """
        for _off, sp in self._speakers_in(lo, hi):
            if (
                sp.type in _INDIVIDUALS and sp.name not in members
                and _agrees(gender, self._speaker_gender(sp))
            ):
                return sp
        return None

    def _as_antecedent(
        self, found: tuple[int, int, str], subject_lo: int, near: bool, gender: Optional[Gender]
    ) -> Optional[Speaker]:
        """The name `_first_named` found, as the speaker a he/she refers to.

        ``None`` when, in a sentence next to the pronoun's (``near``), the name opens
        a coordination with another person the pronoun could refer to as well
        (``Donald Trump and Paul Ryan said ...``: ``he`` could be either).
        """
        i, off, name = found
        if near and _OPENER.fullmatch(self.norm, subject_lo, off) and any(
            other != name and _agrees(gender, self.person_gender(other))
            for other in self._coordinated_with(i)
        ):
            return None
        return Speaker(
            name=name, mention=name, start=off, end=off + 1,
            type=SpeakerType.PERSON, role=self.roles.get(name),
        )

    def _person_asked(
        self, found: tuple[int, int, str], hi: int, gender: Optional[Gender]
    ) -> Optional[tuple[int, int, str]]:
        """The person ``found`` asks right after being named (``Host Bill Grey asked Tom Baker``).

        In the sentence just before a ``he said``, the one asked is the one who answers:
        an interviewer's question is followed by the guest's reply. Returns the same
        ``(index, offset, name)`` triple as `_first_named`, or ``None``.
        """
        i, off, _name = found
        j = i + 1
        while j < len(self._person_at) and self._person_at[j][0] < min(hi, off + _ASKED_REACH):
            other_off, other = self._person_at[j]
            if _ASKED.fullmatch(self.norm, off, other_off) and _agrees(gender, self.person_gender(other)):
                return j, other_off, other
            j += 1
        return None

    def _subject_start(self, lo: int, hi: int, exclude: list[tuple[int, int]]) -> int:
        """Where the subject of the sentence at ``lo`` may start: after a phrase that opens it.

        ``According to ProPublica, Clinton said``, ``Speaking with Tapper, Cruz
        said``: the people in the opening phrase are no subject
        (`quotes.speakers.fronted.fronted_phrase_end`). An opening ``-ing`` word that is
        a name the article indexes (``Irving said``) opens no phrase.
        """
        end = fronted_phrase_end(self.norm, lo, hi, self._exclude_cover(exclude))
        if end is None:
            return lo
        i = bisect.bisect_left(self._person_at, (lo, ""))
        if i < len(self._person_at) and not self.norm[lo:self._person_at[i][0]].strip(" \t\n\"'“‘("):
            return lo  # the sentence opens with a name
        return end

    def _listed_members(self, lo: int, hi: int) -> set[str]:
        """The people of groups of named people (``Trump and Ryan``) that spoke in ``[lo, hi)``."""
        members: set[str] = set()
        for _off, sp in self._speakers_in(lo, hi):
            if sp.name in self._listed and sp.type is SpeakerType.GROUP:
                members.update(self._listed[sp.name])
        return members

    def _speakers_in(self, lo: int, hi: int) -> list[tuple[int, Speaker]]:
        """The recorded speakers at offsets in ``[lo, hi)``, in order (``_speakers`` is sorted)."""
        first = bisect.bisect_left(self._speakers, lo, key=lambda x: x[0])
        last = bisect.bisect_left(self._speakers, hi, lo=first, key=lambda x: x[0])
        return self._speakers[first:last]

    def _first_named(
        self,
        i: int,
        hi: int,
        exclude: list[tuple[int, int]],
        members: set[str],
        gender: Optional[Gender],
    ) -> Optional[tuple[int, int, str]]:
        """The first name from ``self._person_at[i]`` on, before ``hi``, that can be the antecedent.

        Names inside quotes, members of a named group, people of the other gender,
        possessives (``Trump's``) and modifiers (``the Clinton campaign``) are passed
        over. Returns ``(index into _person_at, offset, canonical name)``.
        """
        cover = self._exclude_cover(exclude)
        while i < len(self._person_at) and self._person_at[i][0] < hi:
            off, name = self._person_at[i]
            if name in self.surname_people:  # a bare "Clinton": Hillary while nothing puts that in doubt
                hon = honorific_gender(self.norm[max(0, off - 5):off].split()[-1:])  # "Mr. Khan"
                name = self.shared_surnames.principal(name, off, self.sentence_starts, hon) or name
            inside = off in cover
            if (
                not inside and name not in members and _agrees(gender, self.person_gender(name))
                and not self._is_possessive_at(off) and not self._is_modifier_at(off)
                and not self._thing_name(name)
            ):
                return i, off, name
            i += 1
        return None
