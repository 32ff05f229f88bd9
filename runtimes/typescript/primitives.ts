// Decoders for the JSON shapes that need no arithmetic (bool, string, array,
// object, option), and the serde "invalid type" wording every decoder uses.
//
// serde_json words a type mismatch as
//   invalid type: <what was found>, expected <what the visitor wanted>
// where <what was found> is serde's `Unexpected` as re-rendered by
// serde_json's JsonUnexpected (error.rs): `null` for unit, zmij formatting
// for floats, Rust's Debug quoting for strings.

import { DEBUG_ESCAPED_RANGES, EXPECTING_BOOL, EXPECTING_MAP, EXPECTING_SEQUENCE, EXPECTING_STRING } from "./constants.js";
import { WireError, at } from "./errors.js";
import { formatF64 } from "./floats.js";
import { JsonInvalid, JsonObject, type JsonNode } from "./json.js";
import { invalidTypeMessage, invalidValueMessage } from "./messages.js";

/**
 * Whether Rust's `{:?}` for a str writes the scalar value `c` as `\u{...}`: the
 * table asked of rustc itself (constants.ts), so the quoting follows the
 * reference's Unicode version, not the JS engine's. A lone surrogate, which no
 * Rust string holds, is escaped too.
 */
function rustDebugEscapes(c: number): boolean {
  if (c >= 0xd800 && c <= 0xdfff) return true;
  let low = 0;
  let high = DEBUG_ESCAPED_RANGES.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (c < DEBUG_ESCAPED_RANGES[2 * mid]!) high = mid - 1;
    else if (c > DEBUG_ESCAPED_RANGES[2 * mid + 1]!) low = mid + 1;
    else return true;
  }
  return false;
}

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
    else if (rustDebugEscapes(c)) out += `\\u{${c.toString(16)}}`;
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
    return node.found === undefined ? node.error : new WireError(invalidTypeMessage(node.found, expected));
  }
  return new WireError(invalidTypeMessage(describeUnexpected(node), expected));
}

/** `invalid value: <found>, expected <expected>`; `found` is already rendered (e.g. "integer `-1`"). */
export function invalidValue(found: string, expected: string): WireError {
  return new WireError(invalidValueMessage(found, expected));
}

/** bool */
export function decodeBool(node: JsonNode): boolean {
  if (typeof node === "boolean") return node;
  throw invalidType(node, EXPECTING_BOOL);
}

/** String */
export function decodeString(node: JsonNode): string {
  if (typeof node === "string") return node;
  throw invalidType(node, EXPECTING_STRING);
}

/** The elements of a JSON array (serde's expected text for Vec<T> is "a sequence"). */
export function decodeArray(node: JsonNode, expected = EXPECTING_SEQUENCE): JsonNode[] {
  if (Array.isArray(node)) return node;
  if (node instanceof JsonInvalid && node.found === "sequence") throw node.error;
  throw invalidType(node, expected);
}

/** A JSON object (`expected` is what serde would say, e.g. "struct Event" or "a map"). */
export function decodeObject(node: JsonNode, expected = EXPECTING_MAP): JsonObject {
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
