"""Throughput of each backend in characters per second (model loading excluded).

Usage: python bench/bench_throughput.py [--polnear ../shared/polnear] [--repeat 3]
           [--backends fast tagger accurate stanza] [--markdown docs/_figures/throughput.md]
           [--textacy-python /tmp/textacy-venv/bin/python [--textacy-model en_core_web_sm]]

``fast`` rows are the best of ``--repeat`` runs; ``tagger`` (fast + the learned tagger),
``accurate`` (fast + accurate mode, the ``quotes[model]`` extra) and ``stanza`` rows one run
each (they are slow). Each row prints its model load time. With ``--textacy-python PYTHON``
the same run also measures textacy's direct quotations on spaCy's small English pipeline
(one run) in that Python, a separate virtual environment with spaCy, textacy and the model
(``bench/textacy_quotes.py``; nothing of it is installed beside ``quotes``).
With ``--markdown FILE`` the figures
are also written to FILE with the command, the machine and the date; the docs and the
README quote that file (``python scripts/sync_figures.py`` copies it into the README).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shlex
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import quotes

ROOT = Path(__file__).resolve().parents[1]
BACKENDS = ("fast", "tagger", "accurate", "stanza")
LABELS = {
    "fast": "fast (all kinds)",
    "direct": "fast, direct quotes only",
    "tagger": "fast + tagger (`--tagger`)",
    "accurate": "fast + accurate mode (`--accurate`)",
    "stanza": "stanza (tokenize + mwt)",
    "textacy": "textacy + spaCy sm (direct quotes only)",
}


@dataclass
class Row:
    """One measurement: a pipeline on a corpus."""

    pipeline: str
    corpus: str
    chars: int
    quotes: int
    rate: float


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


def pipelines(backend: str, stanza_dir: str) -> tuple[dict[str, Callable[[str], list]], float]:
    """The pipelines one backend measures, and the time it took to load."""
    t0 = time.perf_counter()
    if backend == "stanza":
        ex = quotes.Extractor(backend="stanza", stanza_dir=stanza_dir)
    else:
        ex = quotes.Extractor(
            backend="fast", tagger=backend == "tagger", accurate=backend == "accurate"
        )
    load = time.perf_counter() - t0
    if backend == "fast":
        return {"fast": ex.extract, "direct": direct_only(ex)}, load
    return {backend: ex.extract}, load


def run(
    corpora: dict[str, list[str]], backends: list[str], repeat: int, stanza_dir: str
) -> list[Row]:
    rows = []
    print(f"{'pipeline':8} {'corpus':12} {'chars':>9} {'quotes':>7} {'chars/s':>12}")
    for backend in backends:
        runs, load = pipelines(backend, stanza_dir)
        for name, texts in corpora.items():
            for pipeline, extract in runs.items():
                rate, found = measure(extract, texts, repeat if backend == "fast" else 1)
                rows.append(Row(pipeline, name, sum(map(len, texts)), found, rate))
                print(f"{pipeline:8} {name:12} {rows[-1].chars:9,} {found:7,} {rate:12,.0f}")
        print(f"{backend:8} (load {load:.2f} s)")
    return rows


def textacy_rows(python: str, model: str, folders: dict[str, Path]) -> list[Row]:
    """textacy's direct quotations with spaCy ``model``, run by ``python`` (another venv).

    Raises:
        SystemExit: The script failed (no spaCy, textacy or model there): its error is shown.
    """
    script = ROOT / "bench" / "textacy_quotes.py"
    args = [python, str(script), model, *(f"{name}={path}" for name, path in folders.items())]
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"textacy run failed ({' '.join(args)}):\n{done.stderr[-2000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    rows = []
    for name, row in result["corpora"].items():
        rows.append(Row("textacy", name, row["chars"], row["quotes"], row["rate"]))
        print(f"{'textacy':8} {name:12} {row['chars']:9,} {row['quotes']:7,} {row['rate']:12,.0f}"
              f"  ({row['refused']} articles refused: unbalanced quotation marks)")
    load, model_name = result["load"], result["model"]
    print(f"{'textacy':8} (load {load:.2f} s; {model_name}, spaCy {result['spacy']})")
    return rows


def rate_text(rate: float) -> str:
    """``0.92 M chars/s``, ``43 k chars/s`` or ``0.7 k chars/s``."""
    if rate >= 1e5:
        return f"{rate / 1e6:.2f} M chars/s"
    return f"{rate / 1e3:.0f} k chars/s" if rate >= 1e4 else f"{rate / 1e3:.1f} k chars/s"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            names = (ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name"))
            cpu = next(names, cpu)
    except OSError:
        pass
    load = ""
    if hasattr(os, "getloadavg"):
        load = f", load average {os.getloadavg()[0]:.1f} at the end"
    return (f"{platform.system()} {platform.machine()}, {cpu}, {os.cpu_count()} cores{load}, "
            f"Python {platform.python_version()}, quotes {quotes.__version__}")


def markdown(rows: list[Row], command: str, repeat: int) -> str:
    """The figures as Markdown: what was run, where and when, then one table."""
    corpora = list(dict.fromkeys(r.corpus for r in rows))
    by = {(r.pipeline, r.corpus): r for r in rows}
    chars = {r.corpus: r.chars for r in rows}
    when = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "<!-- Written by bench/bench_throughput.py --markdown: do not edit by hand. -->",
        f"Measured {when} with `{command}` on {machine()}. Model loading excluded; "
        f"`fast` rows are the best of {repeat} runs, the others one run.",
        "",
        "| pipeline | " + " | ".join(f"{c} ({chars[c]:,} chars)" for c in corpora) + " |",
        "|---" * (len(corpora) + 1) + "|",
    ]
    for pipeline in dict.fromkeys(r.pipeline for r in rows):
        cells = [rate_text(by[pipeline, c].rate) if (pipeline, c) in by else "-" for c in corpora]
        lines.append(f"| {LABELS[pipeline]} | " + " | ".join(cells) + " |")
    costs = [f"{by['direct', c].rate / by['fast', c].rate:.2f}× ({c})"
             for c in corpora if ("fast", c) in by and ("direct", c) in by]
    if costs:
        lines += ["", "Reported speech makes the fast pipeline cost " + ", ".join(costs)
                  + " the direct-only pipeline."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", default=str(ROOT.parent / "shared" / "polnear"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--backends", nargs="+", choices=BACKENDS, default=list(BACKENDS))
    parser.add_argument("--markdown", metavar="FILE", help="also write the figures to FILE")
    parser.add_argument("--textacy-python", metavar="PYTHON",
                        help="also run textacy + spaCy in this Python (a separate venv)")
    parser.add_argument("--textacy-model", default="en_core_web_sm",
                        help="the spaCy pipeline textacy reads (default: en_core_web_sm)")
    args = parser.parse_args(argv)
    folders = {"seeds": ROOT / "seeds"}
    dev = Path(args.polnear) / "dev" / "text"
    if dev.is_dir():
        folders["PolNeAR dev"] = dev
    corpora = {name: texts_from(folder) for name, folder in folders.items()}
    default_stanza = ROOT.parent / "shared" / "stanza_resources"
    stanza_dir = os.environ.get("QUOTES_STANZA_DIR", str(default_stanza))
    rows = run(corpora, args.backends, args.repeat, stanza_dir)
    if args.textacy_python:
        rows += textacy_rows(args.textacy_python, args.textacy_model, folders)
    if args.markdown:
        command = shlex.join(["python", "bench/bench_throughput.py", *(argv or sys.argv[1:])])
        threads = os.environ.get("QUOTES_TORCH_THREADS")
        if threads:  # the torch backends' speed depends on it: say it with the command
            command = f"QUOTES_TORCH_THREADS={shlex.quote(threads)} {command}"
        Path(args.markdown).parent.mkdir(parents=True, exist_ok=True)
        Path(args.markdown).write_text(markdown(rows, command, args.repeat), encoding="utf-8")
        print(f"wrote {args.markdown}")


if __name__ == "__main__":
    main()
