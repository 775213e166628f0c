"""The full subject noun phrase before a reporting verb, as PolNeAR marks Sources.

`full_subject` reads the whole phrase between the start of the clause and
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
phrase (the Source). Everything is rule-based and works on one clause. The core
and post-modifiers are read by `quotes.attribution.subject_phrase`; this
module handles the commas, dashes, appositions and lists around them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quotes.attribution.subject_phrase import (
    PHRASE_OPENERS,
    QUANTITY_HEADS,
    bare_lower,
    core_end,
    phrase_end,
    subject_nouns,
)
from quotes.lexicon import MONTHS, WEEKDAYS, place_name, relative_word
from quotes.speakers.names import role_name_tail
from quotes.speakers.noun_phrase import NounPhrase
from quotes.text.tokens import Token, tokens, tokens_within

# QUANTITY_HEADS and subject_nouns are re-exported from quotes.attribution.subject_phrase.
__all__ = ["QUANTITY_HEADS", "FullSubject", "full_subject", "subject_nouns"]

#: Connectives that open a clause before its subject (``But``, ``Meanwhile``).
_CONNECTIVES = frozenset(
    """but and so yet still even also meanwhile however now then instead indeed besides though
    although while whereas""".split()
)
#: Days and months: a phrase they open is a time, never a speaker (``Tuesday at the college``).
_DATES = MONTHS | WEEKDAYS
#: A party and state after a name (``(R-Texas)``), part of the Source.
_PARTY = re.compile(r"\s*\((?:[DRI]|Dem|Rep|Ind)-[A-Z][A-Za-z. ]{1,14}\)")


@dataclass(frozen=True)
class FullSubject:
    """``core`` names the speaker; ``start``/``end`` span the whole Source phrase."""

    core: NounPhrase
    start: int
    end: int
    quantity: bool


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
        return len(toks) > 1 and phrase_end(toks, 1, len(toks)) == len(toks)
    if re.match(r"[DRI]-[A-Z]", first):
        return True  # "R-S.C."
    end = phrase_end(toks, 0, len(toks))
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
    return all(0 < y - x <= 4 and core_end(toks, x, y) == y for x, y in firsts)


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
    return bool(words) and all(w[:1].isupper() and w.lower() not in PHRASE_OPENERS for w in words)


def _name_after_organisation(
    toks: list[Token], a: int, head_end: int, b: int
) -> list[Token] | None:
    """``Dana Morrow`` of ``Fight for Fifteen director Dana Morrow``: a role and a name.

    The core ``toks[a:head_end]`` stopped at the ``for`` or ``of`` of an organisation's
    name (``Friends of the Earth``); when the phrase then ends with a lower-case role
    noun (``director``, ``organizer``) and a full name, the name speaks. A core that is
    a description (``An aide to campaign manager Dana Morrow``) keeps its head.
    """
    if toks[b - 1][0] == ")":  # "Rep. Paul Ryan (R-WI)": the party after the name
        b = next((k for k in range(b - 1, head_end, -1) if toks[k][0] == "("), b)
    if b - a < 5 or not _proper_name(toks[a:head_end]):
        return None
    if bare_lower(toks[head_end][0]) not in ("of", "for"):
        return None
    if any(t[0] in ("and", "&") for t in toks[head_end:b]):
        return None  # "Secretary of State A and Gov. B": a list, read as one
    k = role_name_tail(toks[head_end + 1 : b])  # the role, after a word of the organisation
    return toks[b - 2 : b] if k is not None and k >= 1 else None


def _before_party(toks: list[Token]) -> list[Token]:
    """``Gov. Dana Morrow`` of ``Gov. Dana Morrow (R-OH)``: the tokens before a parenthesis."""
    return next((toks[:k] for k, t in enumerate(toks) if t[0] == "("), toks)


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
    end, closed, dashed = _clause_end(norm, lo, hi)
    toks = tokens_within(toks, lo, end) if toks is not None else tokens(norm, lo, end)
    if not toks or len(toks) > 60:
        return None
    if dashed:  # "Intelligence officials — including X — have argued": dashes as commas
        toks = _dashes_as_commas(norm, toks)
    if relative_word(toks[-1][0]):
        return None  # "officials who said": a relative clause; "WHO said": the organisation
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
        parts = _subject_parts(norm, toks, s, commas, stops, closed)
        if parts is None:
            continue
        listed = len(parts) > 1 and not closed and _name_list(toks, parts)  # "Smith, Jones and Lee"
        subject_first = closed and s == 0 and len(parts) > 1
        found = _source(norm, toks, parts, listed, hi)
        if found is not None:
            return found
    return None


def _clause_end(norm: str, lo: int, hi: int) -> tuple[int, bool, bool]:
    """``(end, closed, dashed)``: where the subject ends, before space and a closing comma or dash.

    ``closed``: a comma or a spaced dash closes the phrase (an apposition before
    the cue); ``dashed``: a dash does.
    """
    end = hi
    while end > lo and norm[end - 1].isspace():
        end -= 1
    dashed = _closing_dash(norm, lo, end)
    closed = norm[end - 1 : end] == "," or dashed is not None
    if closed:
        end = dashed.start() if dashed is not None else end - 1
    return end, closed, dashed is not None


def _closing_dash(norm: str, lo: int, end: int) -> re.Match[str] | None:
    """``_CLOSING_DASH.search(norm, lo, end)``, read from the end of the span.

    The match ends at ``end``, so it is looked for in the last 64 characters, and further
    back only while the spaces before the dash reach the start of what was read (a search
    from ``lo`` would cost the clause for every cue).
    """
    width = 64
    while True:
        start = max(lo, end - width)
        m = _CLOSING_DASH.search(norm, start, end)
        if m is None or m.start() > start or start == lo:
            return m
        width *= 2


def _subject_parts(
    norm: str, toks: list[Token], s: int, commas: list[int], stops: list[int], closed: bool
) -> list[tuple[int, int]] | None:
    """The comma-separated parts of a subject read from ``toks[s]``, or ``None``.

    Leading connectives are skipped; the first part must be a subject phrase.
    ``None`` for a colon inside, the end of a place (``Dayton, Ohio,``) or of a
    name (``Academy of Arts, Letters and Sciences``), or an inner comma that is no
    apposition and no list.
    """
    i = s
    while i < len(toks) and toks[i][0].lower() in _CONNECTIVES:
        i += 1
    if i >= len(toks):
        return None
    parts: list[tuple[int, int]] = []
    prev = i
    if any(c >= i for c in stops):
        return None  # a colon inside: not one phrase
    for c in [c for c in commas if c >= i] + [len(toks)]:
        parts.append((prev, c))
        prev = c + 1
    if s == i and s > 0 and toks[s - 1][0] == "," and _town_place(norm, toks, s - 2, *parts[0]):
        return None  # "A nurse in Dayton, Ohio,": the state ends the place, no subject of its own
    if s == i and s > 0 and toks[s - 1][0] == "," and _name_list_tail(toks, s, parts[0][1]):
        return None  # "the Academy of Arts, Letters and Sciences": the end of a name, no subject
    if len(parts) > 1 and not closed and not _listing(toks, parts):
        return None  # an inner comma with none before the cue: not an apposition
    first_a, first_b = parts[0]
    if phrase_end(toks, first_a, first_b) != first_b:
        return None
    return parts


def _source(
    norm: str, toks: list[Token], parts: list[tuple[int, int]], listed: bool, hi: int
) -> FullSubject | None:
    """The subject of ``parts`` when the parts after the first are appositions, else ``None``.

    ``listed``: the parts are a list of names (``Smith, Jones and Lee``), all of
    which speak. A party and state after the phrase (``(R-Texas)``) belong to it.
    """
    # "Trump, speaking at a rally in Wilmington, N.C., warned": the participle phrase is
    # set off like an apposition but is no part of the source.
    cut = next(
        (n for n, (a, b) in enumerate(parts) if n and _participle_phrase(toks[a:b])), len(parts)
    )
    if not listed and not all(_apposition(toks[a:b]) for a, b in parts[1:cut]):
        return None
    if cut < len(parts) and not all(
        _apposition(toks[a:b]) or _participle_phrase(toks[a:b]) or _place(toks[a:b])
        for a, b in parts[cut + 1 :]
    ):
        return None
    parts = parts[:cut]
    head = _speaker_tokens(norm, toks, parts, listed)
    if head is None:
        return None
    last = bare_lower(head[-1][0]) if head[-1][0] != "." else bare_lower(head[-2][0])
    quantity = last in QUANTITY_HEADS or last[:1].isdigit() or last == "%"  # "42% say"
    core = NounPhrase(head[0][1], head[-1][2], norm[head[0][1] : head[-1][2]])
    start, stop = toks[parts[0][0]][1], toks[parts[-1][1] - 1][2]
    if bare_lower(toks[parts[0][0]][0]) in _DATES and head[0][1] > start:
        start = head[0][1]  # "Tuesday at the college, Gov. X,": the time is no part of the Source
    m = _PARTY.match(norm, stop)
    if m and m.end() <= hi:
        stop = m.end()
    return FullSubject(core, start, stop, quantity)


def _speaker_tokens(
    norm: str, toks: list[Token], parts: list[tuple[int, int]], listed: bool
) -> list[Token] | None:
    """The tokens that name the speaker: the first part's core, a list, or a name in apposition.

    ``One of his advisers, Tad Devine,``: the name speaks; ``Trump and Ryan``,
    ``Both Cruz and Fiorina``: the whole list does.
    """
    first_a, first_b = parts[0]
    head_end = core_end(toks, first_a, first_b)
    head = toks[first_a:head_end]
    if listed:
        head = toks[first_a : parts[-1][1]]  # the whole list speaks
    elif head_end < first_b and _name_list(toks, [(first_a, first_b)]):
        head = toks[first_a:first_b]  # "Trump and Ryan", "Both Cruz and Fiorina"
    if not head:
        return None
    if head_end < first_b and not listed:
        head = _name_after_organisation(toks, first_a, head_end, first_b) or head
    named = [
        toks[a:b] for n, (a, b) in enumerate(parts[1:], 1)
        if _proper_name(toks[a:b]) and not _town_place(norm, toks, a - 2, a, b)
    ]
    if not named and bare_lower(head[0][0]) in _DATES:  # "Tuesday at …, Gov. X (R-OH),"
        named = [_before_party(toks[a:b]) for a, b in parts[1:2]]
        named = [part for part in named if _proper_name(part)]
    if named and not listed and (not _proper_name(head) or bare_lower(head[0][0]) in _DATES):
        head = named[0]  # "One of his advisers, Tad Devine,", "Tuesday at …, X,": the name speaks
    return head
