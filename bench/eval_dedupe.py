"""Pairwise precision and recall of ``quotes.dedupe.cluster`` on a labelled pair set.

Every quote of ``bench/data/dedupe_pairs.jsonl`` (pairs from the seeds and from
PolNeAR *train* quotes that recur across articles, each labelled "same statement"
or "different") is put into one corpus and deduped once per mode. A labelled pair
is predicted "same" when both quotes land in one cluster.

Usage::

    python bench/eval_dedupe.py [--pairs FILE] [--modes verbatim,statement,semantic]
        [--errors]

The ``semantic`` mode is skipped when the ``quotes[semantic]`` extra is missing.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from quotes.dedupe.cluster import MODES, dedupe
from quotes.errors import DependencyError
from quotes.models import Quote, Speaker, SpeakerType

HERE = Path(__file__).resolve().parent
DEFAULT_PAIRS = HERE / "data" / "dedupe_pairs.jsonl"


def to_quote(side: dict[str, Any]) -> Quote:
    """Build a `Quote` from one side of a labelled pair."""
    name = side.get("speaker")
    speaker = None
    if name:
        speaker = Speaker(
            name=name,
            mention=name,
            start=0,
            end=0,
            type=SpeakerType(side.get("speaker_type") or "person"),
        )
    return Quote(
        text=side["text"],
        start=side["start"],
        end=side["end"],
        kind=side["kind"],
        speaker=speaker,
        article=side["article"],
        outlet=side.get("outlet"),
        published=side.get("published"),
    )


def load_pairs(path: Path) -> list[dict[str, Any]]:
    """Read the labelled pairs (one JSON object a line)."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def key(side: dict[str, Any]) -> tuple[str, int, int]:
    """The member key of one side."""
    return side["article"], side["start"], side["end"]


def evaluate(pairs: list[dict[str, Any]], mode: str, **options: Any) -> dict[str, Any]:
    """Dedupe all quotes of ``pairs`` in ``mode``; return counts, P, R, F1 and errors."""
    quotes: dict[tuple[str, int, int], Quote] = {}
    for pair in pairs:
        for side in (pair["a"], pair["b"]):
            quotes.setdefault(key(side), to_quote(side))
    cluster_of: dict[tuple[str, int, int], str] = {}
    for cluster in dedupe(quotes.values(), mode=mode, **options):
        for m in cluster.members:
            cluster_of[(m.article or "", m.start, m.end)] = cluster.id
    counts: Counter[str] = Counter()
    errors = []
    for pair in pairs:
        predicted = cluster_of[key(pair["a"])] == cluster_of[key(pair["b"])]
        outcome = {(True, True): "tp", (False, True): "fp", (True, False): "fn"}.get(
            (pair["same"], predicted), "tn"
        )
        counts[outcome] += 1
        counts[f"{pair['source']}:{outcome}"] += 1
        if outcome in ("fp", "fn"):
            errors.append((outcome, pair))
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"counts": counts, "precision": precision, "recall": recall, "f1": f1, "errors": errors}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Pairwise P/R/F1 of quotes.dedupe.cluster per mode.")
    parser.add_argument("--pairs", type=Path, default=DEFAULT_PAIRS)
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--errors", action="store_true", help="list the wrong pairs")
    args = parser.parse_args(argv)
    pairs = load_pairs(args.pairs)
    same = sum(p["same"] for p in pairs)
    print(f"{len(pairs)} labelled pairs ({same} same statement, {len(pairs) - same} different)")
    print(f"{'mode':<10} {'precision':>9} {'recall':>7} {'F1':>6}   tp  fp  fn   tn")
    for mode in args.modes.split(","):
        try:
            result = evaluate(pairs, mode)
        except DependencyError as exc:
            print(f"{mode:<10} skipped: {exc}")
            continue
        c = result["counts"]
        print(
            f"{mode:<10} {result['precision']:>9.3f} {result['recall']:>7.3f} "
            f"{result['f1']:>6.3f} {c['tp']:>4} {c['fp']:>3} {c['fn']:>3} {c['tn']:>4}"
        )
        if args.errors:
            for outcome, pair in result["errors"]:
                print(f"    {outcome} {pair['id']} ({pair['note']})")
                print(f"       a [{pair['a']['speaker']}] {pair['a']['text'][:110]}")
                print(f"       b [{pair['b']['speaker']}] {pair['b']['text'][:110]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
