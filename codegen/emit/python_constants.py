"""The Python runtime's table of wire constants: src/jamjet_schema/wire/_constants.py.

Generated into the package's lowest layer (jamjet_schema.wire, which imports nothing
of the rest), so that the wire layer, the models and the log commands all read the
same values; the TypeScript emitter writes the same table as the runtime's
constants.ts (codegen/emit/typescript/constants.py). Both come from
codegen.wire_table.wire_constants: the wire model and the Rust reference.
"""

from __future__ import annotations

import json

from codegen.header import header
from codegen.model import WireModel
from codegen.wire_table import WireConstants, wire_constants

TARGET = "src/jamjet_schema/wire/_constants.py"


def emit(model: WireModel) -> dict[str, str]:
    return {TARGET: python_module(model, wire_constants(model))}


def python_module(model: WireModel, c: WireConstants) -> str:
    errors = "".join(
        f"{name} = {_str(text)}\n" for name, text in sorted(c.serde_json_errors.items())
    )
    expecting = "".join(
        f"EXPECTING_{name} = {_str(text)}\n" for name, text in sorted(c.serde_expecting.items())
    )
    messages = "".join(
        f"MESSAGE_{name} = {_str(text)}\n" for name, text in sorted(c.serde_messages.items())
    )
    ranges = "".join(f"    (0x{a:X}, 0x{b:X}),\n" for a, b in c.debug_escaped_ranges)
    ints = "".join(
        f"    {_str(name)}: ({low}, {high}),\n" for name, (low, high) in c.int_ranges.items()
    )
    skips = "".join(
        f"    {_str(path)}: {_str(rule)},\n" for path, rule in c.skip_predicates.items()
    )
    types = "".join(f"    {_str(name)},\n" for name in c.protocol_types)
    rules = "".join(f"    {_str(rule)},\n" for rule in c.rules)
    return (
        header(model, "#")
        + '"""The wire constants, one table for every runtime (codegen/wire_table.py).\n\n'
        "From the wire model and from the Rust reference (reference/wire-constants.json,\n"
        "recorded from target/release/jamjet-wire-constants).\n"
        '"""\n\n'
        "from __future__ import annotations\n\n"
        "# Inclusive bounds of the contract's integer widths.\n"
        f"INT_RANGES: dict[str, tuple[int, int]] = {{\n{ints}}}\n"
        f"I32_MIN, I32_MAX = {c.i32_range[0]}, {c.i32_range[1]}\n\n"
        "# The first nesting depth serde_json refuses (Deserializer::new's remaining_depth).\n"
        f"RECURSION_LIMIT = {c.recursion_limit}\n\n"
        "# serde_json's ErrorCode texts (error.rs), as the Rust reference prints them.\n"
        f"{errors}\n"
        "# What the visitors of serde, chrono and uuid expect: `invalid type: ..., expected X`.\n"
        f"{expecting}\n"
        "# serde's data errors (serde::de::Error, as serde_json words them): templates whose\n"
        "# {placeholders} the runtimes fill; ONE_OF_* are serde's OneOf, by number of names.\n"
        f"{messages}\n"
        "# skip_serializing_if paths and the wire model's OnOutput rule each names.\n"
        f"SKIP_PREDICATES: dict[str, str] = {{\n{skips}}}\n\n"
        "# The types the testee protocol and the parsers read as documents.\n"
        f"PROTOCOL_TYPES: tuple[str, ...] = (\n{types})\n\n"
        "# The serde rules the corpus names its cases by.\n"
        f"RULES: tuple[str, ...] = (\n{rules})\n\n"
        "# The HTTP API's forms: the bare array's and the envelope's type names, the\n"
        "# envelope's member; how an accepted document is written back (log, api).\n"
        f"EVENTS_ARRAY = {_str(c.events_array)}\n"
        f"EVENTS_ENVELOPE = {_str(c.events_envelope)}\n"
        f"ENVELOPE_MEMBER = {_str(c.envelope_member)}\n"
        f"FORMS: tuple[str, ...] = ({', '.join(_str(f) for f in c.forms)})\n\n"
        "# Scalar values Rust's `{:?}` escapes in a str, as inclusive (first, last) ranges\n"
        f"# sorted by first; Unicode {c.unicode_version}, the tables of the reference's toolchain.\n"
        f"UNICODE_VERSION = {_str(c.unicode_version)}\n"
        f"DEBUG_ESCAPED_RANGES: tuple[tuple[int, int], ...] = (\n{ranges})\n"
    )


def _str(text: str) -> str:
    """A Python string literal as ruff formats it (double quotes; the texts are ASCII)."""
    return json.dumps(text)
