"""Time and memory of ``quotes.dedupe.cluster`` on synthetic corpora of 10k, 100k and 1M quotes.

Each corpus is built from realistic variants: statements are word sequences drawn
(Zipf-like) from the seed articles' vocabulary; speakers follow a Zipf law, are
written in several forms (``Dmitry Peskov``, ``Peskov``, ``Kremlin spokesman
Dmitry Peskov``) and are unknown for 8% of the quotes; each statement recurs in
about four articles, verbatim or with other quotation marks, case or punctuation,
cut short, cut with an ellipsis, or with one word changed.

Each size runs in its own process, so the peak resident memory (``ru_maxrss``) is
that run's; the table gives the memory the corpus itself takes and the extra peak
during dedupe, and the growth of time from one size to the next.

``--vocabulary growing`` draws the words from a vocabulary that grows with the
corpus, as news text does (Heaps' law: about ``44 * tokens ** 0.5`` distinct words,
some 61,000 at 100k quotes and 194,000 at 1M): the seed words, most frequent first,
then made-up words, all weighted by Zipf's law (``1 / rank``). The default
(``fixed``) keeps the 1,453 seed words at every size, so their postings, and the
candidate pairs of each quote, grow with the corpus; real corpora lie between the
two.

``--multi P`` makes a fraction ``P`` of the statements three sentences long (about
0.35 of the quotes for ``P = 0.5``), to measure the clause-by-clause scoring of the
``statement`` mode; by default every statement is one sentence.

Usage::

    python bench/bench_dedupe.py [--sizes 10000,100000,1000000] [--modes verbatim,statement]
        [--multi 0.5] [--vocabulary fixed|growing]
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from itertools import accumulate
from pathlib import Path
from typing import Literal, cast

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "seeds"
Mode = Literal["statement", "verbatim", "semantic"]
TITLES = ["", "", "", "spokesman ", "President ", "Senator ", "Minister "]
SYLLABLES = ["ka", "ri", "mo", "sen", "dra", "vol", "pe", "skov", "lin", "ta", "ber", "no", "zhe"]
#: Heaps' law for the ``growing`` vocabulary: ``HEAPS_K * tokens ** HEAPS_BETA`` words.
HEAPS_K, HEAPS_BETA = 44.0, 0.5
#: Mean words per statement (statements have 8 to 30 words).
MEAN_WORDS = 19


def vocabulary() -> tuple[list[str], list[int]]:
    """Words of the seed articles and their counts (for Zipf-like sampling)."""
    counts: Counter[str] = Counter()
    for path in sorted(SEEDS.glob("*.txt")):
        counts.update(re.findall(r"[A-Za-z][a-z']+", path.read_text(encoding="utf-8")))
    words = sorted(counts)
    return words, [counts[w] for w in words]


def made_up_word(k: int) -> str:
    """The ``k``-th made-up word: ``k`` written in base 13 with syllables for digits."""
    out = []
    k += len(SYLLABLES)  # at least two syllables
    while k:
        k, digit = divmod(k, len(SYLLABLES))
        out.append(SYLLABLES[digit])
    return "".join(reversed(out)) + "t"


def growing_vocabulary(n: int) -> tuple[list[str], list[float]]:
    """A vocabulary of Heaps'-law size for ``n`` quotes, weighted by Zipf's law.

    The seed words come first (most frequent first), then made-up words; the word of
    rank ``r`` has weight ``1 / r``.
    """
    seed, counts = vocabulary()
    ranked = [w for _, w in sorted(zip((-c for c in counts), seed, strict=True))]
    size = max(len(ranked), int(HEAPS_K * (n * MEAN_WORDS) ** HEAPS_BETA))
    words = ranked + [made_up_word(k) for k in range(size - len(ranked))]
    return words, [1.0 / (r + 1) for r in range(len(words))]


def names(rng: random.Random, n: int) -> list[tuple[str, str]]:
    """``n`` distinct (first, last) names made of syllables."""
    syl = SYLLABLES
    out: set[tuple[str, str]] = set()
    while len(out) < n:
        first = "".join(rng.choice(syl) for _ in range(rng.randint(2, 3))).capitalize()
        last = "".join(rng.choice(syl) for _ in range(rng.randint(2, 4))).capitalize()
        out.add((first, last))
    return sorted(out)


def variant(rng: random.Random, words: list[str], vocab: list[str]) -> str:
    """One rendering of a statement."""
    r = rng.random()
    text = " ".join(words)
    if r < 0.45:
        return text + "."
    if r < 0.60:
        return "“" + text.upper() if rng.random() < 0.3 else "'" + text.lower() + ",'"
    if r < 0.72:
        return " ".join(words[: max(5, len(words) * 2 // 3)])
    if r < 0.84:
        cut = rng.randint(3, len(words) - 3)
        return " ".join(words[:cut]) + " … " + " ".join(words[cut + 2 :])
    w = list(words)
    w[rng.randrange(len(w))] = rng.choice(vocab)
    return " ".join(w) + "."


def corpus(n: int, seed: int = 5, multi: float = 0.0, vocab_kind: str = "fixed") -> list:
    """``n`` synthetic quotes (as ``Quote`` models).

    A fraction ``multi`` of the statements (of twelve words or more) are three
    sentences rather than one, which the ``statement`` mode scores clause by clause.
    ``vocab_kind`` is ``fixed`` (the seed words) or ``growing`` (`growing_vocabulary`).
    """
    from quotes.models import Quote, QuoteKind, Speaker, SpeakerType

    rng = random.Random(seed)
    vocab, weights = growing_vocabulary(n) if vocab_kind == "growing" else vocabulary()
    people = names(rng, max(50, n // 50))
    speaker_weights = [1.0 / (i + 1) ** 0.9 for i in range(len(people))]
    # Cumulative weights summed once: the draws are those of ``weights=`` (which
    # sums them on every call, in time proportional to the vocabulary or the people).
    word_cum = list(accumulate(weights))
    speaker_cum = list(accumulate(speaker_weights))
    quotes: list = []
    statement = 0
    while len(quotes) < n:
        statement += 1
        words = rng.choices(vocab, cum_weights=word_cum, k=rng.randint(8, 30))
        if multi and len(words) >= 12 and rng.random() < multi:
            for k in rng.sample(range(4, len(words) - 3), 2):
                words[k - 1] += "."
                words[k] = words[k].capitalize()
        first, last = rng.choices(people, cum_weights=speaker_cum)[0]
        for _ in range(min(1 + int(rng.expovariate(1 / 3.0)), n - len(quotes))):
            text = variant(rng, words, vocab)
            form = rng.random()
            if form < 0.08:
                speaker = None
            else:
                name = (
                    last
                    if form < 0.35
                    else f"{rng.choice(TITLES)}{first} {last}"
                    if form < 0.5
                    else f"{first} {last}"
                )
                speaker = Speaker.model_construct(
                    name=name, mention=name, start=0, end=len(name), type=SpeakerType.PERSON
                )
            article = f"a{rng.randrange(max(1, n // 8)):07d}"
            start = rng.randrange(20_000)
            quotes.append(
                Quote.model_construct(
                    text=text,
                    start=start,
                    end=start + len(text),
                    kind=QuoteKind.DIRECT if rng.random() < 0.8 else QuoteKind.INDIRECT,
                    speaker=speaker,
                    article=article,
                    outlet=rng.choice(["DW", "Reuters", "AP", "AFP", None]),
                    published=None,
                )
            )
    return quotes


def rss_mib() -> float:
    """Peak resident memory of this process so far, MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_one(n: int, mode: str, multi: float = 0.0, vocab_kind: str = "fixed") -> dict:
    """Build a corpus of ``n`` quotes and dedupe it once; return the figures."""
    from quotes.dedupe.cluster import dedupe

    t0 = time.perf_counter()
    gc.disable()  # a million small models, no cycles: collections only cost time
    quotes = corpus(n, multi=multi, vocab_kind=vocab_kind)
    gc.enable()
    built = time.perf_counter() - t0
    before = rss_mib()
    t1 = time.perf_counter()
    clusters = dedupe(quotes, mode=cast(Mode, mode))  # dedupe() checks the mode
    seconds = time.perf_counter() - t1
    return {
        "n": n,
        "mode": mode,
        "seconds": round(seconds, 2),
        "clusters": len(clusters),
        "corpus_mib": round(before, 1),
        "peak_extra_mib": round(max(rss_mib() - before, 0.0), 1),
        "build_seconds": round(built, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Benchmark quotes.dedupe.cluster on synthetic corpora."
    )
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--modes", default="verbatim,statement")
    parser.add_argument(
        "--multi",
        type=float,
        default=0.0,
        help="fraction of statements made of three sentences (default 0)",
    )
    parser.add_argument(
        "--vocabulary",
        choices=["fixed", "growing"],
        default="fixed",
        help="the seed words at every size (default), or a Heaps'-law vocabulary",
    )
    parser.add_argument("--one", nargs=2, metavar=("N", "MODE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(int(args.one[0]), args.one[1], args.multi, args.vocabulary)))
        return 0
    print(
        f"{'mode':<10} {'quotes':>9} {'seconds':>8} {'growth':>7} {'clusters':>9} "
        f"{'corpus MiB':>10} {'dedupe peak +MiB':>16}"
    )
    for mode in args.modes.split(","):
        previous = None
        for n in (int(s) for s in args.sizes.split(",")):
            out = subprocess.run(
                [sys.executable, __file__, "--one", str(n), mode, "--multi", str(args.multi)]
                + ["--vocabulary", args.vocabulary],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            r = json.loads(out.strip().splitlines()[-1])
            growth = f"x{r['seconds'] / previous:.1f}" if previous else "-"
            previous = r["seconds"] or 0.01
            print(
                f"{mode:<10} {n:>9,} {r['seconds']:>8.2f} {growth:>7} {r['clusters']:>9,} "
                f"{r['corpus_mib']:>10.0f} {r['peak_extra_mib']:>16.0f}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
