// Writing structs, enums, options and vectors as serde_json::to_string does:
// compact, members in declaration order, an internally tagged variant with
// its tag first. The leaf writers (numbers.ts, strings.ts, timestamp.ts,
// uuid.ts, value.ts) give the bytes of one value.
//
// Two forms (FORMS in the protocol): "log" is that text; "api" is what the
// runtime's HTTP API writes, the value passed through serde_json::Value first,
// so every object's members come out sorted by key (a BTreeMap<String, _>, by
// code point) at every level, the variant's tag among them; scalars are the same
// bytes. The form travels down with every nested write, and writeMembers, where
// every struct and variant becomes an object, is the one place that sorts.
// (Value maps are sorted in both forms already: writeValue.)
//
// Every writer (the leaf ones too) checks the JavaScript value it is given, so plain JavaScript
// callers (no type checker) get a WireError naming the field rather than
// wrong bytes: e.g. a bigint where an f64 belongs would otherwise print `null`.

import { FORMS } from "./constants.js";
import { WireError, at } from "./errors.js";
import { writeJsonString, writeKey } from "./strings.js";
import { compareUtf8 } from "./utf8.js";

/** How a value is written back: "log" (serde's field order) or "api" (members sorted). */
export type Form = (typeof FORMS)[number];
/** serde_json::to_string of the value: the event log's bytes. */
export const LOG_FORM: Form = FORMS[0];
/** serde_json::to_string of the value's serde_json::Value: the HTTP API's bytes. */
export const API_FORM: Form = FORMS[1];

/** Whether `value` names a form (a protocol request's `form`, say). */
export function isForm(value: unknown): value is Form {
  return FORMS.some((f) => f === value);
}

/** A writer of one value, in the given form (leaf writers ignore it: scalars are the same in both). */
export type Writer<T> = (value: T, form: Form) => string;

/** One member of an object being written: the key and the JSON text of its value; undefined when skipped. */
export type Member = readonly [key: string, json: string] | undefined;

function expected(what: string, value: unknown): WireError {
  const found = value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
  return new WireError(`cannot write ${found} as ${what}`);
}

/**
 * `{...}` from the members that are not skipped: in the order given (declaration
 * order) in the log form, sorted by key in the api form.
 */
export function writeMembers(members: readonly Member[], form: Form = LOG_FORM): string {
  const kept = members.filter((m): m is NonNullable<Member> => m !== undefined);
  // code point order, as BTreeMap<String, _> (UTF-8 bytes), not JS's UTF-16 `<`
  if (form === API_FORM) kept.sort((a, b) => compareUtf8(a[0], b[0]));
  return `{${kept.map(([key, json]) => writeKey(key) + json).join(",")}}`;
}

/** A member serde always writes. Errors from `write` get `key` prepended to their path. */
export function member<T>(key: string, value: T, write: Writer<T>, form: Form = LOG_FORM): Member {
  return [key, at(key, () => write(value, form))];
}

/** A `skip_serializing_if = "Option::is_none"` member: skipped when the property is absent (or null). */
export function memberUnlessNone<T>(key: string, value: T | null | undefined, write: Writer<T>, form: Form = LOG_FORM): Member {
  return value === undefined || value === null ? undefined : member(key, value, write, form);
}

/** A `skip_serializing_if = "Vec::is_empty"` member: skipped when absent or empty. */
export function memberUnlessEmpty<T>(
  key: string,
  value: readonly T[] | undefined,
  write: Writer<readonly T[]>,
  form: Form = LOG_FORM,
): Member {
  return value === undefined || (Array.isArray(value) && value.length === 0) ? undefined : member(key, value, write, form);
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
export function writeOption<T>(write: Writer<T>): Writer<T | null | undefined> {
  return (value, form = LOG_FORM) => (value === null || value === undefined ? "null" : write(value, form));
}

/** Vec<T>: `[...]`, errors located by index. */
export function writeVec<T>(write: Writer<T>): Writer<readonly T[]> {
  return (value, form = LOG_FORM) => {
    if (!Array.isArray(value)) throw expected("a Vec (an array)", value);
    return `[${value.map((item, i) => at(i, () => write(item, form))).join(",")}]`;
  };
}

/**
 * Vec<T> for the fast printers (src/write.ts): `[...]`, nothing located (a throw
 * makes serialize* run the exact path, writeVec's, which says where).
 */
export function writeItems<T>(value: readonly T[], write: (item: T) => string): string {
  if (!Array.isArray(value)) throw expected("a Vec (an array)", value);
  let out = "[";
  for (let i = 0; i < value.length; i++) out += (i === 0 ? "" : ",") + write(value[i]!);
  return `${out}]`;
}

/**
 * `print(value)`, the fast path of a serialize* function, or undefined when it threw
 * (anything at all): the caller then runs the exact path, which says where and why.
 */
export function fastWrite<T>(value: T, print: (value: T) => string): string | undefined {
  try {
    return print(value);
  } catch {
    return undefined;
  }
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
