// chrono::DateTime<Utc> fields, exactly as chrono 0.4.45 reads and writes them.
//
// Reading: chrono's Deserialize for DateTime<Utc> takes a JSON string and runs
// `DateTime<FixedOffset>::from_str` (format/parse.rs parse_rfc3339_relaxed),
// then converts to UTC. That parser is far more lenient than RFC 3339, and
// this file ports it step by step, on UTF-8 bytes like the original:
//   * date `Y-M-D`: year is 1-4 digits, or a sign followed by any number of
//     digits (`+10000`, `-0001`); month/day are 1-2 digits. Whitespace (any
//     Unicode White_Space) may precede every number and every `-`/`:`.
//   * separator: exactly one `T`, `t` or ` `.
//   * time `h:m:s` 1-2 digits each; hour 0-23, minute 0-59, second 0-60 (60 is
//     a leap second in ANY minute); optional `.` + 1 or more digits (first 9
//     count, the rest are skipped).
//   * offset after optional whitespace: `Z`/`z`, `UTC` (any case), or
//     `+`/`-`/U+2212 then 2 digits, any run of `:`/whitespace, 2 digits
//     (minutes 00-59; hours 00-99 scan but |offset| must be < 24h).
//   * trailing whitespace is allowed, anything else is "trailing input".
//   * the date must exist (Feb 29 only in leap years) and the instant must
//     lie in chrono's range: years -262143..=262142, in UTC too.
// Errors carry chrono's ParseError text ("input contains invalid characters",
// "premature end of input", "trailing input", "input is out of range",
// "no possible date and time matching input").
//
// Writing: chrono's Serialize (write_rfc3339, SecondsFormat::AutoSi, use_z):
// `YYYY-MM-DDTHH:MM:SS[.fff|.ffffff|.fffffffff]Z`; years outside 0..=9999 as
// `{:+05}` (`+10000`, `-0001`); a leap second prints as `:60`.
//
// Model: like chrono's NaiveDateTime, a day number, a second of the day
// (0..=86399) and a nanosecond fraction 0..=1_999_999_999, where >= 1e9 marks
// a leap second (only when the second of the minute is 59).

import { EXPECTING_TIMESTAMP, I32_MAX, I32_MIN } from "./constants.js";
import { WireError } from "./errors.js";
import { INSPECT } from "./inspect.js";
import type { JsonNode } from "./json.js";
import { invalidType } from "./primitives.js";
import { writeJsonString } from "./strings.js";
import { utf8Encode } from "./utf8.js";

// chrono ParseErrorKind texts (format/mod.rs).
const OUT_OF_RANGE = "input is out of range";
const IMPOSSIBLE = "no possible date and time matching input";
const INVALID = "input contains invalid characters";
const TOO_SHORT = "premature end of input";
const TOO_LONG = "trailing input";

// chrono's NaiveDate range (naive/date/mod.rs MIN_YEAR/MAX_YEAR).
const MIN_YEAR = -262143;
const MAX_YEAR = 262142;

const NANOS_PER_SEC = 1_000_000_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (any year). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): [year: number, month: number, day: number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [month <= 2 ? era * 400 + yoe + 1 : era * 400 + yoe, month, day];
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

const MIN_DAYS = daysFromCivil(MIN_YEAR, 1, 1);
const MAX_DAYS = daysFromCivil(MAX_YEAR, 12, 31);

/** NaiveDate::from_ymd_opt: undefined when the date does not exist or is outside chrono's range. */
function ymdToDays(year: number, month: number, day: number): number | undefined {
  if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

// --- the parser ------------------------------------------------------------

/** Rust's char::is_whitespace (Unicode White_Space). */
function isWhiteSpace(cp: number): boolean {
  return (
    (cp >= 0x09 && cp <= 0x0d) ||
    cp === 0x20 ||
    cp === 0x85 ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

class Fail {
  constructor(readonly reason: string) {}
}

/** chrono's Parsed, reduced to the fields parse_rfc3339_relaxed can set. */
interface Parsed {
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  nanosecond?: number;
  offset?: number;
}

class Rfc3339Relaxed {
  private p = 0;
  readonly parsed: Parsed = {};

  constructor(private readonly b: Uint8Array) {}

  private get len(): number {
    return this.b.length - this.p;
  }

  /** The code point at byte offset `i` and its UTF-8 length. */
  private charAt(i: number): [number, number] {
    const b0 = this.b[i]!;
    if (b0 < 0x80) return [b0, 1];
    if (b0 < 0xe0) return [((b0 & 0x1f) << 6) | (this.b[i + 1]! & 0x3f), 2];
    if (b0 < 0xf0) return [((b0 & 0x0f) << 12) | ((this.b[i + 1]! & 0x3f) << 6) | (this.b[i + 2]! & 0x3f), 3];
    return [
      ((b0 & 0x07) << 18) | ((this.b[i + 1]! & 0x3f) << 12) | ((this.b[i + 2]! & 0x3f) << 6) | (this.b[i + 3]! & 0x3f),
      4,
    ];
  }

  /** str::trim_start */
  private trimStart(): void {
    while (this.p < this.b.length) {
      const [cp, n] = this.charAt(this.p);
      if (!isWhiteSpace(cp)) return;
      this.p += n;
    }
  }

  /** scan::colon_or_space: trim_start_matches(':' or whitespace) */
  private colonOrSpace(): void {
    while (this.p < this.b.length) {
      const [cp, n] = this.charAt(this.p);
      if (cp !== 0x3a && !isWhiteSpace(cp)) return;
      this.p += n;
    }
  }

  /** Item::Literal */
  private literal(ch: number): void {
    if (this.len < 1) throw new Fail(TOO_SHORT);
    if (this.b[this.p] !== ch) throw new Fail(INVALID);
    this.p += 1;
  }

  /** scan::number(s, min, max): checked i64 accumulation of up to `max` ASCII digits. */
  private number(min: number, max: number): bigint {
    if (this.len < min) throw new Fail(TOO_SHORT);
    let n = 0n;
    const limit = Math.min(max, this.len);
    for (let i = 0; i < limit; i++) {
      const c = this.b[this.p + i]!;
      if (c < 0x30 || c > 0x39) {
        if (i < min) throw new Fail(INVALID);
        this.p += i;
        return n;
      }
      n = n * 10n + BigInt(c - 0x30);
      if (n > 0x7fff_ffff_ffff_ffffn) throw new Fail(OUT_OF_RANGE);
    }
    this.p += limit;
    return n;
  }

  /** Item::Numeric(spec): trim, (signed: optional sign, then unlimited digits), set. */
  private numeric(width: number, signed: boolean): bigint {
    this.trimStart();
    if (signed && this.b[this.p] === 0x2d) {
      this.p += 1;
      return -this.number(1, Number.MAX_SAFE_INTEGER);
    }
    if (signed && this.b[this.p] === 0x2b) {
      this.p += 1;
      return this.number(1, Number.MAX_SAFE_INTEGER);
    }
    return this.number(1, width);
  }

  private setRange(field: keyof Parsed, v: bigint, lo: number, hi: number): void {
    if (v < BigInt(lo) || v > BigInt(hi)) throw new Fail(OUT_OF_RANGE);
    this.parsed[field] = Number(v);
  }

  /** Fixed::Nanosecond: optional `.` + scan::nanosecond */
  private nanosecond(): void {
    if (this.b[this.p] !== 0x2e) return;
    this.p += 1;
    const start = this.p;
    const v = Number(this.number(1, 9));
    const consumed = this.p - start;
    const scale = [0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1][consumed]!;
    // skip digits beyond the ninth
    while (this.p < this.b.length && this.b[this.p]! >= 0x30 && this.b[this.p]! <= 0x39) this.p++;
    this.parsed.nanosecond = v * scale;
  }

  /** scan::timezone_offset(s, colon_or_space, allow_zulu=true, allow_missing_minutes=false, allow_tz_minus_sign=true) */
  private timezoneOffset(): number {
    const first = this.b[this.p];
    if (first === 0x5a || first === 0x7a) {
      this.p += 1;
      return 0;
    }
    let negative: boolean;
    if (this.len === 0) throw new Fail(TOO_SHORT);
    const [cp, n] = this.charAt(this.p);
    if (cp === 0x2b) negative = false;
    else if (cp === 0x2d || cp === 0x2212) negative = true; // HYPHEN-MINUS, MINUS SIGN
    else throw new Fail(INVALID);
    this.p += n;

    // hours (00--99)
    if (this.len < 2) throw new Fail(TOO_SHORT);
    const h1 = this.b[this.p]!;
    const h2 = this.b[this.p + 1]!;
    if (!(h1 >= 0x30 && h1 <= 0x39 && h2 >= 0x30 && h2 <= 0x39)) throw new Fail(INVALID);
    const hours = (h1 - 0x30) * 10 + (h2 - 0x30);
    this.p += 2;

    this.colonOrSpace();

    // minutes (00--59), required
    if (this.len < 2) throw new Fail(TOO_SHORT);
    const m1 = this.b[this.p]!;
    const m2 = this.b[this.p + 1]!;
    let minutes: number;
    if (m1 >= 0x30 && m1 <= 0x35 && m2 >= 0x30 && m2 <= 0x39) minutes = (m1 - 0x30) * 10 + (m2 - 0x30);
    else if (m1 >= 0x36 && m1 <= 0x39 && m2 >= 0x30 && m2 <= 0x39) throw new Fail(OUT_OF_RANGE);
    else throw new Fail(INVALID);
    this.p += 2;

    const seconds = hours * 3600 + minutes * 60;
    return negative ? -seconds : seconds;
  }

  /** parse_rfc3339_relaxed, then FromStr's trailing-input check. */
  run(): void {
    const P = this.parsed;
    // DATE_ITEMS
    const year = this.numeric(4, true);
    if (year < BigInt(I32_MIN) || year > BigInt(I32_MAX)) throw new Fail(OUT_OF_RANGE); // set_year: i32
    P.year = Number(year);
    this.trimStart();
    this.literal(0x2d);
    this.setRange("month", this.numeric(2, false), 1, 12);
    this.trimStart();
    this.literal(0x2d);
    this.setRange("day", this.numeric(2, false), 1, 31);

    // 'T' | 't' | ' '
    if (this.len === 0) throw new Fail(TOO_SHORT);
    const sep = this.b[this.p];
    if (sep !== 0x54 && sep !== 0x74 && sep !== 0x20) throw new Fail(INVALID);
    this.p += 1;

    // TIME_ITEMS
    this.setRange("hour", this.numeric(2, false), 0, 23);
    this.trimStart();
    this.literal(0x3a);
    this.setRange("minute", this.numeric(2, false), 0, 59);
    this.trimStart();
    this.literal(0x3a);
    this.setRange("second", this.numeric(2, false), 0, 60);
    this.nanosecond();
    this.trimStart();

    // offset
    this.trimStart();
    if (
      this.len >= 3 &&
      (this.b[this.p]! | 0x20) === 0x75 &&
      (this.b[this.p + 1]! | 0x20) === 0x74 &&
      (this.b[this.p + 2]! | 0x20) === 0x63
    ) {
      this.p += 3;
      P.offset = 0;
    } else {
      P.offset = this.timezoneOffset();
    }

    // FromStr: only whitespace may follow
    this.trimStart();
    if (this.p !== this.b.length) throw new Fail(TOO_LONG);
  }
}

/**
 * Parsed::to_datetime for these fields, then with_timezone(&Utc). Returns
 * [days, secs, frac] in UTC. Every field but `nanosecond` is always set once
 * run() returns (a missing fraction means 0).
 */
function toUtc(parsed: Parsed): [number, number, number] {
  const P = { nanosecond: 0, ...parsed } as Required<Parsed>;
  // to_naive_date
  const localDays = ymdToDays(P.year, P.month, P.day);
  if (localDays === undefined) throw new Fail(OUT_OF_RANGE);
  // to_naive_time: second 60 is (59, +1e9)
  const [sec, leap] = P.second === 60 ? [59, NANOS_PER_SEC] : [P.second, 0];
  const secs = P.hour * 3600 + P.minute * 60 + sec;
  const frac = leap + P.nanosecond;
  // FixedOffset::east_opt
  if (!(-86_400 < P.offset && P.offset < 86_400)) throw new Fail(OUT_OF_RANGE);
  // from_local_datetime -> checked_sub_offset: keeps the fraction (and so the leap second)
  const shifted = secs - P.offset;
  const dayShift = Math.floor(shifted / 86_400);
  const days = localDays + dayShift;
  if (days < MIN_DAYS || days > MAX_DAYS) throw new Fail(IMPOSSIBLE);
  return [days, shifted - dayShift * 86_400, frac];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** chrono's serde text (write_rfc3339, AutoSi, Z) of the fields Timestamp holds. */
function rfc3339Text(days: number, secs: number, frac: number): string {
  const [year, month, day] = civilFromDays(days);
  const y = year >= 0 && year <= 9999 ? pad(year, 4) : (year < 0 ? "-" : "+") + pad(Math.abs(year), 4);
  let sec = secs % 60;
  let nano = frac;
  if (nano >= NANOS_PER_SEC) {
    sec += 1;
    nano -= NANOS_PER_SEC;
  }
  let fraction = "";
  if (nano === 0) fraction = "";
  else if (nano % 1_000_000 === 0) fraction = `.${pad(nano / 1_000_000, 3)}`;
  else if (nano % 1_000 === 0) fraction = `.${pad(nano / 1_000, 6)}`;
  else fraction = `.${pad(nano, 9)}`;
  const hour = Math.floor(secs / 3600);
  const minute = Math.floor(secs / 60) % 60;
  return `${y}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(sec, 2)}${fraction}Z`;
}

/** The decimal number of the `count` ASCII digits at `at`, or -1 when one is no digit. */
function digitsAt(s: string, at: number, count: number): number {
  let n = 0;
  for (let k = at; k < at + count; k++) {
    const d = s.charCodeAt(k) - 0x30;
    if (!(d >= 0 && d <= 9)) return -1;
    n = n * 10 + d;
  }
  return n;
}

export interface TimestampParts {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  /** 0..=59 */
  second?: number;
  /** 0..=999_999_999, or up to 1_999_999_999 to denote a leap second (only with second 59), as chrono. */
  nanosecond?: number;
}

/**
 * An exact UTC instant with chrono DateTime<Utc>'s range, precision and leap-second representation.
 *
 * What consoles show: Node calls the INSPECT method below; browsers ignore it and list
 * the own enumerable properties. So the fields are #private and the one own enumerable
 * property is the instant's text: `Timestamp {rfc3339: '2024-05-06T07:08:09.123456789Z'}`.
 */
export class Timestamp {
  /** days since 1970-01-01 (UTC) */
  readonly #days: number;
  /** second of the day, 0..=86399 */
  readonly #secs: number;
  /** nanoseconds, 0..=1_999_999_999 (>= 1e9: leap second) */
  readonly #frac: number;
  /** chrono's serde text of the instant, what toString() and the serializers write (RFC 3339, UTC, `Z`). */
  readonly rfc3339: string;

  private constructor(days: number, secs: number, frac: number, text = rfc3339Text(days, secs, frac)) {
    this.#days = days;
    this.#secs = secs;
    this.#frac = frac;
    this.rfc3339 = text;
  }

  /**
   * Parses what chrono's `Deserialize for DateTime<Utc>` accepts (see the
   * header of this file). Throws WireError with chrono's message.
   */
  static parse(s: string): Timestamp {
    const written = Timestamp.#canonical(s);
    if (written !== undefined) return written;
    const bytes = utf8Encode(s);
    if (bytes === undefined) throw new WireError(INVALID);
    try {
      const parser = new Rfc3339Relaxed(bytes);
      parser.run();
      const [days, secs, frac] = toUtc(parser.parsed);
      return new Timestamp(days, secs, frac);
    } catch (e) {
      if (e instanceof Fail) throw new WireError(e.reason);
      throw e;
    }
  }

  /**
   * The instant of `s` when `s` is exactly what chrono writes (rfc3339Text:
   * `YYYY-MM-DDTHH:MM:SS[.f...]Z`, UTC,
   * a 4-digit year, the fraction as AutoSi gives it, no leap second), the form of
   * every canonical log; undefined for any other text, which parse() reads the long
   * way. The relaxed parser reads such a text as this instant, and writes it back
   * as `s` itself, so `s` is kept as the text.
   */
  static #canonical(s: string): Timestamp | undefined {
    const n = s.length;
    const width = n - 21; // digits of the fraction
    if (n !== 20 && width !== 3 && width !== 6 && width !== 9) return undefined;
    const dashes = s.charCodeAt(4) === 0x2d && s.charCodeAt(7) === 0x2d && s.charCodeAt(10) === 0x54;
    if (!dashes || s.charCodeAt(13) !== 0x3a || s.charCodeAt(16) !== 0x3a || s.charCodeAt(n - 1) !== 0x5a) return undefined;
    if (n > 20 && s.charCodeAt(19) !== 0x2e) return undefined;
    const year = digitsAt(s, 0, 4);
    const month = digitsAt(s, 5, 2);
    const day = digitsAt(s, 8, 2);
    const hour = digitsAt(s, 11, 2);
    const minute = digitsAt(s, 14, 2);
    const second = digitsAt(s, 17, 2);
    const fraction = n > 20 ? digitsAt(s, 20, width) : 0;
    // AutoSi's width: .fff for whole milliseconds (not 0), .ffffff for microseconds
    const shortest = n === 20 || (width === 3 ? fraction !== 0 : fraction % 1000 !== 0);
    if (Math.min(year, month, day, hour, minute, second, fraction) < 0 || !shortest) return undefined;
    const days = ymdToDays(year, month, day);
    if (days === undefined || hour > 23 || minute > 59 || second > 59) return undefined;
    const nanos = n > 20 ? fraction * 10 ** (9 - width) : 0;
    return new Timestamp(days, hour * 3600 + minute * 60 + second, nanos, s);
  }

  /** A UTC date and time from its fields, validated like chrono's NaiveDate::from_ymd_opt / NaiveTime::from_hms_nano_opt. */
  static fromParts(parts: TimestampParts): Timestamp {
    const { year, month, day, hour = 0, minute = 0, second = 0, nanosecond = 0 } = parts;
    const all = [year, month, day, hour, minute, second, nanosecond];
    if (!all.every(Number.isInteger)) throw new WireError("timestamp fields must be integers");
    const days = ymdToDays(year, month, day);
    if (days === undefined) throw new WireError(`no such date in chrono's range: ${year}-${month}-${day}`);
    if (
      hour < 0 ||
      hour >= 24 ||
      minute < 0 ||
      minute >= 60 ||
      second < 0 ||
      second >= 60 ||
      nanosecond < 0 ||
      nanosecond >= 2 * NANOS_PER_SEC ||
      (nanosecond >= NANOS_PER_SEC && second !== 59)
    ) {
      throw new WireError(`invalid time of day: ${hour}:${minute}:${second}.${nanosecond}`);
    }
    return new Timestamp(days, hour * 3600 + minute * 60 + second, nanosecond);
  }

  /**
   * From seconds since the Unix epoch (leap seconds not counted, like chrono's
   * `timestamp()`) plus nanoseconds 0..=999_999_999.
   */
  static fromEpochSeconds(seconds: bigint | number, nanosecond = 0): Timestamp {
    const s = typeof seconds === "bigint" ? seconds : BigInt(seconds);
    if (!Number.isInteger(nanosecond) || nanosecond < 0 || nanosecond >= NANOS_PER_SEC) {
      throw new WireError(`nanosecond out of range: ${nanosecond}`);
    }
    let days = s / 86_400n;
    let secs = s % 86_400n;
    if (secs < 0n) {
      secs += 86_400n;
      days -= 1n;
    }
    if (days < BigInt(MIN_DAYS) || days > BigInt(MAX_DAYS)) throw new WireError("timestamp out of chrono's range");
    return new Timestamp(Number(days), Number(secs), nanosecond);
  }

  /** From a JS Date (millisecond precision). */
  static fromDate(d: Date): Timestamp {
    const ms = d.getTime();
    if (!Number.isFinite(ms)) throw new WireError("invalid Date");
    const secs = Math.floor(ms / 1000);
    return Timestamp.fromEpochSeconds(secs, (ms - secs * 1000) * 1_000_000);
  }

  /** From nanoseconds since the Unix epoch (leap seconds not counted), the inverse of `epochNanos` outside leap seconds. */
  static fromEpochNanos(nanos: bigint): Timestamp {
    let seconds = nanos / 1_000_000_000n;
    let nanosecond = nanos % 1_000_000_000n;
    if (nanosecond < 0n) {
      nanosecond += 1_000_000_000n;
      seconds -= 1n;
    }
    return Timestamp.fromEpochSeconds(seconds, Number(nanosecond));
  }

  /**
   * The current time, like chrono's `Utc::now()`: to the nanosecond where the
   * platform has a nanosecond clock (`process.hrtime` in Node, Deno and Bun), else
   * to what `performance.now()` gives (microseconds, coarser in some browsers),
   * else to the millisecond (`Date.now()`).
   */
  static now(): Timestamp {
    return Timestamp.fromEpochNanos(epochNanosNow());
  }

  get year(): number {
    return civilFromDays(this.#days)[0];
  }

  get month(): number {
    return civilFromDays(this.#days)[1];
  }

  get day(): number {
    return civilFromDays(this.#days)[2];
  }

  get hour(): number {
    return Math.floor(this.#secs / 3600);
  }

  get minute(): number {
    return Math.floor(this.#secs / 60) % 60;
  }

  /** 0..=59; a leap second reads as 59 with nanosecond >= 1e9 (chrono's convention). */
  get second(): number {
    return this.#secs % 60;
  }

  /** 0..=1_999_999_999 (>= 1e9 during a leap second), like chrono's `nanosecond()`. */
  get nanosecond(): number {
    return this.#frac;
  }

  get isLeapSecond(): boolean {
    return this.#frac >= NANOS_PER_SEC;
  }

  /** chrono's `timestamp()`: whole non-leap seconds since 1970-01-01T00:00:00Z. */
  get epochSeconds(): bigint {
    return BigInt(this.#days) * 86_400n + BigInt(this.#secs);
  }

  /** chrono's `timestamp_nanos`: epochSeconds * 1e9 + nanosecond (a leap second runs into the next second). */
  get epochNanos(): bigint {
    return this.epochSeconds * 1_000_000_000n + BigInt(this.#frac);
  }

  /** Chronological order, leap seconds included (compare like chrono's NaiveDateTime). */
  compare(other: Timestamp): -1 | 0 | 1 {
    const a = [this.#days, this.#secs, this.#frac];
    const b = [other.#days, other.#secs, other.#frac];
    for (let i = 0; i < 3; i++) {
      if (a[i]! < b[i]!) return -1;
      if (a[i]! > b[i]!) return 1;
    }
    return 0;
  }

  equals(other: Timestamp): boolean {
    return this.compare(other) === 0;
  }

  /**
   * LOSSY: a JS Date holds milliseconds, so nanoseconds below 1 ms are
   * dropped (truncated toward the past) and a leap second becomes the first
   * second of the next minute (as chrono's timestamp_millis() counts it).
   */
  toDate(): Date {
    return new Date((this.#days * 86_400 + this.#secs) * 1000 + Math.floor(this.#frac / 1_000_000));
  }

  /** chrono's serde text (write_rfc3339, AutoSi, Z). */
  toString(): string {
    return this.rfc3339;
  }

  /** JSON.stringify support: the same text as toString(). */
  toJSON(): string {
    return this.toString();
  }

  /** How Node prints it: `Timestamp(2024-05-06T07:08:09.123456789Z)`, the instant, not its fields. */
  [INSPECT](): string {
    return `Timestamp(${this.toString()})`;
  }
}

// --- the clock ---------------------------------------------------------------

// What the platforms offer, found at run time: the package's typings are ES2022's
// alone (no DOM, no @types/node), so these are declared here, all optional.
interface Clocks {
  process?: { hrtime?: { bigint?: () => bigint } };
  performance?: { timeOrigin?: number; now?: () => number };
}

const NANOS_PER_MILLI = 1_000_000n;

/** Wall-clock nanoseconds minus the monotonic clock's reading: fixed at the first call, again if the wall clock is set. */
let anchor: bigint | undefined;

/**
 * Nanoseconds since the Unix epoch, now. JavaScript's wall clock (`Date.now()`)
 * holds milliseconds, so a monotonic nanosecond clock (`process.hrtime.bigint()`)
 * is anchored to it once, to the microsecond where `performance.timeOrigin` is
 * there. Each call checks the result against `Date.now()` and anchors again when
 * they disagree (the system clock was set), so the time follows the wall clock as
 * chrono's does, within a millisecond.
 */
function epochNanosNow(): bigint {
  const clocks = globalThis as unknown as Clocks;
  const wall = BigInt(Date.now()) * NANOS_PER_MILLI;
  const hrtime = clocks.process?.hrtime;
  if (typeof hrtime?.bigint !== "function") return microsNow(clocks, wall) ?? wall;
  const mono = hrtime.bigint();
  if (anchor !== undefined && near(anchor + mono, wall)) return anchor + mono;
  // without performance, the middle of the millisecond Date.now() truncated to
  anchor = (microsNow(clocks, wall) ?? wall + NANOS_PER_MILLI / 2n) - mono;
  return anchor + hrtime.bigint(); // read again: nanoseconds on the first call too
}

/** `performance.timeOrigin + performance.now()` in nanoseconds (to the microsecond: a double's precision there), if it agrees with the wall clock. */
function microsNow(clocks: Clocks, wall: bigint): bigint | undefined {
  const perf = clocks.performance;
  if (typeof perf?.timeOrigin !== "number" || typeof perf.now !== "function") return undefined;
  const nanos = BigInt(Math.round((perf.timeOrigin + perf.now()) * 1000)) * 1000n;
  return near(nanos, wall) ? nanos : undefined;
}

/** Whether `nanos` lies in the millisecond `wall` starts, give or take 1 ms (the reads are not simultaneous). */
function near(nanos: bigint, wall: bigint): boolean {
  return nanos >= wall - NANOS_PER_MILLI && nanos < wall + 2n * NANOS_PER_MILLI;
}

/** DateTime<Utc> from a JsonNode: must be a string chrono accepts. */
export function decodeTimestamp(node: JsonNode): Timestamp {
  if (typeof node !== "string") throw invalidType(node, EXPECTING_TIMESTAMP);
  return Timestamp.parse(node);
}

/** serde_json bytes of a DateTime<Utc>. */
export function writeTimestamp(t: Timestamp): string {
  if (!(t instanceof Timestamp)) throw new WireError(`cannot write ${t === null ? "null" : typeof t} as DateTime<Utc> (pass a Timestamp)`);
  return writeJsonString(t.toString());
}
