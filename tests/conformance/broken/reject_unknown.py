"""Broken on purpose: rejects unknown members (serde ignores them), like a model with
`extra = "forbid"`. A member is unknown when the schema has no property of that name
and it is not written back (so members of free JSON values stay allowed)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # run by path: make `tests` importable


from tests.conformance.broken._wrap import REPO, Answer, Obj, serve, try_loads


def known_names() -> set[str]:
    schema = json.loads((REPO / "schema" / "event.schema.json").read_text(encoding="utf-8"))
    return {name for d in schema["$defs"].values() for name in d.get("properties", {})}


def keys(value: Any) -> Iterator[str]:
    if isinstance(value, Obj):
        for k, v in value:
            yield k
            yield from keys(v)
    elif isinstance(value, list):
        for v in value:
            yield from keys(v)


KNOWN = known_names()


def check(text: str, output: str) -> str | Answer:
    unknown = set(keys(try_loads(text))) - KNOWN - set(keys(try_loads(output)))
    return {"error": f"unknown field `{min(unknown)}`"} if unknown else output


if __name__ == "__main__":
    serve(on_output=check)
