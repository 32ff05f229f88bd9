// Strict JSON text -> JsonNode, with serde_json 1.0.154's verdicts.
//
// This is a port of serde_json's `from_str::<Value>` path (de.rs:
// deserialize_any, SeqAccess, MapAccess, parse_integer/parse_decimal/
// parse_exponent/f64_from_parts; read.rs: parse_str_bytes, parse_escape,
// parse_unicode_escape) working on the UTF-8 bytes of the text, so that
// accept/reject, the numbers produced, and even the error text with its
// "at line L column C" (columns count bytes) are serde_json's.
//
// Built with serde_json's default features: no `float_roundtrip` (floats use
// the fast POW10 multiply/divide algorithm below, NOT correct rounding), no
// `arbitrary_precision`, recursion limit 128 (RECURSION_LIMIT).
//
// Representation (JsonNode):
//   null | boolean | string | JsonNode[] | JsonObject
//   bigint  = an integer literal serde_json kept as an integer: u64
//             (0..=2^64-1) or negative i64 (-2^63..=-1). JsonInt.
//   number  = an f64: everything else serde_json parsed as a float: literals
//             with a fraction or exponent, `-0`, and integers outside
//             u64/i64 (e.g. 18446744073709551616, -9223372036854775809).
// So `1` is 1n (serde writes it back as `1`) and `1.0` is 1 (written `1.0`).
// JsonObject keeps every (key, value) pair in document order, duplicates
// included: struct decoding must see duplicates to reject them like serde's
// derive does, while serde_json::Value keeps the last (see value.ts).
//
// Two modes:
//   parseJson(text)                 strict: every problem throws, in document
//                                   order, exactly as serde_json::from_str::<Value>.
//   parseJson(text, { defer: true }) for typed documents (structs): serde
//                                   checks three things only on values it
//                                   actually deserializes and NOT on values it
//                                   skips with `ignore_value` (unknown struct
//                                   fields): number range (`1e999`), surrogate
//                                   pairing in `\u` escapes (`"\ud800"`) and the
//                                   recursion limit (ignore_value has none).
//                                   With `defer`, syntax is still checked
//                                   everywhere, but such a value becomes a
//                                   JsonInvalid node holding serde's error; every
//                                   decoder rethrows it when it touches the node
//                                   (decodeValue() does so for a whole subtree),
//                                   and a skipped unknown field never does. So
//                                   decode after a deferred parse gives serde's
//                                   verdict whatever the field is known or not.
//                                   (Internally tagged enums buffer their whole
//                                   object through deserialize_any, unknown
//                                   fields included: call decodeValue() on such
//                                   an object before decoding its variant.)

// serde_json's ErrorCode texts (error.rs) and limits, from the wire constants.
import {
  CONTROL_CHARACTER,
  EOF_LIST,
  EOF_OBJECT,
  EOF_STRING,
  EOF_VALUE,
  EXPECTED_COLON,
  EXPECTED_IDENT,
  EXPECTED_LIST_COMMA_OR_END,
  EXPECTED_OBJECT_COMMA_OR_END,
  EXPECTED_VALUE,
  I32_MAX,
  INVALID_ESCAPE,
  INVALID_NUMBER,
  KEY_MUST_BE_A_STRING,
  LONE_LEADING_SURROGATE,
  NUMBER_OUT_OF_RANGE,
  RECURSION_LIMIT,
  RECURSION_LIMIT_EXCEEDED,
  TRAILING_CHARACTERS,
  TRAILING_COMMA,
  U64_MAX,
  UNEXPECTED_END_OF_HEX_ESCAPE,
} from "./constants.js";
import { WireError } from "./errors.js";
import { INSPECT, type Inspect, type InspectOptions } from "./inspect.js";
import { pushUtf8, utf8Decode, utf8Encode } from "./utf8.js";

/** An integer exactly as serde_json's parser keeps it: a u64 or a negative i64. */
export type JsonInt = bigint;

export type JsonNode = null | boolean | JsonInt | number | string | JsonNode[] | JsonObject | JsonInvalid;

/**
 * A value whose serde error is deferred (only `parseJson(text, { defer: true })`
 * makes these): an out-of-range number, a string with a lone surrogate escape
 * (or an object with such a key), or a container nested deeper than serde's
 * recursion limit. Decoders throw `error` when they reach it.
 */
export class JsonInvalid {
  constructor(
    readonly error: WireError,
    /**
     * For a container, what serde would call it in "invalid type: map" when a
     * decoder wants something else (serde then never looks inside, so never
     * meets the problem); undefined for a number or string, which serde must
     * read, and so fail on, whatever the decoder wanted.
     */
    readonly found?: "map" | "sequence",
  ) {}
}

/** The first JsonInvalid in `node` (document order), if any. */
export function firstInvalid(node: JsonNode): JsonInvalid | undefined {
  if (node instanceof JsonInvalid) return node;
  if (Array.isArray(node)) {
    for (const item of node) {
      const bad = firstInvalid(item);
      if (bad !== undefined) return bad;
    }
  } else if (node instanceof JsonObject) {
    for (const [, v] of node.entries) {
      const bad = firstInvalid(v);
      if (bad !== undefined) return bad;
    }
  }
  return undefined;
}

/**
 * serde_json's text of a Value the fast reader (reader.ts json()) found written exactly
 * as serde_json writes it, and each array inside it followed by its length and its
 * elements as read, all in one list: a JsonObject cannot change, an array can (a
 * JsonNode[] is the caller's to change), so the text stands while every array holds
 * what it held (value.ts writeValue).
 */
export interface Written {
  readonly text: string;
  readonly arrays: ReadonlyArray<JsonNode | JsonNode[]>;
}

/** A JsonObject's Written, if it has one: module-internal access to its #private field. */
export let writtenOf: (node: JsonObject) => Written | undefined;

/**
 * The entries of an object being read and its members by key, built together by the
 * fast reader (reader.ts): a JsonObject takes them as they are, where entries from
 * anyone else are copied (the constructor's signature stays the public one).
 */
export class BuiltEntries implements Iterable<readonly [string, JsonNode]> {
  readonly list: Array<readonly [string, JsonNode]> = [];
  readonly members = Object.create(null) as Record<string, JsonNode>;
  /** The object's text, when it is exactly what serde_json writes for it (see Written). */
  written: Written | undefined = undefined;

  add(key: string, value: JsonNode): void {
    this.list.push([key, value]);
    this.members[key] = value; // the last duplicate wins, as BTreeMap::insert
  }

  [Symbol.iterator](): Iterator<readonly [string, JsonNode]> {
    return this.list[Symbol.iterator]();
  }
}

/**
 * A JSON object: its members in document order, duplicate keys kept (`entries`),
 * and by key as serde_json::Value keeps them (`members`).
 *
 * What consoles show: Node calls the INSPECT method below; browsers ignore it and list
 * the own enumerable properties. So the document-order list is a #private field behind
 * the `entries` getter, and the one own enumerable property is `members`, which shows
 * the keys and values themselves: `JsonObject {members: {a: 1n}}`, not the pairs array.
 * Not mutable: `members` is computed once, from the entries the constructor is given.
 */
export class JsonObject {
  readonly #entries: ReadonlyArray<readonly [string, JsonNode]>;
  /**
   * The members by key, as serde_json::Value keeps them: a repeated key holds its last
   * value. A null-prototype object, so any key ("__proto__", "toString") is a plain member.
   */
  readonly members: Readonly<Record<string, JsonNode>>;
  readonly #written: Written | undefined;

  static {
    writtenOf = (node) => node.#written;
  }

  constructor(entries: Iterable<readonly [string, JsonNode]> = []) {
    if (entries instanceof BuiltEntries) {
      this.#entries = entries.list;
      this.members = entries.members;
      this.#written = entries.written;
      return;
    }
    const list: Array<readonly [string, JsonNode]> = [];
    const members = Object.create(null) as Record<string, JsonNode>;
    for (const [k, v] of entries) {
      list.push([k, v]);
      members[k] = v; // the last duplicate wins, as BTreeMap::insert
    }
    this.#entries = list;
    this.members = members;
    this.#written = undefined;
  }

  /** The members in document order, duplicates included: what serde's struct reader meets. */
  get entries(): ReadonlyArray<readonly [string, JsonNode]> {
    return this.#entries;
  }

  /** Number of members, duplicates counted. */
  get size(): number {
    return this.#entries.length;
  }

  /** The value serde_json::Value would keep for `key`: the LAST occurrence. */
  get(key: string): JsonNode | undefined {
    return this.members[key];
  }

  has(key: string): boolean {
    return key in this.members;
  }

  /** Keys in document order, duplicates included. */
  keys(): string[] {
    return this.#entries.map((e) => e[0]);
  }

  /**
   * JSON.stringify support: the members (a repeated key once, its last value). Like
   * events, it throws on an integer (a bigint) rather than round it.
   */
  toJSON(): Readonly<Record<string, JsonNode>> {
    return this.members;
  }

  /**
   * How Node prints it: its members as an object literal (`JsonObject { a: 1 }`), or,
   * when a key repeats, as the [key, value] pairs it holds.
   */
  [INSPECT](depth: number, options: InspectOptions, inspect: Inspect): string {
    if (depth < 0) return "[JsonObject]";
    const members = this.firstDuplicateKey() === undefined ? Object.fromEntries(this.#entries) : this.#entries;
    // `depth` is what is left at this level: the members' own contents show as deep
    // as a plain object's would here
    return `JsonObject ${inspect(members, { ...options, depth })}`;
  }

  /** The first key that occurs a second time (in document order of that second occurrence), if any. */
  firstDuplicateKey(): string | undefined {
    const seen = new Set<string>();
    for (const [k] of this.#entries) {
      if (seen.has(k)) return k;
      seen.add(k);
    }
    return undefined;
  }
}


// de.rs POW10: 1e0..=1e308 as f64 literals (correctly rounded, as JS's are).
const POW10: number[] = Array.from({ length: 309 }, (_, i) => Number(`1e${i}`));

/**
 * serde_json's default (non-float_roundtrip) f64_from_parts without the sign: the
 * significand `f` (already `as f64`) multiplied or divided by POW10, NOT correctly
 * rounded. Infinity where serde says "number out of range". The fast reader
 * (reader.ts) uses it too: one rule for both paths.
 */
export function scalePow10(f: number, exponent: number): number {
  for (;;) {
    const pow = Math.abs(exponent) <= 308 ? POW10[Math.abs(exponent)]! : undefined;
    if (pow !== undefined) return exponent >= 0 ? f * pow : f / pow;
    if (f === 0) return f;
    if (exponent >= 0) return Infinity;
    f /= 1e308;
    exponent += 308;
  }
}

// Byte constants.
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const LOWER_E = 0x65;
const UPPER_E = 0x45;
const LOWER_U = 0x75;

function isDigit(b: number): boolean {
  return b >= ZERO && b <= NINE;
}

// Below this, small * 10 + 9 stays below 2^53, so plain numbers are exact.
const SMALL_LIMIT = 900_719_925_474_099;

/**
 * A u64 significand accumulated digit by digit, exact. serde_json stops
 * (switches to its overflow path) at the first digit that would take the
 * value past u64::MAX; `push` reports that by returning false.
 */
class Significand {
  private small = 0; // a safe integer; see SMALL_LIMIT
  private big: bigint | null = null;

  constructor(first: number) {
    this.small = first;
  }

  push(digit: number): boolean {
    if (this.big === null) {
      if (this.small < SMALL_LIMIT) {
        this.small = this.small * 10 + digit;
        return true;
      }
      this.big = BigInt(this.small);
    }
    const next = this.big * 10n + BigInt(digit);
    if (next > U64_MAX) return false;
    this.big = next;
    return true;
  }

  isZero(): boolean {
    return this.big === null ? this.small === 0 : this.big === 0n;
  }

  asBigInt(): bigint {
    return this.big === null ? BigInt(this.small) : this.big;
  }

  /** `significand as f64`: round to nearest, ties to even (Number(bigint) does exactly that). */
  asF64(): number {
    return this.big === null ? this.small : Number(this.big);
  }
}

class Parser {
  private index = 0;
  private remainingDepth = RECURSION_LIMIT;
  /** First deferred problem of the string being parsed (defer mode). */
  private stringProblem: WireError | undefined;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly defer: boolean,
    /** The text itself when it is pure ASCII: then byte offsets are string offsets. */
    private readonly ascii: string | undefined,
  ) {}

  /**
   * A problem serde only reports for values it deserializes: thrown in strict
   * mode, returned as a JsonInvalid node in defer mode.
   */
  private deferrable(err: WireError): JsonInvalid {
    if (!this.defer) throw err;
    return new JsonInvalid(err);
  }

  // --- read.rs SliceRead primitives -------------------------------------

  /** The next byte without consuming it, or -1 at end of input. */
  private peek(): number {
    return this.index < this.bytes.length ? this.bytes[this.index]! : -1;
  }

  /** peek_or_null: end of input reads as b'\0'. */
  private peekOrNull(): number {
    return this.index < this.bytes.length ? this.bytes[this.index]! : 0;
  }

  private next(): number {
    if (this.index < this.bytes.length) return this.bytes[this.index++]!;
    return -1;
  }

  private eat(): void {
    this.index++;
  }

  private positionError(reason: string, i: number): WireError {
    // SliceRead::position_of_index: line counts '\n' before the line start,
    // column is the byte distance from the line start.
    let startOfLine = 0;
    for (let j = i - 1; j >= 0; j--) {
      if (this.bytes[j] === 0x0a) {
        startOfLine = j + 1;
        break;
      }
    }
    let line = 1;
    for (let j = 0; j < startOfLine; j++) if (this.bytes[j] === 0x0a) line++;
    return new WireError(`${reason} at line ${line} column ${i - startOfLine}`);
  }

  /** Error caused by a byte already consumed (serde's `error`). */
  private error(reason: string): WireError {
    return this.positionError(reason, this.index);
  }

  /** Error caused by a peeked byte (serde's `peek_error`). */
  private peekError(reason: string): WireError {
    return this.positionError(reason, Math.min(this.bytes.length, this.index + 1));
  }

  // --- de.rs -------------------------------------------------------------

  private parseWhitespace(): number {
    for (;;) {
      const b = this.peek();
      if (b === 0x20 || b === 0x0a || b === 0x09 || b === 0x0d) this.eat();
      else return b;
    }
  }

  /** Deserializer::from_str + Value::deserialize + Deserializer::end. */
  parseDocument(): JsonNode {
    const value = this.parseValue();
    if (this.parseWhitespace() !== -1) throw this.peekError(TRAILING_CHARACTERS);
    return value;
  }

  private parseIdent(ident: string): void {
    for (let k = 0; k < ident.length; k++) {
      const b = this.next();
      if (b === -1) throw this.error(EOF_VALUE);
      if (b !== ident.charCodeAt(k)) throw this.error(EXPECTED_IDENT);
    }
  }

  /** deserialize_any with serde_json::Value's visitor. */
  private parseValue(): JsonNode {
    const peek = this.parseWhitespace();
    switch (peek) {
      case -1:
        throw this.peekError(EOF_VALUE);
      case 0x6e: // n
        this.eat();
        this.parseIdent("ull");
        return null;
      case 0x74: // t
        this.eat();
        this.parseIdent("rue");
        return true;
      case 0x66: // f
        this.eat();
        this.parseIdent("alse");
        return false;
      case MINUS:
        this.eat();
        return this.parseInteger(false);
      case QUOTE:
        this.eat();
        return this.parseStr();
      case 0x5b: {
        // [
        if (--this.remainingDepth === 0) return this.tooDeep();
        this.eat();
        const arr = this.visitSeq();
        this.remainingDepth++;
        this.endSeq();
        return arr;
      }
      case 0x7b: {
        // {
        if (--this.remainingDepth === 0) return this.tooDeep();
        this.eat();
        const obj = this.visitMap();
        this.remainingDepth++;
        this.endMap();
        return obj;
      }
      default:
        if (isDigit(peek)) return this.parseInteger(true);
        throw this.peekError(EXPECTED_VALUE);
    }
  }

  /** The container at the peeked `[`/`{` is one level too deep. */
  private tooDeep(): JsonInvalid {
    const err = this.peekError(RECURSION_LIMIT_EXCEEDED);
    if (!this.defer) throw err;
    const invalid = new JsonInvalid(err, this.peek() === 0x5b ? "sequence" : "map");
    this.ignoreValue(); // syntax only, no limit: what serde does to a skipped field
    this.remainingDepth++;
    return invalid;
  }

  private visitSeq(): JsonNode[] {
    const out: JsonNode[] = [];
    let first = true;
    for (;;) {
      // SeqAccess::has_next_element
      const peek = this.parseWhitespace();
      if (peek === -1) throw this.peekError(EOF_LIST);
      if (peek === 0x5d) return out; // ]
      if (first) {
        first = false;
      } else if (peek === 0x2c) {
        this.eat();
        const after = this.parseWhitespace();
        if (after === 0x5d) throw this.peekError(TRAILING_COMMA);
        if (after === -1) throw this.peekError(EOF_VALUE);
      } else {
        throw this.peekError(EXPECTED_LIST_COMMA_OR_END);
      }
      out.push(this.parseValue());
    }
  }

  private endSeq(): void {
    const peek = this.parseWhitespace();
    if (peek === 0x5d) {
      this.eat();
      return;
    }
    if (peek === 0x2c) {
      this.eat();
      throw this.peekError(this.parseWhitespace() === 0x5d ? TRAILING_COMMA : TRAILING_CHARACTERS);
    }
    if (peek === -1) throw this.peekError(EOF_LIST);
    throw this.peekError(TRAILING_CHARACTERS);
  }

  private visitMap(): JsonObject | JsonInvalid {
    const entries: Array<[string, JsonNode]> = [];
    // A key serde cannot read poisons the object: a struct or Value reads every key.
    let badKey: JsonInvalid | undefined;
    let first = true;
    for (;;) {
      // MapAccess::has_next_key
      const peek = this.parseWhitespace();
      if (peek === -1) throw this.peekError(EOF_OBJECT);
      if (peek === 0x7d) return badKey ?? new JsonObject(entries); // }
      if (first) {
        first = false;
        if (peek !== QUOTE) throw this.peekError(KEY_MUST_BE_A_STRING);
      } else if (peek === 0x2c) {
        this.eat();
        const after = this.parseWhitespace();
        if (after === 0x7d) throw this.peekError(TRAILING_COMMA);
        if (after === -1) throw this.peekError(EOF_VALUE);
        if (after !== QUOTE) throw this.peekError(KEY_MUST_BE_A_STRING);
      } else {
        throw this.peekError(EXPECTED_OBJECT_COMMA_OR_END);
      }
      // MapKey: eat the quote, parse the string.
      this.eat();
      const key = this.parseStr();
      if (key instanceof JsonInvalid) badKey ??= new JsonInvalid(key.error, "map");
      // parse_object_colon
      const colon = this.parseWhitespace();
      if (colon === 0x3a) this.eat();
      else if (colon === -1) throw this.peekError(EOF_OBJECT);
      else throw this.peekError(EXPECTED_COLON);
      const value = this.parseValue();
      if (typeof key === "string") entries.push([key, value]);
    }
  }

  private endMap(): void {
    const peek = this.parseWhitespace();
    if (peek === 0x7d) {
      this.eat();
      return;
    }
    if (peek === 0x2c) throw this.peekError(TRAILING_COMMA);
    if (peek === -1) throw this.peekError(EOF_OBJECT);
    throw this.peekError(TRAILING_CHARACTERS);
  }

  // --- numbers -------------------------------------------------------------

  private parseInteger(positive: boolean): JsonNode {
    const next = this.next();
    if (next === -1) throw this.error(EOF_VALUE);
    if (next === ZERO) {
      // There can be only one leading '0'.
      if (isDigit(this.peekOrNull())) throw this.peekError(INVALID_NUMBER);
      return this.parseNumber(positive, new Significand(0));
    }
    if (next > ZERO && next <= NINE) {
      const sig = new Significand(next - ZERO);
      for (;;) {
        const c = this.peekOrNull();
        if (!isDigit(c)) return this.parseNumber(positive, sig);
        if (!sig.push(c - ZERO)) return this.parseLongInteger(positive, sig);
        this.eat();
      }
    }
    throw this.error(INVALID_NUMBER);
  }

  private parseNumber(positive: boolean, sig: Significand): JsonNode {
    const c = this.peekOrNull();
    if (c === DOT) return this.parseDecimal(positive, sig, 0);
    if (c === LOWER_E || c === UPPER_E) return this.parseExponent(positive, sig, 0);
    if (positive) return sig.asBigInt();
    // `(significand as i64).wrapping_neg()`: negative => fits i64; otherwise
    // (0, i.e. `-0`, or beyond i64::MIN) serde_json makes it an f64.
    const s = sig.asBigInt();
    if (s === 0n || s > 0x8000_0000_0000_0000n) return -sig.asF64();
    return -s;
  }

  private parseDecimal(positive: boolean, sig: Significand, exponentBeforeDecimalPoint: number): number | JsonInvalid {
    this.eat();
    let exponentAfterDecimalPoint = 0;
    for (;;) {
      const c = this.peekOrNull();
      if (!isDigit(c)) break;
      if (!sig.push(c - ZERO)) {
        return this.parseDecimalOverflow(positive, sig, exponentBeforeDecimalPoint + exponentAfterDecimalPoint);
      }
      this.eat();
      exponentAfterDecimalPoint -= 1;
    }
    // Error if there is not at least one digit after the decimal point.
    if (exponentAfterDecimalPoint === 0) {
      if (this.peek() !== -1) throw this.peekError(INVALID_NUMBER);
      throw this.peekError(EOF_VALUE);
    }
    const exponent = exponentBeforeDecimalPoint + exponentAfterDecimalPoint;
    const c = this.peekOrNull();
    if (c === LOWER_E || c === UPPER_E) return this.parseExponent(positive, sig, exponent);
    return this.f64FromParts(positive, sig, exponent);
  }

  private parseExponent(positive: boolean, sig: Significand, startingExp: number): number | JsonInvalid {
    this.eat();
    let positiveExp = true;
    const sign = this.peekOrNull();
    if (sign === PLUS) {
      this.eat();
    } else if (sign === MINUS) {
      this.eat();
      positiveExp = false;
    }
    const next = this.next();
    if (next === -1) throw this.error(EOF_VALUE);
    // Make sure a digit follows the exponent place.
    if (!isDigit(next)) throw this.error(INVALID_NUMBER);
    let exp = next - ZERO;
    for (;;) {
      const c = this.peekOrNull();
      if (!isDigit(c)) break;
      this.eat();
      const digit = c - ZERO;
      // overflow!(exp * 10 + digit, i32::MAX)
      if (exp >= Math.floor(I32_MAX / 10) && (exp > Math.floor(I32_MAX / 10) || digit > I32_MAX % 10)) {
        return this.parseExponentOverflow(positive, sig.isZero(), positiveExp);
      }
      exp = exp * 10 + digit;
    }
    // i32 saturating_add / saturating_sub
    const raw = positiveExp ? startingExp + exp : startingExp - exp;
    const finalExp = Math.max(-I32_MAX - 1, Math.min(I32_MAX, raw));
    return this.f64FromParts(positive, sig, finalExp);
  }

  /** The default (non-float_roundtrip) f64_from_parts (see scalePow10). */
  private f64FromParts(positive: boolean, sig: Significand, exponent: number): number | JsonInvalid {
    const f = scalePow10(sig.asF64(), exponent);
    if (!Number.isFinite(f)) return this.deferrable(this.error(NUMBER_OUT_OF_RANGE));
    return positive ? f : -f;
  }

  private parseLongInteger(positive: boolean, sig: Significand): number | JsonInvalid {
    let exponent = 0;
    for (;;) {
      const c = this.peekOrNull();
      if (isDigit(c)) {
        this.eat();
        exponent += 1;
      } else if (c === DOT) {
        return this.parseDecimal(positive, sig, exponent);
      } else if (c === LOWER_E || c === UPPER_E) {
        return this.parseExponent(positive, sig, exponent);
      } else {
        return this.f64FromParts(positive, sig, exponent);
      }
    }
  }

  private parseDecimalOverflow(positive: boolean, sig: Significand, exponent: number): number | JsonInvalid {
    // The next multiply/add would overflow, so just ignore all further digits.
    while (isDigit(this.peekOrNull())) this.eat();
    const c = this.peekOrNull();
    if (c === LOWER_E || c === UPPER_E) return this.parseExponent(positive, sig, exponent);
    return this.f64FromParts(positive, sig, exponent);
  }

  private parseExponentOverflow(positive: boolean, zeroSignificand: boolean, positiveExp: boolean): number | JsonInvalid {
    // Error instead of +/- infinity.
    const invalid = !zeroSignificand && positiveExp ? this.deferrable(this.error(NUMBER_OUT_OF_RANGE)) : undefined;
    // (defer mode goes on like ignore_integer: the rest of the exponent is skipped)
    while (isDigit(this.peekOrNull())) this.eat();
    return invalid ?? (positive ? 0 : -0);
  }

  // --- strings (read.rs, validate = true) -------------------------------

  private parseStr(): string | JsonInvalid {
    this.stringProblem = undefined;
    const bytes = this.bytes;
    let scratch: number[] | null = null; // UTF-8 bytes, only once an escape was seen
    let start = this.index;
    for (;;) {
      // skip_to_escape
      while (this.index < bytes.length) {
        const b = bytes[this.index]!;
        if (b === QUOTE || b === BACKSLASH || b < 0x20) break;
        this.index++;
      }
      if (this.index === bytes.length) throw this.error(EOF_STRING);
      const b = bytes[this.index]!;
      if (b === QUOTE) {
        let s: string;
        if (scratch === null) {
          s = this.ascii !== undefined ? this.ascii.slice(start, this.index) : utf8Decode(bytes, start, this.index);
        } else {
          for (let j = start; j < this.index; j++) scratch.push(bytes[j]!);
          s = utf8Decode(Uint8Array.from(scratch), 0, scratch.length);
        }
        this.index++;
        return this.stringProblem === undefined ? s : new JsonInvalid(this.stringProblem);
      }
      if (b === BACKSLASH) {
        if (scratch === null) scratch = [];
        for (let j = start; j < this.index; j++) scratch.push(bytes[j]!);
        this.index++;
        this.parseEscape(scratch);
        start = this.index;
        continue;
      }
      this.index++;
      throw this.error(CONTROL_CHARACTER);
    }
  }

  private nextOrEof(): number {
    const b = this.next();
    if (b === -1) throw this.error(EOF_STRING);
    return b;
  }

  private parseEscape(scratch: number[]): void {
    const ch = this.nextOrEof();
    switch (ch) {
      case QUOTE:
        scratch.push(QUOTE);
        return;
      case BACKSLASH:
        scratch.push(BACKSLASH);
        return;
      case 0x2f: // /
        scratch.push(0x2f);
        return;
      case 0x62: // b
        scratch.push(0x08);
        return;
      case 0x66: // f
        scratch.push(0x0c);
        return;
      case 0x6e: // n
        scratch.push(0x0a);
        return;
      case 0x72: // r
        scratch.push(0x0d);
        return;
      case 0x74: // t
        scratch.push(0x09);
        return;
      case LOWER_U:
        this.parseUnicodeEscape(scratch);
        return;
      default:
        throw this.error(INVALID_ESCAPE);
    }
  }

  private decodeHexEscape(): number {
    if (this.bytes.length - this.index < 4) {
      this.index = this.bytes.length;
      throw this.error(EOF_STRING);
    }
    let n = 0;
    let bad = false;
    for (let k = 0; k < 4; k++) {
      const c = this.bytes[this.index + k]!;
      let v: number;
      if (c >= ZERO && c <= NINE) v = c - ZERO;
      else if (c >= 0x41 && c <= 0x46) v = c - 0x41 + 10;
      else if (c >= 0x61 && c <= 0x66) v = c - 0x61 + 10;
      else {
        bad = true;
        v = 0;
      }
      n = n * 16 + v;
    }
    this.index += 4;
    if (bad) throw this.error(INVALID_ESCAPE);
    return n;
  }

  /**
   * A `\u` escape into a Rust String: surrogates must pair up. A lone
   * trailing surrogate, a leading one not followed by `\u` + trailing one,
   * are errors (serde_json only tolerates them when deserializing bytes, or
   * when skipping a value). In defer mode the first such problem is noted
   * and scanning goes on the way ignore_str would (each escape on its own);
   * the string then becomes a JsonInvalid.
   */
  private parseUnicodeEscape(scratch: number[]): void {
    const n = this.decodeHexEscape();
    if (n >= 0xdc00 && n <= 0xdfff) {
      // (serde_json's message says "leading" here too)
      this.noteStringProblem(this.error(LONE_LEADING_SURROGATE));
      return;
    }
    if (n < 0xd800 || n > 0xdbff) {
      pushUtf8(scratch, n);
      return;
    }
    // A leading surrogate: serde_json requires `\u` + a trailing one next.
    // End of input here is left to the caller's loop, which reports the same
    // "EOF while parsing a string" at the same place serde_json does.
    const at = this.index;
    if (at >= this.bytes.length) return;
    if (this.bytes[at] !== BACKSLASH) {
      this.noteStringProblem(this.positionError(UNEXPECTED_END_OF_HEX_ESCAPE, at + 1));
      return;
    }
    if (at + 1 >= this.bytes.length) return;
    if (this.bytes[at + 1] !== LOWER_U) {
      this.noteStringProblem(this.positionError(UNEXPECTED_END_OF_HEX_ESCAPE, at + 2));
      return;
    }
    this.index = at + 2;
    const n2 = this.decodeHexEscape();
    if (n2 < 0xdc00 || n2 > 0xdfff) {
      this.noteStringProblem(this.error(LONE_LEADING_SURROGATE));
      return;
    }
    pushUtf8(scratch, (((n - 0xd800) << 10) | (n2 - 0xdc00)) + 0x10000);
  }

  private noteStringProblem(err: WireError): void {
    if (!this.defer) throw err;
    this.stringProblem ??= err;
  }

  // --- ignore_value: syntax only (defer mode, past the recursion limit) ---

  /** de.rs ignore_value, iterative: checks syntax, builds nothing, no depth limit. */
  private ignoreValue(): void {
    const frames: number[] = [];
    let enclosing: number | undefined;
    for (;;) {
      const peek = this.parseWhitespace();
      if (peek === -1) throw this.peekError(EOF_VALUE);
      let frame: number | undefined;
      switch (peek) {
        case 0x6e:
          this.eat();
          this.parseIdent("ull");
          break;
        case 0x74:
          this.eat();
          this.parseIdent("rue");
          break;
        case 0x66:
          this.eat();
          this.parseIdent("alse");
          break;
        case MINUS:
          this.eat();
          this.ignoreInteger();
          break;
        case QUOTE:
          this.eat();
          this.ignoreStr();
          break;
        case 0x5b:
        case 0x7b:
          if (enclosing !== undefined) frames.push(enclosing);
          enclosing = undefined;
          this.eat();
          frame = peek;
          break;
        default:
          if (isDigit(peek)) {
            this.ignoreInteger();
            break;
          }
          throw this.peekError(EXPECTED_VALUE);
      }
      let acceptComma: boolean;
      let current: number;
      if (frame !== undefined) {
        acceptComma = false;
        current = frame;
      } else if (enclosing !== undefined) {
        acceptComma = true;
        current = enclosing;
        enclosing = undefined;
      } else {
        const popped = frames.pop();
        if (popped === undefined) return;
        acceptComma = true;
        current = popped;
      }
      let done = false;
      for (;;) {
        const b = this.parseWhitespace();
        if (b === 0x2c && acceptComma) {
          this.eat();
          break;
        }
        const closes = (b === 0x5d && current === 0x5b) || (b === 0x7d && current === 0x7b);
        if (!closes) {
          if (b === -1) {
            throw this.peekError(current === 0x5b ? EOF_LIST : EOF_OBJECT);
          }
          if (acceptComma) {
            throw this.peekError(current === 0x5b ? EXPECTED_LIST_COMMA_OR_END : EXPECTED_OBJECT_COMMA_OR_END);
          }
          break;
        }
        this.eat();
        const popped = frames.pop();
        if (popped === undefined) {
          done = true;
          break;
        }
        current = popped;
        acceptComma = true;
      }
      if (done) return;
      if (current === 0x7b) {
        const q = this.parseWhitespace();
        if (q === QUOTE) this.eat();
        else if (q === -1) throw this.peekError(EOF_OBJECT);
        else throw this.peekError(KEY_MUST_BE_A_STRING);
        this.ignoreStr();
        const c = this.parseWhitespace();
        if (c === 0x3a) this.eat();
        else if (c === -1) throw this.peekError(EOF_OBJECT);
        else throw this.peekError(EXPECTED_COLON);
      }
      enclosing = current;
    }
  }

  private ignoreInteger(): void {
    const b = this.next();
    if (b === ZERO) {
      if (isDigit(this.peekOrNull())) throw this.peekError(INVALID_NUMBER);
    } else if (b > ZERO && b <= NINE) {
      while (isDigit(this.peekOrNull())) this.eat();
    } else {
      throw this.error(INVALID_NUMBER);
    }
    const c = this.peekOrNull();
    if (c === DOT) this.ignoreDecimal();
    else if (c === LOWER_E || c === UPPER_E) this.ignoreExponent();
  }

  private ignoreDecimal(): void {
    this.eat();
    let atLeastOneDigit = false;
    while (isDigit(this.peekOrNull())) {
      this.eat();
      atLeastOneDigit = true;
    }
    if (!atLeastOneDigit) throw this.peekError(INVALID_NUMBER);
    const c = this.peekOrNull();
    if (c === LOWER_E || c === UPPER_E) this.ignoreExponent();
  }

  private ignoreExponent(): void {
    this.eat();
    const sign = this.peekOrNull();
    if (sign === PLUS || sign === MINUS) this.eat();
    const b = this.next();
    if (!isDigit(b)) throw this.error(INVALID_NUMBER);
    while (isDigit(this.peekOrNull())) this.eat();
  }

  /** read.rs ignore_str: control characters and escape syntax checked, surrogates not. */
  private ignoreStr(): void {
    const bytes = this.bytes;
    for (;;) {
      while (this.index < bytes.length) {
        const b = bytes[this.index]!;
        if (b === QUOTE || b === BACKSLASH || b < 0x20) break;
        this.index++;
      }
      if (this.index === bytes.length) throw this.error(EOF_STRING);
      const b = bytes[this.index]!;
      if (b === QUOTE) {
        this.index++;
        return;
      }
      if (b === BACKSLASH) {
        this.index++;
        const ch = this.nextOrEof();
        if (ch === LOWER_U) this.decodeHexEscape();
        else if (![QUOTE, BACKSLASH, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74].includes(ch)) throw this.error(INVALID_ESCAPE);
        continue;
      }
      throw this.error(CONTROL_CHARACTER);
    }
  }
}

export interface ParseOptions {
  /**
   * Defer the checks serde makes only on values it deserializes (number
   * range, surrogate escapes, recursion limit) into JsonInvalid nodes; see
   * the header of json.ts. Default false: strict, serde_json::Value's verdict.
   */
  defer?: boolean;
}

/**
 * Parses one JSON document with serde_json::from_str's verdict and numbers.
 * Throws WireError (serde_json's message, with line/column) on rejection.
 *
 * `text` must be a well-formed string: a lone surrogate code unit has no
 * UTF-8 form, so no Rust &str could contain it; such input is rejected.
 */
export function parseJson(text: string, options: ParseOptions = {}): JsonNode {
  const bytes = utf8Encode(text);
  if (bytes === undefined) {
    throw new WireError("input is not valid Unicode (lone surrogate code unit); a Rust &str cannot hold it");
  }
  const ascii = bytes.length === text.length ? text : undefined;
  return new Parser(bytes, options.defer === true, ascii).parseDocument();
}
