"""Broken on purpose, as System.Text.Json writes a double: shortest digits in
.NET's format, `1` for 1.0, `1E+15`, `1E-05` (serde_json: 1.0, 1000000000000000.0, 1e-5)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # run by path: make `tests` importable


from tests.conformance.broken._defaults import dotnet_double, rewrite
from tests.conformance.broken._wrap import serve

if __name__ == "__main__":
    serve(on_output=lambda _input, output: rewrite(output, number=dotnet_double))
