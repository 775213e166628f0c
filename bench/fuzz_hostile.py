"""Fuzz `quotes.extract` with generated hostile texts: crashes, offsets, serialisation, time.

Usage: python bench/fuzz_hostile.py [--texts 20000] [--stanza-texts 300] [--seed 0]
           [--max-chars 4000]

Each text is built from a seeded random mix of made-up news sentences, every quote-mark
character, every Unicode line break (CR, CRLF, U+2028, ...), zero-width and combining
characters, right-to-left text, emoji, control characters, long words and cue words. For
each text and backend it counts:

* crashes: any exception that is not a `quotes.QuotesError` (a refusal with a clear error,
  e.g. for a lone surrogate, is counted apart);
* offset mismatches: a quote whose ``text[q.start:q.end]`` is not ``q.text`` or whose
  speaker or cue offsets do not slice their mention;
* unwritable records: a quote whose ``model_dump_json()`` fails;
* slowest text relative to news: CPU time of the text divided by the CPU time of made-up
  news of the same length (measured once per length bucket).

Nothing here is a test: it is the campaign behind the hostile-input figures in the
closing notes and docs. It prints one summary line per backend.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import quotes  # noqa: E402

#: Every quotation-mark character the library knows, plus look-alikes.
MARKS = list("\"'“”‘’„‚«»‹›「」『』`´″′") + ["``", "''", "--", "—", "–"]
#: Unicode line breaks.
BREAKS = ["\n", "\r", "\r\n", "\u2028", "\u2029", "\x85", "\v", "\f", "\n\n"]
#: Characters that often break text code.
ODD = ["\u200b", "\u200c", "\u200d", "\ufeff", "\ud800", "\u0301", "\u0308", "\u202e", "\u202c",
       "שלום", "مرحبا", "😀", "👩‍👩‍👧", "\x00", "\x07", "\x1b", "\t", "\u00a0", "ﬁ", "İ"]  # fmt: skip
WORDS = ("the minister said that Peskov told Reuters according to officials he she it they "
         "Mr. Dr. President Putin Zelenskyy Kremlin Ministry of Defense spokesman denied "
         "claimed added warned asked whether in a statement on Telegram citing sources "
         "Moscow Kyiv ceasefire talks would continue next week").split()  # fmt: skip
SENTENCES = [
    '"We are ready to talk," Peskov said.',
    "The ministry said on Tuesday that the talks would resume next week.",
    "According to Ukrainian officials, the strike hit a power plant.",
    "Putin said Moscow would 'propose and is ready to work with' Kyiv.",
    "“It is a signal,” a Kremlin spokesman, Dmitry Peskov, told Interfax.",
    "She denied the report, saying it was false.",
    "Asked whether the deal was dead, he said: “Not yet.”",
]


def hostile_text(rng: random.Random, max_chars: int) -> str:
    """One random text of at most about ``max_chars`` characters."""
    parts: list[str] = []
    size = 0
    target = rng.randint(1, max_chars)
    while size < target:
        pick = rng.random()
        if pick < 0.35:
            piece = rng.choice(SENTENCES)
        elif pick < 0.55:
            piece = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 12)))
        elif pick < 0.7:
            piece = rng.choice(MARKS)
        elif pick < 0.8:
            piece = rng.choice(BREAKS)
        elif pick < 0.9:
            piece = rng.choice(ODD)
        elif pick < 0.95:
            piece = rng.choice("xa.\"'") * rng.randint(50, 2000)  # a long word or run
        else:
            piece = rng.choice(SENTENCES).replace("\"", rng.choice(MARKS))
        parts.append(piece)
        parts.append(rng.choice([" ", " ", "", "\n"]))
        size += len(piece) + 1
    return "".join(parts)[: max_chars]


def news_text(n: int) -> str:
    """Made-up news of length ``n`` (the reference cost)."""
    body = "\n\n".join(SENTENCES * (n // 300 + 2))
    return body[:n]


@dataclass
class Tally:
    """What one backend's run found."""

    texts: int = 0
    refused: int = 0
    refusals: dict[str, int] = field(default_factory=dict)
    crashes: int = 0
    offset_mismatches: int = 0
    unwritable: int = 0
    quotes: int = 0
    worst_ratio: float = 0.0
    worst_len: int = 0
    worst_text: str = ""
    examples: list[str] = field(default_factory=list)


def _check(text: str, found: list[quotes.Quote], tally: Tally) -> None:
    for q in found:
        tally.quotes += 1
        bad = text[q.start : q.end] != q.text
        if q.speaker is not None and q.speaker.start is not None:
            bad |= text[q.speaker.start : q.speaker.end] != q.speaker.mention
        if q.cue is not None:
            bad |= text[q.cue.start : q.cue.end] != q.cue.text
        tally.offset_mismatches += bad
        try:
            q.model_dump_json()
        except Exception:  # noqa: BLE001 - counting, not handling
            tally.unwritable += 1


def run(backend: str, n: int, seed: int, max_chars: int) -> Tally:
    """Fuzz one backend with ``n`` texts."""
    extractor = quotes.Extractor(backend=backend)
    extractor.extract("Warm up. \"We are ready,\" Peskov said.")
    rng = random.Random(seed)
    reference: dict[int, float] = {}
    tally = Tally()
    for _ in range(n):
        text = hostile_text(rng, max_chars)
        tally.texts += 1
        t0 = time.process_time()
        try:
            found = extractor.extract(text)
        except quotes.QuotesError as exc:
            tally.refused += 1
            name = type(exc).__name__
            tally.refusals[name] = tally.refusals.get(name, 0) + 1
            continue
        except Exception as exc:  # noqa: BLE001 - a crash is what we count
            tally.crashes += 1
            if len(tally.examples) < 5:
                tally.examples.append(f"{type(exc).__name__}: {exc} on {text[:80]!r}")
            continue
        spent = time.process_time() - t0
        _check(text, found, tally)
        bucket = max(1000, round(len(text), -3))
        if bucket not in reference:
            news = news_text(bucket)
            r0 = time.process_time()
            for _ in range(3):
                extractor.extract(news)
            reference[bucket] = (time.process_time() - r0) / 3 * len(text) / bucket
        ratio = spent / max(reference[bucket], 1e-4)
        if ratio > tally.worst_ratio:
            tally.worst_ratio, tally.worst_len, tally.worst_text = ratio, len(text), text
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=int, default=20000, help="texts for the fast backend")
    parser.add_argument("--stanza-texts", type=int, default=300, help="texts for Stanza (0: skip)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--max-chars", type=int, default=4000)
    args = parser.parse_args(argv)
    for backend, n in (("fast", args.texts), ("stanza", args.stanza_texts)):
        if n <= 0:
            continue
        t = run(backend, n, args.seed, args.max_chars)
        print(
            f"{backend}: {t.texts} texts, {t.quotes} quotes, {t.crashes} crashes, "
            f"{t.refused} refused with a QuotesError {t.refusals}, {t.offset_mismatches} offset mismatches, "
            f"{t.unwritable} unwritable records; slowest text {t.worst_ratio:.1f}x the CPU time "
            f"of news of its length ({t.worst_len} chars)"
        )
        if t.worst_text:  # time it again: one slow run may be the machine, not the text
            r0 = time.process_time()
            quotes.Extractor(backend=backend).extract(t.worst_text)
            again = time.process_time() - r0
            common = Counter(t.worst_text).most_common(3)
            print(f"  slowest text again: {again:.3f} CPU s; its commonest characters: {common}")
        for example in t.examples:
            print("  crash:", example)
    return 0


if __name__ == "__main__":
    sys.exit(main())
