"""Attribution: from quoted spans to [`Quote`][quotes.models.Quote] objects.

For each quoted span this module decides whether it is a direct quote (a
stand-alone utterance) or a fragment inside a sentence (a scare quote, a title,
or the verbatim part of a mixed quote), then looks for its cue and speaker:

1. after the closing mark: ``”, Peskov said``, ``,” said Peskov``,
   ``,” KCNA quoted Kim as saying``, or on the next line;
2. before the opening mark: ``Peskov replied, “``, ``But he added: '``, or a
   previous paragraph ending with a colon;
3. otherwise from the quote before it: the second half of an interrupted quote
   (``“A,” he said. “B.”``) shares the first half's cue instance, and a quote
   that continues in the next paragraph keeps its speaker (lower confidence) and
   is joined with it into one quote (`join_paragraphs`);
   a quote that opens the sentence after a report (``X said C. “Q.”``) shares the
   report's cue.

The speaker's mention covers the whole noun phrase, as PolNeAR's Source spans
do: appositions and relative clauses (``Rahm Emanuel, his chief of staff,``,
``Paradis, who has been active in politics,``), party tags (``(D-N.Y.)``) and
``of``/``to`` attachments after an inverted cue; ``name`` stays the canonical
name and ``role`` takes the apposition. A participle cue (``saying``,
``adding``) takes the subject of its clause, and a quote that is the whole
clause after ``said that`` is direct, its content starting at ``that``.

Fragments are handed to [`quotes.attribution.reported`][], which builds mixed quotes from
the reported clauses that contain them, together with reported speech.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from quotes.attribution.cues import (
    Attribution, attributed, intro_cue, mark_inside_end, with_verb_group, with_verb_tail,
)
from quotes.attribution.rules import RULES
from quotes.attribution.direct_colon import with_colon_subject
from quotes.attribution.direct_forms import attribute_after, attribute_before
from quotes.attribution.direct_reports import continue_reports
from quotes.attribution.direct_signatures import (
    dash_signature,
    inside_signature,
    line_signature,
    signed_inside,
)
from quotes.document import Document
from quotes.models import CueType, Quote, QuoteKind, Speaker
from quotes.speakers.resolver import NounPhrase, not_a_speaker
from quotes.text.tokens import last_tokens, skip_spaces
from quotes.text.marks import FOLD_MARK
from quotes.text.quoted import QuotedSpan
from quotes.text.segment import Segmenter

__all__ = [
    "attribute_direct",
    "continue_reports",
    "join_paragraphs",
    "keep_unread",
    "resolve_late_pronouns",
]


def _standalone(ctx: Document, q: QuotedSpan) -> bool:
    """A quote that is a whole utterance, not a fragment inside a sentence."""
    if q.open < 0 or q.continued:
        return True
    s0 = ctx.sentence_of(q.open)[0]
    line_start = ctx.lines[q.line][0]
    pre = ctx.norm[max(s0, line_start):q.open].rstrip(" \t" + FOLD_MARK)
    pre_ok = not pre or pre[-1] in ":,—–-.!?…" or intro_cue(pre.split()[-1])
    if not pre_ok:
        return False
    first = ctx.text[q.start:q.start + 1]
    last = pre.rstrip(",—–- ").split()[-1:] if pre else []
    if (
        pre and pre[-1] not in ":.!?…" and first.islower() and not (last and intro_cue(last[0]))
        and '"' not in pre and "'" not in pre.replace("'s", "")
    ):
        # "..., it's unrealistic to think that if the U.S. pulls back, “our oceans are
        # going to save us”": the quote goes on with the sentence around it.
        return False
    if q.close < 0:
        return True
    inside_end = mark_inside_end(ctx, q)  # ''Yes,'' he said
    line_end = ctx.lines[q.line][1]
    k = skip_spaces(ctx.norm, q.close + 1, line_end)
    post_s = ctx.norm[k:min(k + 1, line_end)]  # the first character after the mark, or ""
    if (
        pre and _title_like(ctx.text[q.start:q.end])
        and not (last and intro_cue(last[0]) and last[0].lower() not in _NAMING_VERBS)
        and post_s[:1] not in ("", ".") and attribute_after(ctx, q, ctx.lines[q.line][1]) is None
    ):
        # "his new book, ''A Time for Truth,'' published in 2015": a title, not a quote.
        return False
    if not post_s or post_s[0] in ",.;:!?—–-)":
        return True
    if inside_end in ",.!?…" or signed_inside(ctx, q):  # "… rebuilt. -- Ann Lee”"
        return True
    return attribute_after(ctx, q, ctx.lines[q.line][1]) is not None


#: Verbs that give a name or title (``a report titled “Cities in Crisis,” found``): a
#: Title Case quote after one is the name, though the verb can be a cue elsewhere.
_NAMING_VERBS = frozenset("titled entitled called named dubbed nicknamed headlined".split())


def _title_like(text: str) -> bool:
    """Title Case (``Crippled America: How to Make America Great Again``), a few words long."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’\-]*", text)]
    long_words = [w for w in words if len(w) > 3]
    if not 2 <= len(words) <= 12 or len(long_words) < 2:
        return False
    return all(w[:1].isupper() for w in long_words)


def _subheading(ctx: Document, q: QuotedSpan) -> bool:
    """A line that is only a short quote in single marks (``'A change warrior.'``): a subheading."""
    lo, hi = ctx.lines[q.line]
    return (
        q.open >= 0 and q.close >= 0 and ctx.norm[q.open] == "'" and ctx.norm[q.close] == "'"
        and ctx.norm[lo:q.open].strip() == "" and ctx.norm[q.close + 1:hi].strip() in ("", ".")
        and len(ctx.norm[q.start:q.end].split()) <= 12
    )


_THAT_BEFORE = re.compile(r"\bthat\s*$")


def _that_quote(ctx: Document, q: QuotedSpan) -> int:
    """Start of ``that`` in ``Cruz said Tuesday that “the only way … grassroots.”``, or -1.

    A quote that makes up the whole reported clause after a verb of saying and
    ``that`` is a direct quote; like PolNeAR, its content starts at ``that``.
    """
    if q.open < 0 or q.close < 0:
        return -1
    s0, s1 = ctx.sentence_of(q.open)
    lo = max(s0, ctx.lines[q.line][0])
    m = _THAT_BEFORE.search(ctx.norm, lo, q.open)
    if m is None:
        return -1
    post = (ctx.norm, q.close + 1, ctx.lines[q.line][1])  # the rest of the line, not copied
    inside = _last_inside(ctx, q)
    if inside == ",":
        ends = re.compile(r"\s+[a-z]+ing\b").match(*post)  # "…together,” suggesting that …"
    else:
        ends = (
            inside in ".!?" or re.compile(r"\s*(?:[.!?;]|$)").match(*post)
            or re.compile(r",\s+[a-z]+ing\b").match(*post)
        )
    if not ends:
        return -1
    return m.start() if _said_before(ctx, lo, m.start()) else -1


def _last_inside(ctx: Document, q: QuotedSpan) -> str:
    """The last character inside the closing mark (the pair of a folded ``''`` skipped)."""
    return ctx.norm[q.close - 1:q.close].replace(FOLD_MARK, "") or ctx.norm[q.close - 2:q.close - 1]


def _said_before(ctx: Document, lo: int, at: int) -> bool:
    """A verb of saying among the five words before ``at`` (``adding that``), and no quote mark."""
    toks = last_tokens(ctx.norm, lo, at, 5)
    return any(intro_cue(w) and not w[:1].isupper() for w, _a, _b in toks) and not any(
        w in ('"', "'") for w, _a, _b in toks
    )


#: ``that`` opening a reported clause, then the clause's own words up to a comma, colon or dash.
_THAT_CLAUSE = re.compile(r"\bthat\s+([^\"'.!?;]*?\w[^\"'.!?;]*?)\s*[,:\u2014\u2013]\s*$")
#: The characters a ``that`` clause (`_THAT_CLAUSE`) never holds.
_NOT_IN_THAT_CLAUSE = "\"'.!?;"
#: What may follow a quote that ends its sentence: spaces, then a full stop or the line's end.
_SENTENCE_END = re.compile(r"[\s" + FOLD_MARK + r"]*(?:[.!?;]|$)")


def _ends_that_clause(ctx: Document, q: QuotedSpan) -> bool:
    """A quote that finishes the ``that`` clause of a verb of saying, after words of its own.

    ``Gingrich noted that he and his wife, Callista, “have talked with him for years.”``
    and ``He adds that voters have two choices: “You either leave or you fight.”``: the
    statement is the whole clause from ``that``, quoted words and unquoted ones (a
    mixed quote, as PolNeAR marks it), so the quote is left to the reported-speech
    rules, which read the clause with its cue (where they read nothing, the quote stays
    direct: `keep_unread`).
    """
    if q.open < 0 or q.close < 0 or q.continued or q.continues:
        return False
    line_lo, line_hi = ctx.lines[q.line]
    s0 = max(ctx.sentence_of(q.open)[0], line_lo)
    # The clause holds none of these marks, so it starts after the last one: reading from
    # the sentence start cost the sentence's length per quote (a run-on line of quotes).
    lo = max(s0, *(ctx.norm.rfind(c, s0, q.open) + 1 for c in _NOT_IN_THAT_CLAUSE))
    m = _THAT_CLAUSE.search(ctx.norm[lo:q.open].rstrip(" " + FOLD_MARK))
    words = m.group(1).split() if m is not None else []
    if len(words) < 2 or any(intro_cue(w) for w in words):
        return False  # "that the judge was biased, issued a statement saying, “…”": its own cue
    if not _said_before(ctx, s0, lo + m.start()):  # type: ignore[union-attr]
        return False
    ends = _SENTENCE_END.match(ctx.norm, q.close + 1, line_hi)
    return _last_inside(ctx, q) in ".!?" or ends is not None


def _build(
    ctx: Document, q: QuotedSpan, att: Optional[Attribution], prov_rules: tuple[str, ...], segmenter: Segmenter,
    kind: QuoteKind = QuoteKind.DIRECT,
) -> Quote:
    if att is not None and att.speaker is not None and not_a_speaker(att.speaker.mention):
        # "Minutes later, ...": a time or an adverbial names nobody; the cue stays.
        att = replace(att, speaker=None, confidence=0.3)
    conf = att.confidence if att else RULES["direct", "unattributed"].confidence
    if q.open < 0 or q.close < 0 and not q.continues:
        conf = max(0.0, round(conf - 0.1, 2))
    return ctx.quote(
        q.start,
        q.end,
        kind=kind,
        cue_type=att.cue_type if att else CueType.SPEECH,
        speaker=att.speaker if att else None,
        # "he has repeatedly said", "he shot back": the cue is its verb group, as PolNeAR's are
        cue=with_verb_group(ctx.text, with_verb_tail(ctx.text, att.cue, _tail_limit(ctx, q, att)),
                            (q.end, att.speaker.end if att.speaker else 0)) if att else None,
        via=att.via if att else None,
        confidence=conf,
        segmenter=segmenter,
        rules=prov_rules,
    )


def _tail_limit(ctx: Document, q: QuotedSpan, att: Attribution) -> int:
    """How far a cue may be widened after its verb: to the quote before it, else the line end."""
    if att.cue is not None and att.cue.end <= q.start:
        return q.open if q.open >= 0 else q.start
    line = ctx.line_of(att.cue.start) if att.cue is not None else -1
    return ctx.lines[line][1] if line >= 0 else len(ctx.text)


#: A direct quote and the attribution found for it (``None``: none yet).
_Found = tuple[QuotedSpan, Optional[Attribution]]


def attribute_direct(
    ctx: Document, segmenter: Segmenter
) -> tuple[list[Quote], list[QuotedSpan], list[Quote]]:
    """Direct quotes of the article, the fragments left for mixed quotes, and held quotes.

    Each stand-alone quote is attributed in document order (after its closing
    mark, then before its opening mark, then from the quote before it); every
    speaker found is recorded in the document's resolver, so a later ``he said``
    can refer to it. A quote that finishes a ``that`` clause (`_ends_that_clause`)
    is a fragment for the reported-speech rules and is also attributed as a direct
    quote, held apart: `keep_unread` keeps it where those rules read nothing.
    """
    direct, fragments = _stand_alone_quotes(ctx)
    clauses = {(q.open, q.close) for q in fragments if _ends_that_clause(ctx, q)}
    held_spans = [q for q in fragments if (q.open, q.close) in clauses]
    direct = sorted(direct + held_spans, key=lambda q: q.start)
    results: list[_Found] = []
    for q in direct:
        open_before = results and results[-1][1] is None and results[-1][0].close < 0
        signer = line_signature(ctx, q) if open_before else None
        if signer is not None:  # "“… open. ⏎ Ann Walsh, Harbour Watch.”": signs the line before
            last = replace(results[-1][0], continues=False)
            results[-1] = (last, attributed("after:signature", signer, None, CueType.SPEECH, None))
            continue
        signed = inside_signature(ctx, q) if q.close >= 0 else None  # "… rebuilt. -- Ann Lee”
        if signed is not None:
            q, att = signed
        else:
            att = _attribute_one(ctx, q, results)
        if att is not None and att.speaker is not None:
            ctx.resolver.record(q.start, att.speaker)
        results.append((q, att))
    _close_open_quotes(results)
    found = _quotes_of(ctx, results, segmenter)
    held = [q for q in found if any(o < q.start and q.end <= c for o, c in clauses)]
    return [q for q in found if q not in held], fragments, held


def keep_unread(held: list[Quote], reported: list[Quote]) -> list[Quote]:
    """The held direct quotes that no reported or mixed quote overlaps.

    A quote that finishes a ``that`` clause is read by the reported-speech rules
    as part of a mixed quote; where they find none (a clause they cannot parse),
    the quote is kept as the direct quote it also is.
    """
    return [q for q in held if not any(r.start < q.end and q.start < r.end for r in reported)]


def _stand_alone_quotes(ctx: Document) -> tuple[list[QuotedSpan], list[QuotedSpan]]:
    """The quoted spans that are utterances of their own, and the fragments inside sentences."""
    direct: list[QuotedSpan] = []
    fragments: list[QuotedSpan] = []
    for q in ctx.quoted_spans:
        if _subheading(ctx, q):
            continue
        if _ends_that_clause(ctx, q):
            fragments.append(q)  # attributed as a direct quote too, held (attribute_direct)
        elif _standalone(ctx, q):
            direct.append(q)
        elif (that := _that_quote(ctx, q)) >= 0:
            # "adding that “…”": the content starts at "that", so both marks are in it.
            direct.append(QuotedSpan(q.open, q.close, that, q.close + 1, q.line))
        else:
            fragments.append(q)
    return direct, fragments


def _attribute_one(ctx: Document, q: QuotedSpan, results: list[_Found]) -> Optional[Attribution]:
    """The attribution of one stand-alone quote, given those of the quotes before it."""
    att = _after_close(ctx, q) if q.close >= 0 else None
    if att is None:
        att = _before_open(ctx, q, results)
        if att is not None and results and _in_previous_tail(ctx, q, att, *results[-1]):
            att = _from_previous(ctx, q, *results[-1]) or att
    if att is None and results:
        att = _from_previous(ctx, q, *results[-1])
        if att is not None and att.rule == "continued" and _turn_of_exchange(ctx, q, results):
            att = None
    if att is None or att.speaker is None and att.rule == "before:unresolved":
        return with_colon_subject(ctx, q, att) or att
    return att


#: A sentence closed right before a quote: a full stop, then only spaces and marks.
_CLOSED_BEFORE = re.compile(r"[.!?][\s\"'“”‘’" + FOLD_MARK + r"]*$")


def _in_previous_tail(
    ctx: Document, q: QuotedSpan, att: Attribution, prev_q: QuotedSpan, prev_att: Attribution | None
) -> bool:
    """``att`` was read in the tail of the previous quote's attribution, not as a cue of ``q``.

    ``''A,'' said Cornell Belcher, a pollster, referring to the 2004 nominee. ''B.''``:
    the words before ``B`` belong to the sentence of ``said``, and ``B`` opens a
    sentence of its own, so the participle (or a noun such as ``supporter``) found
    there is no cue of ``B``, which is the second half of the interrupted quote. A
    cue in the sentence of ``B`` (``“A,” he said, adding, “B.”``) stays its cue.
    """
    if prev_att is None or prev_att.cue is None or att.cue is None or prev_q.line != q.line:
        return False
    if not prev_q.end <= prev_att.cue.start < att.cue.start < q.open:
        return False
    if ctx.sentence_of(att.cue.start)[0] != ctx.sentence_of(prev_att.cue.start)[0]:
        return False
    return _CLOSED_BEFORE.search(ctx.norm, att.cue.end, q.start) is not None  # "B" opens a sentence


@RULES.implements("direct", "after:next-line")
def _after_close(ctx: Document, q: QuotedSpan) -> Optional[Attribution]:
    """The attribution after the closing mark, on the same line or the next one."""
    line_hi = ctx.lines[q.line][1]
    att = attribute_after(ctx, q, line_hi)
    if att is None and mark_inside_end(ctx, q) == "," and ctx.norm[q.close + 1:line_hi].strip() == "" and q.line + 1 < len(ctx.lines):
        nxt_lo, nxt_hi = ctx.lines[q.line + 1]
        fake = QuotedSpan(q.open, nxt_lo - 1, q.start, q.end, q.line)  # close = the newline
        att = attribute_after(ctx, fake, nxt_hi)
        if att is not None:
            att.rule = "after:next-line"
    if att is None and ctx.norm[q.close + 1:line_hi].strip(" .") == "" and q.line + 1 < len(ctx.lines):
        att = dash_signature(ctx, q)
    return att


def _before_open(ctx: Document, q: QuotedSpan, results: list[_Found]) -> Optional[Attribution]:
    """The attribution before the opening mark, or at the end of a previous line ending in a colon."""
    line_lo = ctx.lines[q.line][0]
    if q.open == line_lo and q.line > 0 and ctx.norm[ctx.lines[q.line - 1][1] - 1] == ":":
        prev_lo, prev_hi = ctx.lines[q.line - 1]
        s_prev = max(ctx.sentence_of(prev_hi - 1)[0], prev_lo)
        prev_att = results[-1][1] if results and results[-1][0].line == q.line - 1 else None
        fake = QuotedSpan(prev_hi, -1, prev_hi, prev_hi, q.line - 1)
        return attribute_before(ctx, fake, s_prev, prev_att)
    s0 = max(ctx.sentence_of(max(q.open, line_lo))[0], line_lo)
    previous = results[-1][1] if results and results[-1][0].line == q.line else None
    return attribute_before(ctx, q, s0, previous)


@RULES.implements("direct", "interrupted", "continued")
def _from_previous(
    ctx: Document, q: QuotedSpan, prev_q: QuotedSpan, prev_att: Optional[Attribution]
) -> Optional[Attribution]:
    """The second half of an interrupted quote, or a quote continued in the next paragraph."""
    if prev_att is None or prev_att.speaker is None and prev_att.cue is None:
        return None
    line_lo = ctx.lines[q.line][0]
    same_line = prev_q.line == q.line and prev_att.cue is not None and prev_att.cue.start < q.start
    continued = (
        prev_q.line == q.line - 1
        and (q.continued or q.open == line_lo)
        and ctx.sentence_of(ctx.lines[q.line - 1][1] - 1)[0] <= max(prev_q.end, prev_att.cue.start if prev_att.cue else 0)
    )
    if same_line and not _own_cue_before(ctx, q, prev_att) and not _own_tag_after(ctx, q):
        return _shared(prev_att, "interrupted")
    if continued:
        return _shared(prev_att, "continued")
    return None


def _turn_of_exchange(ctx: Document, q: QuotedSpan, results: list[_Found]) -> bool:
    """Whether ``q``, one untagged sentence, follows two paragraphs quoting two speakers.

    ``“Is it far?” asked Tom. ⏎ “Not very,” said Mary. ⏎ “Then we walk.”``: after an
    exchange, a short untagged paragraph is the next turn of a dialogue, not Mary
    going on; the library does not guess whose turn it is, so the quote keeps no
    speaker (the last speaker would be the wrong one). A paragraph of several
    sentences still continues the last speaker, as news copy does.
    """
    if ctx.sentence_of(q.start)[0] != ctx.sentence_of(max(q.start, q.end - 1))[0]:
        return False
    prev_q, prev_att = results[-1]
    before = [(bq, ba) for bq, ba in results[:-1] if bq.line < prev_q.line]
    if not before or prev_q.line != q.line - 1 or before[-1][0].line != prev_q.line - 1:
        return False
    atts = (before[-1][1], prev_att)
    speakers = [a.speaker for a in atts if a is not None and a.speaker is not None]
    return len(speakers) == 2 and _who(speakers[0]) != _who(speakers[1])


def _who(speaker: Speaker) -> str:
    """A speaker's name, or its mention in lower case when it has none (``she``)."""
    return speaker.name or speaker.mention.lower()


#: The word right before an opening mark (a comma or colon between at most).
_WORD_BEFORE = re.compile(r"([a-z]+)[\s,:" + FOLD_MARK + r"]*$")


def _own_cue_before(ctx: Document, q: QuotedSpan, prev_att: Attribution) -> bool:
    """A verb of saying other than the previous quote's cue opens ``q`` (``… that said “We won.”``)."""
    line_lo = ctx.lines[q.line][0]
    m = _WORD_BEFORE.search(ctx.norm, line_lo, q.open if q.open >= 0 else q.start)
    if m is None or not intro_cue(m.group(1)):
        return False
    return prev_att.cue is None or not prev_att.cue.start <= m.start(1) < prev_att.cue.end


#: A capitalised word or a subject pronoun right after a closing mark: a tag of its own.
_TAG_AFTER = re.compile(r"[\s" + FOLD_MARK + r"]*(?:[A-Z][a-z]|(?:he|she|they|we|I)\b)")


def _own_tag_after(ctx: Document, q: QuotedSpan) -> bool:
    """``“B,” Lee nodded.``: a quote ending in a comma with a subject after it has its own tag.

    The tag may hold no cue the rules read (``nodded``, ``agreed``): the quote then
    keeps no speaker rather than the speaker of the quote before it.
    """
    if q.close < 0 or mark_inside_end(ctx, q) != ",":
        return False
    return _TAG_AFTER.match(ctx.norm, q.close + 1, ctx.lines[q.line][1]) is not None


def _shared(att: Attribution, rule: str) -> Attribution:
    """``att``'s speaker and cue instance, for another piece of the same quote (no pronoun penalty)."""
    return Attribution(att.speaker, att.cue, att.cue_type, att.via, RULES["direct", rule].confidence, rule)


@RULES.implements("direct", "continued")
def _close_open_quotes(results: list[_Found]) -> None:
    """A quote left open at a paragraph end takes the attribution of the piece that closes it."""
    for k in range(len(results) - 2, -1, -1):
        q, att = results[k]
        nq, natt = results[k + 1]
        if q.continues and att is None and natt is not None and nq.continued:
            results[k] = (q, _shared(natt, "continued"))


@RULES.implements("direct", "lead-in", "unattributed")
def _quotes_of(ctx: Document, results: list[_Found], segmenter: Segmenter) -> list[Quote]:
    """The [`Quote`][quotes.models.Quote] objects of the attributed quotes."""
    quotes = []
    for q, att in join_paragraphs(results):
        if att is None and len(ctx.text[q.start:q.end].split()) < 3:
            continue
        rules = ("direct", att.rule if att else "unattributed")
        lead = _lead_in(ctx, q, att)
        if lead is not None and att is not None:
            # "Evaluating the candidates by national polls, Stevens said, “is like …”":
            # the statement begins outside the marks; both parts make one mixed quote.
            piece = QuotedSpan(-1, -1, lead[0], lead[1], q.line)
            quotes.append(_build(ctx, piece, att, ("direct", "lead-in"), segmenter, QuoteKind.MIXED))
            quotes.append(_build(ctx, q, att, ("direct", "lead-in"), segmenter, QuoteKind.MIXED))
            continue
        quotes.append(_build(ctx, q, att, rules, segmenter))
    return quotes


def join_paragraphs(results: list[_Found]) -> list[_Found]:
    """One quote for the pieces of a quote that goes on over several paragraphs.

    A paragraph that leaves its quote open, followed by one that reopens (or just
    closes) it, holds one statement: the pieces become one span from the first
    content character to the last, with the attribution of the piece that had its
    own (the others share it). Pieces whose own attributions name different
    speakers stay apart.

    Examples:
        >>> a = QuotedSpan(0, -1, 1, 10, 0, continues=True)
        >>> b = QuotedSpan(12, 30, 13, 29, 1, continued=True)
        >>> [(q.start, q.end, q.open, q.close) for q, _att in join_paragraphs([(a, None), (b, None)])]
        [(1, 29, 0, 30)]
    """
    out: list[_Found] = []
    for q, att in results:
        if out and _goes_on(*out[-1], q, att):
            first, first_att = out[-1]
            joined = QuotedSpan(first.open, q.close, first.start, q.end, first.line, q.continues, first.continued)
            out[-1] = (joined, _own(first_att, att))
        else:
            out.append((q, att))
    return out


def _goes_on(prev: QuotedSpan, prev_att: Optional[Attribution], q: QuotedSpan, att: Optional[Attribution]) -> bool:
    """``q`` is the next paragraph's piece of the quote ``prev`` leaves open."""
    if not (prev.continues and q.continued and prev.close < 0):
        return False
    if prev_att is None or att is None or prev_att.speaker is None or att.speaker is None:
        return True
    return prev_att.speaker.name == att.speaker.name


def _own(a: Optional[Attribution], b: Optional[Attribution]) -> Optional[Attribution]:
    """The attribution a piece found itself, rather than one shared from another piece.

    A first piece that shares the cue of the quote before it (``interrupted``) gives
    way to a later piece's own cue: in ``“A,” X said. “B ⏎ ⏎ “C,” X continued.``,
    ``B`` and ``C`` are one quote whose cue is ``continued``.
    """
    shared = a is not None and a.rule in ("continued", "interrupted")
    if a is None or shared and b is not None and b.rule not in ("continued", "interrupted"):
        return b
    if a.rule == "continued" and b is not None:
        return b
    return a


def _lead_in(ctx: Document, q: QuotedSpan, att: Optional[Attribution]) -> Optional[tuple[int, int]]:
    """The clause that opens the statement before a parenthetical ``X said,``, or ``None``.

    Only when the quote goes on in lower case right after the cue (``…, he added,
    “it will at least …”``): the words before the speaker are the statement's start.
    """
    if att is None or att.speaker is None or att.cue is None or q.open < 0:
        return None
    if not ctx.text[q.start:q.start + 1].islower():
        return None
    sp, cue = att.speaker, att.cue
    if not sp.start < cue.start < q.open or ctx.norm[sp.end:cue.start].strip() or ctx.norm[cue.end:q.open].strip(" ,:" + FOLD_MARK):
        return None
    line_lo = ctx.lines[q.line][0]
    s0 = max(ctx.sentence_of(sp.start)[0], line_lo)
    lead = ctx.norm[s0:sp.start]
    if not lead.rstrip().endswith(",") or '"' in lead or len(lead.split()) < 3:
        return None
    a = s0 + len(lead) - len(lead.lstrip())
    b = s0 + len(lead.rstrip(" ,"))
    return (a, b) if b > a else None


def resolve_late_pronouns(ctx: Document, found: list[Quote]) -> list[Quote]:
    """Resolve again, in document order, the pronoun speakers left with no name.

    Direct quotes are attributed before reported speech is read, so ``Okafor said
    the bridge would reopen. "It will be safe," he said.`` leaves ``he`` without
    a name at first; once the reports have taught the resolver who spoke, the
    pronoun refers to the report's source. A speaker resolved here gets back the
    0.1 of confidence that an unresolved one costs (`Document.quote`).
    """
    out: list[Quote] = []
    for q in found:
        sp = q.speaker
        if sp is not None and sp.name is None:
            np = NounPhrase(sp.start, sp.end, ctx.norm[sp.start:sp.end])
            again = ctx.resolver.resolve(np, at=q.start, sentence_starts=ctx.sentence_starts, exclude=ctx.quoted)
            if again is not None and again.name is not None:
                again = again.model_copy(update={"mention": sp.mention, "start": sp.start, "end": sp.end})
                q = q.model_copy(update={"speaker": again, "confidence": min(1.0, round(q.confidence + 0.1, 2))})
                ctx.resolver.record(q.start, again)
        out.append(q)
    return out
