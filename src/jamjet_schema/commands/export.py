"""`jamjet-schema export INPUT [-o FILE] [--format jsonl|parquet]`: events as canonical
JSON Lines, or as Parquet in the columnar layout (generated/arrow/README.md).

INPUT is one of:
- a STORE: the runtime's SQLite database (a path or `sqlite://PATH`), opened strictly
  read-only. Each row is read as the runtime reads it and written as serde writes the
  `Event`, in (execution_id, sequence) order. A row the runtime would reject is named
  on stderr (execution_id, sequence, id) and left out: exit 1.
- a LOG: JSON Lines (gzip or zstd recognised by their bytes), `-` for stdin. Each line
  gets serde's verdict; a line serde rejects is reported on stderr as `validate`
  reports it and left out: exit 1.
- a Parquet file of the layout (`--format jsonl FILE.parquet`: the events back, serde's
  bytes); each row is read with serde's verdict, a refused one reported as line N
  (its row number) and left out.

--format parquet writes row groups of --row-group-rows events as they come, so memory
stays flat on an input of any size; the file's schema is the layout's, compressed
with zstd. Exit 2 if an input cannot be read.

--resolve-artifacts (a store only): each NodeCompleted output the runtime spilled to
its artifacts table (a {"$artifact": ...} sentinel in the event) is replaced by the
stored value, exactly as the runtime's API resolves it for the tenant the row belongs
to; an output it cannot resolve is exported as the API serves it (with "unresolved":
true in a top-level sentinel) and named on stderr. Exit 2 if the store has no
artifacts table.

FILE is never the input (nor a store's -wal, -shm or -journal file; refused, through
any path, before anything is read) and is written atomically: to a temporary file
beside it, renamed over it only when complete.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

from jamjet_schema.commands.validate import (
    add_jobs_option,
    add_store_options,
    invalid_line,
    warn_if_empty,
)
from jamjet_schema.files.errors import Unusable
from jamjet_schema.files.inputs import GZIP_MAGIC, ZSTD_MAGIC
from jamjet_schema.files.outputs import STDIO, refuse_inputs, replacing
from jamjet_schema.logs.summary import exported_summary
from jamjet_schema.store.location import names_a_store, path_of

FORMATS = ("jsonl", "parquet")
PARQUET_MAGIC = b"PAR1"


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "export",
        help="write a store's or a log's events as canonical JSON Lines or as Parquet",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "source",
        metavar="INPUT",
        help="a store (a path or sqlite://PATH), a log (- for stdin), or a Parquet file",
    )
    parser.add_argument(
        "-o",
        "--output",
        default=STDIO,
        metavar="FILE",
        help="write here, atomically (default: stdout)",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=FORMATS[0],
        help="jsonl (canonical JSON Lines, the default) or parquet (the columnar layout)",
    )
    parser.add_argument(
        "--row-group-rows",
        type=_positive,
        default=None,
        metavar="N",
        help="events per Parquet row group (default: 65536)",
    )
    parser.add_argument(
        "--resolve-artifacts",
        action="store_true",
        help="replace spilled NodeCompleted outputs by their artifacts, as the runtime's API does",
    )
    add_jobs_option(parser)
    add_store_options(parser)
    parser.set_defaults(run=run)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return int(text)


def run(args: argparse.Namespace) -> int:
    what = kind_of_input(args.source)
    if args.resolve_artifacts and what != "store":
        raise Unusable(f"{args.source}: --resolve-artifacts needs a store, not a {what}")
    if what == "store":
        refuse_inputs(args.output, stores=[path_of(args.source)])
    else:
        refuse_inputs(args.output, logs=[args.source])
    with _output(args) as out:
        try:
            if what == "store":
                return _from_store(args, out)
            return _from_file(args, what, out)
        except OverflowError as err:  # the native core's: a column beyond int32 offsets
            raise Unusable(f"{args.source}: {err}") from None


def kind_of_input(source: str) -> str:
    """ "store", "log" or "parquet": a store's URL or header, Parquet's magic, a text that
    starts as JSON (or compressed data) or nothing but white space; anything else is
    taken for a store, whose reader then says what is wrong with it."""
    if source == STDIO:
        return "log"
    if names_a_store(source):
        return "store"
    try:
        with open(source, "rb") as stream:
            head = stream.read(64)
    except OSError:
        head = b""
    if head.startswith(PARQUET_MAGIC):
        return "parquet"
    # an empty file is an empty log, as validate and canonicalize take it
    if head.startswith((GZIP_MAGIC, ZSTD_MAGIC)) or head.lstrip()[:1] in (b"", b"{", b"["):
        return "log"
    return "store"


@contextmanager
def _output(args: argparse.Namespace) -> Iterator[IO[bytes]]:
    """The stream the events go to: JSON Lines as they are, or a ParquetSink on it."""
    with _file(args.output) as stream:
        if args.format == "jsonl":
            yield stream
            return
        from jamjet_schema.columnar.parquet import ROW_GROUP_ROWS, ParquetSink

        sink = ParquetSink(stream, args.row_group_rows or ROW_GROUP_ROWS)
        try:
            yield sink  # type: ignore[misc]  # a stream's stand-in: write and flush
        except BaseException:
            sink.abandon()
            raise
        sink.close()


@contextmanager
def _file(output: str) -> Iterator[IO[bytes]]:
    if output == STDIO:
        yield sys.stdout.buffer
        return
    with replacing(output) as out:
        yield out


def _from_store(args: argparse.Namespace, out: IO[bytes]) -> int:
    from jamjet_schema.store.export import export_store
    from jamjet_schema.store.row_batches import Selection

    selection = Selection(args.execution, args.tenant)
    options = (args.jobs, args.busy_timeout, sys.stderr, args.resolve_artifacts)
    return export_store(args.source, selection, out, *options)  # type: ignore[arg-type]


def _from_file(args: argparse.Namespace, what: str, out: IO[bytes]) -> int:
    from jamjet_schema.logs.scan import Canonical, Columns, Opened, canonical_texts, check_inputs

    if what == "parquet":
        from jamjet_schema.columnar.parquet import read_back

        items: Iterator[Any] = read_back(args.source)
    else:
        check_inputs([args.source])
        # to Parquet, the core puts each accepted line's values in columns itself
        items = canonical_texts([args.source], args.jobs, columns=args.format == "parquet")
    rejected = exported = 0
    for item in items:
        if isinstance(item, Opened):
            warn_if_empty("export", item)
        elif isinstance(item, Canonical):
            out.write(item.data)
            exported += item.data.count(b"\n")
        elif isinstance(item, Columns):
            out.add_columns(item)  # type: ignore[attr-defined]  # only a ParquetSink is given Columns
            exported += item.rows
        elif item.canonical is None:
            rejected += 1
            print(invalid_line(item), file=sys.stderr)
        else:
            out.write(item.canonical.encode() + b"\n")
            exported += 1
    out.flush()
    print(exported_summary(exported, rejected), file=sys.stderr)
    return 1 if rejected else 0
