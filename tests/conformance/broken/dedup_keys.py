"""Broken on purpose: accepts a member given twice (the last one wins, as in a
Python dict), where serde rejects a duplicate field."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # run by path: make `tests` importable


from tests.conformance.broken._wrap import Obj, dumps, serve, try_loads


def has_duplicates(value: Any) -> bool:
    if isinstance(value, Obj):
        keys = [k for k, _ in value]
        return len(keys) != len(set(keys)) or any(has_duplicates(v) for _, v in value)
    return isinstance(value, list) and any(has_duplicates(v) for v in value)


def dedup(value: Any) -> Any:
    if isinstance(value, Obj):
        return Obj({k: dedup(v) for k, v in value}.items())
    if isinstance(value, list):
        return [dedup(v) for v in value]
    return value


def forward(_type: str, text: str) -> str:
    tree = try_loads(text)
    return dumps(dedup(tree)) if has_duplicates(tree) else text


if __name__ == "__main__":
    serve(on_input=forward)
