"""Person names of one article: which short forms name exactly one person, and name lists.

`short_forms` maps a surname or first name to the one person of the article
it can stand for (``Peskov`` is ``Dmitry Peskov``). When the article names two or
more different people with that surname or first name (``George H.W. Bush`` and
``Jeb Bush``; ``Donald Trump`` and ``Donald Trump Jr.``) the short form maps to
itself: the mention keeps its own name rather than a guess.

`coordinated_parts` splits a mention such as ``Smith, Jones and Lee`` into
its conjuncts, for [`quotes.speakers.resolver.SpeakerResolver`][] to read each as a
person.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence

from quotes.lexicon import MONTHS, PLACES, TITLES, WEEKDAYS, given_name_forms, source_words
from quotes.speakers.gender import known_given_name
from quotes.speakers.noun_phrase import (
    FUNCTION_WORDS,
    bare_phrase,
    is_capitalised,
    is_initial,
    name_like,
    person_noun,
)
from quotes.text.tokens import Token

__all__ = [
    "clause_opener",
    "coordinated_parts",
    "date_before_name",
    "generational_suffix",
    "group_opener",
    "indexed_name_start",
    "middle_initial",
    "role_name_tail",
    "same_person",
    "short_forms",
    "surname_people",
    "word_surname",
    "word_surname_tail",
]

#: Month and weekday names: ``In June Tom Baker`` is Tom Baker (``June Carter Cash`` is not cut).
_DATE_WORDS = MONTHS | WEEKDAYS
#: Words before a date that make it a time phrase (``in June``, ``since Monday``).
_DATE_PREPOSITIONS = frozenset("in on since by until during last next early late mid this".split())

#: Quantifiers and collective words before a surname: ``Neither Cruz``, ``Team Trump``.
_GROUP_OPENERS = frozenset("neither either both each every all team camp".split())

#: Prepositions and adverbs that open a clause before a name (``Like Corker, Menendez said``).
_CLAUSE_OPENERS = frozenset(
    "like unlike now whatever without despite unless until though although while whereas".split()
)
#: Endings of adverbs (``Interestingly``, ``Reportedly``), not of given names (``Beverly``).
_ADVERB_ENDINGS = ("ingly", "ally", "ously", "ently", "antly", "edly", "ively", "fully", "ately")

#: Generational suffixes: part of who a person is (``Donald Trump Jr.`` is not ``Donald Trump``).
_SUFFIXES = frozenset("jr sr ii iii iv".split())


def _split(name: str) -> tuple[list[str], str, str]:
    """``(given names, surname, suffix)`` of a name of two words or more."""
    parts = name.split()
    suffix = ""
    if len(parts) > 2 and parts[-1].lower().rstrip(".") in _SUFFIXES:
        suffix = parts[-1].lower().rstrip(".")
        parts = parts[:-1]
    return parts[:-1], parts[-1], suffix


def _initials(tokens: Iterable[str]) -> str:
    """``H.W.`` -> ``HW``, ``Rodham`` -> ``R``: the initials a run of given names stands for."""
    out = []
    for tok in tokens:
        bare = tok.replace(".", "")
        out.append(bare if bare.isupper() and "." in tok else bare[:1].upper())
    return "".join(out)


def same_person(a: str, b: str) -> bool:
    """Two full names that can name the same person.

    The surnames and suffixes are equal (a numeral suffix such as ``III`` may be
    left out: ``Brent Bozell III`` is ``Brent Bozell``; ``Jr.``/``Sr.`` may not), the
    first given names agree (an initial matches any name with that letter, a nickname
    its given name: ``Chuck``, ``Charles``), and the
    middle names agree when both have some.

    Examples:
        >>> same_person("Donald J. Trump", "Donald Trump")
        True
        >>> same_person("Jeb Bush", "George H.W. Bush")
        False
        >>> same_person("George H.W. Bush", "George W. Bush"), same_person("J. Smith", "John Smith")
        (False, True)
        >>> same_person("Donald Trump Jr.", "Donald Trump"), same_person("Harry Hurt III", "Harry Hurt")
        (False, True)
        >>> same_person("Chuck Grassley", "Charles Grassley"), same_person("Bill Clinton", "Hillary Clinton")
        (True, False)
    """
    given_a, sur_a, suf_a = _split(a)
    given_b, sur_b, suf_b = _split(b)
    numeral_left_out = not (suf_a and suf_b) and (suf_a or suf_b) not in ("jr", "sr")
    if sur_a.lower() != sur_b.lower() or (suf_a != suf_b and not numeral_left_out):
        return False
    if not given_a or not given_b:
        return False
    first_a, first_b = given_a[0].rstrip(".").lower(), given_b[0].rstrip(".").lower()
    if first_a != first_b and not (
        (len(first_a) == 1 or len(first_b) == 1) and first_a[:1] == first_b[:1]
    ) and not _nickname_of(first_a, first_b):
        return False
    mid_a, mid_b = given_a[1:], given_b[1:]
    return not (mid_a and mid_b) or _initials(mid_a) == _initials(mid_b)


def _nickname_of(first_a: str, first_b: str) -> bool:
    """Two lower-case first names one person goes by (``chuck``, ``charles``; data/nicknames.tsv)."""
    forms = given_name_forms()
    return bool(forms.get(first_a, frozenset()) & forms.get(first_b, frozenset()))


def _surname(name: str) -> str:
    """The surname of a name of two words or more (``Bush`` of ``George H.W. Bush Jr.``)."""
    return _split(name)[1]


def _run_on(name: str, others: Iterable[str]) -> bool:
    """Another name of ``others`` with words run on before or after it.

    ``Morton Blackwell Endorses Ted Cruz``, ``Ted Cruz Refuses``: a headline read as
    one name. A generational suffix (``Harold Brandt Jr.``) is no run-on. ``others``
    may be a set of word tuples (`_word_tuples`): then each check costs the name's
    length, not the number of names.
    """
    words = name.split()
    table = others if isinstance(others, (set, frozenset)) else _word_tuples(others)
    for n in range(len(words)):  # n == 0: an empty name is a prefix of every name
        if n and tuple(words[-n:]) in table or tuple(words[:n]) in table and not (
            len(words) == n + 1 and words[-1].lower().rstrip(".") in _SUFFIXES
        ):
            return True
    return False


def _word_tuples(names: Iterable[str]) -> set[tuple[str, ...]]:
    """The words of each name, as tuples (what `_run_on` looks up)."""
    return {tuple(other.split()) for other in names}


def short_forms(
    names: Sequence[str],
    *,
    common: Callable[[str], bool] = lambda word: False,
    titled: Collection[str] = (),
) -> dict[str, str]:
    """Map surnames, first names and full names to the person they name.

    Args:
        names: Person names of two words or more, fullest first (the first of
            several forms of one person is the canonical one).
        common: Tells a common word written with a capital (``Never`` of ``Never
            Trump``): a name opening with one stands for nobody else.
        titled: Single words the article writes after a title (``Ms. Acosta``): only
            these stand for a name whose middle word they are.

    Returns:
        ``{short form: canonical name}``. A surname or first name shared by two or
        more different people maps to itself. A word that is a surname wins over
        the same word as a first name (``Trump`` of ``Donald Trump`` before the
        ``Trump`` of a ``Trump Tower Grill``). The middle one of three words
        (``Acosta`` of ``Melba Acosta Febo``, a first surname) comes last, and only
        when ``titled`` has it (not ``Maddow`` of ``Rachel Maddow Show``). Names that run
        on past another name and names opening with a common word give no short form.

    Examples:
        >>> forms = short_forms(
        ...     ["George H.W. Bush", "Jeb Bush", "Dmitry Peskov", "Donald J. Trump", "Donald Trump"]
        ... )
        >>> forms["Bush"], forms["Peskov"], forms["Trump"], forms["Jeb"], forms["Donald"]
        ('Bush', 'Dmitry Peskov', 'Donald J. Trump', 'Jeb Bush', 'Donald J. Trump')
        >>> names = ["Reason Voters Back Ted Cruz", "Ted Cruz", "Never Cruz"]
        >>> short_forms(names, common={"Never"}.__contains__)["Cruz"]
        'Ted Cruz'
    """
    by_surname: dict[str, list[str]] = {}
    by_first: dict[str, list[str]] = {}
    by_middle: dict[str, list[str]] = {}  # second of two given names: a first surname
    out: dict[str, str] = {}
    unique = list(dict.fromkeys(names))
    word_tuples = _word_tuples(unique)
    for name in unique:
        out.setdefault(name, name)
        if _run_on(name, word_tuples) or common(name.split()[0]):
            continue
        by_surname.setdefault(_surname(name), []).append(name)
        by_first.setdefault(name.split()[0], []).append(name)
        given, surname, suffix = _split(name)
        if len(given) == 2 and not suffix and given[1] in titled and not common(surname):
            by_middle.setdefault(given[1], []).append(name)  # "Acosta" of "Melba Acosta Febo"
    for table in (by_surname, by_first, by_middle):
        for key, candidates in table.items():
            if key in out:
                continue  # a full name of its own, or a surname before a first name
            people = _people_of(candidates)
            out[key] = people[0][0] if len(people) == 1 else key
    return out


def _people_of(candidates: Sequence[str]) -> list[list[str]]:
    """``candidates`` grouped by person (`same_person`), each group fullest form first."""
    people: list[list[str]] = []
    for name in candidates:
        group = next((g for g in people if all(same_person(name, n) for n in g)), None)
        if group is None:
            people.append([name])
        else:
            group.append(name)
    return people


def surname_people(
    names: Sequence[str], *, common: Callable[[str], bool] = lambda word: False
) -> dict[str, list[str]]:
    """Surnames that two or more people of the article share, and those people.

    Args:
        names: Person names of two words or more, fullest first (as for `short_forms`).
        common: Tells a capitalised common word; a name opening with one is left out.

    Returns:
        ``{surname: [canonical name of each person]}``, only for shared surnames:
        ``Mrs. Clinton`` can then be told from ``Mr. Clinton`` by gender.

    Examples:
        >>> surname_people(["Hillary Rodham Clinton", "Hillary Clinton", "Bill Clinton", "Jeb Bush"])
        {'Clinton': ['Hillary Rodham Clinton', 'Bill Clinton']}
    """
    by_surname: dict[str, list[str]] = {}
    unique = list(dict.fromkeys(names))
    word_tuples = _word_tuples(unique)
    for name in unique:
        if not _run_on(name, word_tuples) and not common(name.split()[0]):
            by_surname.setdefault(_surname(name), []).append(name)
    shared = {key: _people_of(candidates) for key, candidates in by_surname.items()}
    return {key: [group[0] for group in people] for key, people in shared.items() if len(people) > 1}


#: Words that join the people of a list.
_JOINERS = frozenset({",", "and"})


def coordinated_parts(words: Sequence[str]) -> list[tuple[int, int]]:
    """Token ranges of the conjuncts of ``A and B`` or ``A, B(,) and C``; ``[]`` if not a list.

    One ``and`` joins the last two conjuncts; commas (only) join the ones before.
    A leading ``Both`` is no part of the first conjunct.

    Examples:
        >>> coordinated_parts("Both Trump and Ryan".split())
        [(1, 2), (3, 4)]
        >>> coordinated_parts(["Smith", ",", "Jones", ",", "and", "Lee"])
        [(0, 1), (2, 3), (5, 6)]
        >>> coordinated_parts("Trump , and".split()), coordinated_parts("A and B and C".split())
        ([], [])
    """
    low = [w.lower() for w in words]
    ands = [k for k, w in enumerate(low) if w == "and"]
    if len(ands) != 1 or "," in low[ands[0]:]:
        return []
    start = 1 if low and low[0] == "both" else 0
    parts: list[tuple[int, int]] = []
    for k in [k for k, w in enumerate(low) if w in _JOINERS] + [len(words)]:
        if k < start:
            continue
        if k == start and low[k:k + 1] == ["and"] and parts and low[k - 1] == ",":
            start = k + 1  # "Smith, Jones, and Lee": the serial comma
            continue
        if k <= start:
            return []
        parts.append((start, k))
        start = k + 1
    return parts if len(parts) >= 2 else []


def word_surname(first: str, last: str) -> bool:
    """``last`` is a title or place word used as the surname after a known given name.

    Examples:
        >>> word_surname("Charlie", "King"), word_surname("Steve", "Israel")
        (True, True)
        >>> word_surname("Georgia", "State"), word_surname("Donald", "Trump")
        (False, False)
    """
    low = bare_phrase(last)
    return (
        not name_like(last) and is_capitalised(last) and last[:1].isalpha()
        and not last.isupper() and (low in TITLES or low in PLACES)
        and known_given_name(first) and name_like(first)
    )


def word_surname_tail(text: str, words: Sequence[Token], j: int) -> int:
    """How many of ``words[:j]``'s last tokens are a title or place surname (`word_surname`).

    1 for ``Charlie King``; 2 for ``Peter T. King`` (the middle initial with its
    period comes along); 0 otherwise. ``text`` is what the token offsets point into.

    Examples:
        >>> text = "Peter T. King"
        >>> words = [("Peter", 0, 5), ("T", 6, 7), ("King", 9, 13)]
        >>> word_surname_tail(text, words, 3)
        2
        >>> word_surname_tail("Charlie King", [("Charlie", 0, 7), ("King", 8, 12)], 2)
        1
    """
    if j >= 2 and word_surname(words[j - 2][0], words[j - 1][0]):
        return 1
    if j < 3:
        return 0
    initial, _start, end = words[j - 2]
    dotted = is_initial(initial) and text[end : end + 1] == "."
    return 2 if dotted and word_surname(words[j - 3][0], words[j - 1][0]) else 0


def date_before_name(text: str, start: int, parts: Sequence[str]) -> bool:
    """``parts`` open with a month or weekday that a preposition before ``start`` makes a date.

    ``In June Tom Baker visited``: ``June`` is when, not part of the name (three words
    or more, the second a known given name).

    Examples:
        >>> date_before_name("In June Tom Baker visited", 3, ["June", "Tom", "Baker"])
        True
        >>> date_before_name("June Carter Cash sang", 0, ["June", "Carter", "Cash"])
        False
    """
    if len(parts) < 3 or parts[0].lower() not in _DATE_WORDS or not known_given_name(parts[1]):
        return False
    before = text[max(0, start - 12):start].split()
    return bool(before) and before[-1].lower() in _DATE_PREPOSITIONS


def middle_initial(text: str, words: Sequence[Token], k: int) -> bool:
    """Token ``k`` of ``words`` is a middle initial with its period between two name words.

    ``text`` is the text the token offsets point into (``A.`` of ``William A. Ackman``).

    Examples:
        >>> text = "William A. Ackman"
        >>> words = [("William", 0, 7), ("A", 8, 9), ("Ackman", 11, 17)]
        >>> middle_initial(text, words, 1), middle_initial("A Trump", [("A", 0, 1), ("Trump", 2, 7)], 0)
        (True, False)
    """
    tok, _start, end = words[k]
    return (
        is_initial(tok) and text[end:end + 1] == "."
        and 0 < k < len(words) - 1 and name_like(words[k - 1][0]) and name_like(words[k + 1][0])
    )


def group_opener(word: str) -> bool:
    """A word before a surname that makes no other person of that surname.

    A quantifier or collective word, a hyphenated descriptor with a lower-case part,
    or a word opening a clause (`clause_opener`: ``Like Corker, Menendez ...``).

    Examples:
        >>> group_opener("Neither"), group_opener("Team"), group_opener("Oscar-winner")
        (True, True, True)
        >>> group_opener("Jean-Claude"), group_opener("Ted"), group_opener("Like")
        (False, False, True)
    """
    return word.lower() in _GROUP_OPENERS or clause_opener(word) or any(
        part[:1].islower() for part in word.split("-")[1:]
    )


def clause_opener(word: str) -> bool:
    """A capitalised word that opens a clause before a name, never a given name.

    A preposition or adverb (``Like``, ``Without``, ``Now``), an adverb in ``-ly``
    (``Interestingly``) or a participle in ``-ted``/``-sed`` of eight letters or more
    (``Understated``, ``Endorsed``); a given name the gender lists know is none
    (``Beverly``, ``Mohammed``), nor ``Rasheed`` or ``Muhammed``.

    Examples:
        >>> [clause_opener(w) for w in ["Like", "Interestingly", "Understated", "Whatever"]]
        [True, True, True, True]
        >>> [clause_opener(w) for w in ["Beverly", "Mohammed", "Muhammed", "Rasheed", "Holly"]]
        [False, False, False, False, False]
    """
    low = word.lower()
    if known_given_name(word):
        return False
    return low in _CLAUSE_OPENERS or len(low) > 6 and low.endswith(_ADVERB_ENDINGS) or (
        len(low) > 7 and low.endswith(("ted", "sed"))  # not "Rasheed", "Muhammed"
    )


def indexed_name_start(
    text: str, words: Sequence[Token], full_names: dict[str, str], default: int
) -> int:
    """Start of the longest tail of ``words`` that is a full name of the article, else ``default``.

    For a name whose last word is a title or place word (``Charlie King``, ``Steve
    Israel``) that the mention scan reads as no name. ``full_names`` is `short_forms`.

    Examples:
        >>> forms = short_forms(["Charlie King"])
        >>> text = "Rep. Charlie King"
        >>> indexed_name_start(text, [("Rep", 0, 3), ("Charlie", 5, 12), ("King", 13, 17)], forms, 3)
        1
        >>> indexed_name_start("King", [("King", 0, 4)], forms, 1), indexed_name_start("Queen", [("Queen", 0, 5)], forms, 1)
        (0, 1)
    """
    for k in range(len(words)):
        if " " in full_names.get(text[words[k][1]:words[-1][2]], ""):
            return k
    return default


def generational_suffix(word: str) -> bool:
    """``Jr.``, ``Sr``, ``II``, ``III``, ``IV``: part of who a person is.

    Examples:
        >>> generational_suffix("III"), generational_suffix("Jr."), generational_suffix("Hurt")
        (True, True, False)
    """
    return word.lower().rstrip(".") in _SUFFIXES


#: Abbreviated titles of an office before a full name (``Rep. Paul Ryan``); no honorifics.
_OFFICE_ABBREVIATIONS = frozenset("gov sen rep gen lt col dr prof sgt capt adm rev maj".split())


def role_name_tail(words: list[Token]) -> int | None:
    """Index of the role before the full name (the last two words) closing ``words``, else ``None``.

    ``Dana Morrow`` of ``Fight for Fifteen director Dana Morrow`` or ``Speaker of the
    House Rep. Paul Ryan``: whatever the capitalised words before the role (an
    organisation), the name speaks. The role is a lower-case role noun, a title
    (``Director``) or an office abbreviation (``Rep.``). Two readers of the same shape
    accept roles the lists miss, each where the context vouches for the name: any
    lower-case word before a name and ``of`` (`quotes.speakers.noun_phrase.name_before_of`)
    and lower-case role words after an inverted cue (``said Reed constituent Dana Morrow``,
    `quotes.attribution.direct_forms`).

    Examples:
        >>> from quotes.text.tokens import tokens
        >>> role_name_tail(tokens("Friends of the Earth director Dana Morrow", 0, 41))
        4
        >>> role_name_tail(tokens("the House Rep. Paul Ryan", 0, 24))
        2
        >>> role_name_tail(tokens("Friends of the Earth", 0, 20)) is None
        True
    """
    if len(words) < 3 or not (name_like(words[-1][0]) and name_like(words[-2][0])):
        return None
    r = len(words) - 3
    if words[r][0] == "." and r > 0 and words[r - 1][2] == words[r][1]:
        return r - 1 if words[r - 1][0].lower() in _OFFICE_ABBREVIATIONS else None
    role = words[r][0]
    low = role.lower()
    if not role.isalpha() or len(role) < 4 or low in FUNCTION_WORDS:
        return None
    if role[:1].isupper():
        return r if low in TITLES else None
    return r if low in TITLES or low in source_words() or person_noun(low) else None
