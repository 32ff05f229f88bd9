// Differential harness: run the same (type_name, JSON text) through the Rust
// probe and through the TypeScript runtime, and compare.
//
// What must agree:
//   * the verdict (output vs error), always;
//   * the output bytes, always;
//   * the error text:
//       - JSON syntax errors (our parseJson failed) on the Value-typed
//         entries: serde_json's full message, " at line L column C" included;
//       - type/value errors (the text parsed, decoding failed): serde's
//         message without its position suffix (our WireError.detail);
//       - a syntax error in a typed entry: only the verdict. serde streams, so
//         for e.g. u32 given `[1,` it reports "invalid type: sequence" before
//         it ever sees the broken list; we parse first and report the syntax.
// Every case runs twice: with the strict parse, and with the deferred parse
// (parseJson(text, { defer: true }) + decoders) that generated struct
// decoders use; the second must give the same verdict and bytes (its messages
// may name a different one of several problems, so they are not compared).

import type { TestContext } from "node:test";
import {
  WireError,
  decodeBool,
  decodeF64,
  decodeI64,
  decodeOption,
  decodeString,
  decodeTimestamp,
  decodeU32,
  decodeU64,
  decodeUuid,
  decodeValue,
  decodeVec,
  parseJson,
  writeF64,
  writeI64,
  writeJsonString,
  writeTimestamp,
  writeU32,
  writeU64,
  writeValue,
  type JsonNode,
} from "../wire.js";
import { Probe, stripPosition, type ProbeAnswer } from "./probe.js";

/** The probe's type_names, each as "decode the tree, write it back" in TypeScript. */
export const TYPES: Record<string, (node: JsonNode) => string> = {
  u32: (n) => writeU32(decodeU32(n)),
  u64: (n) => writeU64(decodeU64(n)),
  i64: (n) => writeI64(decodeI64(n)),
  f64: (n) => writeF64(decodeF64(n)),
  bool: (n) => String(decodeBool(n)),
  String: (n) => writeJsonString(decodeString(n)),
  Value: (n) => writeValue(decodeValue(n)),
  "DateTime<Utc>": (n) => writeTimestamp(decodeTimestamp(n)),
  Uuid: (n) => writeJsonString(decodeUuid(n)),
  "Vec<String>": (n) => `[${decodeVec(n, decodeString).map(writeJsonString).join(",")}]`,
  "Vec<Value>": (n) => `[${decodeVec(n, decodeValue).map(writeValue).join(",")}]`,
  "Option<u32>": (n) => optional(n, TYPES.u32!),
  "Option<u64>": (n) => optional(n, TYPES.u64!),
  "Option<f64>": (n) => optional(n, TYPES.f64!),
  "Option<String>": (n) => optional(n, TYPES.String!),
  "Option<Value>": (n) => optional(n, TYPES.Value!),
};

function optional(n: JsonNode, inner: (n: JsonNode) => string): string {
  const v = decodeOption(n, inner);
  return v === null ? "null" : v;
}

/**
 * Where serde_json's streaming parse walks the input exactly as parseJson
 * does, so that syntax errors (position included) must match: Value and
 * Option<Value> always (Option only peeks for `null` first), Vec<Value> when
 * the text really is an array (otherwise serde stops at "invalid type").
 */
function syntaxMessagesComparable(type: string, input: string): boolean {
  if (type === "Value" || type === "Option<Value>") return true;
  if (type === "Vec<Value>") return input.replace(/^[ \t\n\r]+/, "").startsWith("[");
  return false;
}

export type Ours =
  | { kind: "output"; text: string }
  | { kind: "error"; text: string; stage: "syntax" | "decode" };

export function runOurs(typeName: string, input: string, defer = false): Ours {
  const decode = TYPES[typeName];
  if (decode === undefined) throw new Error(`no TypeScript mapping for ${typeName}`);
  let node: JsonNode;
  try {
    node = parseJson(input, { defer });
  } catch (e) {
    if (e instanceof WireError) return { kind: "error", text: e.message, stage: "syntax" };
    throw e;
  }
  try {
    return { kind: "output", text: decode(node) };
  } catch (e) {
    if (e instanceof WireError) return { kind: "error", text: e.detail, stage: "decode" };
    throw e;
  }
}

export interface Case {
  type: string;
  input: string;
  /** Free text shown on failure. */
  note?: string;
}

export interface Disagreement {
  case: Case;
  rust: ProbeAnswer;
  ours: Ours;
  what: "verdict" | "output" | "message" | "deferred verdict" | "deferred output";
}

export function compare(c: Case, rust: ProbeAnswer, ours: Ours, messages = true): Disagreement | undefined {
  if (rust.kind === "skipped") throw new Error(`probe skipped ${c.type}: ${rust.text}`);
  if (rust.kind !== ours.kind) return { case: c, rust, ours, what: "verdict" };
  if (ours.kind === "output") return rust.text === ours.text ? undefined : { case: c, rust, ours, what: "output" };
  if (!messages) return undefined;
  if (ours.stage === "syntax") {
    if (syntaxMessagesComparable(c.type, c.input) && rust.text !== ours.text) return { case: c, rust, ours, what: "message" };
    return undefined;
  }
  return stripPosition(rust.text) === ours.text ? undefined : { case: c, rust, ours, what: "message" };
}

export interface RunResult {
  total: number;
  /** How many of the cases serde accepted (the rest it rejected). */
  accepted: number;
  disagreements: Disagreement[];
}

/** One probe process for the whole batch; compares every case. */
export async function runDifferential(cases: readonly Case[]): Promise<RunResult> {
  const answers = await new Probe().batch(cases.map((c) => ({ type_name: c.type, input: c.input })));
  const disagreements: Disagreement[] = [];
  cases.forEach((c, i) => {
    const rust = answers[i]!;
    const d = compare(c, rust, runOurs(c.type, c.input));
    if (d !== undefined) disagreements.push(d);
    const deferred = compare(c, rust, runOurs(c.type, c.input, true), false);
    if (deferred !== undefined) disagreements.push({ ...deferred, what: `deferred ${deferred.what}` as Disagreement["what"] });
  });
  return { total: cases.length, accepted: answers.filter((a) => a.kind === "output").length, disagreements };
}

/** Fails the test with the first few disagreements spelled out; reports the count either way. */
export function assertAgreement(t: TestContext, label: string, result: RunResult): void {
  t.diagnostic(
    `${label}: ${result.total} differential cases (serde accepted ${result.accepted}), ` +
      `${result.disagreements.length} disagreements (strict and deferred parse)`,
  );
  if (result.disagreements.length === 0) return;
  const shown = result.disagreements.slice(0, 15).map(
    (d) =>
      `  [${d.what}] ${d.case.type} ${JSON.stringify(d.case.input)}${d.case.note ? ` (${d.case.note})` : ""}\n` +
      `    rust: ${d.rust.kind} ${JSON.stringify(d.rust.text)}\n` +
      `    ours: ${d.ours.kind} ${JSON.stringify(d.ours.text)}`,
  );
  throw new Error(
    `${label}: ${result.disagreements.length} of ${result.total} cases disagree with serde:\n${shown.join("\n")}`,
  );
}

/** Cartesian helper: every type in `types` with every input. */
export function cross(types: readonly string[], inputs: readonly string[], note?: string): Case[] {
  const out: Case[] = [];
  for (const type of types) for (const input of inputs) out.push(note === undefined ? { type, input } : { type, input, note });
  return out;
}
