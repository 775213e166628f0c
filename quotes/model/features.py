"""The tagger's input: chunks of an article and the features of each token.

Tokens are `quotes.speakers.resolver.TOKEN_RE` matches over the normalised
text; each gets the binary and real features of `FEATURES` (its shape, the
cue lexicon, and the rule extractor's quotes, cues and speakers).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import numpy as np

from quotes.text.quoted import quoted_regions
from quotes.lexicon import REPORTING_VERBS, cue_rates, source_words
from quotes.models import CueType, Quote, QuoteKind
from quotes.text.linebreaks import unify_line_breaks
from quotes.text.tokens import TOKEN_RE
from quotes.text.marks import fold_double_apostrophes, normalize

__all__ = ["FEATURES", "MAX_CHUNK_TOKENS", "Chunk", "featurize", "suffix"]

#: Longest chunk the tagger reads at once; longer paragraphs are cut at sentence ends.
MAX_CHUNK_TOKENS = 300

_LINE = re.compile(r"[^\n]+")

#: Names of the per-token binary/real features, in column order.
FEATURES: tuple[str, ...] = (
    "cap",
    "allcaps",
    "digit",
    "punct",
    "mark",
    "quoted",
    "sent_start",
    "line_start",
    "reporting_verb",
    "cue_rate",
    "cue_speech",
    "cue_claim",
    "cue_belief",
    "source_word",
    "that",
    "r_content_b",
    "r_content_i",
    "r_direct",
    "r_indirect",
    "r_mixed",
    "r_belief",
    "r_cue",
    "r_source",
)
_F = {name: i for i, name in enumerate(FEATURES)}


@dataclass
class Chunk:
    """A piece of an article the tagger reads at once (a paragraph or part of one).

    Attributes:
        tokens: ``(text, start, end)`` with offsets into the article text.
        feats: ``(len(tokens), len(FEATURES))`` float32 features.
    """

    tokens: list[tuple[str, int, int]]
    feats: np.ndarray


def suffix(low: str) -> str:
    """The suffix feature of a lower-cased word: its last three letters."""
    return low[-3:]


def _mark_spans(
    spans: list[tuple[int, int]],
    starts: list[int],
    ends: list[int],
    feats: np.ndarray,
    col: int,
    begin_col: int | None = None,
) -> None:
    """Set column ``col`` of the tokens overlapping ``spans`` (``begin_col`` on the first)."""
    for a, b in spans:
        i = bisect.bisect_right(ends, a)
        j = bisect.bisect_left(starts, b)
        if i < j:
            feats[i:j, col] = 1.0
            if begin_col is not None:
                feats[i, begin_col] = 1.0
                feats[i, col] = 0.0



def featurize(text: str, sentences: list[tuple[int, int]], rule_quotes: list[Quote]) -> list[Chunk]:
    """Cut ``text`` into chunks and compute each token's features.

    Tokens are `quotes.speakers.resolver.TOKEN_RE` matches over the normalised text
    (quotation marks and apostrophes folded, same length), as the rules read it.

    Args:
        text: The article text.
        sentences: Sentence spans (from the segmenter), used to cut long paragraphs.
        rule_quotes: The rule extractor's quotes for the article, beliefs included.

    Returns:
        The chunks in document order; empty lines give none.
    """
    text = unify_line_breaks(text)  # lines as the rules read them (same length)
    norm = fold_double_apostrophes(normalize(text))
    toks = [(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(norm)]
    n = len(toks)
    feats = np.zeros((n, len(FEATURES)), dtype=np.float32)
    if not n:
        return []
    starts = [t[1] for t in toks]
    ends = [t[2] for t in toks]
    _word_features(toks, feats)
    _mark_spans(quoted_regions(text), starts, ends, feats, _F["quoted"])
    for a, _b in sentences:
        i = bisect.bisect_left(starts, a)
        if i < n:
            feats[i, _F["sent_start"]] = 1.0
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    for a, _b in lines:
        i = bisect.bisect_left(starts, a)
        if i < n:
            feats[i, _F["line_start"]] = 1.0
    _rule_features(rule_quotes, starts, ends, feats)
    return _chunks(toks, feats, lines, sentences)


def _word_features(toks: list[tuple[str, int, int]], feats: np.ndarray) -> None:
    """Set the features of each token's own word: shape, marks and the cue lexicon."""
    rates = cue_rates()
    sources = source_words()
    for k, (tok, _a, _b) in enumerate(toks):
        low = tok.lower()
        row = feats[k]
        c = tok[0]
        if c.isupper():
            row[0] = 1.0
            if len(tok) > 1 and tok.isupper():
                row[1] = 1.0
        elif c.isdigit():
            row[2] = 1.0
        elif not c.isalnum() and c != "_":
            row[3] = 1.0
            if c in "\"'\x7f":
                row[4] = 1.0
        if low in REPORTING_VERBS:
            row[8] = 1.0
        r = rates.get(low)
        if r is not None:
            row[9] = r[0]
            row[{"speech": 10, "claim": 11, "belief": 12}.get(r[2], 10)] = 1.0
        if low in sources:
            row[13] = 1.0
        if low == "that":
            row[14] = 1.0


def _rule_features(
    rule_quotes: list[Quote], starts: list[int], ends: list[int], feats: np.ndarray
) -> None:
    """Mark the rule quotes' contents (by kind and belief), cues and speakers."""
    for q in rule_quotes:
        kind_col = {
            QuoteKind.DIRECT: "r_direct",
            QuoteKind.INDIRECT: "r_indirect",
            QuoteKind.MIXED: "r_mixed",
        }[q.kind]
        _mark_spans([(q.start, q.end)], starts, ends, feats, _F["r_content_i"], _F["r_content_b"])
        _mark_spans([(q.start, q.end)], starts, ends, feats, _F[kind_col])
        if q.cue_type is CueType.BELIEF:
            _mark_spans([(q.start, q.end)], starts, ends, feats, _F["r_belief"])
        if q.cue is not None:
            _mark_spans([(q.cue.start, q.cue.end)], starts, ends, feats, _F["r_cue"])
        if q.speaker is not None:
            _mark_spans([(q.speaker.start, q.speaker.end)], starts, ends, feats, _F["r_source"])


def _chunks(
    toks: list[tuple[str, int, int]],
    feats: np.ndarray,
    lines: list[tuple[int, int]],
    sentences: list[tuple[int, int]],
) -> list[Chunk]:
    """The chunks: lines, cut at sentence starts when longer than `MAX_CHUNK_TOKENS`."""
    starts = [t[1] for t in toks]
    sent_starts = sorted({bisect.bisect_left(starts, a) for a, _ in sentences})
    chunks: list[Chunk] = []
    for a, b in lines:
        i = bisect.bisect_left(starts, a)
        j = bisect.bisect_left(starts, b)
        while i < j:
            stop = j
            if stop - i > MAX_CHUNK_TOKENS:
                limit = i + MAX_CHUNK_TOKENS
                k = bisect.bisect_right(sent_starts, limit) - 1
                cut = sent_starts[k] if k >= 0 else -1
                stop = cut if cut > i else limit
            chunks.append(Chunk(tokens=toks[i:stop], feats=feats[i:stop]))
            i = stop
    return chunks
