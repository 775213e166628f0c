"""Benchmark `quotes batch` on a synthetic archive built from PolNeAR texts.

Builds folders of N articles (the PolNeAR texts of ../shared/polnear repeated,
1 % corrupt files mixed in: binary, Latin-1, empty, blank), runs
`python -m quotes batch` on them with 1 and 2 workers and reports:

* articles/s for each run (wall clock of the whole command, start-up included);
* peak memory: the largest summed RSS of the batch process and its workers,
  sampled every 50 ms (needs psutil), and the largest single process;
* correctness: every good article's quotes are in the shards, exactly as the
  pipeline gives them for that text (same records, same order), and every bad
  file is named in errors.jsonl.

Usage:
    python bench/bench_batch.py                      # 5,000 and 20,000 articles
    python bench/bench_batch.py --sizes 2000 --workers 1 2 --backend fast

Results go to bench/out/batch.json and a Markdown table is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("QUOTES_SHARED", ROOT.parent / "shared"))
OUT = ROOT / "bench" / "out"

CORRUPT = {
    "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
    "latin1": "Le ministre a déclaré « c'est réglé », selon l'agence.".encode("latin-1"),
    "empty": b"",
    "blank": b" \n\t \n",
}


def polnear_texts() -> list[tuple[str, str]]:
    files = sorted(SHARED.glob("polnear/*/text/*.txt"))
    if not files:
        sys.exit(f"no PolNeAR texts under {SHARED / 'polnear'} (set QUOTES_SHARED)")
    return [(f.name, f.read_text(encoding="utf-8")) for f in files]


def build_archive(
    root: Path, n: int, texts: list[tuple[str, str]]
) -> tuple[dict[str, int], set[str]]:
    """Write n articles; return {good id: index of its text} and the bad ids."""
    if root.exists():
        shutil.rmtree(root)
    good: dict[str, int] = {}
    bad: set[str] = set()
    kinds = list(CORRUPT)
    for i in range(n):
        rel = f"{i // 1000:03d}/{i:06d}.txt"
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if i % 100 == 99:
            path.write_bytes(CORRUPT[kinds[len(bad) % len(kinds)]])
            bad.add(rel)
        else:
            k = i % len(texts)
            path.write_text(texts[k][1], encoding="utf-8")
            good[rel] = k
    return good, bad


def run_measured(cmd: list[str]) -> dict[str, float]:
    """Run cmd; return wall seconds and peak RSS (sum over the process tree, and max)."""
    try:
        import psutil
    except ImportError:
        psutil = None
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_sum = peak_one = 0
    if psutil is not None:
        parent = psutil.Process(proc.pid)
        while proc.poll() is None:
            try:
                procs = [parent, *parent.children(recursive=True)]
                rss = [p.memory_info().rss for p in procs]
            except psutil.Error:
                rss = []
            if rss:
                peak_sum = max(peak_sum, sum(rss))
                peak_one = max(peak_one, max(rss))
            time.sleep(0.05)
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"batch failed ({proc.returncode}): {err.decode()[-2000:]}")
    return {"seconds": wall, "peak_rss_mb": peak_sum / 2**20, "peak_rss_one_mb": peak_one / 2**20}


def check_output(
    outdir: Path, good: dict[str, int], bad: set[str], expected: list[list[dict]]
) -> dict:
    """Every good article's quotes present (exact records, in order); every bad file named."""
    by_article: dict[str, list[dict]] = {}
    for shard in sorted(outdir.glob("quotes-*.jsonl")):
        with shard.open(encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                by_article.setdefault(r["article"], []).append(r)
    missing = 0
    for rel, k in good.items():
        want = [{**r, "article": rel} for r in expected[k]]
        if by_article.get(rel, []) != want:
            missing += 1
    errors = [json.loads(line) for line in (outdir / "errors.jsonl").read_text().splitlines()]
    named = {e["article"] for e in errors}
    return {
        "good_articles_exact": len(good) - missing,
        "good_articles": len(good),
        "bad_named": len(named & bad),
        "bad_files": len(bad),
        "unexpected_errors": len(named - bad),
        "quotes": sum(len(v) for v in by_article.values()),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[5000, 20000])
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--backend", default="fast", choices=("fast", "stanza"))
    ap.add_argument("--keep", action="store_true", help="keep the archives and outputs")
    args = ap.parse_args()

    sys.path.insert(0, str(ROOT))
    from quotes.pipeline import Extractor

    texts = polnear_texts()
    extractor = Extractor(backend=args.backend)
    expected = [[q.to_record() for q in extractor.extract(t, article_id="x")] for _, t in texts]
    OUT.mkdir(parents=True, exist_ok=True)
    results = []
    for n in args.sizes:
        archive = OUT / f"archive-{n}"
        good, bad = build_archive(archive, n, texts)
        for w in args.workers:
            outdir = OUT / f"batch-{n}-w{w}"
            shutil.rmtree(outdir, ignore_errors=True)
            cmd = [
                sys.executable,
                "-m",
                "quotes",
                "batch",
                str(archive),
                "-o",
                str(outdir),
                "--backend",
                args.backend,
                "--workers",
                str(w),
                "--quiet",
            ]
            m = run_measured(cmd)
            check = check_output(outdir, good, bad, expected)
            row = {"articles": n, "workers": w, **m, "articles_per_s": n / m["seconds"], **check}
            results.append(row)
            print(json.dumps(row), flush=True)
            if not args.keep:
                shutil.rmtree(outdir)
        if not args.keep:
            shutil.rmtree(archive)
    (OUT / "batch.json").write_text(json.dumps(results, indent=2))

    print(
        "\n| articles | workers | seconds | articles/s | peak RSS, all processes (MB) "
        "| peak RSS, largest process (MB) | good articles exact | bad files named |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r['articles']:,} | {r['workers']} | {r['seconds']:.1f} "
            f"| {r['articles_per_s']:.0f} "
            f"| {r['peak_rss_mb']:.0f} | {r['peak_rss_one_mb']:.0f} "
            f"| {r['good_articles_exact']:,}/{r['good_articles']:,} "
            f"| {r['bad_named']}/{r['bad_files']} |"
        )
    ok = all(
        r["good_articles_exact"] == r["good_articles"]
        and r["bad_named"] == r["bad_files"]
        and not r["unexpected_errors"]
        for r in results
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
