"""Broken on purpose, as Jackson and Gson write a double (Double.toString):
`1.0E21`, `1.0E7`, `1.0E-4` (serde_json: 1e21 or 1e+21, 10000000.0, 0.0001)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # run by path: make `tests` importable


from tests.conformance.broken._defaults import java_double, rewrite
from tests.conformance.broken._wrap import serve

if __name__ == "__main__":
    serve(on_output=lambda _input, output: rewrite(output, number=java_double))
