"""Plain-text rendering of an [`EvaluationReport`][quotes.evaluation.reports.EvaluationReport]."""

from __future__ import annotations

from collections.abc import Sequence

from quotes.evaluation.reports import MATCH_THRESHOLD, PRF, EvaluationReport, SubsetScores

__all__ = ["format_comparison", "format_report"]


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], left: int = 1) -> str:
    """Aligned columns: the first ``left`` ones flush left, the others flush right."""
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
    lines = []
    for k, row in enumerate([headers, *rows]):
        cells = [
            str(c).ljust(widths[i]) if i < left else str(c).rjust(widths[i])
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
        _content_table(s),
        "",
        f"Source and cue (matched = aligned with token F1 >= {MATCH_THRESHOLD}; "
        "acc = exact among matched)",
        _source_table(s),
    ]
    if report.by_outlet:
        out += ["", "By outlet (all attributions)", _outlet_table(report.by_outlet)]
    if report.failures:
        out += ["", f"{len(report.failures)} document(s) failed; their gold counts as missed."]
    return "\n".join(out) + "\n"


def format_comparison(reports: Sequence[EvaluationReport]) -> str:
    """Render several reports of one split side by side: a row per subset and pipeline.

    Each row gives the predictions, content exact P/R/F1, content overlap F1, source
    and cue exact F1 and speaker right (in %), so that ``rules`` and ``rules +
    accurate`` (say) read one above the other.

    Args:
        reports: The reports, in the order their rows are wanted within a subset.

    Returns:
        The text, ending with a newline.
    """
    first = reports[0]
    rows = []
    for name in first.subsets:
        for report in reports:
            v = report.subsets[name]
            rows.append(
                [name, report.pipeline, str(v.n_gold), str(v.n_pred)]
                + _prf_cells(v.content_exact)
                + [_pct(v.content_overlap.f1), _pct(v.source_exact.f1), _pct(v.cue_exact.f1)]
                + [_pct(v.speaker_right)]
            )
    headers = ["subset", "pipeline", "gold", "pred", "exact P", "R", "F1"]
    headers += ["overlap F1", "source F1", "cue F1", "speaker right"]
    title = (
        f"Side by side: PolNeAR {first.split}, {first.documents} documents, backend "
        f"{first.backend} (content exact P/R/F1, overlap F1, source and cue exact F1, in %)"
    )
    return f"{title}\n{_table(headers, rows, left=2)}\n"


def _content_table(subsets: dict[str, SubsetScores]) -> str:
    """The content table: gold, predicted, exact and overlap P/R/F1 per subset."""
    return _table(
        ["subset", "gold", "pred", "exact P", "R", "F1", "overlap P", "R", "F1"],
        [
            [name, str(v.n_gold), str(v.n_pred)]
            + _prf_cells(v.content_exact)
            + _prf_cells(v.content_overlap)
            for name, v in subsets.items()
        ],
    )


def _source_table(subsets: dict[str, SubsetScores]) -> str:
    """The source and cue table: P/R/F1 and accuracy of each, and speaker right, per subset."""
    return _table(
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
            for name, v in subsets.items()
        ],
    )


def _outlet_table(by_outlet: dict[str, SubsetScores]) -> str:
    """The table per outlet: counts and the F1 of each metric over all attributions."""
    return _table(
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
            for name, v in by_outlet.items()
        ],
    )
