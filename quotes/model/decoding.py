"""From the tagger's tags to quotes: BIO spans, content edges, the nearest cue and source.

The source is resolved through the rules' speaker code
(`quotes.attribution.source.resolve_speaker`).
"""

from __future__ import annotations

import bisect
import re
from typing import Any

import numpy as np

from quotes.attribution.cues import cue_type_of, stance_of
from quotes.attribution.report_content_text import is_reference, names_no_clause
from quotes.lexicon import MONTHS, WEEKDAYS
from quotes.model.features import Chunk
from quotes.model.network import TAGS
from quotes.models import CueType, Quote, QuoteKind, Span, Speaker, SpeakerType, Stance
from quotes.speakers.noun_phrase import without_article
from quotes.text.segment import Segmenter

__all__ = ["content_edges", "decode_chunk", "source_edges"]

_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_EDGE_LEAD = " \t,;:—–-…" + "\"'“”„‟«»‘’‚‛‹›〝〞❝❞＂"
_EDGE_TRAIL = " \t,;:.—–-…" + "\"'“”„‟«»‘’‚‛‹›〝〞❝❞＂"

#: Words that never end a content in PolNeAR train (conjunctions, articles, possessive
#: determiners): a tagged content ending in one lost the words after it, and the decoder
#: ends it before the word (``him as a flip-flopper and`` -> ``him as a flip-flopper``).
_NO_LAST_WORD = frozenset("and or but nor the a an their its our my your".split())
_LAST_WORD = re.compile(r"(?:^|\W)(\w+)\W*$")

#: A time phrase at the end of a tagged source: the time of the saying, no part of the
#: source (``Rep. Dana Morrow last month``, ``the mayor on Wednesday``; not ``a poll
#: released Wednesday``).
_TRAILING_TIME = re.compile(
    rf"[\s,]+(?:on\s+(?:{'|'.join(sorted(WEEKDAYS))})|yesterday|today|"
    rf"(?:last|this)\s+(?:{'|'.join(sorted(WEEKDAYS | MONTHS))}|week|month|year|night))\W*$",
    re.IGNORECASE,
)

#: A tagged span: first token, last token, mean probability of its tags.
_Tagged = tuple[int, int, float]


def decode_chunk(
    ctx: Any,
    segmenter: Segmenter,
    chunk: Chunk,
    tags: list[tuple[int, float]],
    regions: list[tuple[int, int]],
    version: str,
    component: tuple[str, str] | None = None,
) -> list[Quote]:
    """The quotes of one chunk: a quote per tagged content of at least two words.

    Args:
        ctx: The article's [`Document`][quotes.document.Document].
        segmenter: The backend (provenance).
        chunk: The chunk.
        tags: The tag index and probability of each token (`quotes.model.network.viterbi`).
        regions: The article's quoted regions (for the quote kind).
        version: The model version, recorded in the provenance.
        component: The provenance ``rules`` of each quote (default
            ``("tagger", "bilstm-<version>")``).
    """
    component = component or ("tagger", f"bilstm-{version}")
    spans = _tagged_spans(tags)
    toks = chunk.tokens
    text = ctx.text
    out: list[Quote] = []
    for i, j, conf in spans["CONTENT"]:
        a, b = toks[i][1], toks[j][2]
        a, b = content_edges(text, a, b)
        if b <= a or len(text[a:b].split()) < 2:
            continue
        cue = _nearest(spans["CUE"], i, j)
        src = _nearest(spans["SOURCE"], *(cue[:2] if cue else (i, j)))
        cue_span = None
        cue_type = CueType.SPEECH
        if cue is not None:
            ca, cb = toks[cue[0]][1], toks[cue[1]][2]
            cue_span = Span(text=text[ca:cb], start=ca, end=cb)
            cue_type = _cue_type(text[ca:cb])
        speaker = None
        if src is not None:
            sa, sb = source_edges(text, toks[src[0]][1], toks[src[1]][2])
            speaker = _resolve(ctx, sa, sb, a) if sa < sb else None
        kind = _kind(regions, toks, i, j, a, b)
        found = (a, b), kind, cue_type, speaker, cue_span, conf
        out.append(_quote(ctx, segmenter, component, *found))
    return out


def content_edges(text: str, a: int, b: int) -> tuple[int, int]:
    """A tagged content's offsets without edge marks and without a last word no content ends in.

    Spaces, punctuation and quotation marks leave both edges; a trailing conjunction,
    article or possessive determiner (`_NO_LAST_WORD`) leaves the end, with the marks
    before it.

    Examples:
        >>> t = 'He called him "a flip-flopper" and'
        >>> a, b = content_edges(t, 10, len(t))
        >>> t[a:b]
        'him "a flip-flopper'
    """
    while a < b and text[a] in _EDGE_LEAD:
        a += 1
    while b > a:
        while b > a and text[b - 1] in _EDGE_TRAIL:
            b -= 1
        m = _LAST_WORD.search(text, a, b)
        if m is None or m.group(1).lower() not in _NO_LAST_WORD or m.start(1) == a:
            break
        b = m.start(1)
    return a, b


def source_edges(text: str, a: int, b: int) -> tuple[int, int]:
    """A tagged source's offsets without edge marks and without a time phrase at its end.

    Examples:
        >>> t = "Rep. Dana Morrow last month, "
        >>> a, b = source_edges(t, 0, len(t))
        >>> t[a:b]
        'Rep. Dana Morrow'
        >>> t = "The mayor, who took office in May,"
        >>> t[slice(*source_edges(t, 0, len(t)))]
        'The mayor, who took office in May'
    """
    while a < b and text[a] in _EDGE_LEAD:
        a += 1
    while b > a and text[b - 1] in _EDGE_TRAIL:
        b -= 1
    m = _TRAILING_TIME.search(text, a, b)
    if m is not None and m.start() > a:
        b = m.start()
    return a, b


def _tagged_spans(tags: list[tuple[int, float]]) -> dict[str, list[_Tagged]]:
    """The BIO spans of each label (``SOURCE``, ``CUE``, ``CONTENT``), in order."""
    spans: dict[str, list[_Tagged]] = {"SOURCE": [], "CUE": [], "CONTENT": []}
    cur: str | None = None
    first = 0
    probs: list[float] = []
    for k, (t, p) in enumerate(tags + [(0, 1.0)]):
        name = TAGS[t]
        label = name[2:] if name != "O" else None
        begin = name.startswith("B-")
        if cur is not None and (label != cur or begin):
            spans[cur].append((first, k - 1, float(np.mean(probs))))
            cur = None
        if label is not None and cur is None:
            cur, first, probs = label, k, []
        if cur is not None:
            probs.append(p)
    return spans


def _quote(
    ctx: Any,
    segmenter: Segmenter,
    component: tuple[str, str],
    content: tuple[int, int],
    kind: QuoteKind,
    cue_type: CueType,
    speaker: Speaker | None,
    cue_span: Span | None,
    conf: float,
) -> Quote:
    """A tagger quote; without a speaker its confidence is cut by a fifth.

    Its stance comes from its cue as for the rules' reported speech
    (`quotes.attribution.cues.stance_of`): a denied or questioned content is
    never presented as asserted, and the noun phrase after a cue that is no verb
    of saying (``met to discuss the budget``) is only referred to
    (`quotes.attribution.report_content_text.is_reference`), as is a phrase with no
    clause before its cue (``Russia's President Vladimir Putin ... during a report by``;
    the rules read no content there).
    """
    a, b = content
    stance = stance_of(cue_span.text, ctx.norm[a:b]) if cue_span is not None else Stance.ASSERTS
    if stance is Stance.ASSERTS and kind is QuoteKind.INDIRECT and cue_span is not None:
        if cue_span.end <= a and is_reference("cue-first", cue_span.text, ctx.norm[a:b]):
            stance = Stance.REFERS
        elif b <= cue_span.start and names_no_clause(ctx.norm[a:b]):
            stance = Stance.REFERS  # a phrase before its cue that states nothing
    return ctx.quote(
        a,
        b,
        kind=kind,
        cue_type=cue_type,
        speaker=speaker,
        cue=cue_span,
        via=None,
        confidence=round(max(0.0, min(1.0, conf * (1.0 if speaker else 0.8))), 2),
        segmenter=segmenter,
        rules=component,
        stance=stance,
    )


def _nearest(spans: list[tuple[int, int, float]], i: int, j: int) -> tuple[int, int, float] | None:
    """The span of ``spans`` closest to tokens ``i..j`` (ties: the earlier one)."""
    best = None
    best_d = 10**9
    for s in spans:
        d = i - s[1] if s[1] < i else (s[0] - j if s[0] > j else 0)
        if d < best_d:
            best, best_d = s, d
    return best


def _cue_type(cue: str) -> CueType:
    """The cue type of a tagged cue's words (``according`` is a claim; speech first)."""
    words = re.findall(r"[A-Za-z]+", cue)
    if any(w.lower() == "according" for w in words):
        return CueType.CLAIM
    kinds = [k for k in (cue_type_of(w) for w in words) if k is not None]
    if CueType.SPEECH in kinds:
        return CueType.SPEECH
    return kinds[0] if kinds else CueType.SPEECH


def _kind(
    regions: list[tuple[int, int]], toks: list[tuple[str, int, int]], i: int, j: int, a: int, b: int
) -> QuoteKind:
    """Direct, mixed or indirect: whether the content's words are inside quotation marks."""
    inside = outside = 0
    starts = [r[0] for r in regions]
    for tok, ta, tb in toks[i : j + 1]:
        if tb <= a or ta >= b or not tok[0].isalnum():
            continue
        k = bisect.bisect_right(starts, ta) - 1
        if k >= 0 and regions[k][0] <= ta and tb <= regions[k][1]:
            inside += 1
        else:
            outside += 1
    if inside and not outside:
        return QuoteKind.DIRECT
    if inside:
        return QuoteKind.MIXED
    return QuoteKind.INDIRECT


def _resolve(ctx: Any, a: int, b: int, at: int) -> Speaker | None:
    """A speaker for the source tokens ``a..b`` through the rules' speaker code."""
    from quotes.attribution.source import resolve_speaker
    from quotes.speakers.resolver import NounPhrase

    mention = ctx.text[a:b]
    if not any(ch.isalnum() for ch in mention):
        return None
    np_ = NounPhrase(start=a, end=b, text=ctx.norm[a:b])
    try:
        sp = resolve_speaker(ctx, np_, at, describe=True)
    except Exception:  # noqa: BLE001 - an odd mention is no speaker, not a crash
        sp = None
    if sp is None:
        name = without_article(mention)
        return Speaker(name=name, mention=mention, start=a, end=b, type=SpeakerType.UNKNOWN)
    if mention.lower() in _PRONOUNS:
        return sp
    # Keep the resolved name, type and role; the mention is the tagged span.
    return sp.model_copy(update={"mention": mention, "start": a, "end": b})
