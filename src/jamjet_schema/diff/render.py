"""The diff as a table for people and as JSON for machines."""

from __future__ import annotations

import json
from typing import Any

from jamjet_schema.diff.compare import Change
from jamjet_schema.diff.rules import RULES, Severity


def max_severity(changes: list[Change]) -> Severity:
    return max((c.severity for c in changes), default=Severity.NONE)


def as_json(old_version: str, new_version: str, changes: list[Change]) -> str:
    data: dict[str, Any] = {
        "old_version": old_version,
        "new_version": new_version,
        "severity": max_severity(changes).label,
        "changes": [
            {
                "kind": c.kind,
                "where": c.where,
                "detail": c.detail,
                "severity": c.severity.label,
                "old_reader_reads_new_data": c.rule.forward,
                "new_reader_reads_old_data": c.rule.backward,
                "same_canonical_bytes": c.rule.same_bytes,
                "reason": c.rule.reason,
            }
            for c in changes
        ],
    }
    return json.dumps(data, indent=2)


def _mark(ok: bool) -> str:
    return "yes" if ok else "NO"


def as_table(old_version: str, new_version: str, changes: list[Change]) -> str:
    header = ("severity", "change", "where", "old reads new", "new reads old", "same bytes")
    rows = [
        (
            c.severity.label,
            c.kind,
            c.where,
            _mark(c.rule.forward),
            _mark(c.rule.backward),
            _mark(c.rule.same_bytes),
        )
        for c in sorted(changes, key=lambda c: (-c.severity, c.where))
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = [
        f"schema {old_version} -> {new_version}: {len(changes)} change(s), {max_severity(changes).label}"
    ]
    for row in [header, *rows]:
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    reasons = {c.kind: c.rule.reason for c in changes}
    lines += (
        ["", *(f"{kind}: {reason}" for kind, reason in sorted(reasons.items()))] if reasons else []
    )
    return "\n".join(lines)


def rules_markdown() -> str:
    """Every rule of rules.py as a markdown table: the reference in docs/schema-evolution.md."""
    lines = [
        "| change | old reader, new data | new reader, old data | same bytes | severity | why |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for kind, rule in RULES.items():
        marks = (_mark(rule.forward), _mark(rule.backward), _mark(rule.same_bytes))
        lines.append(f"| `{kind}` | {' | '.join(marks)} | {rule.severity.label} | {rule.reason} |")
    return "\n".join(lines)
