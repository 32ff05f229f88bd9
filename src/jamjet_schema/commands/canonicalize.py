"""`jamjet-schema canonicalize LOG... [-o OUT]`: rewrite a log in serde's canonical form.

Writes one canonical event per line (JSON Lines). Records serde rejects are reported
on stderr and left out; the exit status is then 1. Logs may be gzip- or
zstd-compressed; the output is plain JSON Lines.

OUT is never an input (refused, through any path, before anything is read) and is
written atomically: to a temporary file beside it, renamed over it only when complete,
so an error or a signal halfway leaves the old OUT untouched.

Exit status: 0 every record written; 1 some records rejected and left out; 2 an input
cannot be read or is no log, or OUT cannot be written.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, BinaryIO

from jamjet_schema.commands.validate import add_jobs_option, warn_if_empty
from jamjet_schema.files.outputs import STDIO, refuse_inputs, replacing
from jamjet_schema.logs.scan import Canonical, Opened, canonical_texts, check_inputs


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "canonicalize",
        help="rewrite an event log in serde's canonical form (JSON Lines)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "logs", nargs="*", default=["-"], metavar="LOG", help="files; - or none for stdin"
    )
    parser.add_argument(
        "-o", "--output", default=STDIO, help="where to write, atomically (default: stdout)"
    )
    add_jobs_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    refuse_inputs(args.output, logs=args.logs)
    check_inputs(args.logs)
    if args.output == STDIO:
        rejected = _rewrite(args.logs, args.jobs, sys.stdout.buffer)
    else:
        with replacing(args.output) as out:
            rejected = _rewrite(args.logs, args.jobs, out)
    if rejected:
        print(f"{rejected} record(s) rejected and left out", file=sys.stderr)
    return 1 if rejected else 0


def _rewrite(logs: list[str], jobs: int, out: BinaryIO) -> int:
    rejected = 0
    for item in canonical_texts(logs, jobs):
        if isinstance(item, Opened):
            warn_if_empty("canonicalize", item)
        elif isinstance(item, Canonical):
            out.write(item.data)
        elif item.canonical is None:
            rejected += 1
            print(f"{item.record.source}:{item.record.line}: {item.error}", file=sys.stderr)
        else:
            out.write(item.canonical.encode() + b"\n")
    return rejected
