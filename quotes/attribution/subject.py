"""The full subject noun phrase before a reporting verb, as PolNeAR marks Sources.

:func:`full_subject` reads the whole phrase between the start of the clause and
the cue, and accepts it only when it has the shape of a subject:

* a core noun phrase: names, titles and source nouns, with determiners and
  quantifiers (``Some delegates``, ``Other Republican candidates``, ``The two
  voters``), quantities (``72 percent of Democrats``, ``Nearly eight in 10
  Democratic voters``, ``Nearly half``, ``Those over 60``);
* post-modifiers without commas: prepositional phrases (``at the convention in
  Philadelphia``, ``of the New York delegation``), participles (``those
  surveyed``), relative clauses (``others who want to ban abortion``) and
  coordination (``Hawkins and others``);
* appositions and relative clauses between commas, closed by a comma right
  before the cue (``Sen. Lindsey Graham, R-S.C., a long-shot presidential
  candidate,``; ``One of his advisers, Tad Devine,``; ``Rachel Woolard, 20, of
  Jacksonville, Fla.,``).

It returns the core phrase (which names the speaker) and the span of the whole
phrase (the Source). Everything is rule-based and works on one clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from quotes.lexicon import DEMONYMS, GROUP_HEADS, ORG_WORDS, PRONOUNS, TITLES, place_name
from quotes.speakers.noun_phrase import PERSON_ENDINGS, NounPhrase
from quotes.text.tokens import Token, tokens

__all__ = ["QUANTITY_HEADS", "FullSubject", "full_subject"]

#: Words that open a noun phrase (determiners, quantifiers, demonstratives).
_OPENERS = frozenset(
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
    knowledgeable responsible aware""".split()
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
#: Connectives that open a clause before its subject (``But``, ``Meanwhile``).
_CONNECTIVES = frozenset(
    """but and so yet still even also meanwhile however now then instead indeed besides though
    although while whereas""".split()
)
#: Number words of a ratio (``eight in 10``).
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten".split())
#: Relative pronouns that open a clause after the subject (``others who want to ban abortion``).
_RELATIVE = frozenset({"who", "whose", "that"})
#: Possessives that open a subject or a coordinated part (``Her advisers``, ``They and their supporters``).
_SUBJECT_POSSESSIVES = frozenset("my your his her its our their".split())
#: A party and state after a name (``(R-Texas)``), part of the Source.
_PARTY = re.compile(r"\s*\((?:[DRI]|Dem|Rep|Ind)-[A-Z][A-Za-z. ]{1,14}\)")


@dataclass(frozen=True)
class FullSubject:
    """``core`` names the speaker; ``start``/``end`` span the whole Source phrase."""

    core: NounPhrase
    start: int
    end: int
    quantity: bool


@lru_cache(maxsize=1)
def _source_nouns() -> frozenset[str]:
    """Lower-case words seen at least three times in PolNeAR train Source spans."""
    data = resources.files("quotes").joinpath("data", "source_words.tsv").read_text("utf-8")
    out = set()
    for line in data.splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and not line.startswith("#") and parts[1].isdigit() and int(parts[1]) >= 3:
            out.add(parts[0])
    verbs = {w for w in out if w.endswith(("ed", "ing")) and w not in _PARTICIPLES} | _VERB_FORMS
    return frozenset(
        out - verbs - _CLAUSE_WORDS - _ATTACHING_PREPOSITIONS - _RELATIVE - _AFTER_HEAD - {"and", "or"}
        - (_OPENERS - QUANTITY_HEADS)
    )


#: Verb forms seen inside Source spans (relative clauses) that never head a subject.
_VERB_FORMS = frozenset(
    """said says say wrote thought came gave spoke spoken found shot led think speak talk fear
    show rule vote calls backs supports tells told knows know want wants himself herself itself
    themselves ran put puts sent took made""".split()
)


def _low(tok: str) -> str:
    low = tok.lower()
    return low[:-2] if low.endswith(("'s", "’s")) else low


def _noun(tok: str) -> bool:
    """A word that can head or build a source phrase."""
    low = _low(tok)
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
    low = _low(tok)
    return first and tok[:1].isupper() and not tok.isupper() and (
        low in TITLES or low in _source_nouns() and low.endswith(PERSON_ENDINGS)
    )


def _modifier(tok: str) -> bool:
    """``Western``, ``progressive``, ``Current``: an adjective that may modify a following noun."""
    low = tok.lower()
    if low in DEMONYMS or low in _ADJECTIVES:
        return True
    return (
        tok.isalpha() and low not in subject_nouns() and low not in _CLAUSE_WORDS and low not in _OPENERS
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


def _core(toks: list[Token], i: int, n: int, loose: bool = False) -> int:
    """End index (exclusive) of a core noun phrase starting at ``toks[i]``, or ``i``.

    ``loose``: an unknown lower-case word may open the phrase (after ``and``).
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
            _low(toks[self.j][0]) in _LEADING
            or _low(toks[self.j][0]) in ("at", "more", "less", "fewer") and self.j + 1 < n
            and _low(toks[self.j + 1][0]) in ("least", "most", "than")
        ):
            self.j += 2 if _low(toks[self.j][0]) in ("at", "more", "less", "fewer") else 1

    def _step(self) -> bool:
        """Take ``toks[j]`` (and maybe more) into the phrase; ``False`` when the phrase ends before it."""
        if self._joining():
            return True
        toks, j, n = self.toks, self.j, self.n
        tok = toks[j][0]
        low = _low(tok)
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
        if low in _OPENERS:
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
        low = _low(tok)
        if tok == "." and j > i and toks[j - 1][2] == toks[j][1]:
            if self.last_head == j - 1:
                self.last_head = j
            self.j += 1  # "Sen.", "U.S.", "Fla."
            return True
        if low in _SUBJECT_POSSESSIVES and j + 1 < n and (j == i or _low(toks[j - 1][0]) == "and"):
            self.j += 1  # "Her advisers", "They and their supporters"
            return True
        if low == "and" and j > i and _role_noun(toks[j - 1][0], j - 1 == i) and j + 1 < n and (
            toks[j + 1][0].islower() and _noun(toks[j + 1][0])
        ):
            self.j += 1  # "journalist and author Hiro Aida", "Treasurer and party chairwoman Ana Ruiz"
            return True
        if j + 3 < n and _low(toks[j + 1][0]) == "and" and _modifier(tok) and self._coordinated_adjectives():
            return True
        if tok in ("-", "%", "&", "'", "’", "/") and j > i:
            self.j += 1
            return True
        if low == "in" and j + 1 < n and j > i and (
            toks[j + 1][0].isdigit() or _low(toks[j + 1][0]) in _NUMBER_WORDS
        ) and (toks[j - 1][0].isdigit() or _low(toks[j - 1][0]) in _NUMBER_WORDS):
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
        k = _core(toks, j + 2, self.n)
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
            or j > i and self.last_head < 0 and _low(toks[i][0]) in _OPENERS
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
        nxt = _low(toks[j + 1][0]) if j + 1 < n else ""
        return (
            tok.islower() and not low.endswith("ly") and j + 1 < n and nxt not in _OPENERS
            and low not in _VERB_FORMS
            and not (low.endswith("ed") and toks[j + 1][0][:1].isupper())  # "responded Friday"
            and (_noun(toks[j + 1][0]) or toks[j + 1][0].islower() and j + 2 < n and _noun(toks[j + 2][0]))
        )

    def _end(self) -> int:
        """The phrase's end, when it has a head that can head a subject; else ``i``."""
        toks, i, j = self.toks, self.i, self.j
        if self.last_head < 0 and j > i and _low(toks[j - 1][0]) in QUANTITY_HEADS:
            self.last_head = j - 1  # "Some say", "Most said"
        last_head = self.last_head
        if last_head < 0:
            return i
        head = toks[last_head - 1][0] if toks[last_head][0] == "." else toks[last_head][0]
        low = _low(head)
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
        low = _low(tok)
        if low in _CLAUSE_WORDS or low in PRONOUNS and low not in ("her", "his", "its") or low in ("and", "or"):
            break
        if low in _RELATIVE:
            break
        if not tok[:1].isalnum() and tok not in (".", "-", "'", "’", "%", "&", "/"):
            break
        j += 1
    return j


def _phrase(toks: list[Token], i: int, n: int) -> int:
    """End of a subject phrase (core plus post-modifiers) that must reach ``n``; or -1."""
    j = _core(toks, i, n)
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
            k = _core(toks, j + 1, n, loose=True)
            if k == j + 1:
                return -1
            j = k
            continue
        if low in ("who", "that") and j + 1 < n:
            nxt = toks[j + 1][0]
            if not nxt.islower() or _low(nxt) in PRONOUNS or _low(nxt) in _OPENERS:
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


def _apposition(toks: list[Token]) -> bool:
    """A part between commas after the head: a description, age, place or relative clause."""
    if not toks:
        return False
    first = toks[0][0]
    low = first.lower()
    if low in ("who", "whose"):
        return len(toks) > 1
    if first.isdigit():
        return len(toks) == 1
    if low == "of":
        return len(toks) > 1 and toks[1][0][:1].isupper()
    if low == "including":
        return len(toks) > 1 and _phrase(toks, 1, len(toks)) == len(toks)
    if re.match(r"[DRI]-[A-Z]", first):
        return True  # "R-S.C."
    end = _phrase(toks, 0, len(toks))
    return end == len(toks)


_CLOSING_DASH = re.compile(r"\s+(?:—|–|--?)$")
_DASHES = frozenset("— – -".split())


def _dashes_as_commas(norm: str, toks: list[Token]) -> list[Token]:
    """Each spaced dash (or ``--``) becomes one comma token."""
    out: list[Token] = []
    for tok in toks:
        if tok[0] in _DASHES and (norm[tok[1] - 1 : tok[1]].isspace() or norm[tok[2] : tok[2] + 1] in (" ", "-")):
            if out and out[-1][0] == "," and out[-1][2] == tok[1]:
                out[-1] = (",", out[-1][1], tok[2])
                continue
            out.append((",", tok[1], tok[2]))
            continue
        out.append(tok)
    return out


def _participle_phrase(toks: list[Token]) -> bool:
    """``speaking at a rally``, ``appearing on Fox News``: a participle set off by commas."""
    first = toks[0][0] if toks else ""
    return first.islower() and first.endswith("ing") and first != "including" and len(toks) > 1


def _place(toks: list[Token]) -> bool:
    """``N.C.``, ``Iowa``: a place name after a participle phrase."""
    words = [t[0] for t in toks if t[0] != "."]
    return 0 < len(words) <= 3 and all(w[:1].isupper() for w in words)


def _listing(toks: list[Token], parts: list[tuple[int, int]]) -> bool:
    """``Friends, lobbyists and former foes``: short plain phrases, the last joined by ``and``."""
    *firsts, (a, b) = parts
    if not any(t[0] in ("and", "or") for t in toks[a:b]):
        return False
    return all(0 < y - x <= 4 and _core(toks, x, y) == y for x, y in firsts)


def _name_list(toks: list[Token], parts: list[tuple[int, int]]) -> bool:
    """Names between commas, the last two joined by ``and``.

    ``Trump and Ryan``, ``Both Cruz and Fiorina``, ``Smith, Jones(,) and Lee``.
    """
    *firsts, (a, b) = parts
    words = [t[0] for t in toks[a:b]]
    if words.count("and") != 1:
        return False
    k = a + words.index("and")
    names = [*firsts, (a, k), (k + 1, b)] if k > a else [*firsts, (k + 1, b)]  # "Jones, and Lee"
    x0, y0 = names[0]
    if toks[x0][0].lower() == "both":
        names[0] = (x0 + 1, y0)
    return all(_proper_name(toks[x:y]) for x, y in names)


def _proper_name(toks: list[Token]) -> bool:
    """``Tad Devine``, ``Sen. Lindsey Graham``: capitalised words only."""
    words = [t[0] for t in toks if t[0] != "."]
    return bool(words) and all(w[:1].isupper() and w.lower() not in _OPENERS for w in words)


def _town_place(norm: str, toks: list[Token], town: int, a: int, b: int) -> bool:
    """``Dayton, Ohio``: ``toks[a:b]`` names the state or country of the town ``toks[town]``."""
    return (
        0 <= town and toks[town][0][:1].isupper() and b > a
        and place_name(norm[toks[a][1] : toks[b - 1][2]])
    )


def _name_list_tail(toks: list[Token], a: int, b: int) -> bool:
    """``Letters and Sciences`` after ``of Arts,``: the last items of a list inside a name."""
    words = [t[0] for t in toks[a:b]]
    if "and" not in words and "&" not in words:
        return False
    if not all(w in ("and", "&") or w[:1].isupper() for w in words):
        return False
    k = a - 2  # the words before the comma: "of" and capitalised words ("of Arts", "of Fine Arts")
    while k >= 0 and toks[k][0][:1].isupper():
        k -= 1
    return k >= 0 and k < a - 2 and toks[k][0] == "of"


def full_subject(norm: str, lo: int, hi: int, toks: list[Token] | None = None) -> FullSubject | None:
    """The subject phrase ending right before ``hi`` (where the cue's auxiliaries start).

    ``lo`` is the start of the clause (the sentence start, or where the text not
    yet used begins). Leading connectives and a leading adverbial set off by a
    comma (``Hours later,``) are skipped. ``toks`` are the sentence's tokens when
    the caller has them (saves tokenising again).
    """
    end = hi
    while end > lo and norm[end - 1].isspace():
        end -= 1
    dashed = _CLOSING_DASH.search(norm, lo, end)
    closed = norm[end - 1 : end] == "," or dashed is not None
    if closed:
        end = dashed.start() if dashed is not None else end - 1
    toks = [t for t in toks if lo <= t[1] and t[2] <= end] if toks is not None else tokens(norm, lo, end)
    if not toks or len(toks) > 60:
        return None
    if dashed is not None:  # "Intelligence officials — including X — have argued": dashes as commas
        toks = _dashes_as_commas(norm, toks)
    if toks[-1][0].lower() in ("who", "which", "that"):
        return None
    commas = [
        n for n, t in enumerate(toks)
        if t[0] == "," and not (  # "1,409 teachers": a thousands separator
            0 < n < len(toks) - 1 and toks[n - 1][0].isdigit() and toks[n + 1][0].isdigit()
            and toks[n - 1][2] == t[1] and toks[n + 1][1] == t[2]
        )
    ]
    stops = [n for n, t in enumerate(toks) if t[0] in (":", ";")]
    starts = sorted({0, *(c + 1 for c in commas), *(c + 1 for c in stops)})
    if not closed and not any(t[0] in ("and", "or") for t in toks[starts[-1] :]):
        starts = starts[-1:]  # no apposition and no list: only the phrase after the last comma
    subject_first = False  # a noun phrase opens the clause: a later start would be its apposition
    for s in starts:
        if subject_first:
            return None
        i = s
        while i < len(toks) and toks[i][0].lower() in _CONNECTIVES:
            i += 1
        if i >= len(toks):
            continue
        parts: list[tuple[int, int]] = []
        prev = i
        if any(c >= i for c in stops):
            continue  # a colon inside: not one phrase
        for c in [c for c in commas if c >= i] + [len(toks)]:
            parts.append((prev, c))
            prev = c + 1
        if s == i and s > 0 and toks[s - 1][0] == "," and _town_place(norm, toks, s - 2, *parts[0]):
            continue  # "A nurse in Dayton, Ohio,": the state ends the place, no subject of its own
        if s == i and s > 0 and toks[s - 1][0] == "," and _name_list_tail(toks, s, parts[0][1]):
            continue  # "the Academy of Arts, Letters and Sciences": the end of a name, no subject
        if len(parts) > 1 and not closed and not _listing(toks, parts):
            continue  # an inner comma with none before the cue: not an apposition
        first_a, first_b = parts[0]
        if _phrase(toks, first_a, first_b) != first_b:
            continue
        listed = len(parts) > 1 and not closed and _name_list(toks, parts)  # "Smith, Jones and Lee"
        subject_first = closed and s == 0 and len(parts) > 1
        # "Trump, speaking at a rally in Wilmington, N.C., warned": the participle phrase is
        # set off like an apposition but is no part of the source.
        cut = next(
            (n for n, (a, b) in enumerate(parts) if n and _participle_phrase(toks[a:b])), len(parts)
        )
        if not listed and not all(_apposition(toks[a:b]) for a, b in parts[1:cut]):
            continue
        if cut < len(parts) and not all(
            _apposition(toks[a:b]) or _participle_phrase(toks[a:b]) or _place(toks[a:b])
            for a, b in parts[cut + 1 :]
        ):
            continue
        parts = parts[:cut]
        core_end = _core(toks, first_a, first_b)
        head = toks[first_a:core_end]
        if listed:
            head = toks[first_a : parts[-1][1]]  # the whole list speaks
        elif core_end < first_b and _name_list(toks, [(first_a, first_b)]):
            head = toks[first_a:first_b]  # "Trump and Ryan", "Both Cruz and Fiorina"
        if not head:
            continue
        named = [
            toks[a:b] for n, (a, b) in enumerate(parts[1:], 1)
            if _proper_name(toks[a:b]) and not _town_place(norm, toks, a - 2, a, b)
        ]
        if named and not listed and not _proper_name(head):
            head = named[0]  # "One of his advisers, Tad Devine,": the name speaks
        last = _low(head[-1][0]) if head[-1][0] != "." else _low(head[-2][0])
        quantity = last in QUANTITY_HEADS or last[:1].isdigit()
        core = NounPhrase(head[0][1], head[-1][2], norm[head[0][1] : head[-1][2]])
        start, stop = toks[first_a][1], toks[parts[-1][1] - 1][2]
        m = _PARTY.match(norm, stop)
        if m and m.end() <= hi:
            stop = m.end()
        return FullSubject(core, start, stop, quantity)
    return None
