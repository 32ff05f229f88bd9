"""Broken on purpose, three ways at once, as the harnesses' broken subjects are
(node/src/broken.ts, rust/broken.rs beside this file): accepts a member given twice
(the last one wins), leaves out null members, and writes a whole f64 as `1` where
serde writes `1.0`. The Python runner's groups for it are what the harnesses' summaries
must show."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run by path: make `tests` importable


from tests.conformance.broken._wrap import dumps, loads, serve
from tests.conformance.broken.dedup_keys import forward as keep_last
from tests.conformance.broken.drop_nulls import drop_nulls
from tests.conformance.broken.float_no_dot_zero import DOT_ZERO


def write(_input: str, output: str) -> str:
    return DOT_ZERO.sub(r"\1", dumps(drop_nulls(loads(output))))


if __name__ == "__main__":
    serve(on_input=keep_last, on_output=write)
