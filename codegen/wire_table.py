"""The table of wire constants every runtime is emitted from: the wire model's (integer
bounds, skip predicates, the protocol's type names, the rule names) and the Rust
reference's (recursion limit, serde_json's error texts, `{:?}`'s escapes), with a
check that the two agree where both have a say.

An emitter takes `wire_constants(model)`; codegen/emit/python_constants.py writes the
Python module from it, the TypeScript emitter the runtime's constants.ts.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from codegen import rust_facts
from codegen.model import SKIP_PREDICATES, Scalar, WireModel
from jamjet_schema.wiremodel.contract_constants import (
    ENVELOPE_MEMBER,
    EVENTS_ARRAY,
    EVENTS_ENVELOPE,
    FORMS,
    RULES,
)


@dataclass(frozen=True)
class WireConstants:
    int_ranges: dict[str, tuple[int, int]]  # the contract's widths: u32, u64, i64
    i32_range: tuple[int, int]  # serde_json's exponent arithmetic saturates at i32
    recursion_limit: int
    serde_json_errors: dict[str, str]
    serde_expecting: dict[str, str]  # EXPECTING_<name>: what a visitor expects
    serde_messages: dict[str, str]  # MESSAGE_<name>: serde's data errors, {placeholders}
    debug_escaped_ranges: tuple[tuple[int, int], ...]
    unicode_version: str
    skip_predicates: dict[str, str]  # skip_serializing_if path -> the model's OnOutput value
    protocol_types: tuple[str, ...]  # the types the testee protocol and the parsers name
    rules: tuple[str, ...]
    events_array: str  # the API's forms of a list of events: the bare array's type name,
    events_envelope: str  # the envelope's, and the envelope's one member
    envelope_member: str
    forms: tuple[str, ...]  # how an accepted document is written back: log, api


def protocol_types(model: WireModel) -> tuple[str, ...]:
    return (*(d.name for d in model.documents), EVENTS_ARRAY, EVENTS_ENVELOPE)


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
        serde_messages=message_templates(facts.serde_messages),
        debug_escaped_ranges=facts.debug_escaped_ranges,
        unicode_version=facts.unicode_version,
        skip_predicates={path: rule.value for path, rule in SKIP_PREDICATES.items()},
        protocol_types=protocol_types(model),
        rules=RULES,
        events_array=EVENTS_ARRAY,
        events_envelope=EVENTS_ENVELOPE,
        envelope_member=ENVELOPE_MEMBER,
        forms=FORMS,
    )


def message_templates(recorded: dict[str, str]) -> dict[str, str]:
    """serde's data-error texts as the runtimes format them. The recorded `unknown
    variant` texts for 0 to 3 variants give the message around serde's `OneOf` and
    OneOf's own forms (one name, two, and a list with its separator), each checked to
    give back what serde said."""
    out = {k: v for k, v in recorded.items() if not k.startswith("UNKNOWN_VARIANT_")}
    one, two, three = (recorded[f"UNKNOWN_VARIANT_{n}"] for n in (1, 2, 3))
    head = one[: one.index("`{a}`")]
    item = one[len(head) :]
    separator = three[len(head) :].split("`{b}`")[0].split("`{a}`")[1]
    many = three[len(head) :].replace(separator.join(["`{a}`", "`{b}`", "`{c}`"]), "{list}")
    out |= {
        "UNKNOWN_VARIANT": head + "{one_of}",
        "UNKNOWN_VARIANT_NONE": recorded["UNKNOWN_VARIANT_0"],
        "ONE_OF_ONE": item,
        "ONE_OF_TWO": two[len(head) :],
        "ONE_OF_MANY": many,
        "ONE_OF_SEPARATOR": separator,
    }
    listed = separator.join(item.replace("{a}", n) for n in ("{a}", "{b}", "{c}"))
    if head + many.replace("{list}", listed) != three or not two.startswith(head):
        raise ValueError(f"serde's unknown variant texts changed shape: {one!r}, {three!r}")
    return dict(sorted(out.items()))
