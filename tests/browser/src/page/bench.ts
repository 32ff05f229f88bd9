// The page of the browser benchmark: the TypeScript benchmark's timing core
// (benchmarks/typescript/bench.js), bundled, on the log the page fetches from its
// server, timed with the page's clock. The Node side (src/bench.ts) reads the result.

import { measure } from "jamjet-bench";

declare global {
  interface Window {
    jamjetBench?: { run(rounds: number, warmup: number): Promise<string> };
  }
}

window.jamjetBench = {
  async run(rounds, warmup) {
    const lines = (await (await fetch("/log.jsonl")).text()).split("\n");
    if (lines.at(-1) === "") lines.pop(); // the last line's terminator
    return JSON.stringify(measure(lines, { clock: () => performance.now(), rounds, warmup }));
  },
};
