"""Attribution: from quoted spans to :class:`~quotes.models.Quote` objects.

For each quoted span this module decides whether it is a direct quote (a
stand-alone utterance) or a fragment inside a sentence (a scare quote, a title,
or the verbatim part of a mixed quote), then looks for its cue and speaker:

1. after the closing mark: ``”, Peskov said``, ``,” said Peskov``,
   ``,” KCNA quoted Kim as saying``, or on the next line;
2. before the opening mark: ``Peskov replied, “``, ``But he added: '``, or a
   previous paragraph ending with a colon;
3. otherwise from the quote before it: the second half of an interrupted quote
   (``“A,” he said. “B.”``) shares the first half's cue instance, and a quote
   that continues in the next paragraph keeps its speaker (lower confidence);
   a quote that opens the sentence after a report (``X said C. “Q.”``) shares the
   report's cue.

The speaker's mention covers the whole noun phrase, as PolNeAR's Source spans
do: appositions and relative clauses (``Rahm Emanuel, his chief of staff,``,
``Paradis, who has been active in politics,``), party tags (``(D-N.Y.)``) and
``of``/``to`` attachments after an inverted cue; ``name`` stays the canonical
name and ``role`` takes the apposition. A participle cue (``saying``,
``adding``) takes the subject of its clause, and a quote that is the whole
clause after ``said that`` is direct, its content starting at ``that``.

Fragments are handed to :mod:`quotes.reported`, which builds mixed quotes from
the reported clauses that contain them, together with reported speech.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from typing import Optional

from quotes.boilerplate import body_lines
from quotes.direct import QuotedSpan, find_quoted_spans
from quotes.lexicon import (
    ANONYMOUS_HEADS,
    CUE_AUXILIARIES,
    GROUP_HEADS,
    NON_NAME_CAPITALS,
    ORG_WORDS,
    TITLES,
    US_STATES,
    cue_rates,
    cue_words,
    place_name,
    source_words,
)
from quotes.marks import FOLD_MARK, fold_double_apostrophes, normalize
from quotes.models import Article, CueType, Provenance, Quote, QuoteKind, Span, Speaker, SpeakerType
from quotes.outlets import find_via
from quotes.segment import Segmenter
from quotes.speakers import (
    NounPhrase,
    SpeakerResolver,
    not_a_speaker,
    scan_left,
    scan_right,
    tokens,
)

__all__ = ["Attribution", "Context", "attribute_article"]

_TELL = frozenset({"told", "tell", "tells", "telling"})
_PARTICIPLE_RE = re.compile(r"\w+ing$")
_LEAD = re.compile(r"[\s,;:—–\-\x7f]*")


@dataclass
class Attribution:
    """Where a quote's cue and speaker were found."""

    speaker: Optional[Speaker]
    cue: Optional[Span]
    cue_type: CueType
    via: Optional[str]
    confidence: float
    rule: str


@dataclass
class Context:
    """Everything the attribution rules need about one article."""

    article: Article
    text: str
    norm: str
    lines: list[tuple[int, int]]
    sentences: list[tuple[int, int]]
    sentence_starts: list[int]
    resolver: SpeakerResolver
    quoted: list[tuple[int, int]] = field(default_factory=list)
    line_starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.line_starts = [a for a, _ in self.lines]

    def sentence_of(self, offset: int) -> tuple[int, int]:
        """The sentence span containing ``offset`` (or the nearest one before it)."""
        k = bisect.bisect_right(self.sentence_starts, offset) - 1
        if k < 0:
            return (0, 0)
        return self.sentences[k]

    def line_of(self, offset: int) -> int:
        """Index of the body line containing ``offset``, or -1."""
        k = bisect.bisect_right(self.line_starts, offset) - 1
        if k >= 0 and self.lines[k][0] <= offset <= self.lines[k][1]:
            return k
        return -1

    def span(self, a: int, b: int) -> Span:
        """A :class:`Span` of the original text."""
        return Span(text=self.text[a:b], start=a, end=b)


def cue_type_of(word: str) -> Optional[CueType]:
    """The :class:`CueType` of a cue word, or ``None`` if it is not one."""
    kind = cue_words().get(word.lower())
    return CueType(kind) if kind else None



def _cue_kind(word: str, line_caps: bool = False) -> Optional[CueType]:
    """:func:`cue_type_of` for a token in running text: ``Post`` or ``Read`` is a name there."""
    if word[:1].isupper() and not line_caps and not word.isupper():
        return None
    if word.lower() in _SPEECH_VERBS:
        return CueType.SPEECH
    return cue_type_of(word)


def _aux_start(toks: list[tuple[str, int, int]], i: int) -> int:
    """Index of the first auxiliary/adverb directly before token ``i``."""
    j = i
    while j > 0 and (toks[j - 1][0].lower() in CUE_AUXILIARIES or toks[j - 1][0].lower() in _REFLEXIVE):
        j -= 1
    return j


_REFLEXIVE = frozenset({"himself", "herself", "themselves", "itself"})


#: Verbs that introduce a quote on their own (``he said, “…”``); learned cue words
#: of a lower rate (``debate``, ``message``) only attribute with a speaker beside them.
_INTRO_RATE = 0.3
_INTRO_EXTRA = frozenset(
    """say says said saying tell tells told add adds added reply replies replied respond
    responds responded write writes wrote tweet tweets tweeted post posted ask asks asked
    declare declared insist insisted warn warned explain explained note noted recall recalled
    quip quipped joke joked shout shouted continue continues continued conclude concluded
    whisper whispered yell yelled exclaim exclaimed interject interjected retort retorted
    chant chanted scream screamed shouted muse mused""".split()
)
# Verbs of saying missing from the learned cue list (manner of speaking: "barked", "quipped").
_SPEECH_VERBS = frozenset(
    """whisper whispered whispers yell yelled yells exclaim exclaimed exclaims interject
    interjected interjects retort retorted retorts chant chanted chants scream screamed
    quip quipped quips muse mused joke joked jokes bragged brags countered counters scoffed
    scoffs snapped snaps sniped marveled marvelled gushed deadpanned deadpans thundered griped
    texted messaged hollered begged pleaded demanded repeated testified chimed scolded teased
    fumed beamed barked growled muttered murmured grumbled confided confessed reasoned
    protested objected mocked mocks reacted cautioned lamented gloated boomed surmised
    cracked read""".split()
)
_PREPOSITIONS = frozenset(
    "to for with by at from of in on into about against like than via among toward towards".split()
)


def _intro_cue(word: str) -> bool:
    """A cue word that introduces a quote by itself (``said``, ``wrote``), not a noun."""
    low = word.lower()
    if low in _INTRO_EXTRA or low in _SPEECH_VERBS:
        return True
    return cue_type_of(low) is not None and cue_rates().get(low, (0.0, 0))[0] >= _INTRO_RATE


# Words that cannot start an apposition (``said Graham, adding that …``, ``Trump, in a tweet,``).
_NOT_APPOS = frozenset(
    """in on at by for from to with as and but or so if when while after before during since
    though although because according adding noting saying citing referring speaking asked
    told said says not also then later again still just even only already however meanwhile
    that this these those there here it he she they we i you his her their its our my""".split()
)
_APPOS_STOP = re.compile(r"[,;:()\"\n—–]|\.(?=\s|$)")
_PARTY = re.compile(r"\s*\((?:[DRI]|Dem|Rep|Ind)(?:-[A-Z][A-Za-z. ]{1,14})?\)")
_PARTY_END = re.compile(r"\s*\((?:[DRI]|Dem|Rep|Ind)(?:-[A-Z][A-Za-z. ]{1,14})?\)\s*$")
_RELATIVE = ("who ", "whose ", "which ", "who's ")


def _appos_ok(ctx: Context, a: int, b: int) -> bool:
    """``a senior official``, ``who runs the gym``, ``57``, ``director of the FBI``."""
    words = ctx.norm[a:b].split()
    if not words or len(words) > 30:
        return False
    first = words[0]
    low = first.lower().rstrip(".")
    if first[:1].isdigit():
        return len(words) == 1 or words[1].lower() in ("years", "year-old")
    if low in _NOT_APPOS or low.endswith("ing") and low != "managing" or low.endswith("ly") or cue_type_of(low) is not None:
        return False
    if first[:1].isupper():
        if len(words) == 1 and re.fullmatch(r"[A-Z][a-z]{0,4}\.?", first) and (
            first.endswith(".") or ctx.norm[b:b + 1] == "."
        ):
            return True  # a state after a town: "Allentown, Pa."
        if re.fullmatch(r"[A-Z][\w.\-]*(?:'s|s')", first.replace("’", "'")) and len(words) > 1:
            # "Sanders's chief strategist", "Twitter's director of political advertising".
            return any(w.lower() in TITLES or w.lower() in source_words() for w in words[1:4])
        if len(words) > 1 and any(w.lower() in TITLES for w in words[1:3]):
            return True  # "CrowdTangle chief executive", "Europe coordinator at …"
        # Capitalised: a title, party or role word ("Republican of Alabama", "R-Ky.").
        return (
            low in TITLES or low in source_words() or bool(re.match(r"[DRI]-[A-Z]", first))
            or low in ("democrat", "republican", "former", "chief", "executive")
        )
    return True


_ABBREV_BEFORE = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gov|Sen|Rep|Gen|Lt|Col|Ft|Mt|Inc|Co|Corp|[A-Z])|\.[A-Za-z])$")


def _abbreviation_before(s: str, dot: int) -> bool:
    """The period at ``dot`` closes an abbreviation or initial, not a sentence."""
    return bool(_ABBREV_BEFORE.search(s, max(0, dot - 6), dot))


#: ", Tennessee" or ", Fla." after a town inside an apposition.
_STATE = re.compile(r",\s+(?:" + US_STATES + r"|[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.)(?=\s*(?:[.,;:)]|$))")


def _appos_end(ctx: Context, a: int, limit: int) -> int:
    """End of the apposition starting at ``a`` (before a comma, stop or bracket), or -1."""
    pos = a
    while True:
        m = _APPOS_STOP.search(ctx.norm, pos, limit)
        if m is not None and ctx.norm[m.start()] == "," and ctx.norm[m.start() - 1:m.start()].isalpha():
            state = _STATE.match(ctx.norm, m.start(), limit)
            if state is not None and ctx.norm[a:m.start()].split()[-1][:1].isupper():
                pos = state.end()  # "a professor at Vanderbilt University in Nashville, Tennessee"
                continue
        if m is None or ctx.norm[m.start()] != "." or not _abbreviation_before(ctx.norm, m.start()):
            break
        pos = m.end()  # "Mr. Netanyahu", "George W. Bush", "the C.I.A. analyst"
    b = m.start() if m else limit
    while b > a and ctx.norm[b - 1].isspace():
        b -= 1
    if b <= a or not _appos_ok(ctx, a, b):
        return -1
    return b


_ATTACHED = re.compile(
    r"\s+(?:of|to|at|for|with)\s+(?:(?:the|a|an)\s+)?(?:[A-Z][\w'’\-.]*|[a-z][\w'’\-]*'s)(?:\s+(?:of\s+|and\s+)?[A-Z][\w'’\-.]*)*"
)


_INFORMED = re.compile(
    r"\s+(?:familiar\s+with|involved\s+(?:in|with)|close\s+to|known\s+as|with\s+knowledge\s+of|briefed\s+on)"
    r"\s+[^,.;:!?\"()]{1,80}?(?=\s*(?:[.,;!?]|$))"
)


def _extend_np(ctx: Context, end: int, limit: int, inverted: bool) -> int:
    """End of the full noun phrase whose head ends at ``end``: party tags and appositions.

    ``Rahm Emanuel, his chief of staff, said`` and ``said Paradis, who has been active
    in politics since 25.`` cover the whole phrase, as PolNeAR's Source spans do.
    """
    m = _PARTY.match(ctx.norm, end, limit)
    if m:
        end = m.end()
    if inverted:
        # "said one Democrat familiar with the talks.": the whole phrase to the sentence end.
        back = re.search(r"\s+(?:familiar|involved|close|known)$", ctx.norm[max(0, end - 12):end])
        start_at = end - len(back.group()) if back else end
        m = _INFORMED.match(ctx.norm, start_at, limit)
        if m is not None:
            end = m.end()
        # "said a longtime adviser to Trump.", "said Mr. Burman of the Tax Policy Center."
        m = _ATTACHED.match(ctx.norm, end, limit)
        e = m.end() if m else end
        while m and ctx.norm[e - 1] == "." and not _abbreviation_before(ctx.norm, e - 1):
            e -= 1
        if m and re.match(r"\s*(?:[.,;!?]|$)", ctx.norm[e:limit]):
            end = e
    for _ in range(4):
        m = re.match(r",\s+", ctx.norm[end:limit])
        if not m:
            break
        a = end + m.end()
        b = _appos_end(ctx, a, limit)
        if b < 0:
            break

        tail = ctx.norm[b:limit]
        if ctx.norm[a:b].isdigit() and not (re.match(r",\s+", tail) and _appos_end(ctx, b + len(re.match(r",\s+", tail).group()), limit) > 0):
            break  # "Renee Gold, 83": an age alone stays out of the phrase
        if inverted:
            ok = not tail.strip(" .!?") or bool(re.match(r",\s+(?:[a-z]|\d)", tail)) or tail[:1] == "."
        else:
            tail = tail[1:] if tail[:1] == "." and _abbreviation_before(ctx.norm, b) or tail[:2] == ".," else tail
            t = re.match(r",\s+((?:\w+\s+){0,2}?)(\w+)", tail)
            ok = bool(t) and (_intro_cue(t.group(2)) or cue_type_of(t.group(2)) is not None) and all(
                w.lower() in CUE_AUXILIARIES for w in t.group(1).split()
            )
            nxt = re.match(r",\s+", tail)
            ok = ok or bool(nxt and _appos_end(ctx, b + nxt.end(), limit) > 0)
        if not ok:
            break
        end = b
        if ctx.norm[end:end + 2] == ".," and _abbreviation_before(ctx.norm, end) or (
            ctx.norm[end:end + 2] == ".," and not inverted
        ):
            end += 1  # "Allentown, Pa., said": the period belongs to the abbreviation
    return end


_AGE_ONLY = re.compile(r",\s*\d{1,3},\s*")
#: A participle phrase between a subject and its cue (``, speaking to Iowans,``).
_ASIDE = re.compile(
    r",\s+(?:[a-z]+ing\b[^,;:\"]{0,80}|[a-z]+ed|(?:after|before|during|in|at|on)\s+(?:a|an|the|his|her)\s[^,;:\"]{1,40}),\s*"
)
def _place_after_town(ctx: Context, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """``Dayton, Ohio`` or ``Lyon, France``: ``b`` names where the town ending ``a`` lies."""
    town = ctx.norm[a[0]:a[1]].split()
    return bool(town) and town[-1][:1].isupper() and place_name(ctx.norm[b[0]:b[1]])


_ROLE_PHRASE = re.compile(r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[A-Z][\w\-]*'s)(?:\s+[\w'\-]+){1,6}")


def _appositive(ctx: Context, lo: int, hi: int) -> Optional[tuple[NounPhrase, Optional[str]]]:
    """``Peskov, the Kremlin's spokesman,`` or ``Zelenskyy's chief of staff, Andriy Yermak,``."""
    m = re.search(r"(?:^|,)\s*([^,]{2,80}),\s*([^,]{2,80}),\s*$", ctx.norm[lo:hi])
    if not m:
        return None
    a = (lo + m.start(1), lo + m.end(1))
    b = (lo + m.start(2), lo + m.end(2))
    np_a = scan_left(ctx.norm, a[0], a[1])
    np_b = scan_left(ctx.norm, b[0], b[1])
    if (np_a is None or np_a.start != a[0]) and _ROLE_PHRASE.fullmatch(ctx.norm, a[0], a[1]) and any(
        w.lower() in TITLES or w.lower() in source_words() for w in ctx.norm[a[0]:a[1]].split()[1:]
    ):
        np_a = NounPhrase(a[0], a[1], ctx.norm[a[0]:a[1]])  # "her senior policy adviser"
    if np_a is None or np_b is None or np_a.start != a[0] or np_b.start != b[0]:
        return None
    if _place_after_town(ctx, a, b):
        return None  # "A nurse in Dayton, Ohio,": the state is where the town is, not a name
    a_name = np_a.text[:1].isupper() and not np_a.text.lower().startswith(("the ", "a ", "an "))
    b_name = np_b.text[:1].isupper() and not np_b.text.lower().startswith(("the ", "a ", "an "))
    b_name = b_name and all(w[:1].isupper() for w in np_b.text.split())
    if b_name:
        return np_b, ctx.text[np_a.start:np_a.end]
    if a_name:
        return np_a, re.sub(r"^(?:the|a|an)\s+", "", ctx.text[np_b.start:np_b.end], flags=re.I)
    return None


_FUNCTION_WORD = r"(?!(?:in|on|at|of|to|for|with|by|from|and|or|but|a|an|the|who|that|which|is|was|has|had)\b)"
_DESCRIPTION = re.compile(
    r"(?<![\w'])(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Aa]nother|[Oo]ne|[Tt]his)\s+"
    r"(?:" + _FUNCTION_WORD + r"[\w'’\-]+\s+){0,3}" + _FUNCTION_WORD + r"[a-z0-9][\w\-]*(?<!ing)"
)


def _subject(
    ctx: Context, lo: int, hi: int, *, anchored: bool, descriptions: bool = True
) -> Optional[tuple[NounPhrase, Optional[str], Optional[int]]]:
    """The subject before a cue that starts at ``hi``: ``(head, role, start)``.

    Reads ``Peskov``, ``Peskov, the Kremlin's spokesman,``, ``Paradis, who has been
    active in politics,`` and ``Zelenskyy's chief of staff, Andriy Yermak,``. With
    ``anchored`` the phrase must begin at ``lo`` (the text right after a quote);
    otherwise anything before it must end with a comma (``Asked about it, Peskov``).
    ``start`` is the start of the full phrase when it lies before the head.
    """
    while hi > lo and ctx.norm[hi - 1].isspace():
        hi -= 1
    p = lo + len(ctx.norm[lo:hi]) - len(ctx.norm[lo:hi].lstrip())

    def placed(np: NounPhrase) -> bool:
        if anchored:
            return np.start == p
        pre = ctx.norm[p:np.start].rstrip()
        return not pre or pre[-1] in ",:;" or pre.split()[-1].lower() in ("but", "and", "so", "then", "as")

    def object_of(np: NounPhrase) -> bool:
        """``speaking to Fox News said``, ``released a memo titled``: an object, not a subject."""
        pre = ctx.norm[p:np.start].split()
        if not pre:
            return False
        last = pre[-1]
        return last.lower() in _PREPOSITIONS or (
            last.isalpha() and last.islower() and (last.endswith("ed") or last.endswith("s"))
            and last not in ("as", "was", "has", "is", "this", "his", "its", "us")
        )

    party = _PARTY_END.search(ctx.norm, lo, hi)
    if party is not None:  # "Sen. Chuck Schumer (D-N.Y.) said"
        hi = party.start()
    np = scan_left(ctx.norm, lo, hi)
    if np is None and descriptions:
        # "the gambling tycoon", "his wife", "the 46-year-old": a description.
        m = _DESCRIPTION.search(ctx.norm, lo, hi)
        if m is not None and m.end() == hi:
            np = NounPhrase(m.start(), m.end(), ctx.norm[m.start():m.end()])
    if np is not None and (placed(np) or not anchored and not object_of(np)):
        return np, None, None
    if not ctx.norm[lo:hi].endswith(","):
        return None
    appos = _appositive(ctx, lo, hi)
    if appos is not None and appos[0].end == hi - 1:  # "his chief of staff, Rahm Emanuel,"
        head, role = appos
        m = re.search(r"(?:^|,)\s*([^,]{2,80}),\s*[^,]{2,80},\s*$", ctx.norm[lo:hi])
        first = lo + m.start(1) if m else head.start
        return head, role, first
    commas = [i for i in range(hi - 2, p, -1) if ctx.norm[i] == ","]
    if anchored:
        commas.reverse()
    for c in commas[:4]:
        tag = _PARTY_END.search(ctx.norm, lo, c)  # "Sen. Richard J. Durbin (D-Ill.), noting …, said"
        head = scan_left(ctx.norm, lo, tag.start() if tag else c)
        if head is None or not placed(head) or not any(w[:1].isupper() or w.lower() in source_words() for w in head.text.split()):
            continue
        a = c + 1
        while a < hi and ctx.norm[a].isspace():
            a += 1
        end = _extend_np(ctx, head.end, min(len(ctx.norm), hi + 120), inverted=False)
        if _AGE_ONLY.fullmatch(ctx.norm, end, hi) or _ASIDE.fullmatch(ctx.norm, end, hi):
            return head, None, None  # "Ramos, 58, told AFP", "Fiorina, speaking to Iowans, said"
        if ctx.norm[end:hi].strip(" .,"):
            continue
        role = ctx.text[a:hi - 1]
        return head, re.sub(r"^(?:the|a|an)\s+", "", role, flags=re.I), None
    return None


_LOOSE_LEAD = frozenset("his her their its our my this the a an".split())
_LOOSE_DET = frozenset("the a an this his her their one".split())
_LOOSE_ATTACH = re.compile(r"\s+(?:for|of|at|with|from|in|on)\s+(?:[\w'’\-.]+\s+){0,4}[\w'’\-.]*\w")


def _loose_word(w: str) -> bool:
    low = w.lower()
    return (
        w.isalpha() and w.islower() and low not in NON_NAME_CAPITALS and low not in _FINITE
        and not low.endswith(("ly", "ed", "ing")) and cue_type_of(low) is None
    )


def _loose_subject(
    ctx: Context, p: int, hi: int
) -> Optional[tuple[NounPhrase, Optional[str], Optional[int], Optional[int]]]:
    """A subject between a closing mark and its cue that :func:`_subject` does not read.

    ``”, his friend Mahama Ali told CNN``, ``”, screenwriter Cole Haddon tweeted``
    (lower-case words before a name) and ``”, a spokesman for committee Democrats
    said`` (a description with an attachment). Returns ``(head, role, start, end)``.
    """
    while hi > p and ctx.norm[hi - 1].isspace():
        hi -= 1
    p += len(ctx.norm[p:hi]) - len(ctx.norm[p:hi].lstrip())
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
            return name, re.sub(r"^(?:the|a|an)\s+", "", ctx.text[p:p + m.end(1)], flags=re.I), p, None
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
        w[0].lower() in _FINITE or w[0].lower() in ("who", "that", "which") for w in toks[k:]
    ):
        return head, None, None, hi
    return None


def _speaker(
    ctx: Context, np: NounPhrase, at: int, role: Optional[str] = None, *, start: Optional[int] = None,
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
        end: End of the full phrase when it runs past what :func:`_extend_np` reads
            (``a spokesman for committee Democrats``).
    """
    sp = ctx.resolver.resolve(np, at=at, sentence_starts=ctx.sentence_starts, exclude=ctx.quoted)
    if sp is None and describe and _DESCRIPTION.fullmatch(ctx.norm, np.start, np.end):
        name = re.sub(r"^(?:the|a|an)\s+", "", ctx.text[np.start:np.end], flags=re.I)
        sp = Speaker(name=name, mention=ctx.text[np.start:np.end], start=np.start, end=np.end, type=SpeakerType.UNKNOWN)
    if sp is None:
        return None
    update: dict = {}
    if role and sp.role is None and not role.startswith(_RELATIVE) and not role[:1].isdigit():
        update["role"] = role
    a = np.start if start is None else min(start, np.start)
    limit = ctx.sentence_of(np.start)[1]
    before = ctx.norm[max(0, np.start - 30):np.start].split()
    inverted = bool(before) and (
        cue_type_of(before[-1]) is not None or before[-1].lower() in _SPEECH_VERBS or before[-1].lower() == "to"
    )
    b = _extend_np(ctx, np.end, max(limit, np.end), inverted)
    if end is not None:
        b = max(b, end)
    if (a, b) != (sp.start, sp.end) and sp.mention.lower() not in ("he", "she", "they", "it", "we"):
        update.update(mention=ctx.text[a:b], start=a, end=b)
        if role is None and sp.role is None and b > np.end:
            m = re.match(r"\s*,\s+((?:the|a|an|another)\s+)?", ctx.norm[np.end:b])
            appos = ctx.text[np.end + m.end():b] if m else ""
            if appos and not appos.startswith(_RELATIVE) and not appos[:1].isdigit() and "," not in appos:
                update["role"] = appos
    return sp.model_copy(update=update) if update else sp


_FINITE = frozenset(
    "is was are were will would could should can may might must has have had did does do".split()
)
#: Words that may follow the speaker of an inverted cue (``said Sanders as he left``).
_INVERTED_FOLLOW = frozenset(
    """in on at during after before from to of as when while who whose which that via
    about outside inside near since until with without familiar involved close known""".split()
)


def _cue_span(ctx: Context, toks: list[tuple[str, int, int]], i: int, hi: int) -> tuple[Span, Optional[NounPhrase]]:
    """The cue span for cue token ``i``; ``told X`` includes its object."""
    word, a, b = toks[i]
    obj = None
    if word.lower() in _TELL:
        obj = scan_right(ctx.norm, b, hi)
        if obj is not None:
            return ctx.span(a, obj.end), obj
    return ctx.span(a, b), obj


def _confidence(sp: Optional[Speaker], base: float) -> float:
    if sp is None:
        return 0.3
    if sp.mention.lower() in ("he", "she", "they", "it", "we"):
        return round(base - 0.1, 2)
    return base


def _inside_end(ctx: Context, q: QuotedSpan) -> str:
    """The character just inside the closing mark (``?`` of ``''Why?''``), or ``""``."""
    k = q.close - 1
    if k >= 0 and ctx.norm[k] == FOLD_MARK:
        k -= 1
    return ctx.norm[k] if k >= 0 else ""


def _possessive_mark(ctx: Context, i: int) -> bool:
    """The ``'`` at ``i`` ends a plural possessive (``Sanders' campaign``), not a quote."""
    return ctx.norm[i - 1:i] == "s" and ctx.norm[i + 1:i + 2] == " " and ctx.norm[i + 2:i + 3].isalpha()


def _short_close(ctx: Context, b: int, end: int) -> bool:
    """The sentence ends a few words after the cue (``Trump said on Monday.``), no clause."""
    rest = [w for w, _a, _b in tokens(ctx.norm, b, end) if w[0].isalnum()]
    return len(rest) <= 5 and not any(
        w.lower() in _FINITE or w.lower() == "that" or cue_type_of(w.lower()) is not None for w in rest
    )


#: Lower-case cue words that are mostly nouns (``state Sen.``, ``Post reporter``).
_NOUN_CUES = frozenset("state report note post tweet comment claim remark estimate".split())


def _compound_noun_next(word: str) -> bool:
    """A word that goes on a noun phrase: a role (``manager``), a source noun or a name."""
    if word[:1].isupper():
        return word.lower() not in NON_NAME_CAPITALS
    return word in TITLES or word in ANONYMOUS_HEADS or word in GROUP_HEADS or word in ORG_WORDS


def attribute_after(ctx: Context, q: QuotedSpan, hi: int) -> Optional[Attribution]:
    """Cue and speaker right after the closing mark (``,” Peskov said``)."""
    lo = q.close + 1
    sent_end = ctx.sentence_of(q.close)[1]
    if sent_end <= lo and "\n" in ctx.text[q.close:lo + 1]:  # speaker on the next line
        sent_end = ctx.sentence_of(lo + len(ctx.norm[lo:hi]) - len(ctx.norm[lo:hi].lstrip()))[1]
    extended = full_stop = False
    if sent_end <= lo + 1 and _inside_end(ctx, q) in ("?", "!", "."):
        # "“Why?” he asked.": the splitter ends the sentence at the closing mark.
        sent_end = ctx.sentence_of(lo + 1 + len(ctx.norm[lo + 1:hi]) - len(ctx.norm[lo + 1:hi].lstrip()))[1]
        extended = True
    full_stop = _inside_end(ctx, q) == "."
    end = min(hi, max(sent_end, lo))
    p = lo + _LEAD.match(ctx.norm, lo, end).end() - lo  # type: ignore[union-attr]
    m = re.match(r"([Aa]ccording\s+to)\s+", ctx.norm[p:end])
    if m is not None and p > lo:  # "…,” according to CNN.
        np = scan_right(ctx.norm, p + m.end(), end)
        if np is not None and re.match(r"\s*(?:[.,;!?]|$)", ctx.norm[np.end:end]):
            sp = _speaker(ctx, np, q.start, describe=True)
            if sp is not None:
                cue = ctx.span(p + m.start(1), p + m.end(1))
                return Attribution(sp, cue, CueType.CLAIM, find_via(ctx.norm[p:end]), _confidence(sp, 0.8), "after:according")
    toks = tokens(ctx.norm, p, end)[:40]
    caps = ctx.norm[p:end].isupper()
    for i, (word, a, b) in enumerate(toks):
        kind = _cue_kind(word, caps or i > 0 and word.lower() in _INTRO_EXTRA and word.endswith("ed"))
        if i > 0 and i + 1 < len(toks) and (word.lower(), toks[i + 1][0]) in _PHRASAL_CUES:
            kind = CueType.SPEECH  # "…,” Mr. Rubel pointed out.
        if word == '"' or word == "'" and not _possessive_mark(ctx, a):
            break
        if kind is None:
            continue
        if i + 1 < len(toks) and word in _NOUN_CUES and toks[i + 1][0][:1].isupper():
            continue  # "“…,” state Sen. Ana Ruiz said": a noun modifying a title
        if i > 0 and i + 1 < len(toks) and not _intro_cue(word) and (
            _compound_noun_next(toks[i + 1][0])
            or toks[i + 1][0].islower() and _intro_cue(toks[i + 1][0])
        ):
            continue  # "Sanders campaign manager X said", "Trump supporters chanted": a noun
        if i >= 14 and "," not in ctx.norm[p:a] or extended and (
            i > 6 and not ctx.norm[p:a].rstrip().endswith(",") or not _intro_cue(word)
        ):
            break
        if full_stop and not _short_close(ctx, b, end):
            break  # "“We won.” Trump said the polls were wrong.": a new statement
        cue, obj = _cue_span(ctx, toks, i, end)
        if i + 1 < len(toks) and (word.lower(), toks[i + 1][0]) in _PHRASAL_CUES:
            cue = ctx.span(a, toks[i + 1][2])
        clause = ctx.norm[p:end]
        if i == 0:  # inverted: ", said Peskov"
            if _PARTICIPLE_RE.match(word):  # ", referencing the large number of …"
                return None
            np = scan_right(ctx.norm, b, end) if obj is None else None
            if np is None and obj is None:
                # ", said the 46-year-old.": a description closing the sentence.
                m = re.match(r"\s+((?:the|a|an|another|one)\s+(?:[\w'’\-]+\s+){0,3}?[a-z0-9][\w\-]*)(?=\s*(?:[.,;!?]|$))", ctx.norm[b:end])
                if m is not None:
                    np = NounPhrase(b + m.start(1), b + m.end(1), m.group(1))
            if np is None:
                return None
            back = re.search(r"\s+(?:familiar|involved|close|known)$", np.text)
            if back is not None:  # "one Democrat familiar with the talks"
                np = NounPhrase(np.start, np.end - len(back.group()), np.text[:-len(back.group())])
            nxt = tokens(ctx.norm, np.end, min(end, np.end + 40))[:1]
            w = nxt[0][0] if nxt else ""
            if w[:1].islower() and w not in _INVERTED_FOLLOW and (
                w in _FINITE or w in CUE_AUXILIARIES or w.endswith("ed") or cue_type_of(w) is not None
            ):
                return None  # ", said the candidate could be …": a reported clause
            sp = _speaker(ctx, np, q.start, describe=_intro_cue(word))  # the role comes from the apposition
            return Attribution(sp, cue, kind, find_via(clause), _confidence(sp, 0.9), "after:inverted")
        j = _aux_start(toks, i)
        np_hi = toks[j][1]
        subj = _subject(ctx, p, np_hi, anchored=True, descriptions=_intro_cue(word))
        phrase_end = None
        if subj is None and _intro_cue(word):
            loose = _loose_subject(ctx, p, np_hi)
            if loose is not None:
                subj, phrase_end = loose[:3], loose[3]
        if subj is None:
            if _intro_cue(word):
                return None
            continue
        np, role, first = subj
        via = find_via(clause)
        if word.lower() == "quoted":  # "KCNA quoted Kim as saying"
            inner = scan_right(ctx.norm, b, end)
            if inner is not None and re.match(r"\s+as\s+saying", ctx.norm[inner.end:end]):
                via = via or ctx.text[np.start:np.end]
                np, first = inner, None
        sp = _speaker(ctx, np, q.start, role, start=first, describe=_intro_cue(word), end=phrase_end)
        if sp is None:  # "“…,” he said." with no one to be "he": the cue stands alone
            return Attribution(None, cue, kind, via, 0.3, "after:unresolved")
        return Attribution(sp, cue, kind, via, _confidence(sp, 0.9), "after")
    return None


def attribute_before(ctx: Context, q: QuotedSpan, lo: int, previous: Optional[Attribution]) -> Optional[Attribution]:
    """Cue and speaker before the opening mark (``Peskov replied, “``)."""
    end = q.open if q.open >= 0 else q.start
    pre = ctx.norm[lo:end].rstrip()
    if not pre:
        return None
    m = _ACCORDING.match(ctx.norm, lo, lo + len(pre))
    if m is not None:  # "According to the Daily Caller, “…”"
        np = scan_right(ctx.norm, m.end(1), lo + len(pre))
        if np is not None and not ctx.norm[np.end:lo + len(pre)].strip(" ,:"):
            sp = _speaker(ctx, np, q.start, describe=True)
            if sp is not None:
                cue = ctx.span(m.start(1), m.end(1))
                return Attribution(sp, cue, CueType.CLAIM, find_via(ctx.norm[lo:end]), _confidence(sp, 0.8), "before:according")
    colon = _colon_speaker(ctx, lo, lo + len(pre), q.start)
    if colon is not None:  # "Clinton: “Our goal is …”", "Pollsters agree - Carl Bialik: “…”"
        return colon
    m = _INVERTED_BEFORE.match(ctx.norm, lo, lo + len(pre))
    if m is not None and _intro_cue(m.group(1)):  # "Said Comey, “…”", "Continued Stone: “…”"
        np = scan_right(ctx.norm, m.end(1), lo + len(pre))
        if np is not None:
            sp = _speaker(ctx, np, q.start, describe=True)
            if sp is not None and not ctx.norm[sp.end:lo + len(pre)].strip(" ,:"):
                cue = ctx.span(m.start(1), m.end(1))
                return Attribution(sp, cue, CueType.SPEECH, None, _confidence(sp, 0.85), "before:inverted")
    toks = tokens(ctx.norm, lo, lo + len(pre))
    caps = pre.isupper()
    participle: Optional[tuple[Span, CueType, int]] = None
    window = 12
    i = len(toks)
    while i > 0 and i > len(toks) - window:
        i -= 1
        word, a, b = toks[i]
        if word in ("'", '"'):
            break
        put_it = i > 0 and (toks[i - 1][0].lower(), word.lower()) in _PHRASAL_CUES and participle is None
        if put_it:  # "as Tom Ridge put it: “…”", "As Byler pointed out in December, “…”"
            i -= 1
            word, a = toks[i][0], toks[i][1]
        elif word.lower() in _TO_SAY and i > 1 and toks[i - 1][0] == "to" and participle is None:
            # "Bryne went on to say, “…”", "O'Malley interjected to say: “…”"
            k = i - 2 if toks[i - 2][0] != "on" or i < 3 else i - 3
            if toks[k][0].islower() and toks[k][0].endswith(("ed", "ent", "ose", "gan")):
                put_it = True
                i = k
                word, a = toks[i][0], toks[i][1]
        kind = CueType.SPEECH if put_it else _cue_kind(word, caps)
        if kind is None or participle is not None and not _intro_cue(word):
            continue
        tail = ctx.norm[b:end]
        if '"' in tail or "'" in tail.replace("'s", ""):
            break
        cue, obj = (ctx.span(a, b), None) if put_it else _cue_span(ctx, toks, i, end)
        clause = ctx.norm[toks[max(0, i - 8)][1]:end]
        j = _aux_start(toks, i)
        np_hi = toks[j][1]
        if participle is None and _PARTICIPLE_RE.match(word) and not ctx.norm[:a].rstrip().endswith(","):
            # "she released a statement saying, “…”": the subject of "released".
            np = _clause_subject(ctx, lo, a)
            if np is not None:
                sp = _speaker(ctx, np, q.start)
                if sp is not None:
                    return Attribution(sp, cue, kind, find_via(clause), _confidence(sp, 0.8), "before:participle")
            if _intro_cue(word):
                return None
            continue
        if j > 1 and toks[j - 1][0].lower() == "who" and toks[j - 2][0] == "," and participle is None and _intro_cue(word):
            # "Mike Lee, who declared in the spin room, “…”": the person before the clause.
            np = scan_left(ctx.norm, lo, toks[j - 2][1])
            sp = _speaker(ctx, np, q.start) if np is not None and np.text[:1].isupper() else None
            if sp is not None and sp.type is SpeakerType.PERSON:
                return Attribution(sp, cue, kind, find_via(clause), _confidence(sp, 0.8), "before:relative")
        if j > 0 and toks[j - 1][0].lower() in ("and", "but") and participle is None:
            # "The president noted that he taught law, and added: “…”": the clause subject.
            np = _clause_subject(ctx, lo, toks[j - 1][1], cue_verbs=True, nearest=True)
            sp = _speaker(ctx, np, q.start) if np is not None else None
            if sp is not None:
                return Attribution(sp, cue, kind, find_via(clause), _confidence(sp, 0.8), "before:coordinated")
        subj = _subject(ctx, lo, np_hi, anchored=False, descriptions=_intro_cue(word) or put_it)
        if subj is None:
            if participle is None and _PARTICIPLE_RE.match(word) and ctx.norm[:a].rstrip().endswith(","):
                if previous is not None and previous.speaker is not None:
                    # "..., Putin responded, adding: “…”": the subject of the sentence.
                    sp = previous.speaker
                    return Attribution(sp, cue, kind, find_via(clause) or previous.via, 0.8, "before:participle")
                # "Nefzi said, adding, “…”": the speaker is the main clause's subject,
                # the cue stays the participle.
                participle = (cue, kind, a)
                window = 30
                continue
            if _intro_cue(word) and participle is None:
                return None
            continue
        np, role, first = subj
        sp = _speaker(ctx, np, q.start, role, start=first, describe=_intro_cue(word) or put_it)
        if sp is None:
            return None
        if participle is not None:
            return Attribution(sp, participle[0], participle[1], find_via(clause), _confidence(sp, 0.8), "before:participle")
        return Attribution(sp, cue, kind, find_via(clause), _confidence(sp, 0.88), "before")
    if participle is not None:
        # "Carson shared a syllabus on his Facebook page, writing “…”": the sentence subject.
        np = _clause_subject(ctx, lo, participle[2])
        if np is not None:
            sp = _speaker(ctx, np, q.start)
            if sp is not None:
                return Attribution(sp, participle[0], participle[1], None, _confidence(sp, 0.75), "before:participle")
    return None


_COLON_LEAD = re.compile(r"(?:.*\s[-–—]\s+|)(?P<np>[^:;,\"]{2,60}?)\s*(?P<party>\([A-Z][\w.\- ]{0,12}\))?\s*:$", re.S)


def _colon_speaker(ctx: Context, lo: int, hi: int, at: int) -> Optional[Attribution]:
    """A name and a colon right before the quote, transcript style (``Bush: “…”``).

    The name must be all the clause holds (after a dash at most), a known person or
    a capitalised phrase of two words or more; there is no cue.
    """
    m = _COLON_LEAD.match(ctx.norm[lo:hi])
    if m is None:
        return None
    a, b = lo + m.start("np"), lo + m.end("np")
    words = ctx.norm[a:b].split()
    if not words or len(words) > 7 or not all(
        w[:1].isupper() or w.lower().rstrip(".") in TITLES or w.lower() in ("of", "and", "de") for w in words
    ):
        return None
    np = scan_left(ctx.norm, a, b)
    if np is None or np.start != a or np.end != b:
        return None
    if len(words) == 1 and words[0] not in ctx.resolver.full_names:
        return None
    sp = _speaker(ctx, np, at)
    if sp is None or (
        sp.type not in (SpeakerType.PERSON, SpeakerType.ORGANIZATION)
        and not ctx.resolver.named_people(sp)
    ):
        return None  # "Frank Newport and Jim Harter:" speak; "Republicans:" heads a section
    if m.group("party"):
        sp = sp.model_copy(update={"end": lo + m.end("party"), "mention": ctx.text[sp.start:lo + m.end("party")]})
    return Attribution(sp, None, CueType.SPEECH, None, _confidence(sp, 0.7), "before:colon")


_PHRASAL_CUES = frozenset({("put", "it"), ("pointed", "out"), ("points", "out")})
_TO_SAY = frozenset("say ask add announce declare write tell".split())
_INVERTED_BEFORE = re.compile(r"\s*([A-Z][a-z]+)\s+(?=[A-Z])")
_ACCORDING = re.compile(r"\s*(?:[Bb]ut\s+|[Aa]nd\s+)?([Aa]ccording\s+to)\s+")
_NOT_SUBJECT = frozenset("here there this that these those it's asked speaking when while after".split())


def _clause_subject(
    ctx: Context, lo: int, hi: int, *, cue_verbs: bool = False, nearest: bool = False
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
        if np is None or np.start != a + len(ctx.norm[a:hi]) - len(ctx.norm[a:hi].lstrip()):
            continue
        toks = tokens(ctx.norm, np.start, np.end)
        for n, (w, _ta, _tb) in enumerate(toks[1:], 1):
            if w[:1].islower() and (w.endswith("ed") or w in _FINITE or cue_type_of(w) is not None):
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
        said = cue_verbs and _intro_cue(word) and not _PARTICIPLE_RE.match(word)
        if word in _NOT_APPOS and word not in CUE_AUXILIARIES and not said or word in ("and", "of", "who", "which", "whose"):
            continue
        return np
    return None


def _standalone(ctx: Context, q: QuotedSpan) -> bool:
    """A quote that is a whole utterance, not a fragment inside a sentence."""
    if q.open < 0 or q.continued:
        return True
    s0 = ctx.sentence_of(q.open)[0]
    line_start = ctx.lines[q.line][0]
    pre = ctx.norm[max(s0, line_start):q.open].rstrip(" \t" + FOLD_MARK)
    pre_ok = not pre or pre[-1] in ":,—–-.!?…" or _intro_cue(pre.split()[-1])
    if not pre_ok:
        return False
    first = ctx.text[q.start:q.start + 1]
    last = pre.rstrip(",—–- ").split()[-1:] if pre else []
    if (
        pre and pre[-1] not in ":.!?…" and first.islower() and not (last and _intro_cue(last[0]))
        and '"' not in pre and "'" not in pre.replace("'s", "")
    ):
        # "..., it's unrealistic to think that if the U.S. pulls back, “our oceans are
        # going to save us”": the quote goes on with the sentence around it.
        return False
    if q.close < 0:
        return True
    inside_end = _inside_end(ctx, q)  # ''Yes,'' he said
    post = ctx.norm[q.close + 1:ctx.lines[q.line][1]]
    post_s = post.lstrip()
    if (
        pre and _title_like(ctx.text[q.start:q.end]) and not (last and _intro_cue(last[0]))
        and post_s[:1] not in ("", ".") and attribute_after(ctx, q, ctx.lines[q.line][1]) is None
    ):
        # "his new book, ''A Time for Truth,'' published in 2015": a title, not a quote.
        return False
    if not post_s or post_s[0] in ",.;:!?—–-)":
        return True
    if inside_end in ",.!?…":
        return True
    return attribute_after(ctx, q, ctx.lines[q.line][1]) is not None


def _title_like(text: str) -> bool:
    """Title Case (``Crippled America: How to Make America Great Again``), a few words long."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’\-]*", text)]
    long_words = [w for w in words if len(w) > 3]
    if not 2 <= len(words) <= 12 or len(long_words) < 2:
        return False
    return all(w[:1].isupper() for w in long_words)


def _subheading(ctx: Context, q: QuotedSpan) -> bool:
    """A line that is only a short quote in single marks (``'A change warrior.'``): a subheading."""
    lo, hi = ctx.lines[q.line]
    line = ctx.norm[lo:hi].strip()
    return (
        q.open >= 0 and q.close >= 0 and ctx.norm[q.open] == "'" and ctx.norm[q.close] == "'"
        and ctx.norm[lo:q.open].strip() == "" and ctx.norm[q.close + 1:hi].strip() in ("", ".")
        and len(ctx.norm[q.start:q.end].split()) <= 12
    )


_THAT_BEFORE = re.compile(r"\bthat\s*$")


def _that_quote(ctx: Context, q: QuotedSpan) -> int:
    """Start of ``that`` in ``Cruz said Tuesday that “the only way … grassroots.”``, or -1.

    A quote that makes up the whole reported clause after a verb of saying and
    ``that`` is a direct quote; like PolNeAR, its content starts at ``that``.
    """
    if q.open < 0 or q.close < 0:
        return -1
    s0, s1 = ctx.sentence_of(q.open)
    lo = max(s0, ctx.lines[q.line][0])
    m = _THAT_BEFORE.search(ctx.norm, lo, q.open)
    if m is None:
        return -1
    post = ctx.norm[q.close + 1:ctx.lines[q.line][1]]
    inside = ctx.norm[q.close - 1:q.close].replace(FOLD_MARK, "") or ctx.norm[q.close - 2:q.close - 1]
    if inside == ",":
        ends = re.match(r"\s+[a-z]+ing\b", post)  # "…together,” suggesting that …"
    else:
        ends = inside in ".!?" or re.match(r"\s*(?:[.!?;]|$)", post) or re.match(r",\s+[a-z]+ing\b", post)
    if not ends:
        return -1
    toks = tokens(ctx.norm, lo, m.start())[-5:]
    if not any(_intro_cue(w) and not w[:1].isupper() for w, _a, _b in toks):
        return -1
    if any(w in ('"', "'") for w, _a, _b in toks):
        return -1
    return m.start()


def _build(
    ctx: Context, q: QuotedSpan, att: Optional[Attribution], prov_rules: tuple[str, ...], segmenter: Segmenter,
    kind: QuoteKind = QuoteKind.DIRECT,
) -> Quote:
    art = ctx.article
    if att is not None and att.speaker is not None and not_a_speaker(att.speaker.mention):
        # "Minutes later, ...": a time or an adverbial names nobody; the cue stays.
        att = replace(att, speaker=None, confidence=0.3)
    conf = att.confidence if att else 0.3
    if q.open < 0 or q.close < 0 and not q.continues:
        conf = max(0.0, round(conf - 0.1, 2))
    return Quote(
        text=ctx.text[q.start:q.end],
        start=q.start,
        end=q.end,
        kind=kind,
        cue_type=att.cue_type if att else CueType.SPEECH,
        speaker=att.speaker if att else None,
        cue=att.cue if att else None,
        via=att.via if att else None,
        article=art.id,
        outlet=art.outlet,
        published=art.published,
        confidence=conf,
        provenance=Provenance(
            backend=segmenter.name, backend_version=segmenter.version, rules=prov_rules
        ),
    )


_TRIPLE_CLOSE = re.compile(r"(?<=\S)'{3}(?=[\s,.;:!?)]|$)")
_TRIPLE_OPEN = re.compile(r"(?<![\w'])'{3}(?=\w)")


def _fold(text: str) -> str:
    """:func:`fold_double_apostrophes`, reading three apostrophes as one single and one double mark.

    In ``''… 'We'll bomb them,''' said McCain`` the inner quote closes, then the outer.
    """
    if "'" * 3 in text:
        text = _TRIPLE_CLOSE.sub("'" + FOLD_MARK + '"', text)
        text = _TRIPLE_OPEN.sub(FOLD_MARK + '"' + "'", text)
    return fold_double_apostrophes(text)


def build_context(article: Article, segmenter: Segmenter) -> Context:
    """Normalise, find the body and segment one article."""
    text = article.text
    norm = _fold(normalize(text))
    lines = body_lines(text)
    sentences = segmenter.segment(text)
    return Context(
        article=article,
        text=text,
        norm=norm,
        lines=lines,
        sentences=sentences,
        sentence_starts=[a for a, _ in sentences],
        resolver=SpeakerResolver(text, norm, lines),
    )


def attribute_direct(ctx: Context, segmenter: Segmenter) -> tuple[list[Quote], list[QuotedSpan]]:
    """Direct quotes of the article, and the fragments left for mixed quotes."""
    spans = find_quoted_spans(_fold(ctx.text), ctx.lines)
    ctx.quoted = [(q.start, q.end) for q in spans]
    direct: list[tuple[QuotedSpan, Optional[Attribution]]] = []
    fragments: list[QuotedSpan] = []
    for q in spans:
        if _subheading(ctx, q):
            continue
        if _standalone(ctx, q):
            direct.append((q, None))
        elif (that := _that_quote(ctx, q)) >= 0:
            direct.append((QuotedSpan(q.open, q.close, that, q.end, q.line), None))
        else:
            fragments.append(q)
    results: list[tuple[QuotedSpan, Optional[Attribution]]] = []
    for q, _ in direct:
        line_lo, line_hi = ctx.lines[q.line]
        previous = results[-1][1] if results and results[-1][0].line == q.line else None
        att = None
        if q.close >= 0:
            att = attribute_after(ctx, q, line_hi)
            if att is None and _inside_end(ctx, q) == "," and ctx.norm[q.close + 1:line_hi].strip() == "" and q.line + 1 < len(ctx.lines):
                nxt_lo, nxt_hi = ctx.lines[q.line + 1]
                fake = QuotedSpan(q.open, nxt_lo - 1, q.start, q.end, q.line)  # close = the newline
                att = attribute_after(ctx, fake, nxt_hi)
                if att is not None:
                    att.rule = "after:next-line"
            if att is None and ctx.norm[q.close + 1:line_hi].strip(" .") == "" and q.line + 1 < len(ctx.lines):
                att = _dash_signature(ctx, q)
        if att is None:
            s0 = max(ctx.sentence_of(max(q.open, line_lo))[0], line_lo)
            if q.open == line_lo and q.line > 0 and ctx.norm[ctx.lines[q.line - 1][1] - 1] == ":":
                prev_lo, prev_hi = ctx.lines[q.line - 1]
                s_prev = max(ctx.sentence_of(prev_hi - 1)[0], prev_lo)
                prev_att = results[-1][1] if results and results[-1][0].line == q.line - 1 else None
                fake = QuotedSpan(prev_hi, -1, prev_hi, prev_hi, q.line - 1)
                att = attribute_before(ctx, fake, s_prev, prev_att)
            else:
                att = attribute_before(ctx, q, s0, previous)
        if att is None and results:
            prev_q, prev_att = results[-1]
            if prev_att is not None and (prev_att.speaker is not None or prev_att.cue is not None):
                same_line = prev_q.line == q.line and prev_att.cue is not None and prev_att.cue.start < q.start
                continued = (
                    prev_q.line == q.line - 1
                    and (q.continued or q.open == line_lo)
                    and ctx.sentence_of(ctx.lines[q.line - 1][1] - 1)[0] <= max(prev_q.end, prev_att.cue.start if prev_att.cue else 0)
                )
                if same_line:
                    att = Attribution(prev_att.speaker, prev_att.cue, prev_att.cue_type, prev_att.via, 0.75, "interrupted")
                elif continued:
                    att = Attribution(prev_att.speaker, prev_att.cue, prev_att.cue_type, prev_att.via, 0.6, "continued")
        if att is not None and att.speaker is not None:
            ctx.resolver.record(q.start, att.speaker)
        results.append((q, att))
    # A quote left open at a paragraph end takes the attribution of the piece that closes it.
    for k in range(len(results) - 2, -1, -1):
        q, att = results[k]
        nq, natt = results[k + 1]
        if q.continues and att is None and natt is not None and nq.continued:
            results[k] = (q, Attribution(natt.speaker, natt.cue, natt.cue_type, natt.via, 0.6, "continued"))
    quotes = []
    for q, att in results:
        if att is None and len(ctx.text[q.start:q.end].split()) < 3:
            continue
        rules = ("direct", att.rule if att else "unattributed")
        lead = _lead_in(ctx, q, att)
        if lead is not None and att is not None:
            # "Evaluating the candidates by national polls, Stevens said, “is like …”":
            # the statement begins outside the marks; both parts make one mixed quote.
            piece = QuotedSpan(-1, -1, lead[0], lead[1], q.line)
            quotes.append(_build(ctx, piece, att, ("direct", "lead-in"), segmenter, QuoteKind.MIXED))
            quotes.append(_build(ctx, q, att, ("direct", "lead-in"), segmenter, QuoteKind.MIXED))
            continue
        quotes.append(_build(ctx, q, att, rules, segmenter))
    return quotes, fragments


def _dash_signature(ctx: Context, q: QuotedSpan) -> Optional[Attribution]:
    """A paragraph quote signed on the next line: ``“…” ⏎ - Clinton.``"""
    lo, hi = ctx.lines[q.line + 1]
    m = re.fullmatch(r"\s*[-–—]+\s*([^.,;:!?\"]{2,50}?)\.?\s*", ctx.norm[lo:hi])
    if m is None:
        return None
    a, b = lo + m.start(1), lo + m.end(1)
    np = scan_left(ctx.norm, a, b)
    if np is None or np.start != a or np.end != b:
        return None
    sp = _speaker(ctx, np, q.start)
    if sp is None or sp.type is not SpeakerType.PERSON:
        return None
    return Attribution(sp, None, CueType.SPEECH, None, _confidence(sp, 0.7), "after:signature")


def _lead_in(ctx: Context, q: QuotedSpan, att: Optional[Attribution]) -> Optional[tuple[int, int]]:
    """The clause that opens the statement before a parenthetical ``X said,``, or ``None``.

    Only when the quote goes on in lower case right after the cue (``…, he added,
    “it will at least …”``): the words before the speaker are the statement's start.
    """
    if att is None or att.speaker is None or att.cue is None or q.open < 0:
        return None
    if not ctx.text[q.start:q.start + 1].islower():
        return None
    sp, cue = att.speaker, att.cue
    if not sp.start < cue.start < q.open or ctx.norm[sp.end:cue.start].strip() or ctx.norm[cue.end:q.open].strip(" ,:" + FOLD_MARK):
        return None
    line_lo = ctx.lines[q.line][0]
    s0 = max(ctx.sentence_of(sp.start)[0], line_lo)
    lead = ctx.norm[s0:sp.start]
    if not lead.rstrip().endswith(",") or '"' in lead or len(lead.split()) < 3:
        return None
    a = s0 + len(lead) - len(lead.lstrip())
    b = s0 + len(lead.rstrip(" ,"))
    return (a, b) if b > a else None


def attribute_article(article: Article, segmenter: Segmenter) -> list[Quote]:
    """All quotes of one article, in document order (the pipeline's core)."""
    ctx = build_context(article, segmenter)
    quotes, fragments = attribute_direct(ctx, segmenter)
    try:
        from quotes.reported import attribute_reported
    except ImportError:
        return quotes
    more = attribute_reported(ctx, segmenter, quotes, fragments)
    found = sorted(quotes + more, key=lambda q: (q.start, q.end))
    return _continue_reports(ctx, found)


def _statement_end(ctx: Context, q: Quote) -> int:
    """Where the sentence that holds ``q`` and its attribution ends."""
    last = max(q.end, q.cue.end if q.cue else 0, q.speaker.end if q.speaker else 0)
    return max(ctx.sentence_of(max(0, last - 1))[1], last)


def _own_cue_after(ctx: Context, q: Quote) -> bool:
    """A verb of saying follows the quote in its sentence (``”, Murphy … Tweeted on Friday``).

    The quote has an attribution of its own that the rules could not read; it is not
    the continuation of an earlier report.
    """
    line = ctx.line_of(q.start)
    hi = ctx.lines[line][1] if line >= 0 else len(ctx.norm)
    m = re.match(r"[,.!?…]?[\s\x7f]*[\"']", ctx.norm[q.end:hi])
    if m is None:
        return False
    a = q.end + m.end()
    stop = re.search(r"[\"]|[.!?](?=\s|$)", ctx.norm[a:hi])
    b = a + stop.start() if stop else hi
    if ctx.norm[q.end - 1:q.end] == "." and len(tokens(ctx.norm, a, b)) > 8:
        return False  # a new sentence after a closed one ("…enforcement.” She further announced that …")
    return any(_intro_cue(w.lower()) for w, _a, _b in tokens(ctx.norm, a, b)[:25])


def _continue_reports(ctx: Context, found: list[Quote]) -> list[Quote]:
    """A direct quote with no cue of its own that follows a report goes on with it.

    ``Trump is also a “change agent,” Cole said. “That’s exactly what people want.”``
    and a paragraph opening with a quote after ``…, Clinton said.`` are the same
    statement as the report before them: the quote takes its speaker and the same
    cue instance, as a second part of an interrupted quote does.
    """
    out = list(found)
    prev: Optional[Quote] = None
    for n, q in enumerate(out):
        if (
            q.kind is QuoteKind.DIRECT and q.cue is None and prev is not None
            and prev.kind is not QuoteKind.DIRECT and prev.cue is not None and prev.speaker is not None
        ):
            line = ctx.line_of(q.start)
            prev_line = ctx.line_of(prev.start)
            stop = _statement_end(ctx, prev)
            gap = ctx.norm[stop:q.start]
            opens = q.start - len(ctx.norm[:q.start]) + len(ctx.norm[:q.start].rstrip(' "' + FOLD_MARK))
            s0 = max(ctx.sentence_of(q.start)[0], ctx.lines[line][0] if line >= 0 else 0)
            opens_sentence = not ctx.norm[s0:q.start].strip(' "\'' + FOLD_MARK)
            same = line == prev_line and not gap.strip(' "' + FOLD_MARK) and opens_sentence
            next_para = (
                prev_line >= 0 and line == prev_line + 1 and stop >= ctx.lines[prev_line][1] - 1
                and ctx.lines[line][0] >= opens
            )
            if (same or next_para) and not _own_cue_after(ctx, q):
                out[n] = q.model_copy(update={
                    "speaker": prev.speaker, "cue": prev.cue, "cue_type": prev.cue_type,
                    "via": prev.via, "confidence": 0.6,
                    "provenance": q.provenance.model_copy(update={"rules": ("direct", "continues-report")}),
                })
        if q.cue is not None or q.kind is not QuoteKind.DIRECT:
            prev = out[n]
    return out
