// The timing core of the TypeScript rows of `nox -s bench`: @jamjet/schema beside
// JSON.parse and a plain zod 4 schema, over the same lines in one JavaScript engine.
//
// No Node API here (no fs, no process): it takes the log's lines as strings and a
// clock, and gives plain data back, so the same module runs in Node (run.js) and,
// bundled, in a browser page. Like the Java harness (tests/java/bench), it first
// checks that every contender reads and writes what it claims on every line, then
// warms the JIT up with whole passes, then times rounds interleaved (the order
// rotating, as benchmarks/timing.py does) and keeps each contender's best.

import { parseEvent, serializeEvent } from "@jamjet/schema";

import { EventSchema } from "./event-schema.js";

/** The contenders, in the order of the report's table; `key` names them in results. */
export const CONTENDERS = [
  { key: "json_parse", run: (line) => JSON.parse(line) },
  { key: "json_round_trip", run: (line) => JSON.stringify(JSON.parse(line)) },
  { key: "zod_parse", run: (line) => EventSchema.parse(JSON.parse(line)) },
  { key: "zod_round_trip", run: (line) => JSON.stringify(EventSchema.parse(JSON.parse(line))) },
  { key: "exact_parse", run: (line) => parseEvent(line) },
  { key: "exact_round_trip", run: (line) => serializeEvent(parseEvent(line)) },
];

/**
 * What the contenders make of `lines`, or an Error naming the first line one of them
 * cannot take: zod must accept every line and the package must write each one back
 * byte for byte (the log is canonical), else the rates would not be comparable.
 * `plainIdentical` counts the lines JSON.parse + JSON.stringify gives back unchanged.
 */
export function check(lines) {
  let plainIdentical = 0;
  lines.forEach((line, i) => {
    const zod = EventSchema.safeParse(JSON.parse(line));
    if (!zod.success) throw new Error(`zod refused line ${i + 1}: ${zod.error.message}`);
    let written;
    try {
      written = serializeEvent(parseEvent(line));
    } catch (e) {
      throw new Error(`the exact path failed on line ${i + 1}: ${e.message}`);
    }
    if (written !== line) throw new Error(`the exact path changed line ${i + 1}: wrote ${written.slice(0, 200)}`);
    if (JSON.stringify(JSON.parse(line)) === line) plainIdentical++;
  });
  return { events: lines.length, exactIdentical: lines.length, zodAccepted: lines.length, plainIdentical };
}

/**
 * The best time of each contender over the whole of `lines`, in seconds:
 * `{ ...check(lines), warmup, rounds, seconds: { key: best } }`. `clock()` gives
 * milliseconds (performance.now in Node and in browsers).
 */
export function measure(lines, { clock, rounds = 5, warmup = 2 }) {
  const checked = check(lines);
  for (let pass = 0; pass < warmup; pass++) for (const c of CONTENDERS) onePass(c.run, lines);
  const seconds = {};
  for (let round = 0; round < rounds; round++) {
    const turn = round % CONTENDERS.length;
    for (const c of [...CONTENDERS.slice(turn), ...CONTENDERS.slice(0, turn)]) {
      const start = clock();
      onePass(c.run, lines);
      const took = (clock() - start) / 1000;
      seconds[c.key] = Math.min(seconds[c.key] ?? Infinity, took);
    }
  }
  return { ...checked, warmup, rounds, seconds };
}

/** One pass of `run` over the lines; what it returns is kept so no engine skips the work. */
function onePass(run, lines) {
  let kept;
  for (let i = 0; i < lines.length; i++) kept = run(lines[i]);
  return kept;
}
