"""JSON Lines checked in batches by the native core, in parallel, in file order.

The log is read in chunks of whole lines; each chunk goes to the core
(`check_lines` or `canonical_lines`, which run without the GIL), on up to `jobs`
threads, with at most two chunks per thread in flight, so memory stays flat on a log
of any size. The core counts the clean lines and returns the places of the others;
only those become Records, which the caller checks through the Python path for
serde's message with a field path. Results come back in file order.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO

from jamjet_schema.logs.records import Record, make_record

if TYPE_CHECKING:
    from concurrent.futures import Future

BATCH = 1 << 20  # bytes of whole lines per call into the core


@dataclass(frozen=True)
class Chunk:
    """Whole lines of a log, from line `first_line` on."""

    source: str
    first_line: int
    data: bytes

    def record(self, index: int, start: int, end: int) -> Record:
        """The record the line reader makes of the chunk's line `index` (0-based)."""
        return make_record(self.source, self.first_line + index, self.data[start:end])


@dataclass(frozen=True)
class Tail:
    """The last line of a log when it has no newline: the line reader's last record."""

    record: Record | None


def chunks(head: bytes, stream: BinaryIO, source: str) -> Iterator[Chunk | Tail]:
    """The log as chunks of whole lines, then its unterminated last line, if any."""
    pending, line, done = head, 1, False
    while not done:
        more = stream.read(BATCH)
        done = not more
        pending += more
        cut = pending.rfind(b"\n") + 1
        if cut and (done or len(pending) >= BATCH):
            yield Chunk(source, line, pending[:cut])
            line += pending.count(b"\n", 0, cut)
            pending = pending[cut:]
    yield Tail(make_record(source, line, pending) if pending.strip() else None)


Result = tuple[Chunk, Any]


def in_parallel(
    items: Iterator[Chunk | Tail], work: Callable[[bytes], Any], jobs: int
) -> Iterator[Result | Tail]:
    """`(chunk, work(chunk.data))` for every chunk, in order; tails pass through."""
    if jobs <= 1:
        for item in items:
            yield item if isinstance(item, Tail) else (item, work(item.data))
        return
    from concurrent.futures import ThreadPoolExecutor  # not loaded for one job

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        pending: deque[tuple[Chunk | Tail, Future[Any] | None]] = deque()
        for item in items:
            task = None if isinstance(item, Tail) else pool.submit(work, item.data)
            pending.append((item, task))
            while len(pending) > 2 * jobs:
                yield _done(pending.popleft())
        while pending:
            yield _done(pending.popleft())


def _done(entry: tuple[Chunk | Tail, Future[Any] | None]) -> Result | Tail:
    item, task = entry
    if isinstance(item, Tail) or task is None:
        assert isinstance(item, Tail)
        return item
    return item, task.result()
