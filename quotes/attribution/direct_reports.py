"""Direct quotes that go on with the report before them.

`continue_reports` runs on a document's finished quotes (direct and reported, in
text order): a direct quote with no cue after a report takes the report's speaker and
cue (``… a “change agent,” Cole said. “That’s exactly what people want.”``), and one
with a participle cue right after a report takes its speaker (``X said the talks
could be “messy,” adding, “…”``). Split out of [`quotes.attribution.direct`][], which
re-exports it.
"""

from __future__ import annotations

import re
from typing import Optional

from quotes.attribution.cues import PARTICIPLE_RE, intro_cue
from quotes.attribution.rules import RULES
from quotes.document import Document
from quotes.models import Quote, QuoteKind
from quotes.text.marks import FOLD_MARK
from quotes.text.tokens import tokens


def _statement_end(ctx: Document, q: Quote) -> int:
    """Where the sentence that holds ``q`` and its attribution ends."""
    last = max(q.end, q.cue.end if q.cue else 0, q.speaker.end if q.speaker else 0)
    return max(ctx.sentence_of(max(0, last - 1))[1], last)


def _own_cue_after(ctx: Document, q: Quote) -> bool:
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
    return any(intro_cue(w.lower()) for w, _a, _b in tokens(ctx.norm, a, b)[:25])


#: Between a report and the participle cue of the quote after it, in the same sentence:
#: commas, spaces and quotation marks only.
_TO_PARTICIPLE = re.compile(r"[\s,\"'“”‘’" + FOLD_MARK + r"]*")


def _participle_after_report(ctx: Document, prev: Quote, q: Quote) -> bool:
    """``Cole said the talks could be “messy,” adding, “…”``: the report's speaker adds it.

    The quote has a participle cue (``adding``, ``saying``, in lower case: no new
    sentence) and no speaker, and the report before it on the same line ends right
    before that cue, with nothing but a comma and quotation marks between.
    """
    if q.speaker is not None or q.cue is None or not PARTICIPLE_RE.fullmatch(q.cue.text):
        return False
    if not q.cue.text[:1].islower():  # "… “wasn’t good.” Adding, “…”": a sentence of its own
        return False
    if ctx.line_of(prev.start) != ctx.line_of(q.start) or prev.end > q.cue.start:
        return False
    return _TO_PARTICIPLE.fullmatch(ctx.norm, prev.end, q.cue.start) is not None


@RULES.implements("direct", "continues-report", "before:participle")
def continue_reports(ctx: Document, found: list[Quote]) -> list[Quote]:
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
            q.kind is QuoteKind.DIRECT and (q.cue is None or q.speaker is None) and prev is not None
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
            if _participle_after_report(ctx, prev, q):
                out[n] = q.model_copy(update={
                    "speaker": prev.speaker, "via": q.via or prev.via,
                    "confidence": RULES["direct", "before:participle"].confidence_for(prev.speaker.mention),
                    "provenance": q.provenance.model_copy(update={"rules": ("direct", "before:participle")}),
                })
            elif q.cue is None and (same or next_para) and not _own_cue_after(ctx, q):
                out[n] = q.model_copy(update={
                    "speaker": prev.speaker, "cue": prev.cue, "cue_type": prev.cue_type,
                    "via": prev.via, "confidence": RULES["direct", "continues-report"].confidence,
                    "provenance": q.provenance.model_copy(update={"rules": ("direct", "continues-report")}),
                })
        if q.cue is not None or q.kind is not QuoteKind.DIRECT:
            prev = out[n]
    return out
