"""Reported speech, attributed claims and mixed quotes (no quotation marks needed).

Rules over one sentence at a time, using the same cue lexicon and speaker
resolution as direct quotes:

* ``X said (that) C`` / ``X told Reuters (that) C`` / ``X has warned C``: the
  content follows the cue (a short time or channel phrase and ``that`` are skipped);
* ``C, X said.`` / ``C, said X.`` / ``C, X told a meeting, but ...``: the content
  precedes the attribution;
* ``According to X, C`` and ``C, according to X``: claims (:attr:`CueType.CLAIM`);
* ``C, as stated by X``: the content precedes a passive attribution;
* a reported clause that contains a quoted fragment is one ``mixed`` quote.

A nested report belongs to the outer speaker (``Peskov said Putin had told
Trump ...`` is Peskov's). No speaker, no quote: content is only reported when its
source resolves.
"""

from __future__ import annotations

import re
from typing import Optional

from quotes.attribution import _TELL, Context, _appositive, _speaker, cue_type_of
from quotes.direct import QuotedSpan
from quotes.lexicon import CUE_AUXILIARIES
from quotes.models import CueType, Provenance, Quote, QuoteKind, Span, Speaker
from quotes.outlets import find_via
from quotes.segment import Segmenter
from quotes.speakers import NounPhrase, scan_left, scan_right, tokens

__all__ = ["attribute_reported"]

_MIN_WORDS = 3
_SKIP_TOKENS = 12
_TRAILING = re.compile(r"[\s,;:.!?—–\-]+$")
_ACCORDING_TAIL = re.compile(r",\s+according\s+to\s+[^,]{2,80}$", re.I)
#: Verbs that introduce reported content (a clause) in news; stricter than the cue lexicon,
#: which also holds nouns and event verbs that PolNeAR annotates ("criticism", "held").
REPORTING_VERBS = frozenset(
    """say says said saying tell tells told telling add adds added adding claim claims claimed
    claiming state stated stating announce announces announced announcing confirm confirms
    confirmed deny denies denied denying warn warns warned warning insist insists insisted
    argue argues argued arguing assert asserts asserted suggest suggests suggested note notes
    noted noting report reports reported explain explains explained acknowledge acknowledges
    acknowledged admit admits admitted reiterate reiterates reiterated stress stresses stressed
    emphasize emphasized emphasise emphasised predict predicts predicted promise promises
    promised vow vows vowed pledge pledges pledged write writes wrote tweet tweets tweeted
    allege alleges alleged caution cautions cautioned contend contends contended maintain
    maintains maintained recall recalls recalled reply replies replied respond responds
    responded complain complains complained conclude concludes concluded concede concedes
    conceded mention mentions mentioned indicate indicates indicated signal signals signaled
    signalled hint hints hinted believe believes believed think thinks thought hope hopes hoped
    expect expects expected fear fears feared know knows knew feel feels felt worry worries
    worried doubt doubts doubted accuse accuses accused urge urges urged dispute disputes
    disputed dismiss dismissed remarked remark remarks declare declares declared estimate
    estimates estimated""".split()
)
_CLAUSE_START = frozenset("he she it they we i you there this these those the a an his her their its our some no".split())
_NOT_CLAUSE_START = frozenset({"to", "for", "of", "with", "by", "about", "on", "in", "at", "from", "and", "or", "but", "as"})



def _trim(ctx: Context, a: int, b: int) -> tuple[int, int]:
    seg = ctx.text[a:b]
    lead = len(seg) - len(seg.lstrip(" \t,;:—–-"))
    a += lead
    m = _TRAILING.search(ctx.text, a, b)
    if m:
        b = m.start()
    return a, b


def _content_after(ctx: Context, toks: list[tuple[str, int, int]], k: int, hi: int) -> Optional[int]:
    """Offset where the reported clause starts after the cue token ``k``."""
    rest = toks[k + 1 : k + 1 + _SKIP_TOKENS]
    for n, (word, a, b) in enumerate(rest):
        if word.lower() == "that" and not any(cue_type_of(w) for w, _, _ in rest[:n]):
            return b
    if not rest:
        return None
    first = rest[0][0]
    if first in (".", ";", ":") or first.lower() in _NOT_CLAUSE_START:
        return None
    if toks[k][0].lower() not in _TELL and not (
        first.lower() in _CLAUSE_START or first[:1].isupper() or first[:1].isdigit()
        or toks[k][0].lower() in ("accused", "accuses", "accuse", "urged", "urges", "urge")
    ):
        return None
    return toks[k][2]


def _build(
    ctx: Context, seg: Segmenter, a: int, b: int, sp: Speaker, cue: Span, kind: CueType,
    via: Optional[str], rule: str, marks: list[tuple[int, int]], conf: float,
) -> Optional[Quote]:
    a, b = _trim(ctx, a, b)
    m = _ACCORDING_TAIL.search(ctx.norm, a, b)
    if m and rule != "according":
        via = via or find_via(ctx.norm[m.start():b])
        b = m.start()
    if b <= a or len(ctx.text[a:b].split()) < _MIN_WORDS:
        return None
    mixed = any(a <= s and e <= b + 1 for s, e in marks)
    art = ctx.article
    return Quote(
        text=ctx.text[a:b], start=a, end=b,
        kind=QuoteKind.MIXED if mixed else QuoteKind.INDIRECT,
        cue_type=kind, speaker=sp, cue=cue, via=via, article=art.id, outlet=art.outlet,
        published=art.published,
        confidence=conf if sp.mention.lower() not in ("he", "she", "they", "it") else conf - 0.1,
        provenance=Provenance(backend=seg.name, backend_version=seg.version, rules=("reported", rule)),
    )


def _sentence_quotes(
    ctx: Context, seg: Segmenter, lo: int, hi: int, marks: list[tuple[int, int]], blocked: list[tuple[int, int]]
) -> list[Quote]:
    passive = _as_stated_by(ctx, seg, lo, hi, marks)
    if passive is not None:
        return [passive]
    toks = tokens(ctx.norm, lo, hi)
    out: list[Quote] = []
    consumed = lo  # content before this offset is taken
    k = 0
    while k < len(toks):
        word, a, b = toks[k]
        inside = any(s <= a < e for s, e in marks + blocked)
        low = word.lower()
        if inside or a < consumed:
            k += 1
            continue
        # "according to X"
        if low == "according" and k + 1 < len(toks) and toks[k + 1][0].lower() == "to":
            q = _according(ctx, seg, toks, k, lo, hi, consumed, marks)
            if q is not None:
                out.append(q)
                consumed = max(consumed, q.end, q.speaker.end if q.speaker else 0)
            k += 2
            continue
        kind = cue_type_of(word)
        if kind is None or kind is CueType.CLAIM or low not in REPORTING_VERBS:
            k += 1
            continue
        j = k
        while j > 0 and toks[j - 1][0].lower() in CUE_AUXILIARIES:
            j -= 1
        np_hi = toks[j][1] if j < len(toks) else a
        np = scan_left(ctx.norm, consumed, np_hi)
        role = None
        if np is None and ctx.norm[consumed:np_hi].rstrip().endswith(","):
            appos = _appositive(ctx, consumed, np_hi)
            if appos:
                np, role = appos
        cue_end = b
        obj: Optional[NounPhrase] = None
        if low in _TELL:
            obj = scan_right(ctx.norm, b, hi)
            if obj is not None:
                cue_end = obj.end
        cue = ctx.span(a, cue_end)
        before = ctx.norm[consumed:np.start].rstrip() if np is not None else ""
        if np is None:
            # Inverted at the end: "..., said the minister."
            if ctx.norm[consumed:a].rstrip().endswith(","):
                inv = scan_right(ctx.norm, b, hi)
                if inv is not None and re.match(r"\s*(?:[,.;]|$)", ctx.norm[inv.end:hi]):
                    sp = _speaker(ctx, inv, a)
                    comma = ctx.norm.rfind(",", consumed, a)
                    if sp is not None:
                        q = _build(ctx, seg, consumed, comma, sp, cue, kind, find_via(ctx.norm[a:hi]), "content-first:inverted", marks, 0.7)
                        if q:
                            out.append(q)
                            consumed = inv.end
            k += 1
            continue
        tail_m = re.match(r"[^,.;:]{0,60}?(?:[,.;:]|$)", ctx.norm[cue_end:hi])
        tail_text = ctx.norm[cue_end:cue_end + tail_m.end()] if tail_m else ""
        content_first = (
            before.endswith(",")
            and tail_m is not None
            and len(tail_text.split()) <= 6
            and "that" not in tail_text.split()
        )
        sp = _speaker(ctx, np, a, role)
        if sp is None:
            k += 1
            continue
        if content_first:
            comma = consumed + len(before) - 1
            via = find_via(ctx.norm[np.start:cue_end + len(tail_text)])
            q = _build(ctx, seg, consumed, comma, sp, cue, kind, via, "content-first", marks, 0.75)
            if q:
                out.append(q)
                consumed = cue_end + len(tail_text)
            k += 1
            continue
        start = _content_after(ctx, toks, k if obj is None else _index_at(toks, obj.end), hi)
        if start is None:
            k += 1
            continue
        via = find_via(ctx.norm[np.start:start])
        q = _build(ctx, seg, start, hi, sp, cue, kind, via, "cue-first", marks, 0.75)
        if q:
            out.append(q)
            consumed = hi  # nested reports belong to this speaker
        k += 1
    return out


_AS_BY = re.compile(r",\s+as\s+(?:was\s+)?(?P<cue>[a-z]+)\s+by\s+")


def _as_stated_by(
    ctx: Context, seg: Segmenter, lo: int, hi: int, marks: list[tuple[int, int]]
) -> Optional[Quote]:
    """``C, as stated by spokesperson Dmitry Peskov.``: the content precedes."""
    for m in _AS_BY.finditer(ctx.norm, lo, hi):
        word = m.group("cue")
        if word not in REPORTING_VERBS:
            continue
        np = scan_right(ctx.norm, m.end(), hi)
        if np is None or not re.match(r"\s*(?:,[^,]{0,80})?[.!?]?\s*$", ctx.norm[np.end:hi]):
            continue
        sp = _speaker(ctx, np, m.start())
        kind = cue_type_of(word) or CueType.SPEECH
        if sp is None:
            continue
        cue = ctx.span(m.start("cue"), m.start("cue") + len(word))
        return _build(ctx, seg, lo, m.start(), sp, cue, kind, None, "content-first:as-by", marks, 0.7)
    return None


def _index_at(toks: list[tuple[str, int, int]], end: int) -> int:
    for n, (_w, _a, b) in enumerate(toks):
        if b >= end:
            return n
    return len(toks) - 1


def _according(
    ctx: Context, seg: Segmenter, toks: list[tuple[str, int, int]], k: int, lo: int, hi: int,
    consumed: int, marks: list[tuple[int, int]],
) -> Optional[Quote]:
    a = toks[k][1]
    cue_end = toks[k + 1][2]
    np = scan_right(ctx.norm, cue_end, hi)
    if np is None:
        return None
    role = None
    initial = not ctx.norm[consumed:a].strip()
    follow = r"(?=\s*,)" if initial else r"(?=\s*(?:[,.;]|$))"
    m = re.match(
        r",\s+((?:the|a|an)\s+[^,.;]{2,80}|(?:head|chief|director|spokesman|spokeswoman|spokesperson)\b[^,.;]{0,80})"
        + follow,
        ctx.norm[np.end:hi],
    )
    src_end = np.end
    if m:
        role = ctx.text[np.end + m.start(1):np.end + m.end(1)]
        src_end = np.end + m.end(1)
    sp = _speaker(ctx, np, a, role)
    if sp is None:
        return None
    via = find_via(ctx.norm[a:src_end])
    cue = ctx.span(a, cue_end)
    if not ctx.norm[consumed:a].strip():  # "According to X, C."
        return _build(ctx, seg, src_end, hi, sp, cue, CueType.CLAIM, via, "according", marks, 0.75)
    if ctx.norm[consumed:a].rstrip().endswith(","):  # "C, according to X."
        comma = ctx.norm.rfind(",", consumed, a)
        return _build(ctx, seg, consumed, comma, sp, cue, CueType.CLAIM, via, "according", marks, 0.75)
    return None


def attribute_reported(
    ctx: Context, segmenter: Segmenter, direct: list[Quote], fragments: list[QuotedSpan]
) -> list[Quote]:
    """Reported speech, claims and mixed quotes of the article.

    Args:
        ctx: The article context built by :func:`quotes.attribution.build_context`.
        segmenter: The backend (for provenance).
        direct: Direct quotes already found; their sentences are not re-read.
        fragments: Quoted fragments that were not direct quotes.
    """
    marks = [(f.open, f.close + 1) for f in fragments if f.open >= 0 and f.close >= 0]
    blocked = [(q.start - 1, q.end + 1) for q in direct]
    blocked += [(q.cue.start, q.cue.end) for q in direct if q.cue is not None]
    out: list[Quote] = []
    for lo, hi in ctx.sentences:
        line = ctx.line_of(lo)
        if line < 0 or ctx.lines[line][1] < hi:
            continue
        if any(s < hi and lo < e for s, e in blocked):
            continue
        out.extend(_sentence_quotes(ctx, segmenter, lo, hi, marks, blocked))
    return out
