"""Broken on purpose, as PHP's json_encode writes a float (serialize_precision -1,
no JSON_PRESERVE_ZERO_FRACTION): `1` for 1.0, `1.0e+25`, `1.0e-5` (serde_json: 1.0, 1e25, 1e-5)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # run by path: make `tests` importable


from tests.conformance.broken._defaults import php_double, rewrite
from tests.conformance.broken._wrap import serve

if __name__ == "__main__":
    serve(on_output=lambda _input, output: rewrite(output, number=php_double))
