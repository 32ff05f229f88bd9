// @jamjet/schema in headless Chromium: the corpus and a realistic log parsed and
// written back in the page (the esbuild bundle of src/page/corpus.ts), against what
// the same package answers in Node and what serde answered (the fixtures).

import { test } from "node:test";
import assert from "node:assert/strict";
import { answerAll, type Answer, type Request } from "./answer.js";
import { knownFailures, loadCorpus, loadRealisticLog, type FixtureCase } from "./corpus.js";
import { withPage } from "./harness.js";

const corpus = loadCorpus();
const log = loadRealisticLog();
const requests: Request[] = [
  ...corpus.map(({ type_name, input, form }) => (form === undefined ? { type_name, input } : { type_name, input, form })),
  ...log.map((input) => ({ type_name: "Event", input })),
];

const inNode = answerAll(requests);
// one page for every test below: the requests go in as one JSON text, the answers come back as one
const inBrowser: Promise<{ agent: string; answers: Answer[] }> = withPage("src/page/corpus.ts", async (page) => {
  const agent = await page.evaluate<string>("navigator.userAgent");
  const text = await page.evaluate<string>(`window.jamjetPage.answerAll(${JSON.stringify(JSON.stringify(requests))})`);
  return { agent, answers: JSON.parse(text) as Answer[] };
});
inBrowser.catch(() => undefined); // each test awaits it and reports its failure; none is unhandled

/** A request's name in a report: the fixture's id, or the log's line number. */
function named(index: number): string {
  const c = corpus[index];
  return c !== undefined ? `${c.id} (${c.file})` : `realistic log line ${index - corpus.length + 1}`;
}

function show(found: ReadonlyArray<[number, string]>): string {
  const shown = found.slice(0, 20).map(([i, why]) => `  ${named(i)}\n    input: ${requests[i]!.input.slice(0, 200)}\n    ${why}`);
  return [...shown, ...(found.length > 20 ? [`  ... and ${found.length - 20} more`] : [])].join("\n");
}

/** Why the page's answer is not the fixture's (serde's verdict, and its bytes when accepted). */
function unlikeSerde(c: FixtureCase, ours: Answer): string | undefined {
  if (ours.verdict === "crash") return `crashed: ${ours.text}`;
  if (c.class === "rejected") return ours.verdict === "error" ? undefined : `accepted what serde rejects (${c.serde_error})`;
  if (ours.verdict === "error") return `rejected: ${ours.text}`;
  return ours.text === c.output ? undefined : `wrote ${ours.text.slice(0, 300)}\n    serde: ${c.output?.slice(0, 300)}`;
}

test("the page answers every request as Node does: verdict, bytes, error message", { timeout: 180_000 }, async (t) => {
  const { agent, answers: browser } = await inBrowser;
  t.diagnostic(agent);
  assert.match(agent, /Chrome\/\d+/, "the page is not Chromium's");
  assert.equal(browser.length, requests.length, "the page answered a different number of requests");
  const differ: Array<[number, string]> = [];
  browser.forEach((ours, i) => {
    const node = inNode[i]!;
    if (ours.verdict !== node.verdict || ours.text !== node.text) {
      differ.push([i, `browser: ${ours.verdict} ${ours.text.slice(0, 300)}\n    node:    ${node.verdict} ${node.text.slice(0, 300)}`]);
    }
  });
  t.diagnostic(`${corpus.length} fixtures (every tier, eras included) and ${log.length} log lines, in Chromium and in Node`);
  assert.equal(differ.length, 0, `the page and Node disagree:\n${show(differ)}`);
});

test("in the page, the required and api tiers get serde's verdict and bytes", { timeout: 180_000 }, async (t) => {
  const browser = (await inBrowser).answers;
  const known = knownFailures();
  const judged = corpus.flatMap((c, i) => (c.tier === "required" || c.tier === "api" ? [[c, i] as const] : []));
  assert.ok(judged.length > 1000, "the required tier is missing");
  const failed = judged.flatMap(([c, i]) => {
    const why = known.has(c.id) ? undefined : unlikeSerde(c, browser[i]!);
    return why === undefined ? [] : [[i, why] as [number, string]];
  });
  t.diagnostic(`${judged.length} required and api fixtures in Chromium: ${judged.length - failed.length} as serde`);
  assert.equal(failed.length, 0, `fixtures the page answers unlike serde:\n${show(failed)}`);
});

test("in the page, no request crashes (every tier: a refusal is a WireError)", { timeout: 180_000 }, async () => {
  const browser = (await inBrowser).answers;
  const crashed = browser.flatMap((ours, i) => (ours.verdict === "crash" ? [[i, ours.text] as [number, string]] : []));
  assert.equal(crashed.length, 0, `crashes in the page:\n${show(crashed)}`);
});

test("in the page, a realistic log is read and written back byte for byte", { timeout: 180_000 }, async (t) => {
  const browser = (await inBrowser).answers;
  assert.ok(log.length >= 1000, `the realistic log has ${log.length} lines`);
  const differ = log.flatMap((line, n) => {
    const i = corpus.length + n;
    const ours = browser[i]!;
    if (ours.verdict === "output" && ours.text === line) return [];
    return [[i, ours.verdict === "output" ? `wrote ${ours.text.slice(0, 300)}` : `${ours.verdict}: ${ours.text}`] as [number, string]];
  });
  t.diagnostic(`${log.length} events, ${log.reduce((n, line) => n + line.length + 1, 0)} characters`);
  assert.equal(differ.length, 0, `log lines the page does not write back as they were:\n${show(differ)}`);
});
