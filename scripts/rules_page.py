"""Write docs/rules.md from the rule table (quotes/attribution/rules.py).

Usage: python scripts/rules_page.py [--check]
With --check, exit 1 if docs/rules.md is not current (the tests run the same check).
"""

from __future__ import annotations

import sys
from pathlib import Path

import quotes.attribution  # noqa: F401  (loads every module that registers a rule)
from quotes.attribution.rules import rules_markdown

PAGE = Path(__file__).resolve().parents[1] / "docs" / "rules.md"


def main(argv: list[str]) -> int:
    text = rules_markdown()
    if "--check" in argv:
        current = PAGE.read_text(encoding="utf-8") if PAGE.exists() else ""
        if current != text:
            print(f"{PAGE} is out of date: run python scripts/rules_page.py", file=sys.stderr)
            return 1
        return 0
    PAGE.write_text(text, encoding="utf-8")
    print(f"wrote {PAGE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
