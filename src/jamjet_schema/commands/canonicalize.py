"""`jamjet-schema canonicalize LOG... [-o OUT]`: rewrite a log in serde's canonical form.

Writes one canonical event per line (JSON Lines); with --form api, each as the
runtime's HTTP API writes it (members sorted). The events of one JSON document (the
API's envelope, recognised by its start, or an array at --pointer) are read too. Records serde rejects are reported
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

from jamjet_schema.commands.validate import (
    add_document_options,
    add_jobs_option,
    warn_if_empty,
    where,
)
from jamjet_schema.files.outputs import STDIO, refuse_inputs, replacing
from jamjet_schema.logs.scan import Canonical, Opened, canonical_texts, check_inputs
from jamjet_schema.wire._constants import FORMS
from jamjet_schema.wire.api_form import sorted_members


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
    add_document_options(parser)
    add_jobs_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    refuse_inputs(args.output, logs=args.logs)
    check_inputs(args.logs, args.pointer)
    if args.output == STDIO:
        rejected = _rewrite(args, sys.stdout.buffer)
    else:
        with replacing(args.output) as out:
            rejected = _rewrite(args, out)
    if rejected:
        print(f"{rejected} record(s) rejected and left out", file=sys.stderr)
    return 1 if rejected else 0


def _rewrite(args: argparse.Namespace, out: BinaryIO) -> int:
    rejected = 0
    api = args.form == FORMS[1]
    for item in canonical_texts(args.logs, args.jobs, args.pointer):
        if isinstance(item, Opened):
            warn_if_empty("canonicalize", item)
        elif isinstance(item, Canonical):
            out.write(_api_lines(item.data) if api else item.data)
        elif item.canonical is None:
            rejected += 1
            print(f"{where(item.record)}: {item.error}", file=sys.stderr)
        else:
            text = sorted_members(item.canonical) if api else item.canonical
            out.write(text.encode() + b"\n")
    return rejected


def _api_lines(data: bytes) -> bytes:
    lines = data.decode("utf-8").splitlines()
    return "".join(sorted_members(line) + "\n" for line in lines).encode("utf-8")
