"""Time of the fast backend on hostile texts of growing length: is every step linear?

Usage: python bench/bench_complexity.py [--sizes 10000 100000 1000000] [--cap 60]
           [--patterns NAME ...] [--polnear ../shared/polnear] [--markdown FILE]

Each pattern (a crafted article an attacker or a broken archive could hand us, and
ordinary news as the reference) is built at each size and run through
``quotes.extract`` in its own subprocess, so one pathological case cannot hang the
script: a run that uses more than ``--cap`` CPU seconds is stopped and reported as ``>cap``, and the
larger sizes of that pattern are skipped. Times are CPU seconds of the extraction alone
(``time.process_time``; building the text and loading the rules excluded). ``×10`` is the
growth of the time from one size to the next (sizes ten times apart): linear work gives
about 10, quadratic work 100. With ``--markdown FILE`` the table is also written to FILE
with the command, the machine and the date (``docs/_figures/complexity.md``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shlex
import subprocess
import sys

try:
    import resource
except ImportError:  # not on Windows: only the wall-clock limit applies there
    resource = None  # type: ignore[assignment]
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
DEFAULT_SIZES = (10_000, 100_000, 1_000_000)


def repeated(unit: str, n: int) -> str:
    """``unit`` repeated until the text has exactly ``n`` characters."""
    return (unit * (n // len(unit) + 1))[:n]


def long_word(n: int) -> str:
    tail = " word. Then he left."
    return "x" * max(n - len(tail), 1) + tail


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


def seeds_one_line(n: int) -> str:
    return repeated(" ".join(t.replace("\n", " ") for t in seed_texts()) + " ", n)


def seeds_repeated(n: int) -> str:
    return repeated("\n\n".join(seed_texts()) + "\n\n", n)


def news(n: int, polnear: str) -> str:
    """PolNeAR train articles one after the other (repeated past the corpus's length)."""
    folder = Path(polnear) / "train" / "text"
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        raise SystemExit(f"no PolNeAR train texts in {folder}: pass --polnear")
    parts, total = [], 0
    while total < n:
        for path in paths:
            parts.append(path.read_text(encoding="utf-8"))
            total += len(parts[-1]) + 2
            if total >= n:
                break
    return "\n\n".join(parts)[:n]


PATTERNS: dict[str, Callable[..., str]] = {
    "long word": long_word,
    '"Mr. " * k': lambda n: repeated("Mr. ", n),
    '"according to " * k': lambda n: repeated("according to ", n),
    "'\"Yes,\" he said. ' * k": lambda n: repeated('"Yes," he said. ', n),
    '"said " * k': lambda n: repeated("said ", n),
    "seeds on one line": seeds_one_line,
    "seeds repeated": seeds_repeated,
    "news (PolNeAR train)": news,
}
KEYS = {name: f"p{i}" for i, name in enumerate(PATTERNS)}


def build(name: str, n: int, polnear: str) -> str:
    make = PATTERNS[name]
    return make(n, polnear) if make is news else make(n)


def one(key: str, n: int, polnear: str, cap: float) -> None:
    """Child process: build one text, extract, print ``seconds quotes``.

    The extraction may use ``cap`` CPU seconds (``RLIMIT_CPU``, where the system has it).
    """
    import math
    import time

    import quotes

    name = next(name for name, k in KEYS.items() if k == key)
    text = build(name, n, polnear)
    extractor = quotes.Extractor(backend="fast", max_chars=max(n, 1) + 1)
    extractor.extract("Warm up, he said.")
    if resource is not None:
        seconds = math.ceil(time.process_time() + cap) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 5))
    start = time.process_time()
    found = extractor.extract(text)
    print(f"{time.process_time() - start:.4f} {len(found)}")


def measure(name: str, n: int, cap: float, polnear: str) -> float | None:
    """CPU seconds of one case, or None when it used more than ``cap`` CPU seconds.

    The child's extraction gets ``cap`` CPU seconds (``RLIMIT_CPU``, where the system
    has it) and the child ten times that in wall-clock time, so a loaded machine does
    not turn a slow case into a timeout.
    """
    command = [sys.executable, __file__, "--one", KEYS[name], str(n), "--polnear", polnear,
               "--cap", str(cap)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=10 * cap + 60)
    except subprocess.TimeoutExpired:
        return None
    if done.returncode < 0:  # killed by SIGXCPU (or SIGKILL past the hard limit)
        return None
    if done.returncode != 0:
        raise SystemExit(f"{name} at {n:,}: {done.stderr[-2000:]}")
    seconds = float(done.stdout.split()[0])
    return None if seconds > cap else seconds


def size_text(n: int) -> str:
    return f"{n // 1_000_000} M" if n % 1_000_000 == 0 else f"{n // 1000} k"


def cell(t: float | None | str, cap: float) -> str:
    if isinstance(t, str):
        return t
    return f">{cap:g} s" if t is None else f"{t:.3g} s"


def growth(a: float | None | str, b: float | None | str) -> str:
    if isinstance(a, float) and isinstance(b, float) and a > 0:
        return f"{b / a:.1f}"
    if isinstance(a, float) and b is None:
        return "(timeout)"
    return "-"


def table(times: dict[str, list], sizes: list[int], cap: float) -> list[str]:
    head = ["pattern", *(size_text(n) for n in sizes),
            *(f"×10 {size_text(a)}→{size_text(b)}" for a, b in zip(sizes, sizes[1:]))]
    lines = ["| " + " | ".join(head) + " |", "|---" * len(head) + "|"]
    for name, row in times.items():
        cells = [cell(t, cap) for t in row]
        cells += [growth(a, b) for a, b in zip(row, row[1:])]
        lines.append(f"| `{name}` | " + " | ".join(cells) + " |")
    return lines


def run(names: list[str], sizes: list[int], cap: float, polnear: str) -> dict[str, list]:
    times: dict[str, list] = {}
    for name in names:
        row: list = []
        for n in sizes:
            if row and not isinstance(row[-1], float):
                row.append("skipped")
                continue
            row.append(measure(name, n, cap, polnear))
            print(f"{name:28} {n:>10,} {cell(row[-1], cap)}", flush=True)
        times[name] = row
    return times


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=list(DEFAULT_SIZES))
    parser.add_argument("--cap", type=float, default=60.0, help="CPU seconds per case (default 60)")
    parser.add_argument("--patterns", nargs="+", choices=list(KEYS.values()),
                        help="pattern keys: " + ", ".join(f"{k}={n}" for n, k in KEYS.items()))
    shared = os.environ.get("QUOTES_SHARED", str(ROOT.parent / "shared"))
    parser.add_argument("--polnear", default=str(Path(shared) / "polnear"))
    parser.add_argument("--markdown", metavar="FILE", help="also write the table to FILE")
    parser.add_argument("--one", nargs=2, metavar=("KEY", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        one(args.one[0], int(args.one[1]), args.polnear, args.cap)
        return
    names = [n for n, k in KEYS.items() if not args.patterns or k in args.patterns]
    times = run(names, args.sizes, args.cap, args.polnear)
    lines = table(times, args.sizes, args.cap)
    print("\n".join(lines))
    if args.markdown:
        from bench_throughput import machine

        command = shlex.join(["python", "bench/bench_complexity.py", *(argv or sys.argv[1:])])
        when = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        head = ["<!-- Written by bench/bench_complexity.py --markdown: do not edit by hand. -->",
                f"Measured {when} with `{command}` on {machine()}. CPU seconds of `quotes.extract` "
                f"on the fast backend, one subprocess per case, stopped after {args.cap:g} CPU s.", ""]
        Path(args.markdown).parent.mkdir(parents=True, exist_ok=True)
        Path(args.markdown).write_text("\n".join(head + lines) + "\n", encoding="utf-8")
        print(f"wrote {args.markdown}")


if __name__ == "__main__":
    main()
