"""The person names an article uses: finding them in its capitalised runs, with their roles.

[`SpeakerResolver`][quotes.speakers.resolver.SpeakerResolver] indexes, once per article, every
person name of the body (``Kremlin spokesman Dmitry Peskov``: the name ``Dmitry Peskov``, the
role ``Kremlin spokesman``) before it resolves any mention. `ArticleNamesMixin` holds that
reading: a capitalised run split into role and name, a leading word that is not part of the
name dropped (``Rival Hillary Clinton``), and the roles given in an apposition
(``Yermak, Zelenskyy's chief of staff,``); and the tests of a single capitalised word that
the resolver shares (a common word the article also writes in lower case, a word that is no
first name).
"""

from __future__ import annotations

import bisect
import re
from typing import Optional

from quotes.lexicon import (
    DEMONYMS,
    NON_NAME_CAPITALS,
    PLACES,
    TITLES,
    initials,
    place_name,
    source_words,
)
from quotes.speakers.fronted import FRONTED_PREPOSITIONS
from quotes.speakers.names import (
    date_before_name,
    generational_suffix,
    group_opener,
    middle_initial,
    word_surname_tail,
)
from quotes.speakers.noun_phrase import (
    FIRST_NAME_WORDS,
    FUNCTION_WORDS,
    GIVEN_NAMES,
    NOT_NAME_OPENERS,
    NOT_SUBJECT_OPENERS,
    NUMBERS,
    SPEAKER_DETERMINERS,
    bare_phrase,
    given_name,
    is_capitalised,
    is_initial,
    name_like,
    plural_group,
    without_article,
)
from quotes.text.tokens import tokens

__all__ = ["ArticleName", "ArticleNamesMixin", "TitleCaseLines"]

#: Conjunctions and adverbs that open a clause before a name (``Wherever Hillary Clinton goes``).
_CLAUSE_OPENERS = frozenset("along wherever whenever while unless if as".split())

#: A person name found in the article: ``(start, end, name, role written before it)``.
ArticleName = tuple[int, int, str, Optional[str]]

_ABBR_DOT = r"(?:(?<=\b[A-Z])|(?<=\b(?:Mr|Dr|Ms|St|Lt|Jr|Sr))|(?<=\b(?:Gov|Sen|Rep|Gen|Col|Mrs|Sgt|Rev|Hon|Maj))|(?<=\bCapt))\."
_CAP_RUN = re.compile(
    r"(?:(?:[A-Z]\.[A-Z](?:\.[A-Z])?\.|[A-Z][\w'\-]*(?:" + _ABBR_DOT + r")?)\s+(?:(?:de|van|von|al|bin|da|der|la|le)\s+)?)*"
    r"[A-Z][\w'\-]*"
)

#: A possessive ``'s`` inside a capitalised run, and the spaces after it.
_INNER_POSSESSIVE = re.compile(r"(?<=[A-Za-z])'s(?=(\s+)[A-Z])")
#: A word of four letters or more (a headline capitalises these).
_LONG_WORD = re.compile(r"[A-Za-z][\w'\-]{3,}")
#: A role in an apposition after a name (``, Zelenskyy's chief of staff,``) or before it.
_APPOS_AFTER = re.compile(r",\s+((?:the\s+|a\s+|an\s+)?[\w'\- ]{3,60}?),")
_APPOS_BEFORE = re.compile(r"(?:^|[.;:]\s+|\n)((?:[A-Z][\w']*\s+)?[\w'\- ]{3,60}?),\s+")


class TitleCaseLines:
    r"""Which lines of a text capitalise most of their longer words, as headlines do.

    Each line is read once, however many names it holds, and a position's line is
    found by bisection over the line starts (computed on first use), so asking for
    every name of a long one-line text stays linear.

    Examples:
        >>> lines = TitleCaseLines("Senator Calls Trump's Putin Remarks Dangerous\nHe said so.")
        >>> lines.at(20), lines.at(50)
        (True, False)
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None
        self._known: dict[int, bool] = {}

    def at(self, pos: int) -> bool:
        """Whether the line holding ``pos`` is in title case."""
        if self._starts is None:
            self._starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        lo = self._starts[bisect.bisect_right(self._starts, pos) - 1]
        if lo not in self._known:
            hi = self.text.find("\n", lo)
            words = _LONG_WORD.findall(self.text, lo, hi if hi >= 0 else len(self.text))
            self._known[lo] = len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.6 * len(
                words
            )
        return self._known[lo]


class ArticleNamesMixin:
    """Finds the person names of an article and the roles it gives them.

    The attributes are those [`quotes.speakers.resolver.SpeakerResolver`][] builds.
    """

    text: str
    norm: str
    roles: dict[str, str]
    _titled: set[str]
    _lower_words: set[str]

    def find_names(self, body: list[tuple[int, int]]) -> list[ArticleName]:
        """Person names in the article body, as ``(start, end, name, role)``, in text order.

        A possessive inside a capitalised run ends a name: ``Barack Obama's America``
        is read as ``Barack Obama's`` and ``America``, except in a line in title case (a
        headline's ``Calls Trump's Putin Remarks`` names no ``Calls Trump``).
        """
        names: list[ArticleName] = []
        headline_lines = TitleCaseLines(self.norm)
        for lo, hi in body:
            for m in _CAP_RUN.finditer(self.norm, lo, hi):
                start = m.start()
                inner = list(_INNER_POSSESSIVE.finditer(self.norm, start, m.end()))
                if inner and headline_lines.at(start):
                    inner = []
                for poss in inner:
                    found = self._split_name(start, poss.end())
                    if found:
                        names.append(found)
                    start = poss.end() + len(poss.group(1))
                found = self._split_name(start, m.end())
                if found:
                    names.append(found)
        return names

    def index_roles(self, names: list[ArticleName], ordered: list[ArticleName]) -> None:
        """Roles of full names: written before the name (fullest forms first), else an apposition."""
        for _a, _b, name, role in ordered:
            if role and len(name.split()) >= 2:
                self.roles.setdefault(name, role)
        for a, b, name, _role in names:
            if len(name.split()) >= 2 and name not in self.roles:
                role = self._appositive_role(a, b)
                if role:
                    self.roles[name] = role

    def _split_name(self, a: int, b: int) -> Optional[ArticleName]:
        """Split a capitalised run into (role, name); return the name if it is a person's."""
        toks = tokens(self.norm, a, b)
        words = [t for t in toks if t[0] != "."]
        if all(w[0].isupper() for w in words):
            return None  # an all-caps run: shouting, not a name
        if words and words[-1][0].endswith("'s"):
            tok, a, b = words[-1]
            words[-1] = (tok[:-2], a, b - 2)
        j = len(words)
        if len(words) >= 3 and generational_suffix(words[-1][0]) and name_like(words[-2][0]):
            j -= 1  # "Harry Hurt III": the suffix is part of the name
        j -= word_surname_tail(self.norm, words, j)  # "Charlie King", "Peter T. King"
        while j > 0 and (
            name_like(words[j - 1][0]) or given_name(words, j - 1)
            or initials(words[j - 1][0]) and j < len(words) and name_like(words[j][0])  # "J.M. Berger"
            or middle_initial(self.norm, words, j - 1)  # "William A. Ackman"
        ):
            j -= 1
        name_toks = words[j:]
        if not name_toks:
            return None
        titled = j > 0 and bare_phrase(words[j - 1][0]) in TITLES
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

    def clean_names(self, names: list[ArticleName]) -> list[ArticleName]:
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
            while len(parts) >= 2 and not is_initial(parts[0].rstrip(".")):
                first = parts[0]
                rest = name[len(first):].lstrip()
                common = (
                    (first.lower() in lower_words or first.lower() in source_words() or first.lower() in TITLES)
                    and first.lower() not in GIVEN_NAMES and first.lower() not in FIRST_NAME_WORDS
                )  # "Comedian Sarah Silverman", "Counsel W. Neil Eggleston"
                opener = first.lower() in NOT_NAME_OPENERS and (
                    first.lower() != "will" or rest in surnames
                ) or self._clause_word(first)  # "Will Sanders win?" but "Will Doyle" is a name
                if opener or date_before_name(self.norm, a, parts) or len(parts) >= 3 and (
                    (rest in found and not is_initial(parts[1].rstrip("."))) or common
                    or group_opener(first)  # "Korean-born Monte Haines", "Editor-in-Chief Martin Baron"
                ):
                    a = a + len(name) - len(rest)
                    name, parts = rest, parts[1:]
                    continue
                break
            if any(p.lower() in NOT_NAME_OPENERS for p in parts[1:]):
                continue  # a headline clause ("Will Twitter Be Next"), not a name
            out.append((a, b, name, role))
        return out

    def _clause_word(self, word: str) -> bool:
        """A word opening a clause before a name: ``Following Sanders``, ``Like Allen``.

        A preposition or conjunction that opens a phrase (``Like``, ``Along``,
        ``Wherever``), or an ``-ing`` word the article also writes in lower case
        (``Following``, ``Entrusting``); never a given name (``Sterling``, ``Irving``).
        """
        low = word.lower()
        if low in GIVEN_NAMES or low in FIRST_NAME_WORDS:
            return False
        if low in FRONTED_PREPOSITIONS or low in NOT_SUBJECT_OPENERS or low in _CLAUSE_OPENERS:
            return True
        return len(low) > 5 and low.endswith("ing") and low in self._lower_words

    def _appositive_role(self, a: int, b: int) -> Optional[str]:
        """``Yermak, Zelenskyy's chief of staff,`` or ``Zelenskyy's chief of staff, Andriy Yermak,``."""
        after = _APPOS_AFTER.match(self.norm, b)
        if after and any(bare_phrase(w) in TITLES for w in after.group(1).split()):
            return without_article(self.text[after.start(1):after.end(1)])
        before = _APPOS_BEFORE.search(self.norm, max(0, a - 80), a)
        if before and before.end() == a:
            words = before.group(1).split()
            if any(bare_phrase(w) in TITLES for w in words) and self.norm[b:b + 1] == ",":
                return without_article(self.text[before.start(1):before.end(1)])
        return None

    def _role_start(self, run_start: int, name_start: int) -> Optional[int]:
        """Start of a role phrase before a name; lower-case title words count too."""
        window = max(0, run_start - 60)  # a line break before it cannot matter: read back no further
        lo = max(window, self.norm.rfind("\n", window, name_start) + 1)
        toks = tokens(self.norm, lo, name_start)
        start = None
        has_title = False
        for tok, a, _b in reversed(toks):
            low = bare_phrase(tok)
            if tok == "." or tok == "'":
                continue
            if low in SPEAKER_DETERMINERS or not tok[0].isalnum():
                break
            if low == "of" and start is not None:
                continue
            if low in TITLES:
                has_title = True
            elif not is_capitalised(tok) or low in FUNCTION_WORDS or low in NON_NAME_CAPITALS:
                break
            start = a
        return start if has_title else None

    def not_first_name(self, tok: str) -> bool:
        """A word opening a capitalised run that is no first name.

        ``Never`` (the article writes it in lower case), ``Bashing`` (a participle),
        ``Wisconsin``, ``Senators``, ``Six``, ``Neither``, ``Team``, ``Oscar-winner``:
        ``Never Trump`` is no other person named Trump.
        """
        low = bare_phrase(tok)
        if low in GIVEN_NAMES or low in FIRST_NAME_WORDS:
            return False
        if group_opener(tok):
            return True  # "Neither Cruz", "Team Trump", "Oscar-winner Sarandon"
        return (
            low in self._lower_words or (low.endswith("ing") and len(low) > 5) or place_name(tok)
            or low in PLACES or low in DEMONYMS or low in NON_NAME_CAPITALS or low in TITLES
            or low in NOT_SUBJECT_OPENERS or low in NOT_NAME_OPENERS
            or low in NUMBERS or plural_group(low) or (low.endswith("s") and low[:-1] in TITLES)
        )

    def common_word(self, tok: str) -> bool:
        """A capitalised word the article also writes in lower case, or an adverb/participle."""
        low = tok.lower()
        if not tok[:1].isupper() or tok.isupper() or low in GIVEN_NAMES or low in FIRST_NAME_WORDS:
            return False
        if len(low) > 4 and low.endswith(("ly", "ing", "ed")) and low[:-2] not in self._lower_words:
            return True
        return low in self._lower_words
