"""A clause that ends in a colon introduces the quote after it; its subject speaks.

``The board was conclusive in its findings: “…”`` and a paragraph quote after a
line ending ``President Clinton released the following statement:`` have no verb of
saying that the cue readers know, but the colon hands the quote to the clause
before it, and the subject of that clause is the speaker. Only a subject followed by
a verb that names a person (by a full name) or an organisation is taken (``The
question is simple: “…”`` gives none), and only for a quote of four words or more.
A clause that is only ``From <source>`` (``From the report: “…”``, ``More from
Jones: “…”``, after a heading and a dash at most) names the source after ``from``.
`colon_speaker` reads the transcript form, a name alone before the colon (``Bush: “…”``).

A verb of saying right before the comma or colon that introduces a quote is its cue
even with no speaker before it (`before_cue_alone`: ``Another tweeted, “…”``).
"""

from __future__ import annotations

import re
from typing import Optional

from quotes.attribution.cues import (
    FINITE,
    PARTICIPLE_RE,
    Attribution,
    after_determiner,
    attributed,
    cue_adverb,
    cue_kind,
    intro_cue,
)
from quotes.attribution.rules import RULES
from quotes.attribution.source import clause_subject, resolve_speaker
from quotes.document import Document
from quotes.lexicon import CUE_AUXILIARIES, HEADLINE_LABELS, TITLES
from quotes.models import CueType, SpeakerType
from quotes.speakers.noun_phrase import name_like, scan_left, scan_right
from quotes.text.marks import FOLD_MARK
from quotes.text.quoted import QuotedSpan

#: A statement, not a label or a title (``a new title: “song anthropologist.”``).
_MIN_WORDS = 4
#: What a colon clause's subject must name.
_NAMED = (SpeakerType.PERSON, SpeakerType.ORGANIZATION)


def _colon_clause(ctx: Document, q: QuotedSpan) -> tuple[int, int] | None:
    """The clause that ends with a colon right before ``q`` (``(start, colon)``), or ``None``.

    On the quote's line before its opening mark, or, for a quote that opens its
    paragraph, the last sentence of the line before.
    """
    line_lo = ctx.lines[q.line][0]
    at = q.open if q.open >= 0 else q.start
    if ctx.norm[line_lo:at].strip(" \"'“‘" + FOLD_MARK) or q.line == 0:
        hi = len(ctx.norm[:at].rstrip(" \"'“‘" + FOLD_MARK))
        lo = max(ctx.sentence_of(max(hi - 1, line_lo))[0], line_lo)
    else:
        prev_lo, prev_hi = ctx.lines[q.line - 1]
        hi = len(ctx.norm[:prev_hi].rstrip())
        lo = max(ctx.sentence_of(max(hi - 1, prev_lo))[0], prev_lo)
    if hi <= lo or ctx.norm[hi - 1] != ":":
        return None
    return lo, hi - 1


@RULES.implements("direct", "before:colon-clause")
def colon_clause(ctx: Document, q: QuotedSpan) -> Attribution | None:
    """The named subject of the clause whose colon introduces ``q``, or ``None``."""
    clause = _colon_clause(ctx, q)
    if clause is None:
        return None
    if len(ctx.norm[q.start:q.end].split()) < _MIN_WORDS:
        return None
    source = _from_source(ctx, *clause, q.start)
    if source is not None:
        return source
    np = clause_subject(ctx, *clause)
    if np is None or not _verb_next(ctx, np.end, clause[1]):
        return None
    sp = resolve_speaker(ctx, np, q.start)
    if sp is None or sp.name is None or sp.type not in _NAMED:
        return None
    if sp.type is SpeakerType.PERSON and " " not in sp.name:
        return None  # "Giant screens …": one capitalised word the article never names in full
    return attributed("before:colon-clause", sp, None, CueType.SPEECH, None)


#: ``From the report:``, ``More from Jones:`` (after a heading and a dash at most).
_FROM = re.compile(r"(?:.*\s[-–—]\s*|)(?:[Mm]ore\s+)?[Ff]rom\s+(?=\S)")


def _from_source(ctx: Document, lo: int, colon: int, at: int) -> Attribution | None:
    """``From the report: “…”``, ``More from Jones: “…”``: the quote's source after ``from``."""
    if colon - lo > 300:
        return None  # a heading and "From X" are short (and a long clause is read once only)
    m = _FROM.match(ctx.norm, lo, colon)
    if m is None:
        return None
    np = scan_right(ctx.norm, m.end(), colon)
    if np is None or np.start != m.end() or np.end != len(ctx.norm[:colon].rstrip()):
        return None  # "From day one of the campaign, he said:": no phrase up to the colon
    sp = resolve_speaker(ctx, np, at, describe=True)
    if sp is None or sp.name is None:
        return None
    return attributed("before:colon-clause", sp, None, CueType.SPEECH, None)


def _verb_next(ctx: Document, end: int, hi: int) -> bool:
    """The word after the subject reads as its verb (``released``, ``lobbies``, ``then``)."""
    nxt = ctx.norm[end:hi].split()[:1]
    if not nxt:
        return False
    word = nxt[0].strip(",")
    return (
        word.islower() and word.endswith(("ed", "s"))
        or word in FINITE or word in CUE_AUXILIARIES or cue_adverb(word) or intro_cue(word)
    )


def with_colon_subject(ctx: Document, q: QuotedSpan, att: Attribution | None) -> Attribution | None:
    """`colon_clause` for a quote with no attribution, or with a cue read alone.

    ``Sanders delivered a snappy retort: “…”``: the cue (``retort``) was read with no
    subject; the colon clause's subject speaks it, and the cue stays.
    """
    found = colon_clause(ctx, q)
    if found is None or att is None:
        return found
    found.cue, found.cue_type, found.via = att.cue, att.cue_type, att.via
    return found


_COLON_LEAD = re.compile(r"(?:.*\s[-–—]\s+|)(?P<np>[^:;,\"]{2,60}?)\s*(?P<party>\([A-Z][\w.\- ]{0,12}\))?\s*:$", re.S)


@RULES.implements("direct", "before:colon")
def colon_speaker(ctx: Document, lo: int, hi: int, at: int) -> Optional[Attribution]:
    """A name and a colon right before the quote, transcript style (``Bush: “…”``).

    The name must be all the clause holds (after a dash at most), a known person or
    a capitalised phrase of two words or more; there is no cue. A single unknown
    word opening the clause (``Okafor: “…”``) is a person only when it reads as a
    name and is no headline label (``Poll:``, ``Update:``). A verb of saying before
    the name (``Declared Okafor: “…”``) is an inverted cue, left to
    `attribute_before`.
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
    if len(words) > 1 and intro_cue(words[0]) and not words[0].isupper():
        return None  # "Declared Okafor:": the cue, then the speaker
    np = scan_left(ctx.norm, a, b)
    if np is None or np.start != a or np.end != b:
        return None
    lone = len(words) == 1 and words[0] not in ctx.resolver.full_names
    if lone and (
        ctx.norm[lo:a].strip() or not name_like(words[0]) or words[0].lower() in HEADLINE_LABELS
    ):
        return None
    sp = resolve_speaker(ctx, np, at)
    if sp is None or (
        sp.type not in (SpeakerType.PERSON, SpeakerType.ORGANIZATION)
        and not ctx.resolver.named_people(sp)
    ):
        return None  # "Frank Newport and Jim Harter:" speak; "Republicans:" heads a section
    if lone and sp.type is not SpeakerType.PERSON:
        return None  # "Critics:", "Reuters:": a label, or a word the article writes in lower case
    if m.group("party"):
        sp = sp.model_copy(update={"end": lo + m.end("party"), "mention": ctx.text[sp.start:lo + m.end("party")]})
    return attributed("before:colon", sp, None, CueType.SPEECH, None)
#: The last word before an opening mark, then the comma or colon that introduces the quote.
_WORD_BEFORE_MARK = re.compile(r"([A-Za-z]+)[\s" + FOLD_MARK + r"]*[,:][\s" + FOLD_MARK + r"]*$")


@RULES.implements("direct", "before:unresolved", "before:participle")
def before_cue_alone(
    ctx: Document, lo: int, hi: int, previous: Attribution | None
) -> Attribution | None:
    """``Another tweeted, “…”``, ``…, saying: “…”``: a cue whose subject names no speaker.

    The verb of saying that introduces the quote with a comma or a colon is its cue
    even when the words before it read as no speaker (a bare ``Another``, a subject
    the noun-phrase reader cannot take); the cue stands alone, as after the quote
    (``after:unresolved``). A participle after an attributed quote of the same line
    (``“A,” Graham said on MSNBC's “Morning Joe,” adding, “B”``) keeps that quote's
    speaker. ``lo``-``hi`` is the text before the opening mark; ``previous`` the
    attribution of the quote before on the same line.
    """
    m = _WORD_BEFORE_MARK.search(ctx.norm, lo, hi)
    if m is None:
        return None
    word = m.group(1)
    participle = PARTICIPLE_RE.match(word) is not None
    # "Adding, “…”" may open a sentence; any other capitalised word is a name ("Post")
    kind = cue_kind(word) if word[:1].islower() else cue_kind(word.lower()) if participle else None
    before = ctx.norm[max(lo, m.start(1) - 20) : m.start(1)].split()[-2:]
    if kind is None or not intro_cue(word) or after_determiner(before):
        return None  # "Ortiz wrote in a tweet: “…”": a noun after a determiner is no cue
    cue = ctx.span(m.start(1), m.end(1))
    if participle and previous is not None and previous.speaker is not None:
        confidence = RULES["direct", "before:participle"].confidence  # no pronoun penalty
        via = previous.via
        return Attribution(previous.speaker, cue, kind, via, confidence, "before:participle")
    return attributed("before:unresolved", None, cue, kind, None)
