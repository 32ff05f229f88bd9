"""Broken on purpose: reads tags case-insensitively, so `WORKFLOW_STARTED` passes for
`workflow_started` (serde compares tags exactly)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # run by path: make `tests` importable

from tests.conformance.broken._wrap import dumps, serve, tagged_objects, try_loads


def lower_tags(type_name: str, text: str) -> str | None:
    tree = try_loads(text)
    changed = False
    for obj in tagged_objects(type_name, tree):
        for i, (k, v) in enumerate(obj):
            if k == "type" and isinstance(v, str) and v != v.lower():
                obj[i], changed = (k, v.lower()), True
    return dumps(tree) if changed else None


if __name__ == "__main__":
    serve(on_input=lower_tags)
