// serde's data-error messages (serde::de::Error, as serde_json words them), filled in
// from the templates in the table of wire constants, which the Rust reference says
// (jamjet-wire-constants): the same source as the Python and Java runtimes'.

import {
  MESSAGE_DUPLICATE_FIELD,
  MESSAGE_INVALID_LENGTH,
  MESSAGE_INVALID_TYPE,
  MESSAGE_INVALID_VALUE,
  MESSAGE_MISSING_FIELD,
  MESSAGE_ONE_OF_MANY,
  MESSAGE_ONE_OF_ONE,
  MESSAGE_ONE_OF_SEPARATOR,
  MESSAGE_ONE_OF_TWO,
  MESSAGE_UNKNOWN_VARIANT,
  MESSAGE_UNKNOWN_VARIANT_NONE,
} from "./constants.js";

/** A template's `{name}` placeholders replaced by `values` (in one pass: values stay as given). */
function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** serde's OneOf: "`a`", "`a` or `b`", "one of `a`, `b`, `c`". */
export function oneOf(names: readonly string[]): string {
  if (names.length === 1) return fill(MESSAGE_ONE_OF_ONE, { a: names[0]! });
  if (names.length === 2) return fill(MESSAGE_ONE_OF_TWO, { a: names[0]!, b: names[1]! });
  const listed = names.map((n) => fill(MESSAGE_ONE_OF_ONE, { a: n })).join(MESSAGE_ONE_OF_SEPARATOR);
  return fill(MESSAGE_ONE_OF_MANY, { list: listed });
}

export function unknownVariantMessage(name: string, variants: readonly string[]): string {
  if (variants.length === 0) return fill(MESSAGE_UNKNOWN_VARIANT_NONE, { name });
  return fill(MESSAGE_UNKNOWN_VARIANT, { name, one_of: oneOf(variants) });
}

export function missingFieldMessage(name: string): string {
  return fill(MESSAGE_MISSING_FIELD, { name });
}

export function duplicateFieldMessage(name: string): string {
  return fill(MESSAGE_DUPLICATE_FIELD, { name });
}

/** `unexpected` as serde's Unexpected displays it (e.g. "integer `1`"). */
export function invalidTypeMessage(unexpected: string, expected: string): string {
  return fill(MESSAGE_INVALID_TYPE, { unexpected, expected });
}

export function invalidValueMessage(unexpected: string, expected: string): string {
  return fill(MESSAGE_INVALID_VALUE, { unexpected, expected });
}

export function invalidLengthMessage(length: number, expected: string): string {
  return fill(MESSAGE_INVALID_LENGTH, { length, expected });
}
