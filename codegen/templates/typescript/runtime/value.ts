// serde_json::Value fields: canonical bytes of a JsonNode.
//
// serde_json::Value (default features, no `preserve_order`) stores objects in
// a BTreeMap<String, Value>, so when it is written back:
//   * keys come out sorted by Rust's String order = UTF-8 byte order (NOT JS's
//     UTF-16 `<`, which sorts astral characters before U+E000..U+FFFF);
//   * a duplicated key keeps its LAST value (BTreeMap::insert replaces);
//   * output is compact: no spaces, `,` and `:` only;
//   * integers print as decimal, f64 via zmij (floats.ts), strings via
//     strings.ts.

import { WireError, at } from "./errors.js";
import { formatF64 } from "./floats.js";
import { JsonInvalid, JsonObject, firstInvalid, type JsonNode } from "./json.js";
import { writeJsonString } from "./strings.js";
import { compareUtf8 } from "./utf8.js";

const U64_MAX = 0xffff_ffff_ffff_ffffn;
const I64_MIN = -0x8000_0000_0000_0000n;

/**
 * A serde_json::Value field: the node itself, once no deferred problem
 * (JsonInvalid, see json.ts) hides anywhere inside it; the first one in
 * document order is thrown, as serde would have stopped there.
 */
export function decodeValue(node: JsonNode): JsonNode {
  const bad = firstInvalid(node);
  if (bad !== undefined) throw bad.error;
  return node;
}

/** The serde_json::Value a JsonNode stands for, written with serde_json::to_string. */
export function writeValue(node: JsonNode): string {
  if (node === null) return "null";
  if (node instanceof JsonInvalid) throw node.error;
  if (node === true) return "true";
  if (node === false) return "false";
  if (typeof node === "bigint") {
    // serde_json::Number holds a u64 or an i64; nothing else is an integer.
    if (node < I64_MIN || node > U64_MAX) {
      throw new WireError(`integer ${node} is outside u64/i64 and cannot be a serde_json::Value`);
    }
    return node.toString();
  }
  // An f64. serde_json::Value cannot hold NaN/inf (Number::from_f64 gives
  // None); writing such an f64 gives `null`, which is also what we print.
  if (typeof node === "number") return formatF64(node);
  if (typeof node === "string") return writeJsonString(node);
  if (Array.isArray(node)) {
    return `[${node.map((v, i) => at(i, () => writeValue(v))).join(",")}]`;
  }
  if (node instanceof JsonObject) {
    const last = new Map<string, JsonNode>();
    for (const [k, v] of node.entries) last.set(k, v); // last duplicate wins
    const keys = [...last.keys()].sort(compareUtf8);
    const parts = keys.map((k) => `${writeJsonString(k)}:${at(k, () => writeValue(last.get(k)!))}`);
    return `{${parts.join(",")}}`;
  }
  throw new WireError(`not a JSON value: ${typeof node}`);
}

/**
 * Builds a JsonNode from a plain JS value, for callers that construct Value
 * fields by hand: objects become JsonObject (own enumerable keys, in JS
 * order), arrays map element-wise, bigint stays an integer, a number becomes
 * an INTEGER when it is a safe integer (so `{ n: 1 }` writes `{"n":1}`, as
 * json!({"n": 1}) would) and an f64 otherwise; to force an f64 for an
 * integral value, build the node directly (the JsonNode `1` is the f64 1.0).
 */
export function toJsonNode(value: unknown): JsonNode {
  if (value === null) return null;
  switch (typeof value) {
    case "boolean":
    case "string":
    case "bigint":
      return value;
    case "number":
      return Number.isSafeInteger(value) && !Object.is(value, -0) ? BigInt(value) : value;
    case "object":
      if (value instanceof JsonObject) return value;
      if (value instanceof JsonInvalid) throw value.error;
      if (Array.isArray(value)) return value.map((v, i) => at(i, () => toJsonNode(v)));
      return new JsonObject(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, at(k, () => toJsonNode(v))] as const),
      );
    default:
      throw new WireError(`cannot represent a ${typeof value} as JSON`);
  }
}

/** The plain JS view of a node, for reading (numbers that are not safe integers stay bigint). */
export function fromJsonNode(node: JsonNode): unknown {
  if (typeof node === "bigint") {
    return node >= BigInt(Number.MIN_SAFE_INTEGER) && node <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(node) : node;
  }
  if (node instanceof JsonInvalid) throw node.error;
  if (Array.isArray(node)) return node.map(fromJsonNode);
  if (node instanceof JsonObject) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of node.entries) {
      // last duplicate wins, like serde_json::Value; defineProperty so "__proto__" is an ordinary key
      Object.defineProperty(out, k, { value: fromJsonNode(v), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return node;
}
