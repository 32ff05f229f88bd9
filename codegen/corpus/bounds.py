"""The bounds the corpus's edge values sit on, so that no input types one in by hand.

The integer widths are the wire model's (Scalar.int_bounds), serde_json's recursion
limit the Rust reference's (reference/wire-constants.json): an input named "u64 max"
or "one past the recursion limit" moves with the rule it pins.
"""

from __future__ import annotations

from codegen import rust_facts
from codegen.model import Scalar


def _bounds(scalar: Scalar) -> tuple[int, int]:
    bounds = scalar.int_bounds
    if bounds is None:
        raise TypeError(f"{scalar.value} is not an integer width")
    return bounds


U32_MIN, U32_MAX = _bounds(Scalar.U32)
U64_MIN, U64_MAX = _bounds(Scalar.U64)
I64_MIN, I64_MAX = _bounds(Scalar.I64)

# The first nesting depth serde_json refuses.
RECURSION_LIMIT = rust_facts.load().recursion_limit


def int_texts(*values: int) -> tuple[str, ...]:
    """The JSON texts of integers."""
    return tuple(str(v) for v in values)
