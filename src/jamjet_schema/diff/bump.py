"""Does a version bump match the changes? Major for breaking, minor for additive."""

from __future__ import annotations

from jamjet_schema.diff.rules import Severity


def parse_version(text: str) -> tuple[int, int, int]:
    major, minor, patch = (int(part) for part in text.split("."))
    return major, minor, patch


def bump_of(old: str, new: str) -> Severity:
    a, b = parse_version(old), parse_version(new)
    if b <= a:
        return Severity.NONE
    if b[0] > a[0]:
        return Severity.MAJOR
    return Severity.MINOR if b[1] > a[1] else Severity.PATCH


def bump_problem(old: str, new: str, needed: Severity) -> str | None:
    """None when `new` is a large enough step from `old` for changes of severity `needed`."""
    given = bump_of(old, new)
    if needed is Severity.NONE or given >= needed:
        return None
    return f"the changes need a {needed.label} version bump, but {old} -> {new} is {given.label if given else 'no bump'}"
