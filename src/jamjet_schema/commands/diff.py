"""`jamjet-schema diff OLD NEW`: the compatibility diff between two schema files.

The diff reads both files into the wire model (jamjet_schema.wiremodel), which the
installed package carries: it runs wherever the package is installed, with nothing
else (the JSON Schema metaschema check is the code generator's, in a checkout).
"""

from __future__ import annotations

import argparse
from typing import Any

from jamjet_schema.diff import cli


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "diff",
        help="classify every change between two schema versions under serde's rules",
        description=cli.__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cli.add_arguments(parser)
    parser.set_defaults(run=lambda args: cli.run(args, parser))
