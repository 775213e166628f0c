"""Noun phrases that can be a subject: the core and its post-modifiers.

`core_end` reads a core noun phrase (names, titles and source nouns, with
determiners and quantifiers: ``Some delegates``, ``72 percent of Democrats``,
``Nearly eight in 10 Democratic voters``); `phrase_end` adds the
post-modifiers without commas (``at the convention in Philadelphia``, ``those
surveyed``, ``others who want to ban abortion``, ``Hawkins and others``).
`quotes.attribution.subject` assembles these into a whole subject.
"""

from __future__ import annotations

from functools import lru_cache

from quotes.lexicon import (
    DEMONYMS,
    GROUP_HEADS,
    ORG_WORDS,
    PRONOUNS,
    TITLES,
    relative_word,
    source_word_counts,
)
from quotes.speakers.noun_phrase import PERSON_ENDINGS
from quotes.text.tokens import Token

__all__ = ["PHRASE_OPENERS", "QUANTITY_HEADS", "bare_lower", "core_end", "phrase_end", "subject_nouns"]

#: Words that open a noun phrase (determiners, quantifiers, demonstratives): never a name.
PHRASE_OPENERS = frozenset(
    """the a an another one some many most all both several few other these those this that each
    every any no his her their its our my your such more less fewer nearly almost about around
    roughly only just over under at least some two three four five six seven eight nine ten
    eleven twelve twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds
    thousand thousands dozens dozen majority majorities half third thirds quarter quarters
    plurality percent""".split()
)
#: Words that lead a quantity (``Nearly half``, ``About 40``, ``Some 200``).
_LEADING = frozenset("nearly almost about around roughly only just over under some".split())
#: Heads that stand alone as a quantity or a group (``Many``, ``Nearly half``, ``Others``);
#: for callers too (``72 percent``, ``those surveyed``).
QUANTITY_HEADS = frozenset(
    """many most some others half third thirds quarter quarters majority majorities minority
    plurality few several all both those one two three four five six seven eight nine ten
    percent dozens hundreds thousands millions""".split()
)
#: Prepositions that attach a phrase to a subject (``delegates at the convention``).
_ATTACHING_PREPOSITIONS = frozenset(
    "of at in for from with on to by among inside outside across around near within over under".split()
)
#: Participles that post-modify a subject (``those surveyed``, ``voters polled``).
_PARTICIPLES = frozenset(
    """surveyed polled interviewed questioned asked contacted involved familiar close briefed
    knowledgeable responsible aware speaking""".split()
)
#: Words that may follow the head of a subject (``voters nationwide``, ``Democrats alike``).
_AFTER_HEAD = frozenset(
    "overall nationwide alike themselves himself herself itself here too today yesterday tonight".split()
)
#: Words that show the stretch is a clause, not a noun phrase.
_CLAUSE_WORDS = frozenset(
    """is was are were be been being has have had will would can could should may might must do
    does did not n't never if when while because although though since after before until unless
    whether than as so but yet also then later now again still just even however meanwhile i we
    you he she they it there what why how where""".split()
)
#: Number words of a ratio (``eight in 10``).
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten".split())
#: Relative pronouns that open a clause after the subject (``others who want to ban abortion``).
_RELATIVE = frozenset({"who", "whose", "that"})
#: Possessives that open a subject or a coordinated part (``Her advisers``, ``They and their supporters``).
_SUBJECT_POSSESSIVES = frozenset("my your his her its our their".split())


@lru_cache(maxsize=1)
def _source_nouns() -> frozenset[str]:
    """Lower-case words seen at least three times in PolNeAR train Source spans."""
    out = {word for word, count in source_word_counts().items() if count >= 3}
    verbs = {w for w in out if w.endswith(("ed", "ing")) and w not in _PARTICIPLES} | _VERB_FORMS
    return frozenset(
        out - verbs - _CLAUSE_WORDS - _ATTACHING_PREPOSITIONS - _RELATIVE - _AFTER_HEAD - {"and", "or"}
        - (PHRASE_OPENERS - QUANTITY_HEADS)
    )


#: Verb forms seen inside Source spans (relative clauses) that never head a subject.
_VERB_FORMS = frozenset(
    """said says say wrote thought came gave spoke spoken found shot led think speak talk fear
    show rule vote calls backs supports tells told knows know want wants himself herself itself
    themselves ran put puts sent took made""".split()
)


def bare_lower(tok: str) -> str:
    """Lower-case a token and drop a possessive ``'s`` or ``’s``."""
    low = tok.lower()
    return low[:-2] if low.endswith(("'s", "’s")) else low


def _noun(tok: str) -> bool:
    """A word that can head or build a source phrase."""
    low = bare_lower(tok)
    if tok[:1].isupper() or tok[:1].isdigit():
        return low not in _CLAUSE_WORDS
    return low in subject_nouns()


@lru_cache(maxsize=1)
def subject_nouns() -> frozenset[str]:
    """Lower-case words that can head or build a subject: source nouns, titles, groups, quantities."""
    return _source_nouns() | TITLES | GROUP_HEADS | ORG_WORDS | QUANTITY_HEADS | {"%"}


def _role_noun(tok: str, first: bool) -> bool:
    """A lower-case noun, or a role noun capitalised as the phrase's first word (``Treasurer``)."""
    if tok.islower():
        return _noun(tok)
    low = bare_lower(tok)
    return first and tok[:1].isupper() and not tok.isupper() and (
        low in TITLES or low in _source_nouns() and low.endswith(PERSON_ENDINGS)
    )


def _modifier(tok: str) -> bool:
    """``Western``, ``progressive``, ``Current``: an adjective that may modify a following noun."""
    low = tok.lower()
    if low in DEMONYMS or low in _ADJECTIVES:
        return True
    return (
        tok.isalpha() and low not in subject_nouns() and low not in _CLAUSE_WORDS and low not in PHRASE_OPENERS
        and low not in PRONOUNS and low not in _ATTACHING_PREPOSITIONS
        and (tok.islower() or low in _ADJECTIVES)
    )


#: Capitalised sentence-initial adjectives read as modifiers, not names (``Current and former``).
_ADJECTIVES = frozenset(
    """current former local state federal foreign senior top military civilian public private
    independent conservative liberal progressive religious political economic social national
    regional international domestic european western eastern northern southern young older
    retired active""".split()
)


def core_end(toks: list[Token], i: int, n: int, loose: bool = False) -> int:
    """End index (exclusive) of a core noun phrase starting at ``toks[i]``, or ``i``.

    Args:
        toks: The clause's tokens.
        i: Index of the phrase's first token.
        n: Index not to read past.
        loose: An unknown lower-case word may open the phrase (after ``and``).

    Returns:
        The end of the phrase, or ``i`` when no core noun phrase starts there.
    """
    return _CoreReader(toks, i, n, loose).read()


class _CoreReader:
    """Reads one core noun phrase of ``toks[i:n]`` token by token.

    ``j`` is the next token; ``last_head`` the index of the phrase's head so far
    (``-1`` for none) and ``weak_head`` that of a head taken by position only (an
    unknown lower-case noun), which need not pass the final head test.
    """

    __slots__ = ("toks", "i", "n", "loose", "j", "last_head", "weak_head")

    def __init__(self, toks: list[Token], i: int, n: int, loose: bool) -> None:
        self.toks, self.i, self.n, self.loose = toks, i, n, loose
        self.j = i
        self.last_head = self.weak_head = -1

    def read(self) -> int:
        """Read the phrase; its end index, or ``i`` when there is none."""
        self._leading_quantifiers()
        while self.j < self.n and self._step():
            pass
        return self._end()

    def _leading_quantifiers(self) -> None:
        """Skip leading quantifiers: ``At least``, ``More than``, ``Nearly``, ``About``."""
        toks, n = self.toks, self.n
        while self.j < n and (
            bare_lower(toks[self.j][0]) in _LEADING
            or bare_lower(toks[self.j][0]) in ("at", "more", "less", "fewer") and self.j + 1 < n
            and bare_lower(toks[self.j + 1][0]) in ("least", "most", "than")
        ):
            self.j += 2 if bare_lower(toks[self.j][0]) in ("at", "more", "less", "fewer") else 1

    def _step(self) -> bool:
        """Take ``toks[j]`` (and maybe more) into the phrase; ``False`` when the phrase ends before it."""
        if self._joining():
            return True
        toks, j, n = self.toks, self.j, self.n
        tok = toks[j][0]
        low = bare_lower(tok)
        if low in _CLAUSE_WORDS or low in _ATTACHING_PREPOSITIONS or low in PRONOUNS or low in _RELATIVE:
            return False
        if tok == "," and 0 < j < n - 1 and toks[j - 1][0].isdigit() and toks[j + 1][0].isdigit() and (
            toks[j - 1][2] == toks[j][1] and toks[j + 1][1] == toks[j][2]
        ):
            self.j += 1  # "1,409"
            return True
        if low in ("and", "or", ","):
            return False
        if not tok[:1].isalnum():
            return False
        if _noun(tok):
            self.last_head = j
            self.j += 1
            return True
        if low in PHRASE_OPENERS:
            self.j += 1
            return True
        if self._unknown_head(tok, low):
            self.last_head = self.weak_head = j
            self.j += 1
            return True
        if self._unknown_modifier(tok, low):
            self.j += 1
            return True
        return False

    def _joining(self) -> bool:
        """Dots, possessives, coordinated roles or adjectives, symbols and ratios (``eight in 10``)."""
        toks, i, j, n = self.toks, self.i, self.j, self.n
        tok = toks[j][0]
        low = bare_lower(tok)
        if tok == "." and j > i and toks[j - 1][2] == toks[j][1]:
            if self.last_head == j - 1:
                self.last_head = j
            self.j += 1  # "Sen.", "U.S.", "Fla."
            return True
        if low in _SUBJECT_POSSESSIVES and j + 1 < n and (j == i or bare_lower(toks[j - 1][0]) == "and"):
            self.j += 1  # "Her advisers", "They and their supporters"
            return True
        if low == "and" and j > i and _role_noun(toks[j - 1][0], j - 1 == i) and j + 1 < n and (
            toks[j + 1][0].islower() and _noun(toks[j + 1][0])
        ):
            self.j += 1  # "journalist and author Hiro Aida", "Treasurer and party chairwoman Ana Ruiz"
            return True
        if j + 3 < n and bare_lower(toks[j + 1][0]) == "and" and _modifier(tok) and self._coordinated_adjectives():
            return True
        if tok in ("-", "%", "&", "'", "’", "/") and j > i:
            if tok == "%" and self.last_head == j - 1 and toks[j - 1][0][:1].isdigit():
                self.last_head = j  # "42%": the sign ends the quantity that heads the phrase
            self.j += 1
            return True
        if low == "in" and j + 1 < n and j > i and (
            toks[j + 1][0].isdigit() or bare_lower(toks[j + 1][0]) in _NUMBER_WORDS
        ) and (toks[j - 1][0].isdigit() or bare_lower(toks[j - 1][0]) in _NUMBER_WORDS):
            self.j += 2
            self.last_head = self.j - 1
            return True
        return False

    def _coordinated_adjectives(self) -> bool:
        """``South Korean and Western intelligence agencies``, ``Current and former officials``.

        Coordinated adjectives before one plural noun name one group: the phrase
        after ``and`` is read, and taken when it ends in such a noun.
        """
        toks, j = self.toks, self.j
        k = core_end(toks, j + 2, self.n)
        tail = toks[k - 1][0] if k > j + 3 else ""
        if tail.islower() and tail.isalpha() and (
            tail.endswith("s") and not tail.endswith("ss")
            or tail in GROUP_HEADS or tail in ORG_WORDS
        ):
            self.last_head = self.weak_head = k - 1
            self.j = k
            return True
        return False

    def _unknown_head(self, tok: str, low: str) -> bool:
        """An unknown lower-case word that heads the phrase by its position.

        After a determiner (``the airline``), a possessive (``Santilli's girlfriend``)
        or first after ``and`` (``co-host``); and a plural right after a noun
        (``Dairy farmers``, ``Trump backers``).
        """
        toks, i, j, n = self.toks, self.i, self.j, self.n
        led = (
            self.loose and j == i
            or j > i and self.last_head < 0 and bare_lower(toks[i][0]) in PHRASE_OPENERS
            or j > i and toks[j - 1][0].endswith(("'s", "’s"))
        )  # "the airline", "Santilli's girlfriend", "(and) co-host"
        if (
            led and tok.islower() and tok.replace("-", "").isalpha()
            and not low.endswith(("ed", "ing", "ly")) and (j + 1 >= n or not _noun(toks[j + 1][0]))
        ):
            return True
        # A plural after a noun heads the phrase: "Dairy farmers", "Trump backers".
        return (
            j > i and self.last_head == j - 1 and tok.islower() and tok.isalpha() and low.endswith("s")
            and not low.endswith(("ss", "us", "is")) and (j + 1 >= n or not _noun(toks[j + 1][0]))
        )

    def _unknown_modifier(self, tok: str, low: str) -> bool:
        """An unknown lower-case modifier, allowed when a noun follows (``prominent Republicans``)."""
        toks, j, n = self.toks, self.j, self.n
        nxt = bare_lower(toks[j + 1][0]) if j + 1 < n else ""
        return (
            tok.islower() and not low.endswith("ly") and j + 1 < n and nxt not in PHRASE_OPENERS
            and low not in _VERB_FORMS
            and not (low.endswith("ed") and toks[j + 1][0][:1].isupper())  # "responded Friday"
            and (_noun(toks[j + 1][0]) or toks[j + 1][0].islower() and j + 2 < n and _noun(toks[j + 2][0]))
        )

    def _end(self) -> int:
        """The phrase's end, when it has a head that can head a subject; else ``i``."""
        toks, i, j = self.toks, self.i, self.j
        if self.last_head < 0 and j > i and bare_lower(toks[j - 1][0]) in QUANTITY_HEADS:
            self.last_head = j - 1  # "Some say", "Most said"
        last_head = self.last_head
        if last_head < 0:
            return i
        head = toks[last_head - 1][0] if toks[last_head][0] in (".", "%") else toks[last_head][0]
        low = bare_lower(head)
        if last_head != self.weak_head and not (
            head[:1].isupper() or head[:1].isdigit() or _noun(head) or low in QUANTITY_HEADS
        ):
            return i
        return last_head + 1


def _loose_np(toks: list[Token], i: int, n: int) -> int:
    """End of the object of a preposition: any words but clause words, at least one."""
    j = i
    while j < n:
        tok = toks[j][0]
        low = bare_lower(tok)
        if low in _CLAUSE_WORDS or low in PRONOUNS and low not in ("her", "his", "its") or low in ("and", "or"):
            break
        if relative_word(tok, _RELATIVE, low):
            break  # "officials at the agency who": a relative clause; "at the WHO": a name
        if not tok[:1].isalnum() and tok not in (".", "-", "'", "’", "%", "&", "/"):
            break
        j += 1
    return j


def phrase_end(toks: list[Token], i: int, n: int) -> int:
    """End of a subject phrase (core plus post-modifiers) that must reach ``n``; or -1.

    Args:
        toks: The clause's tokens.
        i: Index of the phrase's first token.
        n: Index the phrase must end at.

    Returns:
        ``n`` when ``toks[i:n]`` is one subject phrase, else ``-1``.
    """
    j = core_end(toks, i, n)
    if j == i:
        return -1
    while j < n:
        low = toks[j][0].lower()
        if low in _ATTACHING_PREPOSITIONS and j + 1 < n:
            k = _loose_np(toks, j + 1, n)
            if k == j + 1:
                return -1
            j = k
            continue
        if low in _PARTICIPLES or low in _AFTER_HEAD:
            j += 1
            continue
        if low in ("and", "or") and j + 1 < n:
            k = core_end(toks, j + 1, n, loose=True)
            if k == j + 1:
                return -1
            j = k
            continue
        if relative_word(toks[j][0], ("who", "that"), low) and j + 1 < n:
            nxt = toks[j + 1][0]
            if not nxt.islower() or bare_lower(nxt) in PRONOUNS or bare_lower(nxt) in PHRASE_OPENERS:
                return -1
            return n  # "others who want to ban abortion": the relative clause runs to the cue
        if toks[j][0] == "(":
            close = next((k for k in range(j, n) if toks[k][0] == ")"), -1)
            if close < 0:
                return -1
            j = close + 1
            continue
        return -1
    return j
