"""Noun phrases next to a cue: the phrase before or after it, and word tests.

[`scan_left`][quotes.speakers.noun_phrase.scan_left] reads the subject that ends where a cue starts
(``Kremlin spokesman Dmitry Peskov said``), [`scan_right`][quotes.speakers.noun_phrase.scan_right]
the speaker after an inverted cue (``said Peskov``). The word tests (``name_like``,
``bare_phrase``...) are shared with [`quotes.speakers.resolver.SpeakerResolver`][].
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from quotes.lexicon import (
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
from quotes.text.tokens import Token, first_tokens, last_tokens

__all__ = [
    "without_article",
    "CAPS_WINDOW",
    "COMPASS",
    "FIRST_NAME_WORDS",
    "FUNCTION_WORDS",
    "GIVEN_NAMES",
    "HONORIFICS",
    "INDEFINITE",
    "NAME_PARTICLES",
    "NOT_NAME_OPENERS",
    "NOT_SUBJECT_OPENERS",
    "NUMBERS",
    "PERSON_ENDINGS",
    "SPEAKER_DETERMINERS",
    "NounPhrase",
    "after_honorific",
    "bare_phrase",
    "given_name",
    "is_capitalised",
    "is_initial",
    "name_before_of",
    "name_like",
    "name_start",
    "not_a_speaker",
    "person_noun",
    "plural_group",
    "plural_org",
    "predicate_cut",
    "scan_left",
    "scan_right",
]

#: Determiners and small numbers that open a noun phrase (``the``, ``a``, ``several``).
SPEAKER_DETERMINERS = frozenset({"the", "a", "an", "another", "one", "two", "three", "several", "some"})
#: Indefinite determiners: ``a senior official`` is an unnamed source.
INDEFINITE = frozenset({"a", "an", "another", "one"})
#: Determiners that stand alone as an unnamed source (``another tweeted``, ``said one``).
STANDALONE_SOURCES = frozenset({"another", "one"})
#: Quantifiers and possessive determiners that open a common-noun phrase (``many analysts``).
_QUANTIFIERS = frozenset(
    "many most other few both all these those each every his her their its our my your".split()
)
#: Pronouns, prepositions, auxiliaries and conjunctions: never part of a speaker's phrase.
FUNCTION_WORDS = frozenset(
    """who which that and or in for to at on from by with as is was has have had were be been
    it you whose like than about more this their him all including now last but not so if when
    while also are its his her them they we i he she told said says say after before during
    there where what how why both those these such other others into over under new first his""".split()
)
#: Honorifics (and their abbreviation dot) before a name: no role.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "."})
#: Abbreviations whose dot belongs to the phrase (``Sen.``, ``U.S.``, ``Jr.``).
_ABBREV_TITLES = frozenset({"gov", "sen", "rep", "gen", "lt", "col", "dr", "mr", "mrs", "ms", "st", "prof", "sgt", "capt", "adm", "rev", "hon", "maj", "u.s", "u.k", "jr", "sr"})


#: Nouns among ``NON_NAME_CAPITALS`` that modify a lower-case compound (``Law enforcement``).
_NOUN_CAPITALS = frozenset(
    """law war sea hall square street river lake mountain island bridge palace church airport station
    region district city county state states world union""".split()
)


#: Initials written together (``J.J`` of ``J.J. MacNab``, ``J.M`` of ``J.M. Berger``).
_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")


def is_initial(tok: str) -> bool:
    """A middle initial (``C`` of ``Elaine C. Kamarck``)."""
    return len(tok) == 1 and tok.isupper()


def is_capitalised(tok: str) -> bool:
    """The token starts with an upper-case letter."""
    return tok[:1].isupper()


def bare_phrase(tok: str) -> str:
    """Lower-case a token and drop a possessive ``'s``."""
    low = tok.lower()
    return low[:-2] if low.endswith("'s") else low.rstrip("'")


#: First names that are also capitalised common words (``Bill`` of ``Bill Clinton``).
GIVEN_NAMES = frozenset({"bill", "may", "june", "april", "august", "chad", "jordan"})
#: Lower-case particles inside a surname (``Bill de Blasio``, ``Ursula von der Leyen``).
NAME_PARTICLES = frozenset("de van von der den da del della di du la le bin".split())


def given_name(words: list[Token], k: int) -> bool:
    """Token ``k`` of ``words`` (``(text, start, end)``) is a first name before a name."""
    return (
        words[k][0].lower() in GIVEN_NAMES and words[k][0][:1].isupper()
        and k + 1 < len(words) and (name_like(words[k + 1][0]) or words[k + 1][0] in NAME_PARTICLES)
    )


#: Number words, capitalised at a sentence start (``Six Trump supporters``).
NUMBERS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve dozens hundreds".split()
)

#: First names that are also common words written in lower case elsewhere.
FIRST_NAME_WORDS = frozenset("will mark rose hope grant pat rob sue guy chase joy faith dawn summer frank jack ray earl dean".split())

#: Capitalised words opening a sentence or headline that never start a name.
NOT_NAME_OPENERS = frozenset(
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
_CUE_CAPITALS = frozenset(
    """said says added continued stated asked wrote replied explained noted declared insisted
    warned concluded recalled quipped responded answered countered argued observed remarked
    announced tweeted exclaimed""".split()
)


def after_honorific(words: list[Token], k: int) -> bool:
    """Token ``k`` is the last one and follows ``Mr.``/``Ms.``: a surname (``Mr. Prince``)."""
    if k != len(words) - 1 or not words[k][0][:1].isupper() or k < 1:
        return False
    prev = [w[0].lower() for w in words[max(0, k - 2):k] if w[0] != "."]
    return bool(prev) and prev[-1] in ("mr", "mrs", "ms", "dr")


def predicate_cut(words: list[Token], low_words: list[str]) -> Optional[int]:
    """Index of a verb or adverb read into the phrase (``CNN reported``), or ``None``.

    A relative clause (``officials who said``), a phrase of determiners only and
    a passive participle (``polls reported by CNN``) are no cut.
    """
    cut = next(
        (k for k in range(1, len(words)) if words[k][0] in _PREDICATE_WORDS or (
            words[k][0].islower() and words[k][0].endswith("ly") and len(words[k][0]) > 4
            and low_words[k] not in source_words()
        )),
        None,
    )
    if cut is not None and (
        any(w in ("who", "that", "which", "whose") for w in low_words[:cut])
        or all(w in SPEAKER_DETERMINERS or w in _OPENING_POSSESSIVES for w in low_words[:cut])
        or (cut + 1 < len(words) and low_words[cut + 1] in ("by", "previously"))
    ):
        cut = None  # a relative clause or a passive participle ("polls reported by CNN")
    return cut


def name_before_of(words: list[Token], low_words: list[str]) -> tuple[list[Token], list[str]]:
    """``Scott Hawkins of Cheyenne``: the person is named before ``of``; else the words unchanged.

    Before a place (``former Gov. Jeb Bush of Florida``, ``House Speaker Paul Ryan of
    Wisconsin``) any words may open the phrase: a place is never the speaker.
    """
    if "of" in low_words[1:]:
        k = low_words.index("of", 1)
        head_words = [t for t in words[:k] if t[0] != "."]
        surname_ok = bool(head_words) and (
            name_like(head_words[-1][0]) or len(head_words) > 1 and is_capitalised(head_words[-1][0])
            and (is_initial(head_words[-2][0]) or name_like(head_words[-2][0]) and not place_name(head_words[-2][0]))
        )  # "Peter T. King": a title word as a surname after a given name or initial
        if not surname_ok:
            return words, low_words
        if is_capitalised(words[0][0]) and all(
            name_like(t[0]) or is_initial(t[0]) or bare_phrase(t[0]) in TITLES for t in head_words
        ):  # "Representative Peter T. King of New York"
            return words[:k], low_words[:k]
        if k + 1 < len(words) and (place_name(words[k + 1][0]) or low_words[k + 1] in PLACES):
            return words[:k], low_words[:k]
        if _role_then_full_name(head_words):  # "undecided voter Stephanie Hooton of Derry"
            return words[:k], low_words[:k]
    return words, low_words


def _role_then_full_name(head: list[Token]) -> bool:
    """A lower-case role word, then a given name and a surname: the person before ``of``.

    ``voter Stephanie Hooton`` of ``voter Stephanie Hooton of Derry``: whatever ``of``
    attaches (a town, an employer), the phrase names the person before it. Any
    lower-case word counts as the role here, where `quotes.speakers.names.role_name_tail`
    wants one the word lists know right before the name (and allows a title: ``Rep.``).
    """
    return (
        len(head) >= 3 and any(t[0][:1].islower() and t[0].isalpha() for t in head[:-2])
        and name_like(head[-2][0]) and name_like(head[-1][0]) and not place_name(head[-2][0])
    )


def name_start(words: list[Token]) -> int:
    """Index where the trailing name tokens of a mention start (``len(words)`` if none).

    ``James A. Lewis``: a middle initial; ``J.M. Berger``: initials; ``Mr. Prince``:
    a title word as a surname. Leading dots are no part of the name.
    """
    j = len(words)
    while j > 0 and (
        name_like(words[j - 1][0]) or words[j - 1][0] == "." or given_name(words, j - 1)
        or is_initial(words[j - 1][0]) and j < len(words) and words[j][0] == "." and j > 1
        or initials(words[j - 1][0]) and j + 1 < len(words) and words[j][0] == "."
        and words[j - 1][2] == words[j][1] and name_like(words[j + 1][0])  # "J.M. Berger"
        or after_honorific(words, j - 1)
        or words[j - 1][0] in NAME_PARTICLES and j < len(words) and name_like(words[j][0])
    ):  # "James A. Lewis": a middle initial; "Mr. Prince": a title word as a surname
        j -= 1  # "Bill de Blasio": a lower-case particle before a surname
    while j < len(words) and words[j][0] == ".":
        j += 1
    return j


def name_like(tok: str) -> bool:
    """A capitalised token that can be part of a person's name."""
    if not is_capitalised(tok) or not tok[0].isalpha():
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
        or (low in DEMONYMS and len(low) > 3) or low in PRONOUNS or plural_group(low)
    )


def plural_group(low: str) -> bool:
    """``Republicans``, ``Democrats``, ``Ukrainians``: a plural that names a group."""
    return low in GROUP_HEADS or (low.endswith("s") and len(low) > 4 and low[:-1] in DEMONYMS)


def plural_org(low: str) -> bool:
    """``agencies``, ``organizations``, ``ministries``: the plural of an organisation word."""
    if not low.endswith("s") or low.endswith("ss") or low in ORG_WORDS:
        return False
    return (low[:-3] + "y" if low.endswith("ies") else low[:-1]) in ORG_WORDS


#: Capitalised words that open an adverbial, never a subject (``Outside, protesters…``).
NOT_SUBJECT_OPENERS = frozenset(
    """outside amid amidst once whenever perhaps maybe absent contrary despite although though
    unless whether because since until upon unlike besides beyond throughout meanwhile instead
    indeed hopefully ironically wow""".split()
)
#: Time nouns: a mention ending in one names a time, not a speaker (``Hours later``).
_TIME_WORDS = frozenset(
    """minute minutes hour hours day days week weeks month months year years decade decades
    moment moments past morning afternoon evening night weekend""".split()
)


def not_a_speaker(mention: str) -> bool:
    """A mention that names a time or opens an adverbial, so nobody: ``Hours``, ``A few minutes``,
    ``the past``, ``One Sunday``, ``1977``, ``Outside``, ``Amid``.

    Examples:
        >>> not_a_speaker("A few minutes"), not_a_speaker("Outside"), not_a_speaker("60 Minutes")
        (True, True, False)
    """
    words = re.findall(r"[\w'’\-]+", mention)
    if not words:
        return False
    first, last = words[0], words[-1]
    if first.lower() in NOT_SUBJECT_OPENERS and (
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


#: Possessive determiners that open a speaker's phrase (``his campaign manager``); never ``your``.
_OPENING_POSSESSIVES = frozenset({"his", "her", "their", "its", "our", "my"})


#: Compass words that open a place name (``South Carolina``).
COMPASS = frozenset({"north", "south", "east", "west"})
#: Endings of singular nouns for a person (``treasurer``, ``activist``, ``chairwoman``).
PERSON_ENDINGS = ("or", "er", "ist", "man", "woman", "ian", "ant", "ent", "ee")
#: Nouns with a person's ending that name no person (``letter``, ``center``).
_NOT_PERSON_ER = frozenset("letter order paper number center centre matter chapter cover border banner poster flyer".split())


def person_noun(word: str) -> bool:
    """``prosecutor``, ``activist``, ``businessman``: a noun for a person by its ending."""
    if word in _NOT_PERSON_ER:
        return False
    return word.endswith(PERSON_ENDINGS)


def _compound_modifier(tok: str, head: str) -> bool:
    """``campaign`` of ``campaign manager``: a lower-case noun before a role word."""
    low = tok.lower()
    return (
        tok[:1].islower() and tok.replace("-", "").isalpha() and low not in FUNCTION_WORDS
        and low not in SPEAKER_DETERMINERS and not low.endswith(("ly", "ing", "ed")) and head[:1].islower()
        and (head in TITLES or head in source_words()) and head not in FUNCTION_WORDS
    )


def _hyphenated_after_determiner(chosen: list[Token], tok: str, nxt: str) -> bool:
    """``well-connected`` of ``a well-connected Democrat``: a hyphenated adjective before a head."""
    return bare_phrase(chosen[-1][0]) in SPEAKER_DETERMINERS and tok.islower() and "-" in tok and (
        tok.replace("-", "").isalpha() and _np_token(nxt, False)
        and bare_phrase(nxt) not in SPEAKER_DETERMINERS
    )


def _np_token(tok: str, all_caps: bool) -> bool:
    """A token that can be part of a speaker's noun phrase (``all_caps``: the text is a headline)."""
    low = bare_phrase(tok)
    if low in FUNCTION_WORDS and low not in SPEAKER_DETERMINERS and not (
        len(tok) > 1 and tok.isupper() and not all_caps  # "the WHO", "US officials": acronyms
    ):
        return False
    if is_capitalised(tok) and tok[0].isalpha():
        return not all_caps or low not in NON_NAME_CAPITALS
    if tok.isdigit() or low in SPEAKER_DETERMINERS:
        return True
    return low in source_words() or low in TITLES or low in GROUP_HEADS or low in ORG_WORDS


#: Characters next to a phrase that decide whether its clause is set in capitals (a
#: headline). A noun phrase is a few words long; reading the whole clause would cost its
#: length for every cue (quadratic on a long line full of cues).
CAPS_WINDOW = 2000


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
    toks = last_tokens(s, lo, hi, max_tokens + 1)  # _read_left looks one token further
    if not toks:
        return None
    # A clause in capitals is a headline, unless the cue after it is lower-case ("WHO said")
    all_caps = s[max(lo, hi - CAPS_WINDOW):hi].isupper() and not s[hi : hi + 24].lstrip()[:1].islower()
    last = toks[-1]
    if bare_phrase(last[0]) in PRONOUNS:
        return NounPhrase(last[1], last[2], last[0])
    chosen = _read_left(toks, all_caps, max_tokens)
    # Drop a trailing "of" / "." and sentence adverbs picked up at the start: "But", "Asked".
    while chosen and (chosen[-1][0] in ("of", ".") or _sentence_adverb(chosen, all_caps)):
        chosen.pop()
    if not chosen:
        return None
    chosen.reverse()
    if _determiners_only(chosen):
        return None
    k = len(toks) - len(chosen) - 1
    if len(chosen) == 1 and bare_phrase(chosen[0][0]) in STANDALONE_SOURCES and k >= 0 and (
        toks[k][0][:1].isalnum() and toks[k][0].lower() not in ("and", "but", "while")
    ):
        return None  # "had one message", "if one adds": a determiner or a generic "one"
    start, end = chosen[0][1], chosen[-1][2]
    return NounPhrase(start, end, s[start:end])


#: What `_left_step` makes of a token: stop before it, take it, or take it and stop.
_STOP, _TAKE, _TAKE_LAST = 0, 1, 2


def _read_left(toks: list[Token], all_caps: bool, max_tokens: int) -> list[Token]:
    """The tokens of the phrase, read from the end of ``toks`` backwards (last token first)."""
    chosen: list[Token] = []
    i = len(toks) - 1
    while i >= 0 and len(chosen) < max_tokens:
        step = _left_step(toks, i, chosen, all_caps)
        if step == _STOP:
            break
        chosen.append(toks[i])
        if step == _TAKE_LAST:
            break
        i -= 1
    return chosen


def _left_step(toks: list[Token], i: int, chosen: list[Token], all_caps: bool) -> int:
    """Whether ``toks[i]`` extends the phrase ``chosen`` (read backwards) to the left."""
    joined = _left_join(toks, i, chosen, all_caps)
    if joined is not None:
        return _TAKE if joined else _STOP
    tok = toks[i][0]
    low = bare_phrase(tok)
    if chosen and low in _QUANTIFIERS and chosen[-1][0][:1].islower() and not all_caps:
        return _TAKE_LAST  # "many analysts", "her campaign", "other party leaders"
    if not tok[0].isalnum() or not _np_token(tok, all_caps):
        # "the transport ministry": an unknown modifier right after a determiner.
        if (
            tok[0].isalpha() and chosen and len(chosen) <= 3 and i > 0
            and toks[i - 1][0].lower() in ("the", "a", "an") and low not in FUNCTION_WORDS
        ):
            return _TAKE
        return _STOP
    if bare_phrase(tok) in PRONOUNS:
        return _STOP
    if low in SPEAKER_DETERMINERS and not tok.isdigit() and not (
        is_initial(tok) and chosen and chosen[-1][0] == "." and chosen[-1][1] == toks[i][2]
    ):  # "James A. Lewis": an initial, not the article "a"
        return _TAKE_LAST
    return _TAKE


def _left_join(toks: list[Token], i: int, chosen: list[Token], all_caps: bool) -> Optional[bool]:
    """A dot, joiner or modifier before ``chosen``: take it (``True``), stop (``False``) or ``None``.

    ``Sen.``, ``J.M.``, ``Smith and Jones``, ``Secretary of State``, ``Ernst & Young``,
    ``New York Mayor Bill de Blasio``, ``Sanders campaign manager Jeff Weaver``.
    """
    tok = toks[i][0]
    if tok == "." and i > 0 and (
        toks[i - 1][0].lower() in _ABBREV_TITLES or is_initial(toks[i - 1][0])
        or initials(toks[i - 1][0]) and chosen and name_like(chosen[-1][0])
    ) and toks[i - 1][2] == toks[i][1]:
        return True
    if tok == "and" and chosen and i > 0 and is_capitalised(chosen[-1][0]) and is_capitalised(toks[i - 1][0]) and not all_caps:
        return True
    if tok == "of" and chosen and i > 0 and _np_token(toks[i - 1][0], all_caps):
        return True
    if tok in ("-", "&"):
        return bool(chosen and i > 0 and toks[i - 1][2] == toks[i][1])
    if tok == "/":  # "A New York Times/CBS News poll": one name of two outlets
        return bool(
            chosen and i > 0 and toks[i - 1][2] == toks[i][1] and chosen[-1][1] == toks[i][2]
            and is_capitalised(toks[i - 1][0])
        )
    if tok == "New" and chosen and is_capitalised(chosen[-1][0]) and not all_caps:
        return True  # "New York Mayor Bill de Blasio"
    if _compound_modifier(tok, chosen[-1][0] if chosen else "") and not all_caps:
        return True  # "Sanders campaign manager Jeff Weaver"
    return None


def _sentence_adverb(chosen: list[Token], all_caps: bool = False) -> bool:
    """The phrase's first word (``chosen[-1]``, read backwards) is a capitalised non-name to drop.

    ``But``, ``Meanwhile``, ``Asked``; kept: a given name (``Bill Clinton``), ``New``
    before a capital, a determiner, an abbreviated title, a noun modifying a
    lower-case compound (``Law enforcement officials``) and a quantifier (``Many analysts``),
    and an acronym outside a headline set in capitals (``WHO said``: the organisation).
    """
    first = chosen[-1][0]
    low = bare_phrase(first)
    return (
        low in NON_NAME_CAPITALS
        and not (  # "WHO said", "the WHO": an acronym; "IN DEADLY BLAST Mayor X": a headline
            len(first) > 1 and first.isupper() and not all_caps
            and (len(chosen) == 1 or not chosen[-2][0].isupper())
        )
        and not (len(chosen) > 1 and given_name([chosen[-1], chosen[-2]], 0))
        and not (first == "New" and len(chosen) > 1 and is_capitalised(chosen[-2][0]))
        and low not in SPEAKER_DETERMINERS
        and first.lower() not in _ABBREV_TITLES
        and not (  # "Law enforcement officials", "City council members": a noun modifier
            low in _NOUN_CAPITALS and len(chosen) > 1
            and chosen[-2][0].isalpha() and chosen[-2][0].islower()
        )
        and not (  # "many analysts", "her campaign": a quantifier opens the phrase
            low in _QUANTIFIERS and len(chosen) > 1 and chosen[-2][0][:1].islower()
        )
    )


def scan_right(s: str, lo: int, hi: int, *, max_tokens: int = 9) -> Optional[NounPhrase]:
    """Read the noun phrase that starts at ``lo`` (the speaker after an inverted cue)."""
    toks = first_tokens(s, lo, hi, max(max_tokens + 1, 3))  # one token of lookahead
    if not toks:
        return None
    all_caps = s[lo:min(hi, lo + CAPS_WINDOW)].isupper()
    first = toks[0][0]
    if first.lower() in _OPENING_POSSESSIVES and len(toks) > 1 and toks[1][0][:1].isalpha() and (
        _np_token(toks[1][0], all_caps) or _compound_modifier(toks[1][0], toks[2][0] if len(toks) > 2 else "")
    ):
        # "added his campaign manager Jeff Weaver": the possessive opens the phrase.
        rest = scan_right(s, toks[1][1], hi, max_tokens=max_tokens)
        if rest is not None and rest.start == toks[1][1]:
            return NounPhrase(toks[0][1], rest.end, s[toks[0][1]:rest.end])
    if bare_phrase(first) in PRONOUNS:
        return NounPhrase(toks[0][1], toks[0][2], first)
    chosen: list[Token] = []
    for idx, (tok, a, b) in enumerate(toks[:max_tokens]):
        if tok == "." and chosen and (
            chosen[-1][0].lower() in _ABBREV_TITLES or is_initial(chosen[-1][0])
            or _DOTTED_INITIALS.fullmatch(chosen[-1][0])
        ) and chosen[-1][2] == a:
            chosen.append((tok, a, b))  # "Sen.", "Jock A.", "J.J. MacNab"
            continue
        if chosen and is_initial(tok) and idx + 1 < len(toks) and toks[idx + 1][:2] == (".", b):
            chosen.append((tok, a, b))  # "Jock A. Finlayson": an initial, not the article "a"
            continue
        if tok == "of" and chosen and idx + 1 < len(toks) and _np_token(toks[idx + 1][0], all_caps):
            chosen.append((tok, a, b))
            continue
        if tok == "New" and idx + 1 < len(toks) and is_capitalised(toks[idx + 1][0]) and not all_caps:
            chosen.append((tok, a, b))  # "one New Hampshire Democrat"
            continue
        nxt = toks[idx + 1][0] if idx + 1 < len(toks) else ""
        if chosen and nxt and _hyphenated_after_determiner(chosen, tok, nxt):
            chosen.append((tok, a, b))  # "a well-connected Democrat"
            continue
        if chosen and idx + 1 < len(toks) and _compound_modifier(tok, toks[idx + 1][0]) and not all_caps:
            chosen.append((tok, a, b))  # "said Clinton campaign chairman John Podesta"
            continue
        if not tok[0].isalnum() or not _np_token(tok, all_caps) or bare_phrase(tok) in PRONOUNS:
            break
        if chosen and bare_phrase(tok) in SPEAKER_DETERMINERS:
            break
        chosen.append((tok, a, b))
    while chosen and chosen[-1][0] in ("of", "."):
        chosen.pop()
    if not chosen or _determiners_only(chosen):
        return None
    if len(chosen) == 1 and bare_phrase(chosen[0][0]) in STANDALONE_SOURCES and re.match(r"\s*\w", s[chosen[0][2]:hi]):
        return None  # "said one of them", "said another fan": read whole by the description reader
    start, end = chosen[0][1], chosen[-1][2]
    return NounPhrase(start, end, s[start:end])


def _determiners_only(chosen: list[Token]) -> bool:
    """The phrase is determiners alone, but for one that stands as a source (``another``)."""
    if len(chosen) == 1 and bare_phrase(chosen[0][0]) in STANDALONE_SOURCES:
        return False
    return all(bare_phrase(t[0]) in SPEAKER_DETERMINERS for t in chosen)


#: A leading article and the space after it (``The ``, ``a ``), any case.
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)


def without_article(text: str) -> str:
    """``text`` without a leading ``the``, ``a`` or ``an`` (any case): a role or name as stored.

    Examples:
        >>> without_article("The Kremlin spokesman"), without_article("an aide"), without_article("Theo")
        ('Kremlin spokesman', 'aide', 'Theo')
    """
    return _LEADING_ARTICLE.sub("", text)

