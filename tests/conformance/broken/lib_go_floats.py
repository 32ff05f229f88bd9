"""Broken on purpose, as Go's encoding/json writes a float64: `1` for 1.0,
`100000000000000000000` for 1e20, `1e+21`, `1e-7` (serde_json: 1.0, 1e20, 1e21 or 1e+21)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # run by path: make `tests` importable


from tests.conformance.broken._defaults import go_number, rewrite
from tests.conformance.broken._wrap import serve

if __name__ == "__main__":
    serve(on_output=lambda _input, output: rewrite(output, number=go_number))
