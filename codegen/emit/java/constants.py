"""The Java runtime's table of wire constants: dev.jamjet.schema.wire.WireConstants.

The same table as the Python and TypeScript runtimes' (codegen.wire_table.wire_constants:
the wire model and the Rust reference), so that the hand-written runtime
(runtimes/java) types in no bound, limit or serde text of its own.
"""

from __future__ import annotations

import json

from codegen.emit.java.names import WIRE
from codegen.model import WireModel
from codegen.wire_table import WireConstants, wire_constants

FILE = "WireConstants.java"
_RANGES_PER_LINE = 6


def constants_file(model: WireModel, head: str) -> str:
    c = wire_constants(model)
    return (
        f"{head}package {WIRE};\n\n"
        "import java.math.BigInteger;\n\n"
        "/**\n"
        " * The wire constants, one table for every runtime (codegen/wire_table.py): the wire\n"
        " * model's integer widths, and what the Rust reference says of serde_json's recursion\n"
        " * limit, its error texts, what serde's visitors expect and which characters Rust's\n"
        " * {@code {:?}} escapes.\n"
        " */\n"
        "final class WireConstants {\n"
        "  private WireConstants() {}\n\n"
        f"{_integers(c)}\n"
        "  /** The envelope's one member in the HTTP API's form: {@code {\"events\": [...]}}. */\n"
        f"  static final String ENVELOPE_MEMBER = {json.dumps(c.envelope_member)};\n\n"
        f"{_forms(c)}\n"
        "  /** The first nesting depth serde_json refuses. */\n"
        f"  static final int RECURSION_LIMIT = {c.recursion_limit};\n\n"
        "  // serde_json's ErrorCode texts (error.rs), as the Rust reference prints them.\n"
        f"{_strings(c.serde_json_errors, '')}\n"
        "  // What the visitors of serde, chrono and uuid expect: invalid type: ..., expected X.\n"
        f"{_strings(c.serde_expecting, 'EXPECTING_')}\n"
        "  // serde's data errors (serde::de::Error, as serde_json words them): templates whose\n"
        "  // {placeholders} the runtime fills; ONE_OF_* are serde's OneOf, by number of names.\n"
        f"{_strings(c.serde_messages, 'MESSAGE_')}\n"
        f"{_escapes(c)}"
        "}\n"
    )


def _forms(c: WireConstants) -> str:
    """FORM_LOG, FORM_API: the protocol's names of the forms (dev.jamjet.schema.wire.Form)."""
    names = "".join(f"  static final String FORM_{f.upper()} = {json.dumps(f)};\n" for f in c.forms)
    return "  // How an accepted document is written back: the protocol's `form` names.\n" + names


def _integers(c: WireConstants) -> str:
    (u32_low, u32_high), (_, u64_high) = c.int_ranges["u32"], c.int_ranges["u64"]
    i64_low, i64_high = c.int_ranges["i64"]
    i32_low, i32_high = c.i32_range
    return (
        "  // Inclusive bounds of the contract's integer widths (u64 exceeds a long: BigInteger).\n"
        f"  static final long U32_MIN = {u32_low}L;\n"
        f"  static final long U32_MAX = {u32_high}L;\n"
        f'  static final BigInteger U64_MAX = new BigInteger("{u64_high}");\n'
        f"  static final long I64_MIN = {i64_low}L;\n"
        f"  static final long I64_MAX = {i64_high}L;\n"
        "  // serde_json's exponent arithmetic saturates at i32.\n"
        f"  static final int I32_MIN = {i32_low};\n"
        f"  static final int I32_MAX = {i32_high};\n"
    )


def _strings(texts: dict[str, str], prefix: str) -> str:
    return "".join(
        f"  static final String {prefix}{name} = {_java_str(text)};\n"
        for name, text in sorted(texts.items())
    )


def _escapes(c: WireConstants) -> str:
    pairs = [f"0x{a:X}, 0x{b:X}," for a, b in c.debug_escaped_ranges]
    rows = "".join(
        "    " + " ".join(pairs[i : i + _RANGES_PER_LINE]) + "\n"
        for i in range(0, len(pairs), _RANGES_PER_LINE)
    )
    return (
        "  /**\n"
        "   * The scalar values Rust's {@code {:?}} escapes in a str, as inclusive (first, last)\n"
        "   * pairs sorted by first, flattened; the Unicode tables of the reference's toolchain.\n"
        "   */\n"
        f"  static final String UNICODE_VERSION = {_java_str(c.unicode_version)};\n\n"
        "  static final int[] DEBUG_ESCAPED_RANGES = {\n"
        f"{rows}"
        "  };\n"
    )


def _java_str(text: str) -> str:
    """A Java string literal; the texts are ASCII, so JSON's escapes are Java's (a `\\u` of
    the text is written `\\\\u`, which Java's unicode-escape pass leaves alone)."""
    if not text.isascii():
        raise ValueError(f"a wire constant is not ASCII: {text!r}")
    return json.dumps(text)
