"""Broken on purpose: writes every object with its members sorted by name (serde
writes struct fields in declaration order)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # run by path: make `tests` importable


from tests.conformance.broken._wrap import Obj, dumps, loads, serve


def sort_members(value: Any) -> Any:
    if isinstance(value, Obj):
        return Obj(sorted((k, sort_members(v)) for k, v in value))
    if isinstance(value, list):
        return [sort_members(v) for v in value]
    return value


if __name__ == "__main__":
    serve(on_output=lambda _input, output: dumps(sort_members(loads(output))))
