"""The logs named on the command line, opened as byte streams; `-` is stdin."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

from jamjet_schema.logs.records import Record, read_records


def total_size(paths: list[str]) -> int:
    """Bytes to read, for the progress bar; 0 when unknown (stdin, pipes)."""
    total = 0
    for path in paths:
        if path == "-" or not os.path.isfile(path):
            return 0
        total += os.path.getsize(path)
    return total


@contextmanager
def _open(path: str) -> Iterator[BinaryIO]:
    if path == "-":
        yield sys.stdin.buffer
    else:
        with open(path, "rb") as stream:
            yield stream


def all_records(paths: list[str]) -> Iterator[Record]:
    for path in paths:
        with _open(path) as stream:
            yield from read_records(stream, "<stdin>" if path == "-" else path)
