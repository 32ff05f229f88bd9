"""`jamjet-schema canonicalize LOG... [-o OUT]`: rewrite a log in serde's canonical form.

Writes one canonical event per line (JSON Lines). Records serde rejects are reported
on stderr and left out; the exit status is then 1.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from jamjet_schema.commands.validate import add_jobs_option
from jamjet_schema.logs.scan import Canonical, canonical_texts, unreadable


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
    parser.add_argument("-o", "--output", default="-", help="where to write (default: stdout)")
    add_jobs_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    problem = unreadable(args.logs)
    if problem:
        print(f"jamjet-schema canonicalize: {problem}", file=sys.stderr)
        return 2
    try:
        if args.output == "-":
            rejected = _rewrite(args.logs, args.jobs, sys.stdout)
        else:
            with open(args.output, "w", encoding="utf-8") as out:
                rejected = _rewrite(args.logs, args.jobs, out)
    except OSError as err:  # the output cannot be written, or a log failed while read
        print(
            f"jamjet-schema canonicalize: {err.filename or 'output'}: {err.strerror}",
            file=sys.stderr,
        )
        return 2
    if rejected:
        print(f"{rejected} record(s) rejected and left out", file=sys.stderr)
    return 1 if rejected else 0


def _rewrite(logs: list[str], jobs: int, out: TextIO) -> int:
    rejected = 0
    for item in canonical_texts(logs, jobs):
        if isinstance(item, Canonical):
            out.write(item.text)
        elif item.canonical is None:
            rejected += 1
            print(f"{item.record.source}:{item.record.line}: {item.error}", file=sys.stderr)
        else:
            out.write(item.canonical + "\n")
    return rejected
