"""`jamjet-schema testee`: the Python models behind the testee protocol (conformance/protocol.md).

One JSON request per stdin line, one answer per line on stdout, in order. The answers
are jamjet_schema.models.answers's, loaded when the command runs (not when the CLI starts).
"""

from __future__ import annotations

import argparse
import sys


def run(args: argparse.Namespace) -> int:
    for stream in (sys.stdin, sys.stdout):  # the protocol is UTF-8 whatever the locale says
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    from jamjet_schema.models.answers import serve

    serve(sys.stdin, sys.stdout)
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "testee",
        help="answer conformance requests (stdin -> stdout) with the Python models",
        description=__doc__,
    )
    parser.set_defaults(run=run)
