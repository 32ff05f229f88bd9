"""`jamjet-schema conformance`: run a testee over the corpus, and/or report its coverage.

Exit status: 0 when no required-tier case fails outside the known-failures list, no
entry of that list is stale and (with --coverage) every variant and field has a
fixture; 1 otherwise; 2 when the run cannot happen (bad corpus, testee broke the
protocol, bad arguments).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from jamjet_schema.conformance import corpus, coverage, known_failures, report, runner
from jamjet_schema.conformance.testee import ProtocolError, Testee, load_registry, registered

REGISTRY = Path("conformance") / "testees.json"


def register(subparsers: Any) -> None:
    p: argparse.ArgumentParser = subparsers.add_parser(
        "conformance",
        help="run a testee over the conformance corpus",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _testee_options(p)
    _selection_options(p)
    p.add_argument(
        "--known-failures",
        type=Path,
        metavar="FILE",
        help="fixture ids expected to fail, one a line "
        "(default for --impl NAME: conformance/known-failures/NAME.txt if it exists)",
    )
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument(
        "--coverage",
        action="store_true",
        help="report fixtures per variant, field and rule; fail when a variant or field has none",
    )
    p.set_defaults(run=run)


def _testee_options(p: argparse.ArgumentParser) -> None:
    which = p.add_mutually_exclusive_group()
    which.add_argument("--testee", metavar="COMMAND", help="the testee command line")
    which.add_argument("--impl", metavar="NAME", help="a testee of conformance/testees.json")
    p.add_argument(
        "--cwd",
        type=Path,
        metavar="DIR",
        help="run the testee from DIR (default: --impl: the repository root; --testee: here)",
    )
    p.add_argument(
        "--reader-version",
        metavar="X.Y.Z",
        help="the testee reads as release X.Y.Z: run the evolution cases of that reader "
        "(default: the reader_version of the --impl entry, else none)",
    )


def _selection_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--corpus",
        type=Path,
        metavar="DIR",
        help=f"fixtures folder (default: ${corpus.CORPUS_ENV}, else the packaged corpus)",
    )
    p.add_argument(
        "--tier",
        choices=["required", "all"],
        default="all",
        help="all: also the implementation-defined cases, which never fail the run (default)",
    )
    p.add_argument(
        "--rule",
        action="append",
        choices=corpus.RULES,
        default=[],
        metavar="RULE",
        help="only cases of RULE (repeatable)",
    )
    p.add_argument("--match", metavar="SUBSTRING", help="only cases whose id contains SUBSTRING")


def run(args: argparse.Namespace) -> int:
    if not (args.testee or args.impl or args.coverage):
        print("jamjet-schema conformance: give --testee, --impl or --coverage", file=sys.stderr)
        return 2
    try:
        return _run(args)
    except (
        corpus.FixtureError,
        corpus.CorpusNotFound,
        coverage.ManifestError,
        known_failures.KnownFailuresError,
        ProtocolError,
        LookupError,
        OSError,
    ) as err:
        print(f"jamjet-schema conformance: {err}", file=sys.stderr)
        return 2


@dataclass(frozen=True)
class _Chosen:
    """What --testee/--impl amount to."""

    testee: Testee | None  # None: --coverage only
    reader_version: str | None  # the older release the testee reads as, if any
    known_failures: Path | None


def _run(args: argparse.Namespace) -> int:
    loaded = corpus.load(args.corpus)
    chosen = _choose(args, loaded.root)
    selection = runner.Selection(args.tier, frozenset(args.rule), args.match, chosen.reader_version)
    cases = selection.select(loaded.cases)
    if not cases:
        raise LookupError("no case matches the selection (--tier/--rule/--match)")
    result = None
    if chosen.testee is not None:
        listed = chosen.known_failures
        known = known_failures.load(listed) if listed else None
        ids = [c.id for c in loaded.cases]
        result = runner.run(
            chosen.testee, cases, known, loaded.root, ids, reader_version=chosen.reader_version
        )
    measured = None
    if args.coverage:
        every = replace(selection, every_reader=True).select(loaded.cases)
        measured = coverage.measure(coverage.load_manifest(loaded.manifest_path), every)
    _print(args.format, result, measured)
    ok = (result is None or result.ok) and (measured is None or measured.ok)
    return 0 if ok else 1


def _print(form: str, result: runner.RunResult | None, measured: coverage.Coverage | None) -> None:
    if form == "json":
        print(json.dumps(report.as_json(result, measured), indent=2, ensure_ascii=False))
    elif result is not None:
        print(report.text(result, measured))
    elif measured is not None:
        print(report.coverage_text(measured))


def _choose(args: argparse.Namespace, corpus_root: Path) -> _Chosen:
    if not args.impl:
        testee = Testee.from_shell(args.testee, args.cwd) if args.testee else None
        return _Chosen(testee, args.reader_version, args.known_failures)
    registry = find_registry(corpus_root)
    entry = load_registry(registry).get(args.impl, {})
    testee = registered(registry, args.impl)  # run from the repository root
    if args.cwd:
        testee = Testee(testee.command, args.cwd)
    # A registered testee's list lives at conformance/known-failures/<name>.txt.
    listed = registry.parent / "known-failures" / f"{args.impl}.txt"
    return _Chosen(
        testee,
        args.reader_version or entry.get("reader_version"),
        args.known_failures or (listed if listed.is_file() else None),
    )


def find_registry(corpus_root: Path) -> Path:
    """conformance/testees.json of the repository we are in, else the one by the corpus."""
    here = Path.cwd().resolve()
    candidates = [d / REGISTRY for d in (here, *here.parents)]
    candidates.append(corpus_root.resolve().parent / REGISTRY.name)
    found = next((c for c in candidates if c.is_file()), None)
    if found is None:
        raise LookupError(f"--impl needs {REGISTRY} (run from the repository, or use --testee)")
    return found
