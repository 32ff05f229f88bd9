// The golden corpus through @jamjet/schema: every required fixture must give
// serde's verdict and, when accepted, its bytes; implementation-defined ones are
// reported (the tier allows differences; there are none today). The evolution
// tier is for readers of older releases: this package is the current one, skip it.

import { test } from "node:test";
import assert from "node:assert/strict";
import { answer, knownFailures, loadCorpus, mismatch, type FixtureCase } from "./support/corpus.js";
import { Probe } from "./support/probe.js";

const corpus = loadCorpus().filter((c) => c.tier !== "evolution");

function failures(cases: readonly FixtureCase[]): Array<[FixtureCase, string]> {
  const out: Array<[FixtureCase, string]> = [];
  for (const c of cases) {
    const why = mismatch(c, answer(c.type_name, c.input));
    if (why !== undefined) out.push([c, why]);
  }
  return out;
}

function show(found: ReadonlyArray<[FixtureCase, string]>): string {
  return found.map(([c, why]) => `  ${c.id} (${c.file})\n    input: ${c.input.slice(0, 200)}\n    ${why}`).join("\n");
}

test("required tier: serde's verdict and bytes on every fixture", (t) => {
  const required = corpus.filter((c) => c.tier === "required");
  assert.ok(required.length > 1000, `only ${required.length} required fixtures found`);
  const known = knownFailures();
  const failed = failures(required);
  const unexpected = failed.filter(([c]) => !known.has(c.id));
  const failedIds = new Set(failed.map(([c]) => c.id));
  const stale = [...known].filter((id) => !failedIds.has(id));
  t.diagnostic(`${required.length} required fixtures: ${required.length - failed.length} pass, ${failed.length} fail (${known.size} known)`);
  assert.equal(unexpected.length, 0, `fixtures that disagree with serde:\n${show(unexpected.slice(0, 20))}`);
  assert.deepEqual(stale, [], "known failures that now pass (remove them from conformance/known-failures/typescript.txt)");
});

test("implementation-defined tier: reported, and never a crash", (t) => {
  const cases = corpus.filter((c) => c.tier === "implementation-defined");
  const differ = failures(cases);
  t.diagnostic(`${cases.length} implementation-defined fixtures: ${differ.length} differ from serde`);
  for (const [c, why] of differ) t.diagnostic(`differs: ${c.id}: ${why}`);
  assert.deepEqual(differ.filter(([, why]) => why.startsWith("crashed")), []);
});

test("the registered testee (conformance/testees.json) answers as the package does in-process", async (t) => {
  const answers = await Probe.registered("typescript").batch(corpus.map((c) => ({ type_name: c.type_name, input: c.input })));
  const differ = corpus.filter((c, i) => {
    const ours = answer(c.type_name, c.input);
    const theirs = answers[i]!;
    return theirs.kind !== ours.kind || (ours.kind === "output" && theirs.text !== ours.text);
  });
  t.diagnostic(`${corpus.length} requests through \`typescript\` from conformance/testees.json`);
  assert.deepEqual(differ.map((c) => c.id), []);
});
