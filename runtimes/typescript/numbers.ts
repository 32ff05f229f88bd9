// Integer and f64 fields: serde's primitive visitors over the parsed tree.
//
// serde_json hands an integer literal to the visitor as u64 (non-negative)
// or i64 (negative) and everything else as f64 (see json.ts). The primitive
// visitors then decide (serde_core de/impls.rs):
//   u32/u64/i64 from an integer out of range -> invalid value: integer `N`, expected u32
//   u32/u64/i64 from an f64 (even 1.0)         -> invalid type: floating point `1.0`, expected u32
//   f64 from an integer                        -> `v as f64` (round to nearest, ties to even)
// Values: u32 is a JS number (always exact); u64 and i64 are ALWAYS bigint so
// values beyond 2^53 are never rounded; f64 is a number.

import { I64_MAX, I64_MIN, U32_MAX, U32_MIN, U64_MAX, U64_MIN } from "./constants.js";
import { WireError } from "./errors.js";
import { formatF64 } from "./floats.js";
import type { JsonNode } from "./json.js";
import { invalidType, invalidValue } from "./primitives.js";

function decodeInt(node: JsonNode, expected: string, min: bigint, max: bigint): bigint {
  if (typeof node !== "bigint") throw invalidType(node, expected);
  if (node < min || node > max) throw invalidValue(`integer \`${node}\``, expected);
  return node;
}

/** u32 */
export function decodeU32(node: JsonNode): number {
  return Number(decodeInt(node, "u32", U32_MIN, U32_MAX));
}

/** u64, exact. */
export function decodeU64(node: JsonNode): bigint {
  return decodeInt(node, "u64", U64_MIN, U64_MAX);
}

/** i64, exact. */
export function decodeI64(node: JsonNode): bigint {
  return decodeInt(node, "i64", I64_MIN, I64_MAX);
}

/** f64: from a float as is, from an integer rounded like Rust's `as f64`. */
export function decodeF64(node: JsonNode): number {
  if (typeof node === "number") return node;
  if (typeof node === "bigint") return Number(node); // round-to-nearest-even, like `as f64`
  throw invalidType(node, "f64");
}

/** An integer type's bounds, exact as bigints and, for safe integers, as numbers. */
class Width {
  readonly low: number;
  readonly high: number;

  constructor(
    readonly name: string,
    readonly min: bigint,
    readonly max: bigint,
  ) {
    // Number() rounds only bounds beyond 2^53 (u64's and i64's maximum), which no safe
    // integer reaches: compared with a safe integer, these are exact
    this.low = Number(min);
    this.high = Number(max);
  }
}

const U32 = new Width("u32", U32_MIN, U32_MAX);
const U64 = new Width("u64", U64_MIN, U64_MAX);
const I64 = new Width("i64", I64_MIN, I64_MAX);

/**
 * The decimal text of an integer about to be written, checked. bigints are exact; a JS
 * number is accepted only when it is a safe integer (beyond 2^53 it may already have
 * been rounded, so the caller must use a bigint). A safe integer is printed as a
 * number: the same digits, and faster than a bigint's toString.
 */
function intText(value: bigint | number, width: Width): string {
  const n = typeof value === "bigint" ? Number(value) : value;
  if (Number.isSafeInteger(n)) {
    if (n < width.low || n > width.high) throw new WireError(`cannot write ${String(n)} as ${width.name}: out of range`);
    return String(n);
  }
  if (typeof value !== "bigint") {
    throw new WireError(`cannot write ${String(value)} as ${width.name}: not a safe integer (pass a bigint)`);
  }
  if (value < width.min || value > width.max) throw new WireError(`cannot write ${value} as ${width.name}: out of range`);
  return value.toString();
}

/** serde_json bytes of a u32. */
export function writeU32(value: number | bigint): string {
  return intText(value, U32);
}

/** serde_json bytes of a u64. */
export function writeU64(value: bigint | number): string {
  return intText(value, U64);
}

/** serde_json bytes of an i64. */
export function writeI64(value: bigint | number): string {
  return intText(value, I64);
}

/** serde_json bytes of an f64 (NaN and infinities are written as `null`, as serde_json does). */
export function writeF64(value: number): string {
  // (formatF64 would print a bigint or a string as `null`: refuse them instead)
  if (typeof value !== "number") throw new WireError(`cannot write ${typeof value} as f64`);
  return formatF64(value);
}
