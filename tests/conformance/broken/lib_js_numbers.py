"""Broken on purpose, as JSON.stringify writes a number: `1` for 1.0, `0` for -0.0,
`10000000000000000` for 1e16, `1e+21` (serde_json: 1.0, -0.0, 1e16 or 1e+16, 1e21 or 1e+21)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # run by path: make `tests` importable


from tests.conformance.broken._defaults import javascript_number, rewrite
from tests.conformance.broken._wrap import serve

if __name__ == "__main__":
    serve(on_output=lambda _input, output: rewrite(output, number=javascript_number))
