"""Broken on purpose, as Go's encoding/json reads strings: a lone surrogate
escape becomes U+FFFD (serde_json rejects the document)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # run by path: make `tests` importable


from tests.conformance.broken._defaults import lone_surrogates
from tests.conformance.broken._wrap import serve

if __name__ == "__main__":
    serve(on_input=lambda _type, text: lone_surrogates(text, lambda _hex: "\\ufffd"))
