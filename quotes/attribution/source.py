"""The source noun phrase next to a cue: subjects, appositions and the full mention.

`read_subject` reads the subject before a cue (``Peskov, the Kremlin's
spokesman,``), `loose_subject` the looser forms after a closing mark,
`clause_subject` the subject of a participle's clause, and `resolve_speaker`
resolves the head and stretches the mention over the whole phrase
(`quotes.attribution.source_extent.extend_noun_phrase`), as PolNeAR's Source spans
do. Split out of [`quotes.attribution.direct`][].
"""

from __future__ import annotations

import re
from typing import Optional

from quotes.attribution.cues import (
    FINITE,
    PARTICIPLE_RE,
    PREPOSITIONS,
    SPEECH_VERBS,
    cue_type_of,
    intro_cue,
)
from quotes.attribution.named_appositive import named_appositive
from quotes.attribution.source_extent import (
    NOT_APPOSITION_OPENERS,
    REPORTING_RELATIVE,
    extend_noun_phrase,
)
from quotes.document import Document
from quotes.lexicon import (
    CUE_AUXILIARIES,
    NON_NAME_CAPITALS,
    PRONOUNS,
    TITLES,
    place_name,
    source_words,
)
from quotes.models import Speaker, SpeakerType
from quotes.speakers.names import role_name_tail
from quotes.speakers.noun_phrase import (
    NounPhrase,
    scan_left,
    scan_right,
    without_article,
)
from quotes.text.tokens import skip_spaces, tokens

#: A party tag closing the words before a cue (``Sen. Chuck Schumer (D-N.Y.)``).
_PARTY_END = re.compile(r"\s*\((?:[DRI]|Dem|Rep|Ind)(?:-[A-Z][A-Za-z. ]{1,14})?\)\s*$")
#: Relative pronouns opening an apposition: a clause, no role.
_RELATIVE = ("who ", "whose ", "which ", "who's ")


_AGE_ONLY = re.compile(r",\s*\d{1,3},\s*")
#: A participle phrase between a subject and its cue (``, speaking to Iowans,``).
_ASIDE = re.compile(
    r",\s+(?:[a-z]+ing\b[^,;:\"]{0,80}|[a-z]+ed|(?:after|before|during|in|at|on)\s+(?:a|an|the|his|her)\s[^,;:\"]{1,80}),\s*"
)


def _place_after_town(ctx: Document, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """``Dayton, Ohio`` or ``Lyon, France``: ``b`` names where the town ending ``a`` lies."""
    town = ctx.norm[a[0]:a[1]].split()
    return bool(town) and town[-1][:1].isupper() and place_name(ctx.norm[b[0]:b[1]])


#: A person's full name: two to four capitalised words (``Tom Becker``, ``Mariam K. Emara``).
_FULL_NAME = re.compile(r"[A-Z][\w'’\-]+(?:\s+(?:[A-Z]\.|[A-Z][\w'’\-]+)){1,3}")
#: A full name, then where its bearer works or lives (``David Woodard of Clemson University``).
_NAME_OF = re.compile("(" + _FULL_NAME.pattern + r")\s+(?:of|at|from)\s+[A-Z][\s\S]*")
#: Articles (and with ``another``, determiners: ``Another pollster``) of a description: no name opens with one.
_ARTICLES = ("the ", "a ", "an ")
_DETERMINERS = (*_ARTICLES, "another ")
#: A description and a comma right before a name (``another friend, `` of ``another friend, Mariam Emara``).
_ROLE_BEFORE_NAME = re.compile(
    r"((?:[Aa]n?|[Aa]nother|[Oo]ne|[Tt]he|[Hh]is|[Hh]er|[Tt]heir)(?:\s+[\w'’\-]+){1,4}(?<=[a-z])),\s+"
)
_ROLE_PHRASE = re.compile(r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[A-Z][\w\-]*'s)(?:\s+[\w'\-]+){1,6}")


def appositive_role(ctx: Document, lo: int, hi: int) -> Optional[tuple[NounPhrase, Optional[str]]]:
    """``Peskov, the Kremlin's spokesman,`` or ``Zelenskyy's chief of staff, Andriy Yermak,``."""
    m = re.search(r"(?:^|,)\s*([^,]{2,80}),\s*([^,]{2,80}),\s*$", ctx.norm[lo:hi])
    if not m:
        return None
    a = (lo + m.start(1), lo + m.end(1))
    b = (lo + m.start(2), lo + m.end(2))
    np_a = scan_left(ctx.norm, a[0], a[1])
    np_b = scan_left(ctx.norm, b[0], b[1])
    if (np_a is None or np_a.start != a[0]) and _ROLE_PHRASE.fullmatch(ctx.norm, a[0], a[1]) and (
        any(w.lower() in TITLES or w.lower() in source_words() for w in ctx.norm[a[0]:a[1]].split()[1:])
        or _FULL_NAME.fullmatch(ctx.norm, b[0], b[1]) and ctx.norm[a[1] - 1].islower()
    ):
        np_a = NounPhrase(a[0], a[1], ctx.norm[a[0]:a[1]])  # "her senior policy adviser", "a neighbor, Tom Becker,"
    if np_a is None or np_b is None or np_a.start != a[0] or np_b.start != b[0]:
        return None
    if _place_after_town(ctx, a, b):
        return None  # "A nurse in Dayton, Ohio,": the state is where the town is, not a name
    a_name = np_a.text[:1].isupper() and not np_a.text.lower().startswith(_DETERMINERS)
    b_name = np_b.text[:1].isupper() and not np_b.text.lower().startswith(_ARTICLES)  # not ``another``
    b_name = b_name and all(w[:1].isupper() for w in np_b.text.split())
    employer = _NAME_OF.fullmatch(np_b.text) if not a_name else None
    if employer is not None:  # "Another pollster, David Woodard of Clemson University,"
        np_b, b_name = NounPhrase(np_b.start, np_b.start + employer.end(1), employer.group(1)), True
    if b_name:
        return np_b, ctx.text[np_a.start:np_a.end]
    if a_name:
        return np_a, without_article(ctx.text[np_b.start:np_b.end])
    return None


_FUNCTION_WORD = r"(?!(?:in|on|at|of|to|for|with|by|from|and|or|but|a|an|the|who|that|which|is|was|has|had)\b)"
_DESCRIPTION = re.compile(
    r"(?<![\w'])(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Aa]nother|[Oo]ne|[Tt]his)\s+"
    r"(?:" + _FUNCTION_WORD + r"[\w'’\-]+\s+){0,3}" + _FUNCTION_WORD + r"[a-z0-9][\w\-]*(?<!ing)"
)


#: A subject read before a cue: the head noun phrase, a role read beside it, and
#: the start of the full phrase when it lies before the head.
Subject = tuple[NounPhrase, Optional[str], Optional[int]]


def read_subject(ctx: Document, lo: int, hi: int, *, anchored: bool, descriptions: bool = True) -> Optional[Subject]:
    """The subject before a cue that starts at ``hi``: ``(head, role, start)``.

    Reads ``Peskov``, ``Peskov, the Kremlin's spokesman,``, ``Paradis, who has been
    active in politics,`` and ``Zelenskyy's chief of staff, Andriy Yermak,``. With
    ``anchored`` the phrase must begin at ``lo`` (the text right after a quote);
    otherwise anything before it must end with a comma (``Asked about it, Peskov``).
    ``start`` is the start of the full phrase when it lies before the head.
    """
    while hi > lo and ctx.norm[hi - 1].isspace():
        hi -= 1
    p = skip_spaces(ctx.norm, lo, hi)
    party = _PARTY_END.search(ctx.norm, lo, hi)
    if party is not None:  # "Sen. Chuck Schumer (D-N.Y.) said"
        hi = party.start()
    np = scan_left(ctx.norm, lo, hi)
    if np is None and descriptions:
        # "the gambling tycoon", "his wife", "the 46-year-old": a description.
        m = _DESCRIPTION.search(ctx.norm, lo, hi)
        if m is not None and m.end() == hi:
            np = NounPhrase(m.start(), m.end(), ctx.norm[m.start():m.end()])
    if np is not None and _in_relative_clause(ctx, np, p):
        np = None  # "an official who spoke anonymously said": the verb of a relative clause
    if np is not None and (_placed(ctx, np, p, anchored) or not anchored and not _object_of(ctx, np, p)):
        return np, None, None
    if np is not None and anchored and _FULL_NAME.fullmatch(ctx.norm, np.start, np.end):
        role = _ROLE_BEFORE_NAME.fullmatch(ctx.norm, p, np.start)
        if role is not None:  # "…,” another friend, Mariam Emara told CNN: no comma after the name
            return np, without_article(ctx.text[role.start(1):role.end(1)]), p
    if not ctx.norm[lo:hi].endswith(","):
        return None
    appos = appositive_role(ctx, lo, hi)
    if appos is not None and appos[0].end == hi - 1:  # "his chief of staff, Rahm Emanuel,"
        head, role = appos
        m = re.search(r"(?:^|,)\s*([^,]{2,80}),\s*[^,]{2,80},\s*$", ctx.norm[lo:hi])
        first = lo + m.start(1) if m else head.start
        return head, role, first
    return _subject_before_comma(ctx, lo, hi, p, anchored)


def _placed(ctx: Document, np: NounPhrase, p: int, anchored: bool) -> bool:
    """``np`` starts the clause at ``p`` (anchored), or follows a comma or a conjunction."""
    if anchored:
        return np.start == p
    pre = ctx.norm[p:np.start].rstrip()
    return not pre or pre[-1] in ",:;" or pre.split()[-1].lower() in ("but", "and", "so", "then", "as")


def _in_relative_clause(ctx: Document, np: NounPhrase, p: int) -> bool:
    """``spoke`` of ``an official who spoke anonymously said``: a verb, not a subject.

    A lower-case word right after a relative pronoun, or a passive participle after
    ``be`` (``an official who asked not to be named said``).
    """
    pre = ctx.norm[max(p, np.start - 40):np.start].split()  # the word before, not the clause
    if not pre or not np.text[:1].islower() or np.text.lower() in PRONOUNS:
        return False
    last = pre[-1].lower()
    return last in ("who", "which", "that") or (
        last in ("be", "been", "being") and " " not in np.text and np.text.endswith("ed")
    )


def _object_of(ctx: Document, np: NounPhrase, p: int) -> bool:
    """``speaking to Fox News said``, ``released a memo titled``: an object, not a subject."""
    pre = ctx.norm[p:np.start].split()
    if not pre:
        return False
    last = pre[-1]
    return last.lower() in PREPOSITIONS or (
        last.isalpha() and last.islower() and (last.endswith("ed") or last.endswith("s"))
        and last not in ("as", "was", "has", "is", "this", "his", "its", "us")
    )


def _subject_before_comma(ctx: Document, lo: int, hi: int, p: int, anchored: bool) -> Optional[Subject]:
    """A subject followed by an aside up to the comma before the cue (``Paradis, who …, said``)."""
    commas = [i for i in range(hi - 2, p, -1) if ctx.norm[i] == ","]
    if anchored:
        commas.reverse()
    for c in commas[:4]:
        tag = _PARTY_END.search(ctx.norm, lo, c)  # "Sen. Richard J. Durbin (D-Ill.), noting …, said"
        head = scan_left(ctx.norm, lo, tag.start() if tag else c)
        a = c + 1
        while a < hi and ctx.norm[a].isspace():
            a += 1
        who = ctx.norm.startswith("who ", a)  # a relative clause on a person follows
        if who and (head is None or not _placed(ctx, head, p, anchored)) and _DESCRIPTION.fullmatch(ctx.norm, p, c):
            head = NounPhrase(p, c, ctx.norm[p:c])  # "one commuter, who declined to give his name,"
        if head is None or not _placed(ctx, head, p, anchored) or not (who or any(
            w[:1].isupper() or w.lower() in source_words() for w in head.text.split()
        )):
            continue
        end = extend_noun_phrase(ctx, head.end, min(len(ctx.norm), hi + 120), inverted=False)
        if _AGE_ONLY.fullmatch(ctx.norm, end, hi) or _ASIDE.fullmatch(ctx.norm, end, hi):
            return head, None, None  # "Ramos, 58, told AFP", "Fiorina, speaking to Iowans, said"
        gap = re.match(r",\s*", ctx.norm[end:hi])
        reporting = gap is not None and REPORTING_RELATIVE.match(ctx.norm, end + gap.end(), hi)
        if reporting and ctx.norm[:hi].rstrip().endswith(","):
            return head, None, None  # "Trump, who has told aides he sees ..., said": its own report
        if ctx.norm[end:hi].strip(" .,"):
            continue
        role = ctx.text[a:hi - 1]
        return head, without_article(role), None
    return None


_LOOSE_LEAD = frozenset("his her their its our my this the a an".split())
_LOOSE_DET = frozenset("the a an this his her their one".split())
_LOOSE_ATTACH = re.compile(r"\s+(?:for|of|at|with|from|in|on)\s+(?:[\w'’\-.]+\s+){0,4}[\w'’\-.]*\w")


def _loose_word(w: str) -> bool:
    low = w.lower()
    return (
        w.isalpha() and w.islower() and low not in NON_NAME_CAPITALS and low not in FINITE
        and not low.endswith(("ly", "ed", "ing")) and cue_type_of(low) is None
    )


def loose_subject(
    ctx: Document, p: int, hi: int
) -> Optional[tuple[NounPhrase, Optional[str], Optional[int], Optional[int]]]:
    """A subject between a closing mark and its cue that `read_subject` does not read.

    ``”, his friend Mahama Ali told CNN``, ``”, screenwriter Cole Haddon tweeted``
    (lower-case words before a name) and ``”, a spokesman for committee Democrats
    said`` (a description with an attachment). Returns ``(head, role, start, end)``.
    """
    while hi > p and ctx.norm[hi - 1].isspace():
        hi -= 1
    p = skip_spaces(ctx.norm, p, hi)
    if hi <= p or any(c in ctx.norm[p:hi] for c in ",;:()\"\n"):
        return None
    np = scan_left(ctx.norm, p, hi)
    if np is not None and np.end == hi and np.start > p and any(w[:1].isupper() for w in np.text.split()):
        pre = ctx.norm[p:np.start].split()
        lead = pre[0].lower() in _LOOSE_LEAD
        rest = pre[1:] if lead else pre
        if 1 <= len(pre) <= 3 and all(_loose_word(w) or _loose_word(w.lower()) for w in rest) and (
            rest or pre[0].lower() not in ("the", "a", "an", "this")
        ):
            return np, None, p, None
    head = scan_right(ctx.norm, p, hi)
    if head is not None and head.start == p and head.text[:1].isupper() and _LOOSE_ATTACH.fullmatch(ctx.norm, head.end, hi):
        tail = tokens(ctx.norm, head.end, hi)
        k = role_name_tail(tail[1:])
        if k is not None and k >= 1:  # "Fight for Fifteen director Dana Morrow": the name
            a, b = tail[-2][1], tail[-1][2]
            return NounPhrase(a, b, ctx.norm[a:b]), None, p, None
        return head, None, None, hi  # "James Pethokoukis of the American Enterprise Institute"
    m = re.fullmatch(r"([^,]{2,60}),\s+([^,]{2,60})", ctx.norm[p:hi])
    if m is not None:  # "another friend, Mariam Emara told CNN"
        name = scan_left(ctx.norm, p + m.start(2), hi)
        role = ctx.norm[p:p + m.end(1)]
        if (
            name is not None and name.start == p + m.start(2) and name.text[:1].isupper()
            and (_ROLE_PHRASE.fullmatch(role) or _DESCRIPTION.fullmatch(role) or re.fullmatch(r"[Aa]nother\s+\w+", role))
            and any(w.lower() in TITLES or w.lower() in source_words() for w in role.split())
        ):
            return name, without_article(ctx.text[p:p + m.end(1)]), p, None
    toks = tokens(ctx.norm, p, hi)
    if len(toks) > 9 or not toks or toks[0][0].lower() not in _LOOSE_DET:
        return None
    k = 1
    while k < len(toks) and k <= 3 and _loose_word(toks[k][0]):
        k += 1
    if k == 1:
        return None
    head = NounPhrase(p, toks[k - 1][2], ctx.norm[p:toks[k - 1][2]])
    if k == len(toks):
        return head, None, None, None  # "this source told the Post"
    if _LOOSE_ATTACH.fullmatch(ctx.norm, head.end, hi) and not any(
        w[0].lower() in FINITE or w[0].lower() in ("who", "that", "which") for w in toks[k:]
    ):
        return head, None, None, hi
    return None


def resolve_speaker(
    ctx: Document, np: NounPhrase, at: int, role: Optional[str] = None, *, start: Optional[int] = None,
    describe: bool = False, end: Optional[int] = None,
) -> Optional[Speaker]:
    """Resolve ``np``; the mention covers the full noun phrase (appositions included).

    Args:
        ctx: The article context.
        np: The head noun phrase (``Rahm Emanuel``).
        at: Offset of the quote.
        role: A role read beside the phrase, used when the resolver knows none.
        start: Start of the full phrase when it begins before ``np`` (``his chief of
            staff, Rahm Emanuel``).
        describe: When the resolver knows nothing of a description (``the gambling
            tycoon``), return it as a speaker of unknown type rather than ``None``.
        end: End of the full phrase when it runs past what `extend_noun_phrase` reads
            (``a spokesman for committee Democrats``).
    """
    sp = ctx.resolver.resolve(np, at=at, sentence_starts=ctx.sentence_starts, exclude=ctx.quoted)
    if sp is None and describe and _DESCRIPTION.fullmatch(ctx.norm, np.start, np.end):
        name = without_article(ctx.text[np.start:np.end])
        sp = Speaker(name=name, mention=ctx.text[np.start:np.end], start=np.start, end=np.end, type=SpeakerType.UNKNOWN)
    if sp is None:
        return None
    named = named_appositive(ctx, np, sp, at) if start is None else None
    if named is not None:  # "Ann Lee, a spokeswoman for X, said": Ann Lee
        sp, start = named, named.start
    update: dict = {}
    if role and sp.role is None and not role.startswith(_RELATIVE) and not role[:1].isdigit():
        update["role"] = role
    a = np.start if start is None else min(start, np.start)
    limit = ctx.sentence_of(np.start)[1]
    before = ctx.norm[max(0, np.start - 30):np.start].split()
    inverted = bool(before) and (
        cue_type_of(before[-1]) is not None or before[-1].lower() in SPEECH_VERBS or before[-1].lower() == "to"
    )
    b = extend_noun_phrase(ctx, np.end, max(limit, np.end), inverted)
    if end is not None:
        b = max(b, end)
    if (a, b) != (sp.start, sp.end) and sp.mention.lower() not in ("he", "she", "they", "it", "we"):
        update.update(mention=ctx.text[a:b], start=a, end=b)
        if role is None and sp.role is None and b > np.end:
            m = re.match(r"\s*,\s+((?:the|a|an|another)\s+)?", ctx.norm[np.end:b])
            appos = ctx.text[np.end + m.end():b] if m else ""
            age = re.match(r"(?:then\s+)?\d", appos)  # "Renee Gold, 83": no role
            if appos and not appos.startswith(_RELATIVE) and not age and "," not in appos:
                update["role"] = appos
    return sp.model_copy(update=update) if update else sp


_NOT_SUBJECT = frozenset("here there this that these those it's asked speaking when while after".split())


def clause_subject(
    ctx: Document, lo: int, hi: int, *, cue_verbs: bool = False, nearest: bool = False
) -> Optional[NounPhrase]:
    """The subject of the main clause in ``norm[lo:hi]``: a phrase followed by a verb.

    Tried at the clause start and after each comma (``At the time, she released…``).
    With ``cue_verbs`` the verb may be a verb of saying (``Lazar said he … and added``);
    with ``nearest`` the clause closest to ``hi`` is tried first (``…, he laughed and said``).
    """
    starts = [lo] + [lo + m.end() for m in re.finditer(r",\s*", ctx.norm[lo:hi])]
    if nearest:
        starts.reverse()
    for a in starts:
        np = scan_right(ctx.norm, a, hi)
        if np is None or np.start != skip_spaces(ctx.norm, a, hi):
            continue
        toks = tokens(ctx.norm, np.start, np.end)
        for n, (w, _ta, _tb) in enumerate(toks[1:], 1):
            if w[:1].islower() and (w.endswith("ed") or w in FINITE or cue_type_of(w) is not None):
                np = NounPhrase(np.start, toks[n - 1][2], ctx.norm[np.start:toks[n - 1][2]])
                break
        if np.text.split()[0].lower() in _NOT_SUBJECT or (
            " " not in np.text and np.text.endswith("ing") and ctx.norm[np.end:np.end + 1] == ","
        ):
            continue  # "Smiling, she …"
        after = np.end
        age = _AGE_ONLY.match(ctx.norm, after, hi)
        if age is not None:  # "Suu Kyi, 70, said …"
            after = age.end()
        nxt = ctx.norm[after:hi].split()[:1]
        if not nxt or not nxt[0][:1].islower():
            continue
        word = nxt[0].lower().strip(",")
        said = cue_verbs and intro_cue(word) and not PARTICIPLE_RE.match(word)
        if word in NOT_APPOSITION_OPENERS and word not in CUE_AUXILIARIES and not said or word in ("and", "of", "who", "which", "whose"):
            continue
        return np
    return None
