"""The `jamjet-schema` command. Each subcommand lives in jamjet_schema/commands/<name>.py
and registers itself through `register(subparsers)`; this module only wires them up."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from jamjet_schema._version import __version__

# Subcommand modules, in the order `--help` lists them.
COMMANDS = [
    "validate",
    "canonicalize",
    "export",
    "check-store",
    "conformance",
    "testee",
    "diff",
]


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every subcommand, or of `only` (its module alone is imported)."""
    parser = argparse.ArgumentParser(
        prog="jamjet-schema",
        description="The wire contract of the JamJet event log.",
    )
    parser.add_argument("--version", action="version", version=f"jamjet-schema {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in [only] if only else COMMANDS:
        module = name.replace("-", "_")
        importlib.import_module(f"jamjet_schema.commands.{module}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    # The first word naming a subcommand is it (options come after it): only that
    # module is loaded, so `validate` starts without the conformance runner.
    chosen = next((word for word in words if word in COMMANDS), None)
    args = build_parser(chosen).parse_args(words)
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
