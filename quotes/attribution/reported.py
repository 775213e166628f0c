"""Reported speech, attributed claims and mixed quotes (no quotation marks needed).

Rules over one sentence at a time, using the same cue lexicon and speaker
resolution as direct quotes. A word opens a report when it is a verb of saying
(`REPORTING_VERBS`) or a cue word that heads a Cue span in at least
`CUE_RATE` of its occurrences in PolNeAR train (``criticized``,
``endorsed``, ``urged``; see [`reporting_kind`][quotes.attribution.reported.reporting_kind]).

The forms are tried in this order, named by their rule in
`quotes.attribution.rules.RULES` (family ``reported``):

1. Forms that take the whole sentence, each ending the sentence when it reads
   (`quotes.attribution.report_forms`): ``content-first:as-by`` (``C, as
   stated by X``), ``headline-colon`` (``Marco Rubio: I'm Not Interested``, a line
   of its own), ``as-x-put-it`` (``C, as X put it``).
2. A sentence with no cue word holds no report. ``asked-question`` (``Asked
   whether C, X said ...``; after a report, ``X said C when asked whether Q``, added once
   the cues before it are read): the question, with no speaker.
3. Each cue word, left to right, after the content taken so far
   (`quotes.attribution.report_scan`):
   ``according`` (``According to X, C`` / ``C, according to X``;
   `quotes.attribution.report_according`); a word that is
   no verb here is skipped (a determiner before it, a noun, a name);
   ``impression`` (``X seems to C``, no speaker); then the cue is read (a
   particle, ``was quoted as saying``, ``told`` and its object), its speaker
   found (the subject before it, or a participle's source carried over), and:

   * no subject: ``content-first:inverted`` (``C, said the minister.``);
   * ``content-first`` and ``content-first:split`` (``C, X said.``, ``C1, X
     said, C2.``: the pieces share one cue);
   * ``cue-first`` (``X said (that) C``, ``X told Reuters C``, ``..., saying C``,
     ``... and later said C``): a time or channel phrase before ``that`` is
     skipped and the complementiser ``that`` opens the content (PolNeAR's
     convention); a participle right after the cue (``X reported citing Y that
     C``) is a report of its own by the same source;
   * ``object`` (``X criticized Y``, ``X endorsed Y``): a verb whose object is
     the content.

A reported clause that contains a quoted fragment is one ``mixed`` quote.

Sources are whole noun phrases, as in PolNeAR: ``Paradis, who has been active
in politics since 25,``, ``Zelenskyy's chief of staff, Andriy Yermak``, ``people
briefed on the talks``; ``the ministry's statement says`` is the ministry's.
The content ends at the sentence end, a direct quote, or a clause break
(``;``, a dash that opens no parenthetical, ``, but``, ``, which``, a new cue, the main
clause after ``when X said C``), but a quoted fragment that opens in it is kept whole,
past a break or the sentence end (``X said the plan "will not work. It moves the
problem."``); a sentence adverb (``Meanwhile,``) or a dateline before it is no part of it. ``C, according to X`` is read before the cue words inside C.

Statements only: the stance of each content (`quotes.models.Stance`) comes from its cue
(``denied that C`` denies, ``asked whether C`` questions; ``quotes/data/stances.tsv``), and
the complement of a cue that is no verb of saying with no clause in it (``X criticized Y``,
``reported citing an official``) is a reference (``refers``), which the extractor leaves out
by default. A content-first phrase with no clause (``For the first time, X said C``) is no
content, unless commas set the attribution off (``In the long run, X said, C``: two parts); a
time measured from an event after ``C, X said,`` is narration; ``and`` with a new subject and a
verb of saying (``... and Zelenskyy himself said C``) starts a second statement.

A nested report belongs to the outer speaker (``Peskov said Putin had told
Trump ...`` is Peskov's). No speaker, no quote: content is only reported when its
source resolves.
"""

from __future__ import annotations

import re

from quotes.attribution.report_cues import (
    CUE_RATE,
    LOWERCASE_WORD_RE,
    SAY_LIKE,
    report_cue_words,
    reporting_kind,
)
from quotes.attribution.report_forms import as_stated_by, as_x_put_it, colon_headline
from quotes.attribution.report_scan import SentenceScan
from quotes.document import Document
from quotes.lexicon import REPORTING_VERBS
from quotes.models import Quote, Speaker
from quotes.text.marks import FOLD_MARK
from quotes.text.intervals import overlapping
from quotes.text.quoted import QuotedSpan
from quotes.text.segment import Segmenter

__all__ = ["CUE_RATE", "REPORTING_VERBS", "attribute_reported", "reporting_kind"]


def _sentence_quotes(
    ctx: Document,
    seg: Segmenter,
    lo: int,
    hi: int,
    marks: list[tuple[int, int]],
    blocked: list[tuple[int, int]],
    direct: list[Quote],
) -> list[Quote]:
    """The reports of the sentence ``lo:hi``, the forms tried in the order the module says."""
    lowered = ctx.norm[lo:hi].lower()
    words = set(LOWERCASE_WORD_RE.findall(lowered))
    whole = _whole_sentence_form(ctx, seg, lo, hi, marks, ":" in lowered, words)
    if whole:
        return whole
    if report_cue_words().isdisjoint(words):
        return []  # most sentences hold no cue: skip tokenising them
    scan = SentenceScan.of(ctx, seg, lo, hi, marks, blocked, direct)
    later = scan.asked_question() if "asked" in words else None
    scan.run()
    if later is not None:
        scan.add_question(later)  # "X said C when asked whether Q"
    return scan.out


def _whole_sentence_form(
    ctx: Document,
    seg: Segmenter,
    lo: int,
    hi: int,
    marks: list[tuple[int, int]],
    colon: bool,
    words: set[str],
) -> list[Quote]:
    """The first whole-sentence form: ``C, as stated by X``, a headline, ``as X put it``."""
    if "as" in words:
        passive = as_stated_by(ctx, seg, lo, hi, marks)
        if passive is not None:
            return [passive]
    if colon:
        headline = colon_headline(ctx, seg, lo, hi, marks)
        if headline is not None:
            return [headline]
    if "as" in words:
        return as_x_put_it(ctx, seg, lo, hi, marks)
    return []


def attribute_reported(
    ctx: Document, segmenter: Segmenter, direct: list[Quote], fragments: list[QuotedSpan]
) -> list[Quote]:
    """Reported speech, claims and mixed quotes of the article.

    A reported item never repeats a direct quote that the direct path attributed
    (see `_repeats_direct`). Each speaker found is recorded in the document's
    resolver, as the direct path does, so a later ``he said`` or ``it said`` can
    refer to the source of an earlier report.

    Args:
        ctx: The article context built by `quotes.attribution.direct.build_context`.
        segmenter: The backend (for provenance).
        direct: Direct quotes already found; their sentences are not re-read.
        fragments: Quoted fragments that were not direct quotes.
    """
    marks = [(f.open, f.close + 1) for f in fragments if f.open >= 0 and f.close >= 0]
    blocked = [_direct_hull(ctx, q) for q in direct]
    attributed = [(q.start, q.end) for q in direct if q.speaker is not None]
    out: list[Quote] = []
    ctx.resolver.keep_unresolved_people = False  # a report needs a resolved he/she
    try:
        _read_sentences(ctx, segmenter, marks, blocked, direct, attributed, out)
    finally:
        ctx.resolver.keep_unresolved_people = True
    return out


def _read_sentences(
    ctx: Document,
    segmenter: Segmenter,
    marks: list[tuple[int, int]],
    blocked: list[tuple[int, int]],
    direct: list[Quote],
    attributed: list[tuple[int, int]],
    out: list[Quote],
) -> None:
    """Append the reports of each body sentence to ``out``, recording their speakers."""
    for lo, hi in ctx.sentences:
        line = ctx.line_of(lo)
        if line < 0 or ctx.lines[line][1] < hi:
            continue
        found = _sentence_quotes(ctx, segmenter, lo, hi, marks, blocked, direct)
        for q in found:
            if _repeats_direct(ctx, q, attributed):
                continue
            out.append(q)
            if q.speaker is not None:
                ctx.resolver.record(q.start, q.speaker)  # a later "he said" can refer to it


def _repeats_direct(ctx: Document, q: Quote, attributed: list[tuple[int, int]]) -> bool:
    """Whether the content of ``q`` is an attributed direct quote and nothing more.

    ``Stated Stone: "We will not stop."`` or ``''We will not stop,'' the minister
    wrote``: once the direct quotes' words are taken out, the reported content
    holds only quotation marks and punctuation.
    """
    inside = [(max(s, q.start), min(e, q.end)) for s, e in overlapping(attributed, q.start, q.end, ctx.memo)]
    if not inside:
        return False
    rest = ctx.norm[q.start : q.end]
    for s, e in sorted(inside, reverse=True):
        rest = rest[: s - q.start] + rest[e - q.start :]
    return not any(ch.isalnum() for ch in rest)


def _direct_hull(ctx: Document, q: Quote) -> tuple[int, int]:
    """The span of a direct quote with its marks, and its cue and speaker mention when next to it.

    The hull starts at the opening mark, both characters of a ``''`` pair
    included, so reported content before the quote stops before it. A part
    within 80 characters of the quote joins the hull; a part that then touches
    the hull (nothing but spaces and punctuation between) joins too, so the cue
    after a long source phrase (``''C,'' Ann Lee, 67, a retired nurse in Dayton,
    said``) is inside, while a speaker resolved from an earlier paragraph is not.
    """
    a, b = q.start - 1, q.end + 1
    if a > 0 and ctx.norm[a - 1] == FOLD_MARK:
        a -= 1  # ''C'': the first apostrophe of the pair
    while b < min(len(ctx.norm), q.end + 4) and ctx.norm[b] in _CLOSING_AFTER:
        b += 1
    reporting = q.speaker is not None and _reports_between(ctx, q, q.speaker)
    parts = [p for p in (q.cue, None if reporting else q.speaker) if p is not None]
    for part in parts:
        if abs(part.start - q.end) < 80 or abs(q.start - part.end) < 80:
            a, b = min(a, part.start), max(b, part.end)
    for part in parts:
        if 0 <= part.start - b <= _TOUCHING or 0 <= a - part.end <= _TOUCHING:
            a, b = min(a, part.start), max(b, part.end)
    if reporting and q.cue is not None and a == q.cue.start:
        joint = _JOINT_BEFORE.search(ctx.norm, max(0, a - 20), a)
        a = joint.start() if joint else a  # "... and added, Q": the report ends before "and"
    return a, b


def _reports_between(ctx: Document, q: Quote, speaker: Speaker) -> bool:
    """Whether a verb of saying stands between the ``speaker`` of ``q`` and its cue.

    ``Lazar said he welcomed extradition and added, "Q"``: the quote's speaker opens a
    report of its own, whose clause is no part of the quote's hull (which then starts at
    the cue and the ``and`` before it).
    """
    if q.cue is None or not speaker.end < q.cue.start or q.cue.start - speaker.end > _HULL_REACH:
        return False  # a speaker further away joins no hull: its text is not read
    between = ctx.norm[speaker.end : q.cue.start].lower()
    return any(w in SAY_LIKE for w in LOWERCASE_WORD_RE.findall(between))


#: How far from a quote a part may join its hull, at most (80 characters, then touching parts).
_HULL_REACH = 200
#: A coordinator or preposition that joins a direct quote's cue to a report before it.
_JOINT_BEFORE = re.compile(r",?\s+(?:and|but|then|by|before|after|while)\s+$", re.I)


#: What may follow the content of a direct quote up to its closing mark.
_CLOSING_AFTER = ",.!?\"'”’" + FOLD_MARK
#: The widest gap (a comma and spaces, closing marks) between two parts of one attribution.
_TOUCHING = 4
