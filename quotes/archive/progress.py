"""The progress report of [`quotes.archive.batch`][] on stderr."""

from __future__ import annotations

import sys
import time
from typing import Any

__all__ = ["PROGRESS_EVERY", "Progress"]

#: Seconds between two progress lines when stderr is not a terminal.
PROGRESS_EVERY = 10.0


class Progress:
    """A tqdm bar on a terminal, else a line every few seconds, else nothing."""

    def __init__(self, mode: str, total: int, done: int, quotes: int, failures: int) -> None:
        self.total, self.done, self.quotes, self.failures = total, done, quotes, failures
        self._start_done = done
        self._start = self._last = time.monotonic()
        self._bar: Any = None
        if mode == "auto":
            mode = "bar" if sys.stderr.isatty() else "lines"
        if mode == "bar":
            try:
                from tqdm import tqdm
            except ImportError:
                mode = "lines"
            else:
                self._bar = tqdm(
                    total=total,
                    initial=done,
                    unit="art",
                    desc="quotes batch",
                    file=sys.stderr,
                    dynamic_ncols=True,
                    smoothing=0.1,
                )
                self._bar.set_postfix({"quotes": quotes, "failed": failures}, refresh=False)
        self.mode = mode

    def update(self, articles: int, quotes: int, failures: int) -> None:
        """Count ``articles`` more articles, with their quotes and failures."""
        self.done += articles
        self.quotes += quotes
        self.failures += failures
        if self._bar is not None:
            self._bar.set_postfix({"quotes": self.quotes, "failed": self.failures}, refresh=False)
            self._bar.update(articles)
        elif self.mode == "lines" and time.monotonic() - self._last >= PROGRESS_EVERY:
            self._line()

    def _line(self) -> None:
        self._last = now = time.monotonic()
        rate = (self.done - self._start_done) / max(now - self._start, 1e-9)
        left = self.total - self.done
        eta = time.strftime("%H:%M:%S", time.gmtime(left / rate)) if rate > 0 else "?"
        print(
            f"quotes: batch: {self.done:,}/{self.total:,} articles, {self.quotes:,} quotes, "
            f"{self.failures:,} failed, {rate:,.1f} articles/s, ETA {eta}",
            file=sys.stderr,
            flush=True,
        )

    def close(self, finished: bool) -> None:
        """Close the bar, or print a last line when the run finished."""
        if self._bar is not None:
            self._bar.close()
        elif self.mode == "lines" and finished:
            self._line()
