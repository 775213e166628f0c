"""Doctest collection: a module importing an optional extra at its top is skipped without it."""

from importlib.util import find_spec

#: ``quotes/model/bert.py`` imports torch (the ``model`` extra) at the top.
collect_ignore = [] if find_spec("torch") else ["quotes/model/bert.py"]
