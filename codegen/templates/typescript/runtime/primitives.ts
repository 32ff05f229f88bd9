// Decoders for the JSON shapes that need no arithmetic (bool, string, array,
// object, option), and the serde "invalid type" wording every decoder uses.
//
// serde_json words a type mismatch as
//   invalid type: <what was found>, expected <what the visitor wanted>
// where <what was found> is serde's `Unexpected` as re-rendered by
// serde_json's JsonUnexpected (error.rs): `null` for unit, zmij formatting
// for floats, Rust's Debug quoting for strings.

import { WireError, at } from "./errors.js";
import { formatF64 } from "./floats.js";
import { JsonInvalid, JsonObject, type JsonNode } from "./json.js";

// Rust's char::escape_debug (as str's Debug uses it) escapes a char when it is
// Grapheme_Extend or not "printable", where core/src/unicode/printable.py
// calls unprintable the general categories Cc Cf Cs Co Cn Zl Zp Zs (but not
// the space itself). JS regexes carry the same Unicode properties; the
// Unicode versions of Node's ICU and of rustc may differ for characters
// assigned in the newest version (message text only: no verdict depends on it).
const RUST_DEBUG_ESCAPED = /[\p{Grapheme_Extend}\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** Rust's `{:?}` for a str, as serde words it in `invalid type: string "..."`. */
export function rustDebugString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (c === 0) out += "\\0";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\n") out += "\\n";
    else if (ch !== " " && RUST_DEBUG_ESCAPED.test(ch)) out += `\\u{${c.toString(16)}}`;
    else out += ch;
  }
  return out + '"';
}

/** serde_json's rendering of the value that was found (JsonUnexpected). */
export function describeUnexpected(node: Exclude<JsonNode, JsonInvalid>): string {
  if (node === null) return "null";
  if (typeof node === "boolean") return `boolean \`${node}\``;
  if (typeof node === "bigint") return `integer \`${node}\``;
  if (typeof node === "number") return `floating point \`${formatF64(node)}\``;
  if (typeof node === "string") return `string ${rustDebugString(node)}`;
  if (Array.isArray(node)) return "sequence";
  return "map";
}

/**
 * `invalid type: <found>, expected <expected>`. For a JsonInvalid node (a
 * deferred parse problem) it is that node's own error instead: the value
 * could not even be read, which is what serde would have said.
 */
export function invalidType(node: JsonNode, expected: string): WireError {
  if (node instanceof JsonInvalid) {
    return node.found === undefined ? node.error : new WireError(`invalid type: ${node.found}, expected ${expected}`);
  }
  return new WireError(`invalid type: ${describeUnexpected(node)}, expected ${expected}`);
}

/** `invalid value: <found>, expected <expected>`; `found` is already rendered (e.g. "integer `-1`"). */
export function invalidValue(found: string, expected: string): WireError {
  return new WireError(`invalid value: ${found}, expected ${expected}`);
}

/** bool */
export function decodeBool(node: JsonNode): boolean {
  if (typeof node === "boolean") return node;
  throw invalidType(node, "a boolean");
}

/** String */
export function decodeString(node: JsonNode): string {
  if (typeof node === "string") return node;
  throw invalidType(node, "a string");
}

/** The elements of a JSON array (serde's expected text for Vec<T> is "a sequence"). */
export function decodeArray(node: JsonNode, expected = "a sequence"): JsonNode[] {
  if (Array.isArray(node)) return node;
  if (node instanceof JsonInvalid && node.found === "sequence") throw node.error;
  throw invalidType(node, expected);
}

/** A JSON object (`expected` is what serde would say, e.g. "struct Event" or "a map"). */
export function decodeObject(node: JsonNode, expected = "a map"): JsonObject {
  if (node instanceof JsonObject) return node;
  if (node instanceof JsonInvalid && node.found === "map") throw node.error;
  throw invalidType(node, expected);
}

/** Vec<T>: each element decoded by `element`, errors located by index. */
export function decodeVec<T>(node: JsonNode, element: (n: JsonNode) => T): T[] {
  const items = decodeArray(node);
  return items.map((item, i) => at(i, () => element(item)));
}

/** Option<T>: JSON null is None (null here); anything else is Some, decoded by `inner`. */
export function decodeOption<T>(node: JsonNode, inner: (n: JsonNode) => T): T | null {
  return node === null ? null : inner(node);
}
