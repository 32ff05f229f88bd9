"""Broken on purpose, as Gson writes strings by default (HTML-safe): `<`, `>`,
`&`, `=` and `'` escaped as \\u003c, \\u003e, \\u0026, \\u003d, \\u0027."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # run by path: make `tests` importable


from tests.conformance.broken._defaults import escapes_of, escaping, rewrite
from tests.conformance.broken._wrap import serve

if __name__ == "__main__":
    write = escaping(escapes_of("<>&='"))
    serve(on_output=lambda _input, output: rewrite(output, string=write))
