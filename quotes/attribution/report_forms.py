"""Reported speech in forms with a shape of their own rather than a subject and a verb.

Each function reads one form and is registered for its rule: headlines such as
``Marco Rubio: I'm Not Interested`` (``headline-colon``), ``C, as X put it``
(``as-x-put-it``) and ``C, as stated by X`` (``content-first:as-by``), tried on the
whole sentence by [`quotes.attribution.reported`][]; ``Asked whether C``
(``asked-question``) and ``X seems to C`` (``impression``), tried by
`quotes.attribution.report_scan.SentenceScan`. The quotes are made by
`quotes.attribution.report_build.build`; claims with ``according to`` are in
`quotes.attribution.report_according`.
"""

from __future__ import annotations

import re

from quotes.attribution.cues import cue_type_of
from quotes.attribution.report_build import MIN_WORDS, build
from quotes.attribution.report_content import clause_end, content_limit
from quotes.attribution.report_cue_use import BE_FORMS
from quotes.attribution.report_cues import reporting_kind
from quotes.attribution.rules import RULES
from quotes.attribution.source import resolve_speaker
from quotes.attribution.subject import full_subject
from quotes.document import Document
from quotes.lexicon import CUE_AUXILIARIES, HEADLINE_LABELS, REPORTING_VERBS, place_name
from quotes.models import CueType, Quote, SpeakerType, Stance
from quotes.speakers.channels import find_via
from quotes.speakers.resolver import scan_left, scan_right
from quotes.text.marks import FOLD_MARK
from quotes.text.segment import Segmenter
from quotes.text.tokens import Token

__all__ = ["as_stated_by", "as_x_put_it", "asked_question", "colon_headline", "impression"]


#: Marks that open and close a quote (`quotes.text.marks.FOLD_MARK` stands for ``''``).
_OPENING_MARKS = "\"'“‘«" + FOLD_MARK
_CLOSING_MARKS = "\"'”’»" + FOLD_MARK


def _whole_quote(text: str) -> bool:
    """Whether ``text`` is one quote in marks, its first closing mark at its end.

    A closing mark followed by a letter is an apostrophe (``I’m``).

    Examples:
        >>> _whole_quote(' "Talks collapsed."'), _whole_quote(" ‘No Idea’ If I Had Known")
        (True, False)
    """
    core = text.strip().rstrip(" .!?,;")
    if len(core) < 2 or core[0] not in _OPENING_MARKS:
        return False
    for i in range(1, len(core)):
        if core[i] in _CLOSING_MARKS and not (i + 1 < len(core) and core[i + 1].isalpha()):
            return not core[i + 1 :].strip(_CLOSING_MARKS)
    return False


@RULES.implements("reported", "headline-colon")
def colon_headline(
    ctx: Document, seg: Segmenter, lo: int, hi: int, marks: list[tuple[int, int]]
) -> Quote | None:
    """``Marco Rubio: I'm Not Interested In Being Vice President.``: a name, a colon, a claim.

    A headline label (``Poll:``, ``Update:``; `quotes.lexicon.HEADLINE_LABELS`)
    names nobody, and a claim in quote marks (``Reuters: "Talks collapsed."``) is left
    to the direct path.
    """
    colon = ctx.norm.find(":", lo, min(hi, lo + 60))
    if colon < 0 or not ctx.norm[colon + 1 : colon + 2].isspace():
        return None
    line = ctx.line_of(lo)
    if line < 0 or ctx.lines[line][0] != lo:
        return None
    np = scan_left(ctx.norm, lo, colon)
    if np is None or np.start != lo or not np.text[:1].isupper() or len(np.text.split()) > 5:
        return None
    if np.text.lower().split()[0] in HEADLINE_LABELS:
        return None  # "Poll: …", "Update: …": a label, not a speaker
    if _whole_quote(ctx.norm[colon + 1 : hi]):
        return None  # 'Reuters: "Talks collapsed."': a quote in marks, left to the direct path
    sp = resolve_speaker(ctx, np, colon)
    if sp is None or sp.type not in (SpeakerType.PERSON, SpeakerType.ORGANIZATION):
        return None
    if " " not in np.text and place_name(np.text):
        return None  # "Iowa: Tim Albrecht, Brad Anderson, ...": a section label, not a speaker
    return build(
        ctx,
        seg,
        colon + 1,
        hi,
        sp,
        ctx.span(colon, colon + 1),
        CueType.SPEECH,
        None,
        "headline-colon",
        marks,
    )


_AS_X = re.compile(
    r"(?:(?<=^)|(?<=,\s))as\s+(?P<np>[^,;:]{2,80}?)\s+(?P<cue>(?:has\s+|had\s+|once\s+)?(?:put\s+it|puts\s+it|"
    r"said|says|noted|notes|wrote|writes|argued|argues|explained|observed|warned|reported|reports)"
    r"(?:\s+[a-z]+ly|\s+(?:on|last)\s+[A-Z][a-z]+day)?)"
    r"(?:\s+(?:(?:a\s+few|two|three|several)\s+)?(?:days?|weeks?|months?)\s+later|\s+in\s+\d{4})?"
    r"(?:\s*,\s*|(?=\s*[.!?]?\s*$))",
    re.I,
)


@RULES.implements("reported", "as-x-put-it")
def as_x_put_it(
    ctx: Document, seg: Segmenter, lo: int, hi: int, marks: list[tuple[int, int]]
) -> list[Quote]:
    """``The plan, as Warren put it, is a giveaway.``, ``As X said, C.``: the rest is content.

    A time after the cue stays with it (``C, as Reuters reported two days later.``).
    """
    sentence = ctx.norm[lo:hi]
    for m in _AS_X.finditer(sentence):
        np = scan_right(ctx.norm, lo + m.start("np"), lo + m.end("np"))
        if np is None or np.end < lo + m.end("np") - 1:
            continue
        sp = resolve_speaker(ctx, np, lo + m.start())
        if sp is None:
            continue
        cue = ctx.span(lo + m.start("cue"), lo + m.end("cue"))
        kind = CueType.SPEECH
        parts = [(lo, lo + m.start()), (lo + m.end(), hi)]
        if sum(len(ctx.text[x:y].split()) for x, y in parts) < MIN_WORDS:
            continue
        built = [
            build(
                ctx,
                seg,
                x,
                y,
                sp,
                cue,
                kind,
                find_via(ctx.norm[x:y]),
                "as-x-put-it",
                marks,
                min_words=1,
            )
            for x, y in parts
        ]
        return [q for q in built if q is not None]
    return []


_AS_BY = re.compile(r",\s+as\s+(?:was\s+)?(?P<cue>[a-z]+)\s+by\s+")


@RULES.implements("reported", "content-first:as-by")
def as_stated_by(
    ctx: Document, seg: Segmenter, lo: int, hi: int, marks: list[tuple[int, int]]
) -> Quote | None:
    """``C, as stated by spokesperson Dmitry Peskov.``: the content precedes."""
    for m in _AS_BY.finditer(ctx.norm, lo, hi):
        word = m.group("cue")
        if word not in REPORTING_VERBS:
            continue
        np = scan_right(ctx.norm, m.end(), hi)
        if np is None or not re.match(r"\s*(?:,[^,]{0,80})?[.!?]?\s*$", ctx.norm[np.end : hi]):
            continue
        sp = resolve_speaker(ctx, np, m.start())
        kind = cue_type_of(word) or CueType.SPEECH
        if sp is None:
            continue
        cue = ctx.span(m.start("cue"), m.start("cue") + len(word))
        return build(ctx, seg, lo, m.start(), sp, cue, kind, None, "content-first:as-by", marks)
    return None


_ASKED_OPEN = re.compile(
    r"\W*(?:(?:and|but|so|when|after|if|once|while|even\s+when)\s+)?(?P<cue>asked(?:\s+about)?)\s+",
    re.I,
)
_ASKED_PASSIVE = re.compile(
    r"\b(?P<cue>(?:was|were|is|are|has\s+been|have\s+been|had\s+been|being)\s+asked(?:\s+about)?)\s+"
)
#: ``X said C when asked whether Q``, ``X said, asked about Q``: the question after the report.
_ASKED_AFTER = re.compile(r"(?:,\s+(?:when\s+)?|\s+when\s+)(?P<cue>asked(?:\s+about)?)\s+", re.I)
_ASKED_ADJUNCT = re.compile(
    r"(?:(?:on|in|at|during|by|from|after|later|earlier|last|this|again|repeatedly|directly|specifically)"
    r"\b[^,]{0,40}?\s+)?(?=(?:whether|if|what|why|how|who|whom|which|where|when)\b)",
    re.I,
)
_QUESTION_WORD = re.compile(r"(?:whether|if|what|why|how|who|whom|which|where|when)\b", re.I)


@RULES.implements("reported", "asked-question")
def asked_question(
    ctx: Document, seg: Segmenter, lo: int, hi: int, marks: list[tuple[int, int]]
) -> Quote | None:
    """``Asked whether he would run, X said ...`` / ``X was asked about the deal``: the question.

    The one who asked is not named (a reporter, a moderator), so the question is
    reported with no speaker and the stance ``questions`` (never a claim); its cue is
    ``asked`` (``asked about``, ``was asked``).
    """
    m = _ASKED_OPEN.match(ctx.norm, lo, hi)
    initial = m is not None
    if m is None:
        m = _ASKED_PASSIVE.search(ctx.norm, lo, hi) or _ASKED_AFTER.search(ctx.norm, lo, hi)
        if m is None:
            return None
    start = m.end()
    if not m.group("cue").lower().endswith("about"):
        adj = _ASKED_ADJUNCT.match(ctx.norm, start, hi)
        if adj is None:
            return None
        start = adj.end()
        if not _QUESTION_WORD.match(ctx.norm, start, hi):
            return None
    comma = ctx.norm.find(",", start, hi)
    if initial and comma < 0:
        return None  # "Asked if ..." opens a clause that a comma closes
    end = comma if comma >= 0 else hi
    if any(s < end and e > start for s, e in marks if e - s > 0.8 * (end - start)):
        return None  # the question is itself a quotation
    cue = ctx.span(m.start("cue"), m.end("cue"))
    return build(
        ctx,
        seg,
        start,
        end,
        None,
        cue,
        CueType.SPEECH,
        None,
        "asked-question",
        marks,
        min_words=1,
        stance=Stance.QUESTIONS,
    )


#: Adverbs between the subject and ``seems to`` / ``is expected to`` (``is widely expected to``).
_IMPRESSION_ADVERBS = frozenset("widely not also still now generally largely n't n’t".split())


@RULES.implements("reported", "impression")
def impression(
    ctx: Document,
    seg: Segmenter,
    toks: list[Token],
    k: int,
    consumed: int,
    hi: int,
    blocked: list[tuple[int, int]],
    marks: list[tuple[int, int]],
) -> list[Quote]:
    """``Trump seemed to suggest C``, ``The bank is expected to raise rates``: nobody says it.

    PolNeAR marks these with no source and with the subject inside the content but
    not the cue (``The bank … to raise rates``), so the content is two quotes that
    share the cue: the subject, and ``to`` up to the clause end; neither has a speaker.
    """
    low = toks[k][0].lower()
    j = k
    while j > 0 and toks[j - 1][0].lower() in _IMPRESSION_ADVERBS:
        j -= 1
    if low == "expected":
        if j == 0 or toks[j - 1][0].lower() not in BE_FORMS:
            return []  # "Trump expected to win": an active belief, read elsewhere
        j -= 1
    cue_start = toks[j][1]
    while j > 0 and toks[j - 1][0].lower() in CUE_AUXILIARIES:
        j -= 1
    if j > 0 and toks[j - 1][0].lower() in ("who", "which", "that"):
        start = toks[j - 1][1]
    else:
        fs = full_subject(ctx.norm, consumed, toks[j][1], toks[:j])
        np = scan_left(ctx.norm, consumed, toks[j][1]) if fs is None else None
        if fs is None and (np is None or np.text.lower() in ("it", "there", "this")):
            return []  # "It seems to me": no subject to report about
        start = fs.start if fs is not None else np.start  # type: ignore[union-attr]
    limit = content_limit(blocked, toks[k][2], hi, ctx.memo)
    end = clause_end(ctx, toks[k + 1][1], limit)
    kind = reporting_kind(toks[k][0]) or CueType.BELIEF
    cue = ctx.span(cue_start, toks[k][2])
    parts = [(start, cue_start), (toks[k + 1][1], end)]
    if sum(len(ctx.text[a:b].split()) for a, b in parts) < MIN_WORDS:
        return []
    built = [
        build(ctx, seg, a, b, None, cue, kind, None, "impression", marks, min_words=1)
        for a, b in parts
    ]
    return [q for q in built if q is not None] if built[1] is not None else []
