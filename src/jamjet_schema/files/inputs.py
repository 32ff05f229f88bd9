"""A log opened for reading: a file or stdin, decompressed when compressed.

Compression is recognised by its magic bytes, never by the file name: gzip (the
standard library) and zstd (the optional `zstandard` package, `pip install
'jamjet-schema[zstd]'`). Both are read streaming, so memory stays flat. Every read
error, and damaged or truncated compressed data, becomes Unusable naming the input.
"""

from __future__ import annotations

import io
import sys
import zlib
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import BinaryIO, Protocol

from jamjet_schema.files.errors import Unusable

HEAD = 1 << 16  # the first block: what a log is recognised by
STDIN = "<stdin>"

GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"


class Readable(Protocol):
    """What the log readers read from: `read` returns b"" only at the end."""

    def read(self, size: int, /) -> bytes: ...


@dataclass
class LogInput:
    """An opened log: its first block already read, the rest behind `read`."""

    source: str  # its name in reports: the path, or <stdin>
    head: bytes
    stream: Readable
    compression: str | None  # "gzip" or "zstd" when it was decompressed
    failures: tuple[type[Exception], ...] = (OSError,)  # what a failed read raises

    def read(self, size: int) -> bytes:
        """Up to `size` bytes, b"" only at the end, from one read of the stream (`read1`).
        A buffered read of a pipe loops over reads in C until it has `size` bytes: Ctrl-C
        or SIGTERM landing between two of them would go unseen while the pipe stalls."""
        try:
            return _read1(self.stream, size)
        except self.failures as err:
            raise Unusable(f"{self.source}: {_why(err, self.compression)}") from None

    def read_full(self, size: int) -> bytes:
        """`size` bytes, fewer only at the end (the first block a log is recognised by)."""
        parts, got = [], 0
        while got < size and (part := self.read(size - got)):
            parts.append(part)
            got += len(part)
        return b"".join(parts)


def _read1(stream: Readable, size: int) -> bytes:
    read1 = getattr(stream, "read1", None)
    data: bytes = read1(size) if read1 is not None else stream.read(size)
    return data


def compression_of(head: bytes) -> str | None:
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    if head.startswith(ZSTD_MAGIC):
        return "zstd"
    return None


@contextmanager
def opened_log(path: str) -> Iterator[LogInput]:
    """The log at `path` (`-`: stdin), decompressed if compressed, its head read."""
    with ExitStack() as stack:
        raw, source = _raw(path, stack)
        log = LogInput(source, b"", raw, None)
        first = log.read_full(HEAD)
        compression = compression_of(first)
        if compression is not None:
            joined = io.BufferedReader(_Prepended(first, raw))
            stream, failures = _decompressing(compression, joined, source)
            log = LogInput(source, b"", stream, compression, failures)
            first = log.read_full(HEAD)
        log.head = first
        yield log


def _raw(path: str, stack: ExitStack) -> tuple[BinaryIO, str]:
    if path == "-":
        return sys.stdin.buffer, STDIN
    try:
        return stack.enter_context(open(path, "rb")), path
    except IsADirectoryError:
        raise Unusable(f"{path}: is a directory") from None
    except FileNotFoundError:
        raise Unusable(f"{path}: no such file") from None
    except OSError as err:
        raise Unusable(f"{path}: {err.strerror}") from None


Failures = tuple[type[Exception], ...]


def _decompressing(compression: str, raw: BinaryIO, source: str) -> tuple[Readable, Failures]:
    """The decompressed stream, and the exceptions its reads raise on bad data."""
    if compression == "gzip":
        import gzip

        return gzip.GzipFile(fileobj=raw, mode="rb"), (OSError, EOFError, zlib.error)
    try:
        import zstandard
    except ImportError:
        raise Unusable(
            f"{source}: zstd-compressed; reading it needs the zstandard package "
            "(pip install 'jamjet-schema[zstd]'), or decompress it first (zstd -dc)"
        ) from None
    reader = zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True)
    return reader, (OSError, zstandard.ZstdError)


def _why(err: Exception, compression: str | None) -> str:
    if isinstance(err, OSError) and err.strerror:  # the file itself failed
        return err.strerror
    if isinstance(err, EOFError):
        return f"the {compression} data is truncated ({err})"
    return f"the {compression} data is damaged ({err})"


class _Prepended(io.RawIOBase):
    """`first`, then the rest of `rest`: a stream whose start was already read."""

    def __init__(self, first: bytes, rest: BinaryIO) -> None:
        self._first = memoryview(first)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._first:
            size = min(len(buffer), len(self._first))
            buffer[:size] = self._first[:size]
            self._first = self._first[size:]
            return size
        data = _read1(self._rest, len(buffer))
        buffer[: len(data)] = data
        return len(data)
