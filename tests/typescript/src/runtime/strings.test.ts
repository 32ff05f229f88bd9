// Strings: what serde_json accepts inside "..." (control characters, escapes,
// surrogate pairs, lone surrogate escapes) and how it escapes them on output.

import { test } from "node:test";
import assert from "node:assert/strict";
import { WireError, writeJsonString } from "../wire.js";
import { Rng } from "../support/gen.js";
import { assertAgreement, cross, runDifferential } from "../support/harness.js";

const STRING_TYPES = ["String", "Value", "Option<String>", "Vec<Value>"];

function hex4(n: number): string {
  return n.toString(16).padStart(4, "0");
}

test("string differential: control chars, escapes, unicode, surrogates", async (t) => {
  const bodies: string[] = [];
  for (let c = 0; c < 0x20; c++) {
    bodies.push(String.fromCharCode(c)); // raw: rejected
    bodies.push(`a${String.fromCharCode(c)}b`);
    bodies.push(`\\u${hex4(c)}`, `\\u${hex4(c).toUpperCase()}`); // escaped: accepted, re-escaped on output
  }
  bodies.push("\u007f", "\\u007f", "\u0080", "\\u0080", "\u2028\u2029", "\\u2028", "\ufeff", "\uffff", "\\uffff");
  bodies.push('\\"', "\\\\", "\\/", "/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u0041", "\\u00e9", "\\u00E9");
  for (const bad of ["a", "x", "U", "0", "'", " ", "é", "u", "u1", "u12", "u123", "u12G4", "uZZZZ", "u 123"]) {
    bodies.push(`\\${bad}`, `x\\${bad}`);
  }
  bodies.push("\ufeff" + "x".repeat(40), "\ufeffé" + "y".repeat(40), "\\ufeff" + "z".repeat(40), "é", "中文", "😀", "\\ud83d\\ude00", "\\uD83D\\uDE00", "𐀀", "\\ud800\\udc00", "\\udbff\\udfff", "\u{10ffff}");
  // lone surrogate escapes: serde_json rejects them in a Rust String
  bodies.push(
    "\\ud800", "\\udc00", "\\udfff", "\\ud800\\u0041", "\\ud800x", "\\ud800\\n", "\\ud800\\ud800", "\\udbff",
    "x\\ud83d", "\\ud83dx\\ude00", "\\ude00\\ud83d", "\\ud800\\udbff", "\\ud800\\u", "\\ud800\\u12", "\\ud800\\",
    "\\ud800\\uDC0", "\\ud800\\uzzzz",
  );
  // column counting is in bytes: errors after multi-byte characters
  bodies.push("é\u0001", "中\\q", "😀\\x", "ééé\\u12", "中\t");
  const inputs = bodies.map((b) => `"${b}"`);
  // unterminated / truncated strings and escapes at end of input
  inputs.push('"', '"abc', '"\\', '"\\u', '"\\u00', '"\\u0041', '"\\ud800', '"\\ud800\\', '"\\ud800\\u', '"é');
  inputs.push('"a"x', '"a" "b"', ' "a" ', '\n"a"\n', "'a'", "a", "1", "null", "true", "[]", "{}", '["a"]');
  inputs.push('[\n"ok",\n"bad\u0001"]', '{\n  "k\u0002": 1}', '[\r\n"\\q"]', '["é",\n "中\\z"]');
  // random well-formed strings, written by JSON.stringify and by a random escaper
  const rng = new Rng(7);
  const ranges: Array<[number, number]> = [
    [0x20, 0x7e], [0x00, 0x1f], [0x80, 0x7ff], [0x800, 0xd7ff], [0xe000, 0xffff], [0x10000, 0x10ffff],
  ];
  for (let i = 0; i < 1500; i++) {
    let s = "";
    const n = rng.int(4) === 0 ? 20 + rng.int(60) : rng.int(12);
    for (let k = 0; k < n; k++) {
      const [lo, hi] = rng.pick(ranges);
      s += String.fromCodePoint(lo + rng.int(hi - lo + 1));
    }
    inputs.push(JSON.stringify(s));
    let escaped = '"';
    for (const ch of s) {
      const cp = ch.codePointAt(0)!;
      if (rng.int(2) === 0 || cp < 0x20 || ch === '"' || ch === "\\") {
        if (cp >= 0x10000) {
          const v = cp - 0x10000;
          escaped += `\\u${hex4(0xd800 + (v >> 10))}\\u${hex4(0xdc00 + (v & 0x3ff))}`;
        } else escaped += `\\u${rng.int(2) ? hex4(cp) : hex4(cp).toUpperCase()}`;
      } else escaped += ch;
    }
    inputs.push(escaped + '"');
  }
  const cases = [
    ...cross(STRING_TYPES, inputs),
    ...cross(["Vec<String>"], inputs.slice(0, 400).map((s) => `[${s}]`)),
    ...cross(["Vec<String>"], ['["a","b"]', "[]", '["a",1]', "[null]", '["a",]', '["a" "b"]', '"a"', "[[]]"]),
  ];
  assertAgreement(t, "strings", await runDifferential(cases));
});

test("writeJsonString: serde_json's escapes", () => {
  assert.equal(writeJsonString('a"b\\c/'), '"a\\"b\\\\c/"');
  assert.equal(writeJsonString("\u0000\u0001\u001f\u007f"), '"\\u0000\\u0001\\u001f\u007f"');
  assert.equal(writeJsonString("\b\f\n\r\t"), '"\\b\\f\\n\\r\\t"');
  assert.equal(writeJsonString("\u2028😀"), '"\u2028😀"');
  assert.throws(() => writeJsonString("\ud800"), WireError);
});

test("Rust's {:?} quoting in messages: every scalar value, as rustc escapes it", async (t) => {
  // 1000 scalar values per string, sent as a u32: serde's message quotes the string
  // with `{:?}`, which the runtime writes from the table recorded from rustc.
  const inputs: string[] = [];
  let chunk = "";
  let count = 0;
  for (let c = 0; c <= 0x10ffff; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    chunk += String.fromCodePoint(c);
    if (++count % 1000 === 0) {
      inputs.push(JSON.stringify(chunk));
      chunk = "";
    }
  }
  inputs.push(JSON.stringify(chunk));
  assertAgreement(t, "debug quoting", await runDifferential(cross(["u32"], inputs)));
});
