"""Throughput of each backend in characters per second (model loading excluded).

Usage: python bench/bench_throughput.py [--polnear ../shared/polnear] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path
from typing import Callable

import quotes

ROOT = Path(__file__).resolve().parents[1]


def texts_from(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def measure(extract: Callable[[str], list], texts: list[str], repeat: int) -> tuple[float, int]:
    chars = sum(len(t) for t in texts)
    best = float("inf")
    found = 0
    for _ in range(repeat):
        start = time.perf_counter()
        found = sum(len(extract(t)) for t in texts)
        best = min(best, time.perf_counter() - start)
    return chars / best, found


def direct_only(extractor: quotes.Extractor) -> Callable[[str], list]:
    """The pipeline without reported speech: direct quotes and their attribution only."""
    from quotes.attribution.direct import attribute_direct
    from quotes.document import Document

    def run(text: str) -> list:
        ctx = Document.build(quotes.Article(text=text), extractor.segmenter)
        return attribute_direct(ctx, extractor.segmenter)[0]

    return run


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--polnear", default=str(ROOT.parent / "shared" / "polnear"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    corpora = {"seeds": texts_from(ROOT / "seeds")}
    dev = Path(args.polnear) / "dev" / "text"
    if dev.is_dir():
        corpora["polnear-dev"] = texts_from(dev)
    stanza_dir = os.environ.get("QUOTES_STANZA_DIR", str(ROOT.parent / "shared" / "stanza_resources"))
    print(f"{'backend':8} {'corpus':12} {'chars':>9} {'quotes':>7} {'chars/s':>12}")
    for backend in ("fast", "stanza"):
        t0 = time.perf_counter()
        ex = quotes.Extractor(backend=backend, stanza_dir=stanza_dir)
        load = time.perf_counter() - t0
        for name, texts in corpora.items():
            rate, found = measure(ex.extract, texts, args.repeat if backend == "fast" else 1)
            print(f"{backend:8} {name:12} {sum(map(len, texts)):9,} {found:7,} {rate:12,.0f}")
            if backend == "fast":
                rate, found = measure(direct_only(ex), texts, args.repeat)
                print(f"{'  direct':8} {name:12} {sum(map(len, texts)):9,} {found:7,} {rate:12,.0f}  (direct quotes only)")
        print(f"{backend:8} (load {load:.2f} s)")


if __name__ == "__main__":
    main()
