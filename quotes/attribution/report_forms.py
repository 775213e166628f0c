"""Building reported quotes, and the fixed forms of attribution.

Shared by [`quotes.attribution.reported`][] and `quotes.attribution.report_scan`:
`build` turns a content span, a speaker and a cue into a
[`Quote`][quotes.models.Quote] (its base confidence from the rule table); the other
functions read forms that have a shape of their own rather than a subject and a verb,
each registered for its rule: ``According to X, C`` / ``C, according to X``
(``according``), ``C, as stated by X`` (``content-first:as-by``), ``C, as X put it``
(``as-x-put-it``), headlines such as ``Marco Rubio: I'm Not Interested``
(``headline-colon``), ``Asked whether C`` (``asked-question``) and ``X seems to C``
(``impression``).
"""

from __future__ import annotations

import re

from quotes.attribution.cues import cue_type_of, stance_of, with_verb_group
from quotes.attribution.report_content import (
    adjunct_only,
    clause_end,
    content_limit,
    is_reference,
    trim_span,
)
from quotes.attribution.report_cues import BE_FORMS, reporting_kind
from quotes.attribution.report_gates import not_a_statement
from quotes.attribution.rules import REPORTED_PRONOUNS, RULES
from quotes.attribution.source import resolve_speaker, to_clause_end
from quotes.attribution.subject import full_subject
from quotes.document import Document
from quotes.text.intervals import starting_in
from quotes.text.tokens import Token
from quotes.lexicon import CUE_AUXILIARIES, HEADLINE_LABELS, ORG_WORDS, REPORTING_VERBS, place_name
from quotes.text.marks import FOLD_MARK
from quotes.models import CueType, Quote, QuoteKind, Span, Speaker, SpeakerType, Stance
from quotes.speakers.channels import find_via
from quotes.text.segment import Segmenter
from quotes.speakers.resolver import NounPhrase, not_a_speaker, scan_left, scan_right

__all__ = [
    "ACCORDING_TAIL",
    "MIN_WORDS",
    "according",
    "as_stated_by",
    "as_x_put_it",
    "asked_question",
    "build",
    "colon_headline",
    "impression",
    "widen",
]

#: The fewest words of reported content (a form may ask for fewer).
MIN_WORDS = 3
#: A trailing ``, according to X`` after reported content: not content, its channel.
ACCORDING_TAIL = re.compile(r",\s+according\s+to\s+[^,]{2,80}$", re.I)


def build(
    ctx: Document,
    seg: Segmenter,
    a: int,
    b: int,
    sp: Speaker | None,
    cue: Span,
    kind: CueType,
    via: str | None,
    rule: str,
    marks: list[tuple[int, int]],
    *,
    min_words: int = MIN_WORDS,
    confidence: float | None = None,
    stance: Stance | None = None,
) -> Quote | None:
    """The reported quote of the content ``a:b``, or ``None`` when there is none to report.

    The content is trimmed of punctuation at both ends and of a trailing
    ``, according to X`` (whose channel becomes the ``via``); it is ``mixed`` when a
    quoted fragment lies inside it. A speaker that names nobody (a time, ``Hours
    later``) gives no quote, nor does content shorter than ``min_words`` words.

    Args:
        ctx: The article; ``seg`` the backend (for provenance).
        a: Where the content starts; ``b`` where it ends.
        sp: The speaker, or ``None`` (an impression, an asked question); ``cue`` the
            cue span (widened to its verb group), ``kind`` its type, ``via`` the channel.
        rule: The name of the ``reported`` rule in `quotes.attribution.rules.RULES`.
        marks: The quoted fragments of the article, as ``(open, close + 1)``.
        min_words: The fewest words content may have.
        confidence: The base confidence, when not the rule's own (see its call sites).
        stance: The stance, when not the cue's own (`quotes.attribution.cues.stance_of`).
    """
    conf = RULES["reported", rule].confidence if confidence is None else confidence
    if sp is not None and not_a_speaker(sp.mention):
        return None  # "Hours later, ... saying C": a time is nobody; no speaker, no report
    a, b = trim_span(ctx.text, a, b)
    m = ACCORDING_TAIL.search(ctx.norm, a, b)
    if m and rule != "according":
        via = via or find_via(ctx.norm[m.start() : b])
        b = m.start()
    if b <= a or len(ctx.text[a:b].split()) < min_words or adjunct_only(rule, ctx.norm[a:b]):
        return None  # too short, or "told reporters during the call": when, not what
    if not_a_statement(rule, cue.text, ctx.norm[a:b], ctx.norm[max(0, cue.start - 60) : cue.start]):
        return None  # "found himself in a race", "a group called X": no report
    mixed = any(
        e <= b + 1 or not ctx.norm[b:e].strip(" ,.;:!?\"'”’")
        for s, e in starting_in(marks, a, b, ctx.memo)
    )  # a fragment inside, or one whose closing mark follows the content's last comma
    pronoun = sp is not None and sp.mention.lower() in REPORTED_PRONOUNS
    if stance is None:
        stance = stance_of(cue.text, ctx.norm[a:b])
        if stance is Stance.ASSERTS and not mixed and is_reference(rule, cue.text, ctx.norm[a:b]):
            stance = Stance.REFERS
    return ctx.quote(
        a,
        b,
        kind=QuoteKind.MIXED if mixed else QuoteKind.INDIRECT,
        cue_type=kind,
        speaker=sp,
        cue=with_verb_group(ctx.text, cue, (b, sp.end if sp else 0)),
        via=via,
        confidence=conf - 0.1 if pronoun else conf,
        segmenter=seg,
        rules=("reported", rule),
        stance=stance,
    )


def widen(ctx: Document, sp: Speaker, span: tuple[int, int] | None) -> Speaker:
    """The speaker with its mention widened to the whole source phrase."""
    if span is None:
        return sp
    a, b = span
    update: dict[str, object] = {"mention": ctx.text[a:b], "start": a, "end": b}
    if sp.role and b < sp.end and sp.role in ctx.text[b : sp.end]:
        update["role"] = None  # the role was read from text the source no longer covers
    return sp.model_copy(update=update)


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
    r"(?:\s*,\s*|(?=\s*[.!?]?\s*$))",
    re.I,
)


@RULES.implements("reported", "as-x-put-it")
def as_x_put_it(
    ctx: Document, seg: Segmenter, lo: int, hi: int, marks: list[tuple[int, int]]
) -> list[Quote]:
    """``The plan, as Warren put it, is a giveaway.`` / ``As Peskov said, C.``: the rest is the content."""
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


#: What may open a line before "According to": nothing, a connective, a line to a colon.
_OPENING = re.compile(
    r"\s*(?:(?:but|and|so|yet|still|now|however|meanwhile|instead)\s*,?\s*)?", re.I
)
_LOOSE_SOURCE = re.compile(r"\s+([A-Za-z0-9][^,;:“”\"()]{1,160}?)(?=\s*(?:,|[.;!?]?\s*$))")


_DOCUMENT_NOUN = (
    r"(?P<noun>statement|report|post|tweet|letter|press\s+release|release|memo|e-?mail|message|"
    r"filing|notice|video|transcript|poll|survey|study|analysis)"
)
_DOCUMENT_MODIFIER = r"(?:(?:new|recent|latest|official|written|joint|brief|short|separate)\s+)?"
#: ``according to a statement from the ministry``, ``... a report released Friday by X``.
_DOCUMENT_FROM = re.compile(
    r"\s+(?:a|an|the)\s+" + _DOCUMENT_MODIFIER + _DOCUMENT_NOUN
    + r"(?:\s+(?:released|issued|published|posted|sent|put\s+out)(?:\s+(?:on\s+)?[A-Z][a-z]+day)?)?"
    r"\s+(?:from|by)\s+(?P<owner>[^,;:.“”\"()]{2,80}?)(?=\s*(?:,|[.;!?]?\s*$))"
)
#: ``according to the ministry's statement``.
_DOCUMENT_OWNED = re.compile(
    r"\s+(?P<owner>[^,;:.“”\"()]{2,60}?)(?:['’]s|s['’])\s+" + _DOCUMENT_MODIFIER + _DOCUMENT_NOUN
    + r"(?=\s*(?:,|[.;!?]?\s*$))"
)
#: Documents that carry a statement (the ``via``); polls and studies are evidence, no channel.
_DOCUMENT_VIA = {
    "statement": "a statement", "report": "a report", "post": "a post", "tweet": "a tweet",
    "letter": "a letter", "press release": "a press release", "release": "a release",
    "memo": "a memo", "email": "an email", "e-mail": "an email", "message": "a message",
    "filing": "a filing", "notice": "a notice", "video": "a video", "transcript": "a transcript",
}


def _document_source(
    ctx: Document, a: int, cue_end: int, hi: int
) -> tuple[Speaker, int, str | None] | None:
    """``According to a statement from the ministry``: the ministry speaks through a statement.

    PolNeAR's Source is the whole phrase (``a report from the SITE Intelligence
    Group``, ``POLITICO's analysis``); the speaker is named after its owner (type and
    canonical name from the resolver) and the document is the ``via``.

    Returns:
        The speaker, where its phrase ends and the channel; ``None`` when the phrase
        names no document or its owner resolves to nobody.
    """
    m = _DOCUMENT_FROM.match(ctx.norm, cue_end, hi) or _DOCUMENT_OWNED.match(ctx.norm, cue_end, hi)
    if m is None:
        return None
    owner = scan_right(ctx.norm, m.start("owner"), m.end("owner"))
    if owner is None or owner.start != m.start("owner") or owner.end != m.end("owner"):
        return None
    sp = resolve_speaker(ctx, owner, a, describe=True)
    if sp is not None and sp.type is SpeakerType.PERSON and any(
        w[:1].isupper() and w.lower() in ORG_WORDS for w in owner.text.split()
    ):  # "the Harvard University Institute of Politics" is an institution, not "Politics"
        name = re.sub(r"^(?:the|a|an)\s+", "", ctx.text[owner.start : owner.end], flags=re.I)
        sp = sp.model_copy(update={"name": name, "type": SpeakerType.ORGANIZATION, "role": None})
    if sp is None or sp.type not in (SpeakerType.ORGANIZATION, SpeakerType.PERSON, SpeakerType.GROUP):
        return None
    end = m.end()
    start = end - len(ctx.norm[m.start() : end].lstrip())
    noun = re.sub(r"\s+", " ", m.group("noun").lower())
    role = None if sp.role and sp.role in ctx.text[end:hi] else sp.role  # never the content
    sp = sp.model_copy(update={"mention": ctx.text[start:end], "start": start, "end": end, "role": role})
    return sp, end, _DOCUMENT_VIA.get(noun)


def _opens_clause(norm: str, consumed: int, a: int) -> bool:
    """Whether ``norm[consumed:a]`` is only a conjunction, or ends with a colon on its line.

    The colon is found by reading back over spaces from ``a``, not by matching from
    ``consumed``, which would cost the length of the sentence for every ``according``.
    """
    if _OPENING.fullmatch(norm, consumed, a) is not None:
        return True
    c = a
    while c > consumed and norm[c - 1].isspace():
        c -= 1
    return c > consumed and norm[c - 1] == ":" and norm.find("\n", consumed, c - 1) < 0


@RULES.implements("reported", "according")
def according(
    ctx: Document,
    seg: Segmenter,
    toks: list[Token],
    k: int,
    lo: int,
    hi: int,
    consumed: int,
    marks: list[tuple[int, int]],
) -> Quote | None:
    """``According to X, C`` / ``C, according to X``, ``according`` at token ``k``: a claim.

    The source is a document's owner (``according to a statement from the
    ministry``), else the phrase after ``according to`` (with an apposition: ``X,
    the head of Y``), else, when that resolves to nobody, the phrase as written
    (``according to state law``).
    """
    a = toks[k][1]
    cue_end = toks[k + 1][2]
    initial = _opens_clause(ctx.norm, consumed, a)
    doc = _document_source(ctx, a, cue_end, hi)
    if doc is not None:
        sp, src_end, via = doc
        return _according_quote(ctx, seg, a, cue_end, consumed, hi, sp, src_end, via, initial, marks)
    np = scan_right(ctx.norm, cue_end, hi)
    if np is None:
        return None
    found = _named_source(ctx, np, a, hi, initial) or _loose_source(ctx, cue_end, hi, initial)
    if found is None:
        return None
    sp, src_end = found
    comma = ctx.norm.find(",", cue_end, min(hi, sp.end))  # only a comma before sp.end counts
    if initial and 0 <= comma < sp.end and sp.start < comma:
        # "According to X, C": the source ends at the comma, the content follows.
        sp = widen(ctx, sp, (sp.start, min(src_end, comma)))
        src_end = min(src_end, comma)
    return _according_quote(
        ctx, seg, a, cue_end, consumed, hi, sp, src_end, find_via(ctx.norm[a:src_end]), initial, marks
    )


def _named_source(
    ctx: Document, np: NounPhrase, a: int, hi: int, initial: bool
) -> tuple[Speaker, int] | None:
    """The speaker named after ``according to`` (``np``, widened), and where its phrase ends."""
    role = None
    wide = _wide_source(ctx, np, hi, initial)
    follow = r"(?=\s*,)" if initial else r"(?=\s*(?:[,.;]|$))"
    m = re.match(
        r",\s+((?:the|a|an)\s+[^,.;]{2,80}|(?:head|chief|director|spokesman|spokeswoman|spokesperson)\b[^,.;]{0,80})"
        + follow,
        ctx.norm[np.end : hi],
    )
    src_end = np.end
    if m:
        role = ctx.text[np.end + m.start(1) : np.end + m.end(1)]
        src_end = np.end + m.end(1)
    sp = None
    if wide is not None:
        sp = resolve_speaker(ctx, wide, a, role) or resolve_speaker(ctx, np, a, role)
        if sp is not None:
            sp = widen(ctx, sp, (wide.start, wide.end))
            src_end = max(src_end, wide.end)
    else:
        sp = resolve_speaker(ctx, np, a, role)
    if sp is not None and m is None:  # "according to a copy of the letter reviewed by The Post"
        sp, src_end = to_clause_end(ctx, sp, np.start, src_end, hi, initial)
    return (sp, src_end) if sp is not None else None


def _wide_source(ctx: Document, np: NounPhrase, hi: int, initial: bool) -> NounPhrase | None:
    """``According to South Korean and Western intelligence agencies, C``: the whole phrase."""
    stop = re.compile(r"\s*,") if initial else re.compile(r"\s*(?:[,.;]|$)")
    gap = re.match(r"[^,.;:“”\"]{1,80}?(?=\s*(?:[,.;]|$))", ctx.norm[np.end : hi])
    if (
        gap
        and gap.group().strip()
        and len(gap.group().split()) <= 6
        and stop.match(ctx.norm, np.end + gap.end())
    ):
        return NounPhrase(np.start, np.end + gap.end(), ctx.norm[np.start : np.end + gap.end()])
    return None


def _loose_source(ctx: Document, cue_end: int, hi: int, initial: bool) -> tuple[Speaker, int] | None:
    """``according to state law``: the phrase after ``according to`` is the source, as written.

    Also ``according to early results of exit polls conducted for ...``, whatever it
    names; at most 16 words, closed by the comma before the content or by the
    sentence end.
    """
    loose = _LOOSE_SOURCE.match(ctx.norm, cue_end, hi)
    if loose is None or (not initial and not re.match(r"\s*(?:[.;!?]|$)", ctx.norm[loose.end() : hi])):
        return None
    if initial and not ctx.norm[loose.end() : loose.end() + 1] == ",":
        return None
    a0, b0 = loose.start(1), loose.end(1)
    if len(ctx.norm[a0:b0].split()) > 16:
        return None
    name = re.sub(r"^(?:the|a|an)\s+", "", ctx.text[a0:b0], flags=re.I)
    sp = Speaker(name=name, mention=ctx.text[a0:b0], start=a0, end=b0, type=SpeakerType.UNKNOWN)
    return sp, b0


@RULES.implements("reported", "according")
def _according_quote(
    ctx: Document,
    seg: Segmenter,
    a: int,
    cue_end: int,
    consumed: int,
    hi: int,
    sp: Speaker,
    src_end: int,
    via: str | None,
    initial: bool,
    marks: list[tuple[int, int]],
) -> Quote | None:
    """The claim of ``According to X, C`` (content after ``src_end``) or ``C, according to X``."""
    cue = ctx.span(a, cue_end)
    if initial:  # "According to X, C.", "But, according to X, C."
        return build(ctx, seg, src_end, hi, sp, cue, CueType.CLAIM, via, "according", marks)
    if ctx.norm[consumed:a].rstrip(" \"'”’").endswith(","):  # "C, according to X.", "... “C,” according to X."
        comma = ctx.norm.rfind(",", consumed, a)
        return build(ctx, seg, consumed, comma, sp, cue, CueType.CLAIM, via, "according", marks)
    return None


_ASKED_OPEN = re.compile(
    r"\W*(?:(?:and|but|so|when|after|if|once|while|even\s+when)\s+)?(?P<cue>asked(?:\s+about)?)\s+", re.I
)
_ASKED_PASSIVE = re.compile(
    r"\b(?P<cue>(?:was|were|is|are|has\s+been|have\s+been|had\s+been|being)\s+asked(?:\s+about)?)\s+"
)
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
    """``Asked whether he would run, Mayor X said ...`` / ``X was asked about the deal``: the question.

    The one who asked is not named (a reporter, a moderator), so the question is
    reported with no speaker and the stance ``questions`` (never a claim); its cue is
    ``asked`` (``asked about``, ``was asked``).
    """
    m = _ASKED_OPEN.match(ctx.norm, lo, hi)
    initial = m is not None
    if m is None:
        m = _ASKED_PASSIVE.search(ctx.norm, lo, hi)
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
