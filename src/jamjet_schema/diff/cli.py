"""`jamjet-schema diff OLD NEW`: classify every change between two schema versions.

OLD and NEW are schema files, or version numbers of the releases the package carries
(`jamjet-schema diff 1.0.0 1.1.0`); `current` is the package's own schema.

Exit status: 0 when no change reaches --fail-on (default: major), 1 when one does,
or with --check-bump when NEW's version is not a large enough step from OLD's; 2
when a schema cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from jamjet_schema.diff.bump import bump_problem
from jamjet_schema.diff.compare import compare
from jamjet_schema.diff.render import as_json, as_table, max_severity, rules_markdown
from jamjet_schema.diff.rules import Severity
from jamjet_schema.wiremodel import load_model
from jamjet_schema.wiremodel.errors import SchemaError
from jamjet_schema.wiremodel.model import WireModel
from jamjet_schema.wiremodel.releases import VERSION, current, release

PROG = "jamjet-schema diff"
THRESHOLDS = {
    "major": Severity.MAJOR,
    "minor": Severity.MINOR,
    "patch": Severity.PATCH,
    "never": None,
}

Loader = Callable[[Path], WireModel]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", type=Path, nargs="?", help="the older schema: a file or a version")
    parser.add_argument("new", type=Path, nargs="?", help="the newer schema: a file or a version")
    parser.add_argument("--rules", action="store_true", help="print every rule as a markdown table")
    parser.add_argument("--format", choices=["table", "json"], default="table")
    parser.add_argument("--fail-on", choices=list(THRESHOLDS), default="major")
    parser.add_argument(
        "--check-bump", action="store_true", help="fail unless NEW's version bump fits the changes"
    )


def build_parser(prog: str = PROG) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog, description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_arguments(parser)
    return parser


def read(path: Path) -> WireModel:
    """The wire model of a schema file, or of a release named by its version (a file of
    that name wins): its vocabulary and wire rules checked."""
    return load_model(schema_file(path).resolve())


def schema_file(path: Path) -> Path:
    """`path` itself if it exists or is no version number; else the release it names."""
    name = str(path)
    if path.exists():
        return path
    if name == "current":
        return current()
    if VERSION.fullmatch(name):
        return release(name)  # LookupError naming the known versions
    return path


def run(
    args: argparse.Namespace,
    parser: argparse.ArgumentParser,
    loader: Loader = read,
    prog: str = PROG,
) -> int:
    if args.rules:
        print(rules_markdown())
        return 0
    if args.old is None or args.new is None:
        parser.error("give OLD and NEW schema files (or --rules)")
    try:
        old, new = loader(args.old), loader(args.new)
    except (SchemaError, OSError, LookupError) as err:
        print(f"{prog}: {_where(err)}", file=sys.stderr)
        return 2
    except (AttributeError, KeyError, TypeError, ValueError) as err:
        # JSON that is no schema of this vocabulary at all, e.g. `$defs` not an object
        print(f"{prog}: not a jamjet-schema schema file: {err!r}", file=sys.stderr)
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


def _where(err: Exception) -> str:
    if isinstance(err, OSError) and err.filename is not None:
        return f"{err.filename}: {err.strerror}"
    if isinstance(err, LookupError):
        return str(err.args[0])
    return str(err)


def main(argv: Sequence[str] | None = None, loader: Loader = read, prog: str = PROG) -> int:
    parser = build_parser(prog)
    return run(parser.parse_args(argv), parser, loader, prog)
