// Writing structs, enums, options and vectors as serde_json::to_string does:
// compact, members in declaration order, an internally tagged variant with
// its tag first. The leaf writers (numbers.ts, strings.ts, timestamp.ts,
// uuid.ts, value.ts) give the bytes of one value.
//
// Every writer (the leaf ones too) checks the JavaScript value it is given, so plain JavaScript
// callers (no type checker) get a WireError naming the field rather than
// wrong bytes: e.g. a bigint where an f64 belongs would otherwise print `null`.

import { WireError, at } from "./errors.js";
import { writeJsonString } from "./strings.js";

/** One member of an object being written: the key and the JSON text of its value; undefined when skipped. */
export type Member = readonly [key: string, json: string] | undefined;

function expected(what: string, value: unknown): WireError {
  const found = value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
  return new WireError(`cannot write ${found} as ${what}`);
}

/** `{...}` from the members that are not skipped, in the order given. */
export function writeMembers(members: readonly Member[]): string {
  const parts: string[] = [];
  for (const m of members) if (m !== undefined) parts.push(`${writeJsonString(m[0])}:${m[1]}`);
  return `{${parts.join(",")}}`;
}

/** A member serde always writes. Errors from `write` get `key` prepended to their path. */
export function member<T>(key: string, value: T, write: (v: T) => string): Member {
  return [key, at(key, () => write(value))];
}

/** A `skip_serializing_if = "Option::is_none"` member: skipped when the property is absent (or null). */
export function memberUnlessNone<T>(key: string, value: T | null | undefined, write: (v: T) => string): Member {
  return value === undefined || value === null ? undefined : member(key, value, write);
}

/** A `skip_serializing_if = "Vec::is_empty"` member: skipped when absent or empty. */
export function memberUnlessEmpty<T>(key: string, value: readonly T[] | undefined, write: (v: readonly T[]) => string): Member {
  return value === undefined || (Array.isArray(value) && value.length === 0) ? undefined : member(key, value, write);
}

/** Checks that a struct or variant value is an object before its members are read. */
export function checkObject(value: unknown, what: string): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw expected(what, value);
}

/** bool */
export function writeBool(value: boolean): string {
  if (typeof value !== "boolean") throw expected("bool", value);
  return value ? "true" : "false";
}

/** String (a lone surrogate is refused: a Rust String cannot hold one). */
export function writeString(value: string): string {
  if (typeof value !== "string") throw expected("String", value);
  return writeJsonString(value);
}

/** Option<T> written always: None (null or undefined) is `null`. */
export function writeOption<T>(write: (v: T) => string): (value: T | null | undefined) => string {
  return (value) => (value === null || value === undefined ? "null" : write(value));
}

/** Vec<T>: `[...]`, errors located by index. */
export function writeVec<T>(write: (v: T) => string): (value: readonly T[]) => string {
  return (value) => {
    if (!Array.isArray(value)) throw expected("a Vec (an array)", value);
    return `[${value.map((item, i) => at(i, () => write(item))).join(",")}]`;
  };
}

/** A fieldless enum: its variant's wire name as a JSON string. */
export function writeUnitVariant(value: string, enumName: string, variants: readonly string[]): string {
  if (!variants.includes(value)) throw new WireError(`not a variant of ${enumName}: ${JSON.stringify(value)}`);
  return writeJsonString(value);
}

/** An internally tagged enum value whose tag names no variant (only reachable from untyped callers). */
export function unknownTag(enumName: string, tagKey: string, value: unknown): WireError {
  const tag = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[tagKey] : undefined;
  return new WireError(`not a variant of ${enumName}: ${tagKey} ${typeof tag === "string" ? JSON.stringify(tag) : String(tag)}`);
}
