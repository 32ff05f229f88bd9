"""`jamjet-schema validate LOG...`: check every event of a log as serde would.

A STORE (the runtime's SQLite database, or a `sqlite://PATH` URL) is checked row by
row as the runtime reads it; each bad row is named by execution_id, sequence and id.

For each bad record it prints where it is (file:line), the variant, the rule and
serde's message; with --canonical it also flags events that parse but are not in
serde's canonical form. A summary ends the output.

A log may be gzip- or zstd-compressed (recognised by its bytes, not its name). Input
that is no log at all (binary data, a database given as a log, a JSON document that is
not events) is one line and exit 2.

Exit status: 0 every record valid; 1 some record invalid (or, with --canonical, not
canonical); 2 an input cannot be read or is no log.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any, TextIO

from jamjet_schema.files.errors import Unusable
from jamjet_schema.logs.check import Verdict
from jamjet_schema.logs.progress import Progress
from jamjet_schema.logs.scan import Opened, Tally, check_inputs, total_size, verdicts
from jamjet_schema.logs.summary import Summary


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "validate",
        help="check an event log (JSON Lines or a JSON array) or a store as serde would",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "logs", nargs="*", default=["-"], metavar="LOG", help="files or a STORE; - or none: stdin"
    )
    parser.add_argument(
        "--canonical", action="store_true", help="also flag events not in canonical form"
    )
    parser.add_argument("--format", choices=["text", "json"], default="text")
    add_jobs_option(parser)
    add_store_options(parser)
    parser.set_defaults(run=run)


def add_store_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("a store (SQLite)")
    group.add_argument("--execution", metavar="ID", help="only the rows of this execution_id")
    group.add_argument("--tenant", metavar="T", help="only the rows of this tenant_id")
    group.add_argument(
        "--busy-timeout",
        type=float,
        default=5.0,
        metavar="S",
        help="seconds to wait for a writer's lock before giving up (default: 5)",
    )


def add_jobs_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=os.cpu_count() or 1,
        metavar="N",
        help="check a JSON Lines log on N threads (default: the machine's cores); "
        "results stay in file order. Needs the native core; the pure-Python path uses one.",
    )


def _jobs(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return int(text)


def run(args: argparse.Namespace) -> int:
    from jamjet_schema.store.location import names_a_store

    if any(names_a_store(name) for name in args.logs):
        return _validate_store(args)
    check_inputs(args.logs)
    return _validate(args)


def _validate_store(args: argparse.Namespace) -> int:
    from jamjet_schema.store.row_batches import Selection
    from jamjet_schema.store.validate import validate_store

    if len(args.logs) != 1 or args.canonical:
        raise Unusable("a store is validated alone, without --canonical")
    selection = Selection(args.execution, args.tenant)
    return validate_store(
        args.logs[0], selection, args.jobs, args.format, args.busy_timeout, sys.stdout
    )


def _validate(args: argparse.Namespace) -> int:
    summary = Summary()
    progress = Progress(total_size(args.logs))
    out: TextIO = sys.stdout
    for verdict in verdicts(args.logs, args.canonical, args.jobs):
        if isinstance(verdict, Opened):
            if verdict.compression:
                summary.decompressed[verdict.source] = verdict.compression
            warn_if_empty("validate", verdict)
            continue
        if isinstance(verdict, Tally):
            summary.add_clean(verdict.per_variant)
            progress.advance(verdict.size)
            continue
        summary.add(verdict)
        progress.advance(verdict.record.size)
        problem = _problem(verdict, args.canonical)
        if problem:
            out.write(_render(verdict, problem, args.format) + "\n")
    progress.close()
    out.write(
        (summary.as_json() if args.format == "json" else summary.as_text(args.canonical)) + "\n"
    )
    failed = summary.errors > 0 or (args.canonical and summary.non_canonical > 0)
    return 1 if failed else 0


def warn_if_empty(command: str, opened: Opened) -> None:
    if opened.empty:
        print(
            f"jamjet-schema {command}: warning: {opened.source}: empty, no records", file=sys.stderr
        )


def _problem(verdict: Verdict, canonical: bool) -> str | None:
    if not verdict.ok:
        return "invalid"
    if canonical and not verdict.is_canonical:
        return "not-canonical"
    return None


_JSON = json.JSONEncoder(ensure_ascii=False)  # one for every line: json.dumps makes one a call


def _render(verdict: Verdict, problem: str, fmt: str) -> str:
    where = f"{verdict.record.source}:{verdict.record.line}"
    if fmt == "json":
        data: dict[str, Any] = {
            "source": verdict.record.source,
            "line": verdict.record.line,
            "problem": problem,
            "variant": verdict.variant,
        }
        if problem == "invalid":
            data.update(rule=verdict.rule, error=verdict.error)
        else:
            data.update(canonical=verdict.canonical, written_by=verdict.era)
        return _JSON.encode(data)
    variant = verdict.variant or "?"
    if problem == "invalid":
        return f"{where}: [{variant}] {verdict.rule}: {verdict.error}"
    if verdict.era:
        return f"{where}: [{variant}] not canonical, written by {verdict.era}; serde writes: {verdict.canonical}"
    return f"{where}: [{variant}] not canonical; serde writes: {verdict.canonical}"
