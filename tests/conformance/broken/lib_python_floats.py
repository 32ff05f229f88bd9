"""Broken on purpose, as Python's json.dumps writes a float (repr): `1e+16`,
`1e-05` (serde_json: 1e16 or 1e+16, 1e-5)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # run by path: make `tests` importable


from tests.conformance.broken._defaults import rewrite
from tests.conformance.broken._wrap import serve

if __name__ == "__main__":
    serve(on_output=lambda _input, output: rewrite(output, number=repr))
