"""`jamjet-schema check-store STORE --reader VERSION`: the migration question, asked
of real data. Would a reader of schema VERSION (any release in schema/history) read
every event the store holds? Rows it would not are grouped by variant and reason
(`312 node_parked events: a 1.0.0 reader rejects them: unknown variant ...`), a few
named in each group (all with --format json). Per execution, sequences that do not
run 1..n and created_at running backwards are reported as warnings.

Exit status: 0 the reader reads every event; 1 it does not (or the runtime itself
cannot read some rows); 2 the store cannot be read or VERSION is unknown.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from jamjet_schema.commands.validate import add_store_options
from jamjet_schema.files.errors import Unusable


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "check-store",
        help="would a reader of another schema version read every event of a store?",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("store", metavar="STORE", help="the store: a path or sqlite://PATH")
    parser.add_argument(
        "--reader", required=True, metavar="VERSION", help="a schema version (schema/history)"
    )
    parser.add_argument("--format", choices=["text", "json"], default="text")
    add_store_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from jamjet_schema.store.check_store import check_store
    from jamjet_schema.store.readers import reader_for
    from jamjet_schema.store.row_batches import Selection

    try:
        reader = reader_for(args.reader)
    except LookupError as err:
        raise Unusable(err.args[0]) from None
    selection = Selection(args.execution, args.tenant)
    return check_store(args.store, selection, reader, args.format, args.busy_timeout, sys.stdout)
