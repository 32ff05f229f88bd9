// What console.log and util.inspect show of parsed events in Node: the instant and
// the members, not the classes' internal fields (Timestamp's days/secs/frac,
// JsonObject's entries array). And what a browser console shows, which ignores Node's
// inspect symbol and lists the own enumerable properties: util.inspect with
// customInspect off sees the same (a real browser is another issue's test).

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

/** What a console that does not call Node's inspect symbol lists: the own enumerable properties. */
function shownWithoutInspect(value: unknown, depth = 10): string {
  return inspect(value, { customInspect: false, showHidden: false, depth, breakLength: Infinity });
}

test("without Node's inspect, a Timestamp shows its instant: the one own enumerable property", () => {
  const t = Timestamp.parse("2026-11-22T08:36:22.317665811Z");
  assert.deepEqual(Object.keys(t), ["rfc3339"]);
  assert.equal(t.rfc3339, t.toString());
  assert.equal(shownWithoutInspect(t), "Timestamp { rfc3339: '2026-11-22T08:36:22.317665811Z' }");
  assert.equal(JSON.stringify({ at: t }), '{"at":"2026-11-22T08:36:22.317665811Z"}');
  const leap = Timestamp.parse("2016-12-31T23:59:60.5Z");
  assert.equal(shownWithoutInspect(leap), "Timestamp { rfc3339: '2016-12-31T23:59:60.500Z' }");
});

test("without Node's inspect, a JsonObject shows its members by key, as serde_json::Value keeps them", () => {
  const obj = new JsonObject([
    ["b", "x"],
    ["a", 1.5],
    ["__proto__", null],
    ["b", "last"],
  ]);
  assert.deepEqual(Object.keys(obj), ["members"]);
  assert.equal(shownWithoutInspect(obj), "JsonObject { members: [Object: null prototype] { b: 'last', a: 1.5, ['__proto__']: null } }");
  assert.equal(JSON.stringify(obj), '{"b":"last","a":1.5,"__proto__":null}');
  assert.deepEqual(obj.keys(), ["b", "a", "__proto__", "b"], "the document's members, order and repeats, stay readable");
  assert.equal(obj.get("b"), "last");
});

test("without Node's inspect, a parsed event shows no internal field at any depth", () => {
  const text = `{"id":"${UUID}","execution_id":"${UUID}","sequence":3,"kind":{"type":"node_completed","node_id":"n","output":{"a":{"b":[1,2.5]}},"state_patch":null,"duration_ms":7},"created_at":"2026-11-22T08:36:22Z"}`;
  const shown = shownWithoutInspect(parseEvent(text));
  assert.match(shown, /created_at: Timestamp \{ rfc3339: '2026-11-22T08:36:22Z' \}/);
  assert.match(shown, /output: JsonObject \{\s+members: \[Object: null prototype\] \{\s+a: JsonObject \{ members: \[Object: null prototype\] \{ b: \[ 1n, 2\.5 \] \} \}/);
  assert.doesNotMatch(shown, /entries|days|secs|frac/);
});
