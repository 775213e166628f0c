"""Claims: ``According to X, C`` and ``C, according to X`` (the rule ``according``).

Called by `quotes.attribution.report_scan.SentenceScan` at the words ``according
to``. The source is, in this order, a document's owner (``according to a statement
from the ministry``: the ministry speaks, the statement is the ``via``), the phrase
after ``according to`` with an apposition (``X, the head of Y``) or widened to the
comma (``South Korean and Western intelligence agencies``), and else the phrase as
written (``according to state law``).
"""

from __future__ import annotations

import re

from quotes.attribution.report_build import build, widen
from quotes.attribution.rules import RULES
from quotes.attribution.source import resolve_speaker
from quotes.attribution.source_extent import to_clause_end
from quotes.document import Document
from quotes.lexicon import ORG_WORDS
from quotes.models import CueType, Quote, Speaker, SpeakerType
from quotes.speakers.channels import find_via
from quotes.speakers.noun_phrase import without_article
from quotes.speakers.resolver import NounPhrase, scan_right
from quotes.text.segment import Segmenter
from quotes.text.tokens import Token

__all__ = ["according"]

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


#: A phrase after ``according to`` that says in line with what, not who says so: a
#: possessive and a head that is no record (``their instinctive preference``, ``his plan``);
#: ``his biography``, ``her memoir``, ``their statement`` still name a source.
_IN_ACCORDANCE = re.compile(
    r"(?:his|her|its|their|our|my|your)\s+(?:[\w-]+\s+){0,3}"
    r"(?!(?:biography|memoir|book|account|records?|website|statement|spokes\w+|aides?|lawyers?|"
    r"campaign|office|staff)$)[a-z][\w-]*",
    re.I,
)


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
        name = without_article(ctx.text[owner.start : owner.end])
        sp = sp.model_copy(update={"name": name, "type": SpeakerType.ORGANIZATION, "role": None})
    speaking = (SpeakerType.ORGANIZATION, SpeakerType.PERSON, SpeakerType.GROUP)
    if sp is None or sp.type not in speaking:
        return None
    end = m.end()
    start = end - len(ctx.norm[m.start() : end].lstrip())
    noun = re.sub(r"\s+", " ", m.group("noun").lower())
    role = None if sp.role and sp.role in ctx.text[end:hi] else sp.role  # never the content
    sp = sp.model_copy(
        update={"mention": ctx.text[start:end], "start": start, "end": end, "role": role}
    )
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
        return _according_quote(
            ctx, seg, a, cue_end, consumed, hi, sp, src_end, via, initial, marks
        )
    np = scan_right(ctx.norm, cue_end, hi)
    named = _named_source(ctx, np, a, hi, initial) if np is not None else None
    found = named or _loose_source(ctx, cue_end, hi, initial)  # "a new poll", "an attendee"
    if found is not None and np is None and _IN_ACCORDANCE.fullmatch(found[0].mention):
        return None  # "pull the lever according to their instinctive preference": no source
    if found is None:
        return None
    sp, src_end = found
    comma = ctx.norm.find(",", cue_end, min(hi, sp.end))  # only a comma before sp.end counts
    if initial and 0 <= comma < sp.end and sp.start < comma:
        # "According to X, C": the source ends at the comma, the content follows.
        sp = widen(ctx, sp, (sp.start, min(src_end, comma)))
        src_end = min(src_end, comma)
    via = find_via(ctx.norm[a:src_end])
    return _according_quote(ctx, seg, a, cue_end, consumed, hi, sp, src_end, via, initial, marks)


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


def _loose_source(
    ctx: Document, cue_end: int, hi: int, initial: bool
) -> tuple[Speaker, int] | None:
    """``according to state law``: the phrase after ``according to`` is the source, as written.

    Also ``according to early results of exit polls conducted for ...``, whatever it
    names; at most 16 words, closed by the comma before the content or by the
    sentence end.
    """
    loose = _LOOSE_SOURCE.match(ctx.norm, cue_end, hi)
    if loose is None:
        return None
    if not initial and not re.match(r"\s*(?:[.;!?]|$)", ctx.norm[loose.end() : hi]):
        return None
    if initial and not ctx.norm[loose.end() : loose.end() + 1] == ",":
        return None
    a0, b0 = loose.start(1), loose.end(1)
    if len(ctx.norm[a0:b0].split()) > 16:
        return None
    name = without_article(ctx.text[a0:b0])
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
    # "C, according to X.", "... “C,” according to X."
    if ctx.norm[consumed:a].rstrip(" \"'”’").endswith(","):
        comma = ctx.norm.rfind(",", consumed, a)
        return build(ctx, seg, consumed, comma, sp, cue, CueType.CLAIM, via, "according", marks)
    return None

