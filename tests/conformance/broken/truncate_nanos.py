"""Broken on purpose: keeps microseconds only (as Python datetime does), so it writes
`09.123456Z` where chrono writes all nine digits `09.123456789Z`."""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # run by path: make `tests` importable


from tests.conformance.broken._wrap import serve

NANOS = re.compile(r"(T\d\d:\d\d:\d\d\.\d{6})\d{3}Z")

if __name__ == "__main__":
    serve(on_output=lambda _input, output: NANOS.sub(r"\1Z", output))
