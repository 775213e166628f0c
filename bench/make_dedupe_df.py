"""Build ``quotes/data/dedupe_df.tsv``: background document frequencies of content terms.

The ``statement`` dedupe mode weights the content terms of quotes by rarity. In a
small corpus the corpus's own frequencies say little, so they are averaged with
these background frequencies, counted over the sentences of the PolNeAR *train*
articles (never dev). Only terms in at least ``--min-df`` sentences are kept;
missing terms count as rare.

Usage::

    python bench/make_dedupe_df.py [--polnear ../shared/polnear] [--min-df 3]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from quotes.dedupe.text import content_terms, normalize_text

ROOT = Path(__file__).resolve().parent.parent
SENTENCE_RE = re.compile(r"(?<=[.!?])\s+|\n+")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=ROOT.parent / "shared" / "polnear")
    parser.add_argument("--min-df", type=int, default=3)
    parser.add_argument("-o", type=Path, default=ROOT / "quotes" / "data" / "dedupe_df.tsv")
    args = parser.parse_args()
    df: Counter[str] = Counter()
    docs = 0
    for path in sorted((args.polnear / "train" / "text").glob("*.txt")):
        for sentence in SENTENCE_RE.split(path.read_text(encoding="utf-8")):
            if len(sentence) < 20:
                continue
            docs += 1
            df.update(content_terms(normalize_text(sentence)))
    rows = sorted((t, c) for t, c in df.items() if c >= args.min_df)
    with args.o.open("w", encoding="utf-8", newline="\n") as out:
        out.write("# content-term sentence frequencies, PolNeAR train; bench/make_dedupe_df.py\n")
        out.write(f"#docs\t{docs}\n")
        for term, count in rows:
            out.write(f"{term}\t{count}\n")
    print(f"{args.o}: {len(rows)} terms over {docs} sentences")


if __name__ == "__main__":
    main()
