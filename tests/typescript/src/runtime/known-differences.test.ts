// Pins every item of runtimes/typescript/KNOWN_DIFFERENCES.md: message wording only,
// the verdicts agree. If serde (or the runtime) changes, these fail.

import { test } from "node:test";
import assert from "node:assert/strict";
import { WireError, parseJson, parseUuid, readStruct, writeJsonString } from "../wire.js";
import { runOurs } from "../support/harness.js";
import { Probe } from "../support/probe.js";

test("1 + 2: syntax error vs type error, and type errors without position", async () => {
  const [seq, float] = await new Probe().batch([
    { type_name: "u32", input: "[1," },
    { type_name: "u32", input: "1.5" },
  ]);
  assert.deepEqual(seq, { kind: "error", text: "invalid type: sequence, expected u32 at line 1 column 0" });
  assert.deepEqual(runOurs("u32", "[1,"), { kind: "error", text: "EOF while parsing a value at line 1 column 3", stage: "syntax" });
  assert.deepEqual(float, { kind: "error", text: "invalid type: floating point `1.5`, expected u32 at line 1 column 3" });
  assert.deepEqual(runOurs("u32", "1.5"), { kind: "error", text: "invalid type: floating point `1.5`, expected u32", stage: "decode" });
});

test("3 + 4: skipped-field syntax wording; array-form struct checks length first", async () => {
  const [skipped, arrayForm] = await new Probe("jamjet-testee-seed").batch([
    { type_name: "ProvenanceMetadata", input: '{"x":[1,]}' },
    { type_name: "ProvenanceMetadata", input: "[1e999]" },
  ]);
  assert.deepEqual(skipped, { kind: "error", text: "expected value at line 1 column 9" });
  assert.throws(() => parseJson('{"x":[1,]}', { defer: true }), { detail: "trailing comma at line 1 column 9" });
  assert.deepEqual(arrayForm, { kind: "error", text: "number out of range at line 1 column 6" });
  const fields = ["model_id", "model_version", "confidence", "verified", "source", "trust_domain", "evidence_refs"];
  assert.throws(
    () => readStruct(parseJson("[1e999]", { defer: true }), "ProvenanceMetadata", fields.map((name) => ({ name, hasDefault: name === "verified" || name === "evidence_refs" }))),
    { detail: "invalid length 1, expected struct ProvenanceMetadata with 7 elements" },
  );
});

test("6: JS strings with lone surrogates are rejected (no Rust counterpart)", () => {
  for (const f of [() => parseJson('"\ud800"'), () => writeJsonString("\udc00"), () => parseUuid("\ud800")]) {
    assert.throws(f, WireError);
  }
});
