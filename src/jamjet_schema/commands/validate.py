"""`jamjet-schema validate LOG...`: check every event of a log as serde would.

A STORE (the runtime's SQLite database, or a `sqlite://PATH` URL) is checked row by
row as the runtime reads it; each bad row is named by execution_id, sequence and id.

For each bad record it prints where it is (file:line), the variant, the rule and
serde's message; with --canonical it also flags events that parse but are not in
serde's canonical form. A summary ends the output.

A log may be gzip- or zstd-compressed (recognised by its bytes, not its name). Input
that is no log at all (binary data, a database given as a log, a JSON document that is
not events) is one line and exit 2.

A JSON document holding events (the runtime's HTTP API answer, `{"events": [...]}`,
recognised by its start, or any document with --pointer naming the array, RFC 6901)
is checked element by element; each bad one is named by its path and place:
`api.json:events[3] (line 1 column 812)`. --form api checks with --canonical that
each event is written as the API writes it (members sorted); an event that differs
only in the order of its members (or white space) is said to.

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
from jamjet_schema.logs.records import Record
from jamjet_schema.logs.scan import Opened, Tally, check_inputs, total_size, verdicts
from jamjet_schema.logs.summary import Summary
from jamjet_schema.wire._constants import FORMS
from jamjet_schema.wire.api_form import sorted_members


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
    add_document_options(parser)
    add_jobs_option(parser)
    add_store_options(parser)
    parser.set_defaults(run=run)


def add_document_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("events inside one JSON document")
    group.add_argument(
        "--pointer",
        metavar="P",
        help='the array of events in the document, a JSON Pointer ("" the root, /events);'
        " the API's envelope is recognised without it",
    )
    group.add_argument(
        "--form",
        choices=FORMS,
        default=FORMS[0],
        help="the bytes --canonical expects: log (serde_json::to_string, the default) or "
        "api (as the runtime's HTTP API writes: every object's members sorted)",
    )


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
    check_inputs(args.logs, args.pointer)
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
    api = args.form != FORMS[0]  # the core's batches judge the log form: records one by one
    for verdict in verdicts(args.logs, args.canonical, args.jobs, args.pointer, api):
        if isinstance(verdict, Opened):
            if verdict.compression:
                summary.decompressed[verdict.source] = verdict.compression
            warn_if_empty("validate", verdict)
            continue
        if isinstance(verdict, Tally):
            summary.add_clean(verdict.per_variant)
            progress.advance(verdict.size)
            continue
        if api and verdict.canonical is not None:
            verdict.canonical = sorted_members(verdict.canonical)  # what the API writes
        summary.add(verdict)
        progress.advance(verdict.record.size)
        problem = _problem(verdict, args.canonical)
        if problem:
            out.write(_render(verdict, problem, args.format, args.form) + "\n")
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


def invalid_line(verdict: Verdict) -> str:
    """A rejected record's line as validate prints it: place, variant, rule, serde's message."""
    return _render(verdict, "invalid", "text")


def where(record: Record) -> str:
    """`file:line`, or in a JSON document `file:events[3] (line L column C)`."""
    if record.element is None:
        return f"{record.source}:{record.line}"
    column = "" if record.column is None else f" column {record.column}"
    return f"{record.source}:{record.element} (line {record.line}{column})"


_JSON = json.JSONEncoder(ensure_ascii=False)  # one for every line: json.dumps makes one a call


def _render(verdict: Verdict, problem: str, fmt: str, form: str = FORMS[0]) -> str:
    record, expected = verdict.record, verdict.canonical
    order_only = problem != "invalid" and same_members(record.text, expected)
    if fmt == "json":
        data: dict[str, Any] = {"source": record.source, "line": record.line}
        if record.element is not None:
            data.update(element=record.element, column=record.column)
        data.update(problem=problem, variant=verdict.variant)
        if problem == "invalid":
            data.update(rule=verdict.rule, error=verdict.error)
        else:
            data.update(canonical=expected, form=form, order_only=order_only)
            data.update(written_by=verdict.era if form == FORMS[0] else None)
        return _JSON.encode(data)
    variant, at = verdict.variant or "?", where(record)
    if problem == "invalid":
        return f"{at}: [{variant}] {verdict.rule}: {verdict.error}"
    writer = "serde writes" if form == FORMS[0] else "the API writes"
    if order_only:
        # the same tokens: as long as the canonical text exactly when nothing but the order differs
        how = (
            "only the order of members"
            if len(record.text or "") == len(expected or "")
            else "only the order of members and white space"
        )
        return f"{at}: [{variant}] not canonical: {how} differs; {writer}: {expected}"
    if verdict.era and form == FORMS[0]:
        return f"{at}: [{variant}] not canonical, written by {verdict.era}; {writer}: {expected}"
    return f"{at}: [{variant}] not canonical; {writer}: {expected}"


def same_members(text: str | None, other: str | None) -> bool:
    """Do two JSON texts hold the same members with the same tokens, in any order?"""
    if text is None or other is None:
        return False
    return _unordered(text) == _unordered(other)


def _unordered(text: str) -> object:
    def pairs(items: list[tuple[str, object]]) -> object:
        return ("{}", tuple(sorted(items, key=lambda item: item[0])))

    return json.loads(text, object_pairs_hook=pairs, parse_float=str, parse_int=str)
