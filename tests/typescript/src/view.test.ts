// The view for UI code (src/view.ts, runtime/view.ts), pinned against the corpus:
// what it reads (integers as numbers only where exact, timestamps as serde's text,
// Values as plain data), what it refuses, and the one thing it cannot carry back to
// serde's bytes (a Value's f64 with an integral value), each statement of the README
// and docs/typescript-migration.md checked here.

import { test } from "node:test";
import assert from "node:assert/strict";
import {
  WireError,
  fromEventKindView,
  fromEventView,
  fromEventsResponseView,
  fromEventsView,
  fromProvenanceMetadataView,
  parseEvent,
  parseEventKind,
  parseEventKindView,
  parseEventView,
  parseEvents,
  parseEventsResponse,
  parseEventsResponseView,
  parseEventsView,
  parseProvenanceMetadata,
  parseProvenanceMetadataView,
  serializeEvent,
  serializeEventApi,
  serializeEventKind,
  serializeEventKindApi,
  serializeEventKindView,
  serializeEventView,
  serializeEvents,
  serializeEventsApi,
  serializeEventsResponse,
  serializeEventsResponseApi,
  serializeEventsResponseView,
  serializeEventsView,
  serializeProvenanceMetadata,
  serializeProvenanceMetadataApi,
  serializeProvenanceMetadataView,
  toEventView,
  type Event,
  type EventKind,
  type EventView,
  type JsonNode,
  type NodeCompletedEvent,
  type PathSegment,
} from "./schema.js";
import { API_FORM, type Form } from "./wire.js";
import { loadCorpus, type FixtureCase } from "./support/corpus.js";
import { fixEvent, fixKind, integralFloatsAsIntegers, unsafeIntegers } from "./support/values.js";

const UUID = "67e55044-10b1-426f-9247-bb680e5fe0c8";

/** One document type both ways: exact, and through the view; `fix` passes its Values through a function. */
interface Document<T, V> {
  parse(text: string): T;
  parseView(text: string): V;
  fromView(view: V): T;
  serialize(value: T, form: Form): string;
  serializeView(view: V): string;
  fix(value: T, f: (node: JsonNode) => JsonNode): T;
}

function doc<T, V>(d: Omit<Document<T, V>, "serialize"> & { log(value: T): string; api(value: T): string }): Document<unknown, unknown> {
  const serialize = (value: T, form: Form): string => (form === API_FORM ? d.api : d.log)(value);
  return { ...d, serialize } as unknown as Document<unknown, unknown>;
}

const DOCUMENTS: Record<string, Document<unknown, unknown>> = {
  Event: doc({ parse: parseEvent, parseView: parseEventView, fromView: fromEventView, log: serializeEvent, api: serializeEventApi, serializeView: serializeEventView, fix: fixEvent }),
  EventKind: doc({ parse: parseEventKind, parseView: parseEventKindView, fromView: fromEventKindView, log: serializeEventKind, api: serializeEventKindApi, serializeView: serializeEventKindView, fix: fixKind }),
  ProvenanceMetadata: doc({
    parse: parseProvenanceMetadata,
    parseView: parseProvenanceMetadataView,
    fromView: fromProvenanceMetadataView,
    log: serializeProvenanceMetadata,
    api: serializeProvenanceMetadataApi,
    serializeView: serializeProvenanceMetadataView,
    fix: (value) => value, // no Value fields
  }),
  Events: doc({ parse: parseEvents, parseView: parseEventsView, fromView: fromEventsView, log: serializeEvents, api: serializeEventsApi, serializeView: serializeEventsView, fix: (events: Event[], f) => events.map((e) => fixEvent(e, f)) }),
  EventsResponse: doc({
    parse: parseEventsResponse,
    parseView: parseEventsResponseView,
    fromView: fromEventsResponseView,
    log: serializeEventsResponse,
    api: serializeEventsResponseApi,
    serializeView: serializeEventsResponseView,
    fix: (value, f) => ({ events: value.events.map((e) => fixEvent(e, f)) }),
  }),
};

const corpus = loadCorpus().filter((c) => (c.tier === "required" || c.tier === "api") && Object.hasOwn(DOCUMENTS, c.type_name));
const accepted = corpus.filter((c) => c.class !== "rejected");

/** What the view writes for an accepted case, in the case's form, or the WireError it throws reading it. */
function throughView(c: FixtureCase): { text: string } | { error: WireError } {
  const d = DOCUMENTS[c.type_name]!;
  try {
    const view = d.parseView(c.input);
    return { text: c.form === API_FORM ? d.serialize(d.fromView(view), API_FORM) : d.serializeView(view) };
  } catch (error) {
    if (error instanceof WireError) return { error };
    throw error;
  }
}

function show(path: readonly PathSegment[]): string {
  return JSON.stringify(path);
}

test("the view refuses exactly the documents holding an integer beyond ±(2^53-1), naming where", (t) => {
  let refused = 0;
  for (const c of accepted) {
    const unsafe = unsafeIntegers(DOCUMENTS[c.type_name]!.parse(c.input)).map(show);
    const ours = throughView(c);
    if (unsafe.length === 0) {
      assert.ok("text" in ours, `${c.id}: refused ${"error" in ours ? ours.error.message : ""}`);
      continue;
    }
    assert.ok("error" in ours, `${c.id}: read, though it holds integers beyond 2^53 at ${unsafe.join(", ")}`);
    assert.ok(unsafe.includes(show(ours.error.path)), `${c.id}: ${ours.error.message} is none of ${unsafe.join(", ")}`);
    assert.match(ours.error.detail, /^integer -?\d+ is beyond ±\(2\^53-1\)/);
    refused++;
  }
  t.diagnostic(`${accepted.length} accepted documents, ${refused} refused by the view`);
  assert.ok(refused >= 10, "the corpus has u64/i64 and Value integers beyond 2^53");
});

test("the view writes serde's bytes back, but for a Value's f64 holding a safe integer, written as that integer", (t) => {
  let exact = 0;
  let differ = 0;
  for (const c of accepted) {
    const d = DOCUMENTS[c.type_name]!;
    const ours = throughView(c);
    if (!("text" in ours)) continue;
    const documented = d.serialize(d.fix(d.parse(c.input), integralFloatsAsIntegers), c.form ?? "log");
    assert.equal(ours.text, documented, c.id);
    if (documented === c.output) exact++;
    else differ++;
  }
  t.diagnostic(`${exact} documents round-trip byte for byte; ${differ} differ only by a Value's integral f64 (1.0 -> 1)`);
  assert.ok(exact > 1000 && differ >= 10);
});

test("where the bytes differ, only number tokens do: serde's `N.0` is written `N` (never -0.0)", () => {
  const numberToken = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|./g;
  for (const c of accepted) {
    const ours = throughView(c);
    if (!("text" in ours) || ours.text === c.output) continue;
    const theirs = c.output!.match(numberToken)!;
    const mine = ours.text.match(numberToken)!;
    assert.equal(mine.length, theirs.length, c.id);
    theirs.forEach((token, i) => {
      if (mine[i] === token) return;
      assert.match(token, /^-?\d+\.0$/, c.id);
      assert.notEqual(token, "-0.0", c.id);
      assert.equal(mine[i], token.slice(0, -2), c.id);
    });
  }
});

test("serde's rejections stay the view's, with serde's message", () => {
  for (const c of corpus.filter((c) => c.class === "rejected")) {
    const d = DOCUMENTS[c.type_name]!;
    const exact = (() => {
      try {
        d.parse(c.input);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    assert.ok(exact instanceof WireError, c.id);
    assert.throws(() => d.parseView(c.input), (e: unknown) => e instanceof WireError && e.message === exact.message, c.id);
  }
});

const LINE =
  `{"id":"${UUID}","execution_id":"${UUID}","sequence":7,` +
  '"kind":{"type":"node_completed","node_id":"n","output":{"b":[1,2.5,-0.0,0.0,1e300],"a":1.0},"state_patch":{},"duration_ms":5,"cost_usd":1.0},' +
  '"created_at":"2026-01-02T03:04:05.123456789+00:00"}';

test("the view is plain data: numbers, serde's timestamp text, plain objects; JSON.stringify works", () => {
  const event = parseEventView(LINE);
  assert.equal(event.sequence, 7);
  assert.equal(event.created_at, "2026-01-02T03:04:05.123456789Z"); // serde's text, not the input's
  assert.equal(new Date(event.created_at).toISOString(), "2026-01-02T03:04:05.123Z");
  assert.equal(Object.getPrototypeOf(event), Object.prototype);
  const kind = event.kind as NodeCompletedEvent;
  assert.deepEqual(kind.output, { b: [1, 2.5, -0, 0, 1e300], a: 1 });
  assert.equal(kind.duration_ms, 5);
  assert.equal(kind.cost_usd, 1);
  assert.equal((event.kind as Record<string, unknown>)["node_id"], "n");
  assert.doesNotThrow(() => JSON.stringify(event));
  assert.deepEqual(toEventView(parseEvent(LINE)), event);
});

test("written back: a Value's 1.0 and 0.0 as 1 and 0; -0.0, 1e300, an f64 field's 1.0 and the rest as serde", () => {
  assert.equal(
    serializeEventView(parseEventView(LINE)),
    `{"id":"${UUID}","execution_id":"${UUID}","sequence":7,` +
      '"kind":{"type":"node_completed","node_id":"n","output":{"a":1,"b":[1,2.5,-0.0,0,1e+300]},"state_patch":{},"duration_ms":5,"cost_usd":1.0},' +
      '"created_at":"2026-01-02T03:04:05.123456789Z"}',
  );
  // an f64 beyond 2^53 is no safe integer: written as the f64 it was
  const big = parseEventKindView('{"type":"workflow_completed","final_state":9007199254740992.0}');
  assert.equal(serializeEventKindView(big), '{"type":"workflow_completed","final_state":9007199254740992.0}');
});

test("integers: a number up to ±(2^53-1) either way; beyond, a WireError at the field (never a rounding)", () => {
  const at = (sequence: string) => LINE.replace('"sequence":7', `"sequence":${sequence}`);
  assert.equal(parseEventView(at("9007199254740991")).sequence, 2 ** 53 - 1);
  assert.equal(parseEventView(at("-9007199254740991")).sequence, -(2 ** 53 - 1));
  for (const n of ["9007199254740992", "-9007199254740992", "9223372036854775807"]) {
    assert.throws(() => parseEventView(at(n)), (e: unknown) => e instanceof WireError && e.message.startsWith(`sequence: integer ${n} is beyond`));
  }
  const value = LINE.replace("[1,2.5", "[1,18446744073709551615");
  assert.throws(() => parseEventView(value), (e: unknown) => e instanceof WireError && e.message.startsWith("kind.output.b[1]: integer 18446744073709551615"));
  const list = `{"events":[${LINE},${at("9007199254740993")}]}`;
  assert.throws(() => parseEventsResponseView(list), (e: unknown) => e instanceof WireError && e.message.startsWith("events[1].sequence: integer 9007199254740993"));
  assert.equal(parseEventsResponseView(`{"events":[${LINE}]}`).events[0]!.sequence, 7);
});

test("serializing a view refuses, at the field, what the exact types cannot hold", () => {
  const event = parseEventView(LINE);
  const refuses = (view: unknown, message: string) =>
    assert.throws(() => serializeEventView(view as EventView), (e: unknown) => e instanceof WireError && e.message === message);
  refuses({ ...event, sequence: 1.5 }, "sequence: expected an integer, got 1.5");
  refuses({ ...event, sequence: 2 ** 53 }, "sequence: integer 9007199254740992 is beyond ±(2^53-1), where a JavaScript number would round it: the view refuses it (the exact parse* functions keep it, as a bigint)");
  refuses({ ...event, sequence: 7n }, "sequence: expected an integer as a number, got bigint 7");
  refuses({ ...event, created_at: "yesterday" }, "created_at: input contains invalid characters");
  refuses({ ...event, kind: { ...event.kind, output: undefined } }, "kind.output: cannot represent a undefined as JSON");
  refuses({ ...event, kind: { ...event.kind, type: "agent_turn" } }, 'kind: not a variant of EventKind: type "agent_turn"');
  refuses(null, "expected Event (an object), got null");
});

test("created_at: any text chrono reads is written as serde writes it, a Date's toISOString() too", () => {
  const event = parseEventView(LINE);
  const at = new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 120));
  const text = serializeEventView({ ...event, created_at: at.toISOString() });
  assert.match(text, /"created_at":"2026-01-02T03:04:05.120Z"}$/);
  assert.equal(parseEventView(text).created_at, "2026-01-02T03:04:05.120Z");
});

test("new Date(created_at) reads serde's text to the millisecond in years 0000..9999; a leap second is an Invalid Date, never another instant", () => {
  const times = new Set(
    accepted
      .filter((c) => c.type_name === "Event")
      .flatMap((c) => {
        try {
          return [parseEvent(c.input).created_at];
        } catch {
          return [];
        }
      }),
  );
  let compared = 0;
  let signed = 0; // years chrono writes with a sign that Date does not read (`+10000`)
  for (const t of times) {
    const ms = new Date(t.toString()).getTime();
    if (t.isLeapSecond) assert.ok(Number.isNaN(ms), `${t.toString()}: Date reads it`);
    else if (t.year >= 0 && t.year <= 9999) assert.equal(ms, t.toDate().getTime(), t.toString());
    else if (!Number.isNaN(ms)) assert.equal(ms, t.toDate().getTime(), t.toString()); // never another instant
    else signed++;
    compared++;
  }
  assert.ok(compared >= 10 && signed >= 1);
  assert.ok(Number.isNaN(new Date(parseEventView(LINE.replace("2026-01-02T03:04:05.123456789+00:00", "2016-12-31T23:59:60.5Z")).created_at).getTime()));
});

test("sorting by sequence and casting a kind to Record<string, unknown> work on the view", () => {
  const events = [9, 3, 5].map((n) => parseEventView(LINE.replace('"sequence":7', `"sequence":${n}`)));
  assert.deepEqual(events.sort((a, b) => a.sequence - b.sequence).map((e) => e.sequence), [3, 5, 9]);
  const k = events[0]!.kind as Record<string, unknown>;
  assert.equal(typeof k["duration_ms"], "number"); // a bigint in the exact types: `typeof === "number"` checks fail there
  const exact: EventKind = parseEvent(LINE).kind;
  assert.equal(typeof (exact as unknown as Record<string, unknown>)["duration_ms"], "bigint");
});

test("a Value's keys: __proto__ is an own key, a repeated key keeps its last value, as serde_json::Value", () => {
  const view = parseEventKindView('{"type":"workflow_completed","final_state":{"__proto__":1,"a":1,"a":{"b":2}}}');
  assert.equal(view.type, "workflow_completed");
  const state = (view as { final_state: Record<string, unknown> }).final_state;
  assert.deepEqual(Object.keys(state), ["__proto__", "a"]);
  assert.deepEqual(state["a"], { b: 2 });
  assert.equal(serializeEventKindView(view), '{"type":"workflow_completed","final_state":{"__proto__":1,"a":{"b":2}}}');
});

test("an event built as plain data serializes like the exact one", () => {
  const built: EventView = {
    id: UUID,
    execution_id: UUID,
    sequence: 1,
    kind: { type: "workflow_started", workflow_id: "wf", workflow_version: "1", initial_input: { query: "hi", n: 2 } },
    created_at: "2026-01-02T03:04:05Z",
  };
  const text = serializeEventView(built);
  assert.equal(text, serializeEvent(fromEventView(built)));
  assert.deepEqual(parseEventView(text), built);
});
