"""Whole logs through the checks: record by record, or in native batches.

With the native core, a JSON Lines log is checked in chunks (logs.batch): the core
counts the clean events and points at the others, each refused one with serde's
refusal located (native.Refusal), which become Verdicts without the models (logs.check
takes the rest record by record), so every report line and every count is the one
the per-record path gives. A JSON array, or the pure-Python path, goes record by
record.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Literal, overload

from jamjet_schema import native
from jamjet_schema.files.errors import Unusable
from jamjet_schema.files.inputs import LogInput, compression_of, opened_log
from jamjet_schema.files.sniff import not_a_log
from jamjet_schema.logs.batch import Chunk, Tail, chunks, in_parallel
from jamjet_schema.logs.check import Verdict, check
from jamjet_schema.logs.documents import ENVELOPE_POINTER, document_records_after, is_envelope
from jamjet_schema.logs.records import Record, is_array, make_record, records_after


@dataclass(frozen=True)
class Tally:
    """Clean events of a chunk (accepted, and canonical when that is checked)."""

    per_variant: dict[str, int]
    size: int  # bytes they took, for progress


@dataclass(frozen=True)
class Canonical:
    """The canonical lines of a chunk's accepted events, in order (UTF-8)."""

    data: bytes


@dataclass(frozen=True)
class Columns:
    """A chunk's accepted events, in order, as the native core's Arrow columns of the
    columnar layout (jamjet_schema.columnar.assemble makes them a record batch)."""

    columns: list[Any]
    rows: int


def total_size(paths: list[str]) -> int:
    """Bytes to read, for the progress bar; 0 when unknown (stdin, pipes, compressed)."""
    total = 0
    for path in paths:
        if path == "-" or not os.path.isfile(path) or _compressed(path):
            return 0
        total += os.path.getsize(path)
    return total


def _compressed(path: str) -> bool:
    try:
        with open(path, "rb") as stream:
            return compression_of(stream.read(4)) is not None
    except OSError:
        return False


def check_inputs(paths: list[str], pointer: str | None = None) -> None:
    """Unusable for the first log that cannot be read or is no log at all, checked before
    anything is written (stdin is checked when it is read)."""
    for path in paths:
        if path != "-":
            with log_input(path, pointer):
                pass


@contextmanager
def log_input(path: str, pointer: str | None = None) -> Iterator[LogInput]:
    """The log at `path` (`-`: stdin) opened, decompressed, and recognised as a log (or,
    with `pointer` or the API's envelope, as one JSON document holding events)."""
    with opened_log(path) as log:
        what = not_a_log(log.head)
        if what is not None and (
            _document_pointer(log.head, pointer) is None or "JSON" not in what
        ):
            raise Unusable(f"{log.source}: {what}")
        yield log


def _records(head: bytes, stream: LogInput, source: str, at: str | None) -> Iterator[Record]:
    """A log's records, or those of the array at `at` in one document."""
    if at is None:
        return records_after(head, stream, source)
    return document_records_after(head, stream, source, at)


def _document_pointer(head: bytes, pointer: str | None) -> str | None:
    """Where the events are when the input is one JSON document (logs.documents)."""
    return ENVELOPE_POINTER if pointer is None and is_envelope(head) else pointer


@dataclass(frozen=True)
class Opened:
    """A log as it was opened, before its records: for the summary and warnings."""

    source: str
    compression: str | None  # "gzip" or "zstd" when it was decompressed
    empty: bool  # nothing but white space: no records at all


def _opened(log: LogInput) -> Opened:
    return Opened(log.source, log.compression, not log.head.strip())


# (line index in the chunk, start, end, what, why: the core's refusal, where it says)
Place = tuple[int, int, int, int, native.Located | None]
REFUSED = 1  # what: serde refuses the line
WRITTEN_OTHERWISE = 2  # what: serde reads the line, and writes what it read otherwise


def verdicts(
    paths: list[str],
    canonical: bool,
    jobs: int,
    pointer: str | None = None,
    each: bool = False,
) -> Iterator[Opened | Verdict | Tally]:
    """Every record's verdict, or a Tally standing for a chunk's clean ones, in file order;
    `each`: a Verdict for every record (the caller judges the written bytes itself)."""
    for path in paths:
        with log_input(path, pointer) as log:
            yield _opened(log)
            head, stream, source = log.head, log, log.source
            at = _document_pointer(head, pointer)
            if native.CORE is None or is_array(head) or at is not None or each:
                for record in _records(head, stream, source, at):
                    yield check(record, canonical)
                continue

            def work(chunk: Chunk) -> tuple[list[int], list[Place], int]:
                done: tuple[list[int], list[Place], int]
                done = native.CORE.check_lines(chunk.data, chunk.start, chunk.end, canonical)
                return done

            line = 1
            for item in in_parallel(chunks(head, stream), work, jobs):
                if isinstance(item, Tail):
                    if item.data.strip():
                        yield check(make_record(source, line, item.data), canonical)
                    continue
                chunk, (counts, places, ends) = item
                yield _tally(chunk, counts, places)
                for index, start, end, what, why in places:
                    record = make_record(source, line + index, chunk.data[start:end])
                    refused = what == REFUSED
                    yield check(record, canonical, refused, native.located(why))
                line += ends


@overload
def canonical_texts(
    paths: list[str], jobs: int, pointer: str | None = None, columns: Literal[False] = False
) -> Iterator[Opened | Verdict | Canonical]: ...


@overload
def canonical_texts(
    paths: list[str], jobs: int, pointer: str | None = None, *, columns: bool
) -> Iterator[Opened | Verdict | Canonical | Columns]: ...


def canonical_texts(
    paths: list[str], jobs: int, pointer: str | None = None, columns: bool = False
) -> Iterator[Opened | Verdict | Canonical | Columns]:
    """For `canonicalize` and `export`: the canonical text of every accepted event, in
    order, and the verdict of every rejected one (a Verdict with the canonical text when
    accepted). `columns`: with the native core, chunks of accepted events come as
    Columns, not as text."""
    for path in paths:
        with log_input(path, pointer) as log:
            yield _opened(log)
            head, stream, source = log.head, log, log.source
            at = _document_pointer(head, pointer)
            if native.CORE is None or is_array(head) or at is not None:
                for record in _records(head, stream, source, at):
                    yield check(record, canonical=True)
                continue
            line = 1
            for item in in_parallel(chunks(head, stream), _chunk_work(columns), jobs):
                if isinstance(item, Tail):
                    if item.data.strip():
                        yield check(make_record(source, line, item.data), canonical=True)
                    continue
                chunk, (out, counts, places, ends) = item
                yield Columns(out, sum(counts)) if columns else Canonical(out)
                for index, start, end, what, why in places:
                    if what == REFUSED:  # a line only written differently is in `out`
                        record = make_record(source, line + index, chunk.data[start:end])
                        yield check(record, True, True, native.located(why))
                line += ends


# What the core answers for a chunk's accepted events: their canonical text or their
# columns, the counts per variant, the problem lines, the line ends.
Accepted = tuple[Any, list[int], list[Place], int]


def _accepted(columns: bool, data: bytes, start: int, end: int) -> Accepted:
    """The core's answer for whole lines: the columns are of the values serde read from
    each line, which are what its canonical text holds."""
    core = native.CORE
    assert core is not None
    done: Accepted
    if columns:
        done = core.column_lines(data, start, end, False)
    else:
        done = core.canonical_lines(data, start, end)
    return done


def _chunk_work(columns: bool) -> Callable[[Chunk], Accepted]:
    return lambda chunk: _accepted(columns, chunk.data, chunk.start, chunk.end)


@overload
def judged_lines(
    source: str, first: int, data: bytes, columns: Literal[False] = False
) -> Iterator[Canonical | Verdict]: ...


@overload
def judged_lines(
    source: str, first: int, data: bytes, columns: bool
) -> Iterator[Canonical | Columns | Verdict]: ...


def judged_lines(
    source: str, first: int, data: bytes, columns: bool = False
) -> Iterator[Canonical | Columns | Verdict]:
    """serde's verdict on whole lines (`data`: each ended by a line feed), line `first`
    the first: the canonical lines of the accepted ones (Canonical, in order; with the
    native core one for all, in one call, or Columns with `columns`) and a Verdict for
    each refused line, named by its place. Blank lines are skipped, as a log's are, yet
    counted."""
    if native.CORE is None:
        for index, raw in enumerate(data.split(b"\n")[:-1]):
            if raw.strip():
                verdict = check(make_record(source, first + index, raw.rstrip(b"\r")), True)
                text = verdict.canonical
                yield verdict if text is None else Canonical((text + "\n").encode())
        return
    out, counts, places, _ends = _accepted(columns, data, 0, len(data))
    yield Columns(out, sum(counts)) if columns else Canonical(out)
    for index, start, end, what, why in places:
        if what == REFUSED:  # a line only written differently is in `out`
            record = make_record(source, first + index, data[start:end])
            yield check(record, True, True, native.located(why))


def _tally(chunk: Chunk, counts: list[int], places: list[Place]) -> Tally:
    per_variant = {name: n for name, n in zip(native.CORE.VARIANTS, counts, strict=True) if n}
    problems = sum(place[2] - place[1] for place in places)
    return Tally(per_variant, chunk.end - chunk.start - problems)
