// Integers: u32/u64/i64 (and Option<>) range and type verdicts, exactness
// beyond 2^53, and integer -> f64 / Value.

import { test } from "node:test";
import assert from "node:assert/strict";
import { WireError, decodeI64, decodeU32, decodeU64, parseJson, writeI64, writeU32, writeU64 } from "../wire.js";
import { Rng } from "../support/gen.js";
import { assertAgreement, cross, runDifferential } from "../support/harness.js";

const INT_TYPES = ["u32", "u64", "i64", "f64", "Value", "Option<u32>", "Option<u64>", "Option<f64>", "Option<Value>"];

function around(n: bigint): string[] {
  return [n - 1n, n, n + 1n].map(String);
}

test("integer differential: boundaries of every width, one past, 2^53, floats where ints belong", async (t) => {
  const pivots = [
    0n, 1n, 2n ** 31n, 2n ** 32n, 2n ** 53n, 2n ** 63n, 2n ** 64n, 10n ** 19n, 10n ** 20n,
    -(2n ** 31n), -(2n ** 32n), -(2n ** 53n), -(2n ** 63n), -(2n ** 64n), -1n,
  ];
  const inputs: string[] = pivots.flatMap(around);
  inputs.push(
    "-0", "0", "-0.0", "1.0", "1.5", "-1.5", "1e0", "1E2", "4294967295.0", "1e19", "-1e0", "0.0",
    "18446744073709551615", "18446744073709551616", "-9223372036854775808", "-9223372036854775809",
    "99999999999999999999999", "-99999999999999999999999", "123456789012345678901234567890",
    "true", "false", "null", '"1"', '"abc"', "[]", "[1]", "{}", '{"a":1}', "", " ", " 7 ", "\t8\n", "\r9\r",
    "007", "-007", "+5", "5x", "5 5", "5,", "[5]", "\u00a05", "5\u00a0", "0x1F",
  );
  const rng = new Rng(64);
  for (let i = 0; i < 1500; i++) {
    const bits = rng.pick([8, 16, 31, 32, 33, 52, 53, 54, 62, 63, 64, 65]);
    let v = rng.u64() & ((1n << BigInt(Math.min(bits, 64))) - 1n);
    if (bits === 65) v += 1n << 64n;
    inputs.push(String(rng.int(2) === 0 ? v : -v));
  }
  const cases = cross(INT_TYPES, inputs);
  assertAgreement(t, "integers", await runDifferential(cases));
});

test("u64/i64 beyond 2^53 stay exact bigints", () => {
  assert.equal(decodeU64(parseJson("18446744073709551615")), 18446744073709551615n);
  assert.equal(decodeU64(parseJson("9007199254740993")), 9007199254740993n);
  assert.equal(decodeI64(parseJson("-9223372036854775808")), -9223372036854775808n);
  assert.equal(writeU64(18446744073709551615n), "18446744073709551615");
  assert.equal(writeI64(-9223372036854775808n), "-9223372036854775808");
  assert.equal(writeU32(4294967295), "4294967295");
  assert.throws(() => writeU64(2 ** 60), WireError); // not a safe integer: may already be rounded
  assert.throws(() => writeU32(-1), WireError);
  assert.throws(() => writeU32(1.5), WireError);
  assert.throws(() => writeI64(2n ** 63n), WireError);
});

test("error texts name the path and use serde's words", () => {
  try {
    decodeU32(parseJson("1.5"));
    assert.fail("accepted 1.5 as u32");
  } catch (e) {
    assert.ok(e instanceof WireError);
    assert.equal(e.detail, "invalid type: floating point `1.5`, expected u32");
    const outer = e.under("attempt").under("kind");
    assert.deepEqual(outer.path, ["kind", "attempt"]);
    assert.equal(outer.message, "kind.attempt: invalid type: floating point `1.5`, expected u32");
  }
  assert.throws(() => decodeU32(parseJson("-1")), { detail: "invalid value: integer `-1`, expected u32" });
  assert.throws(() => decodeU32(parseJson("1.0")), { detail: "invalid type: floating point `1.0`, expected u32" });
});
