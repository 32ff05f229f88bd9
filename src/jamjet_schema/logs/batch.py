"""JSON Lines checked in batches by the native core, in parallel, in file order.

The log is read in blocks, handed on as chunks of whole lines; each goes to the core
(`check_lines` or `canonical_lines`, which run without the GIL), on up to `jobs`
threads, with at most two chunks per thread in flight, so memory stays flat on a log
of any size. The core counts the clean lines and returns the places of the others,
with why serde refused each one where it can say; only those become Records and
Verdicts. Results come back in file order.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from jamjet_schema.files.inputs import Readable

if TYPE_CHECKING:
    from concurrent.futures import Future

BATCH = 1 << 20  # bytes of whole lines per call into the core


@dataclass(frozen=True)
class Chunk:
    """Whole lines of a log: `data[start:end]` (a block as it was read, not a copy)."""

    data: bytes
    start: int
    end: int


@dataclass(frozen=True)
class Tail:
    """What follows the log's last newline: its last record, if not blank."""

    data: bytes


def chunks(head: bytes, stream: Readable) -> Iterator[Chunk | Tail]:
    """The log as chunks of whole lines, then its tail. Each block read is handed on as
    it is; only the line that straddles two blocks is copied (with what came before)."""
    carry = head
    while block := stream.read(BATCH):
        first = block.find(b"\n")
        if first < 0:
            carry += block  # a line longer than a block
            continue
        joined = carry + block[: first + 1]
        yield Chunk(joined, 0, len(joined))
        last = block.rfind(b"\n") + 1
        if last > first + 1:
            yield Chunk(block, first + 1, last)
        carry = block[last:]
    cut = carry.rfind(b"\n") + 1
    if cut:
        yield Chunk(carry, 0, cut)
    yield Tail(carry[cut:])


Result = tuple[Chunk, Any]


def in_parallel(
    items: Iterator[Chunk | Tail], work: Callable[[Chunk], Any], jobs: int
) -> Iterator[Result | Tail]:
    """`(chunk, work(chunk))` for every chunk, in order; tails pass through."""
    if jobs <= 1:
        for item in items:
            yield item if isinstance(item, Tail) else (item, work(item))
        return
    from concurrent.futures import ThreadPoolExecutor  # not loaded for one job

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        pending: deque[tuple[Chunk | Tail, Future[Any] | None]] = deque()
        for item in items:
            task = None if isinstance(item, Tail) else pool.submit(work, item)
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
