"""A paragraph quote signed on its own last line, inside the marks.

``“The harbour must stay open. ⏎ Ann Walsh, Harbour Watch.”``: a quote that goes on
over paragraphs may close on a line that only names who said it. That line is no
statement; it signs the quote before it. `line_signature` reads such a line for
[`quotes.attribution.direct`][].
"""

from __future__ import annotations

import re

from quotes.attribution.rules import RULES
from quotes.attribution.source import resolve_speaker
from quotes.document import Document
from quotes.models import Speaker, SpeakerType
from quotes.speakers.noun_phrase import scan_left
from quotes.text.quoted import QuotedSpan

__all__ = ["line_signature"]

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
    np = scan_left(ctx.norm, a, b)
    if np is None or np.start != a or np.end != b:
        return None
    sp = resolve_speaker(ctx, np, q.start)
    return sp if sp is not None and sp.type is SpeakerType.PERSON else None
