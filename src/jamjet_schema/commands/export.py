"""`jamjet-schema export STORE [-o FILE]`: a store's events as canonical JSON Lines.

STORE is the runtime's SQLite database (a path or `sqlite://PATH`), opened strictly
read-only. Each row is read as the runtime reads it and written as serde writes the
`Event`, in (execution_id, sequence) order. A row the runtime would reject is named
on stderr (execution_id, sequence, id) and left out: exit 1. Exit 2 if the store
cannot be read.

--resolve-artifacts: each NodeCompleted output the runtime spilled to its artifacts
table (a {"$artifact": ...} sentinel in the event) is replaced by the stored value,
exactly as the runtime's API resolves it for the tenant the row belongs to; an output
it cannot resolve is exported as the API serves it (with "unresolved": true in a
top-level sentinel) and named on stderr. Exit 2 if the store has no artifacts table.

FILE is never the store nor one of its -wal, -shm or -journal files (refused, through
any path, before anything is read) and is written atomically: to a temporary file
beside it, renamed over it only when complete.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from jamjet_schema.commands.validate import add_jobs_option, add_store_options
from jamjet_schema.files.outputs import STDIO, refuse_inputs, replacing
from jamjet_schema.store.location import path_of


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "export",
        help="write a store's events (SQLite) as canonical JSON Lines",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("store", metavar="STORE", help="the store: a path or sqlite://PATH")
    parser.add_argument(
        "-o",
        "--output",
        default=STDIO,
        metavar="FILE",
        help="write here, atomically (default: stdout)",
    )
    parser.add_argument(
        "--resolve-artifacts",
        action="store_true",
        help="replace spilled NodeCompleted outputs by their artifacts, as the runtime's API does",
    )
    add_jobs_option(parser)
    add_store_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from jamjet_schema.store.export import export_store
    from jamjet_schema.store.row_batches import Selection

    selection = Selection(args.execution, args.tenant)
    refuse_inputs(args.output, stores=[path_of(args.store)])
    options = (args.jobs, args.busy_timeout, sys.stderr, args.resolve_artifacts)
    if args.output == STDIO:
        return export_store(args.store, selection, sys.stdout.buffer, *options)
    with replacing(args.output) as out:
        return export_store(args.store, selection, out, *options)
