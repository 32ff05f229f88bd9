"""Broken on purpose: takes `1.0` for the integer 1 (serde rejects a float where an
integer is due), by rewriting such numbers in the input before forwarding it."""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # run by path: make `tests` importable


from tests.conformance.broken._wrap import serve

WHOLE_FLOAT = re.compile(r"(?<=[:\[,])(-?\d+)\.0+(?=[,}\]\s])")

if __name__ == "__main__":
    serve(on_input=lambda _type, text: WHOLE_FLOAT.sub(r"\1", text))
