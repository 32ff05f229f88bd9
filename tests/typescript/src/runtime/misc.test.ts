// bool, Option<T> and Vec<T> shapes; the portable UTF-8 code paths; the
// float-parse difference from JS shown against the probe.

import { test } from "node:test";
import assert from "node:assert/strict";
import { compareUtf8, parseJson } from "../wire.js";
import { isWellFormed, isWellFormedFallback, utf8DecodeFallback, utf8EncodeFallback } from "../wire.js";
import { Rng } from "../support/gen.js";
import { assertAgreement, cross, runDifferential } from "../support/harness.js";
import { Probe } from "../support/probe.js";

test("bool / Option / Vec differential", async (t) => {
  const inputs = [
    "true", "false", "null", "True", "TRUE", "1", "0", '"true"', "[]", "{}", "[true]", " true ", "true false",
    "tru", "truee", "nul", "null null", "[null]", "[[]]", '["a",null]', '["a","b"]', "[1]", "[ ]", "[,]",
    '["\\u0000"]', '{"a":1}', "-0", "1.0", "\ttrue\r\n", "n", "f",
  ];
  const types = ["bool", "Option<u32>", "Option<u64>", "Option<f64>", "Option<String>", "Option<Value>", "Vec<String>", "Vec<Value>", "String"];
  assertAgreement(t, "shapes", await runDifferential(cross(types, inputs)));
});

test("portable UTF-8 encoder/decoder agree with the platform's", () => {
  const rng = new Rng(8);
  const enc = new TextEncoder();
  const dec = new TextDecoder("utf-8", { ignoreBOM: true });
  for (let i = 0; i < 3000; i++) {
    let s = "";
    for (let k = rng.int(40); k > 0; k--) s += String.fromCodePoint(rng.pick([rng.int(0x80), rng.int(0x800), 0xe000 + rng.int(0x2000), 0x10000 + rng.int(0x100000), 0xfeff]));
    const bytes = utf8EncodeFallback(s)!;
    assert.deepEqual(bytes, enc.encode(s));
    assert.equal(utf8DecodeFallback(bytes, 0, bytes.length), dec.decode(bytes));
    const t = String.fromCodePoint(0x10000 + rng.int(0x100000));
    const u = String.fromCodePoint(rng.int(0xd800));
    assert.equal(Math.sign(compareUtf8(t, u)), Math.sign(Buffer.compare(Buffer.from(t), Buffer.from(u))));
  }
  assert.equal(utf8EncodeFallback("a\ud800"), undefined);
  assert.equal(utf8EncodeFallback("\udc00"), undefined);
});

test("the portable well-formedness check agrees with the platform's (String.prototype.isWellFormed)", () => {
  const rng = new Rng(9);
  const units = [0x41, 0xe9, 0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xffff];
  const platform = (s: string): boolean => (s as unknown as { isWellFormed(): boolean }).isWellFormed(); // ES2024
  for (let i = 0; i < 5000; i++) {
    const s = String.fromCharCode(...Array.from({ length: rng.int(8) }, () => rng.pick(units)));
    assert.equal(isWellFormedFallback(s), platform(s), JSON.stringify(s));
    assert.equal(isWellFormed(s), platform(s), JSON.stringify(s));
  }
});

test("serde_json's default float parse is not JS's: shown against the probe", async (t) => {
  // Exactly halfway between 1 and the next double: correct rounding (JS's
  // Number, serde_json's float_roundtrip feature) gives 1; serde_json's
  // default keeps 19 significant digits, 1000000000000000111e-18, and that
  // rounds up.
  const halfway = "1.00000000000000011102230246251565404236316680908203125";
  // A long literal whose POW10 product is off by one ulp.
  const rng = new Rng(99);
  const differing: string[] = [];
  for (let i = 0; i < 20000 && differing.length < 50; i++) {
    const s = `${rng.digits(1 + rng.int(20), true)}.${rng.digits(1 + rng.int(20))}e${rng.int(2) ? "-" : ""}${rng.int(280)}`;
    const ours = parseJson(s);
    if (typeof ours === "number" && ours !== Number(s)) differing.push(s);
  }
  assert.ok(differing.length > 0);
  const inputs = [halfway, ...differing];
  const answers = await new Probe().batch(inputs.map((input) => ({ type_name: "f64", input })));
  assert.deepEqual(answers[0], { kind: "output", text: "1.0000000000000002" });
  assert.equal(Number(halfway), 1);
  inputs.forEach((s, i) => {
    const ours = parseJson(s) as number;
    const rust = answers[i]!;
    assert.equal(rust.kind, "output");
    assert.equal(Number(rust.text), ours, `${s}: probe ${rust.text}, ours ${ours}, JS Number ${Number(s)}`);
    if (i > 0) assert.notEqual(Number(rust.text), Number(s));
  });
  t.diagnostic(`${differing.length} random long literals where serde_json (and we) differ from JS Number(), e.g. ${differing[0]}`);
});
