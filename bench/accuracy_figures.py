"""PolNeAR dev accuracy of the rules, rules + tagger and rules + accurate mode, as the README table.

Usage: python bench/accuracy_figures.py [--polnear ../shared/polnear] [--split dev]
           [--markdown docs/_figures/accuracy.md]

Runs ``quotes.evaluation.evaluate`` (the same code as ``python -m quotes evaluate
../shared/polnear --split dev`` and its ``--tagger`` and ``--accurate`` runs) on the fast
backend (accurate mode needs ``quotes[model]``) and
prints the table; with ``--markdown FILE`` it also writes it, with the command and the
date, for README (``python scripts/sync_figures.py``) and the docs to quote.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotes import __version__  # noqa: E402
from quotes.evaluation.evaluate import evaluate  # noqa: E402
from quotes.evaluation.reports import PRF, EvaluationReport  # noqa: E402

#: (subset, label) rows: the rules' row, then rules + tagger where the tagger adds something.
ROWS = (
    ("all", "all attributions"),
    ("direct", "direct"),
    ("indirect", "indirect"),
    ("mixed", "mixed"),
    ("speech", "speech only"),
)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


def _prf(prf: PRF) -> str:
    return f"{_pct(prf.precision)} / {_pct(prf.recall)} / **{_pct(prf.f1)}**"


def table(
    rules: EvaluationReport, tagged: EvaluationReport, accurate: EvaluationReport
) -> list[str]:
    """The README table: one row per subset and extractor (a learned row only where it differs)."""
    out = [
        "| subset | gold | pred | content exact P / R / F1 | content overlap F1 | source exact F1 "
        "| cue exact F1 | speaker right |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for key, label in ROWS:
        runs = (("rules", rules), ("rules + tagger", tagged), ("rules + accurate", accurate))
        for name, report in runs:
            s = report.subsets[key]
            if name != "rules" and s == rules.subsets[key]:
                continue  # the model leaves this subset as the rules find it
            out.append(
                f"| {label}, {name} | {s.n_gold} | {s.n_pred} | {_prf(s.content_exact)} "
                f"| {_pct(s.content_overlap.f1)} | {_pct(s.source_exact.f1)} "
                f"| {_pct(s.cue_exact.f1)} | {_pct(s.speaker_right)} |"
            )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", default=str(ROOT.parent / "shared" / "polnear"))
    parser.add_argument("--split", default="dev")
    parser.add_argument("--markdown", metavar="FILE", help="also write the table to FILE")
    args = parser.parse_args(argv)
    rules = evaluate(args.polnear, args.split, backend="fast")
    tagged = evaluate(args.polnear, args.split, backend="fast", tagger=True)
    accurate = evaluate(args.polnear, args.split, backend="fast", accurate=True)
    lines = table(rules, tagged, accurate)
    print("\n".join(lines))
    if args.markdown:
        header = [
            f"`python bench/accuracy_figures.py --markdown {args.markdown}` "
            f"({dt.date.today().isoformat()}, quotes {__version__}, PolNeAR {args.split}, "
            f"{rules.documents} documents, fast backend; in %):",
            "",
        ]
        Path(args.markdown).write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
