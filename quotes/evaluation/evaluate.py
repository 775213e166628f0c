r"""Score an extractor against the gold attributions of PolNeAR.

``python -m quotes evaluate PATH`` (or :func:`evaluate`) runs an
:class:`~quotes.pipeline.Extractor` over the articles of one PolNeAR split (read
by :mod:`quotes.evaluation.polnear`) and compares its quotes with the gold attributions.

How a prediction is compared with a gold attribution:

* **Edge normalisation.** A span is reduced to its word characters: whitespace,
  quotation marks of every style and punctuation are stripped from both ends
  of each piece, and pieces separated only by such characters are joined.
  Gold content includes its quotation marks and ``Quote.text`` of a direct
  quote does not; after normalisation ``“We are ready,”`` and ``We are ready,``
  are the same span.
* **Statements.** Predicted quotes that share a cue (same offsets) are two
  parts of one statement (``"A," he said, "B."``) and are scored as one
  discontinuous prediction, as PolNeAR annotates them.
* **Alignment.** Each prediction is paired one-to-one with a gold attribution
  of the same document: candidate pairs are scored by the token F1 (Dice
  coefficient) of their content, ``2·|P∩G| / (|P|+|G|)``, where ``P`` and ``G``
  are the sets of word tokens (``\w+``) the two contents touch; pairs are taken
  greedily from the highest score down (exact matches first on ties), each
  prediction and each gold attribution at most once.
* **Discard.** Predictions mostly inside a gold ``Discard`` span (text outside
  the article body) are dropped before scoring. Gold attributions without a
  Content span are not scored.

Metrics, each as precision (over predictions), recall (over gold) and F1:

``content exact``
    Aligned pairs whose normalised contents are identical.
``content overlap``
    Soft match: the token F1 of each aligned pair, summed; precision divides
    the sum by the number of predictions, recall by the number of gold
    attributions (a perfect prediction scores 1, a half-overlapping one about 0.5).
``source exact``
    Matched pairs (aligned with token F1 of at least :data:`MATCH_THRESHOLD`)
    whose speaker mention (``quote.speaker.start/end``) equals the gold Source
    span after normalisation (both missing also counts). ``source acc`` is the
    same count over matched pairs only: the speaker accuracy of found quotes.
``cue exact``
    Likewise for ``quote.cue`` against the gold Cue span.
``speaker right``
    Over matched pairs whose gold has a Source: the fraction where the speaker
    mention overlaps the gold Source, or the last word of the canonical
    ``speaker.name`` equals the last word of the gold Source (``Peskov`` for
    ``Kremlin spokesman Dmitry Peskov``). It forgives resolved pronouns and
    partial mentions that ``source exact`` does not.

Scores are reported for all attributions and per subset: gold kind
(``direct``/``indirect``/``mixed``, see :func:`~quotes.evaluation.polnear.classify_kind`,
against ``quote.kind`` for predictions) and ``speech`` (gold cues that are not
beliefs, against predictions whose ``cue_type`` is not ``belief``). A subset is
aligned on its own: a gold direct quote predicted as ``mixed`` is a miss for
``direct`` and a false alarm for ``mixed``. Counts are summed over documents
(micro-averages).
"""

from __future__ import annotations

import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict

from quotes.models import Article, CueType, Quote, QuoteKind, Speaker
from quotes.evaluation.polnear import WORD_RE, GoldAttribution, PolnearDocument, read_polnear

__all__ = [
    "MATCH_THRESHOLD",
    "SUBSETS",
    "Counts",
    "EvaluationReport",
    "PRF",
    "QuoteSource",
    "SubsetScores",
    "evaluate",
    "evaluate_documents",
    "format_report",
    "normalize_span",
    "score_document",
]

#: Token F1 from which an aligned pair counts as matched for the source, cue and
#: speaker metrics.
MATCH_THRESHOLD = 0.5

#: The subsets reported, in order.
SUBSETS: tuple[str, ...] = ("all", "direct", "indirect", "mixed", "speech")

#: Exit status for a bad corpus path or an unusable backend.
EXIT_USAGE = 2
#: Exit status when some documents could not be extracted (the rest were scored).
EXIT_SOME_FAILED = 1

Segments = tuple[tuple[int, int], ...]


class QuoteSource(Protocol):
    """Anything that extracts quotes from an article, like :class:`~quotes.pipeline.Extractor`."""

    def extract_article(self, article: Article) -> list[Quote]:
        """Return the quotes of ``article``."""
        ...


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PRF(_Frozen):
    """Precision, recall and F1, each from 0 to 1.

    Attributes:
        precision: Share of the predictions that are right.
        recall: Share of the gold attributions that were found.
        f1: Harmonic mean of precision and recall.
    """

    precision: float
    recall: float
    f1: float

    @classmethod
    def from_counts(cls, hits_pred: float, hits_gold: float, n_pred: int, n_gold: int) -> PRF:
        """Compute the scores from hit counts and totals (empty totals give 0).

        Args:
            hits_pred: Right predictions (or the sum of their soft scores).
            hits_gold: Found gold attributions (or the sum of their soft scores).
            n_pred: Number of predictions.
            n_gold: Number of gold attributions.

        >>> PRF.from_counts(1, 1, 2, 4)
        PRF(precision=0.5, recall=0.25, f1=0.3333333333333333)
        """
        p = hits_pred / n_pred if n_pred else 0.0
        r = hits_gold / n_gold if n_gold else 0.0
        return cls(precision=p, recall=r, f1=2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Counts:
    """Raw counts of one subset, summed over documents.

    Attributes:
        documents: Documents counted.
        n_gold: Gold attributions (with content).
        n_pred: Predictions (statements, after merging parts and dropping discards).
        aligned: Aligned prediction/gold pairs (token F1 above 0).
        matched: Aligned pairs with token F1 of at least :data:`MATCH_THRESHOLD`.
        exact: Aligned pairs with identical normalised content.
        overlap: Sum of the token F1 of the aligned pairs.
        source: Matched pairs with the exact source.
        cue: Matched pairs with the exact cue.
        speaker_checked: Matched pairs whose gold has a Source.
        speaker_right: Of those, pairs whose speaker is right (see module docs).
    """

    documents: int = 0
    n_gold: int = 0
    n_pred: int = 0
    aligned: int = 0
    matched: int = 0
    exact: int = 0
    overlap: float = 0.0
    source: int = 0
    cue: int = 0
    speaker_checked: int = 0
    speaker_right: int = 0

    def add(self, other: Counts) -> None:
        """Add ``other``'s counts to these, in place."""
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def scores(self) -> SubsetScores:
        """Turn the counts into :class:`SubsetScores`."""
        return SubsetScores(
            documents=self.documents,
            n_gold=self.n_gold,
            n_pred=self.n_pred,
            n_matched=self.matched,
            content_exact=PRF.from_counts(self.exact, self.exact, self.n_pred, self.n_gold),
            content_overlap=PRF.from_counts(self.overlap, self.overlap, self.n_pred, self.n_gold),
            source_exact=PRF.from_counts(self.source, self.source, self.n_pred, self.n_gold),
            cue_exact=PRF.from_counts(self.cue, self.cue, self.n_pred, self.n_gold),
            source_accuracy=self.source / self.matched if self.matched else None,
            cue_accuracy=self.cue / self.matched if self.matched else None,
            speaker_right=(
                self.speaker_right / self.speaker_checked if self.speaker_checked else None
            ),
        )


class SubsetScores(_Frozen):
    """The scores of one subset of attributions.

    Attributes:
        documents: Documents scored.
        n_gold: Gold attributions in the subset.
        n_pred: Predictions in the subset.
        n_matched: Aligned pairs with token F1 of at least :data:`MATCH_THRESHOLD`.
        content_exact: Content spans identical after edge normalisation.
        content_overlap: Soft content match (token F1 of aligned pairs).
        source_exact: Found and given the exact source span.
        cue_exact: Found and given the exact cue span.
        source_accuracy: Exact sources among matched pairs, or ``None`` if none matched.
        cue_accuracy: Exact cues among matched pairs, or ``None``.
        speaker_right: Right speakers among matched pairs with a gold Source, or ``None``.
    """

    documents: int
    n_gold: int
    n_pred: int
    n_matched: int
    content_exact: PRF
    content_overlap: PRF
    source_exact: PRF
    cue_exact: PRF
    source_accuracy: float | None = None
    cue_accuracy: float | None = None
    speaker_right: float | None = None


class EvaluationReport(_Frozen):
    """The result of :func:`evaluate`.

    Attributes:
        split: The PolNeAR split scored.
        backend: The extractor's backend name.
        documents: Documents scored.
        subsets: Scores per subset, keyed by the names in :data:`SUBSETS`.
        by_outlet: Scores of all attributions per publisher (empty unless asked for).
        failures: ``NAME: error`` for each document whose extraction raised; its
            gold attributions count as missed.
        seconds: Wall-clock time of extraction and scoring.
    """

    split: str
    backend: str
    documents: int
    subsets: dict[str, SubsetScores]
    by_outlet: dict[str, SubsetScores] = {}
    failures: tuple[str, ...] = ()
    seconds: float = 0.0


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
class _Tokens:
    """Word tokens of one document, for token-set lookups."""

    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, text: str) -> _Tokens:
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
class _Item:
    """One side of the comparison: a gold attribution or a predicted statement."""

    content: Segments
    tokens: frozenset[int]
    kind: QuoteKind | None
    speech: bool
    source: Segments | None
    cue: Segments | None
    speaker: Speaker | None = None
    source_text: str = ""


def _gold_items(doc: PolnearDocument, tokens: _Tokens) -> list[_Item]:
    items = []
    for att in doc.attributions:
        if att.content is None:
            continue
        content = normalize_span(doc.text, att.content.segments)
        if not content:
            continue
        items.append(_gold_item(doc.text, att, content, tokens))
    return items


def _gold_item(text: str, att: GoldAttribution, content: Segments, tokens: _Tokens) -> _Item:
    return _Item(
        content=content,
        tokens=tokens.covered(content),
        kind=att.kind,
        speech=att.is_speech,
        source=normalize_span(text, att.source.segments) if att.source else None,
        cue=normalize_span(text, att.cue.segments) if att.cue else None,
        source_text=att.source.text if att.source else "",
    )


def _pred_items(doc: PolnearDocument, quotes: Sequence[Quote], tokens: _Tokens) -> list[_Item]:
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
            _Item(
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


def _speaker_right(pred: _Item, gold: _Item) -> bool:
    if pred.speaker is None or gold.source is None:
        return False
    if pred.source and _overlaps(pred.source, gold.source):
        return True
    last = _last_word(pred.speaker.name)
    return bool(last) and last == _last_word(gold.source_text)


def _align(preds: list[_Item], golds: list[_Item]) -> list[tuple[float, bool, int, int]]:
    """Pair predictions and gold one-to-one, greedily by token F1 (exact matches first on ties).

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


def _score(preds: list[_Item], golds: list[_Item]) -> Counts:
    counts = Counts(documents=1, n_gold=len(golds), n_pred=len(preds))
    for dice, exact, i, j in _align(preds, golds):
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


_SUBSET_FILTERS: dict[str, Callable[[_Item], bool]] = {
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
        Counts per subset, keyed by the names in :data:`SUBSETS`.
    """
    tokens = _Tokens.of(doc.text)
    golds = _gold_items(doc, tokens)
    preds = _pred_items(doc, quotes, tokens)
    result = {}
    for name in SUBSETS:
        keep = _SUBSET_FILTERS[name]
        result[name] = _score([p for p in preds if keep(p)], [g for g in golds if keep(g)])
    return result


# --------------------------------------------------------------------------- running


def evaluate_documents(
    documents: Iterable[PolnearDocument],
    extractor: QuoteSource | Callable[[Article], list[Quote]],
    *,
    split: str = "dev",
    backend: str = "custom",
    by_outlet: bool = False,
    keep_going: bool = True,
) -> EvaluationReport:
    """Run ``extractor`` on gold documents and score it.

    Args:
        documents: The gold documents (e.g. from :func:`~quotes.evaluation.polnear.read_polnear`).
        extractor: An object with ``extract_article(article)`` or a callable
            taking an :class:`~quotes.models.Article`.
        split: Split name recorded in the report.
        backend: Backend name recorded in the report.
        by_outlet: Also score each publisher separately.
        keep_going: Record a document whose extraction raises as a failure (its
            gold counts as missed) instead of stopping.

    Returns:
        The report.
    """
    extract: Callable[[Article], list[Quote]] = (
        extractor.extract_article if hasattr(extractor, "extract_article") else extractor  # type: ignore[assignment,union-attr]
    )
    started = time.perf_counter()
    totals = {name: Counts() for name in SUBSETS}
    outlets: dict[str, Counts] = {}
    failures: list[str] = []
    n_docs = 0
    for doc in documents:
        n_docs += 1
        article = Article(text=doc.text, id=doc.name, outlet=doc.publisher, published=doc.published)
        try:
            quotes = list(extract(article))
        except Exception as exc:  # noqa: BLE001 - a harness records and goes on
            if not keep_going:
                raise
            failures.append(f"{doc.name}: {type(exc).__name__}: {exc}")
            quotes = []
        counts = score_document(doc, quotes)
        for name in SUBSETS:
            totals[name].add(counts[name])
        if by_outlet:
            outlets.setdefault(doc.publisher or "unknown", Counts()).add(counts["all"])
    return EvaluationReport(
        split=split,
        backend=backend,
        documents=n_docs,
        subsets={name: totals[name].scores() for name in SUBSETS},
        by_outlet={name: outlets[name].scores() for name in sorted(outlets)},
        failures=tuple(failures),
        seconds=round(time.perf_counter() - started, 3),
    )


def evaluate(
    path: str | Path,
    split: str = "dev",
    backend: str = "fast",
    *,
    stanza_dir: str | None = None,
    limit: int | None = None,
    by_outlet: bool = False,
    extractor: QuoteSource | Callable[[Article], list[Quote]] | None = None,
    keep_going: bool = True,
    tagger: bool = False,
) -> EvaluationReport:
    """Evaluate an extractor on one split of PolNeAR.

    Args:
        path: The PolNeAR folder (with ``metadata.tsv``, ``train/`` and ``dev/``).
        split: ``dev`` (default) or ``train``.
        backend: ``fast`` (default) or ``stanza``; ignored when ``extractor`` is given.
        stanza_dir: Folder with Stanza's models.
        limit: Score only the first ``limit`` documents (sorted by name).
        by_outlet: Also score each publisher separately.
        extractor: Use this instead of a new :class:`~quotes.pipeline.Extractor`
            (which is created with ``include_beliefs=True``: beliefs are part of
            PolNeAR and scored in ``all``).
        keep_going: Record failing documents instead of stopping.
        tagger: Add the learned span tagger to the new extractor
            (``Extractor(tagger=True)``); ignored when ``extractor`` is given.

    Returns:
        The report.

    Raises:
        CorpusFormatError: ``path`` is not a PolNeAR folder, or a file is malformed.
        SegmenterUnavailableError: The Stanza backend cannot load.
    """
    documents = read_polnear(path, split, limit=limit)
    first = next(documents, None)  # check the folder before loading a backend
    name = backend
    if extractor is None:
        from quotes.pipeline import Extractor

        made = Extractor(backend=backend, stanza_dir=stanza_dir, include_beliefs=True, tagger=tagger)
        name = made.backend
        extractor = made
    else:
        name = getattr(extractor, "backend", None) or "custom"

    def chained() -> Iterable[PolnearDocument]:
        if first is not None:
            yield first
            yield from documents

    return evaluate_documents(
        chained(),
        extractor,
        split=split,
        backend=str(name),
        by_outlet=by_outlet,
        keep_going=keep_going,
    )


# --------------------------------------------------------------------------- output


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
    lines = []
    for k, row in enumerate([headers, *rows]):
        cells = [
            str(c).ljust(widths[i]) if i == 0 else str(c).rjust(widths[i])
            for i, c in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _prf_cells(prf: PRF) -> list[str]:
    return [_pct(prf.precision), _pct(prf.recall), _pct(prf.f1)]


def format_report(report: EvaluationReport) -> str:
    """Render a report as aligned plain-text tables (percentages).

    Args:
        report: The report.

    Returns:
        The text, ending with a newline.
    """
    s = report.subsets
    out = [
        f"PolNeAR {report.split}: {report.documents} documents, backend {report.backend}, "
        f"{s['all'].n_gold} gold attributions, {s['all'].n_pred} predicted "
        f"({report.seconds:.1f} s)",
        "",
        "Content (P/R/F1 in %; exact after edge normalisation; "
        "overlap = token F1 of aligned pairs)",
        _table(
            ["subset", "gold", "pred", "exact P", "R", "F1", "overlap P", "R", "F1"],
            [
                [name, str(v.n_gold), str(v.n_pred)]
                + _prf_cells(v.content_exact)
                + _prf_cells(v.content_overlap)
                for name, v in s.items()
            ],
        ),
        "",
        f"Source and cue (matched = aligned with token F1 >= {MATCH_THRESHOLD}; "
        "acc = exact among matched)",
        _table(
            [
                "subset",
                "matched",
                "source P",
                "R",
                "F1",
                "acc",
                "cue P",
                "R",
                "F1",
                "acc",
                "speaker right",
            ],
            [
                [name, str(v.n_matched)]
                + _prf_cells(v.source_exact)
                + [_pct(v.source_accuracy)]
                + _prf_cells(v.cue_exact)
                + [_pct(v.cue_accuracy), _pct(v.speaker_right)]
                for name, v in s.items()
            ],
        ),
    ]
    if report.by_outlet:
        out += [
            "",
            "By outlet (all attributions)",
            _table(
                [
                    "outlet",
                    "docs",
                    "gold",
                    "pred",
                    "exact F1",
                    "overlap F1",
                    "source F1",
                    "cue F1",
                    "speaker right",
                ],
                [
                    [
                        name,
                        str(v.documents),
                        str(v.n_gold),
                        str(v.n_pred),
                        _pct(v.content_exact.f1),
                        _pct(v.content_overlap.f1),
                        _pct(v.source_exact.f1),
                        _pct(v.cue_exact.f1),
                        _pct(v.speaker_right),
                    ]
                    for name, v in report.by_outlet.items()
                ],
            ),
        ]
    if report.failures:
        out += ["", f"{len(report.failures)} document(s) failed; their gold counts as missed."]
    return "\n".join(out) + "\n"

