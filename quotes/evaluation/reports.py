"""The scores of an evaluation: `PRF`, `Counts`, `SubsetScores`, the report."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

__all__ = ["MATCH_THRESHOLD", "SUBSETS", "PRF", "Counts", "EvaluationReport", "SubsetScores"]

#: Token F1 from which an aligned pair counts as matched for the source, cue and
#: speaker metrics.
MATCH_THRESHOLD = 0.5

#: The subsets reported, in order.
SUBSETS: tuple[str, ...] = ("all", "direct", "indirect", "mixed", "speech")


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

        Examples:
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
        matched: Aligned pairs with token F1 of at least `MATCH_THRESHOLD`.
        exact: Aligned pairs with identical normalised content.
        overlap: Sum of the token F1 of the aligned pairs.
        source: Matched pairs with the exact source.
        cue: Matched pairs with the exact cue.
        speaker_checked: Matched pairs whose gold has a Source.
        speaker_right: Of those, pairs whose speaker is right (see
            [`quotes.evaluation.evaluate`][]).
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
        """Turn the counts into [`SubsetScores`][quotes.evaluation.reports.SubsetScores]."""
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
        n_matched: Aligned pairs with token F1 of at least `MATCH_THRESHOLD`.
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
    """The result of [`evaluate`][quotes.evaluation.evaluate.evaluate].

    Attributes:
        split: The PolNeAR split scored.
        backend: The extractor's backend name.
        pipeline: What extracted: ``rules``, ``rules + tagger``, ``rules + accurate``,
            or ``custom`` for an extractor given by the caller.
        documents: Documents scored.
        subsets: Scores per subset, keyed by the names in `SUBSETS`.
        by_outlet: Scores of all attributions per publisher (empty unless asked for).
        failures: ``NAME: error`` for each document whose extraction raised; its
            gold attributions count as missed.
        seconds: Wall-clock time of extraction and scoring.
    """

    split: str
    backend: str
    pipeline: str = "custom"
    documents: int
    subsets: dict[str, SubsetScores]
    by_outlet: dict[str, SubsetScores] = {}
    failures: tuple[str, ...] = ()
    seconds: float = 0.0
