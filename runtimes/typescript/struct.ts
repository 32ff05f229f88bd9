// Reading a `#[derive(Deserialize)]` struct's members out of a node, with
// serde derive's rules (serde_derive de.rs visit_map / visit_seq):
//   * from a JSON object: members in any order; a known field twice is
//     "duplicate field `x`"; unknown fields are skipped (no
//     deny_unknown_fields) — with parseJson(text, { defer: true }) a skipped
//     value's deferred problems (1e999, "\ud800", depth) are never raised,
//     exactly as serde's ignore_value never sees them;
//   * from a JSON array (serde_json accepts it for structs): the fields in
//     declaration order; a missing element is "invalid length N, expected
//     struct X with M elements" unless the field has #[serde(default)]
//     (NOT merely Option<T>); an extra element is serde_json's "trailing
//     characters" (it stops reading there).
// What a missing field means (Option -> None, default -> Default, else
// "missing field `x`") is left to the caller, which knows the field's type:
// see missingField().

import { TRAILING_CHARACTERS } from "./constants.js";
import { WireError, at } from "./errors.js";
import { JsonInvalid, JsonObject, type JsonNode } from "./json.js";
import { invalidLengthMessage, duplicateFieldMessage, missingFieldMessage } from "./messages.js";
import { invalidType } from "./primitives.js";

export interface FieldSpec {
  /** The name on the wire (after any rename). */
  readonly name: string;
  /** #[serde(default)] on the field: a missing array element takes the default. */
  readonly hasDefault?: boolean;
}

/** Field values by wire name; absent for fields the input did not give. */
export type StructMembers = Map<string, JsonNode>;

/**
 * The members of struct `structName` (the Rust name, used in messages) with
 * fields `fields` (declaration order) as serde derive would read them.
 */
export function readStruct(node: JsonNode, structName: string, fields: readonly FieldSpec[]): StructMembers {
  const out: StructMembers = new Map();
  if (node instanceof JsonObject) {
    const known = new Set(fields.map((f) => f.name));
    for (const [key, value] of node.entries) {
      if (!known.has(key)) continue; // unknown: ignored, deferred problems included
      if (out.has(key)) throw new WireError(duplicateFieldMessage(key));
      out.set(key, value);
    }
    return out;
  }
  if (Array.isArray(node)) {
    fields.forEach((field, i) => {
      if (i < node.length) out.set(field.name, node[i]!);
      else if (field.hasDefault !== true) {
        throw new WireError(invalidLengthMessage(i, `struct ${structName} with ${elements(fields.length)}`));
      }
    });
    if (node.length > fields.length) throw new WireError(TRAILING_CHARACTERS);
    return out;
  }
  if (node instanceof JsonInvalid) throw node.error; // serde reads maps and arrays alike: it meets the problem
  throw invalidType(node, `struct ${structName}`);
}

/** serde_derive's wording: "1 element", "7 elements". */
function elements(n: number): string {
  return n === 1 ? "1 element" : `${n} elements`;
}

/** serde's error for a required field the input did not give. */
export function missingField(name: string): WireError {
  return new WireError(missingFieldMessage(name));
}

// What a generated decoder does with each field, by the field's rule for a
// missing member (model.OnMissing) and, for fields serde may leave out when
// writing, how the value shows in the TypeScript object (model.OnOutput).
// Field errors get the field name prepended to their path.

/** A field serde requires: missing is "missing field `x`". */
export function required<T>(members: StructMembers, name: string, decode: (node: JsonNode) => T): T {
  const node = members.get(name);
  if (node === undefined) throw missingField(name);
  return at(name, () => decode(node));
}

/** An `Option` field: missing means None, exactly like `null` (`decode` is the Option's decoder). */
export function optional<T>(members: StructMembers, name: string, decode: (node: JsonNode) => T | null): T | null {
  const node = members.get(name);
  return node === undefined ? null : at(name, () => decode(node));
}

/** A `#[serde(default)]` field: missing means the type's Default (`fallback()` builds a fresh one). */
export function defaulted<T>(members: StructMembers, name: string, decode: (node: JsonNode) => T, fallback: () => T): T {
  const node = members.get(name);
  return node === undefined ? fallback() : at(name, () => decode(node));
}

/**
 * A `skip_serializing_if = "Option::is_none"` field becomes an optional
 * property, absent for None: spread the result into the object literal.
 * (Absent rather than `undefined`, so objects compare and print like the wire.)
 */
export function omitNone<K extends string, T>(key: K, value: T | null): { [P in K]?: T } {
  return value === null ? {} : ({ [key]: value } as { [P in K]: T });
}

/** A `skip_serializing_if = "Vec::is_empty"` field: an optional property, absent when empty. */
export function omitEmpty<K extends string, T>(key: K, value: T[]): { [P in K]?: T[] } {
  return value.length === 0 ? {} : ({ [key]: value } as { [P in K]: T[] });
}
