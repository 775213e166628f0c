"""Align predicted quotes with gold attributions and count the hits of one document.

The rules (edge normalisation, statements, alignment, discards) are described in
[`quotes.evaluation.evaluate`][].
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from quotes.evaluation.polnear import WORD_RE, GoldAttribution, PolnearDocument
from quotes.evaluation.reports import MATCH_THRESHOLD, SUBSETS, Counts
from quotes.models import CueType, Quote, QuoteKind, Speaker

__all__ = [
    "DocumentTokens",
    "EvalItem",
    "Segments",
    "align",
    "gold_items",
    "normalize_span",
    "pred_items",
    "score_document",
]

#: A possibly discontinuous span: ``(start, end)`` pieces in order.
Segments = tuple[tuple[int, int], ...]


# --------------------------------------------------------------------------- spans


def normalize_span(text: str, segments: Iterable[tuple[int, int]]) -> Segments:
    """Reduce a possibly discontinuous span to its word characters.

    Each piece loses the non-word characters (whitespace, quotation marks,
    punctuation) at both ends; empty pieces are dropped, and pieces separated
    only by non-word characters are joined into one.

    Args:
        text: The article text.
        segments: ``(start, end)`` pieces.

    Returns:
        The normalised pieces, in order.

    Examples:
        >>> text = '“We are ready,” he said, “now.”'
        >>> normalize_span(text, [(0, 15)])
        ((1, 13),)
        >>> normalize_span(text, [(0, 15), (25, 31)]) == ((1, 13), (26, 29))
        True
        >>> normalize_span("A, B", [(0, 2), (2, 4)])
        ((0, 4),)
    """
    pieces: list[tuple[int, int]] = []
    for a, b in sorted(segments):
        while a < b and not _is_word_char(text[a]):
            a += 1
        while b > a and not _is_word_char(text[b - 1]):
            b -= 1
        if a >= b:
            continue
        if pieces:
            pa, pb = pieces[-1]
            if a <= pb or not any(_is_word_char(c) for c in text[pb:a]):
                pieces[-1] = (pa, max(pb, b))
                continue
        pieces.append((a, b))
    return tuple(pieces)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


@dataclass
class DocumentTokens:
    """Word tokens of one document, for token-set lookups."""

    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, text: str) -> DocumentTokens:
        """The word tokens (``WORD_RE`` matches) of ``text``."""
        starts: list[int] = []
        ends: list[int] = []
        for m in WORD_RE.finditer(text):
            starts.append(m.start())
            ends.append(m.end())
        return cls(starts, ends)

    def covered(self, segments: Segments) -> frozenset[int]:
        """Indices of the tokens that overlap any piece."""
        found: set[int] = set()
        for a, b in segments:
            lo = bisect_right(self.ends, a)
            hi = bisect_left(self.starts, b)
            found.update(range(lo, hi))
        return frozenset(found)


def _overlaps(a: Segments, b: Segments) -> bool:
    return any(x < y2 and x2 > y for x, x2 in a for y, y2 in b)


def _last_word(s: str) -> str:
    words = WORD_RE.findall(s)
    return words[-1].lower() if words else ""


# --------------------------------------------------------------------------- scoring


@dataclass
class EvalItem:
    """One side of the comparison: a gold attribution or a predicted statement."""

    content: Segments
    tokens: frozenset[int]
    kind: QuoteKind | None
    speech: bool
    source: Segments | None
    cue: Segments | None
    speaker: Speaker | None = None
    source_text: str = ""


def gold_items(doc: PolnearDocument, tokens: DocumentTokens) -> list[EvalItem]:
    """The gold attributions of ``doc`` that have a (non-empty) content span.

    Args:
        doc: The gold document.
        tokens: The word tokens of ``doc.text``.

    Returns:
        One item per scored gold attribution, in document order.
    """
    items = []
    for att in doc.attributions:
        if att.content is None:
            continue
        content = normalize_span(doc.text, att.content.segments)
        if not content:
            continue
        items.append(_gold_item(doc.text, att, content, tokens))
    return items


def _gold_item(
    text: str, att: GoldAttribution, content: Segments, tokens: DocumentTokens
) -> EvalItem:
    return EvalItem(
        content=content,
        tokens=tokens.covered(content),
        kind=att.kind,
        speech=att.is_speech,
        source=normalize_span(text, att.source.segments) if att.source else None,
        cue=normalize_span(text, att.cue.segments) if att.cue else None,
        source_text=att.source.text if att.source else "",
    )


def pred_items(
    doc: PolnearDocument, quotes: Sequence[Quote], tokens: DocumentTokens
) -> list[EvalItem]:
    """The predicted statements: quotes that share a cue are merged, discards dropped.

    Args:
        doc: The gold document (its text and ``Discard`` spans).
        quotes: The extractor's quotes for ``doc.text``.
        tokens: The word tokens of ``doc.text``.

    Returns:
        One item per statement, in the order of its first quote.
    """
    groups: dict[Any, list[Quote]] = {}
    for i, q in enumerate(quotes):
        key: Any = ("cue", q.cue.start, q.cue.end) if q.cue is not None else ("quote", i)
        groups.setdefault(key, []).append(q)
    discards = tuple(seg for span in doc.discards for seg in span.segments)
    items = []
    for parts in groups.values():
        content = normalize_span(doc.text, [(q.start, q.end) for q in parts])
        if not content or _mostly_inside(content, discards):
            continue
        kinds = {q.kind for q in parts}
        first = parts[0]
        speaker = next((q.speaker for q in parts if q.speaker is not None), None)
        items.append(
            EvalItem(
                content=content,
                tokens=tokens.covered(content),
                kind=kinds.pop() if len(kinds) == 1 else QuoteKind.MIXED,
                speech=first.cue_type is not CueType.BELIEF,
                source=(
                    normalize_span(doc.text, [(speaker.start, speaker.end)]) if speaker else None
                ),
                cue=normalize_span(doc.text, [(first.cue.start, first.cue.end)])
                if first.cue
                else None,
                speaker=speaker,
            )
        )
    return items


def _mostly_inside(content: Segments, discards: Segments) -> bool:
    if not discards:
        return False
    total = sum(b - a for a, b in content)
    inside = sum(max(0, min(b, d2) - max(a, d1)) for a, b in content for d1, d2 in discards)
    return inside * 2 >= total


def _speaker_right(pred: EvalItem, gold: EvalItem) -> bool:
    if pred.speaker is None or gold.source is None:
        return False
    if pred.source and _overlaps(pred.source, gold.source):
        return True
    last = _last_word(pred.speaker.name or "")
    return bool(last) and last == _last_word(gold.source_text)


def align(preds: list[EvalItem], golds: list[EvalItem]) -> list[tuple[float, bool, int, int]]:
    """Pair predictions and gold one-to-one, greedily by token F1 (exact matches first on ties).

    Args:
        preds: The predicted statements (`pred_items`).
        golds: The gold attributions (`gold_items`).

    Returns:
        ``(dice, exact, pred index, gold index)`` for every aligned pair.
    """
    candidates: list[tuple[float, bool, int, int]] = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            common = len(p.tokens & g.tokens)
            if not common:
                continue
            dice = 2 * common / (len(p.tokens) + len(g.tokens))
            candidates.append((dice, p.content == g.content, i, j))
    candidates.sort(key=lambda c: (-c[0], not c[1], c[2], c[3]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for dice, exact, i, j in candidates:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((dice, exact, i, j))
    return pairs


def _score(preds: list[EvalItem], golds: list[EvalItem]) -> Counts:
    counts = Counts(documents=1, n_gold=len(golds), n_pred=len(preds))
    for dice, exact, i, j in align(preds, golds):
        counts.aligned += 1
        counts.overlap += dice
        counts.exact += exact
        if dice < MATCH_THRESHOLD:
            continue
        p, g = preds[i], golds[j]
        counts.matched += 1
        counts.source += p.source == g.source
        counts.cue += p.cue == g.cue
        if g.source is not None:
            counts.speaker_checked += 1
            counts.speaker_right += _speaker_right(p, g)
    return counts


_SUBSET_FILTERS: dict[str, Callable[[EvalItem], bool]] = {
    "all": lambda item: True,
    "direct": lambda item: item.kind is QuoteKind.DIRECT,
    "indirect": lambda item: item.kind is QuoteKind.INDIRECT,
    "mixed": lambda item: item.kind is QuoteKind.MIXED,
    "speech": lambda item: item.speech,
}


def score_document(doc: PolnearDocument, quotes: Sequence[Quote]) -> dict[str, Counts]:
    """Compare the quotes predicted for one document with its gold attributions.

    Args:
        doc: The gold document.
        quotes: The extractor's quotes for ``doc.text``.

    Returns:
        Counts per subset, keyed by the names in `SUBSETS`.
    """
    tokens = DocumentTokens.of(doc.text)
    golds = gold_items(doc, tokens)
    preds = pred_items(doc, quotes, tokens)
    result = {}
    for name in SUBSETS:
        keep = _SUBSET_FILTERS[name]
        result[name] = _score([p for p in preds if keep(p)], [g for g in golds if keep(g)])
    return result
