"""`jamjet-schema diff OLD NEW`: the compatibility diff between two schema files.

The diff is built on the code generator's wire model (codegen/), which lives in a
checkout of jamjet-schema rather than in the installed package: run it from one.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Any


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "diff",
        help="classify every change between two schema versions under serde's rules",
        add_help=False,
    )
    parser.add_argument("args", nargs=argparse.REMAINDER)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        diff = importlib.import_module("codegen.diff.__main__")
    except ModuleNotFoundError:
        print(
            "jamjet-schema diff needs the code generator (codegen/): run it from a checkout "
            "of jamjet-schema, where `python -m codegen.diff OLD NEW` works too",
            file=sys.stderr,
        )
        return 2
    code: int = diff.main(args.args)
    return code
