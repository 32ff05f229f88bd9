"""Broken on purpose: drops null members from every output, as an encoder set to
exclude None does (serde writes `"reason":null` for an Option without skip)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # run by path: make `tests` importable


from tests.conformance.broken._wrap import Obj, dumps, loads, serve


def drop_nulls(value: Any) -> Any:
    if isinstance(value, Obj):
        return Obj((k, drop_nulls(v)) for k, v in value if v is not None)
    if isinstance(value, list):
        return [drop_nulls(v) for v in value]
    return value


if __name__ == "__main__":
    serve(on_output=lambda _input, output: dumps(drop_nulls(loads(output))))
