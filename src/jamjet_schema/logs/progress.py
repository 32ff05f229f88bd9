"""A progress bar on stderr, shown only when stderr is a terminal and the total is known."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, total: int, stream: TextIO | None = None, every: float = 0.2) -> None:
        self.total, self.every = total, every
        self.stream = stream or sys.stderr
        self.done = 0
        self.shown = 0.0
        self.enabled = total > 0 and self.stream.isatty()

    def advance(self, size: int) -> None:
        self.done += size
        now = time.monotonic()
        if self.enabled and now - self.shown >= self.every:
            self.shown = now
            self._draw()

    def _draw(self) -> None:
        share = min(self.done / self.total, 1.0)
        bar = "#" * int(share * 30)
        self.stream.write(f"\r[{bar:<30}] {share:6.1%} of {self.total / 1e6:,.1f} MB")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 60 + "\r")
            self.stream.flush()
