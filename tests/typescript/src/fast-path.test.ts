// The fast paths against the exact path and against serde. parse* first reads the text
// with the generated read* (src/read.ts over runtime/reader.ts), serialize* first writes
// with print* (src/write.ts); each takes only what it is sure of. Random documents made
// to meet their shortcuts: numbers of every length and exponent around the 15-digit
// bound, strings with every escape, astral characters and lone surrogate escapes,
// whitespace between tokens, members repeated, reordered or unknown, Values nested
// around the depth bound, UUIDs and timestamps in the forms the quick checks leave to
// the long way. For each: (1) whenever the fast reader takes it, the exact path's value,
// to the property order; (2) from the package, serde's verdict and bytes.
// Seeded: a failure reproduces on every run, and prints its input.

import { test } from "node:test";
import assert from "node:assert/strict";
import { answer, loadCorpus } from "./support/corpus.js";
import { Rng } from "./support/gen.js";
import { Probe, isSendable } from "./support/probe.js";
import { Obj, Raw, containers, fromNode, type Tree } from "./support/trees.js";
import {
  read,
  decodeEvent,
  decodeEventKind,
  decodeEvents,
  decodeEventsResponse,
  decodeProvenanceMetadata,
  parseEventKind,
  serializeEventKind,
  type NodeCompleted,
} from "./schema.js";
import {
  EVENTS_ARRAY,
  EVENTS_ENVELOPE,
  JsonObject,
  Timestamp,
  fastRead,
  formatF64,
  fromJsonNode,
  parseJson,
  toJsonNode,
  writeJsonString,
  type JsonNode,
  type Reader,
} from "./wire.js";

// A deeper run: JAMJET_FAST_CASES=200000 JAMJET_FAST_SEED=7 node --test dist/fast-path.test.js
const CASES = Number(process.env.JAMJET_FAST_CASES ?? 20_000);
const SEED = Number(process.env.JAMJET_FAST_SEED ?? 20_261_206);

/** Per document type: the fast reader and the exact path's decoder. */
const PATHS: Record<string, { fast: (r: Reader) => unknown; exact: (node: JsonNode) => unknown }> = {
  Event: { fast: read.readEvent, exact: decodeEvent },
  EventKind: { fast: read.readEventKind, exact: decodeEventKind },
  ProvenanceMetadata: { fast: read.readProvenanceMetadata, exact: decodeProvenanceMetadata },
  [EVENTS_ARRAY]: { fast: read.readEvents, exact: decodeEvents },
  [EVENTS_ENVELOPE]: { fast: read.readEventsResponse, exact: decodeEventsResponse },
};

/** A number literal: every length around 15 significant digits, every exponent form, now and then a bad one. */
function numberText(rng: Rng): string {
  if (rng.int(60) === 0) return rng.pick(["01", "1.", "-", "1e", ".5", "1.e5", "-01", "00", "1e+", "--1"]);
  const sign = rng.int(4) === 0 ? "-" : "";
  const intDigits = rng.pick([1, 1, 1, 2, 3, 5, 8, 13, 14, 15, 16, 17, 19, 20, 21]);
  let s = sign + (intDigits === 1 && rng.int(3) === 0 ? "0" : rng.digits(intDigits, true));
  if (rng.int(2) === 0) s += `.${rng.digits(rng.pick([1, 1, 2, 3, 5, 8, 13, 14, 15, 16, 20]))}`;
  if (rng.int(3) === 0) s += rng.pick(["e", "E", "e+", "e-", "E-"]) + String(rng.pick([0, 1, 5, 15, 16, 22, 300, 308, 320, 400]) + rng.int(3));
  return s;
}

const ESCAPES = ['\\"', "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u0000", "\\u001F", "\\u001f", "\\u0041", "\\u00e9", "\\uD83D\\uDE00", "\\ud83d\\ude00", "\\uE000"];
const RAW = ["a", "node", " ", "é", "中文", "😀", "\u2028", "\u007f", "\ufeff", "/", "'"];
const BAD = ["\\ud800", "\\udc00", "\\ud800x", "\\x", "\u0001", "\\u12", "\\ud83d\\u0041"];

/** A JSON string literal's text: words, escapes of every kind, astral characters; now and then a bad one. */
function stringText(rng: Rng): string {
  let s = '"';
  for (let n = rng.int(6); n > 0; n--) {
    const roll = rng.int(40);
    s += roll === 0 ? rng.pick(BAD) : roll < 14 ? rng.pick(ESCAPES) : rng.pick(RAW);
  }
  return `${s}"`;
}

const KEYS = ["a", "b", "output", "type", "__proto__", "10", "2", "é", "😀", "\uE000", "zz"];

/** A random serde_json::Value as a tree: keys that sort every way, repeated keys, every scalar. */
function valueTree(rng: Rng, depth = 0): Tree {
  const roll = rng.int(depth > 3 ? 6 : 9);
  if (roll === 0) return null;
  if (roll === 1) return rng.int(2) === 0;
  if (roll === 2) return new Raw(numberText(rng));
  if (roll <= 5) return new Raw(rng.int(3) === 0 ? stringText(rng) : writeJsonString(rng.pick(KEYS)));
  if (roll <= 6) return Array.from({ length: rng.int(4) }, () => valueTree(rng, depth + 1));
  const entries: Array<[string | Raw, Tree]> = [];
  for (let n = rng.int(5); n > 0; n--) entries.push([rng.int(6) === 0 ? new Raw(stringText(rng)) : rng.pick(KEYS), valueTree(rng, depth + 1)]);
  if (rng.int(2) === 0) entries.sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)); // mostly serde's order
  return new Obj(entries);
}

/** Nested arrays around the depth the fast reader takes (100) and serde's limit (128). */
function nested(rng: Rng, inner: Tree): Tree {
  let tree = inner;
  for (let n = 90 + rng.int(45); n > 0; n--) tree = [tree];
  return tree;
}

const TIMESTAMPS = [
  "2026-01-02T03:04:05Z", "2026-01-02T03:04:05.1Z", "2026-01-02T03:04:05.12Z", "2026-01-02T03:04:05.120Z",
  "2026-01-02T03:04:05.100000Z", "2026-01-02T03:04:05.123456Z", "2026-01-02T03:04:05.123456000Z",
  "2026-01-02T03:04:05.000000001Z", "2026-01-02T03:04:05.0000000001Z", "2026-01-02T03:04:05.000Z",
  "2026-01-02t03:04:05Z", "2026-01-02 03:04:05Z", "2026-01-02T03:04:05z", "2026-01-02T03:04:05+01:00",
  "2026-01-02T03:04:05-00:00", "2016-12-31T23:59:60Z", "2016-12-31T23:59:60.5Z", "+10000-01-01T00:00:00Z",
  "0000-01-01T00:00:00Z", "2026-02-29T00:00:00Z", "2024-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
  "2026-01-02T24:00:00Z", "2026-1-2T3:4:5Z", " 2026-01-02T03:04:05Z", "2026-01-02T03:04:05Z ",
];
const UUIDS = [
  "67e55044-10b1-426f-9247-bb680e5fe0c8", "67E55044-10B1-426F-9247-BB680E5FE0C8", "67e5504410b1426f9247bb680e5fe0c8",
  "{67e55044-10b1-426f-9247-bb680e5fe0c8}", "urn:uuid:67e55044-10b1-426f-9247-bb680e5fe0c8", "67e55044-10b1-426f-9247-bb680e5fe0c",
  "67e55044-10b1-426f-9247-bb680e5fe0cg", "67e5504410b1-426f-9247-bb680e5fe0c8-",
];

/** One change to the document, in place (or a new root). */
function change(rng: Rng, root: Tree): Tree {
  const all = containers(root);
  const objects = all.filter((c): c is Obj => c instanceof Obj);
  const obj = objects.length > 0 ? rng.pick(objects) : undefined;
  const member = obj && obj.entries.length > 0 ? rng.pick(obj.entries) : undefined;
  switch (rng.int(9)) {
    case 0: // a Value-like member (an object or array) replaced by a random Value
    case 1: {
      const values = objects.flatMap((o) => o.entries.filter(([, v]) => v instanceof Obj || Array.isArray(v)));
      if (values.length > 0) rng.pick(values)[1] = rng.int(12) === 0 ? nested(rng, valueTree(rng)) : valueTree(rng);
      return root;
    }
    case 2: // a number anywhere replaced by another literal
      for (const o of objects) for (const e of o.entries) if (typeof e[1] === "bigint" || typeof e[1] === "number") if (rng.int(3) === 0) e[1] = new Raw(numberText(rng));
      return root;
    case 3: // a string member replaced by one with escapes, or a timestamp or UUID in another form
      if (member && typeof member[1] === "string") {
        const text = member[1];
        if (/^\d{4}-\d\d-\d\dT/.test(text)) member[1] = rng.pick(TIMESTAMPS);
        else if (/^[0-9a-f]{8}-/.test(text)) member[1] = rng.pick(UUIDS);
        else member[1] = new Raw(stringText(rng));
      }
      return root;
    case 4: // a member twice
      if (member) obj!.entries.splice(rng.int(obj!.entries.length + 1), 0, [member[0], rng.int(2) === 0 ? member[1] : valueTree(rng)]);
      return root;
    case 5: // members reordered (the tag moves)
      if (obj) obj.entries = rng.int(2) === 0 ? [...obj.entries].reverse() : [...obj.entries.slice(1), ...obj.entries.slice(0, 1)];
      return root;
    case 6: // an unknown member with any Value, or a known key spelled with an escape
      if (obj) obj.entries.splice(rng.int(obj.entries.length + 1), 0, [rng.int(2) === 0 ? "zz_unknown" : new Raw('"\\u006eode_id"'), valueTree(rng)]);
      return root;
    case 7: // a member removed
      if (obj && obj.entries.length > 0) obj.entries.splice(rng.int(obj.entries.length), 1);
      return root;
    default: // unchanged: the canonical document, only spaced out (see spaced)
      return root;
  }
}

const SPACES = [" ", "\n", "\t", "\r\n", "  "];

/** JSON text of the tree, with whitespace between tokens now and then (`gaps`: how often, 0 for never). */
function spaced(rng: Rng, tree: Tree, gaps: number): string {
  const ws = (): string => (gaps > 0 && rng.int(gaps) === 0 ? rng.pick(SPACES) : "");
  if (tree instanceof Raw) return tree.text;
  if (tree instanceof Obj) {
    const members = tree.entries.map(([k, v]) => `${ws()}${k instanceof Raw ? k.text : writeJsonString(k)}${ws()}:${ws()}${spaced(rng, v, gaps)}${ws()}`);
    return `{${members.join(",")}${members.length === 0 ? ws() : ""}}`;
  }
  if (Array.isArray(tree)) return `[${tree.map((v) => `${ws()}${spaced(rng, v, gaps)}${ws()}`).join(",")}]`;
  if (typeof tree === "number") return formatF64(tree);
  if (typeof tree === "string") return writeJsonString(tree);
  return String(tree);
}

/** What a value is, every detail the exact path fixes: classes, property order, integer or float, -0. */
function shape(value: unknown): unknown {
  if (value instanceof JsonObject) return { JsonObject: value.entries.map(([k, v]) => [k, shape(v)]) };
  if (value instanceof Timestamp) return { Timestamp: value.rfc3339, nanos: String(value.epochNanos) };
  if (Array.isArray(value)) return value.map(shape);
  if (typeof value === "bigint") return { bigint: String(value) };
  if (typeof value === "number") return Object.is(value, -0) ? { f64: "-0" } : { f64: value };
  if (typeof value === "object" && value !== null) return Object.entries(value).map(([k, v]) => [k, shape(v)]);
  return value;
}

function exactValue(type: string, text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: PATHS[type]!.exact(parseJson(text, { defer: true })) };
  } catch {
    return { ok: false };
  }
}

test(`fast paths: the exact path's values, serde's verdicts and bytes (${CASES} random documents, seed ${SEED})`, async (t) => {
  const seeds = loadCorpus().flatMap((c) => {
    if (c.class === "rejected" || !(c.type_name in PATHS)) return [];
    try {
      return [{ type: c.type_name as string, tree: fromNode(parseJson(c.input)) }];
    } catch {
      return [];
    }
  });
  const rng = new Rng(SEED);
  const cases: Array<{ type: string; input: string }> = [];
  while (cases.length < CASES) {
    const seed = rng.pick(seeds);
    let tree = fromNode(parseJson(spaced(rng, seed.tree, 0)));
    for (let n = rng.int(4); n > 0; n--) tree = change(rng, tree);
    const input = spaced(rng, tree, rng.pick([0, 0, 0, 4, 40]));
    if (isSendable(input)) cases.push({ type: seed.type, input });
  }
  let taken = 0;
  const wrong: string[] = [];
  for (const c of cases) {
    const fast = fastRead(c.input, PATHS[c.type]!.fast);
    if (fast === undefined) continue;
    taken++;
    const exact = exactValue(c.type, c.input);
    const same = exact.ok && JSON.stringify(shape(fast)) === JSON.stringify(shape(exact.value));
    if (!same && wrong.length < 10) wrong.push(`${c.type} ${c.input.slice(0, 300)}\n    exact: ${exact.ok ? "a different value" : "rejects it"}`);
  }
  t.diagnostic(`the fast reader took ${taken} of ${cases.length}`);
  assert.deepEqual(wrong, []);
  assert.ok(taken > cases.length / 4, `the fast reader took only ${taken} of ${cases.length}`);

  const rust = await new Probe("jamjet-testee-rust").batch(cases.map((c) => ({ type_name: c.type, input: c.input })));
  const bad: string[] = [];
  cases.forEach((c, i) => {
    const theirs = rust[i]!;
    const ours = answer(c.type, c.input);
    const same = theirs.kind === ours.kind && (ours.kind === "error" || theirs.text === ours.text);
    if (!same && bad.length < 10) bad.push(`${c.type} ${c.input.slice(0, 300)}\n    rust: ${theirs.kind} ${theirs.text}\n    ours: ${ours.kind} ${ours.text}`);
  });
  const accepted = rust.filter((a) => a.kind === "output").length;
  t.diagnostic(`serde accepted ${accepted} of ${cases.length}; disagreements shown: ${bad.length}`);
  assert.deepEqual(bad, []);
});

const EXACT = { integers: "bigint" } as const;

test("a Value read as serde_json writes it is written back from its text only while its arrays hold what they held", () => {
  const output = '{"a":[1,0.0,"x",[true,{"b":[2]}]],"c":{"d":[]},"e":-0.5}';
  const text = `{"type":"node_completed","node_id":"n","output":${output},"state_patch":null,"duration_ms":7}`;
  const changes: Array<[string, (value: JsonObject) => void]> = [
    ["an element replaced", (v) => ((v.get("a") as JsonNode[])[2] = "y")],
    ["0.0 made -0.0", (v) => ((v.get("a") as JsonNode[])[1] = -0)],
    ["an element added", (v) => (v.get("a") as JsonNode[]).push(3n)],
    ["one taken away", (v) => (v.get("a") as JsonNode[]).pop()],
    ["an array inside an array", (v) => (((v.get("a") as JsonNode[])[3] as JsonNode[])[0] = false)],
    ["an array inside an object inside arrays", (v) => ((((v.get("a") as JsonNode[])[3] as JsonNode[])[1] as JsonObject).get("b") as JsonNode[]).push(1.5)],
    ["an empty array filled", (v) => ((v.get("c") as JsonObject).get("d") as JsonNode[]).push(null)],
  ];
  for (const [what, change] of changes) {
    const kind = parseEventKind(text) as NodeCompleted;
    assert.equal(serializeEventKind(kind), text, "read as written: the text itself");
    change(kind.output as JsonObject);
    const written = serializeEventKind(kind);
    assert.notEqual(written, text, what);
    // the same nodes built anew (no text kept with them): what writeValue makes of them
    const anew = toJsonNode(fromJsonNode(kind.output, EXACT), EXACT);
    assert.equal(written, serializeEventKind({ ...kind, output: anew }), what);
  }
});

test("a Value not written as serde_json writes it is written anew", () => {
  const spelled = ['{"b":1,"a":2}', '{"a":1,"a":2}', '{ "a":1}', '{"a":1.50}', '{"a":1e2}', '{"a":"\\/"}', '{"a":"\\u0041"}', '{"a":"\\u001F"}', '{"a":-0}', '{"a":0.000001}', '{"a":[1 ]}'];
  for (const output of spelled) {
    const text = `{"type":"node_completed","node_id":"n","output":${output},"state_patch":null,"duration_ms":7}`;
    const written = serializeEventKind(parseEventKind(text));
    assert.notEqual(written, text, output);
    assert.equal(written, serializeEventKind(decodeEventKind(parseJson(text, { defer: true }))), output);
  }
});
