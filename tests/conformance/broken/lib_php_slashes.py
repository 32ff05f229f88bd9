"""Broken on purpose, as PHP's json_encode writes strings by default: `/` escaped
as `\\/` (serde_json writes it as it is)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # run by path: make `tests` importable


from tests.conformance.broken._defaults import escaping, rewrite
from tests.conformance.broken._wrap import serve

if __name__ == "__main__":
    write = escaping({"/": "\\/"})
    serve(on_output=lambda _input, output: rewrite(output, string=write))
