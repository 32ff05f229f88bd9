// String -> JSON text exactly as serde_json escapes it (ser.rs ESCAPE table):
// `"` and `\` get a backslash; \b \t \n \f \r use their short forms; every
// other byte 0x00..=0x1F is `\u00xx` with LOWERCASE hex. Nothing else is
// escaped: not DEL (0x7F), not U+2028/U+2029, not non-ASCII, and `/` stays.

import { WireError } from "./errors.js";
import { isWellFormed } from "./utf8.js";

const SHORT: Record<number, string> = {
  0x08: "\\b",
  0x09: "\\t",
  0x0a: "\\n",
  0x0c: "\\f",
  0x0d: "\\r",
  0x22: '\\"',
  0x5c: "\\\\",
};

const HEX = "0123456789abcdef";

const NEEDS_ESCAPE = /[\u0000-\u001f"\\]/;

/**
 * serde_json::to_string of a Rust String. Throws WireError if `s` holds a
 * lone surrogate: a Rust String cannot, so no serde output could exist.
 */
export function writeJsonString(s: string): string {
  if (!isWellFormed(s)) {
    throw new WireError("string contains a lone surrogate; a Rust String must be valid Unicode");
  }
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  let out = '"';
  let runStart = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c) continue;
    out += s.slice(runStart, i);
    out += SHORT[c] ?? `\\u00${HEX[c >> 4]}${HEX[c & 0xf]}`;
    runStart = i + 1;
  }
  return out + s.slice(runStart) + '"';
}
