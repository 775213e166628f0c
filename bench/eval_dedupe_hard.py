"""Pairwise precision and recall of ``quotes.dedupe`` on the hard labelled pair set.

``bench/data/dedupe_hard_pairs.jsonl`` holds hand-labelled pairs of quotes from
PolNeAR *train* (same speaker, dates within days or a year apart, different
articles): paraphrases of one statement, verbatim repeats, partial statements, and
hard negatives (another claim of the same speaker, a claim and its denial, the same
words on another occasion, another speaker with the same name). The guide the
labels follow is ``bench/data/dedupe_hard_guide.md``.

Every quote of the chosen split is deduped in ONE call per mode (as users run it:
a whole corpus at once). A labelled pair is predicted "same" when both of its
quotes land in one cluster. Tune on ``--split tune``; report on ``--split report``.

Usage::

    python bench/eval_dedupe_hard.py [--split tune|report|all] [--pairs FILE]
        [--modes verbatim,statement,semantic] [--cross-article] [--markdown] [--errors]

``--cross-article`` scores only the pairs whose quotes come from two articles (the
quotes of the other pairs are still deduped with them).

The ``semantic`` mode is reported as skipped when the ``quotes[semantic]`` extra is
missing.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from quotes.dedupe import MODES, dedupe, quote_from_record
from quotes.errors import CorpusFormatError, DependencyError
from quotes.models import Quote

HERE = Path(__file__).resolve().parent
DEFAULT_PAIRS = HERE / "data" / "dedupe_hard_pairs.jsonl"
SPLITS = ("tune", "report", "all")
LABELS = ("same", "different")

#: A member key: where a quote sits (article, start, end).
MemberKey = tuple[str, int, int]


def load_pairs(path: Path, split: str = "all") -> list[dict[str, Any]]:
    """Read the labelled pairs of one split (one JSON object a line).

    Args:
        path: The JSON Lines file.
        split: ``tune``, ``report`` or ``all``.

    Raises:
        CorpusFormatError: A line is not JSON, or a pair lacks `label`, `split`,
            `a` or `b`, or has an unknown label; the message names the line.
    """
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; choose one of: {', '.join(SPLITS)}")
    pairs = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                pair = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CorpusFormatError(f"{where}: not JSON: {exc.msg}") from None
            missing = [k for k in ("label", "split", "a", "b") if k not in pair]
            if missing or pair["label"] not in LABELS:
                reason = f"missing {', '.join(missing)}" if missing else f"label {pair['label']!r}"
                raise CorpusFormatError(f"{where}: not a labelled pair: {reason}")
            if split == "all" or pair["split"] == split:
                pairs.append(pair)
    return pairs


def member_key(side: dict[str, Any]) -> MemberKey:
    """Where one side of a pair sits: ``(article, start, end)``."""
    return side["article"], side["start"], side["end"]


def split_quotes(pairs: Iterable[dict[str, Any]]) -> dict[MemberKey, Quote]:
    """Every distinct quote of the pairs, built as `dedupe` reads a record."""
    quotes: dict[MemberKey, Quote] = {}
    for pair in pairs:
        for name in ("a", "b"):
            side = pair[name]
            if member_key(side) in quotes:
                continue
            record = dict(side)
            if isinstance(side.get("speaker"), str) and side.get("speaker_type"):
                record["speaker"] = {"name": side["speaker"], "type": side["speaker_type"]}
            quotes[member_key(side)] = quote_from_record(record, where=f"{pair.get('id')}.{name}")
    return quotes


@dataclass
class PairScore:
    """Pair counts of one mode on one split, overall and per category.

    Attributes:
        mode: The dedupe mode.
        counts: ``tp``, ``fp``, ``fn``, ``tn`` over all pairs.
        by_category: For each category, ``(pairs predicted same, pairs)``.
        errors: ``(outcome, pair)`` for every wrong pair (``fp`` or ``fn``).
    """

    mode: str
    counts: Counter[str] = field(default_factory=Counter)
    by_category: dict[str, tuple[int, int]] = field(default_factory=dict)
    errors: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Share of the pairs predicted same that are labelled same (1 when none)."""
        predicted = self.counts["tp"] + self.counts["fp"]
        return self.counts["tp"] / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        """Share of the pairs labelled same that are predicted same (1 when none)."""
        labelled = self.counts["tp"] + self.counts["fn"]
        return self.counts["tp"] / labelled if labelled else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_clusters(
    pairs: Sequence[dict[str, Any]], cluster_of: dict[MemberKey, str], mode: str = ""
) -> PairScore:
    """Score labelled pairs against a clustering (member key -> cluster id).

    Examples:
        >>> side = lambda n: {"article": n, "start": 0, "end": 1}
        >>> pairs = [{"label": "same", "category": "paraphrase", "a": side("x"), "b": side("y")}]
        >>> score_clusters(pairs, {("x", 0, 1): "c1", ("y", 0, 1): "c2"}).recall
        0.0
    """
    result = PairScore(mode)
    merged: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for pair in pairs:
        predicted = cluster_of[member_key(pair["a"])] == cluster_of[member_key(pair["b"])]
        labelled = pair["label"] == "same"
        outcome = {(True, True): "tp", (False, True): "fp", (True, False): "fn"}.get(
            (labelled, predicted), "tn"
        )
        result.counts[outcome] += 1
        category = pair.get("category") or pair["label"]
        seen[category] += 1
        merged[category] += predicted
        if outcome in ("fp", "fn"):
            result.errors.append((outcome, pair))
    result.by_category = {c: (merged[c], seen[c]) for c in sorted(seen)}
    return result


def evaluate(
    pairs: Sequence[dict[str, Any]], mode: str, *, cross_article: bool = False, **options: Any
) -> PairScore:
    """Dedupe all quotes of ``pairs`` together in ``mode`` and score the pairs.

    Args:
        pairs: Labelled pairs (one split).
        mode: A mode of `quotes.dedupe.dedupe`.
        cross_article: Score only the pairs whose quotes come from two articles.
        **options: Passed to `dedupe` (thresholds, ``encoder``).

    Raises:
        DependencyError: The mode needs an extra that is not installed.
    """
    quotes = split_quotes(pairs)
    cluster_of: dict[MemberKey, str] = {}
    for cluster in dedupe(list(quotes.values()), mode=mode, **options):  # type: ignore[arg-type]
        for m in cluster.members:
            cluster_of[(m.article or "", m.start, m.end)] = cluster.id
    if cross_article:
        pairs = [p for p in pairs if p["a"]["article"] != p["b"]["article"]]
    return score_clusters(pairs, cluster_of, mode)


def category_labels(pairs: Iterable[dict[str, Any]]) -> dict[str, str]:
    """The label of each category (categories are all-same or all-different)."""
    return {p.get("category") or p["label"]: p["label"] for p in pairs}


def format_table(
    scores: Sequence[PairScore | tuple[str, str]], labels: dict[str, str], markdown: bool
) -> str:
    """The table of one split: P/R/F1 and counts, then each category's rate per mode.

    For a ``same`` category the rate is its recall (pairs merged); for a
    ``different`` category it is the share kept apart. A ``(mode, reason)`` tuple
    stands for a mode that was skipped.
    """
    cats = sorted(labels, key=lambda c: (labels[c] != "same", c))
    header = ["mode", "precision", "recall", "F1", "tp", "fp", "fn", "tn"]
    header += [f"{c} {'merged' if labels[c] == 'same' else 'apart'}" for c in cats]
    rows = []
    for s in scores:
        if not isinstance(s, PairScore):
            rows.append([s[0], f"skipped: {s[1]}"] + [""] * (len(header) - 2))
            continue
        c = s.counts
        row = [s.mode, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}"]
        row += [str(c[k]) for k in ("tp", "fp", "fn", "tn")]
        for cat in cats:
            merged, total = s.by_category.get(cat, (0, 0))
            kept = merged if labels[cat] == "same" else total - merged
            row.append(f"{kept / total:.2f} ({kept}/{total})" if total else "-")
        rows.append(row)
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(lines)
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in [header, *rows]]
    return "\n".join(line.rstrip() for line in lines)


def run(
    pairs: Sequence[dict[str, Any]],
    modes: Sequence[str],
    evaluate_mode: Callable[[Sequence[dict[str, Any]], str], PairScore] = evaluate,
) -> list[PairScore | tuple[str, str]]:
    """Score every mode; a mode whose extra is missing gives ``(mode, reason)``."""
    scores: list[PairScore | tuple[str, str]] = []
    for mode in modes:
        try:
            scores.append(evaluate_mode(pairs, mode))
        except DependencyError as exc:
            scores.append((mode, str(exc).splitlines()[0]))
    return scores


def summary(pairs: Sequence[dict[str, Any]], split: str) -> str:
    """One line: how many pairs of each label and category the split has."""
    labels = Counter(p["label"] for p in pairs)
    cats = Counter(p.get("category") or p["label"] for p in pairs)
    quotes = len({member_key(p[s]) for p in pairs for s in ("a", "b")})
    parts = ", ".join(f"{c} {n}" for c, n in sorted(cats.items()))
    return (
        f"split {split}: {len(pairs)} pairs on {quotes} quotes "
        f"({labels['same']} same, {labels['different']} different; {parts})"
    )


def main(argv: list[str] | None = None) -> int:
    """Command line: print the table of each mode on one split."""
    parser = argparse.ArgumentParser(description="Pair P/R/F1 of quotes.dedupe on the hard set.")
    parser.add_argument("--pairs", type=Path, default=DEFAULT_PAIRS)
    parser.add_argument("--split", choices=SPLITS, default="tune")
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument(
        "--cross-article", action="store_true", help="score only pairs from two articles"
    )
    parser.add_argument("--markdown", action="store_true", help="a Markdown table")
    parser.add_argument("--errors", action="store_true", help="list the wrong pairs")
    args = parser.parse_args(argv)
    pairs = load_pairs(args.pairs, args.split)
    print(summary(pairs, args.split))
    print()
    if args.cross_article:
        scored = [p for p in pairs if p["a"]["article"] != p["b"]["article"]]
        print(f"scoring the {len(scored)} pairs whose quotes come from two articles")
    scores = run(pairs, args.modes.split(","), partial(evaluate, cross_article=args.cross_article))
    print(format_table(scores, category_labels(pairs), args.markdown))
    if args.errors:
        for s in scores:
            if isinstance(s, PairScore):
                print(f"\n{s.mode}:")
                for outcome, pair in s.errors:
                    print(f"  {outcome} {pair.get('id')} {pair.get('category')}")
                    print(f"     a [{pair['a'].get('speaker')}] {pair['a']['text'][:110]}")
                    print(f"     b [{pair['b'].get('speaker')}] {pair['b']['text'][:110]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
