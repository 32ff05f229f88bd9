// UTF-8 helpers, hand-written so the runtime needs neither TextEncoder typings
// (DOM / @types/node) nor any dependency.
//
// Why UTF-8 at all in a JS runtime: the Rust side works on UTF-8 bytes, and
// several observable things are defined on bytes, not UTF-16 code units:
// serde_json error columns, chrono's `s.len()` checks, uuid's length-based
// format dispatch, and the key order of serde_json::Value maps (BTreeMap<String>
// compares bytes).

// The platform's TextEncoder/TextDecoder (Node, browsers, Deno, Bun) are used
// when present, for speed only; looked up on globalThis so that no DOM or
// Node typings are needed. The hand-written loops below are the fallback and
// give identical results on well-formed input.
interface NativeEncoder {
  encode(s: string): Uint8Array;
}
interface NativeDecoder {
  decode(b: Uint8Array): string;
}
const platform = globalThis as {
  TextEncoder?: new () => NativeEncoder;
  TextDecoder?: new (label: string, options: { ignoreBOM: boolean }) => NativeDecoder;
};
const nativeEncoder: NativeEncoder | undefined = platform.TextEncoder ? new platform.TextEncoder() : undefined;
const nativeDecoder: NativeDecoder | undefined = platform.TextDecoder
  ? new platform.TextDecoder("utf-8", { ignoreBOM: true }) // keep a leading U+FEFF: it is content
  : undefined;

/**
 * Encodes `s` as UTF-8. Returns undefined when `s` holds a lone surrogate:
 * such a string has no UTF-8 form and can never be a Rust `String`.
 */
export function utf8Encode(s: string): Uint8Array | undefined {
  if (nativeEncoder !== undefined) {
    // (TextEncoder would silently turn a lone surrogate into U+FFFD)
    return isWellFormed(s) ? nativeEncoder.encode(s) : undefined;
  }
  return utf8EncodeFallback(s);
}

/** The portable encoder (exported for its tests). */
export function utf8EncodeFallback(s: string): Uint8Array | undefined {
  // First pass: exact length (and well-formedness).
  let len = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) len += 1;
    else if (c < 0x800) len += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (d < 0xdc00 || d > 0xdfff) return undefined;
      len += 4;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return undefined;
    else len += 3;
  }
  const out = new Uint8Array(len);
  let o = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out[o++] = c;
    } else if (c < 0x800) {
      out[o++] = 0xc0 | (c >> 6);
      out[o++] = 0x80 | (c & 0x3f);
    } else if (c >= 0xd800 && c <= 0xdbff) {
      c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
      out[o++] = 0xf0 | (c >> 18);
      out[o++] = 0x80 | ((c >> 12) & 0x3f);
      out[o++] = 0x80 | ((c >> 6) & 0x3f);
      out[o++] = 0x80 | (c & 0x3f);
    } else {
      out[o++] = 0xe0 | (c >> 12);
      out[o++] = 0x80 | ((c >> 6) & 0x3f);
      out[o++] = 0x80 | (c & 0x3f);
    }
  }
  return out;
}

const SURROGATE = /[\ud800-\udfff]/;

// ES2024's String.prototype.isWellFormed (Node 20, current browsers), for speed only.
const nativeWellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed;

/** True when `s` has no lone surrogate, i.e. it is a valid Rust `String`. */
export function isWellFormed(s: string): boolean {
  if (nativeWellFormed !== undefined) return nativeWellFormed.call(s);
  return isWellFormedFallback(s);
}

/** The portable check (exported for its tests). */
export function isWellFormedFallback(s: string): boolean {
  if (!SURROGATE.test(s)) return true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      if (c >= 0xdc00) return false;
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (d < 0xdc00 || d > 0xdfff) return false;
      i++;
    }
  }
  return true;
}

/**
 * Decodes bytes[start, end) which the caller guarantees to be valid UTF-8
 * (they came from utf8Encode or from code points we produced).
 */
export function utf8Decode(bytes: Uint8Array, start: number, end: number): string {
  if (end - start > 32 && nativeDecoder !== undefined) return nativeDecoder.decode(bytes.subarray(start, end));
  return utf8DecodeFallback(bytes, start, end);
}

/** The portable decoder (exported for its tests). */
export function utf8DecodeFallback(bytes: Uint8Array, start: number, end: number): string {
  let out = "";
  const units: number[] = [];
  let i = start;
  while (i < end) {
    const b0 = bytes[i]!;
    let cp: number;
    if (b0 < 0x80) {
      cp = b0;
      i += 1;
    } else if (b0 < 0xe0) {
      cp = ((b0 & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
      i += 2;
    } else if (b0 < 0xf0) {
      cp = ((b0 & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
      i += 3;
    } else {
      cp =
        ((b0 & 0x07) << 18) |
        ((bytes[i + 1]! & 0x3f) << 12) |
        ((bytes[i + 2]! & 0x3f) << 6) |
        (bytes[i + 3]! & 0x3f);
      i += 4;
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      units.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else {
      units.push(cp);
    }
    if (units.length >= 8192) {
      out += String.fromCharCode(...units);
      units.length = 0;
    }
  }
  return units.length > 0 ? out + String.fromCharCode(...units) : out;
}

/** Appends the UTF-8 form of code point `cp` (never a surrogate) to `out`. */
export function pushUtf8(out: number[], cp: number): void {
  if (cp < 0x80) out.push(cp);
  else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
  else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  else
    out.push(
      0xf0 | (cp >> 18),
      0x80 | ((cp >> 12) & 0x3f),
      0x80 | ((cp >> 6) & 0x3f),
      0x80 | (cp & 0x3f),
    );
}

/**
 * Orders two strings by their UTF-8 bytes, which is Rust's `str` order (and so
 * serde_json::Value's BTreeMap key order). This is code point order; JS's `<`
 * compares UTF-16 code units, which puts U+10000.. (surrogate pairs, 0xD8xx)
 * BEFORE U+E000..U+FFFF, whereas UTF-8 puts them after.
 */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Map surrogates above the rest of the BMP: code units 0xD800..0xDFFF only
    // occur in astral pairs here, and every astral code point sorts after
    // every BMP one. Two different surrogates at the same index compare like
    // the code points they start (high surrogates) or end (low surrogates).
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}
