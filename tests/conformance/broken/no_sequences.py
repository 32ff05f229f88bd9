"""Differs only where serde is implementation-defined: refuses the sequence form
(a struct read from a JSON array), which most JSON libraries do."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # run by path: make `tests` importable

from tests.conformance.broken._wrap import Answer, serve


def refuse_arrays(_type: str, text: str) -> Answer | None:
    return {"error": "expected an object"} if text.lstrip().startswith("[") else None


if __name__ == "__main__":
    serve(on_input=refuse_arrays)
