// uuid::Uuid fields, as uuid 1.29.3 reads and writes them through serde_json.
//
// Reading: serde_json is human-readable, so Uuid's Deserialize calls
// deserialize_str: only a JSON string is accepted (an array of 16 bytes is
// NOT: serde_json's deserialize_str rejects `[` before Uuid sees it), then
// `Uuid::parse_str` (parser.rs try_parse), which dispatches on the BYTE
// length of the text:
//   32  simple        67e5504410b1426f9247bb680e5fe0c8
//   36  hyphenated    67e55044-10b1-426f-9247-bb680e5fe0c8
//   38  braced        {67e55044-10b1-426f-9247-bb680e5fe0c8}
//   45  URN           urn:uuid:67e55044-10b1-426f-9247-bb680e5fe0c8 (prefix any case)
// Hex digits may be upper or lower case; nothing else (no whitespace, no
// other lengths). Errors are uuid's InvalidUuid::into_err diagnosis, wrapped
// as "UUID parsing failed: ...".
//
// Writing: always the lower-case hyphenated form.

import { EXPECTING_UUID } from "./constants.js";
import { WireError } from "./errors.js";
import type { JsonNode } from "./json.js";
import { invalidType } from "./primitives.js";
import { utf8Decode, utf8Encode } from "./utf8.js";

const HEX = "0123456789abcdef";

/** Whether `s` is in the form uuid writes (and the common input): lower-case hyphenated. */
function isCanonical(s: string): boolean {
  return s.length === 36 && isCanonicalAt(s, 0);
}

/** Whether the 36 characters of `s` from `at` are a UUID in its lower-case hyphenated form. */
export function isCanonicalAt(s: string, at: number): boolean {
  let i = at;
  for (const end of GROUP_ENDS) {
    for (; i < at + end; i++) {
      const c = s.charCodeAt(i);
      if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
    }
    if (end < 36 && s.charCodeAt(i++) !== 0x2d) return false;
  }
  return true;
}

/** Where each group of hex digits of the hyphenated form ends (a hyphen follows but for the last). */
const GROUP_ENDS = [8, 13, 18, 23, 36];

type Requested = "Any" | "Hyphenated";

class InvalidUuid {
  constructor(
    readonly bytes: Uint8Array,
    readonly requested: Requested,
  ) {}
}

/** decode_hex32: 32 hex ASCII bytes -> lower-case hex string, or undefined. */
function decodeHex32(hex: number[]): string | undefined {
  let out = "";
  for (const c of hex) {
    const digit = c - 0x30;
    const alpha = (c | 0x20) - 0x61;
    if (digit >= 0 && digit < 10) out += HEX[digit];
    else if (alpha >= 0 && alpha < 6) out += HEX[alpha + 10];
    else return undefined;
  }
  return out;
}

function parseHyphenated(s: Uint8Array): string {
  if (s.length !== 36 || s[8] !== 0x2d || s[13] !== 0x2d || s[18] !== 0x2d || s[23] !== 0x2d) {
    throw new InvalidUuid(s, "Hyphenated");
  }
  const hex: number[] = [];
  for (let i = 0; i < 36; i++) if (i !== 8 && i !== 13 && i !== 18 && i !== 23) hex.push(s[i]!);
  const out = decodeHex32(hex);
  if (out === undefined) throw new InvalidUuid(s, "Hyphenated");
  return out;
}

function eqIgnoreAsciiCase(bytes: Uint8Array, text: string): boolean {
  if (bytes.length !== text.length) return false;
  for (let i = 0; i < bytes.length; i++) {
    let a = bytes[i]!;
    let b = text.charCodeAt(i);
    if (a >= 0x41 && a <= 0x5a) a += 0x20;
    if (b >= 0x41 && b <= 0x5a) b += 0x20;
    if (a !== b) return false;
  }
  return true;
}

/** parser.rs try_parse: the 32 hex digits (lower case), or throws InvalidUuid. */
function tryParse(input: Uint8Array): string {
  const n = input.length;
  if (n === 32) {
    const out = decodeHex32([...input]);
    if (out === undefined) throw new InvalidUuid(input, "Any");
    return out;
  }
  if (n === 36) return parseHyphenated(input);
  if (n === 38 && input[0] === 0x7b && input[37] === 0x7d) return parseHyphenated(input.subarray(1, 37));
  if (n === 45) {
    if (eqIgnoreAsciiCase(input.subarray(0, 9), "urn:uuid:")) return parseHyphenated(input.subarray(9));
    throw new InvalidUuid(input, "Any");
  }
  throw new InvalidUuid(input, "Any");
}

/** error.rs InvalidUuid::into_err + Display: the reason text. */
function diagnose(err: InvalidUuid): string {
  const bytes = err.bytes;
  if (bytes.length === 0 || bytes.length > 45) return `invalid length: found ${bytes.length}`;
  let format: "Any" | "Hyphenated" | "Braced" | "Urn" = err.requested;
  let start = 0;
  let end = bytes.length;
  if (err.requested === "Any" && bytes.length >= 2 && bytes[0] === 0x7b && bytes[bytes.length - 1] === 0x7d) {
    start = 1;
    end = bytes.length - 1;
    format = "Braced";
  } else if (err.requested === "Any" && bytes.length >= 9 && eqIgnoreAsciiCase(bytes.subarray(0, 9), "urn:uuid:")) {
    start = 9;
    format = "Urn";
  }
  let hyphenCount = 0;
  const groupBounds = [0, 0, 0, 0];
  // char_indices over bytes[start, end): index is the byte offset within that range
  const text = utf8Decode(bytes, start, end);
  let index = 0;
  for (const ch of text) {
    const isHex = /^[0-9A-Fa-f]$/.test(ch);
    if (!isHex) {
      if (ch === "-") {
        if (format === "Any") format = "Hyphenated";
        if (hyphenCount < 4) groupBounds[hyphenCount] = index;
        hyphenCount++;
      } else {
        return `invalid character: found \`${ch}\` at ${index + start}`;
      }
    }
    const cp = ch.codePointAt(0)!;
    index += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  if (format === "Any") return `invalid length: found ${bytes.length}`;
  if (hyphenCount !== 4) return `invalid group count: expected 5, found ${hyphenCount + 1}`;
  const BLOCK_STARTS = [0, 9, 14, 19, 24];
  const EXPECTED = [8, 4, 4, 4, 12];
  for (let i = 0; i < 4; i++) {
    if (groupBounds[i] !== BLOCK_STARTS[i + 1]! - 1) {
      return `invalid group length in group ${i}: expected ${EXPECTED[i]}, found ${groupBounds[i]! - BLOCK_STARTS[i]!}`;
    }
  }
  return `invalid group length in group 4: expected 12, found ${end - start - BLOCK_STARTS[4]!}`;
}

/**
 * Parses what uuid's Deserialize accepts from a JSON string and returns the
 * lower-case hyphenated form. Throws WireError("UUID parsing failed: ...").
 */
export function parseUuid(s: string): string {
  // already lower-case hyphenated: try_parse would give it back as it is
  if (isCanonical(s)) return s;
  const bytes = utf8Encode(s);
  if (bytes === undefined) throw new WireError("UUID parsing failed: non-UTF8 input");
  try {
    const hex = tryParse(bytes);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  } catch (e) {
    if (e instanceof InvalidUuid) throw new WireError(`UUID parsing failed: ${diagnose(e)}`);
    throw e;
  }
}

/** Uuid from a JsonNode: must be a string uuid accepts. */
export function decodeUuid(node: JsonNode): string {
  if (typeof node !== "string") throw invalidType(node, EXPECTING_UUID);
  return parseUuid(node);
}

/** serde_json bytes of a Uuid given in any form parseUuid accepts. */
export function writeUuid(uuid: string): string {
  if (typeof uuid !== "string") throw new WireError(`cannot write ${typeof uuid} as Uuid`);
  return `"${parseUuid(uuid)}"`; // hex digits and hyphens: nothing to escape
}

// The platform's Web Crypto (Node >= 19, browsers, Deno, Bun), looked up on
// globalThis so that no DOM or Node typings are needed.
interface WebCrypto {
  randomUUID?: () => string;
  getRandomValues?: (array: Uint8Array) => Uint8Array;
}

/**
 * A random (version 4) UUID, lower-case hyphenated, like `Uuid::new_v4()`:
 * crypto.randomUUID when the platform has it, else 16 bytes from
 * crypto.getRandomValues. Without either there is no cryptographic source
 * (Math.random is not one), so it throws rather than make weak ids.
 */
export function randomUuidV4(): string {
  const crypto = (globalThis as { crypto?: WebCrypto }).crypto;
  if (crypto?.randomUUID !== undefined) return crypto.randomUUID();
  if (crypto?.getRandomValues === undefined) {
    throw new WireError("no crypto.randomUUID or crypto.getRandomValues on this platform: pass the id yourself");
  }
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40; // version 4
  b[8] = (b[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = [...b].map((x) => HEX[x >> 4]! + HEX[x & 0xf]!).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
