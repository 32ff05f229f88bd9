// serde_json::Value: the whole grammar (whitespace, literals, nesting,
// recursion limit, trailing commas/characters), duplicate keys, key order,
// plus random documents and random one-byte corruptions of them.

import { test } from "node:test";
import assert from "node:assert/strict";
import { JsonObject, WireError, compareUtf8, isWellFormed, fromJsonNode, parseJson, toJsonNode, writeValue } from "../wire.js";
import { Rng } from "../support/gen.js";
import { assertAgreement, cross, runDifferential } from "../support/harness.js";

const VALUE_TYPES = ["Value", "Option<Value>", "Vec<Value>"];

function nest(depth: number, open: string, close: string, inner = "1"): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

function objNest(depth: number): string {
  return '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
}

const KEYS = ["a", "b", "A", "", " ", "é", "\u00ff", "\u0100", "\ue000", "\uffff", "\ufffd", "😀", "𐀀", "\u{10ffff}", "aa", "a\u0000", "\u007f", "~", "中"];

/** A random JSON document (well-formed), with generous whitespace and escapes. */
function randomDoc(rng: Rng, depth: number): string {
  const ws = (): string => rng.pick(["", "", "", " ", "\n", "\t", "\r\n", "  "]);
  const kind = depth > 4 ? rng.int(5) : rng.int(8);
  switch (kind) {
    case 0:
      return rng.pick(["null", "true", "false"]);
    case 1:
      return rng.pick(["0", "-0", "1", "-1", "18446744073709551615", "18446744073709551616", "-9223372036854775808", "-9223372036854775809", "1.5", "-2.5e-3", "1e16", "1E400", "123456789012345678901234"]).replace("1E400", "1E40");
    case 2:
      return String(rng.int(2) ? rng.u64() : -BigInt(rng.u32()));
    case 3:
      return JSON.stringify(rng.pick(KEYS) + rng.pick(KEYS));
    case 4:
      return String(rng.finiteDouble());
    case 5:
    case 6: {
      const n = rng.int(4);
      const items = Array.from({ length: n }, () => ws() + randomDoc(rng, depth + 1) + ws());
      return `[${items.join(",")}${n === 0 ? ws() : ""}]`;
    }
    default: {
      const n = rng.int(5);
      const members = Array.from({ length: n }, () => `${ws()}${JSON.stringify(rng.pick(KEYS))}${ws()}:${ws()}${randomDoc(rng, depth + 1)}${ws()}`);
      return `{${members.join(",")}${n === 0 ? ws() : ""}}`;
    }
  }
}

test("Value differential: grammar, depth, duplicates, key order, random documents and corruptions", async (t) => {
  const inputs: string[] = [
    "null", "true", "false", "nul", "tru", "fals", "nulll", "True", "NULL", "n", "t", "f", "nulx", "truex",
    "[]", "{}", "[ ]", "{ }", "[1,2,3]", "[1,]", "[,1]", "[1,,2]", "[1 2]", "[", "]", "[1", "[1,", '{"a":1,}',
    '{"a":1,,"b":2}', '{"a" 1}', '{"a":}', '{"a"', '{"a":1', '{"a":1 "b":2}', "{1:2}", "{a:1}", "{'a':1}",
    '{"a":1}}', "[1]]", "{,}", '{"a":1,"a":2}', '{"b":1,"a":2,"b":3}', '{"a":{"x":1},"a":{"y":2}}',
    '{"a":1,"A":2,"b":3,"B":4}', " \t\n\r1 \t\n\r", "\u000b1", "\u000c1", "\u00a01", "1\u00a0", "1 2", "[] []",
    "\ufeff1", "", " ", "\n", "/* c */ 1", "1 // c", "[1,2,3]   ", "[\n1,\n2,\nx]", "{\n\n\"a\"\n:\n\n}",
    '{"":""}', '{"a":[{"b":[{"c":null}]}]}', "[[],[[]],{}]",
    "[18446744073709551615,18446744073709551616,-9223372036854775808,-9223372036854775809,-0,0.0,1e16]",
    nest(127, "[", "]"), nest(128, "[", "]"), nest(129, "[", "]"), nest(126, "[", "]", "[]"), nest(127, "[", "]", "[]"),
    objNest(127), objNest(128), objNest(129), nest(127, "[", "]", ""), nest(128, "[", "]", ""),
    "[".repeat(200), "{\"a\":".repeat(200), nest(64, "[{\"k\":", "}]"), nest(63, "[{\"k\":", "}]", "[]"),
    nest(64, "[{\"k\":", "}]", "[]"), nest(63, "[{\"k\":", "}]", "{}"),
  ];
  // key ordering: every pair of interesting keys, both orders (UTF-8 byte order vs UTF-16)
  for (const a of KEYS) for (const b of KEYS) inputs.push(JSON.stringify({ [a]: 1, [b]: 2 }).replace(/\u2028/g, "\\u2028"));
  inputs.push(`{${KEYS.map((k, i) => `${JSON.stringify(k)}:${i}`).join(",")}}`);
  inputs.push(`{${[...KEYS].reverse().map((k, i) => `${JSON.stringify(k)}:${i}`).join(",")}}`);
  const rng = new Rng(0x5e7de);
  const docs: string[] = [];
  for (let i = 0; i < 2000; i++) docs.push(randomDoc(rng, 0));
  inputs.push(...docs);
  // corruptions: delete, duplicate, or replace one byte
  const noise = ["", ",", ":", "[", "]", "{", "}", '"', "\\", "0", "-", ".", "e", " ", "x", "\u0001", "é"];
  for (let i = 0; i < 3000; i++) {
    const d = rng.pick(docs);
    const at = rng.int(d.length + 1);
    const cut = rng.int(2);
    inputs.push(d.slice(0, at) + rng.pick(noise) + d.slice(at + cut));
  }
  const wellFormed = inputs.filter(isWellFormed);
  const cases = cross(VALUE_TYPES, wellFormed);
  assertAgreement(t, "Value", await runDifferential(cases));
});

test("JsonObject keeps duplicates in order; writeValue keeps the last", () => {
  const node = parseJson('{"b":1,"a":2,"b":3}');
  assert.ok(node instanceof JsonObject);
  assert.deepEqual(node.keys(), ["b", "a", "b"]);
  assert.equal(node.firstDuplicateKey(), "b");
  assert.equal(node.get("b"), 3n);
  assert.equal(writeValue(node), '{"a":2,"b":3}');
});

test("key order is UTF-8 byte order, not UTF-16 order", () => {
  // U+E000 < U+1F600 in UTF-8/code points, but "\ue000" > "\ud83d..." in UTF-16.
  assert.ok("\ue000" > "😀");
  assert.ok(compareUtf8("\ue000", "😀") < 0);
  assert.equal(writeValue(parseJson('{"😀":1,"\ue000":2}')), '{"\ue000":2,"😀":1}');
});

test("recursion limit: 127 nested arrays parse, 128 do not", () => {
  assert.ok(Array.isArray(parseJson(nest(127, "[", "]"))));
  assert.throws(() => parseJson(nest(128, "[", "]")), (e: unknown) => e instanceof WireError && e.detail.startsWith("recursion limit exceeded"));
});

test("ints are bigint, floats are number", () => {
  assert.equal(parseJson("1"), 1n);
  assert.equal(parseJson("-1"), -1n);
  assert.equal(parseJson("1.0"), 1);
  assert.ok(Object.is(parseJson("-0"), -0));
  assert.equal(parseJson("18446744073709551616"), 18446744073709552000);
  assert.equal(writeValue(toJsonNode({ n: 1, f: 1.5, big: 2n ** 64n - 1n, s: "x", l: [true, null] })), '{"big":18446744073709551615,"f":1.5,"l":[true,null],"n":1,"s":"x"}');
  assert.deepEqual(fromJsonNode(parseJson('{"a":[1,2.5,"x"],"a":9007199254740993}')), { a: 9007199254740993n });
});
