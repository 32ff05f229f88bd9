"""Broken on purpose, as System.Text.Json writes strings by default
(JavaScriptEncoder.Default): every non-ASCII character escaped, upper-case hex
(é -> \\u00E9, an emoji as a surrogate pair); serde_json writes UTF-8 as it is."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # run by path: make `tests` importable


from tests.conformance.broken._defaults import non_ascii_escaped, rewrite
from tests.conformance.broken._wrap import serve

if __name__ == "__main__":
    write = non_ascii_escaped(upper=True)
    serve(on_output=lambda _input, output: rewrite(output, string=write))
