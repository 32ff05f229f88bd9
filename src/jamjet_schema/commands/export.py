"""`jamjet-schema export STORE [-o FILE]`: a store's events as canonical JSON Lines.

STORE is the runtime's SQLite database (a path or `sqlite://PATH`), opened strictly
read-only. Each row is read as the runtime reads it and written as serde writes the
`Event`, in (execution_id, sequence) order. A row the runtime would reject is named
on stderr (execution_id, sequence, id) and left out: exit 1. Exit 2 if the store
cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from jamjet_schema.commands.validate import add_jobs_option, add_store_options


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "export",
        help="write a store's events (SQLite) as canonical JSON Lines",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("store", metavar="STORE", help="the store: a path or sqlite://PATH")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    add_jobs_option(parser)
    add_store_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from jamjet_schema.store.export import export_store
    from jamjet_schema.store.scan import Selection

    selection = Selection(args.execution, args.tenant)
    if args.output is None:
        return export_store(
            args.store, selection, sys.stdout.buffer, args.jobs, args.busy_timeout, sys.stderr
        )
    try:
        with open(args.output, "wb") as out:
            return export_store(
                args.store, selection, out, args.jobs, args.busy_timeout, sys.stderr
            )
    except OSError as err:
        print(f"jamjet-schema export: {args.output}: {err.strerror}", file=sys.stderr)
        return 2
