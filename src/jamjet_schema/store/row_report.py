"""Rows in reports: named by `execution_id`, `sequence` and `id` as stored, in the log
validator's format (`where: [variant] rule: message`, or one JSON object per problem)."""

from __future__ import annotations

import json
from typing import Any

from jamjet_schema.logs.summary import Summary
from jamjet_schema.store.rows import RowVerdict


def shown(value: Any) -> str:
    """A stored value as text: NULL, a number, or the text (bytes not UTF-8 escaped)."""
    if value is None:
        return "NULL"
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="backslashreplace")
    return str(value)


def plain(value: Any) -> Any:
    """A stored value for JSON output."""
    return shown(value) if isinstance(value, bytes) else value


def where(source: str, verdict: RowVerdict) -> str:
    return (
        f"{source}: execution_id={shown(verdict.execution_id)} "
        f"sequence={shown(verdict.sequence)} id={shown(verdict.id)}"
    )


def render(source: str, verdict: RowVerdict, fmt: str) -> str:
    """One rejected row."""
    if fmt == "json":
        return json.dumps(
            {
                "source": source,
                "rowid": verdict.rowid,
                "execution_id": plain(verdict.execution_id),
                "sequence": plain(verdict.sequence),
                "id": plain(verdict.id),
                "problem": "invalid",
                "variant": verdict.variant,
                "rule": verdict.rule,
                "column": verdict.column,
                "error": verdict.error,
            },
            ensure_ascii=False,
        )
    variant = verdict.variant or "?"
    return (
        f"{where(source, verdict)}: [{variant}] {verdict.rule}: {verdict.column}: {verdict.error}"
    )


def count(summary: Summary, verdict: RowVerdict) -> None:
    """A row read by the exact path, counted as the log validator counts a record."""
    summary.records += 1
    if verdict.ok:
        summary.valid += 1
        summary.per_variant[verdict.variant or "?"] += 1
    else:
        summary.per_rule[verdict.rule] += 1
