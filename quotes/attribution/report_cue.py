"""A cue word of a report, read with its verb group, particle and object.

`read_cue` reads the cue at a token for `quotes.attribution.report_scan.SentenceScan`:
a particle (``called for``), a chained verb (``continued to question``), the verb
group before it (``has also said``, ``was quoted as saying``), the object of
``told``, and a participle cue right after it (``reported, citing``).
"""

from __future__ import annotations

from dataclasses import dataclass

from quotes.attribution.cues import TELL
from quotes.attribution.report_content import content_after, content_limit, participle_after
from quotes.attribution.report_cue_use import between_subject_and_cue
from quotes.attribution.report_cues import (
    OBJECT_VERBS,
    SAY_LIKE,
    chained_cue,
    is_particle,
    phrase_cue_end,
    reporting_kind,
)
from quotes.document import Document
from quotes.lexicon import WEEKDAYS
from quotes.attribution.source import resolve_speaker
from quotes.models import CueType, Speaker, Span
from quotes.speakers.noun_phrase import scan_right
from quotes.text.tokens import Token

__all__ = ["ReportCue", "quoted_speaker", "quoting_verb", "read_cue"]


@dataclass
class ReportCue:
    """A cue word of a report, as `read_cue` read it."""

    k: int  #: its token
    low: str  #: the cue word, lower-cased
    a: int  #: where the cue starts (``was quoted as saying``: at ``quoted``)
    b: int  #: where the cue word ends
    kind: CueType
    obj_kind: CueType | None  #: its type as a verb with an object (``endorsed Clinton``)
    last: int  #: its last token: a particle (``called for``), the object of ``told``
    j: int  #: the first token of its verb group (``has also said``), where the subject ends
    cue_end: int
    span: Span  #: the cue's text
    limit: int  #: where content after it must stop (the sentence end or a direct quote)
    going_on: int | None  #: a participle cue right after it (``reported citing``), or ``None``
    quoter: int | None = None  #: ``Interfax quoted X as saying``: where ``quoted`` starts (X speaks)

    def content_start(self, ctx: Document, toks: list[Token]) -> int | None:
        """Where the content starts after the cue (`content_after`)."""
        say_like = self.low in SAY_LIKE or self.low in TELL
        return content_after(ctx, toks, self.last, say_like, self.low.startswith(OBJECT_VERBS))


def read_cue(
    ctx: Document,
    toks: list[Token],
    k: int,
    kind: CueType,
    obj_kind: CueType | None,
    *,
    hi: int,
    blocked: list[tuple[int, int]],
) -> ReportCue:
    """The cue at ``k``: particle, verb group, the object of ``told``, a participle after it.

    Args:
        ctx: The article.
        toks: The tokens of the sentence.
        k: The cue word's token.
        kind: The cue's type (`quotes.attribution.report_cues.report_kind`).
        obj_kind: Its type as a verb with an object, or ``None``.
        hi: Where the sentence ends.
        blocked: The direct quotes of the article, with their cues.
    """
    word, a, b = toks[k]
    low = word.lower()
    last = k
    phrase_end = phrase_cue_end(toks, k)
    if phrase_end is not None:
        last = phrase_end  # "made it clear", "points out"
    elif k + 1 < len(toks) and is_particle(low, toks[k + 1][0].lower()):
        last = k + 1
    else:
        last = _about_after_adjunct(toks, k, low)  # "talked openly on social media about C"
    last = chained_cue(toks, last)  # "continued to question C"
    j = k
    quoter = None
    q = quoting_verb(toks, k)
    if q is not None and (q == k - 2 or toks[q + 1][0].lower() == "by"):
        j = q  # "was quoted as saying", "was quoted by TASS as saying"
        a = toks[j][1]
    elif q is not None:  # "Interfax quoted X as saying": X speaks (`quoted_speaker`)
        j, quoter = k - 1, toks[q]
    went = _went_on_to(toks, j)
    if went is not None:
        j, a = went, toks[went][1]  # "went on to say", "went so far as to say"
    j = _verb_group_start(toks, j, low)
    on_day = j > 2 and toks[j - 1][0].lower() in WEEKDAYS and toks[j - 2][0].lower() == "on"
    if obj_kind is not None and on_day:
        j = _verb_group_start(toks, j - 2, low)  # "Sanders, who on Tuesday endorsed Clinton"
    cue_end = toks[last][2]
    if low in TELL:
        obj = scan_right(ctx.norm, b, hi)
        if obj is not None:
            cue_end = obj.end
            last = _index_at(toks, obj.end)
    limit = content_limit(blocked, cue_end, hi, ctx.memo)
    host = low if low in TELL else toks[last][0].lower()  # "told Reuters citing": the verb
    going_on = participle_after(toks, last, limit, host)
    span = ctx.span(a, cue_end) if quoter is None else ctx.span(quoter[1], quoter[2])
    return ReportCue(
        k, low, a, b, kind, obj_kind, last, j, cue_end, span, limit, going_on,
        None if quoter is None else quoter[1],
    )


#: Verbs of an agency quoting someone (``quoted X as saying``, ``cited X as saying``).
_QUOTING = frozenset(("quoted", "cited"))
#: The most tokens between ``quoted`` and ``as saying`` (a title and a name, or ``by TASS``).
_QUOTING_GAP = 8


def quoting_verb(toks: list[Token], k: int) -> int | None:
    """The token of ``quoted`` / ``cited`` in ``quoted (X | by Y) as saying`` ending at ``k``.

    ``k`` is the ``saying`` token; the words between the verb and ``as`` are a noun phrase
    (no mark but a period of an abbreviation, no cue word). ``None`` when there is none.

    Examples:
        >>> from quotes.text.tokens import tokens
        >>> s = "TASS quoted Gen. Ivan Lor as saying it"
        >>> toks = tokens(s, 0, len(s))
        >>> quoting_verb(toks, [w for w, _a, _b in toks].index("saying"))
        1
    """
    if toks[k][0].lower() != "saying" or k < 2 or toks[k - 1][0].lower() != "as":
        return None
    for n in range(k - 2, max(-1, k - 3 - _QUOTING_GAP), -1):
        word = toks[n][0]
        if word.lower() in _QUOTING:
            return n
        if not (word[:1].isalnum() or word == ".") or word.lower() in ("that", "and", "said"):
            return None
    return None


#: Verbs of talking whose ``about`` may follow an adverb or an adjunct (``talked openly on
#: social media about C``, ``complained bitterly about C``, ``asked the mayor about C``).
_ABOUT_VERBS = ("talk", "spoke", "speak", "complain", "boast", "brag", "joke", "ask")
#: Words that end the search for ``about``: a clause or a question opens (``asked him
#: whether questions about C``), or a new verb phrase.
_NOT_BEFORE_ABOUT = frozenset(
    "that and but or whether if how why what when where who which".split()
)
#: The most words between such a verb and its ``about``.
_ABOUT_GAP = 5


def _about_after_adjunct(toks: list[Token], k: int, low: str) -> int:
    """The token of the ``about`` that ends the cue at ``k`` over a few words, else ``k``.

    PolNeAR's cue runs to the ``about`` and its content starts after it (``complained
    bitterly about [the fees]``). The words between are plain words (an adverb, a short
    adjunct, the one asked), none a mark, ``that``, ``to`` first (``talked to voters about
    C``: its content keeps ``about``, as often as not) or a cue word.
    """
    if not low.startswith(_ABOUT_VERBS) or k + 1 >= len(toks) or toks[k + 1][0].lower() == "to":
        return k
    for n in range(k + 1, min(k + 2 + _ABOUT_GAP, len(toks))):
        word = toks[n][0]
        if word.lower() == "about":
            return n if n > k + 1 else k
        if not word[:1].isalnum() or word.lower() in _NOT_BEFORE_ABOUT or reporting_kind(word):
            return k
    return k


#: The words of ``went on to`` and ``went so far as to`` before a verb of saying.
_WENT_ON = frozenset("went goes go on so far as even".split())


def _went_on_to(toks: list[Token], k: int) -> int | None:
    """The token of ``went`` when ``went on to`` (``went so far as to``) comes before token ``k``.

    Examples:
        >>> toks = [("Ann", 0, 3), ("went", 4, 8), ("on", 9, 11), ("to", 12, 14), ("say", 15, 18)]
        >>> _went_on_to(toks, 4)
        1
    """
    if k < 3 or toks[k - 1][0] != "to":
        return None
    j = k - 2
    while j >= 0 and k - j <= 6 and toks[j][0] in _WENT_ON:
        if toks[j][0] in ("went", "goes", "go"):
            return j
        j -= 1
    return None


def _verb_group_start(toks: list[Token], j: int, cue: str) -> int:
    """The first token of the verb group that ends at token ``j`` (``has also said``)."""
    while j > 0 and between_subject_and_cue(toks[j - 1][0], cue):
        j -= 1
    return j


def _index_at(toks: list[Token], end: int) -> int:
    """The first token that ends at or after ``end`` (the last token if none does)."""
    for n, (_w, _a, b) in enumerate(toks):
        if b >= end:
            return n
    return len(toks) - 1



def quoted_speaker(ctx: Document, toks: list[Token], k: int, at: int) -> tuple[Speaker, Span] | None:
    """The one quoted in ``Interfax quoted X as saying C`` and the agency's verb.

    ``k`` is the ``saying`` token, ``at`` where the content starts. X comes with its whole
    phrase (``cited a source in the ministry as saying``: the mention runs to ``as``).
    ``None`` for a passive (``was quoted by TASS as saying``: its subject speaks), for no
    such verb, or when X resolves to no speaker.
    """
    q = quoting_verb(toks, k)
    if q is None or q == k - 2 or toks[q + 1][0].lower() == "by":
        return None
    hi = toks[k - 1][1]
    np = scan_right(ctx.norm, toks[q + 1][1], hi)
    if np is None:
        return None
    end = len(ctx.norm[:hi].rstrip())
    sp = resolve_speaker(ctx, np, at, describe=True, end=end)
    return None if sp is None else (sp, ctx.span(toks[q][1], toks[q][2]))
