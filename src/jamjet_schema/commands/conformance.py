"""`jamjet-schema conformance`: run a testee over the corpus, and/or report its coverage.

Exit status:
  0  the run passed: no required (or selected evolution) case fails outside the
     known-failures list, no entry of that list is stale and (with --coverage) every
     variant and field has a fixture
  1  it failed: the report groups the failures by observed cause, most fixtures first
  2  it could not happen: a bad corpus or argument, or a testee that could not start,
     died, hung past --timeout or broke the protocol (the report says which request,
     with the testee's exit status and the tail of its stderr)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from jamjet_schema.conformance import ci_formats, corpus, coverage, known_failures, report, runner
from jamjet_schema.conformance import eras as eras_mod
from jamjet_schema.conformance.runner import EXIT_CANNOT_RUN, EXIT_FAIL, EXIT_PASS
from jamjet_schema.conformance.testee import (
    DEFAULT_TIMEOUT,
    ProtocolError,
    Testee,
    TesteeFailure,
    load_registry,
    registered,
)
from jamjet_schema.files.errors import Unusable
from jamjet_schema.files.outputs import refuse_inputs, replacing

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
    p.add_argument(
        "--format",
        choices=["text", "json", "github"],
        default="text",
        help="github: a GitHub Actions annotation per cause group, then the text report",
    )
    p.add_argument(
        "--junit-xml",
        type=Path,
        metavar="FILE",
        help="also write JUnit XML to FILE: a test case per fixture, classes by fixture file",
    )
    p.add_argument(
        "--report",
        type=Path,
        metavar="FILE",
        help="also write the JSON report to FILE (whatever --format prints)",
    )
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
    p.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"wait at most SECONDS for each answer, the first including the testee's start "
        f"(default {DEFAULT_TIMEOUT:g}); then stop it and exit 2",
    )
    p.add_argument(
        "--serde-json-era",
        metavar="X.Y.Z",
        help="the testee writes as serde_json X.Y.Z: judge the fixtures that era re-records "
        "(the corpus's eras/ folder) by its answers",
    )


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not value > 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive number of seconds")
    return value


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
        return EXIT_CANNOT_RUN
    try:
        return _run(args)
    except _Aborted as stopped:
        failure, what = stopped.failure, stopped.run
        _emit(args, report.aborted_text(failure, what), report.aborted_json(failure, what))
        say(f"jamjet-schema conformance: {failure.summary}", sys.stderr)
        return EXIT_CANNOT_RUN
    except (
        corpus.FixtureError,
        corpus.CorpusNotFound,
        coverage.ManifestError,
        known_failures.KnownFailuresError,
        ProtocolError,
        LookupError,
        OSError,
        Unusable,
    ) as err:
        say(f"jamjet-schema conformance: {err}", sys.stderr)
        return EXIT_CANNOT_RUN


class _Aborted(Exception):
    """The testee stopped the run: what it did, and what the run was."""

    def __init__(self, failure: TesteeFailure, run: report.Aborted) -> None:
        super().__init__(str(failure))
        self.failure, self.run = failure, run


@dataclass(frozen=True)
class _Chosen:
    """What --testee/--impl amount to."""

    testee: Testee | None  # None: --coverage only
    reader_version: str | None  # the older release the testee reads as, if any
    known_failures: Path | None


def _run(args: argparse.Namespace) -> int:
    loaded = corpus.load(args.corpus)
    chosen = _choose(args, loaded.root)
    _refuse_inputs(args, loaded, chosen)
    selection = runner.Selection(args.tier, frozenset(args.rule), args.match, chosen.reader_version)
    cases = selection.select(loaded.cases)
    if not cases:
        raise LookupError("no case matches the selection (--tier/--rule/--match)")
    eras = eras_mod.load(loaded.root, loaded.cases)
    runner.choose_era(eras, args.serde_json_era)  # an unknown era: before starting anything
    result = None
    if chosen.testee is not None:
        listed = chosen.known_failures
        known = known_failures.load(listed) if listed else None
        testee = replace(chosen.testee, timeout=args.timeout)
        ids = [c.id for c in loaded.cases]
        era, reader = args.serde_json_era, chosen.reader_version
        started = time.perf_counter()
        try:
            result = runner.run(testee, cases, known, loaded.root, ids, reader, eras, era)
        except TesteeFailure as failure:
            what = report.Aborted(testee.describe(), loaded.root, len(cases))
            raise _Aborted(failure, what) from failure
        if args.junit_xml is not None:
            xml = ci_formats.junit_xml(result, time.perf_counter() - started)
            write_atomically(args.junit_xml, xml)
    measured = None
    if args.coverage:
        every = replace(selection, every_reader=True).select(loaded.cases)
        measured = coverage.measure(coverage.load_manifest(loaded.manifest_path), every)
    _print(args, result, measured)
    ok = (result is None or result.ok) and (measured is None or measured.ok)
    return EXIT_PASS if ok else EXIT_FAIL


def _print(
    args: argparse.Namespace, result: runner.RunResult | None, measured: coverage.Coverage | None
) -> None:
    if result is not None:
        text = report.text(result, measured)
        if args.format == "github":  # the annotations first: GitHub reads them off the log
            text = "\n".join([*ci_formats.github_annotations(result), text])
    else:
        text = report.coverage_text(measured) if measured is not None else ""
    _emit(args, text, report.as_json(result, measured))


def _emit(args: argparse.Namespace, text: str, doc: dict[str, Any]) -> None:
    """The report on stdout as --format says, and as JSON to --report FILE."""
    if args.format == "json":
        try:
            print(json.dumps(doc, indent=2, ensure_ascii=False))
        except UnicodeEncodeError:  # a lone surrogate, or a stdout that is not UTF-8
            print(json.dumps(doc, indent=2))  # every such character as its JSON escape
    else:
        say(text, sys.stdout)
    if args.report is not None:
        write_atomically(args.report, (json.dumps(doc, indent=2) + "\n").encode("ascii"))


def write_atomically(path: Path, data: bytes) -> None:
    """A report file, whole or not at all, never over the corpus or the list it reads."""
    with replacing(str(path)) as stream:
        stream.write(data)


def say(text: str, stream: Any) -> None:
    """Prints `text`; what the stream cannot encode is written as backslash escapes."""
    try:
        print(text, file=stream)
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "utf-8"
        print(text.encode(encoding, "backslashreplace").decode(encoding), file=stream)


def _refuse_inputs(args: argparse.Namespace, loaded: corpus.Corpus, chosen: _Chosen) -> None:
    """Before the run: no report may be written over a fixture or the known-failures list."""
    inputs = [str(c.file) for c in loaded.cases]
    inputs += [str(chosen.known_failures)] if chosen.known_failures else []
    for output in (args.report, args.junit_xml):
        if output is not None:
            refuse_inputs(str(output), logs=sorted(set(inputs)))


def _choose(args: argparse.Namespace, corpus_root: Path) -> _Chosen:
    if not args.impl:
        testee = Testee.from_shell(args.testee, args.cwd) if args.testee else None
        return _Chosen(testee, args.reader_version, args.known_failures)
    registry = find_registry(corpus_root)
    entry = load_registry(registry).get(args.impl, {})
    testee = registered(registry, args.impl)  # run from the repository root
    if args.cwd:
        testee = replace(testee, cwd=args.cwd)
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
