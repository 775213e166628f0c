"""The fast backend's work grows linearly with the text, also on hostile texts (issue 16).

No wall-clock budgets: the work is counted in Python calls (a profile hook), and where
the work is inside C (regular expressions, string copies) the CPU time of a hostile
text is compared with that of an ordinary text of the same length, generously.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

import pytest

import quotes

FAST = quotes.Extractor(backend="fast")


def repeated(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


#: Made-up news on one line: quotes, speakers, reports and a claim.
NEWS = (
    "“We will not stop,” Anna Kowalski said, according to the council. She said the plan "
    "would cost more. Mayor Tom Brennan told reporters: \"It is too early.\" Officials said the "
    "road was closed. "
)

HOSTILE: dict[str, Callable[[int], str]] = {
    "long word": lambda n: "x" * (n - 20) + " word. Then he left.",
    "titles": lambda n: repeated("Mr. ", n),
    "according to": lambda n: repeated("according to ", n),
    "quotes with a pronoun": lambda n: repeated('"Yes," he said. ', n),
    "said": lambda n: repeated("said ", n),
    "capitalised cues": lambda n: repeated("Asked ", n),
    "news on one line": lambda n: repeated(NEWS, n),
    "news in paragraphs": lambda n: repeated(NEWS.replace(". ", ".\n"), n),
    "possessive names on one line": lambda n: repeated("Barack Obama's America, Ann Lee's Ohio. ", n),
}


def python_calls(text: str) -> int:
    """How many Python (and builtin) function calls extracting ``text`` makes."""
    calls = 0

    def count(_frame: object, event: str, _arg: object) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(count)
    try:
        FAST.extract(text)
    finally:
        sys.setprofile(None)
    return calls


@pytest.mark.parametrize("name", list(HOSTILE))
def test_python_work_grows_linearly(name):
    make = HOSTILE[name]
    FAST.extract("Warm up, he said.")
    small, large = python_calls(make(2_000)), python_calls(make(20_000))
    # Linear work gives 10 (less with a fixed cost); pronouns x quotes or a scan of the
    # sentence per cue gave 85-95 here.
    assert large <= 12 * small, (small, large)


def cpu_seconds(text: str) -> float:
    """The least CPU time of three extractions of ``text``."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        FAST.extract(text)
        best = min(best, time.process_time() - start)
    return best


CPU_HOSTILE: dict[str, Callable[[int], str]] = {
    "long word": HOSTILE["long word"],
    "titles": HOSTILE["titles"],
    "a run of stops": lambda n: "!" * n,
}


@pytest.mark.parametrize("name", list(CPU_HOSTILE))
def test_hostile_text_costs_no_more_than_news_of_its_length(name):
    n = 40_000
    ordinary = cpu_seconds(repeated(NEWS.replace(". ", ".\n"), n))
    # A sentence splitter that rescans the line per candidate stop took 15-30 s on these
    # (hundreds of times the news); linear work costs less than the news.
    assert cpu_seconds(CPU_HOSTILE[name](n)) <= 3 * ordinary + 0.05


@pytest.mark.parametrize("unit", ["He said ", '"Yes," he said, '])
def test_cpu_time_grows_linearly_where_the_work_is_in_c(unit):
    # A search from the clause start per cue, or the channel read to the sentence end per
    # quote: x40-x100 from 5 k to 50 k characters; linear work x10 (x15 with fixed costs).
    small, large = cpu_seconds(repeated(unit, 5_000)), cpu_seconds(repeated(unit, 50_000))
    assert large <= 25 * small, (small, large)
