// Enums: serde's internally tagged enums (`#[serde(tag = "...")]`) and
// fieldless enums, read the way serde 1.x reads them from serde_json.
//
// Internally tagged (serde's TaggedContentVisitor, private/de.rs):
//   * serde reads the whole value through deserialize_any into a buffer
//     (`Content`) before it looks at the tag, so every member, unknown ones
//     included, must be acceptable JSON for serde_json: callers run
//     decodeValue() over the node first (see json.ts on deferred problems);
//   * from an object, the tag member may stand anywhere; given twice it is
//     "duplicate field", absent it is "missing field"; the other members, in
//     document order, are the variant's struct (read with readStruct);
//   * from an array (serde's sequence form), the first element is the tag and
//     the rest are the variant's fields in declaration order; `[]` is
//     "missing field";
//   * the tag's value is a variant identifier: serde_json only gives strings
//     for it, so `"type": 0` is "invalid type: integer `0`, expected variant
//     identifier", and a string naming no variant is "unknown variant".
//
// Fieldless enums (rename_all = "snake_case") are written as the variant's
// name; serde also reads the externally tagged form `{"name": null}`. Inside
// an internally tagged enum the value comes from the buffer
// (ContentDeserializer), which is more lenient in one place: the unit value
// of `{"name": {}}` is accepted too (deserialize_unit takes an empty map),
// where serde_json proper wants `null`. Hence the `buffered` flag.

import { WireError } from "./errors.js";
import { JsonInvalid, JsonObject, type JsonNode } from "./json.js";
import { invalidType, invalidValue } from "./primitives.js";
import { duplicateFieldMessage, unknownVariantMessage } from "./messages.js";
import { missingField } from "./struct.js";

/** serde's Error::unknown_variant. */
export function unknownVariant(name: string, variants: readonly string[]): WireError {
  return new WireError(unknownVariantMessage(name, variants));
}

/** A variant identifier as serde_json gives it: a string naming one of `variants`. */
export function variantIdentifier<T extends string>(node: JsonNode, variants: readonly T[]): T {
  if (typeof node !== "string") throw invalidType(node, "variant identifier");
  const found = variants.find((v) => v === node);
  if (found === undefined) throw unknownVariant(node, variants);
  return found;
}

export interface Tagged<T extends string> {
  /** The variant's wire name. */
  readonly tag: T;
  /** The variant's own fields: an object without the tag member, or the array after the tag. */
  readonly body: JsonNode;
}

/**
 * Splits an internally tagged enum value into its tag and the variant's body.
 * `enumName` is the Rust name, for messages. Call decodeValue(node) first.
 */
export function readTagged<T extends string>(
  node: JsonNode,
  tagKey: string,
  enumName: string,
  variants: readonly T[],
): Tagged<T> {
  if (node instanceof JsonObject) {
    let tag: T | undefined;
    const rest: Array<[string, JsonNode]> = [];
    for (const [key, value] of node.entries) {
      if (key !== tagKey) {
        rest.push([key, value]);
      } else if (tag !== undefined) {
        throw new WireError(duplicateFieldMessage(tagKey));
      } else {
        // no `at(tagKey)`: the tag is the enum's own, so its errors are the enum's
        // (reported at `kind`, not `kind.type`), as in the README's path notation
        tag = variantIdentifier(value, variants);
      }
    }
    if (tag === undefined) throw missingField(tagKey);
    return { tag, body: new JsonObject(rest) };
  }
  if (Array.isArray(node)) {
    const [first, ...rest] = node;
    if (first === undefined) throw missingField(tagKey);
    return { tag: variantIdentifier(first, variants), body: rest }; // at the enum, as above
  }
  if (node instanceof JsonInvalid) throw node.error;
  throw invalidType(node, `internally tagged enum ${enumName}`);
}

/**
 * A fieldless enum value: the variant's name, or `{"name": null}` (also
 * `{"name": {}}` when `buffered`, i.e. inside an internally tagged enum).
 */
export function decodeUnitVariant<T extends string>(
  node: JsonNode,
  enumName: string,
  variants: readonly T[],
  buffered: boolean,
): T {
  if (node instanceof JsonObject) {
    const only = node.size === 1 ? node.entries[0] : undefined;
    if (only === undefined) throw invalidValue("map", "map with a single key");
    const [key, value] = only;
    const name = variantIdentifier(key, variants);
    const emptyMap = buffered && value instanceof JsonObject && value.size === 0;
    if (value !== null && !emptyMap) throw invalidType(value, "unit").under(key);
    return name;
  }
  if (typeof node === "string" || node instanceof JsonInvalid) return variantIdentifier(node, variants);
  throw invalidType(node, buffered ? "string or map" : `enum ${enumName}`);
}
