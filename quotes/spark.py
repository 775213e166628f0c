"""Spark integration (``pip install quotes[spark]``); the code lives in [`quotes.archive.spark`][].

``quotes.spark`` stays the short import path for Spark users.
"""

from quotes.archive.spark import *  # noqa: F403
from quotes.archive.spark import __all__  # noqa: F401
