"""Broken on purpose, as Go's encoding/json writes strings by default: `<`, `>`
and `&` escaped as \\u003c, \\u003e, \\u0026 (serde_json writes them as they are)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # run by path: make `tests` importable


from tests.conformance.broken._defaults import escapes_of, escaping, rewrite
from tests.conformance.broken._wrap import serve

if __name__ == "__main__":
    write = escaping(escapes_of("<>&"))
    serve(on_output=lambda _input, output: rewrite(output, string=write))
