"""`jamjet-schema check-store STORE --reader VERSION`: would a reader of that schema
version read every stored event? Rows are read in (execution_id, sequence) order; the
answer is grouped by variant and reason, with a few rows named in each group, and
per-execution warnings (sequences not 1..n, created_at running backwards) stream out
as they are found."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, TextIO

from jamjet_schema.store.connection import opened
from jamjet_schema.store.readers import VersionReader
from jamjet_schema.store.row_batches import EXECUTION_ORDER, Batch, Selection
from jamjet_schema.store.row_report import plain, shown
from jamjet_schema.store.rows import RowVerdict
from jamjet_schema.store.scan import batches
from jamjet_schema.store.sequences import SequenceWatch
from jamjet_schema.wire import Timestamp

EXAMPLES = 3  # rows named per group in the text report


@dataclass
class Answer:
    events: int = 0
    unreadable: int = 0  # rows the runtime itself cannot read
    groups: Counter[tuple[str, str]] = field(default_factory=Counter)  # (variant, why) -> rows
    examples: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    warnings: int = 0

    @property
    def rejected(self) -> int:
        return sum(self.groups.values())


@dataclass(frozen=True)
class Row:
    rowid: int
    execution_id: Any
    sequence: Any
    id: Any
    variant: str | None
    kind: bytes | str | None  # the stored kind_json, when the runtime reads the row
    created_at: Timestamp | None
    problem: RowVerdict | None  # set when the runtime cannot read the row


def _rows(batch: Batch) -> list[Row]:
    out = []
    for index, (line, rowid, execution_id, sequence, event_id, kind_json) in enumerate(batch.rows):
        verdict = batch.problems.get(index)
        if verdict is None:
            text = line.decode()
        elif verdict.ok and verdict.event is not None:
            text = verdict.event
        else:
            out.append(
                Row(rowid, execution_id, sequence, event_id, verdict.variant, None, None, verdict)
            )
            continue
        event = json.loads(text)
        at = Timestamp.parse(event["created_at"])
        out.append(
            Row(rowid, execution_id, sequence, event_id, event["kind"]["type"], kind_json, at, None)
        )
    return out


def check_store(
    name: str, selection: Selection, reader: VersionReader, fmt: str, timeout: float, out: TextIO
) -> int:
    """0 every event read by the reader, 1 some not (or unreadable rows), 2 unreadable store."""
    answer, watch = Answer(), SequenceWatch()
    ordered = Selection(
        selection.execution,
        selection.tenant,
        EXECUTION_ORDER,
        ("execution_id", "sequence", "id", "kind_json"),
    )
    with opened(name, timeout) as store:
        for batch in batches(store, ordered):
            for row in _rows(batch):
                _judge(name, row, reader, answer, watch, fmt, out)
    out.write(_summary(name, reader.version, answer, fmt) + "\n")
    return 1 if answer.rejected or answer.unreadable else 0


def _judge(
    name: str,
    row: Row,
    reader: VersionReader,
    answer: Answer,
    watch: SequenceWatch,
    fmt: str,
    out: TextIO,
) -> None:
    answer.events += 1
    for warning in watch.see(row.execution_id, row.sequence, row.id, row.created_at):
        answer.warnings += 1
        out.write(_warning(name, warning, fmt) + "\n")
    if row.problem is not None:
        answer.unreadable += 1
        why = f"{row.problem.column}: {row.problem.error}"
    elif row.variant in reader.same or row.kind is None:
        return
    else:
        verdict = reader.judge(row.kind)
        if verdict is None:
            return
        why = f"kind_json: {verdict}"
    key = (row.variant or "?", why)
    answer.groups[key] += 1
    where = (
        f"execution_id={shown(row.execution_id)} sequence={shown(row.sequence)} id={shown(row.id)}"
    )
    if fmt == "json":
        out.write(
            json.dumps(
                {
                    "source": name,
                    "rowid": row.rowid,
                    "execution_id": plain(row.execution_id),
                    "sequence": plain(row.sequence),
                    "id": plain(row.id),
                    "variant": row.variant,
                    "reader": reader.version,
                    "runtime_reads": row.problem is None,
                    "error": why,
                },
                ensure_ascii=False,
            )
            + "\n"
        )
    elif len(answer.examples.setdefault(key, [])) < EXAMPLES:
        answer.examples[key].append(where)


def _warning(name: str, warning: str, fmt: str) -> str:
    if fmt == "json":
        return json.dumps({"source": name, "warning": warning}, ensure_ascii=False)
    return f"{name}: warning: {warning}"


def _summary(name: str, version: str, answer: Answer, fmt: str) -> str:
    read = answer.events - answer.rejected
    if fmt == "json":
        groups = [
            {"variant": v, "error": why, "rows": n} for (v, why), n in answer.groups.most_common()
        ]
        return json.dumps(
            {
                "summary": {
                    "reader": version,
                    "events": answer.events,
                    "read": read,
                    "rejected": answer.rejected,
                    "unreadable_by_the_runtime": answer.unreadable,
                    "warnings": answer.warnings,
                    "groups": groups,
                }
            }
        )
    verdict = "reads every one" if not answer.rejected else f"rejects {answer.rejected}"
    lines = [f"{name}: {answer.events} events; a {version} reader {verdict}"]
    for (variant, why), n in answer.groups.most_common():
        them = "events: a {0} reader rejects them" if n > 1 else "event: a {0} reader rejects it"
        lines.append(f"  {n} {variant} {them.format(version)}: {why}")
        shown_rows = answer.examples.get((variant, why), [])
        lines += [f"      {where}" for where in shown_rows]
        if n > len(shown_rows):
            lines.append(
                f"      ... and {n - len(shown_rows)} more (--format json lists every row)"
            )
    if answer.unreadable:
        lines.append(
            f"  ({answer.unreadable} of them the runtime itself cannot read: see validate)"
        )
    if answer.warnings:
        lines.append(f"  {answer.warnings} warnings (above)")
    return "\n".join(lines)
