"""Broken on purpose: requires the tag to be the first member (serde finds it
anywhere in the object)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # run by path: make `tests` importable

from tests.conformance.broken._wrap import Answer, serve, tagged_objects, try_loads


def check(type_name: str, text: str) -> str | Answer | None:
    for obj in tagged_objects(type_name, try_loads(text)):
        names = [k for k, _ in obj]
        if "type" in names and names[0] != "type":
            return {"error": "the tag `type` must come first"}
    return None


if __name__ == "__main__":
    serve(on_input=check)
