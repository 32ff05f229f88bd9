"""src/runtime/constants.ts: the runtime's table of wire constants, the same table as
the Python runtime's (codegen/wire_table.py); the hand-written runtime imports it."""

from __future__ import annotations

import json

from codegen.header import header
from codegen.model import WireModel
from codegen.wire_table import WireConstants, wire_constants

PATH = "src/runtime/constants.ts"


def constants_ts(model: WireModel) -> str:
    return header(model, "//") + _body(wire_constants(model))


def _body(c: WireConstants) -> str:
    ints = "".join(
        f"export const {name.upper()}_MIN = {low}n;\nexport const {name.upper()}_MAX = {high}n;\n"
        for name, (low, high) in c.int_ranges.items()
    )
    errors = "".join(
        f"export const {name} = {json.dumps(text)};\n"
        for name, text in sorted(c.serde_json_errors.items())
    )
    expecting = "".join(
        f"export const EXPECTING_{name} = {json.dumps(text)};\n"
        for name, text in sorted(c.serde_expecting.items())
    )
    messages = "".join(
        f"export const MESSAGE_{name} = {json.dumps(text)};\n"
        for name, text in sorted(c.serde_messages.items())
    )
    ranges = "".join(f"  0x{a:x}, 0x{b:x},\n" for a, b in c.debug_escaped_ranges)
    skips = "".join(f"  {json.dumps(k)}: {json.dumps(v)},\n" for k, v in c.skip_predicates.items())
    return (
        "// The wire constants, one table for every runtime (codegen/wire_table.py): from\n"
        "// the wire model and the Rust reference (reference/wire-constants.json).\n\n"
        "// Inclusive bounds of the contract's integer widths, exact as bigint.\n"
        f"{ints}"
        f"export const I32_MIN = {c.i32_range[0]};\nexport const I32_MAX = {c.i32_range[1]};\n\n"
        "/** The first nesting depth serde_json refuses (Deserializer::new's remaining_depth). */\n"
        f"export const RECURSION_LIMIT = {c.recursion_limit};\n\n"
        "// serde_json's ErrorCode texts (error.rs), as the Rust reference prints them.\n"
        f"{errors}\n"
        "// What the visitors of serde, chrono and uuid expect: `invalid type: ..., expected X`.\n"
        f"{expecting}\n"
        "// serde's data errors (serde::de::Error, as serde_json words them): templates whose\n"
        "// {placeholders} the runtime fills; ONE_OF_* are serde's OneOf, by number of names.\n"
        f"{messages}\n"
        "/** skip_serializing_if paths and the wire model's OnOutput rule each names. */\n"
        f"export const SKIP_PREDICATES: Readonly<Record<string, string>> = {{\n{skips}}};\n\n"
        "/** The types the testee protocol and the parsers read as documents. */\n"
        f"export const PROTOCOL_TYPES = {json.dumps(list(c.protocol_types))} as const;\n\n"
        "/** The serde rules the corpus names its cases by. */\n"
        f"export const RULES = {json.dumps(list(c.rules))} as const;\n\n"
        "/** The HTTP API's forms: the bare array's and the envelope's type names. */\n"
        f"export const EVENTS_ARRAY = {json.dumps(c.events_array)};\n"
        f"export const EVENTS_ENVELOPE = {json.dumps(c.events_envelope)};\n"
        '/** The envelope\'s one member: `{"events": [...]}`. */\n'
        f"export const ENVELOPE_MEMBER = {json.dumps(c.envelope_member)};\n"
        "/** How an accepted document is written back: log (serde's field order), api (sorted). */\n"
        f"export const FORMS = {json.dumps(list(c.forms))} as const;\n\n"
        f"/** The Unicode version of the Rust toolchain's tables behind DEBUG_ESCAPED_RANGES. */\n"
        f"export const UNICODE_VERSION = {json.dumps(c.unicode_version)};\n\n"
        "/**\n"
        " * Scalar values Rust's `{:?}` escapes in a str: inclusive ranges as pairs\n"
        " * (first, last, first, last, ...), sorted, as rustc's Unicode tables say.\n"
        " */\n"
        f"export const DEBUG_ESCAPED_RANGES: readonly number[] = [\n{ranges}];\n"
    )
