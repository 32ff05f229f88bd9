"""Broken on purpose: writes a whole f64 as `1` where serde writes `1.0`."""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # run by path: make `tests` importable


from tests.conformance.broken._wrap import serve

DOT_ZERO = re.compile(r"(?<=[:\[,])(-?\d+)\.0(?=[,}\]])")

if __name__ == "__main__":
    serve(on_output=lambda _input, output: DOT_ZERO.sub(r"\1", output))
