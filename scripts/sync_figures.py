"""Copy the generated figures (docs/_figures/NAME.md) into README.md.

README.md quotes each figures file between ``<!-- figures/NAME.md -->`` and
``<!-- /figures/NAME.md -->``; the docs include the same file (``--8<--``).
The files are written by the benchmarks (``bench/bench_throughput.py --markdown``).

Usage: python scripts/sync_figures.py [--check]
With --check, exit 1 if README.md does not quote the current figures (a test runs it).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
FIGURES = ROOT / "docs" / "_figures"


def synced(readme: str) -> str:
    """``readme`` with every figures block replaced by the current file."""
    for path in sorted(FIGURES.glob("*.md")):
        name = f"figures/{path.name}"
        block = re.compile(rf"(<!-- {re.escape(name)} -->\n).*?(<!-- /{re.escape(name)} -->)", re.S)
        if not block.search(readme):
            raise SystemExit(f"README.md has no <!-- {name} --> block")
        body = path.read_text(encoding="utf-8")
        readme = block.sub(lambda m, body=body: m.group(1) + body + m.group(2), readme)
    return readme


def main(argv: list[str]) -> int:
    current = README.read_text(encoding="utf-8")
    text = synced(current)
    if "--check" in argv:
        if text != current:
            print("README.md does not quote docs/_figures: run python scripts/sync_figures.py",
                  file=sys.stderr)
            return 1
        return 0
    README.write_text(text, encoding="utf-8")
    print(f"updated {README}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
