"""Building a reported quote from a content span, a speaker and a cue.

Shared by every form of reported speech (`quotes.attribution.report_placement`,
`quotes.attribution.report_forms`, `quotes.attribution.report_according`): `build`
turns a content span, a speaker and a cue into a [`Quote`][quotes.models.Quote] (its
base confidence from the rule table), and `widen` gives a speaker the whole source
phrase as its mention.
"""

from __future__ import annotations

import re

from quotes.attribution.cues import stance_of, with_verb_group, with_verb_tail
from quotes.attribution.named_appositive import appositive_start
from quotes.attribution.report_content_text import adjunct_only, is_reference, trim_span
from quotes.attribution.report_gates import not_a_statement, short_clause
from quotes.attribution.rules import REPORTED_PRONOUNS, RULES
from quotes.document import Document
from quotes.models import CueType, Quote, QuoteKind, Span, Speaker, Stance
from quotes.speakers.channels import find_via
from quotes.speakers.resolver import not_a_speaker
from quotes.text.intervals import starting_in
from quotes.text.marks import FOLD_MARK
from quotes.text.segment import Segmenter

__all__ = ["ACCORDING_TAIL", "MIN_WORDS", "build", "widen"]

#: ``so-called`` right before a quoted fragment: scare quotes, a label others use, not
#: the speaker's words (``Critics mocked the so-called “deal”`` is no mixed quote).
_SO_CALLED = re.compile(r"\bso[- ]called\s*$", re.IGNORECASE)

#: The fewest words of reported content (a form may ask for fewer).
MIN_WORDS = 3
#: A trailing ``, according to X`` after reported content: not content, its channel.
ACCORDING_TAIL = re.compile(r",\s+according\s+to\s+[^,]{2,80}$", re.I)


#: A free relative before the cue (``what Lee said she expected``): its content lacks its object.
_WHAT_BEFORE = re.compile(r"\bwhat\s+(?:\S+\s+){1,3}$")


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
    later``) gives no quote, nor does content shorter than ``min_words`` words (by default,
    a two-word clause passes: `quotes.attribution.report_gates.short_clause`).

    Args:
        ctx: The article.
        seg: The sentence backend (for provenance).
        a: Where the content starts.
        b: Where the content ends.
        sp: The speaker, or ``None`` (an impression, an asked question).
        cue: The cue span (widened to its verb group).
        kind: The cue's type.
        via: The channel, or ``None``.
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
    short = len(ctx.text[a:b].split()) < min_words and not (
        min_words == MIN_WORDS and rule == "cue-first" and short_clause(ctx.norm[a:b])
        and _WHAT_BEFORE.search(ctx.norm, max(0, cue.start - 60), cue.start) is None
    )  # "sales rose" is a clause; "what Lee said she expected" has a gap
    if b <= a or short or adjunct_only(rule, ctx.norm[a:b]):
        return None  # too short ("sales rose" is a clause), or "told reporters during the call": when, not what
    if not_a_statement(rule, cue.text, ctx.norm[a:b], ctx.norm[max(0, cue.start - 60) : cue.start]):
        return None  # "found himself in a race", "a group called X": no report
    mixed = any(
        (e <= b + 1 or not ctx.norm[b:e].strip(" ,.;:!?\"'”’" + FOLD_MARK))
        and not _SO_CALLED.search(ctx.norm, max(0, s - 14), s)
        for s, e in starting_in(marks, a, b, ctx.memo)
    )  # a fragment inside (no scare quotes), or one whose closing mark follows the last comma
    pronoun = sp is not None and sp.mention.lower() in REPORTED_PRONOUNS
    if stance is None:
        stance = stance_of(cue.text, ctx.norm[a:b], ctx.norm[max(0, cue.start - 12) : cue.start])
        if stance is Stance.ASSERTS and not mixed and is_reference(rule, cue.text, ctx.norm[a:b]):
            stance = Stance.REFERS
    tailed = with_verb_tail(ctx.text, cue, _tail_limit(ctx, cue, a))
    return ctx.quote(
        a,
        b,
        kind=QuoteKind.MIXED if mixed else QuoteKind.INDIRECT,
        cue_type=kind,
        speaker=sp,
        # "X has repeatedly said", "X shot back": the cue is its verb group, as PolNeAR's are
        cue=with_verb_group(ctx.text, tailed, (b, sp.end if sp else 0)),
        via=via,
        confidence=conf - 0.1 if pronoun else conf,
        segmenter=seg,
        rules=("reported", rule),
        stance=stance,
    )


def _tail_limit(ctx: Document, cue: Span, a: int) -> int:
    """How far a cue may widen over the word after it: to its content, else the line end."""
    if cue.end <= a:
        return a
    line = ctx.line_of(cue.start)
    return ctx.lines[line][1] if line >= 0 else len(ctx.text)


def widen(ctx: Document, sp: Speaker, span: tuple[int, int] | None) -> Speaker:
    """The speaker with its mention widened to the whole source phrase."""
    if span is None:
        return sp
    a, b = span
    a = appositive_start(ctx, sp, a)  # "Ann Lee, a spokeswoman for X": from the name
    update: dict[str, object] = {"mention": ctx.text[a:b], "start": a, "end": b}
    if sp.role and b < sp.end and sp.role in ctx.text[b : sp.end]:
        update["role"] = None  # the role was read from text the source no longer covers
    return sp.model_copy(update=update)

