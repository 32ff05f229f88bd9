"""Broken on purpose, as System.Text.Json writes strings by default
(JavaScriptEncoder.Default): HTML-sensitive characters escaped, upper-case hex:
`"` as \\u0022, `&` `'` `+` `<` `>` and the backtick as \\u0026 \\u0027 \\u002B \\u003C \\u003E \\u0060."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # run by path: make `tests` importable


from tests.conformance.broken._defaults import escapes_of, escaping, rewrite
from tests.conformance.broken._wrap import serve

if __name__ == "__main__":
    write = escaping(escapes_of("\"&'+<>`", upper=True))
    serve(on_output=lambda _input, output: rewrite(output, string=write))
