r"""Score an extractor against the gold attributions of PolNeAR.

``python -m quotes evaluate PATH`` (or [`evaluate`][quotes.evaluation.evaluate.evaluate]) runs an
[`Extractor`][quotes.pipeline.Extractor] over the articles of one PolNeAR split (read
by [`quotes.evaluation.polnear`][]) and compares its quotes with the gold attributions.

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
    Matched pairs (aligned with token F1 of at least `MATCH_THRESHOLD`)
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
(``direct``/``indirect``/``mixed``, see [`classify_kind`][quotes.evaluation.polnear.classify_kind],
against ``quote.kind`` for predictions) and ``speech`` (gold cues that are not
beliefs, against predictions whose ``cue_type`` is not ``belief``). A subset is
aligned on its own: a gold direct quote predicted as ``mixed`` is a miss for
``direct`` and a false alarm for ``mixed``. Counts are summed over documents
(micro-averages).

The alignment and counting live in `quotes.evaluation.alignment`, the
report models in `quotes.evaluation.reports` and the text tables in
`quotes.evaluation.report_text`; this module re-exports their public names.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol

from quotes.evaluation.alignment import normalize_span, score_document
from quotes.evaluation.polnear import PolnearDocument, read_polnear
from quotes.evaluation.report_text import format_comparison, format_report
from quotes.evaluation.reports import (
    MATCH_THRESHOLD,
    PRF,
    SUBSETS,
    Counts,
    EvaluationReport,
    SubsetScores,
)
from quotes.models import Article, Quote, Stance

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
    "format_comparison",
    "format_report",
    "normalize_span",
    "pipeline_name",
    "score_document",
]

class QuoteSource(Protocol):
    """Anything that extracts quotes from an article, like [`Extractor`][quotes.Extractor]."""

    def extract_article(self, article: Article) -> list[Quote]:
        """Return the quotes of ``article``."""
        ...


def evaluate_documents(
    documents: Iterable[PolnearDocument],
    extractor: QuoteSource | Callable[[Article], list[Quote]],
    *,
    split: str = "dev",
    backend: str = "custom",
    pipeline: str = "custom",
    by_outlet: bool = False,
    keep_going: bool = True,
) -> EvaluationReport:
    """Run ``extractor`` on gold documents and score it.

    Args:
        documents: The gold documents (e.g. from
            [`read_polnear`][quotes.evaluation.polnear.read_polnear]).
        extractor: An object with ``extract_article(article)`` or a callable
            taking an [`Article`][quotes.models.Article].
        split: Split name recorded in the report.
        backend: Backend name recorded in the report.
        pipeline: Pipeline name recorded in the report (``rules + tagger``, ...).
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
        pipeline=pipeline,
        documents=n_docs,
        subsets={name: totals[name].scores() for name in SUBSETS},
        by_outlet={name: outlets[name].scores() for name in sorted(outlets)},
        failures=tuple(failures),
        seconds=round(time.perf_counter() - started, 3),
    )


def pipeline_name(*, tagger: bool = False, accurate: bool = False) -> str:
    """How a report names the pipeline of ``Extractor(tagger=..., accurate=...)``.

    Examples:
        >>> pipeline_name(accurate=True)
        'rules + accurate'
    """
    return "rules + accurate" if accurate else ("rules + tagger" if tagger else "rules")


def _scoring_extractor(
    backend: str, stanza_dir: str | None, *, tagger: bool, accurate: bool
) -> QuoteSource:
    """The extractor `evaluate` builds: beliefs and every stance, as PolNeAR annotates them."""
    from quotes.pipeline import Extractor

    return Extractor(
        backend=backend,
        stanza_dir=stanza_dir,
        include_beliefs=True,
        stances=Stance,
        tagger=tagger,
        accurate=accurate,
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
    accurate: bool = False,
) -> EvaluationReport:
    """Evaluate an extractor on one split of PolNeAR.

    Args:
        path: The PolNeAR folder (with ``metadata.tsv``, ``train/`` and ``dev/``).
        split: ``dev`` (default) or ``train``.
        backend: ``fast`` (default) or ``stanza``; ignored when ``extractor`` is given.
        stanza_dir: Folder with Stanza's models.
        limit: Score only the first ``limit`` documents (sorted by name).
        by_outlet: Also score each publisher separately.
        extractor: Use this instead of a new [`Extractor`][quotes.pipeline.Extractor]
            (which is created with ``include_beliefs=True`` and every stance:
            beliefs and references such as ``X criticized Y`` are part of PolNeAR
            and scored in ``all``).
        keep_going: Record failing documents instead of stopping.
        tagger: Add the learned span tagger to the new extractor
            (``Extractor(tagger=True)``); ignored when ``extractor`` is given.
        accurate: Accurate mode in the new extractor (``Extractor(accurate=True)``);
            ignored when ``extractor`` is given.

    Returns:
        The report.

    Raises:
        CorpusFormatError: ``path`` is not a PolNeAR folder, or a file is malformed.
        SegmenterUnavailableError: The Stanza backend cannot load.
    """
    documents = read_polnear(path, split, limit=limit)
    first = next(documents, None)  # check the folder before loading a backend
    pipeline = "custom"
    if extractor is None:
        extractor = _scoring_extractor(backend, stanza_dir, tagger=tagger, accurate=accurate)
        pipeline = pipeline_name(tagger=tagger, accurate=accurate)
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
        pipeline=pipeline,
        by_outlet=by_outlet,
        keep_going=keep_going,
    )
