"""Snapshot of the library's whole output, to prove a refactor changes nothing.

Writes the full JSON of every quote (provenance included) that the public API
returns on the seeds and on PolNeAR train and dev, on the fast and the Stanza
backends, with the learned tagger and in accurate mode, the PolNeAR evaluation
reports, and the dedupe clusters of the seeds in all three modes; then compares
each part's SHA-256 with the digest stored in ``scripts/snapshot.digest.json``.

The accurate-mode parts run the encoder in float32 on one thread, so that their
output does not depend on whether the CPU has native bfloat16 (the default
precision where it does); they need the ``model`` extra.

Usage (from the project root, with ``../shared`` beside it)::

    python scripts/snapshot.py                 # compare every part with the digest
    python scripts/snapshot.py --parts fast    # only the parts whose name contains 'fast'
    python scripts/snapshot.py --update        # store the current output as the digest

The outputs are kept under ``build/snapshot/`` (one file per part) so that a
mismatch can be inspected with ``diff`` against a run of the previous commit.
The script reads the corpora itself and uses only the public API
(``quotes.Extractor``, ``quotes.dedupe.cluster`` and the ``quotes`` CLI), so it runs
unchanged on both sides of a refactor.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIGEST = ROOT / "scripts" / "snapshot.digest.json"
OUT = ROOT / "build" / "snapshot"
SHARED = Path(os.environ.get("QUOTES_SHARED", ROOT.parent / "shared"))
POLNEAR = SHARED / "polnear"

#: part name -> (kind, corpus, options)
PARTS: dict[str, tuple[str, str, dict[str, object]]] = {
    "fast-seeds": ("extract", "seeds", {"backend": "fast"}),
    "fast-dev": ("extract", "dev", {"backend": "fast"}),
    "fast-train": ("extract", "train", {"backend": "fast"}),
    "tagger-seeds": ("extract", "seeds", {"backend": "fast", "tagger": True}),
    "tagger-dev": ("extract", "dev", {"backend": "fast", "tagger": True}),
    "accurate-seeds": ("extract", "seeds", {"backend": "fast", "accurate": True}),
    "accurate-dev": ("extract", "dev", {"backend": "fast", "accurate": True}),
    "stanza-seeds": ("extract", "seeds", {"backend": "stanza"}),
    "stanza-dev": ("extract", "dev", {"backend": "stanza"}),
    "stanza-train": ("extract", "train", {"backend": "stanza"}),
    "evaluate-fast-dev": ("evaluate", "dev", {"backend": "fast"}),
    "evaluate-fast-train": ("evaluate", "train", {"backend": "fast"}),
    "dedupe-seeds-verbatim": ("dedupe", "seeds", {"mode": "verbatim"}),
    "dedupe-seeds-statement": ("dedupe", "seeds", {"mode": "statement"}),
    "dedupe-seeds-semantic": ("dedupe", "seeds", {"mode": "semantic"}),
}


def _articles(corpus: str) -> list[dict[str, object]]:
    """The articles of one corpus as keyword arguments of ``Extractor.extract``."""
    if corpus == "seeds":
        folder = ROOT / "seeds"
        meta = {}
        for line in (folder / "metadata.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                meta[Path(row.get("file") or row.get("path") or row.get("id", "")).stem] = row
        out = []
        for path in sorted(folder.glob("*.txt")):
            row = meta.get(path.stem, {})
            out.append({
                "text": path.read_text(encoding="utf-8"),
                "article_id": path.stem,
                "outlet": row.get("outlet"),
                "published": row.get("published"),
            })
        return out
    meta = {}
    with open(POLNEAR / "metadata.tsv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            meta[row.get("name") or row.get("filename") or next(iter(row.values()))] = row
    out = []
    for path in sorted((POLNEAR / corpus / "text").glob("*.txt")):
        row = meta.get(path.stem, {})
        out.append({
            "text": path.read_text(encoding="utf-8"),
            "article_id": path.stem,
            "outlet": row.get("publisher") or None,
            "published": row.get("publication_date") or None,
        })
    return out


def _extract_lines(corpus: str, options: dict[str, object], include_beliefs: bool = True) -> list[str]:
    import quotes

    extractor = quotes.Extractor(include_beliefs=include_beliefs, **options)  # type: ignore[arg-type]
    lines = []
    for kwargs in _articles(corpus):
        try:
            found = extractor.extract(**kwargs)  # type: ignore[arg-type]
        except quotes.QuotesError as exc:
            lines.append(json.dumps({"article": kwargs["article_id"], "error": f"{type(exc).__name__}: {exc}"}))
            continue
        lines.extend(q.model_dump_json() for q in found)
    return lines


def _dedupe_lines(corpus: str, options: dict[str, object]) -> list[str]:
    import quotes

    found = [q for line in _extract_lines(corpus, {"backend": "fast"}, False) for q in [quotes.Quote.model_validate_json(line)]]
    return [c.model_dump_json() for c in quotes.dedupe(found, **options)]  # type: ignore[arg-type]


def _evaluate_lines(corpus: str, options: dict[str, object]) -> list[str]:
    cmd = [sys.executable, "-m", "quotes", "evaluate", str(POLNEAR), "--split", corpus,
           "--backend", str(options["backend"]), "--format", "json"]
    report = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT).stdout)
    report.pop("seconds", None)
    return [json.dumps(report, sort_keys=True)]


def run_part(name: str) -> tuple[str, str, int, float]:
    """Run one part, write its output under build/snapshot/ and return its digest."""
    kind, corpus, options = PARTS[name]
    if options.get("accurate"):  # the same output on every CPU (see the module's docstring)
        os.environ["QUOTES_ENCODER_PRECISION"] = "float32"
        os.environ["QUOTES_TORCH_THREADS"] = "1"
    started = time.perf_counter()
    if kind == "extract":
        lines = _extract_lines(corpus, options)
    elif kind == "dedupe":
        lines = _dedupe_lines(corpus, options)
    else:
        lines = _evaluate_lines(corpus, options)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{name}.jsonl").write_bytes(data)
    return name, hashlib.sha256(data).hexdigest(), len(lines), time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--parts", nargs="*", default=[], help="substrings of the part names to run (default: all)")
    parser.add_argument("--update", action="store_true", help="store the output as the new digest")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    names = [n for n in PARTS if not args.parts or any(p in n for p in args.parts)]
    stored = json.loads(DIGEST.read_text()) if DIGEST.exists() else {}
    # longest parts first so that the workers finish together
    order = sorted(names, key=lambda n: ("train" not in n, "stanza" not in n, n))
    failed = 0
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        for name, digest, n, secs in pool.map(run_part, order):
            old = stored.get(name, {}).get("sha256")
            status = "stored" if args.update else ("same" if old == digest else ("NEW" if old is None else "DIFFERENT"))
            failed += status in ("DIFFERENT", "NEW")
            print(f"{name:26s} {n:6d} lines  {secs:7.1f} s  {status}", flush=True)
            if args.update:
                stored[name] = {"sha256": digest, "lines": n}
    if args.update:
        DIGEST.write_text(json.dumps(dict(sorted(stored.items())), indent=2) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
