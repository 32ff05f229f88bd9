// The fast reader: typed values straight from the JSON text, for the generated
// read* functions (src/read.ts), without the byte array and the JsonNode tree of the
// exact path (json.ts + the decode* functions).
//
// It takes only what it is sure serde takes, and gives exactly what the exact path
// gives for it; on anything else (any error, and any case it does not handle: a
// member out of serde's order where order matters, a number with more than 15
// significant digits, a lone surrogate, nesting deeper than 100, ...) it throws
// BAIL, and the caller reruns the exact path, which gives serde's verdict and error
// text. So errors are never produced here, and line/column positions never needed.
//
// Why each shortcut equals the exact path:
//   * strings are sliced from the JS string: a well-formed UTF-16 slice is the
//     same text as the UTF-8 bytes decoded (a lone surrogate bails: parseJson
//     refuses such text, and serde such an escape);
//   * a number with at most 15 significant digits has an exact significand below
//     2^53, so `as f64` is exact and scalePow10 (json.ts, serde's own arithmetic)
//     gives serde's f64; integers stay integers (bigint), floats floats;
//   * structs: a known member twice bails (serde: duplicate field), a required one
//     missing bails (missing field), unknown members are read as Values and
//     dropped, so anything serde would not even buffer bails too;
//   * a Value field (json()) keeps its text when it is serde_json's own, for
//     writeValue to give back: compact, members strictly in BTreeMap order, strings
//     with serde_json's escapes only, integers as read, floats as a plain decimal of
//     at most 15 digits without trailing zeros (but `x.0`) where serde_json writes a
//     plain decimal (floats.ts): 15 digits read come back as themselves, so they are
//     the shortest digits of the double, which serde_json writes.

import { PLAIN_HIGH, PLAIN_LOW } from "./floats.js";
import { BuiltEntries, JsonObject, scalePow10, type JsonNode } from "./json.js";
import { U32_MAX } from "./constants.js";
import { isCanonicalAt, parseUuid } from "./uuid.js";
import { SHORT_ESCAPED } from "./strings.js";
import { Timestamp } from "./timestamp.js";
import { compareUtf8 } from "./utf8.js";

/** What the fast paths throw when the exact path must decide (no stack: it is no error). */
class Bail {}
const BAIL = new Bail();

/** Containers deeper than this bail: well inside serde_json's recursion limit (128). */
const MAX_DEPTH = 100;

// `digits` counts significant digits; at most this many keep the significand exact.
const MAX_DIGITS = 15;

const U32_LIMIT = Number(U32_MAX); // compared with a number: no bigint needed

/** The cursor over one JSON text. Every method bails on anything it does not take. */
export class Reader {
  private i = 0;
  private depth = 0;
  /** Set by scanNumber: whether the literal was a float (fraction, exponent, or `-0`). */
  private float = false;
  /**
   * While a Value is read (json()): whether its text so far is exactly what serde_json
   * writes for it; and the arrays read inside it, each followed by its length and its
   * elements (json.ts Written).
   */
  private canonical = true;
  private arrays: Array<JsonNode | JsonNode[]> | undefined;
  /** Set by string(): whether the string held a surrogate pair (see object()). */
  private astral = false;

  constructor(private readonly s: string) {}

  bail(): never {
    throw BAIL;
  }

  /** The next character that is not JSON whitespace (NaN at the end). */
  private ws(): number {
    const s = this.s;
    let c = s.charCodeAt(this.i);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
      c = s.charCodeAt(++this.i);
      this.canonical = false; // serde_json writes none
    }
    return c;
  }

  /** Only whitespace left: the document ends here. */
  end(): void {
    this.ws();
    if (this.i !== this.s.length) this.bail();
  }

  // --- objects ---------------------------------------------------------------

  /** Past `{`; false when the object is empty (its `}` read too). */
  begin(): boolean {
    if (this.ws() !== 0x7b || ++this.depth > MAX_DEPTH) this.bail();
    this.i++;
    if (this.ws() !== 0x7d) return true;
    this.i++;
    this.depth--;
    return false;
  }

  /** A member's key and its `:`. */
  key(): string {
    if (this.ws() !== 0x22) this.bail();
    const key = this.string();
    if (this.ws() !== 0x3a) this.bail();
    this.i++;
    return key;
  }

  /** After a member: true past a `,`, false past the object's `}`. */
  more(): boolean {
    const c = this.ws();
    this.i++;
    if (c === 0x2c) return true;
    if (c !== 0x7d) this.bail();
    this.depth--;
    return false;
  }

  /**
   * An internally tagged enum's tag, when it is the object's first member (as serde
   * writes it); the variant's members follow (read them while more()).
   */
  tag(name: string): string {
    if (!this.begin() || this.key() !== name) this.bail();
    return this.string();
  }

  /** A member serde takes once: bails when `seen` (the field's value so far) is set. */
  once(seen: unknown): void {
    if (seen !== undefined) this.bail();
  }

  // --- arrays ----------------------------------------------------------------

  /** A JSON array, each element read by `element`. */
  vec<T>(element: (r: Reader) => T): T[] {
    if (this.ws() !== 0x5b || ++this.depth > MAX_DEPTH) this.bail();
    this.i++;
    const out: T[] = [];
    if (this.ws() === 0x5d) {
      this.i++;
      this.depth--;
      return out;
    }
    do out.push(element(this));
    while (this.moreItems());
    return out;
  }

  private moreItems(): boolean {
    const c = this.ws();
    this.i++;
    if (c === 0x2c) return true;
    if (c !== 0x5d) this.bail();
    this.depth--;
    return false;
  }

  // --- scalars ---------------------------------------------------------------

  /** `null` next: read it and say so (an Option's None). */
  null(): boolean {
    if (this.ws() !== 0x6e || !this.s.startsWith("null", this.i)) return false;
    this.i += 4;
    return true;
  }

  bool(): boolean {
    const c = this.ws();
    if (c === 0x74 && this.s.startsWith("true", this.i)) {
      this.i += 4;
      return true;
    }
    if (c === 0x66 && this.s.startsWith("false", this.i)) {
      this.i += 5;
      return false;
    }
    return this.bail();
  }

  /** A JSON string, its escapes decoded. */
  string(): string {
    if (this.ws() !== 0x22) this.bail();
    const s = this.s;
    const start = ++this.i;
    let i = start;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c >= 0x20 && c !== 0x22 && c !== 0x5c && (c < 0xd800 || c > 0xdfff)) {
        i++;
      } else if (c === 0x22) {
        this.i = i + 1;
        return s.slice(start, i);
      } else if (c === 0x5c) {
        this.i = i;
        return this.escaped(s.slice(start, i));
      } else {
        i = this.pair(c, i); // a surrogate pair, or bail (also on control characters and the end)
      }
    }
  }

  /** Past a high surrogate at `i` and its low one; bails on anything else. */
  private pair(c: number, i: number): number {
    const d = this.s.charCodeAt(i + 1);
    if (!(c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff)) this.bail();
    this.astral = true;
    return i + 2;
  }

  /** The rest of a string from a backslash on, `head` the text before it. */
  private escaped(head: string): string {
    const s = this.s;
    let out = head;
    let i = this.i;
    let run = i;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c >= 0x20 && c !== 0x22 && c !== 0x5c && (c < 0xd800 || c > 0xdfff)) {
        i++;
      } else if (c === 0x22) {
        this.i = i + 1;
        return out + s.slice(run, i);
      } else if (c === 0x5c) {
        out += s.slice(run, i);
        this.i = i + 1;
        out += this.escape();
        i = run = this.i;
      } else {
        i = this.pair(c, i);
      }
    }
  }

  /** One escape after its backslash: the text it stands for. */
  private escape(): string {
    const c = this.s.charCodeAt(this.i++);
    switch (c) {
      case 0x22:
        return '"';
      case 0x5c:
        return "\\";
      case 0x2f:
        this.canonical = false; // serde_json writes `/` as it is
        return "/";
      case 0x62:
        return "\b";
      case 0x66:
        return "\f";
      case 0x6e:
        return "\n";
      case 0x72:
        return "\r";
      case 0x74:
        return "\t";
      case 0x75:
        return this.unicodeEscape();
      default:
        return this.bail();
    }
  }

  /** `\uXXXX`, a surrogate only as the first of a `\uXXXX\uXXXX` pair (else serde's error path). */
  private unicodeEscape(): string {
    const n = this.hex4();
    // serde_json writes `\u00xx` (lower case) only for the control characters without a short escape
    const lower = this.s.charCodeAt(this.i - 1) < 0x41 || this.s.charCodeAt(this.i - 1) > 0x46;
    if (n >= 0x20 || SHORT_ESCAPED.includes(n) || !lower) this.canonical = false;
    if (n < 0xd800 || n > 0xdfff) return String.fromCharCode(n);
    if (n > 0xdbff || this.s.charCodeAt(this.i) !== 0x5c || this.s.charCodeAt(this.i + 1) !== 0x75) this.bail();
    this.i += 2;
    const low = this.hex4();
    if (low < 0xdc00 || low > 0xdfff) this.bail();
    this.astral = true;
    return String.fromCharCode(n, low);
  }

  private hex4(): number {
    let n = 0;
    for (let k = 0; k < 4; k++) {
      const c = this.s.charCodeAt(this.i++);
      const v = c >= 0x30 && c <= 0x39 ? c - 0x30 : (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 ? (c | 0x20) - 0x57 : -1;
      if (v < 0) this.bail();
      n = n * 16 + v;
    }
    return n;
  }

  /**
   * A JSON number as serde_json reads it: the value, and in `float` whether it is an
   * f64 (a fraction or exponent, or `-0`) or an integer (exact: at most 15 digits).
   */
  private scanNumber(): number {
    const s = this.s;
    let i = this.i;
    let c = s.charCodeAt(i);
    const negative = c === 0x2d;
    if (negative) c = s.charCodeAt(++i);
    let sig = 0;
    let digits = 0;
    if (c === 0x30) {
      c = s.charCodeAt(++i);
      if (c >= 0x30 && c <= 0x39) this.bail(); // a leading zero: serde's "invalid number"
      digits = 1;
    } else if (c >= 0x31 && c <= 0x39) {
      const from = i;
      do {
        sig = sig * 10 + (c - 0x30);
        c = s.charCodeAt(++i);
      } while (c >= 0x30 && c <= 0x39);
      digits = i - from;
    } else {
      this.bail();
    }
    let exponent = 0;
    let float = false;
    if (c === 0x2e) {
      const from = ++i;
      c = s.charCodeAt(i);
      while (c >= 0x30 && c <= 0x39) {
        sig = sig * 10 + (c - 0x30);
        c = s.charCodeAt(++i);
      }
      if (i === from) this.bail();
      digits += i - from;
      exponent = from - i;
      float = true;
      // serde_json writes the shortest digits: no trailing zero but in `x.0`
      if (i - from > 1 && s.charCodeAt(i - 1) === 0x30) this.canonical = false;
    }
    if (c === 0x65 || c === 0x45) {
      c = s.charCodeAt(++i);
      const minus = c === 0x2d;
      if (minus || c === 0x2b) c = s.charCodeAt(++i);
      const from = i;
      let e = 0;
      while (c >= 0x30 && c <= 0x39) {
        e = e * 10 + (c - 0x30);
        c = s.charCodeAt(++i);
      }
      if (i === from || i - from > 4) this.bail();
      exponent += minus ? -e : e;
      float = true;
      this.canonical = false; // serde_json's exponent form is for magnitudes written no other way: left to writeValue
    }
    if (digits > MAX_DIGITS) this.bail();
    this.i = i;
    if (!float) {
      // serde_json: a negative zero integer is the f64 -0.0 (written `-0.0`)
      this.float = negative && sig === 0;
      if (this.float) this.canonical = false;
      return negative ? -sig : sig;
    }
    this.float = true;
    const f = scalePow10(sig, exponent);
    if (!Number.isFinite(f)) this.bail(); // out of range: serde's error
    // At most 15 digits and a plain decimal: the double nearest to them, whose shortest
    // digits are these very ones (15 digits always come back); serde_json writes them
    // so where it writes a plain decimal (floats.ts), else the text is not its own.
    if (f !== 0 && !(f >= PLAIN_LOW && f < PLAIN_HIGH)) this.canonical = false;
    return negative ? -f : f;
  }

  /** An integer literal (serde: an f64 is no integer), not negative. */
  private unsigned(): number {
    this.ws();
    const n = this.scanNumber();
    if (this.float || n < 0) this.bail();
    return n;
  }

  u32(): number {
    const n = this.unsigned();
    if (n > U32_LIMIT) this.bail();
    return n;
  }

  u64(): bigint {
    return BigInt(this.unsigned());
  }

  i64(): bigint {
    this.ws();
    const n = this.scanNumber();
    if (this.float) this.bail();
    return BigInt(n);
  }

  /** f64: a float as read, an integer as `as f64` (exact here). */
  f64(): number {
    this.ws();
    return this.scanNumber();
  }

  uuid(): string {
    // as uuid writes it (lower-case hyphenated), looked at in place; any other form the long way
    const at = this.ws() === 0x22 ? this.i + 1 : -1;
    if (at > 0 && this.s.charCodeAt(at + 36) === 0x22 && isCanonicalAt(this.s, at)) {
      this.i = at + 37;
      return this.s.slice(at, at + 36);
    }
    return parseUuid(this.string());
  }

  timestamp(): Timestamp {
    return Timestamp.parse(this.string());
  }

  /** A fieldless enum written as its variant's name (the other forms bail). */
  oneOf<T extends string>(variants: readonly T[]): T {
    const name = this.string();
    const found = variants.find((v) => v === name);
    return found === undefined ? this.bail() : found;
  }

  // --- serde_json::Value -----------------------------------------------------

  /**
   * A serde_json::Value field, as the exact path's JsonNode. An object whose text is
   * exactly what serde_json writes for it (compact, members in BTreeMap order, numbers
   * and strings spelled as serde_json spells them) keeps that text, with each array
   * inside it and its elements (json.ts Written): writeValue gives the text back while
   * they are as read.
   */
  json(): JsonNode {
    if (this.ws() !== 0x7b) return this.value();
    const start = this.i;
    this.canonical = true;
    const arrays: Array<JsonNode | JsonNode[]> = (this.arrays = []);
    const entries = this.members();
    this.arrays = undefined;
    if (this.canonical) entries.written = { text: this.s.slice(start, this.i), arrays };
    return new JsonObject(entries);
  }

  /** Any JSON value, as the exact path's JsonNode. */
  value(): JsonNode {
    const c = this.ws();
    if (c === 0x22) return this.string();
    if (c === 0x7b) return this.object();
    if (c === 0x5b) return this.array();
    if (c === 0x74 || c === 0x66) return this.bool();
    if (this.null()) return null;
    const n = this.scanNumber();
    return this.float ? n : BigInt(n);
  }

  /** An unknown member's value: read (so anything serde would not buffer bails) and dropped. */
  skip(): void {
    this.value();
  }

  private object(): JsonObject {
    return new JsonObject(this.members());
  }

  /** An object's members, noting whether they are in serde_json's order. */
  private members(): BuiltEntries {
    const entries = new BuiltEntries();
    if (this.begin()) {
      let previous = "";
      let previousAstral = false;
      do {
        this.astral = false;
        const key = this.key();
        // in BTreeMap order, each key after the one before: JavaScript's `<` is that order
        // for keys without surrogate pairs (the one place UTF-16 and code points disagree)
        if (entries.list.length > 0 && !(previous < key && !previousAstral && !this.astral) && compareUtf8(previous, key) >= 0) {
          this.canonical = false;
        }
        previous = key;
        previousAstral = this.astral;
        entries.add(key, this.value());
      } while (this.more());
    }
    return entries;
  }

  private array(): JsonNode[] {
    const items = this.vec(VALUE);
    const arrays = this.arrays;
    if (arrays !== undefined) {
      arrays.push(items, items.length);
      for (let i = 0; i < items.length; i++) arrays.push(items[i]!);
    }
    return items;
  }
}

const VALUE = (r: Reader): JsonNode => r.value();

/**
 * `read` over the whole of `text` (nothing but whitespace after the value), or
 * undefined when the exact path must decide: it bailed, or threw anything at all.
 */
export function fastRead<T>(text: string, read: (r: Reader) => T): T | undefined {
  try {
    const r = new Reader(text);
    const value = read(r);
    r.end();
    return value;
  } catch {
    return undefined;
  }
}
