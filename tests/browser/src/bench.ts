// The browser entry of the TypeScript benchmark, beside benchmarks/typescript/run.js
// (Node's): `node tests/browser/dist/bench.js LOG [--rounds N] [--warmup N]` runs the
// same timing core on the same log in a page of headless Chromium and prints its
// results as one JSON object, with the browser's version (benchmarks/browser.py reads
// it). Exit status 1, with the reason on stderr, when the page cannot take the log.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { argv, exit, stderr, stdout } from "node:process";
import { REPO } from "./corpus.js";
import { withPage } from "./harness.js";

const HARNESS = join(REPO, "benchmarks", "typescript");

function option(name: string, fallback: number): number {
  const at = argv.indexOf(name);
  return at === -1 ? fallback : Number(argv[at + 1]);
}

const log = argv[2];
if (log === undefined) {
  stderr.write("usage: node tests/browser/dist/bench.js LOG [--rounds N] [--warmup N]\n");
  exit(2);
}
if (!existsSync(join(HARNESS, "node_modules", "zod"))) {
  stderr.write(`${HARNESS}/node_modules is missing: run \`npm ci --prefix benchmarks/typescript\`\n`);
  exit(2);
}
// the zod the page bundles: the harness's own, as in Node
const zod = JSON.parse(readFileSync(join(HARNESS, "node_modules", "zod", "package.json"), "utf8")) as { version: string };
const rounds = option("--rounds", 5);
const warmup = option("--warmup", 2);
try {
  const results = await withPage(
    "src/page/bench.ts",
    async (page) => {
      const measured = await page.evaluate<string>(`window.jamjetBench.run(${rounds}, ${warmup})`);
      const isolated = await page.evaluate<boolean>("crossOriginIsolated"); // the fine clock
      return { browser: await page.product(), zod: zod.version, isolated, ...(JSON.parse(measured) as Record<string, unknown>) };
    },
    { alias: { "jamjet-bench": join(HARNESS, "bench.js") }, files: { "/log.jsonl": readFileSync(log) } },
  );
  stdout.write(`${JSON.stringify(results)}\n`);
} catch (e) {
  stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  exit(1);
}
