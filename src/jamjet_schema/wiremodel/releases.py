"""The schema releases the package carries: every version in `history/` (in a checkout, a
link to schema/history) and the current schema, so that a version number names a
schema wherever the package is installed."""

from __future__ import annotations

import re
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
HISTORY = _PACKAGE / "history"
# The current schema: in the wheel beside the package, in a checkout under schema/.
CURRENT = (_PACKAGE / "event.schema.json", _PACKAGE.parent.parent / "schema" / "event.schema.json")
VERSION = re.compile(r"\d+\.\d+\.\d+")


def versions() -> list[str]:
    """The released versions, oldest first."""
    found = [p.stem for p in HISTORY.glob("*.json") if VERSION.fullmatch(p.stem)]
    return sorted(found, key=lambda v: tuple(int(part) for part in v.split(".")))


def release(version: str) -> Path:
    """The schema file of a released version; LookupError naming the known ones if none."""
    path = HISTORY / f"{version}.json"
    if not VERSION.fullmatch(version) or not path.is_file():
        known = ", ".join(versions()) or "none"
        raise LookupError(f"no schema version {version!r} (known: {known})")
    return path


def current() -> Path:
    return next((p for p in CURRENT if p.is_file()), CURRENT[-1])
