"""Broken on purpose, as JSON.parse with JSON.stringify and Python's json read and
write strings: a lone surrogate escape is kept and written back as \\ud800
(serde_json rejects the document)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # run by path: make `tests` importable


from tests.conformance.broken._defaults import lone_surrogates, placeholder, restore_placeholders
from tests.conformance.broken._wrap import serve

if __name__ == "__main__":
    serve(
        on_input=lambda _type, text: lone_surrogates(text, placeholder),
        on_output=lambda _input, output: restore_placeholders(output),
    )
