"""Broken on purpose, as Jackson writes strings by default: a control character
without a short escape as \\u001F, upper-case hex (serde_json: \\u001f)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # run by path: make `tests` importable


from tests.conformance.broken._defaults import control_upper_hex, rewrite
from tests.conformance.broken._wrap import serve

if __name__ == "__main__":
    serve(on_output=lambda _input, output: rewrite(output, string=control_upper_hex))
