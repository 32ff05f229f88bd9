"""Broken on purpose, as Python's json.dumps (ensure_ascii=True) and PHP's
json_encode write strings by default: every non-ASCII character escaped, lower-case
hex (é -> \\u00e9); serde_json writes UTF-8 as it is."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # run by path: make `tests` importable


import json

from tests.conformance.broken._defaults import rewrite
from tests.conformance.broken._wrap import serve

if __name__ == "__main__":
    serve(on_output=lambda _input, output: rewrite(output, string=json.dumps))
