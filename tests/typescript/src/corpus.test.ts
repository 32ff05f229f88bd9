// The golden corpus through @jamjet/schema: every required and api fixture must give
// serde's verdict and, when accepted, its bytes (in the case's form); implementation-defined ones are
// reported (the tier allows differences; there are none today). The evolution
// tier is for readers of older releases: this package is the current one, skip it.

import { test, type TestContext } from "node:test";
import assert from "node:assert/strict";
import { answer, knownFailures, loadCorpus, mismatch, type FixtureCase, type Tier } from "./support/corpus.js";
import { Probe } from "./support/probe.js";

const corpus = loadCorpus().filter((c) => c.tier !== "evolution");

function failures(cases: readonly FixtureCase[]): Array<[FixtureCase, string]> {
  const out: Array<[FixtureCase, string]> = [];
  for (const c of cases) {
    const why = mismatch(c, answer(c.type_name, c.input, c.form));
    if (why !== undefined) out.push([c, why]);
  }
  return out;
}

function show(found: ReadonlyArray<[FixtureCase, string]>): string {
  return found.map(([c, why]) => `  ${c.id} (${c.file})\n    input: ${c.input.slice(0, 200)}\n    ${why}`).join("\n");
}

// Both tiers every implementation must pass: the known-failures list spans them.
const must = corpus.filter((c) => c.tier === "required" || c.tier === "api");
const mustFailed = failures(must);

function mustPass(t: TestContext, tier: Tier): void {
  const cases = must.filter((c) => c.tier === tier);
  const known = knownFailures();
  const failed = mustFailed.filter(([c]) => c.tier === tier);
  const unexpected = failed.filter(([c]) => !known.has(c.id));
  t.diagnostic(`${cases.length} ${tier} fixtures: ${cases.length - failed.length} pass, ${failed.length} fail (${known.size} known)`);
  assert.equal(unexpected.length, 0, `fixtures that disagree with serde:\n${show(unexpected.slice(0, 20))}`);
}

test("required tier: serde's verdict and bytes on every fixture", (t) => {
  assert.ok(must.filter((c) => c.tier === "required").length > 1000, "the required tier is missing");
  mustPass(t, "required");
});

test("api tier: the HTTP API's shapes (Events, EventsResponse) and form, as serde", (t) => {
  mustPass(t, "api");
});

test("the known-failures list is not stale", () => {
  const failedIds = new Set(mustFailed.map(([c]) => c.id));
  const stale = [...knownFailures()].filter((id) => !failedIds.has(id));
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
  const requests = corpus.map((c) => ({ type_name: c.type_name, input: c.input, ...(c.form === undefined ? {} : { form: c.form }) }));
  const answers = await Probe.registered("typescript").batch(requests);
  const differ = corpus.filter((c, i) => {
    const ours = answer(c.type_name, c.input, c.form);
    const theirs = answers[i]!;
    return theirs.kind !== ours.kind || (ours.kind === "output" && theirs.text !== ours.text);
  });
  t.diagnostic(`${corpus.length} requests through \`typescript\` from conformance/testees.json`);
  assert.deepEqual(differ.map((c) => c.id), []);
});
