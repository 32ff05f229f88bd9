// String -> JSON text exactly as serde_json escapes it (ser.rs ESCAPE table):
// `"` and `\` get a backslash; \b \t \n \f \r use their short forms; every
// other byte 0x00..=0x1F is `\u00xx` with LOWERCASE hex. Nothing else is
// escaped: not DEL (0x7F), not U+2028/U+2029, not non-ASCII, and `/` stays.
//
// That is JSON.stringify's escaping of a string, to the character (ECMA-262
// QuoteJSONString: the same short forms, `\u00xx` in lowercase hex for the other
// control characters, nothing else), except for lone surrogates, which it writes
// as `\udxxx` and which no Rust String holds: those are refused. So the
// engine's own (fast) JSON.stringify writes the string; the differential tests in
// tests/typescript/src/runtime/strings.test.ts hold it to serde_json's bytes.

import { WireError } from "./errors.js";
import { isWellFormed } from "./utf8.js";

/** The control characters written with a short escape (\b \t \n \f \r) rather than `\u00xx`. */
export const SHORT_ESCAPED: readonly number[] = [0x08, 0x09, 0x0a, 0x0c, 0x0d];

/**
 * serde_json::to_string of a Rust String. Throws WireError if `s` holds a
 * lone surrogate: a Rust String cannot, so no serde output could exist.
 */
export function writeJsonString(s: string): string {
  const json = JSON.stringify(s);
  // a lone surrogate comes out as `\udxxx`: nothing escaped (the length says so), or no
  // `\ud` at all, and there is none; only else is the string itself looked at
  if (json.length === s.length + 2 || !json.includes("\\ud") || isWellFormed(s)) return json;
  throw new WireError("string contains a lone surrogate; a Rust String must be valid Unicode");
}

// Object keys repeat from one value to the next (a log's payloads share their
// members' names): their text is kept once written, up to a bound, so memory stays flat.
const KEY_TEXTS = new Map<string, string>();
const KEYS_KEPT = 4096;
const KEY_KEPT_LENGTH = 64;

/** A member's key as serde_json writes it, with the `:` after it: `"name":`. */
export function writeKey(key: string): string {
  let text = KEY_TEXTS.get(key);
  if (text === undefined) {
    text = `${writeJsonString(key)}:`;
    if (KEY_TEXTS.size < KEYS_KEPT && key.length <= KEY_KEPT_LENGTH) KEY_TEXTS.set(key, text);
  }
  return text;
}
