"""Entry point for ``python -m quotes``."""

import sys

from quotes.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
