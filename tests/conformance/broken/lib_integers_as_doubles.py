"""Broken on purpose, as JSON.parse, PHP json_decode and Go's interface{} read
numbers: every integer is a double, so one beyond 2^53 comes back rounded
(18446744073709551615 -> 18446744073709552000; serde keeps u64 and i64 exact)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # run by path: make `tests` importable


from tests.conformance.broken._defaults import javascript_integer, rewrite
from tests.conformance.broken._wrap import serve

if __name__ == "__main__":
    serve(on_output=lambda _input, output: rewrite(output, integer=javascript_integer))
