// The view for UI code: the same events as plain JavaScript data.
//
// The exact types keep what a JS number or a Date would lose (u64/i64 as bigint,
// a Value's `1` apart from `1.0`, the timestamp's nanoseconds). UI code wants
// `a.sequence - b.sequence`, `new Date(event.created_at)`, JSON.stringify and
// `Record<string, unknown>` casts instead, so the generated src/view.ts converts a
// parsed value field by field with the functions below (and back, to serialize):
//   u64/i64          <-> number, only where a number holds it exactly (a safe
//                        integer); beyond ±(2^53-1) a WireError, never a rounding
//   DateTime<Utc>    <-> serde's RFC 3339 text (what chrono writes)
//   serde_json::Value <-> plain data (PlainJson): objects, arrays, numbers, ...
// Everything else is already plain. What the view cannot carry back to serde's
// bytes is one thing: a Value's f64 with an integral value (`1.0`) reads as the
// number 1 and is written back as the integer `1` (exactValue).
//
// Errors are WireErrors located like the decoders' (`events[3].sequence`): the
// generated converters wrap each field in `at`, and the functions here locate
// what they find inside a Value.

import { WireError, at } from "./errors.js";
import type { JsonNode } from "./json.js";
import { Timestamp } from "./timestamp.js";
import { fromJsonNode, toJsonNode } from "./value.js";

/** A serde_json::Value as plain JavaScript data: what a Value field holds in the view. */
export type PlainJson = null | boolean | number | string | PlainJson[] | { [key: string]: PlainJson };

/** A converter of one value, either way between the exact types and the view. */
export type Convert<T, U> = (value: T) => U;

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number" || typeof value === "bigint") return `${typeof value} ${String(value)}`;
  return typeof value;
}

function beyondSafe(value: bigint | number): WireError {
  return new WireError(
    `integer ${String(value)} is beyond ±(2^53-1), where a JavaScript number would round it: ` +
      "the view refuses it (the exact parse* functions keep it, as a bigint)",
  );
}

/** u64/i64 -> number, when a number holds it exactly (a safe integer); else a WireError. */
export function viewInt(value: bigint): number {
  if (typeof value !== "bigint") throw new WireError(`expected an integer as a bigint, got ${describe(value)}`);
  const n = Number(value);
  // every integer within ±(2^53-1) converts exactly; anything beyond lands beyond it
  if (!Number.isSafeInteger(n)) throw beyondSafe(value);
  return n;
}

/** number -> u64/i64: a safe integer only (beyond it, the number may already be rounded). */
export function exactInt(value: number): bigint {
  if (typeof value !== "number") throw new WireError(`expected an integer as a number, got ${describe(value)}`);
  if (!Number.isSafeInteger(value)) {
    throw Number.isInteger(value) ? beyondSafe(value) : new WireError(`expected an integer, got ${String(value)}`);
  }
  return BigInt(value);
}

/** DateTime<Utc> -> serde's text of it: RFC 3339 in UTC with `Z`, 0, 3, 6 or 9 fraction digits. */
export function viewTimestamp(value: Timestamp): string {
  if (!(value instanceof Timestamp)) throw new WireError(`expected a Timestamp, got ${describe(value)}`);
  return value.toString();
}

/** RFC 3339 text -> DateTime<Utc>, read as chrono reads it (so a `Date`'s toISOString() is accepted too). */
export function exactTimestamp(value: string): Timestamp {
  if (typeof value !== "string") throw new WireError(`expected an RFC 3339 string, got ${describe(value)}`);
  return Timestamp.parse(value);
}

/**
 * serde_json::Value -> plain data: objects as plain objects (a duplicated key keeps
 * its last value, as serde_json::Value does), an f64 as a number, an integer as a
 * number when it is a safe integer; an integer beyond is a WireError located inside
 * the Value (`kind.output.items[2]`).
 */
export function viewValue(node: JsonNode): PlainJson {
  // fromJsonNode gives every integer beyond ±(2^53-1) as a bigint: refuse those
  return refuseBigints(fromJsonNode(node));
}

function refuseBigints(value: unknown): PlainJson {
  if (typeof value === "bigint") throw beyondSafe(value);
  if (Array.isArray(value)) {
    value.forEach((item, i) => at(i, () => refuseBigints(item)));
  } else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) at(key, () => refuseBigints(item));
  }
  return value as PlainJson;
}

/**
 * plain data -> serde_json::Value (toJsonNode's default): a number is an integer
 * when it is a safe integer other than -0, else an f64. So an f64 that held an
 * integral value (`1.0`, `1e3`) is written back as the integer (`1`, `1000`);
 * every other number is written as it was read.
 */
export function exactValue(value: PlainJson): JsonNode {
  return toJsonNode(value);
}

/** Option<T>: null stays null (undefined too, on the way back, as the writers take it). */
export function mapOption<T, U>(convert: Convert<T, U>): Convert<T | null, U | null> {
  return (value) => (value === null || value === undefined ? null : convert(value));
}

/** Vec<T>: element by element, errors located by index. */
export function mapVec<T, U>(convert: Convert<T, U>): Convert<readonly T[], U[]> {
  return (value) => {
    if (!Array.isArray(value)) throw new WireError(`expected an array, got ${describe(value)}`);
    return value.map((item: T, i) => at(i, () => convert(item)));
  };
}

/**
 * A field serde skips when None or empty (an optional property): absent (or null)
 * stays absent; a value is converted, its errors located at `key`. Spread the
 * result into the object literal.
 */
export function present<K extends string, T>(key: K, value: T | null | undefined): { [P in K]?: T };
export function present<K extends string, T, U>(key: K, value: T | null | undefined, convert: Convert<T, U>): { [P in K]?: U };
export function present<K extends string, T, U>(key: K, value: T | null | undefined, convert?: Convert<T, U>): { [P in K]?: T | U } {
  if (value === undefined || value === null) return {};
  const converted = convert === undefined ? value : at(key, () => convert(value));
  return { [key]: converted } as { [P in K]: T | U };
}

/** Checks that a struct or variant is an object before its fields are read (for callers without a type checker). */
export function expectObject(value: unknown, what: string): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new WireError(`expected ${what} (an object), got ${describe(value)}`);
  }
}
