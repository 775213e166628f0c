"""Quotes signed rather than introduced: ``“…” ⏎ - Clinton.`` and ``“… rebuilt. -- Ann Lee”``.

`dash_signature` reads a signature on the line after a paragraph quote;
`inside_signature` one inside the closing mark, after the quote's last sentence;
`line_signature` a last line inside the marks that only names who said the quote
(``“The harbour must stay open. ⏎ Ann Walsh, Harbour Watch.”``): that line is no
statement, it signs the quote before it. Split out of [`quotes.attribution.direct_forms`][].
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from quotes.attribution.cues import Attribution, attributed
from quotes.attribution.rules import RULES
from quotes.attribution.source import resolve_speaker
from quotes.document import Document
from quotes.models import CueType, Speaker, SpeakerType
from quotes.speakers.noun_phrase import scan_left
from quotes.text.quoted import QuotedSpan


@RULES.implements("direct", "after:signature")
def dash_signature(ctx: Document, q: QuotedSpan) -> Optional[Attribution]:
    """A paragraph quote signed on the next line: ``“…” ⏎ - Clinton.``"""
    lo, hi = ctx.lines[q.line + 1]
    m = re.fullmatch(r"\s*[-–—]+\s*([^.,;:!?\"]{2,50}?)\.?\s*", ctx.norm[lo:hi])
    if m is None:
        return None
    sp = _signer(ctx, lo + m.start(1), lo + m.end(1), q.start)
    return None if sp is None else attributed("after:signature", sp, None, CueType.SPEECH, None)


def _signer(ctx: Document, a: int, b: int, at: int) -> Optional[Speaker]:
    """The person a signature ``ctx.norm[a:b]`` names (exactly one noun phrase), else ``None``."""
    np = scan_left(ctx.norm, a, b)
    if np is None or np.start != a or np.end != b:
        return None
    sp = resolve_speaker(ctx, np, at)
    return sp if sp is not None and sp.type is SpeakerType.PERSON else None


#: A signature closing the quote inside its marks: ``“… rebuilt. -- Ann Lee”``.
_INSIDE_SIGNATURE = re.compile(r"(?<=[.!?])\s*(?:--|[—–])\s*([A-Z][^.,;:!?\"“”]{1,50}?)\s*\.?\s*$")


def signed_inside(ctx: Document, q: QuotedSpan) -> bool:
    """The quote ends with a dash and a capitalised signature after a sentence's end."""
    return _INSIDE_SIGNATURE.search(ctx.norm, q.start, q.end) is not None


@RULES.implements("direct", "after:signature")
def inside_signature(ctx: Document, q: QuotedSpan) -> Optional[tuple[QuotedSpan, Attribution]]:
    """A quote signed inside its closing mark: ``“We will not stop. -- Ann Lee”``.

    The signature must follow a sentence's end and name a person; the quote then
    ends before it. Returns the shortened quote and its attribution, or ``None``.
    """
    m = _INSIDE_SIGNATURE.search(ctx.norm, q.start, q.end)
    if m is None or len(ctx.norm[q.start:m.start()].split()) < 3:
        return None
    sp = _signer(ctx, m.start(1), m.end(1), q.start)
    if sp is None:
        return None
    return replace(q, end=m.start()), attributed("after:signature", sp, None, CueType.SPEECH, None)


#: A signature line: a name (titles with their stops allowed), then at most an apposition
#: after a comma (``Dean Baker, Center for Economic and Policy Research``).
_SIGNATURE_LINE = re.compile(
    r"\s*(?P<name>[A-Z][^,;:!?\"“”]{1,50}?)(?:,\s*[^,;:!?\"“”]{2,70}?)?\.?\s*"
)


@RULES.implements("direct", "after:signature")
def line_signature(ctx: Document, q: QuotedSpan) -> Speaker | None:
    """The person that the closing piece ``q`` of a paragraph quote names, else ``None``.

    ``q`` must close, with no opening mark of its own, a quote opened on an earlier line,
    and hold nothing but one noun phrase that names a person, with an apposition at most. On
    PolNeAR train these lines (7) came out as quotes of their own, none a statement.
    """
    if q.open >= 0 or q.close < 0:
        return None
    m = _SIGNATURE_LINE.fullmatch(ctx.norm, q.start, q.end)
    if m is None:
        return None
    a, b = m.span("name")
    return _signer(ctx, a, b, q.start)
