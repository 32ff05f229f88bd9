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

import { I64_MIN, U64_MAX } from "./constants.js";
import { WireError, at } from "./errors.js";
import { formatF64 } from "./floats.js";
import { JsonInvalid, JsonObject, firstInvalid, writtenOf, type JsonNode } from "./json.js";
import { writeJsonString, writeKey } from "./strings.js";
import { compareUtf8 } from "./utf8.js";


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

/** serde_json's text of `node` as the fast reader read it, while the arrays in it hold what they held (json.ts Written). */
function rememberedText(node: JsonObject): string | undefined {
  const written = writtenOf(node);
  return written !== undefined && unchanged(written.arrays) ? written.text : undefined;
}

/** Whether each array holds what it held: the same length and values, -0 apart from 0 (json.ts Written's list). */
function unchanged(arrays: ReadonlyArray<JsonNode | JsonNode[]>): boolean {
  for (let k = 0; k < arrays.length; ) {
    const now = arrays[k] as JsonNode[];
    const length = arrays[k + 1] as number;
    if (now.length !== length) return false;
    k += 2;
    for (let i = 0; i < length; i++, k++) {
      const a = now[i];
      if (a !== arrays[k] || (a === 0 && !Object.is(a, arrays[k]))) return false;
    }
  }
  return true;
}

/** The serde_json::Value a JsonNode stands for, written with serde_json::to_string. */
export function writeValue(node: JsonNode): string {
  if (node instanceof JsonObject) {
    const text = rememberedText(node);
    if (text !== undefined) return text;
  }
  try {
    return writeNode(node);
  } catch (e) {
    // the same again, each step under `at`, to say where the problem is
    if (e instanceof WireError) writeLocated(node);
    throw e;
  }
}

function writeNode(node: JsonNode): string {
  if (Array.isArray(node)) {
    let out = "[";
    for (let i = 0; i < node.length; i++) out += (i === 0 ? "" : ",") + writeNode(node[i]!);
    return `${out}]`;
  }
  if (node instanceof JsonObject) {
    const members = membersInOrder(node);
    let out = "{";
    for (let i = 0; i < members.length; i++) {
      const [k, v] = members[i]!;
      out += (i === 0 ? "" : ",") + writeKey(k) + writeNode(v);
    }
    return `${out}}`;
  }
  return writeScalar(node);
}

function writeLocated(node: JsonNode): string {
  if (Array.isArray(node)) return `[${node.map((v, i) => at(i, () => writeLocated(v))).join(",")}]`;
  if (node instanceof JsonObject) {
    const parts = membersInOrder(node).map(([k, v]) => writeKey(k) + at(k, () => writeLocated(v)));
    return `{${parts.join(",")}}`;
  }
  return writeScalar(node);
}

/**
 * The members as serde_json::Value's BTreeMap holds them: sorted by key (code point
 * order), a repeated key once with its last value. A parsed canonical object is in
 * that order already: then its entries as they are, without sorting.
 */
function membersInOrder(node: JsonObject): ReadonlyArray<readonly [string, JsonNode]> {
  const entries = node.entries;
  let sorted = true;
  for (let i = 1; i < entries.length && sorted; i++) sorted = compareUtf8(entries[i - 1]![0], entries[i]![0]) < 0;
  if (sorted) return entries;
  const last = node.members; // last duplicate wins, as BTreeMap::insert
  return Object.keys(last)
    .sort(compareUtf8)
    .map((k) => [k, last[k]!] as const);
}

function writeScalar(node: Exclude<JsonNode, JsonNode[] | JsonObject>): string {
  if (node === null) return "null";
  if (node instanceof JsonInvalid) throw node.error;
  if (node === true) return "true";
  if (node === false) return "false";
  if (typeof node === "bigint") {
    // a safe integer's digits, printed as a number: faster than a bigint's toString
    const n = Number(node);
    if (Number.isSafeInteger(n)) return String(n);
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
  throw new WireError(`not a JSON value: ${typeof node}`);
}

/**
 * How plain JavaScript numbers map to serde_json's two kinds of number, in
 * `toJsonNode` and `fromJsonNode`. A JS `number` cannot say whether it was
 * written `1` or `1.0`; a JsonNode can: a `bigint` is an integer, a `number` an f64.
 *   "auto" (the default): as json! does from Rust literals, a number that is a
 *           safe integer is an integer (`{ n: 1 }` writes `{"n":1}`), any other an
 *           f64; reading, an integer comes back as a number when it is a safe
 *           integer, as a bigint beyond. So an f64 that holds an integral value
 *           (`1.0`) reads as `1` and would be written back as `1`.
 *   "bigint": the JsonNode's own convention: only a bigint is an integer and every
 *           number is an f64, both ways (`{ n: 1n, c: 1 }` writes `{"n":1,"c":1.0}`),
 *           so fromJsonNode and toJsonNode with it give back the same bytes.
 */
export interface PlainOptions {
  integers?: "auto" | "bigint";
}

/**
 * Builds a JsonNode (what a serde_json::Value field holds) from a plain JS value:
 * objects become JsonObject (own enumerable keys, in JS order), arrays map
 * element-wise, bigint is an integer, a number as `options.integers` says (by
 * default an integer when it is a safe integer, else an f64: see PlainOptions).
 * JsonNode parts inside (a JsonObject, say) are kept as they are.
 */
export function toJsonNode(value: unknown, options: PlainOptions = {}): JsonNode {
  const exact = integersAsBigint(options);
  const convert = (v: unknown): JsonNode => {
    if (v === null) return null;
    switch (typeof v) {
      case "boolean":
      case "string":
      case "bigint":
        return v;
      case "number":
        return !exact && Number.isSafeInteger(v) && !Object.is(v, -0) ? BigInt(v) : v;
      case "object":
        if (v instanceof JsonObject) return v;
        if (v instanceof JsonInvalid) throw v.error;
        if (Array.isArray(v)) return v.map((item, i) => at(i, () => convert(item)));
        return new JsonObject(
          Object.entries(v as Record<string, unknown>).map(([k, item]) => [k, at(k, () => convert(item))] as const),
        );
      default:
        throw new WireError(`cannot represent a ${typeof v} as JSON`);
    }
  };
  return convert(value);
}

/**
 * The plain JS view of a node, for reading: a JsonObject becomes a plain object
 * (a duplicated key keeps its last value, as serde_json::Value does), arrays map
 * element-wise, an f64 is a number, an integer as `options.integers` says (by
 * default a number when it is a safe integer, else a bigint: see PlainOptions).
 */
export function fromJsonNode(node: JsonNode, options: PlainOptions = {}): unknown {
  const exact = integersAsBigint(options);
  const convert = (n: JsonNode): unknown => {
    if (typeof n === "bigint") {
      return exact || n < BigInt(Number.MIN_SAFE_INTEGER) || n > BigInt(Number.MAX_SAFE_INTEGER) ? n : Number(n);
    }
    if (n instanceof JsonInvalid) throw n.error;
    if (Array.isArray(n)) return n.map(convert);
    if (n instanceof JsonObject) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of n.entries) {
        // last duplicate wins, like serde_json::Value; defineProperty so "__proto__" is an ordinary key
        Object.defineProperty(out, k, { value: convert(v), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    return n;
  };
  return convert(node);
}

function integersAsBigint(options: PlainOptions): boolean {
  const { integers = "auto" } = options;
  if (integers !== "auto" && integers !== "bigint") throw new WireError(`integers: expected "auto" or "bigint", got ${String(integers)}`);
  return integers === "bigint";
}
