// The timing core of the TypeScript benchmark, benchmarks/typescript/bench.js (plain
// JavaScript, no Node API), as the page imports it: esbuild maps "jamjet-bench" to
// that file (src/bench.ts), whose own imports (@jamjet/schema, zod) resolve in its
// folder's node_modules, as in Node.
declare module "jamjet-bench" {
  export interface Measured {
    events: number;
    exactIdentical: number;
    zodAccepted: number;
    plainIdentical: number;
    warmup: number;
    rounds: number;
    /** Each contender's best pass over the whole log, by key (json_parse, exact_parse, ...). */
    seconds: Record<string, number>;
  }
  /** Throws an Error naming the first line a contender cannot take. */
  export function measure(lines: readonly string[], options: { clock: () => number; rounds?: number; warmup?: number }): Measured;
}
