"""`python -m codegen.diff OLD NEW`: classify every change between two schema files.

Exit status: 0 when no change reaches --fail-on (default: major), 1 when one does,
or with --check-bump when NEW's version is not a large enough step from OLD's; 2
when a schema cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from codegen.diff.bump import bump_problem
from codegen.diff.compare import compare
from codegen.diff.report import as_json, as_table, max_severity, rules_markdown
from codegen.diff.rules import Severity
from codegen.errors import SchemaError
from codegen.pipeline import load_model

THRESHOLDS = {
    "major": Severity.MAJOR,
    "minor": Severity.MINOR,
    "patch": Severity.PATCH,
    "never": None,
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jamjet-schema diff",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("old", type=Path, nargs="?", help="the older schema file")
    parser.add_argument("new", type=Path, nargs="?", help="the newer schema file")
    parser.add_argument("--rules", action="store_true", help="print every rule as a markdown table")
    parser.add_argument("--format", choices=["table", "json"], default="table")
    parser.add_argument("--fail-on", choices=list(THRESHOLDS), default="major")
    parser.add_argument(
        "--check-bump", action="store_true", help="fail unless NEW's version bump fits the changes"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.rules:
        print(rules_markdown())
        return 0
    if args.old is None or args.new is None:
        parser.error("give OLD and NEW schema files (or --rules)")
    try:
        old = load_model(args.old.resolve(), Path("/"))
        new = load_model(args.new.resolve(), Path("/"))
    except (SchemaError, OSError) as err:
        print(f"jamjet-schema diff: {err}", file=sys.stderr)
        return 2
    changes = compare(old, new)
    render = as_json if args.format == "json" else as_table
    print(render(old.version, new.version, changes))
    worst = max_severity(changes)
    if args.check_bump:
        problem = bump_problem(old.version, new.version, worst)
        if problem:
            print(f"version bump: {problem}", file=sys.stderr)
            return 1
    threshold = THRESHOLDS[args.fail_on]
    return 1 if threshold is not None and worst >= threshold else 0


if __name__ == "__main__":
    sys.exit(main())
