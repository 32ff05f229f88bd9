// Failures by observed cause, as causes.json (beside the fixtures) describes and the
// reference runner (jamjet_schema.conformance.causes) does: what the subject did
// otherwise than serde. It accepted what serde rejects: the class of serde's error.
// It rejected what serde accepts: its own error, generalised. It wrote other bytes:
// every difference of the two texts read as JSON. Each failure is then counted once,
// under the cause shown by most of the failures left.

import { JsonNumber, JsonObject, readJson, type Json, type StringToken } from "./json.js";
import { compareText, head } from "./text.js";

export interface Cause {
  /** stable, for machines: `omits-null`, `duplicate-member`, `rejects:...` */
  readonly key: string;
  /** what the subject does, for people */
  readonly title: string;
}

interface Table {
  accepted: { classes: { key: string; title: string; serde_error: string }[] };
  rejected: { said_length: number };
  output: { causes: { key: string; title: string }[] };
}

const AT = / at line \d+ column \d+$/;
const QUOTED = /`[^`]*`|"[^"]*"|'[^']*'/g;
const DIGITS = /\p{Nd}+/gu;
// Python's str.strip(): the characters str.isspace() holds
const SPACE = "[\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
const STRIP = new RegExp(`^${SPACE}+|${SPACE}+$`, "g");
const TIMESTAMP = /^[+-]?\p{Nd}{4,}-\p{Nd}{2}-\p{Nd}{2}T\p{Nd}{2}:\p{Nd}{2}:\p{Nd}{2}(?:\.\p{Nd}+)?(?:Z|[+-]\p{Nd}{2}:\p{Nd}{2})\n?$/u;
const TWO_POW_53 = 2n ** 53n;

export class CausesError extends Error {}

export class Causes {
  private readonly classes: readonly (readonly [RegExp, Cause])[];
  private readonly outputs: ReadonlyMap<string, Cause>;
  private readonly said: number;

  constructor(table: unknown) {
    const t = table as Table;
    try {
      this.classes = t.accepted.classes.map((c) => [new RegExp(c.serde_error), { key: c.key, title: c.title }] as const);
      this.outputs = new Map(t.output.causes.map((c) => [c.key, { key: c.key, title: c.title }]));
      this.said = t.rejected.said_length;
    } catch (error) {
      throw new CausesError(`causes.json is not in the format this harness reads: ${String(error)}`);
    }
  }

  /** Why the subject accepted what serde rejects: serde's error, classified. */
  accepted(serdeError: string, rule: string): Cause {
    const error = serdeError.replace(AT, "");
    const found = this.classes.find(([pattern]) => pattern.test(error));
    return found?.[1] ?? { key: `accepts:${rule}`, title: `accepts what serde rejects (${rule})` };
  }

  /** Why the subject rejected what serde accepts: its error, names and numbers taken out,
   * so that one check failing on many fixtures is one cause. */
  rejected(error: string, rule: string): Cause {
    const unquoted = error.replace(STRIP, "").replace(QUOTED, "_"); // before the first line: names hold newlines
    const said = head((unquoted.split("\n", 1)[0] ?? "").replace(AT, "").replace(DIGITS, "N"), this.said);
    if (said === "") return { key: `rejects:${rule}`, title: `rejects what serde accepts (${rule})` };
    return { key: `rejects:${said}`, title: `rejects what serde accepts, saying "${said}"` };
  }

  /** Every difference of serde's output and the subject's, classified. */
  written(expected: string, actual: string, wellFormed = true): Cause[] {
    if (!wellFormed) return [this.output("not-utf8")];
    const a = readJson(expected);
    const b = readJson(actual);
    if (a === undefined || b === undefined) return [this.output("not-json")];
    const found = new Set<string>();
    this.compare(a.value, b.value, "$", found);
    if (escapedOtherwise(a.strings, b.strings)) found.add("escaping");
    if (found.size === 0) found.add("spelling");
    return [...found].map((key) => this.output(key));
  }

  private output(key: string): Cause {
    const cause = this.outputs.get(key);
    if (cause === undefined) throw new CausesError(`causes.json has no output cause ${key}`);
    return cause;
  }

  private compare(a: Json, b: Json, path: string, found: Set<string>): void {
    if (a instanceof JsonObject && b instanceof JsonObject) {
      this.compareObjects(a, b, path, found);
    } else if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) found.add("items");
      a.slice(0, b.length).forEach((x, i) => this.compare(x, b[i] ?? null, `${path}[${i}]`, found));
    } else if (a instanceof JsonNumber && b instanceof JsonNumber) {
      if (a.text !== b.text) found.add(numberCause(a.text, b.text));
    } else if (typeof a === "string" && typeof b === "string") {
      if (a !== b) found.add(stringCause(a, b, path));
    } else if (a instanceof JsonNumber && typeof b === "string") {
      found.add("number-as-string");
    } else if (typeof a === "string" && b instanceof JsonNumber) {
      found.add("string-as-number");
    } else if (a !== b) {
      found.add("other-value");
    }
  }

  private compareObjects(a: JsonObject, b: JsonObject, path: string, found: Set<string>): void {
    const ours = new Map(a.members); // the last of a member given twice, as a dict keeps it
    const theirs = new Map(b.members);
    for (const [key, value] of a.members) if (!theirs.has(key)) found.add(omitted(value));
    for (const [key, value] of b.members) if (!ours.has(key)) found.add(value === null ? "writes-null" : "writes-member");
    const common = a.members.map(([k]) => k).filter((k) => theirs.has(k));
    const theirOrder = b.members.map(([k]) => k).filter((k) => ours.has(k));
    if (common.length !== theirOrder.length || common.some((k, i) => k !== theirOrder[i])) found.add("member-order");
    for (const key of common) this.compare(ours.get(key) ?? null, theirs.get(key) ?? null, `${path}.${key}`, found);
  }
}

function omitted(value: Json): string {
  if (value === null) return "omits-null";
  const empty = (Array.isArray(value) && value.length === 0) || (value instanceof JsonObject && value.members.length === 0);
  return empty ? "omits-empty" : "omits-member";
}

function numberCause(a: string, b: string): string {
  const sameF64 = Number(a) === Number(b);
  if (isFloat(a)) return sameF64 ? "float-spelling" : "float-value"; // serde wrote a float
  if (isFloat(b)) return sameF64 ? "integer-as-float" : "number-value";
  return sameF64 && beyond53(a) ? "integer-precision" : "number-value";
}

function isFloat(number: string): boolean {
  return /[.eE]/.test(number);
}

function beyond53(integer: string): boolean {
  try {
    const n = BigInt(integer);
    return (n < 0n ? -n : n) > TWO_POW_53;
  } catch {
    return false;
  }
}

function stringCause(a: string, b: string, path: string): string {
  if (TIMESTAMP.test(a) && TIMESTAMP.test(b)) return "timestamp";
  if (path.endsWith(".type")) return "tag";
  if (b.includes("\ufffd") && !a.includes("\ufffd") && /[\uD800-\uDFFF]/.test(a)) return "replaced-surrogate";
  return "string-value";
}

/** A string both texts hold (a key too), spelt with other escapes by the subject. */
function escapedOtherwise(ours: readonly StringToken[], theirs: readonly StringToken[]): boolean {
  const a = spellings(ours);
  const b = spellings(theirs);
  for (const [value, spelt] of a) {
    const other = b.get(value);
    if (other !== undefined && (other.size !== spelt.size || [...spelt].some((s) => !other.has(s)))) return true;
  }
  return false;
}

function spellings(tokens: readonly StringToken[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const { value, spelt } of tokens) out.set(value, (out.get(value) ?? new Set()).add(spelt));
  return out;
}

/** Items under one cause each: repeatedly, the cause shown by most of the items left (ties:
 * the smaller key) takes every item showing it; so the groups come largest first. */
export function groupByCause<T>(items: readonly (readonly [T, readonly Cause[]])[]): [Cause, T[]][] {
  let left = [...items];
  const groups: [Cause, T[]][] = [];
  while (left.length > 0) {
    const tally = new Map<string, [Cause, number]>();
    for (const [, causes] of left) for (const c of causes) tally.set(c.key, [c, (tally.get(c.key)?.[1] ?? 0) + 1]);
    const [top] = [...tally.values()].sort(([c, n], [d, m]) => m - n || compareText(c.key, d.key) || compareText(c.title, d.title))[0] ?? [];
    if (top === undefined) throw new CausesError("a failure without a cause");
    groups.push([top, left.filter(([, causes]) => causes.some((c) => c.key === top.key)).map(([item]) => item)]);
    left = left.filter(([, causes]) => !causes.some((c) => c.key === top.key));
  }
  return groups;
}
