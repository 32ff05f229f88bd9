// The Node entry of the TypeScript benchmark: `node run.js LOG [--rounds N] [--warmup N]`
// reads the JSON Lines log (one event a line, "\n" between), runs bench.js on its
// lines and prints the results as one JSON object (benchmarks/node.py reads it).
// Exit status 1, with the reason on stderr, when a contender cannot take the log.

import { readFileSync } from "node:fs";
import { argv, exit, stderr, stdout, version } from "node:process";
import { performance } from "node:perf_hooks";

import { measure } from "./bench.js";

function option(name, fallback) {
  const at = argv.indexOf(name);
  return at === -1 ? fallback : Number(argv[at + 1]);
}

const log = argv[2];
if (log === undefined) {
  stderr.write("usage: node run.js LOG [--rounds N] [--warmup N]\n");
  exit(2);
}
const text = readFileSync(log, "utf8");
const lines = text.split("\n");
if (lines.at(-1) === "") lines.pop(); // the last line's terminator
const zod = JSON.parse(readFileSync(new URL("./node_modules/zod/package.json", import.meta.url), "utf8"));
let results;
try {
  results = measure(lines, { clock: () => performance.now(), rounds: option("--rounds", 5), warmup: option("--warmup", 2) });
} catch (e) {
  stderr.write(`${e.message}\n`);
  exit(1);
}
stdout.write(`${JSON.stringify({ node: version, zod: zod.version, ...results })}\n`);
