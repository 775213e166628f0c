"""Speakers: reading the noun phrase that names a source, typing it, and resolving it.

A :class:`SpeakerResolver` is built once per article. It indexes the person names
the article uses (``Dmitry Peskov``) and the roles it gives them (``Kremlin
spokesman``), then turns a mention at a quote (``Peskov``, ``he``, ``the
Kremlin``, ``a senior official``) into a :class:`~quotes.models.Speaker` with a
canonical name, a type and a role. It never guesses: a pronoun with no earlier
person resolves to nothing.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Optional

from quotes.lexicon import (
    ANONYMOUS_HEADS,
    DEMONYMS,
    GROUP_HEADS,
    NON_NAME_CAPITALS,
    ORG_WORDS,
    PLACES,
    PRONOUNS,
    TITLES,
    WEEKDAYS,
    initials,
    place_name,
    source_words,
)
from quotes._gender import Gender, gender_of, honorific_gender
from quotes._speaker_names import coordinated_parts, short_forms
from quotes.models import Speaker, SpeakerType

__all__ = ["NounPhrase", "SpeakerResolver", "TOKEN_RE", "scan_left", "scan_right", "tokens"]

#: Tokens: words (with inner ``'``, ``-``, ``.``) or single punctuation characters.
TOKEN_RE = re.compile(r"\w+(?:[-'.]\w+)*|[^\w\s]")

_DETERMINERS = frozenset({"the", "a", "an", "another", "one", "two", "three", "several", "some"})
_INDEFINITE = frozenset({"a", "an", "another", "one"})
#: Quantifiers and possessive determiners that open a common-noun phrase (``many analysts``).
_QUANTIFIERS = frozenset(
    "many most other few both all these those each every his her their its our my your".split()
)
_FUNCTION = frozenset(
    """who which that and or in for to at on from by with as is was has have had were be been
    it you whose like than about more this their him all including now last but not so if when
    while also are its his her them they we i he she told said says say after before during
    there where what how why both those these such other others into over under new first his""".split()
)
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "."})
_ABBREV_TITLES = frozenset({"gov", "sen", "rep", "gen", "lt", "col", "dr", "mr", "mrs", "ms", "st", "prof", "sgt", "capt", "adm", "u.s", "u.k", "jr", "sr"})


#: Nouns among ``NON_NAME_CAPITALS`` that modify a lower-case compound (``Law enforcement``).
_NOUN_CAPITALS = frozenset(
    """law war sea hall square street river lake mountain island bridge palace church airport station
    region district city county state states world union""".split()
)


def _initial(tok: str) -> bool:
    """A middle initial (``C`` of ``Elaine C. Kamarck``)."""
    return len(tok) == 1 and tok.isupper()


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def _bare(tok: str) -> str:
    """Lower-case a token and drop a possessive ``'s``."""
    low = tok.lower()
    return low[:-2] if low.endswith("'s") else low.rstrip("'")


#: First names that are also capitalised common words (``Bill`` of ``Bill Clinton``).
_GIVEN_NAMES = frozenset({"bill", "may", "june", "april", "august"})


def _given_name(words: list, k: int) -> bool:
    """Token ``k`` of ``words`` (``(text, start, end)``) is a first name before a name."""
    return (
        words[k][0].lower() in _GIVEN_NAMES and words[k][0][:1].isupper()
        and k + 1 < len(words) and _name_like(words[k + 1][0])
    )


#: Number words, capitalised at a sentence start (``Six Trump supporters``).
_NUMBERS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve dozens hundreds".split()
)

#: First names that are also common words written in lower case elsewhere.
_FIRST_NAME_WORDS = frozenset("will mark rose hope grant pat rob sue guy chase joy faith dawn summer frank jack ray earl dean".split())

#: Capitalised words opening a sentence or headline that never start a name.
_NOT_NAME_OPENERS = frozenset(
    "did does do is was has had will would could should can be maybe perhaps certainly clearly using rival".split()
)

#: Finite verbs, modals and adverbs that end a subject read too far
#: (``CNN reported``, ``the campaign sent out``, ``The Atlantic recently``).
_PREDICATE_WORDS = frozenset(
    """said say reported responded responds sent sends gave gives put puts took takes
    told tells wrote writes added adds avoids would will could can should might must just also
    still long has have had is was are were planted published won""".split()
)

#: Verbs of saying that open a sentence before a name (``Said Comey, “…”``).
_CUE_CAPITALS = frozenset("said says added continued stated asked wrote replied explained noted".split())


def _after_honorific(words: list, k: int) -> bool:
    """Token ``k`` is the last one and follows ``Mr.``/``Ms.``: a surname (``Mr. Prince``)."""
    if k != len(words) - 1 or not words[k][0][:1].isupper() or k < 1:
        return False
    prev = [w[0].lower() for w in words[max(0, k - 2):k] if w[0] != "."]
    return bool(prev) and prev[-1] in ("mr", "mrs", "ms", "dr")


def _name_like(tok: str) -> bool:
    """A capitalised token that can be part of a person's name."""
    if not _is_cap(tok) or not tok[0].isalpha():
        return False
    low = tok.lower()
    if low.endswith("'s"):
        return False
    if len(tok) > 1 and tok.isupper() and len(tok) <= 5:
        return False  # acronyms: KCNA, GUR, US
    return not (
        low in TITLES or low in NON_NAME_CAPITALS or low in _CUE_CAPITALS
        or (low in ORG_WORDS and len(low) > 3)
        or (low in PLACES and len(low) > 3)
        or (low in DEMONYMS and len(low) > 3) or low in PRONOUNS or _plural_group(low)
    )


def _plural_group(low: str) -> bool:
    """``Republicans``, ``Democrats``, ``Ukrainians``: a plural that names a group."""
    return low in GROUP_HEADS or (low.endswith("s") and len(low) > 4 and low[:-1] in DEMONYMS)


def _plural_org(low: str) -> bool:
    """``agencies``, ``organizations``, ``ministries``: the plural of an organisation word."""
    if not low.endswith("s") or low.endswith("ss") or low in ORG_WORDS:
        return False
    return (low[:-3] + "y" if low.endswith("ies") else low[:-1]) in ORG_WORDS


#: Capitalised words that open an adverbial, never a subject (``Outside, protesters…``).
_ADVERBIAL_OPENERS = frozenset(
    """outside amid amidst once whenever perhaps maybe absent contrary despite although though
    unless whether because since until upon unlike besides beyond throughout meanwhile instead
    indeed hopefully ironically wow""".split()
)
_TIME_WORDS = frozenset(
    """minute minutes hour hours day days week weeks month months year years decade decades
    moment moments past morning afternoon evening night weekend""".split()
)


def not_a_speaker(mention: str) -> bool:
    """A mention that names a time or opens an adverbial, so nobody: ``Hours``, ``A few minutes``,
    ``the past``, ``One Sunday``, ``1977``, ``Outside``, ``Amid``.

    >>> not_a_speaker("A few minutes"), not_a_speaker("Outside"), not_a_speaker("60 Minutes")
    (True, True, False)
    """
    words = re.findall(r"[\w'’\-]+", mention)
    if not words:
        return False
    first, last = words[0], words[-1]
    if first.lower() in _ADVERBIAL_OPENERS and (
        len(words) == 1 or words[1].lower() in ("the", "a", "an", "his", "her", "their", "its", "most", "of")
    ):
        return True  # "Outside", "Perhaps most"; but "Outside experts" are people
    if re.fullmatch(r"(?:1[89]|20)\d\d", mention.strip()):
        return True  # a year
    if "," in mention or len(words) > 4:
        return False  # "Kim, who was traveling this week": a clause after the name
    if last.lower() in _TIME_WORDS and (last.islower() or len(words) == 1):
        return True  # "a couple of years", "the past", "Hours"
    return last.lower() in WEEKDAYS and len(words) == 2 and first.lower() in (
        "one", "last", "that", "this", "next", "every", "on", "by"
    )


@dataclass(frozen=True)
class NounPhrase:
    """A noun phrase found next to a cue, as offsets into the article text."""

    start: int
    end: int
    text: str


_POSSESSIVES = frozenset({"his", "her", "their", "its", "our", "my"})


_COMPASS = frozenset({"north", "south", "east", "west"})
_NOT_PERSON_ER = frozenset("letter order paper number center centre matter chapter cover border banner poster flyer".split())


def _person_noun(word: str) -> bool:
    """``prosecutor``, ``activist``, ``businessman``: a noun for a person by its ending."""
    if word in _NOT_PERSON_ER:
        return False
    return word.endswith(("or", "er", "ist", "man", "woman", "ian", "ant", "ent", "ee"))


def _compound_modifier(tok: str, head: str) -> bool:
    """``campaign`` of ``campaign manager``: a lower-case noun before a role word."""
    low = tok.lower()
    return (
        tok[:1].islower() and tok.replace("-", "").isalpha() and low not in _FUNCTION
        and low not in _DETERMINERS and not low.endswith(("ly", "ing", "ed")) and head[:1].islower()
        and (head in TITLES or head in source_words()) and head not in _FUNCTION
    )


def tokens(s: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    """Tokens of ``s[lo:hi]`` as ``(text, start, end)`` with offsets into ``s``."""
    return [(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(s, lo, hi)]


def _np_token(tok: str, all_caps: bool) -> bool:
    low = _bare(tok)
    if low in _FUNCTION and low not in _DETERMINERS:
        return False
    if _is_cap(tok) and tok[0].isalpha():
        return not all_caps or low not in NON_NAME_CAPITALS
    if tok.isdigit() or low in _DETERMINERS:
        return True
    return low in source_words() or low in TITLES or low in GROUP_HEADS or low in ORG_WORDS


def scan_left(s: str, lo: int, hi: int, *, max_tokens: int = 9) -> Optional[NounPhrase]:
    """Read the noun phrase that ends at ``hi`` (the subject before a cue).

    Args:
        s: Normalised article text.
        lo: Do not read before this offset (clause start).
        hi: End of the phrase (the cue's start, auxiliaries already skipped).
        max_tokens: Longest phrase.

    Returns:
        The phrase, or ``None`` when the words before ``hi`` are not a noun phrase.
    """
    toks = tokens(s, lo, hi)
    if not toks:
        return None
    all_caps = s[lo:hi].isupper()
    last = toks[-1]
    if _bare(last[0]) in PRONOUNS:
        return NounPhrase(last[1], last[2], last[0])
    chosen: list[tuple[str, int, int]] = []
    i = len(toks) - 1
    while i >= 0 and len(chosen) < max_tokens:
        tok = toks[i][0]
        low = _bare(tok)
        if tok == "." and i > 0 and (
            toks[i - 1][0].lower() in _ABBREV_TITLES or _initial(toks[i - 1][0])
            or initials(toks[i - 1][0]) and chosen and _name_like(chosen[-1][0])
        ) and toks[i - 1][2] == toks[i][1]:
            chosen.append(toks[i])
            i -= 1
            continue
        if tok == "and" and chosen and i > 0 and _is_cap(chosen[-1][0]) and _is_cap(toks[i - 1][0]) and not all_caps:
            chosen.append(toks[i])
            i -= 1
            continue
        if tok == "of" and chosen and i > 0 and _np_token(toks[i - 1][0], all_caps):
            chosen.append(toks[i])
            i -= 1
            continue
        if tok in ("-", "&"):
            if chosen and i > 0 and toks[i - 1][2] == toks[i][1]:
                chosen.append(toks[i])
                i -= 1
                continue
            break
        if tok == "New" and chosen and _is_cap(chosen[-1][0]) and not all_caps:
            chosen.append(toks[i])  # "New York Mayor Bill de Blasio"
            i -= 1
            continue
        if _compound_modifier(tok, chosen[-1][0] if chosen else "") and not all_caps:
            chosen.append(toks[i])  # "Sanders campaign manager Jeff Weaver"
            i -= 1
            continue
        if chosen and low in _QUANTIFIERS and chosen[-1][0][:1].islower() and not all_caps:
            chosen.append(toks[i])  # "many analysts", "her campaign", "other party leaders"
            break
        if not tok[0].isalnum() or not _np_token(tok, all_caps):
            # "the transport ministry": an unknown modifier right after a determiner.
            if (
                tok[0].isalpha() and chosen and len(chosen) <= 3 and i > 0
                and toks[i - 1][0].lower() in ("the", "a", "an") and low not in _FUNCTION
            ):
                chosen.append(toks[i])
                i -= 1
                continue
            break
        if _bare(tok) in PRONOUNS:
            break
        chosen.append(toks[i])
        i -= 1
        if low in _DETERMINERS and not tok.isdigit() and not (
            _initial(tok) and len(chosen) > 1 and chosen[-2][0] == "." and chosen[-2][1] == toks[i + 1][2]
        ):  # "James A. Lewis": an initial, not the article "a"
            break
    while chosen and (chosen[-1][0] == "of" or chosen[-1][0] == "."):
        chosen.pop()
    # Drop sentence adverbs picked up at the start: "But", "Meanwhile", "Asked".
    while chosen and (
        chosen[-1][0] in ("of", ".")
        or (
            _bare(chosen[-1][0]) in NON_NAME_CAPITALS
            and not (len(chosen) > 1 and _given_name([chosen[-1], chosen[-2]], 0))
            and not (chosen[-1][0] == "New" and len(chosen) > 1 and _is_cap(chosen[-2][0]))
            and _bare(chosen[-1][0]) not in _DETERMINERS
            and chosen[-1][0].lower() not in _ABBREV_TITLES
            and not (  # "Law enforcement officials", "City council members": a noun modifier
                _bare(chosen[-1][0]) in _NOUN_CAPITALS and len(chosen) > 1
                and chosen[-2][0].isalpha() and chosen[-2][0].islower()
            )
            and not (  # "many analysts", "her campaign": a quantifier opens the phrase
                _bare(chosen[-1][0]) in _QUANTIFIERS and len(chosen) > 1 and chosen[-2][0][:1].islower()
            )
        )
    ):
        chosen.pop()
    if not chosen:
        return None
    chosen.reverse()
    if all(_bare(t[0]) in _DETERMINERS for t in chosen):
        return None
    start, end = chosen[0][1], chosen[-1][2]
    return NounPhrase(start, end, s[start:end])


def scan_right(s: str, lo: int, hi: int, *, max_tokens: int = 9) -> Optional[NounPhrase]:
    """Read the noun phrase that starts at ``lo`` (the speaker after an inverted cue)."""
    toks = tokens(s, lo, hi)
    if not toks:
        return None
    all_caps = s[lo:hi].isupper()
    first = toks[0][0]
    if first.lower() in _POSSESSIVES and len(toks) > 1 and toks[1][0][:1].isalpha() and (
        _np_token(toks[1][0], all_caps) or _compound_modifier(toks[1][0], toks[2][0] if len(toks) > 2 else "")
    ):
        # "added his campaign manager Jeff Weaver": the possessive opens the phrase.
        rest = scan_right(s, toks[1][1], hi, max_tokens=max_tokens)
        if rest is not None and rest.start == toks[1][1]:
            return NounPhrase(toks[0][1], rest.end, s[toks[0][1]:rest.end])
    if _bare(first) in PRONOUNS:
        return NounPhrase(toks[0][1], toks[0][2], first)
    chosen: list[tuple[str, int, int]] = []
    for idx, (tok, a, b) in enumerate(toks[:max_tokens]):
        if tok == "." and chosen and (
            chosen[-1][0].lower() in _ABBREV_TITLES or _initial(chosen[-1][0])
        ) and chosen[-1][2] == a:
            chosen.append((tok, a, b))
            continue
        if tok == "of" and chosen and idx + 1 < len(toks) and _np_token(toks[idx + 1][0], all_caps):
            chosen.append((tok, a, b))
            continue
        if tok == "New" and idx + 1 < len(toks) and _is_cap(toks[idx + 1][0]) and not all_caps:
            chosen.append((tok, a, b))  # "one New Hampshire Democrat"
            continue
        if chosen and idx + 1 < len(toks) and _compound_modifier(tok, toks[idx + 1][0]) and not all_caps:
            chosen.append((tok, a, b))  # "said Clinton campaign chairman John Podesta"
            continue
        if not tok[0].isalnum() or not _np_token(tok, all_caps) or _bare(tok) in PRONOUNS:
            break
        if chosen and _bare(tok) in _DETERMINERS:
            break
        chosen.append((tok, a, b))
    while chosen and chosen[-1][0] in ("of", "."):
        chosen.pop()
    if not chosen or all(_bare(t[0]) in _DETERMINERS for t in chosen):
        return None
    start, end = chosen[0][1], chosen[-1][2]
    return NounPhrase(start, end, s[start:end])


#: Country names with ``and`` in them (``Bosnia and Herzegovina``): one place, no list.
_AND_COUNTRY = re.compile(
    r"\b(?:Bosnia and Herzegovina|Trinidad and Tobago|Antigua and Barbuda|"
    r"Saint Kitts and Nevis|St\. Kitts and Nevis|Saint Vincent and the Grenadines|"
    r"Sao Tome and Principe|São Tomé and Príncipe|Heard Island and McDonald Islands|"
    r"Turks and Caicos|Saint Pierre and Miquelon|Wallis and Futuna)\b"
)

#: Text between two coordinated names: ``and``, maybe titles (``Trump and Sen. Ted Cruz``).
_JOINED = re.compile(r",?\s+and\s+(?:(?:[A-Z][\w'\-]*\.?|[a-z]+)\s+){0,3}")

#: What may open a sentence before its subject (``But``, ``Both``, a title, a quote mark).
_OPENER = re.compile(
    r"[\s\"'“‘(]*(?:(?:But|And|Both|So|Then|Later|Together|[A-Z][a-z]{1,4}\.)\s+)*"
)

#: Abbreviated titles and the role nouns they stand for (``Sen.`` is ``the senator``).
_TITLE_ABBREVIATIONS = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
    "pres": "president", "sec": "secretary", "prof": "professor", "lt": "lieutenant",
    "col": "colonel", "sgt": "sergeant", "capt": "captain", "adm": "admiral",
}
#: Words of ``TITLES`` that modify a role or are honorifics, never a description's head.
_NOT_ROLE_HEADS = frozenset(
    """mr mrs ms miss dr sir lord dame lady vice foreign defense defence deputy acting regional
    former first state national security council press senior top presidential republican
    democratic democrat interior economy finance army navy air major crown staff prime head
    assistant presidents spokesmen official's .""".split()
)
#: The gender each personal pronoun refers to.
_PRONOUN_GENDER: dict[str, Gender] = {"he": "male", "him": "male", "she": "female", "her": "female"}
#: Words that rank a role noun (``Vice President`` is no ``president``).
_RANKS = frozenset("vice deputy assistant acting associate lieutenant under former ex co".split())
#: Words after a role noun that end the role's head (``spokesman for the ministry``).
_ROLE_TAIL = frozenset("for at to with in on from".split())


def _role_matches(role: str, head: str, modifiers: set[str]) -> bool:
    """``role`` (``Kremlin spokesman``) has ``head`` (``spokesman``) as its head noun, and
    its words include every one of ``modifiers`` (``{"kremlin"}``).

    >>> _role_matches("Kremlin spokesman", "spokesman", set())
    True
    >>> _role_matches("Sen.", "senator", set())
    True
    >>> _role_matches("Kremlin spokesman", "spokesman", {"army"})
    False
    >>> _role_matches("Vice President", "president", set())
    False
    >>> _role_matches("President", "president", {"former"})
    False
    >>> _role_matches("Secretary of State", "secretary", set())
    False
    """
    words: list[str] = []
    for tok in TOKEN_RE.findall(role):
        low = _bare(tok)
        if low == "of":
            return False  # "Secretary of State": a title with a tail the description lacks
        if low in _ROLE_TAIL or low == ",":
            break
        if tok != ".":
            words.append(_TITLE_ABBREVIATIONS.get(low, low))
    if not words or words[-1] != head:
        return False
    if len(words) > 1 and words[-2] in _RANKS and words[-2] not in modifiers:
        return False
    return modifiers <= set(words)


_ABBR_DOT = r"(?:(?<=\b[A-Z])|(?<=\b(?:Mr|Dr|Ms|St|Lt|Jr|Sr))|(?<=\b(?:Gov|Sen|Rep|Gen|Col|Mrs|Sgt))|(?<=\bCapt))\."
_CAP_RUN = re.compile(
    r"(?:(?:[A-Z]\.[A-Z](?:\.[A-Z])?\.|[A-Z][\w'\-]*(?:" + _ABBR_DOT + r")?)\s+(?:(?:de|van|von|al|bin|da|der|la|le)\s+)?)*"
    r"[A-Z][\w'\-]*"
)


_APPOS_AFTER = re.compile(r",\s+((?:the\s+|a\s+|an\s+)?[\w'\- ]{3,60}?),")
_APPOS_BEFORE = re.compile(r"(?:^|[.;:]\s+|\n)((?:[A-Z][\w']*\s+)?[\w'\- ]{3,60}?),\s+")
_INSIDE_ORG = re.compile(r"\b[A-Z][\w'\-]*\s+(?:for|of|on)\s+(?:the\s+)?$")
_HE_SHE = re.compile(r"\b(?:[Hh]e|[Ss]he|HE|SHE)\b")


class SpeakerResolver:
    """Resolves speaker mentions of one article to canonical speakers.

    Args:
        text: The original article text.
        norm: Its normalised form (:func:`quotes.marks.normalize`).
        body: ``(start, end)`` spans of the article body; names are indexed there.
    """

    def __init__(self, text: str, norm: str, body: list[tuple[int, int]]) -> None:
        self.text = text
        self.norm = norm
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
        self._lower_words = set(re.findall(r"(?<![A-Za-z.'/@#\-])[a-z][a-z\-]+(?![a-z\-]|\.[a-z])", norm))  # common words
        names: list[tuple[int, int, str, Optional[str]]] = []
        for lo, hi in body:
            for m in _CAP_RUN.finditer(norm, lo, hi):
                found = self._split_name(m.start(), m.end())
                if found:
                    names.append(found)
        names = self._clean_names(names)
        # Fullest forms first so that single tokens map to the longest name; a token
        # is a surname before it is a first name ("Trump" is Donald Trump, not the
        # "Trump Tower Grill" a later sentence mentions).
        # A short form shared by different people maps to itself (quotes._speaker_names).
        ordered = sorted(names, key=lambda n: -len(n[2].split()))
        self.full_names = short_forms(
            [n[2] for n in ordered if len(n[2].split()) >= 2], common=self._not_first_name
        )
        for _a, _b, name, role in ordered:
            if role and len(name.split()) >= 2:
                self.roles.setdefault(name, role)
        for a, b, name, _role in names:
            if len(name.split()) >= 2 and name not in self.roles:
                role = self._appositive_role(a, b)
                if role:
                    self.roles[name] = role
        for a, b, name, role in names:
            if _INSIDE_ORG.search(norm, max(0, a - 40), a):
                continue  # "Center for Responsive Politics": the tail of a longer name
            canonical = self._canonical_person(name)
            if not canonical:
                continue
            hon = honorific_gender(role.split()) if role else None
            if canonical != name and hon and self._base_gender(canonical) not in (None, hon):
                canonical = name  # "Mrs. Clinton" is not Bill Clinton
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

    def _split_name(self, a: int, b: int) -> Optional[tuple[int, int, str, Optional[str]]]:
        """Split a capitalised run into (role, name); return the name if it is a person's."""
        toks = tokens(self.norm, a, b)
        words = [t for t in toks if t[0] != "."]
        if all(w[0].isupper() for w in words):
            return None  # an all-caps run: shouting, not a name
        if words and words[-1][0].endswith("'s"):
            tok, a, b = words[-1]
            words[-1] = (tok[:-2], a, b - 2)
        j = len(words)
        while j > 0 and (
            _name_like(words[j - 1][0]) or _given_name(words, j - 1)
            or initials(words[j - 1][0]) and j < len(words) and _name_like(words[j][0])  # "J.M. Berger"
        ):
            j -= 1
        name_toks = words[j:]
        if not name_toks:
            return None
        titled = j > 0 and _bare(words[j - 1][0]) in TITLES
        if len(name_toks) == 1 and titled:
            self._titled.add(name_toks[0][0])
        start, end = name_toks[0][1], name_toks[-1][2]
        name = self.text[start:end]
        role = None
        # Role words right before the name: "Kremlin spokesman", "Russian President".
        role_start = self._role_start(words[0][1], start)
        if role_start is not None:
            role = self.text[role_start:start].strip().rstrip(",")
        return (start, end, name, role)

    def _clean_names(
        self, names: list[tuple[int, int, str, Optional[str]]]
    ) -> list[tuple[int, int, str, Optional[str]]]:
        """Drop a leading word that is not part of the name from runs of three or more.

        ``Rival Hillary Clinton``, ``Actress Rosario Dawson``, ``Maybe Donald Trump``:
        a capitalised word opening a sentence or headline before a full name. The
        word goes when the rest is a name the article uses on its own, or when the
        article writes the word in lower case elsewhere (a common word).
        """
        found = {n[2] for n in names}
        lower_words = self._lower_words
        surnames = {n.split()[-1] for n in found if len(n.split()) >= 2 and n.split()[0].lower() != "will"}
        out = []
        for a, b, name, role in names:
            parts = name.split()
            while len(parts) >= 2 and not _initial(parts[0].rstrip(".")):
                first = parts[0]
                rest = name[len(first):].lstrip()
                common = (
                    (first.lower() in lower_words or first.lower() in source_words() or first.lower() in TITLES)
                    and first.lower() not in _GIVEN_NAMES and first.lower() not in _FIRST_NAME_WORDS
                )  # "Comedian Sarah Silverman", "Counsel W. Neil Eggleston"
                opener = first.lower() in _NOT_NAME_OPENERS and (
                    first.lower() != "will" or rest in surnames
                )  # "Will Sanders win?" but "Will Doyle" is a name
                if opener or len(parts) >= 3 and (
                    (rest in found and not _initial(parts[1].rstrip("."))) or common
                ):
                    a = a + len(name) - len(rest)
                    name, parts = rest, parts[1:]
                    continue
                break
            if any(p.lower() in _NOT_NAME_OPENERS for p in parts[1:]):
                continue  # a headline clause ("Will Twitter Be Next"), not a name
            out.append((a, b, name, role))
        return out

    def _appositive_role(self, a: int, b: int) -> Optional[str]:
        """``Yermak, Zelenskyy's chief of staff,`` or ``Zelenskyy's chief of staff, Andriy Yermak,``."""
        after = _APPOS_AFTER.match(self.norm, b)
        if after and any(_bare(w) in TITLES for w in after.group(1).split()):
            return re.sub(r"^(?:the|a|an)\s+", "", self.text[after.start(1):after.end(1)], flags=re.I)
        before = _APPOS_BEFORE.search(self.norm, max(0, a - 80), a)
        if before and before.end() == a:
            words = before.group(1).split()
            if any(_bare(w) in TITLES for w in words) and self.norm[b:b + 1] == ",":
                return re.sub(r"^(?:the|a|an)\s+", "", self.text[before.start(1):before.end(1)], flags=re.I)
        return None

    def _role_start(self, run_start: int, name_start: int) -> Optional[int]:
        """Start of a role phrase before a name; lower-case title words count too."""
        lo = max(0, run_start - 60, self.norm.rfind("\n", 0, name_start) + 1)
        toks = tokens(self.norm, lo, name_start)
        start = None
        has_title = False
        for tok, a, _b in reversed(toks):
            low = _bare(tok)
            if tok == "." or tok == "'":
                continue
            if low in _DETERMINERS or not tok[0].isalnum():
                break
            if low == "of" and start is not None:
                continue
            if low in TITLES:
                has_title = True
            elif not _is_cap(tok) or low in _FUNCTION or low in NON_NAME_CAPITALS:
                break
            start = a
        return start if has_title else None

    def _canonical_person(self, name: str) -> Optional[str]:
        parts = name.split()
        if len(parts) >= 2:
            return name
        return self.full_names.get(name) or (name if name in self._titled else None)

    def _base_gender(self, canonical: str) -> Optional[Gender]:
        """Gender from the name's first given name and its role (``Kremlin spokesman``)."""
        return gender_of(canonical, role=self.roles.get(canonical))

    def _person_gender(self, canonical: str) -> Optional[Gender]:
        """Gender of a person of the article, from all it says of them; ``None`` if unclear.

        The first given name, the role and the titles written before any of the
        person's mentions (``Ms. Vasquez``) must agree.
        """
        if canonical not in self._genders:
            evidence = {self._base_gender(canonical), *self._hon_genders.get(canonical, ())}
            evidence.discard(None)
            self._genders[canonical] = evidence.pop() if len(evidence) == 1 else None
        return self._genders[canonical]

    def _speaker_gender(self, sp: Speaker) -> Optional[Gender]:
        """Gender of a resolved speaker: the person's and that of its own mention and role.

        A speaker found for ``she``/``her`` is taken as a woman, for ``he``/``him`` as a man.
        """
        said = _PRONOUN_GENDER.get(sp.mention.lower())
        evidence = {self._person_gender(sp.name), gender_of(sp.name, sp.mention, sp.role), said}
        evidence.discard(None)
        return evidence.pop() if len(evidence) == 1 else None

    # -- speakers ----------------------------------------------------------------------

    def named_people(self, speaker: Speaker) -> bool:
        """The group ``speaker`` is named people joined by ``and`` (``Trump and Ryan``)."""
        return speaker.type is SpeakerType.GROUP and speaker.name in self._listed

    def record(self, offset: int, speaker: Speaker) -> None:
        """Remember a resolved speaker at ``offset`` (for later pronouns)."""
        bisect.insort(self._speakers, (offset, speaker), key=lambda x: x[0])

    def resolve(
        self,
        np: NounPhrase,
        *,
        at: int,
        sentence_starts: list[int],
        exclude: list[tuple[int, int]] = (),  # type: ignore[assignment]
    ) -> Optional[Speaker]:
        """Turn a noun phrase into a :class:`Speaker`, or ``None`` if it cannot be resolved.

        Args:
            np: The mention.
            at: Offset of the quote (pronouns look for people before it).
            sentence_starts: Sorted sentence start offsets of the article.
            exclude: Spans (quotes) whose names must not serve as antecedents.
        """
        words = [t for t in tokens(self.norm, np.start, np.end)]
        if not words:
            return None
        low_words = [_bare(w[0]) for w in words]
        mention = self.text[np.start:np.end]
        cut = next(
            (k for k in range(1, len(words)) if words[k][0] in _PREDICATE_WORDS or (
                words[k][0].islower() and words[k][0].endswith("ly") and len(words[k][0]) > 4
                and low_words[k] not in source_words()
            )),
            None,
        )
        if cut is not None and (
            any(w in ("who", "that", "which", "whose") for w in low_words[:cut])
            or all(w in _DETERMINERS or w in _POSSESSIVES for w in low_words[:cut])
            or (cut + 1 < len(words) and low_words[cut + 1] in ("by", "previously"))
        ):
            cut = None  # a relative clause or a passive participle ("polls reported by CNN")
        if cut is not None:
            # "CNN reported", "the Sanders campaign responded Friday": a verb read
            # into the phrase; the speaker is the phrase before it.
            head = NounPhrase(np.start, words[cut - 1][2], self.norm[np.start:words[cut - 1][2]])
            sp = self.resolve(head, at=at, sentence_starts=sentence_starts, exclude=exclude)
            return sp  # the mention ends before the verb, as the Source does
        if len(words) == 1 and low_words[0] in PRONOUNS:
            return self._resolve_pronoun(np, low_words[0], at, sentence_starts, exclude)
        if "and" in low_words or "&" in low_words:
            listed = self._coordination(
                np, words, mention, at=at, sentence_starts=sentence_starts, exclude=exclude
            )
            if listed is not None:
                return listed
        # "Scott Hawkins of Cheyenne": the person is named before "of".
        if "of" in low_words[1:] and _is_cap(words[0][0]):
            k = low_words.index("of", 1)
            head_words = [t for t in words[:k] if t[0] != "."]
            if head_words and all(_name_like(t[0]) or _bare(t[0]) in TITLES for t in head_words) and _name_like(head_words[-1][0]):
                words = words[:k]
                low_words = low_words[:k]
        # Person: trailing name tokens.
        j = len(words)
        while j > 0 and (
            _name_like(words[j - 1][0]) or words[j - 1][0] == "." or _given_name(words, j - 1)
            or _initial(words[j - 1][0]) and j < len(words) and words[j][0] == "." and j > 1
            or initials(words[j - 1][0]) and j + 1 < len(words) and words[j][0] == "."
            and words[j - 1][2] == words[j][1] and _name_like(words[j + 1][0])  # "J.M. Berger"
            or _after_honorific(words, j - 1)
        ):  # "James A. Lewis": a middle initial; "Mr. Prince": a title word as a surname
            j -= 1
        while j < len(words) and words[j][0] == ".":
            j += 1
        name_toks = words[j:]
        is_caps_sentence = mention.isupper() and len(mention) > 3
        if name_toks and not is_caps_sentence:
            name = self.text[name_toks[0][1]:name_toks[-1][2]]
            canonical = self._canonical_person(name)
            head_is_org = any(w in ORG_WORDS for w in low_words[j:])
            if canonical is None and len(name_toks) == 1:
                # An unknown single word: a person only when nothing says otherwise.
                if low_words[-1] in PLACES or head_is_org:
                    canonical = None
                elif j > 0 and low_words[j - 1] in _COMPASS and _is_cap(words[j - 1][0]):
                    # "South Carolina", "North Dakota": a place, not a person "Carolina".
                    return self._describe(np, words, low_words, mention)
                elif self._common_word(name_toks[0][0]) and not _after_honorific(words, len(words) - 1):
                    # A capitalised common word is not a person: "Critics", "Poll" are
                    # described (group, unknown); "Hastily", "Having", "Reached" open a
                    # clause and name nobody (no speaker beats a wrong one).
                    low = low_words[-1]
                    if low.endswith(("ly", "ing", "ed")) and low not in source_words() and low not in GROUP_HEADS:
                        return None
                    return self._describe(np, words, low_words, mention)
                else:
                    canonical = name
            if canonical and canonical != name and j > 0:
                hon = honorific_gender([w[0] for w in words[:j]])
                if hon and self._person_gender(canonical) not in (None, hon):
                    canonical = name  # "Mrs. Clinton" when Bill Clinton is the only Clinton
            if canonical and not head_is_org:
                role = None
                if j > 0:
                    role_text = self.text[words[0][1]:name_toks[0][1]].strip()
                    role_low = [w for w in low_words[:j] if w not in _DETERMINERS and w not in _HONORIFICS]
                    if role_text and any(w in TITLES or w in source_words() for w in role_low):
                        role = re.sub(r"^(?:the|a|an)\s+", "", role_text, flags=re.I)
                role = role or self.roles.get(canonical)
                return Speaker(
                    name=canonical, mention=mention, start=np.start, end=np.end,
                    type=SpeakerType.PERSON, role=role,
                )
        return self._describe(np, words, low_words, mention)

    def _coordination(
        self,
        np: NounPhrase,
        words: list[tuple[str, int, int]],
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
            **context: ``at``, ``sentence_starts`` and ``exclude`` of :meth:`resolve`.
        """
        if mention.isupper() or not _is_cap(words[-1][0]):
            return None
        texts = [w[0] for w in words]
        whole = re.sub(r"^the\s+", "", mention, flags=re.I)
        org = Speaker(
            name=whole, mention=mention, start=np.start, end=np.end, type=SpeakerType.ORGANIZATION
        )
        if "&" in texts:
            k = texts.index("&")
            joins = 0 < k < len(texts) - 1 and _is_cap(texts[k - 1]) and _is_cap(texts[k + 1])
            return org if joins else None
        if _AND_COUNTRY.search(whole):
            return org  # "Bosnia and Herzegovina", "Trinidad and Tobago"
        low_texts = [_bare(t) for t in texts]
        k = low_texts.index("and")
        if k > 1 and any(
            w in ORG_WORDS and low_texts[m + 1] == "of" for m, w in enumerate(low_texts[: k - 1])
        ) and all(_is_cap(t) or t in ("of", "and") for t in texts[1:]):
            return org  # "The Department of Parks and Recreation": the office owns its tail
        parts = coordinated_parts(texts)
        people: list[Speaker] = []
        for a, b in parts:
            low = [_bare(t) for t in texts[a:b]]
            if b - a == 1 and (low[0] in TITLES or low[0] in source_words()):
                return None  # "Treasurer and party chairwoman Maria Lopez": one person's roles
            if not _is_cap(texts[b - 1]) or (
                "of" in low and not _name_like(texts[a + low.index("of") - 1])
            ):
                return None  # "Ryan officials", "Secretary of State"; but "Isakson of Georgia"
            lo, hi = words[a][1], words[b - 1][2]
            part = NounPhrase(lo, hi, self.norm[lo:hi])
            sp = self.resolve(part, **context)  # type: ignore[arg-type]
            if sp is None or (sp.start, sp.end) != (lo, hi):
                return None
            if b - a == 1 and place_name(texts[a]):
                sp = sp.model_copy(update={"type": SpeakerType.ORGANIZATION})  # "Georgia"
            people.append(sp)
        kinds = {sp.type for sp in people}
        if kinds == {SpeakerType.ORGANIZATION}:
            return org
        if kinds != {SpeakerType.PERSON} or not all(_name_like(texts[b - 1]) for _a, b in parts):
            return None  # "Clinton and the State Department": a person and an organisation
        names = [sp.name for sp in people]
        name = f"{', '.join(names[:-1])} and {names[-1]}"
        self._listed[name] = tuple(names)
        return Speaker(
            name=name, mention=mention, start=np.start, end=np.end, type=SpeakerType.GROUP
        )

    def _not_first_name(self, tok: str) -> bool:
        """A word opening a capitalised run that is no first name.

        ``Never`` (the article writes it in lower case), ``Bashing`` (a participle),
        ``Wisconsin``, ``Senators``, ``Six``: ``Never Trump`` is no other person named Trump.
        """
        low = _bare(tok)
        if low in _GIVEN_NAMES or low in _FIRST_NAME_WORDS:
            return False
        return (
            low in self._lower_words or (low.endswith("ing") and len(low) > 5) or place_name(tok)
            or low in PLACES or low in DEMONYMS or low in NON_NAME_CAPITALS or low in TITLES
            or low in _ADVERBIAL_OPENERS or low in _NOT_NAME_OPENERS
            or low in _NUMBERS or _plural_group(low) or (low.endswith("s") and low[:-1] in TITLES)
        )

    def _common_word(self, tok: str) -> bool:
        """A capitalised word the article also writes in lower case, or an adverb/participle."""
        low = tok.lower()
        if not tok[:1].isupper() or tok.isupper() or low in _GIVEN_NAMES or low in _FIRST_NAME_WORDS:
            return False
        if len(low) > 4 and low.endswith(("ly", "ing", "ed")) and low[:-2] not in self._lower_words:
            return True
        return low in self._lower_words

    def _describe(
        self, np: NounPhrase, words: list[tuple[str, int, int]], low: list[str], mention: str
    ) -> Optional[Speaker]:
        """Speakers that are not named people: organisations, groups, anonymous sources."""
        head = low[-1]
        name = re.sub(r"^(?:the)\s+", "", mention, flags=re.I)
        if low[0] == "the" and len(low) > 1:
            known = self._role_anaphor(np, low, mention)
            if known is not None:
                return known
        if head in ANONYMOUS_HEADS and (low[0] in _INDEFINITE or head.startswith("source")):
            kind = SpeakerType.ANONYMOUS
        elif head.startswith("source"):
            kind = SpeakerType.ANONYMOUS
        elif _plural_group(head) or words[-1][0].islower() and _plural_org(head):
            # "Senate Democrats", "Ukrainians", "Defense Ministry officials",
            # "South Korean and Western intelligence agencies"
            kind = SpeakerType.GROUP
        elif any(w in ORG_WORDS for w in low) or head in PLACES or (
            words[-1][0].isupper() and len(words[-1][0]) > 1 and not mention.isupper()
        ):
            kind = SpeakerType.ORGANIZATION
        elif head in GROUP_HEADS or (head.endswith("s") and head in source_words() and not _is_cap(words[-1][0])):
            kind = SpeakerType.GROUP
        elif low[0] in _INDEFINITE:
            # "a senior diplomat" is an anonymous person; "a website", "a propaganda
            # term" are not people: the mention is kept, its type unknown.
            kind = SpeakerType.ANONYMOUS if head in TITLES else SpeakerType.UNKNOWN
        elif low[0] == "the" and (head in TITLES or head in source_words()):
            # "the city's transport prosecutor" is a person; "the city", "the report" are not.
            kind = SpeakerType.PERSON if head in TITLES or _person_noun(head) else SpeakerType.UNKNOWN
        elif all(_is_cap(w[0]) for w in words):
            kind = SpeakerType.ORGANIZATION if len(words) > 1 else SpeakerType.UNKNOWN
        else:
            return None
        return Speaker(name=name, mention=mention, start=np.start, end=np.end, type=kind, role=None)

    def _role_anaphor(self, np: NounPhrase, low: list[str], mention: str) -> Optional[Speaker]:
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
        head = _TITLE_ABBREVIATIONS.get(low[-1], low[-1])
        modifiers = set(low[1:-1])
        if head in _NOT_ROLE_HEADS or not (head in TITLES or _person_noun(head)):
            return None  # "the Associated Press", "the first": no role of a person
        found: dict[str, str] = {}
        for canonical, first in self._first_at.items():
            if first >= np.start or len(canonical.split()) < 2 and canonical not in self._titled:
                continue
            for role in self._titles_of.get(canonical, ()):
                if _role_matches(role, head, modifiers):
                    found.setdefault(canonical, role)
        if len(found) != 1:
            return None
        ((canonical, role),) = found.items()
        return Speaker(
            name=canonical, mention=mention, start=np.start, end=np.end,
            type=SpeakerType.PERSON, role=self.roles.get(canonical, role),
        )

    def _resolve_pronoun(
        self,
        np: NounPhrase,
        pronoun: str,
        at: int,
        sentence_starts: list[int],
        exclude: list[tuple[int, int]],
    ) -> Optional[Speaker]:
        mention = self.text[np.start:np.end]
        if pronoun in ("he", "she", "him", "her"):
            gender = _PRONOUN_GENDER[pronoun]
            target = self._antecedent(min(at, np.start), sentence_starts, exclude, gender)
            if target is None:
                return None
            return Speaker(
                name=target.name, mention=mention, start=np.start, end=np.end,
                type=SpeakerType.PERSON, role=target.role,
            )
        if pronoun in ("they", "it", "we"):
            for _off, sp in reversed(self._speakers):
                if _off > at:
                    continue
                if sp.type in (SpeakerType.ORGANIZATION, SpeakerType.GROUP):
                    return Speaker(
                        name=sp.name, mention=mention, start=np.start, end=np.end,
                        type=sp.type, role=sp.role,
                    )
                break
        return None

    def _antecedent(
        self,
        at: int,
        sentence_starts: list[int],
        exclude: list[tuple[int, int]],
        gender: Optional[Gender] = None,
    ) -> Optional[Speaker]:
        """The person a he/she at ``at`` refers to: the nearest earlier sentence's subject.

        Walks back sentence by sentence (at most six); in each, a speaker already
        attributed there wins, else the first person name outside quotes. A person
        known to be of the other ``gender`` is passed over (``she`` after
        ``Emmanuel Macron``); an unknown gender never is. When the sentence's speaker
        is a group of named people (``Trump and Ryan said``), its members are no
        antecedent and, with no other person in that sentence, the pronoun stays
        unresolved.
        """
        def agrees(person: Optional[Gender]) -> bool:
            return gender is None or person is None or person == gender

        k0 = k = bisect.bisect_right(sentence_starts, at) - 1
        lo_limit = sentence_starts[max(0, k - 6)] if sentence_starts else 0
        hi = at
        while k >= 0:
            lo = sentence_starts[k]
            if lo < lo_limit:
                break
            members: set[str] = set()
            for off, sp in self._speakers:
                if lo <= off < hi and sp.name in self._listed and sp.type is SpeakerType.GROUP:
                    members.update(self._listed[sp.name])
            for off, sp in self._speakers:
                if (
                    lo <= off < hi and sp.type is SpeakerType.PERSON and sp.name not in members
                    and agrees(self._speaker_gender(sp))
                ):
                    return sp
            first_pronoun = self._first_pronoun(lo, hi, exclude)
            i = bisect.bisect_left(self._person_at, (lo, ""))
            if first_pronoun is not None:
                # "He also repeated ... Joe Biden": the sentence continues an earlier subject.
                if i >= len(self._person_at) or self._person_at[i][0] > first_pronoun:
                    hi = lo
                    k -= 1
                    continue
            while i < len(self._person_at) and self._person_at[i][0] < hi:
                off, name = self._person_at[i]
                inside = any(a <= off < b for a, b in exclude)
                if (
                    not inside and name not in members and agrees(self._person_gender(name))
                    and not self._is_possessive_at(off) and not self._is_modifier_at(off)
                ):
                    if k >= k0 - 1 and _OPENER.fullmatch(self.norm, lo, off) and any(
                        other != name and agrees(self._person_gender(other))
                        for other in self._coordinated_with(i)
                    ):
                        return None  # "Donald Trump and Paul Ryan said ...": "he" could be either
                    return Speaker(
                        name=name, mention=name, start=off, end=off + 1,
                        type=SpeakerType.PERSON, role=self.roles.get(name),
                    )
                i += 1
            if members:
                return None  # "Trump and Ryan said ...": "he" could be either
            hi = lo
            k -= 1
        return None

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

    def _first_pronoun(self, lo: int, hi: int, exclude: list[tuple[int, int]]) -> Optional[int]:
        for m in _HE_SHE.finditer(self.norm, lo, hi):
            if not any(a <= m.start() < b for a, b in exclude):
                return m.start()
        return None

    def _is_modifier_at(self, off: int) -> bool:
        """``Cruz spokeswoman Catherine Frazier``, ``the Clinton campaign``: a name as a modifier."""
        m = re.match(r"[\w\-]+(?:\s+[A-Z][\w\-]+)*\s+([a-z][\w\-]*)", self.norm[off:off + 60])
        if not m:
            return False
        nxt = m.group(1)
        return nxt in TITLES or nxt in ORG_WORDS or nxt in ("campaign", "aide", "aides", "supporters", "administration")

    def _is_possessive_at(self, off: int) -> bool:
        m = re.match(r"[\w\-]+(?:\s+[A-Z][\w\-]+)*", self.norm[off:off + 60])
        return bool(m) and self.norm.startswith("'s", off + m.end())
