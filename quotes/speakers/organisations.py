"""Organisations of one article: one canonical name each, and what ``the ministry`` or ``it`` refers to.

An [`OrganisationIndex`][quotes.speakers.organisations.OrganisationIndex] is built once per
article from the capitalised names whose head is an organisation word (``Russia's Defense
Ministry``, ``Russian Railways``, ``Ministry of Defence``). Forms that differ only by a
country qualifier or its absence (``Russia's Defense Ministry``, ``Russian Defense Ministry``,
``Defense Ministry``) are one organisation named by the fullest form; when the article
qualifies the same core with two countries (``Russia's`` and ``Ukraine's Defense Ministry``)
the bare ``Defense Ministry`` keeps its own name.

A description (``the ministry``, ``the company``, ``the defense ministry``) refers to the
organisation the article named last with a compatible head noun (``the company`` to a
company-like name, ``the agency`` to a department, bureau or agency acronym (``FBI``) when no
other acronym is near, ``the budget office`` to an office with ``Budget`` in its name), when
no other compatible organisation was named in the sentences just before it; otherwise it
stays a description. ``it`` as the subject of a cue refers to the
organisation last named at the start of a sentence (its subject).

Cost: one regex pass over the body, then a bisect per question.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from collections.abc import Callable
from typing import Optional

from quotes.lexicon import (
    AGENCY_ACRONYMS,
    ANONYMOUS_HEADS,
    DEMONYMS,
    MONTHS,
    NON_NAME_CAPITALS,
    ORG_WORDS,
    PLACES,
    TITLES,
    WEEKDAYS,
    initials,
    place_name,
)
from quotes.models import Speaker, SpeakerType
from quotes.speakers.noun_phrase import NounPhrase, is_capitalised
from quotes.text.tokens import Token

__all__ = [
    "COMPANY_HEADS", "DESCRIPTION_HEADS", "GROUP_NAME_HEADS", "OrgMention", "OrganisationIndex",
    "completed_name", "org_head_start",
]

#: Head words of a company name (``Russian Railways``, ``Acme Corp.``): ``the company`` refers to one.
COMPANY_HEADS = frozenset(
    """company companies corp corporation inc ltd llc plc co railways railway airlines airways
    group holdings motors industries enterprises technologies systems energy""".split()
)
#: Head nouns of a description that can refer to a named organisation (``the ministry``).
DESCRIPTION_HEADS = frozenset(
    """ministry company firm agency committee commission department council bureau authority
    embassy corporation bank airline railway railways service court group organization
    organisation foundation association institute office""".split()
)
#: Heads of government bodies ``the agency`` can refer to (``State Department``, ``Census Bureau``).
_AGENCY_HEADS = frozenset(
    "agency department bureau administration service commission authority".split()
) | AGENCY_ACRONYMS
#: An acronym (``FBI``, ``EPA``): maybe another agency near ``the agency``.
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
#: Description heads that refer only to an organisation named in the sentences just before.
_NEAR_ONLY_HEADS = frozenset("group organization organisation foundation association institute".split())
#: Head words of a name that ``the group`` or ``the organization`` can refer to
#: (``National Golf Foundation``, ``Club for Growth``, ``Our Principles PAC``).
GROUP_NAME_HEADS = frozenset(
    """group foundation association coalition institute council committee pac
    project alliance fund league society organization organisation federation network union
    caucus club""".split()
)
#: Country adjectives whose country name does not start with the same five letters.
_COUNTRY_OF = {
    "u.s": "us", "u.s.": "us", "us": "us", "american": "us", "america": "us", "united": "us",
    "chinese": "china", "french": "france", "british": "uk", "britain": "uk", "uk": "uk",
    "german": "germany", "israeli": "israel", "iranian": "iran", "japanese": "japan",
    "turkish": "turkey", "polish": "poland", "dutch": "netherlands", "swiss": "switzerland",
}

#: One capitalised word of a name: initials (``U.S.``), an abbreviation (``Corp.``), a word.
_WORD = r"(?:(?:[A-Z]\.){2,}|(?:Corp|Inc|Co|Ltd|Bros|Dept|Jr|St)\.|[A-Z][\w'’&\-]*)"
#: A capitalised name, with ``of``/``for`` joining capitalised words (``Ministry of Defence``).
_NAME = re.compile(_WORD + r"(?:\s+(?:(?:of|for)\s+(?:the\s+)?)?" + _WORD + r")*")
#: What follows an organisation that is the subject of its sentence: a verb (``said``, ``has``).
_VERB_AFTER = re.compile(
    r"\s*(?:,[^,]{0,80},\s*)?(?:also\s+|later\s+|then\s+)?"
    r"(?:said|says|has|have|had|is|was|will|would|did|does|could|can|may|[a-z]+ed|[a-z]+[^s\W]s)\b"
)
#: The end of a sentence: an organisation named right after it is in subject position.
_SENTENCE_OPEN = re.compile(r"(?:^|[.!?]['\"”’]?\s+|\n\s*)(?:(?:The|But|And|Meanwhile|Later|Separately)\s+)?$")


def country_key(word: str) -> Optional[str]:
    """The country a qualifier names (``Russia's`` and ``Russian``: ``russi``), or ``None``.

    Examples:
        >>> country_key("Russia's"), country_key("Russian"), country_key("U.S."), country_key("Defense")
        ('russi', 'russi', 'us', None)
    """
    low = re.sub(r"['’]s$", "", word.lower()).rstrip(".")
    if low in _COUNTRY_OF or low + "." in _COUNTRY_OF:
        return _COUNTRY_OF.get(low, _COUNTRY_OF.get(low + "."))
    if low in PLACES or low in DEMONYMS:
        return low[:5]
    return None


#: ``Department of Justice``, ``Committee for a Responsible Federal Budget``: a one-word head, a
#: preposition, maybe an article, then the capitalised words (and inner ``and``/``of``/``for``)
#: of the rest of the name.
_COMPLETION = re.compile(
    r"\s+(?P<rest>(?:of|for|on)\s+(?:(?:the|a)\s+)?[A-Z][\w'’\-]*"
    r"(?:\s+(?:(?:and|of|for|on|the|&)\s+)*[A-Z][\w'’\-]*)*)"
)


#: Honorifics and title abbreviations: after one comes a person, not the rest of a name.
_HONORIFICS = frozenset(
    "mr mrs ms miss dr sir sen rep gov gen lt col prof sgt capt adm rev hon maj".split()
)


#: Heads of organisation names that `ORG_WORDS` lacks (``Hollywood Chamber of Commerce``).
_ORG_HEADS = frozenset({"chamber", "school", "association", "society", "league"})

def org_head_start(words: list[Token], low_words: list[str], j: int) -> Optional[int]:
    """Start of ``<Org head> of|for`` right before the name ``words[j:]``, else ``None``.

    ``the Bureau of Labor Statistics``, ``The Hollywood Chamber of Commerce``: the
    capitalised run ending in an organisation word (`ORG_WORDS`, ``Chamber``) before ``of``
    or ``for`` makes the name after it the rest of an organisation's name.
    """
    if j < 2 or low_words[j - 1] not in ("of", "for"):
        return None
    head = words[j - 2][0]
    if not is_capitalised(head) or (
        low_words[j - 2] not in ORG_WORDS and low_words[j - 2] not in _ORG_HEADS
    ):
        return None
    k = j - 2
    while k > 0 and (
        words[k - 1][0] == "." or initials(words[k - 1][0])
        or is_capitalised(words[k - 1][0]) and low_words[k - 1] not in TITLES
    ):
        k -= 1  # "U.S. Court of Appeals": initials and their dots too
    while k < j - 2 and words[k][0] == ".":
        k += 1
    return k


def org_person_role(words: list[Token], low_words: list[str]) -> bool:
    """``the Kremlin spokesman``, ``company spokeswoman``: an organisation's word before a person's role.

    True when the lower-case head is a singular role of an unnamed person
    (`ANONYMOUS_HEADS`: ``spokesman``, ``official``, ``aide``) and an organisation word
    (`ORG_WORDS`) modifies it: the speaker is a person of the organisation, not the
    organisation itself.
    """
    head = low_words[-1]
    return (
        words[-1][0][:1].islower() and head in ANONYMOUS_HEADS and head not in ORG_WORDS
        and not head.endswith("s") and any(w in ORG_WORDS for w in low_words[:-1])
    )


def general_company(words: list[Token], low_words: list[str], j: int) -> bool:
    """``General Motors``, ``General Electric``: ``General`` opening a company's name, not the title.

    True when the mention is (``the``) ``General`` and one capitalised word ``words[j]``
    that reads as no surname: a plural (``Motors``, ``Mills``, ``Dynamics``), an ``-ic``
    adjective (``Electric``) or an organisation word. ``Attorney General Lynch`` (a title
    before it) and ``General Dempsey`` are left to the person rules; the caller also
    checks the word names no person of the article (``General Petraeus``).
    """
    if j < 1 or j != len(words) - 1 or words[j - 1][0] != "General":
        return False
    if any(w != "the" for w in low_words[: j - 1]):
        return False
    low = low_words[j]
    return words[j][0][:1].isupper() and (
        low.endswith(("s", "ic")) and len(low) > 3 and not low.endswith("'s") or low in ORG_WORDS
    )


def completed_name(mention: str, name: str) -> Optional[str]:
    """The full organisation name ``mention`` writes when ``name`` is only its first word.

    ``Department`` of ``the Department of Justice`` is ``Department of Justice``. The name
    stops before a title word (``Council on American-Islamic Relations National Executive
    Director``: the council's name ends before ``National``) and at the first lower-case word;
    a title or honorific right after the preposition (``Friends of Mr. Clinton``) gives ``None``.

    Examples:
        >>> completed_name("the Department of Justice", "Department")
        'Department of Justice'
        >>> completed_name("The Committee for a Responsible Federal Budget", "Committee")
        'Committee for a Responsible Federal Budget'
        >>> completed_name("Friends of Mr. Clinton's who have seen him", "Friends") is None
        True
    """
    m = re.match(r"(?:[Tt]he\s+)?" + re.escape(name), mention)
    if m is None or " " in name or not name[:1].isupper():
        return None
    tail = _COMPLETION.match(mention, m.end())
    if tail is None:
        return None
    words = tail.group("rest").split()
    keep = 1
    for k, word in enumerate(words[1:], start=1):
        if k >= 2 and _bare(word) in TITLES and word[:1].isupper():
            break  # "... Relations National Executive Director"; not "Justice" of "of Justice"
        keep = k + 1
    while keep > 1 and not words[keep - 1][:1].isupper():
        keep -= 1  # no joining word at the end
    if keep < 2 or _bare(words[keep - 1]) in ("the", "a"):
        return None
    first = words[1] if words[1] not in ("the", "a") else words[2] if len(words) > 2 else ""
    if _bare(first) in _HONORIFICS:
        return None  # "Friends of Mr. Clinton": a person follows, not a name's rest
    return re.sub(r"['’]s$", "", f"{name} {' '.join(words[:keep])}")


def _bare(word: str) -> str:
    """A word lower case, its possessive and final dot dropped: ``Ministry's`` -> ``ministry``."""
    return re.sub(r"['’]s$", "", word.lower()).rstrip(".")


@dataclass(frozen=True)
class OrgMention:
    """One organisation name in the article.

    Attributes:
        start: Offset of the name (after a leading ``The``).
        end: Offset just past it.
        name: The name as written (``Russia's Defense Ministry``).
        head: Its head noun, lower case (``ministry``).
        words: Its words, lower case, possessives bare.
        country: The country its qualifier names (``russi``), or ``None``.
        core: The name without its qualifier, lower case (``defense ministry``).
        subject: The name opens a sentence and a verb follows it (its subject).
    """

    start: int
    end: int
    name: str
    head: str
    words: frozenset[str]
    country: Optional[str]
    core: str
    subject: bool


def _read_mention(norm: str, start: int, end: int) -> Optional[OrgMention]:
    """The organisation named by the capitalised run ``norm[start:end]``, or ``None``."""
    words = norm[start:end].split()
    while words and _bare(words[0]) in NON_NAME_CAPITALS:
        start = norm.index(words[0], start) + len(words[0])
        start += len(norm[start:end]) - len(norm[start:end].lstrip())
        words = words[1:]
    if not words:
        return None
    bare = [_bare(w) for w in words]
    if "of" in bare:
        k = bare.index("of")
        head = bare[k - 1] if k > 0 else ""
    else:
        head = bare[-1]
    if head not in ORG_WORDS and head not in COMPANY_HEADS:
        return None
    country = country_key(words[0]) if len(words) > 1 else None
    core = " ".join(bare[1:] if country else bare)
    opens = (_SENTENCE_OPEN.search(norm, max(0, start - 40), start) is not None or start == 0) and (
        _VERB_AFTER.match(norm, end) is not None  # "The GOP presidential candidate": a modifier
    )
    return OrgMention(start, end, " ".join(words), head, frozenset(bare), country, core, opens)


#: A run of word characters and hyphens: a word as `OrganisationIndex._no_company` reads it.
_WORD_RUN = re.compile(r"[\w-]+")


class OrganisationIndex:
    """The organisations one article names, their canonical names, and descriptions of them.

    Args:
        norm: The normalised article text.
        body: ``(start, end)`` spans of the article body.

    Examples:
        >>> text = "Russia's Defense Ministry said it hit 20 drones. The Defense Ministry gave no details."
        >>> index = OrganisationIndex(text, [(0, len(text))])
        >>> index.canonical("Defense Ministry"), index.describe("ministry", [], len(text), [0])
        ("Russia's Defense Ministry", "Russia's Defense Ministry")
    """

    def __init__(self, norm: str, body: list[tuple[int, int]]) -> None:
        self.norm = norm
        self.mentions: list[OrgMention] = []
        for lo, hi in body:
            for m in _NAME.finditer(norm, lo, hi):
                found = _read_mention(norm, m.start(), m.end())
                if found is not None:
                    self.mentions.append(found)
        self._starts = [m.start for m in self.mentions]
        self._canonical = self._canonical_names()

    def _canonical_names(self) -> dict[str, str]:
        """``{name as written: canonical name}``: per core, the fullest form of one country."""
        by_core: dict[str, list[OrgMention]] = {}
        for m in self.mentions:
            by_core.setdefault(m.core, []).append(m)
        out: dict[str, str] = {}
        for forms in by_core.values():
            countries = {m.country for m in forms if m.country}
            for m in forms:
                same = [f for f in forms if f.country == m.country or (not m.country and len(countries) == 1)]
                if not m.country and len(countries) > 1:
                    same = [m]  # "Defense Ministry" beside Russia's and Ukraine's: not guessed
                best = max(same, key=lambda f: (len(f.words), "'" not in f.name and "’" not in f.name, -f.start))
                out[m.name] = best.name
        return out

    def canonical(self, name: str) -> str:
        """The canonical name of an organisation name as written (itself when unknown)."""
        name = re.sub(r"^[Tt]he\s+", "", name)
        return self._canonical.get(name, name)

    def describe(
        self, head: str, modifiers: list[str], before: int, sentence_starts: list[int]
    ) -> Optional[str]:
        """The canonical organisation a description (``the ministry``) refers to, or ``None``.

        Args:
            head: The description's head noun, lower case (``ministry``, ``company``).
            modifiers: Its other words, lower case (``["defense"]``).
            before: Offset of the description: organisations named before it count.
            sentence_starts: Sorted sentence start offsets of the article.
        """
        if head not in DESCRIPTION_HEADS:
            return None
        found = [m for m in self.mentions[: bisect.bisect_left(self._starts, before)] if _compatible(m, head, modifiers)]
        if not found:
            return None
        names = {self._canonical[m.name] for m in found}
        last = found[-1]
        k = bisect.bisect_right(sentence_starts, before) - 1
        window = sentence_starts[max(0, k - 2)] if sentence_starts else 0
        near = {self._canonical[m.name] for m in found if m.start >= window}
        if len(near) > 1 or not near and len(names) > 1:
            return None  # two ministries named just before: not guessed
        if head in _NEAR_ONLY_HEADS and (not near or _introduces(self.norm, head, last.end, before)):
            return None  # "the group" far from its name, or after "the trade group for ..."
        if head == "agency" and any(
            m.group() not in near for m in _ACRONYM.finditer(self.norm, window, before)
        ):
            return None  # "data from the EPA. The agency lists": an agency the index does not hold
        return self._canonical[last.name]

    def speaker_for(
        self,
        np: NounPhrase,
        words: list[Token],
        low: list[str],
        mention: str,
        sentence_starts: list[int],
        is_person: Optional[Callable[[str], bool]] = None,
    ) -> Optional[Speaker]:
        """``the ministry``, ``the company``: the organisation the article named for it, else ``None``.

        Only a description in lower case (country adjectives aside: ``the Russian
        ministry``) is read; the organisation is chosen by `describe`. The
        description becomes the speaker's role.

        Args:
            np: The mention.
            words: Its tokens.
            low: Its tokens, lower case, possessives bare (``low[0]`` is ``the``).
            mention: Its original text.
            sentence_starts: Sorted sentence start offsets of the article.
            is_person: Tells a person's name; with it, ``the company`` may also refer to a
                name with no company word (`bare_company`).
        """
        head = low[-1]
        if head not in DESCRIPTION_HEADS or len(low) > 5:
            return None
        if any(is_capitalised(w[0]) and country_key(w[0]) is None for w in words[1:]):
            return None  # "the Defense Ministry": a name, not a description
        target = self.describe(head, low[1:-1], np.start, sentence_starts)
        if target is None and head in ("company", "firm") and is_person is not None:
            target = self.bare_company(np.start, sentence_starts, is_person)  # "Twitter ... the company"
        if target is None:
            return None
        role = re.sub(r"^(?:the)\s+", "", mention, flags=re.I)
        return Speaker(
            name=target, mention=mention, start=np.start, end=np.end, type=SpeakerType.ORGANIZATION, role=role
        )

    def bare_company(
        self, before: int, sentence_starts: list[int], is_person: Callable[[str], bool]
    ) -> Optional[str]:
        """The one name ``the company`` at ``before`` can refer to when no company word marks it.

        ``Twitter said ... The company said``: in the description's sentence and the two
        before it, exactly one capitalised name (outside quotes' openers: not a person,
        place, nationality, day or month, nor a common word opening a sentence: `_no_company`)
        that the article writes at least twice.
        Another candidate there, or an organisation of another kind, leaves it unresolved.
        """
        k = bisect.bisect_right(sentence_starts, before) - 1
        lo = sentence_starts[max(0, k - 2)] if sentence_starts else 0
        found: set[str] = set()
        for m in _NAME.finditer(self.norm, lo, before):
            words = m.group().split()
            while words and _bare(words[0]) in NON_NAME_CAPITALS and _bare(words[0]) != "new":
                words = words[1:]  # "The", "But", "Late": not part of a name ("New York" is)
            if not words:
                continue
            name = re.sub(r"['’]s?$", "", " ".join(words))
            if is_person(name) or self._no_company(name):
                continue
            found.add(name)
            if len(found) > 1:
                return None
        if len(found) != 1:
            return None
        name = found.pop()
        return name if len(re.findall(rf"\b{re.escape(name)}\b", self.norm)) >= 2 else None

    def _no_company(self, name: str) -> bool:
        """``name`` is a place, nationality, day or month, or a common word opening a sentence.

        ``Missouri``, ``Tuesday``; ``Workers`` where the article also writes ``workers``.
        """
        low = _bare(name)
        if low in PLACES or low in DEMONYMS or low in WEEKDAYS or low in MONTHS:
            return True
        if country_key(name.split()[0]) or place_name(name):
            return True
        if " " in name:
            return False
        if _WORD_RUN.fullmatch(low):  # "workers" beside "Workers": a word the article writes
            return low in self._word_runs
        return re.search(rf"(?<![\w-]){re.escape(low)}(?![\w-])", self.norm) is not None

    @functools.cached_property
    def _word_runs(self) -> frozenset[str]:
        """The article's runs of word characters and hyphens, read once (`_no_company`)."""
        return frozenset(_WORD_RUN.findall(self.norm))

    def last_subject(self, before: int, after: int) -> Optional[tuple[int, str]]:
        """``(offset, canonical name)`` of the last organisation opening a sentence in ``[after, before)``."""
        for m in reversed(self.mentions[: bisect.bisect_left(self._starts, before)]):
            if m.start < after:
                return None
            if m.subject:
                return m.start, self._canonical[m.name]
        return None


def _introduces(norm: str, head: str, lo: int, hi: int) -> bool:
    """``norm[lo:hi]`` introduces another organisation by ``head`` (``a rights group``, ``the group for``)."""
    pattern = rf"\b(?:(?:an?|one|another)\s+(?:[\w'’\-]+\s+){{0,3}}{head}s?\b|{head}s?\s+(?:for|of|that|which)\b)"
    return re.search(pattern, norm[lo:hi], flags=re.I) is not None


def _compatible(m: OrgMention, head: str, modifiers: list[str]) -> bool:
    """The organisation ``m`` can be what a description with ``head`` and ``modifiers`` names."""
    if head in ("company", "firm"):
        fits = m.head in COMPANY_HEADS
    elif head in ("group", "organization", "organisation"):
        fits = m.head in GROUP_NAME_HEADS
    elif head == "agency":
        fits = m.head in _AGENCY_HEADS  # "the State Department ... said the agency"
    else:
        fits = m.head == head or m.head.rstrip("s") == head.rstrip("s")
    if not fits:
        return False
    for word in modifiers:
        country = country_key(word)
        if word in m.words or (country is not None and country == m.country):
            continue
        return False
    return True
