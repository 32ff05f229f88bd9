"""Broken on purpose, as Python's json reads and writes by default (allow_nan):
NaN, Infinity and -Infinity are numbers (serde_json rejects them)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # run by path: make `tests` importable


from tests.conformance.broken._defaults import bare_names, restore_names
from tests.conformance.broken._wrap import serve

if __name__ == "__main__":
    serve(
        on_input=lambda _type, text: bare_names(text),
        on_output=lambda _input, output: restore_names(output),
    )
