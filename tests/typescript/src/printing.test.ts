// What console.log and util.inspect show of parsed events in Node: the instant and
// the members, not the classes' internal fields (Timestamp's days/secs/frac,
// JsonObject's entries array).

import { test } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import { JsonObject, Timestamp, parseEvent } from "./schema.js";

const UUID = "67e55044-10b1-426f-9247-bb680e5fe0c8";

test("a Timestamp prints as its instant", () => {
  const t = Timestamp.parse("2026-11-22T08:36:22.317665811Z");
  assert.equal(inspect(t), "Timestamp(2026-11-22T08:36:22.317665811Z)");
  assert.equal(inspect({ at: t }), "{ at: Timestamp(2026-11-22T08:36:22.317665811Z) }");
});

test("a JsonObject prints as its members, nested ones as deep as asked", () => {
  const text = `{"id":"${UUID}","execution_id":"${UUID}","sequence":3,"kind":{"type":"node_completed","node_id":"n","output":{"a":{"b":{"c":[1,2.5,"x"]}},"n":18446744073709551615},"state_patch":null,"duration_ms":7},"created_at":"2026-11-22T08:36:22Z"}`;
  const event = parseEvent(text);
  const shown = inspect(event, { depth: 10 });
  assert.match(shown, /created_at: Timestamp\(2026-11-22T08:36:22Z\)/);
  assert.match(shown, /output: JsonObject \{\s+a: JsonObject \{ b: JsonObject \{ c: \[ 1n, 2\.5, 'x' \] \} \},\s+n: 18446744073709551615n\s+\}/);
  assert.doesNotMatch(shown, /entries|days|secs|frac/);
  assert.match(inspect(event, { depth: 2 }), /output: JsonObject \{ a: \[JsonObject\], n: 18446744073709551615n \}/);
});

test("a JsonObject with a repeated key prints every member", () => {
  const repeated = new JsonObject([
    ["a", 1n],
    ["a", 2n],
  ]);
  assert.equal(inspect(repeated), "JsonObject [ [ 'a', 1n ], [ 'a', 2n ] ]");
  assert.equal(inspect(new JsonObject()), "JsonObject {}");
});
