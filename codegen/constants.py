"""The table of wire constants every runtime is emitted from: the wire model's (integer
bounds, skip predicates, the protocol's type names, the rule names) and the Rust
reference's (recursion limit, serde_json's error texts, `{:?}`'s escapes), with a
check that the two agree where both have a say.

An emitter takes `wire_constants(model)`; codegen/emit/constants.py writes the
Python module from it, the TypeScript emitter the runtime's constants.ts.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from codegen import rust_facts
from codegen.model import SKIP_PREDICATES, Scalar, WireModel
from jamjet_schema.wiremodel.constants import RULES


@dataclass(frozen=True)
class WireConstants:
    int_ranges: dict[str, tuple[int, int]]  # the contract's widths: u32, u64, i64
    i32_range: tuple[int, int]  # serde_json's exponent arithmetic saturates at i32
    recursion_limit: int
    serde_json_errors: dict[str, str]
    serde_expecting: dict[str, str]  # EXPECTING_<name>: what a visitor expects
    debug_escaped_ranges: tuple[tuple[int, int], ...]
    unicode_version: str
    skip_predicates: dict[str, str]  # skip_serializing_if path -> the model's OnOutput value
    protocol_types: tuple[str, ...]  # the types the testee protocol and the parsers name
    rules: tuple[str, ...]


def protocol_types(model: WireModel) -> tuple[str, ...]:
    return tuple(d.name for d in model.documents)


def wire_constants(model: WireModel, recorded: Path = rust_facts.RECORDED) -> WireConstants:
    facts = rust_facts.load(recorded)
    ints = {s.value: s.int_bounds for s in Scalar if s.int_bounds is not None}
    for name, bounds in ints.items():
        if facts.integers.get(name) != bounds:
            raise ValueError(
                f"the wire model bounds {name} by {bounds}, Rust by {facts.integers.get(name)}"
            )
    return WireConstants(
        int_ranges=ints,
        i32_range=facts.integers["i32"],
        recursion_limit=facts.recursion_limit,
        serde_json_errors=facts.serde_json_errors,
        serde_expecting=facts.serde_expecting,
        debug_escaped_ranges=facts.debug_escaped_ranges,
        unicode_version=facts.unicode_version,
        skip_predicates={path: rule.value for path, rule in SKIP_PREDICATES.items()},
        protocol_types=protocol_types(model),
        rules=RULES,
    )
