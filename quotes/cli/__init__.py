"""The command line (``quotes`` / ``python -m quotes``); library modules never import it."""

from quotes.cli.main import main

__all__ = ["main"]
