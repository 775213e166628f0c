"""Speakers: reading the noun phrase that names a source, typing it, and resolving it.

A [`SpeakerResolver`][quotes.speakers.resolver.SpeakerResolver] is built once per article. It
indexes the person names the article uses (``Dmitry Peskov``) and the roles it gives them
(``Kremlin spokesman``), then turns a mention at a quote (``Peskov``, ``he``, ``the Kremlin``,
``a senior official``) into a [`Speaker`][quotes.models.Speaker] with a canonical name, a type and a
role. It never guesses: a pronoun with no earlier person stays its mention, with no name.
"""

from __future__ import annotations

import bisect
import re
from typing import Literal, Optional

from quotes.lexicon import (
    ANONYMOUS_HEADS,
    DEMONYMS,
    GROUP_HEADS,
    MONTHS,
    ORG_WORDS,
    PLACES,
    PRONOUNS,
    TITLES,
    epithet_nouns,
    place_name,
    source_words,
)
from quotes.models import Speaker, SpeakerType
from quotes.speakers.anaphora import is_description
from quotes.speakers.article_names import ArticleName, ArticleNamesMixin
from quotes.speakers.campaigns import CampaignMixin, owner_aides
from quotes.speakers.coordination import CoordinationMixin
from quotes.speakers.documents import DocumentMixin
from quotes.speakers.epithets import EpithetMixin
from quotes.speakers.gender import Gender, honorific_gender, known_given_name
from quotes.speakers.names import (
    group_opener,
    indexed_name_start,
    short_forms,
    surname_people,
)
from quotes.speakers.noun_phrase import (
    COMPASS,
    GIVEN_NAMES,
    HONORIFICS,
    INDEFINITE,
    NAME_PARTICLES,
    SPEAKER_DETERMINERS,
    STANDALONE_SOURCES,
    NounPhrase,
    after_honorific,
    bare_phrase,
    is_capitalised,
    name_before_of,
    name_start,
    not_a_speaker,
    person_noun,
    plural_group,
    plural_org,
    predicate_cut,
    scan_left,
    scan_right,
    without_article,
)
from quotes.speakers.organisations import (
    OrganisationIndex,
    general_company,
    org_head_start,
    org_person_role,
)
from quotes.speakers.outlets import OUTLET_HEADS, OutletIndex, title_masthead
from quotes.speakers.parties import party_members
from quotes.speakers.surnames import SharedSurnames
from quotes.text.tokens import TOKEN_RE, Token, tokens

# Re-exported for the callers that import them here: is_description (quotes.speakers.anaphora),
# TOKEN_RE and tokens (quotes.text.tokens), NounPhrase, not_a_speaker, scan_left and scan_right
# (quotes.speakers.noun_phrase).
__all__ = [
    "NounPhrase", "SpeakerResolver", "is_description", "TOKEN_RE", "not_a_speaker", "scan_left",
    "scan_right", "tokens",
]






#: A possessive ending a mention (``Mr. Obama's``, ``Sanders'``).
_POSSESSIVE_END = re.compile(r"(?:['’]s|(?<=s)['’])\Z")

#: The next word after an offset (spaces skipped).
_NEXT_WORD = re.compile(r"\s+([A-Za-z][\w\-]*)")
#: Family words: ``Clinton's husband`` is another person than Clinton.
_KIN = frozenset(
    """husband wife son daughter father mother brother sister niece nephew uncle aunt
    grandson granddaughter cousin widow fiance fiancee partner""".split()
)

#: ``Western``, ``Eastern``: a name opening with one is no person's.
_COMPASS_ADJECTIVES = frozenset({"western", "eastern", "northern", "southern"})

_INSIDE_ORG = re.compile(r"\b[A-Z][\w'\-]*\s+(?:for|of|on)\s+(?:the\s+)?$")


#: A capitalised word right before a mention (``West Virginia``, ``Grand Rapids``).
_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][A-Za-z]+\s+$")


class SpeakerResolver(
    ArticleNamesMixin, CampaignMixin, CoordinationMixin, DocumentMixin, EpithetMixin
):
    """Resolves speaker mentions of one article to canonical speakers.

    Args:
        text: The original article text.
        norm: Its normalised form ([`quotes.text.marks.normalize`][]).
        body: ``(start, end)`` spans of the article body; names are indexed there.
    """

    def __init__(self, text: str, norm: str, body: list[tuple[int, int]]) -> None:
        self.text = text
        self.norm = norm
        # An unresolved he/she is kept as a nameless speaker; reported speech turns this off
        # while it reads (no resolved source, no report: "He called it X, according to Y").
        self.keep_unresolved_people = True
        self.orgs = OrganisationIndex(norm, body)  # organisation names, canonical forms, "the ministry"
        self.outlets = OutletIndex(norm, body)  # news outlets: "the newspaper", "the network"
        self.sentence_starts: list[int] = []  # set by each resolve(), like quoted_spans
        self.quoted_spans: list[tuple[int, int]] = []
        self.full_names: dict[str, str] = {}  # surname, first or full name -> canonical name
        self.roles: dict[str, str] = {}  # canonical name -> role
        self._person_at: list[tuple[int, str]] = []  # (offset, canonical) of name mentions
        self._speakers: list[tuple[int, Speaker]] = []  # resolved speakers by quote offset
        self._titled: set[str] = set()  # single names seen after a title ("President Trump")
        self._listed: dict[str, tuple[str, ...]] = {}  # "Donald Trump and Paul Ryan" -> its people
        self._hon_genders: dict[str, set[Gender]] = {}  # canonical -> genders of titles before it
        self._genders: dict[str, Optional[Gender]] = {}  # canonical -> gender (cache)
        self._first_at: dict[str, int] = {}  # canonical -> offset of its first mention
        self._titles_of: dict[str, list[str]] = {}  # canonical -> roles/titles the article gives
        self._name_end: dict[int, int] = {}  # start -> end of each person name mention
        self._bearers: set[str] = set()  # surnames also of a person never named in full (Mr. Obama)
        self._lower_words = set(re.findall(r"(?<![A-Za-z.'/@#\-])[a-z][a-z\-]+(?![a-z\-]|\.[a-z])", norm))  # common words
        names = self.clean_names(self.find_names(body))
        # Fullest forms first so that single tokens map to the longest name; a token
        # is a surname before it is a first name ("Trump" is Donald Trump, not the
        # "Trump Tower Grill" a later sentence mentions).
        # A short form shared by different people maps to itself (quotes.speakers.names).
        ordered = sorted(names, key=lambda n: -len(n[2].split()))
        full = [n[2] for n in ordered if len(n[2].split()) >= 2]
        self.full_names = short_forms(full, common=self.not_first_name, titled=self._titled)
        for short, canonical in self.full_names.items():
            if short != canonical and self._thing_name(canonical):
                self.full_names[short] = short  # "Trump" is no short form of "the Trump Train,"
        self.surname_people = surname_people(full, common=self.not_first_name)  # "Clinton": Hillary, Bill
        for word in [w for w in self.full_names if " " not in w and bare_phrase(w) in PLACES]:
            del self.full_names[word]  # "Israel" alone is the country, not Rep. Steve Israel
        self.index_roles(names, ordered)
        self._unnamed_bearers(names)
        self._index_mentions(names)
        self.shared_surnames = SharedSurnames(
            self.surname_people, self._person_at, gender=self.base_gender
        )

    def _unnamed_bearers(self, names: list[ArticleName]) -> None:
        """Mark a surname as also another person's when an honorific contradicts its one full name.

        ``Michelle Obama ... Mr. Obama``: the article never names Barack Obama in full, but
        ``Mr. Obama`` is not Michelle. The surname then stands for that other person as well:
        it maps to itself (a bare ``Obama``, ``President Obama`` stay ``Obama``) and is
        shared by the full name and the bare surname, so that ``Mrs. Obama`` still goes
        to Michelle Obama and ``Mr. Obama`` to ``Obama`` (`honorific_person`).
        """
        for _a, _b, name, role in names:
            full = self.full_names.get(name)
            hon = honorific_gender(role.split()) if role and " " not in name else None
            if hon is None or full is None or full == name or name in self.surname_people:
                continue
            gender = self.base_gender(full)
            if gender is not None and gender != hon:
                self.full_names[name] = name
                self.surname_people[name] = [full, name]
                self._bearers.add(name)

    def _index_mentions(self, names: list[ArticleName]) -> None:
        """Index each person mention: its canonical person, offsets, titles and the genders they imply."""
        for a, b, name, role in names:
            if _INSIDE_ORG.search(self.norm, max(0, a - 40), a):
                continue  # "Center for Responsive Politics": the tail of a longer name
            if " " not in name and _CAPITALISED_BEFORE.search(self.norm, max(0, a - 30), a):
                if name not in self.full_names and name not in self._titled:
                    continue  # "West Virginia": a given name alone only when it stands alone
            canonical = self._canonical_person(name)
            if not canonical:
                continue
            hon = honorific_gender(role.split()) if role else None
            if canonical != name and hon and self.base_gender(canonical) not in (None, hon):
                canonical = name  # "Mrs. Clinton" is not Bill Clinton
            elif canonical == name and hon:
                canonical = self.honorific_person(name, hon) or name  # Hillary, not Bill Clinton
            if hon:
                self._hon_genders.setdefault(canonical, set()).add(hon)
            if role:
                self._titles_of.setdefault(canonical, []).append(role)
            self._first_at.setdefault(canonical, a)
            self._name_end[a] = b
            self._person_at.append((a, canonical))
        for canonical, role in self.roles.items():
            self._titles_of.setdefault(canonical, []).append(role)
        self._person_at.sort()

    # -- names -------------------------------------------------------------------------

    def _canonical_person(self, name: str) -> Optional[str]:
        """The canonical name of a person name: a full name itself, a short form its person."""
        parts = name.split()
        rest = " ".join(parts[1:])
        if len(parts) >= 3 and group_opener(parts[0]) and rest in self.full_names:
            return self.full_names[rest]  # "Texas-based Matt Mackowiak", "Co-moderator Ann Lee"
        if len(parts) >= 2 and parts[0] in NAME_PARTICLES:
            return self.full_names.get(parts[-1], name)  # "de Blasio": Bill de Blasio
        if len(parts) >= 2:
            return name
        if name in self.full_names or name in self._titled:
            return self.full_names.get(name) or name
        return name if self._given_name_alone(name) else None

    def _given_name_alone(self, name: str) -> bool:
        """A given name standing alone for a person (``Tom met Mary at noon. ... he said``).

        Not a month (``May``, ``June``), a place, or a word the article also writes in
        lower case (``will``, ``grace``).
        """
        low = name.lower()
        return (
            known_given_name(name) and low not in self._lower_words
            and low not in MONTHS and bare_phrase(name) not in PLACES
        )

    def named_people(self, speaker: Speaker) -> bool:
        """The group ``speaker`` is named people joined by ``and`` (``Trump and Ryan``)."""
        return speaker.type is SpeakerType.GROUP and speaker.name in self._listed

    def record(self, offset: int, speaker: Speaker) -> None:
        """Remember a resolved speaker at ``offset`` (for later pronouns); an unresolved one is no antecedent."""
        if speaker.name is None:
            return
        bisect.insort(self._speakers, (offset, speaker), key=lambda x: x[0])

    def resolve(
        self,
        np: NounPhrase,
        *,
        at: int,
        sentence_starts: list[int],
        exclude: list[tuple[int, int]] = (),  # type: ignore[assignment]
    ) -> Optional[Speaker]:
        """Turn a noun phrase into a `Speaker`, or ``None`` if it names no speaker.

        A subject pronoun with no antecedent gives a `Speaker` with ``name=None``.

        Args:
            np: The mention.
            at: Offset of the quote (pronouns look for people before it).
            sentence_starts: Sorted sentence start offsets of the article.
            exclude: Spans (quotes) whose names must not serve as antecedents.
        """
        found = self._resolve(np, at=at, sentence_starts=sentence_starts, exclude=exclude)
        owner = _POSSESSIVE_END.search(self.norm, np.start, np.end)
        if found is None or owner is None or owner.start() == np.start:
            return found
        if self._person_after(np.end):
            # "Ryan’s campaign" read as "Ryan’s": the campaign; "Clinton's husband, Bill,":
            # another person speaks
            return self.possessive_campaign(np) or found
        # "Mr. Obama's" (speech, memoir): the owner speaks. Its name is read without the
        # possessive; the mention stays as written, and a phrase that named nobody still does.
        bare = self._resolve(
            NounPhrase(np.start, owner.start(), self.norm[np.start:owner.start()]),
            at=at, sentence_starts=sentence_starts, exclude=exclude,
        )
        if bare is None or bare.name is None or (bare.start, bare.end) != (np.start, owner.start()):
            return found
        return bare.model_copy(update={"mention": self.text[np.start:np.end], "end": np.end})

    def _person_after(self, end: int) -> bool:
        """The word after ``end`` names a person (``husband``, ``spokesman``, ``lawyer``)."""
        m = _NEXT_WORD.match(self.norm, end)
        if m is None:
            return False
        word = bare_phrase(m.group(1))
        return word in TITLES or word in _KIN or person_noun(word) or word in source_words()

    def _resolve(
        self,
        np: NounPhrase,
        *,
        at: int,
        sentence_starts: list[int],
        exclude: list[tuple[int, int]],
    ) -> Optional[Speaker]:
        """`resolve` for the phrase as written (a possessive left on)."""
        self.sentence_starts, self.quoted_spans = sentence_starts, exclude
        words = tokens(self.norm, np.start, np.end)
        if not words:
            return None
        low_words = [bare_phrase(w[0]) for w in words]
        mention = self.text[np.start:np.end]
        cut = predicate_cut(words, low_words)
        if cut is not None:
            # "CNN reported", "the Sanders campaign responded Friday": a verb read
            # into the phrase; the speaker is the phrase before it.
            head = NounPhrase(np.start, words[cut - 1][2], self.norm[np.start:words[cut - 1][2]])
            sp = self.resolve(head, at=at, sentence_starts=sentence_starts, exclude=exclude)
            return sp  # the mention ends before the verb, as the Source does
        if len(words) == 1 and low_words[0] in PRONOUNS:
            found = self.resolve_pronoun(np, low_words[0], at, sentence_starts, exclude)
            if low_words[0] == "it" and (found is None or found.name is None):
                return self.document_it(np, at, sentence_starts) or found  # "The lawsuit ... It"
            return found
        if "and" in low_words or "&" in low_words:
            listed = self._coordination(
                np, words, mention, at=at, sentence_starts=sentence_starts, exclude=exclude
            )
            if listed is not None:
                return listed
        words, low_words = name_before_of(words, low_words)
        j = name_start(words)
        if j >= len(words):
            j = indexed_name_start(self.text, words, self.full_names, j)  # "King" of Charlie King
        is_caps_sentence = mention.isupper() and len(mention) > 3
        if words[j:] and not is_caps_sentence:
            return self._person(np, words, low_words, mention, j)
        return self._describe(np, words, low_words, mention)

    def _person(
        self, np: NounPhrase, words: list[Token], low_words: list[str], mention: str, j: int
    ) -> Optional[Speaker]:
        """The person ``words[j:]`` names (``Kremlin spokesman Dmitry Peskov``), else `_describe`.

        A name the article indexed maps to its canonical form; an unknown single
        word is a person only when nothing says otherwise (`_unknown_word`).
        """
        name_toks = words[j:]
        name = self.text[name_toks[0][1]:name_toks[-1][2]]
        canonical = self._canonical_person(name)
        head_is_org = any(w in ORG_WORDS for w in low_words[j:])
        org_start = org_head_start(words, low_words, j)
        if org_start is None and name not in self.full_names and general_company(words, low_words, j):
            org_start = j - 1  # "General Motors": a company, not General "Motors"
        if org_start is not None:  # "the Center for Responsive Politics": not "Responsive Politics"
            name = self.text[words[org_start][1]:name_toks[-1][2]]
        if org_start is not None or self._thing_name(name):  # "the United Nations said": no person
            return Speaker(
                name=self.orgs.canonical(name), mention=mention, start=np.start, end=np.end,
                type=SpeakerType.ORGANIZATION,
            )
        if canonical is None and len(name_toks) == 1:
            kind = self._unknown_word(words, low_words, j, head_is_org)
            if kind == "nobody":
                return None
            if kind == "thing":
                return self._describe(np, words, low_words, mention)
            canonical = name
        hon = honorific_gender([w[0] for w in words[:j]]) if canonical and j > 0 else None
        if hon and canonical != name and self.person_gender(canonical) not in (None, hon):
            canonical = name  # "Mrs. Clinton" when Bill Clinton is the only Clinton
        elif hon and canonical == name:
            canonical = self.honorific_person(name, hon) or name  # "Mrs. Clinton": Hillary, not Bill
        if canonical == name and name in self.surname_people and name not in self._bearers:
            # "Clinton": Hillary, Bill or in doubt (a surname of a person never named in full
            # stays as written: `_unnamed_bearers`)
            principal = self.shared_surnames.principal(name, np.start, self.sentence_starts, hon)
            canonical = principal or name
        if canonical and not head_is_org:
            return Speaker(
                name=canonical, mention=mention, start=np.start, end=np.end,
                type=SpeakerType.PERSON, role=self._mention_role(words, low_words, j, canonical),
            )
        return self._describe(np, words, low_words, mention)

    def _unknown_word(
        self, words: list[Token], low_words: list[str], j: int, head_is_org: bool
    ) -> Literal["person", "thing", "nobody"]:
        """What an unknown single capitalised word ``words[j]`` at the end of a mention names.

        ``thing``: a place or organisation (``South Carolina``), or a capitalised
        common word (``Critics``, ``Poll``), described by `_describe`;
        ``nobody``: a word opening a clause (``Hastily``, ``Having``, ``Reached``);
        else a ``person``.
        """
        if low_words[-1] in PLACES or head_is_org or (j == len(words) - 1 and place_name(words[j][0])):
            return "thing"  # "California offered ...": a place is no person
        if j > 0 and low_words[j - 1] in COMPASS and is_capitalised(words[j - 1][0]):
            return "thing"  # "South Carolina", "North Dakota": a place, not a person "Carolina".
        if j > 0 and (low_words[j - 1] == "the" or is_capitalised(words[j - 1][0]) and (
            low_words[j - 1] in DEMONYMS or low_words[j - 1] in _COMPASS_ADJECTIVES
        )):
            return "thing"  # "The Hill", "American Legion", "Western Journalism": no "the Smith"
        if self.common_word(words[j][0]) and not after_honorific(words, len(words) - 1):
            # A capitalised common word is not a person: "Critics", "Poll" are
            # described (group, unknown); "Hastily", "Having", "Reached" open a
            # clause and name nobody (no speaker beats a wrong one).
            low = low_words[-1]
            if low.endswith(("ly", "ing", "ed")) and low not in source_words() and low not in GROUP_HEADS:
                return "nobody"
            return "thing"
        return "person"

    def _mention_role(
        self, words: list[Token], low_words: list[str], j: int, canonical: str
    ) -> Optional[str]:
        """The role written before the name ``words[j:]`` (``Kremlin spokesman``), else the article's."""
        role = None
        if j > 0:
            role_text = self.text[words[0][1]:words[j][1]].strip()
            role_low = [w for w in low_words[:j] if w not in SPEAKER_DETERMINERS and w not in HONORIFICS]
            if role_text and any(w in TITLES or w in source_words() for w in role_low):
                role = without_article(role_text)
        return role or self.roles.get(canonical)

    def _unquoted_starts(self) -> list[int]:
        """The sentence starts outside quotes: a quote split into sentences counts as none.

        ``..., the Orlando Sentinel reported. "We have to ... We have a lot of work," said
        Clinton. The newspaper reported``: the outlet is the sentence before the quote's.
        """
        cover = self._exclude_cover(self.quoted_spans)
        return [s for s in self.sentence_starts if s not in cover]

    def _is_person(self, name: str) -> bool:
        """``name`` (or its last word) names a person of the article, or opens with a given name."""
        words = name.split()
        return (
            name in self.full_names or words[-1] in self.full_names or words[-1] in self._titled
            or bare_phrase(words[0]) in GIVEN_NAMES
        )

    def _describe(
        self, np: NounPhrase, words: list[Token], low: list[str], mention: str
    ) -> Optional[Speaker]:
        """Speakers that are not named people: organisations, groups, anonymous sources."""
        head = low[-1]
        campaign = self.campaign_speaker(np, words, low, mention) if head == "campaign" else None
        if campaign is not None:
            return campaign  # "her campaign", "the campaign": "Clinton campaign"
        if len(low) == 1 and head in STANDALONE_SOURCES and self.keep_unresolved_people:
            # "Another tweeted, “…”", "“…,” said one": an unnamed source of a direct quote (a
            # report reads a sentence-opening "One" as before, and a lower-case one as no source)
            return Speaker(name=head, mention=mention, start=np.start, end=np.end, type=SpeakerType.ANONYMOUS)
        if len(low) == 1 and head in STANDALONE_SOURCES and mention[:1].islower():
            return None
        name = re.sub(r"^(?:the)\s+", "", mention, flags=re.I)
        if low[0] == "the" and len(low) > 1:
            known = (
                self.role_anaphor(np, low, mention) or self.epithet_anaphor(np, low, mention)
                or self.orgs.speaker_for(np, words, low, mention, self.sentence_starts, self._is_person)
                or self.outlets.speaker_for(np, low, mention, self._unquoted_starts())
            )
            if known is not None:
                return known
        if title_masthead(mention):
            kind = SpeakerType.ORGANIZATION  # "The Advocate": a newspaper, not an advocate
        elif words[-1][0].islower() and head in epithet_nouns() and low[0] in ("the", *INDEFINITE):
            kind = SpeakerType.ANONYMOUS  # "the actress", "the GOP front-runner": a person, unnamed
        elif words[-1][0].islower() and head in OUTLET_HEADS and head != "paper":  # a study, too
            kind = SpeakerType.ORGANIZATION  # "the newspaper": an outlet the article did not name
        elif head in ANONYMOUS_HEADS and (low[0] in INDEFINITE or head.startswith("source")):
            kind = SpeakerType.ANONYMOUS
        elif head.startswith("source"):
            kind = SpeakerType.ANONYMOUS
        elif org_person_role(words, low):
            # "the Kremlin spokesman", "company spokeswoman": a person's role, not the
            # organisation (a role the article gave a name was read by `role_anaphor`)
            kind = SpeakerType.ANONYMOUS
        elif plural_group(head) or words[-1][0].islower() and plural_org(head):
            # "Senate Democrats", "Ukrainians", "Defense Ministry officials",
            # "South Korean and Western intelligence agencies"
            kind = SpeakerType.GROUP
        elif any(w in ORG_WORDS for w in low) or head in PLACES or (
            words[-1][0].isupper() and len(words[-1][0]) > 1 and not mention.isupper()
        ):
            kind = SpeakerType.ORGANIZATION
        elif head in GROUP_HEADS or (head.endswith("s") and head in source_words() and not is_capitalised(words[-1][0])):
            kind = SpeakerType.GROUP
        elif low[0] in INDEFINITE:
            # "a senior diplomat" is an anonymous person; "a website", "a propaganda
            # term" are not people: the mention is kept, its type unknown.
            kind = SpeakerType.ANONYMOUS if head in TITLES else SpeakerType.UNKNOWN
        elif low[0] == "the" and (head in TITLES or head in source_words()):
            # "the city's transport prosecutor" is an unnamed person (no earlier person has
            # that role: `role_anaphor`); "the city", "the report" are not people.
            kind = SpeakerType.ANONYMOUS if head in TITLES or person_noun(head) else SpeakerType.UNKNOWN
        elif all(is_capitalised(w[0]) for w in words):
            kind = SpeakerType.ORGANIZATION if len(words) > 1 else SpeakerType.UNKNOWN
        else:
            return None
        if kind is SpeakerType.ORGANIZATION:
            name = self.orgs.canonical(name)  # "Defense Ministry" -> "Russian Defense Ministry"
            name = self.outlets.full_name(name, np.start) or name  # "the Times": "New York Times"
        elif kind is SpeakerType.GROUP:
            # "some Republicans" -> "Republicans"; "Mrs. Clinton's aides" -> "Clinton aides"
            name = party_members(name) or owner_aides(name) or name
        return Speaker(name=name, mention=mention, start=np.start, end=np.end, type=kind, role=None)
