"""Fast-path throughput of two checkouts of quotes, measured in turn (A/B).

Usage: python bench/compare_trees.py OLD_TREE NEW_TREE [--pairs 6] [--articles 300]

Each run imports `quotes` from one tree (``PYTHONPATH=TREE``) in a fresh process and
extracts the first ``--articles`` PolNeAR train articles five times with the fast
backend; the best process CPU time counts. The trees alternate so that a busy machine
slows both alike; the medians are printed last. Used for the redesign's "not slower"
check (issue 12).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_RUN = """
import pathlib, sys, time
import quotes
texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))][: int(sys.argv[2])]
ex = quotes.Extractor(backend="fast")
best = 1e9
for _ in range(5):
    t = time.process_time()
    for x in texts:
        ex.extract(x)
    best = min(best, time.process_time() - t)
print(sum(map(len, texts)) / best)
"""


def rate(tree: Path, folder: Path, articles: int) -> float:
    """Characters per CPU second of ``tree``'s fast path."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run(
        [sys.executable, "-c", _RUN, str(folder), str(articles)],
        cwd=tree, env=env, capture_output=True, text=True, check=True,
    ).stdout
    return float(out.strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--pairs", type=int, default=6)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--polnear", type=Path, default=ROOT.parent / "shared" / "polnear")
    args = parser.parse_args(argv)
    folder = args.polnear / "train" / "text"
    rates: dict[str, list[float]] = {"old": [], "new": []}
    for k in range(args.pairs):
        order = (("old", args.old), ("new", args.new)) if k % 2 == 0 else (("new", args.new), ("old", args.old))
        for name, tree in order:
            rates[name].append(rate(tree, folder, args.articles))
            print(f"{name}: {rates[name][-1] / 1e3:.0f} k chars/s", flush=True)
    for name, values in rates.items():
        print(f"median {name}: {statistics.median(values) / 1e3:.0f} k chars/s over {len(values)} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
