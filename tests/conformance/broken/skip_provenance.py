"""Not broken, only partial: does not implement ProvenanceMetadata and says so
(`skipped`), which the runner reports without failing the run."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # run by path: make `tests` importable

from tests.conformance.broken._wrap import Answer, serve


def skip(type_name: str, _text: str) -> Answer | None:
    if type_name == "ProvenanceMetadata":
        return {"skipped": "type ProvenanceMetadata is not implemented"}
    return None


if __name__ == "__main__":
    serve(on_input=skip)
