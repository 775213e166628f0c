"""Doctest collection: modules that import an optional extra at import time are skipped without it."""

from importlib.util import find_spec

#: ``quotes/model/bert.py`` imports torch (the ``model`` extra) at the top.
collect_ignore = [] if find_spec("torch") else ["quotes/model/bert.py"]
