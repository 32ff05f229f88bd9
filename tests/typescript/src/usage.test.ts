// What a user meets beyond parse and serialize: JSON.stringify and its alternative,
// Value fields as plain objects and back (and the 1 / 1.0 question), and the
// precision of the clock newEvent reads.

import { test } from "node:test";
import assert from "node:assert/strict";
import {
  JsonObject,
  Timestamp,
  WireError,
  fromJsonNode,
  isNodeCompleted,
  newEvent,
  parseEvent,
  parseEventKind,
  serializeEvent,
  serializeEventKind,
  toJsonNode,
  type EventKind,
  type PlainOptions,
} from "./schema.js";

const UUID = "67e55044-10b1-426f-9247-bb680e5fe0c8";
const KIND: EventKind = { type: "workflow_failed", error: "boom" };

/** The fraction digits chrono writes for `t`: 0, 3, 6 or 9. */
function fractionDigits(t: Timestamp): number {
  return /\.(\d+)Z$/.exec(t.toString())?.[1]?.length ?? 0;
}

test("JSON.stringify refuses an event (no rounding); serializeEvent is the way to JSON text", () => {
  const event = newEvent(UUID, 2n ** 63n - 1n, KIND);
  assert.throws(() => JSON.stringify(event), TypeError);
  assert.equal(typeof (event as unknown as { toJSON?: unknown }).toJSON, "undefined");
  const text = serializeEvent(event);
  assert.match(text, /"sequence":9223372036854775807,/);
  assert.deepEqual(parseEvent(text), event);
});

test("Value fields: fromJsonNode gives plain objects, toJsonNode builds nodes from them", () => {
  const kind = parseEventKind('{"type":"node_completed","node_id":"n","output":null,"state_patch":{"a":{"b":[1,2.5]},"a":{"c":1.0}},"duration_ms":1}');
  assert.ok(isNodeCompleted(kind));
  assert.ok(kind.state_patch instanceof JsonObject, "parsed Values are JsonObject instances");
  // the last duplicate wins, as in serde_json::Value; 1.0 reads as the number 1
  assert.deepEqual(fromJsonNode(kind.state_patch), { a: { c: 1 } });
  const built = toJsonNode({ z: [1, 2.5, "x", null, true], big: 2n ** 64n - 1n, a: { c: 1.0 } });
  assert.ok(built instanceof JsonObject);
  assert.equal(serializeEventKind({ ...kind, state_patch: built }), '{"type":"node_completed","node_id":"n","output":null,"state_patch":{"a":{"c":1},"big":18446744073709551615,"z":[1,2.5,"x",null,true]},"duration_ms":1}');
});

test("integers: 'bigint' keeps 1 and 1.0 apart both ways, so read then write gives the same bytes", () => {
  const text = '{"type":"node_completed","node_id":"n","output":[1,1.0,-0.0,1e16,-9223372036854775808],"state_patch":{"c":1.0,"n":1,"x":{"y":[2.0]}},"duration_ms":1}';
  const kind = parseEventKind(text);
  assert.ok(isNodeCompleted(kind));
  const exact: PlainOptions = { integers: "bigint" };
  const output = fromJsonNode(kind.output, exact);
  assert.deepEqual(output, [1n, 1, -0, 1e16, -(2n ** 63n)]);
  assert.deepEqual(fromJsonNode(kind.state_patch, exact), { c: 1, n: 1n, x: { y: [2] } });
  const again = { ...kind, output: toJsonNode(output, exact), state_patch: toJsonNode(fromJsonNode(kind.state_patch, exact), exact) };
  assert.equal(serializeEventKind(again), serializeEventKind(kind));
  assert.equal(serializeEventKind(again), text.replace("1e16", "1e+16"));
  // the default: a safe integer is an integer, as json! makes it
  assert.deepEqual(fromJsonNode(kind.output), [1, 1, -0, 1e16, -(2n ** 63n)]);
  assert.equal(serializeEventKind({ ...kind, output: toJsonNode({ c: 1.0 }) }).includes('"output":{"c":1}'), true);
  assert.equal(serializeEventKind({ ...kind, output: toJsonNode({ c: 1.0 }, exact) }).includes('"output":{"c":1.0}'), true);
  assert.equal(serializeEventKind({ ...kind, output: new JsonObject([["c", 1]]) }).includes('"output":{"c":1.0}'), true);
  assert.throws(() => toJsonNode(1, { integers: "number" } as unknown as PlainOptions), WireError);
  assert.throws(() => fromJsonNode(1n, { integers: "safe" } as unknown as PlainOptions), WireError);
});

test("newEvent reads the clock to the nanosecond: consecutive timestamps differ below the millisecond", () => {
  newEvent(UUID, 0n, KIND); // the first call anchors the clock
  const before = BigInt(Date.now()) * 1_000_000n;
  const stamps = Array.from({ length: 50 }, (_, i) => newEvent(UUID, BigInt(i), KIND).created_at);
  const after = BigInt(Date.now() + 1) * 1_000_000n;
  for (let i = 1; i < stamps.length; i++) {
    const step = stamps[i]!.epochNanos - stamps[i - 1]!.epochNanos;
    assert.ok(step > 0n && step < 1_000_000n, `step ${step} ns between consecutive newEvent timestamps`);
  }
  for (const t of stamps) {
    assert.ok(t.epochNanos >= before - 1_000_000n && t.epochNanos <= after + 1_000_000n, `${t} is not now`);
    assert.ok([0, 3, 6, 9].includes(fractionDigits(t)), t.toString());
  }
  // a nanosecond clock (process.hrtime): nine digits, but where the nanoseconds end in 000
  const nine = stamps.filter((t) => fractionDigits(t) === 9).length;
  assert.ok(nine >= stamps.length - 2, `only ${nine} of ${stamps.length} timestamps have nanoseconds`);
  const event = newEvent(UUID, 1n, KIND);
  assert.deepEqual(parseEvent(serializeEvent(event)).created_at.epochNanos, event.created_at.epochNanos);
});

test("Timestamp.now follows the wall clock when it is set, and does without process.hrtime", () => {
  const realNow = Date.now;
  try {
    const hour = 3_600_000;
    Date.now = () => realNow() + hour; // the system clock was set an hour ahead
    const ahead = Timestamp.now().epochNanos;
    const wall = BigInt(Date.now()) * 1_000_000n;
    assert.ok(ahead >= wall - 2_000_000n && ahead <= wall + 2_000_000n, "re-anchored to the new wall clock");
  } finally {
    Date.now = realNow;
  }
  const back = Timestamp.now().epochNanos;
  assert.ok(back - BigInt(Date.now()) * 1_000_000n < 2_000_000n, "and back");

  const hrtime = process.hrtime as { bigint?: unknown };
  const bigint = hrtime.bigint;
  try {
    hrtime.bigint = undefined; // a browser: performance.now(), to the microsecond at best
    const t = Timestamp.now();
    assert.ok([0, 3, 6].includes(fractionDigits(t)), t.toString());
    const drift = t.epochNanos - BigInt(Date.now()) * 1_000_000n;
    assert.ok(drift > -2_000_000n && drift < 2_000_000n, `${drift} ns from Date.now()`);
  } finally {
    hrtime.bigint = bigint;
  }
});

test("Timestamp.fromEpochNanos is the inverse of epochNanos", () => {
  for (const text of ["2020-01-01T00:00:00.123456789Z", "1969-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z", "-0001-12-31T23:59:59.000001Z"]) {
    const t = Timestamp.parse(text);
    assert.equal(Timestamp.fromEpochNanos(t.epochNanos).toString(), text);
  }
  assert.equal(Timestamp.fromEpochNanos(-1n).toString(), "1969-12-31T23:59:59.999999999Z");
});
