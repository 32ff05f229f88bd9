// Uuid: the four textual forms uuid 1.29.3 accepts, and its error diagnosis.

import { test } from "node:test";
import assert from "node:assert/strict";
import { WireError, parseUuid } from "../wire.js";
import { Rng } from "../support/gen.js";
import { assertAgreement, runDifferential, type Case } from "../support/harness.js";

const BASE = "67e55044-10b1-426f-9247-bb680e5fe0c8";

test("Uuid differential: simple, hyphenated, braced, URN, case, corruptions", async (t) => {
  const simple = BASE.replace(/-/g, "");
  const texts = new Set<string>([
    BASE, BASE.toUpperCase(), simple, simple.toUpperCase(), `{${BASE}}`, `{${BASE.toUpperCase()}}`,
    `urn:uuid:${BASE}`, `URN:UUID:${BASE}`, `Urn:Uuid:${BASE.toUpperCase()}`, `{${simple}}`, `urn:uuid:${simple}`,
    `urn:uuid:{${BASE}}`, `{urn:uuid:${BASE}}`, `[${BASE}]`, `(${BASE})`, `{${BASE}`, `${BASE}}`, ` ${BASE}`,
    `${BASE} `, `${BASE}\n`, "", "-", "{}", "{", "urn:uuid:", "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", "0".repeat(32), "0".repeat(31),
    "0".repeat(33), "0".repeat(36), "0".repeat(38), "0".repeat(45), "0".repeat(46), "0".repeat(100),
    "67e55044-10b1-426f-9247-bb680e5fe0c", "67e55044-10b1-426f-9247-bb680e5fe0c8a", "67e5504410b1-426f-9247-bb680e5fe0c8",
    "67e55044-10b1426f-9247-bb680e5fe0c8-", "67e55044-10b1-426f-9247bb680e5fe0c8", "67e5-5044-10b1-426f-9247bb680e5fe0c8",
    "67e55044--10b1-426f-9247-bb680e5fe0c8", "67e55044-10b1-426f-9247-bb68-0e5fe0c8", "-67e55044-10b1-426f-9247-bb680e5fe0c",
    "67e55044-10b1-426f-9247-bb680e5fe0cg", "g7e55044-10b1-426f-9247-bb680e5fe0c8", "67e55044_10b1_426f_9247_bb680e5fe0c8",
    "67e55044-10b1-426f-9247-bb680e5fé0c", "67e55044-10b1-426f-9247-bb680e5fe0ç8", "67e5504410b1426f9247bb680e5fe0é",
    "urn:uuid:67e55044-10b1-426f-9247-bb680e5fe0cg", "urn:uuid-67e55044-10b1-426f-9247-bb680e5fe0c8",
    "uuid:urn:67e55044-10b1-426f-9247-bb680e5fe0c8", "{67e55044-10b1-426f-9247-bb680e5fe0cg}",
    "{67e55044-10b1-426f-9247bb680e5fe0c8-}", "67e55044-10b1-426f-9247-bb680e5fe0c8".replace(/-/g, ":"),
    "😀".repeat(8) + "0000", "😀".repeat(9), "0x67e5504410b1426f9247bb680e5fe0c", "+7e5504410b1426f9247bb680e5fe0c8",
  ]);
  // random corruptions of each form: replace, delete or insert one character
  const rng = new Rng(0x0ddba11);
  const forms = [BASE, simple, `{${BASE}}`, `urn:uuid:${BASE}`];
  const noise = ["-", "g", "G", "{", "}", " ", "0", "F", "é", ":", "😀", "x", "u"];
  for (let i = 0; i < 2500; i++) {
    const f = rng.pick(forms);
    const at = rng.int(f.length + 1);
    texts.add(f.slice(0, at) + (rng.int(3) === 0 ? "" : rng.pick(noise)) + f.slice(at + rng.int(2)));
  }
  for (let i = 0; i < 300; i++) {
    const hex = Array.from({ length: 32 }, () => "0123456789abcdefABCDEF"[rng.int(22)]).join("");
    texts.add(hex);
    texts.add(`${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`);
  }
  const cases: Case[] = [...texts].filter((s) => s.length < 200).map((s) => ({ type: "Uuid", input: JSON.stringify(s) }));
  cases.push(
    ...["1", "null", "[]", "{}", "true", `[${Array(16).fill(1).join(",")}]`, `"\\u0036${BASE.slice(1)}"`].map((input) => ({ type: "Uuid", input })),
  );
  assertAgreement(t, "Uuid", await runDifferential(cases));
});

test("parseUuid returns the lower-case hyphenated form", () => {
  assert.equal(parseUuid(`URN:UUID:${BASE.toUpperCase()}`), BASE);
  assert.equal(parseUuid(BASE.replace(/-/g, "").toUpperCase()), BASE);
  assert.throws(() => parseUuid(` ${BASE}`), WireError);
});
