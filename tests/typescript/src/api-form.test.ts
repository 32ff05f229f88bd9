// The events as the runtime's HTTP API serves them (protocol.md): the bare array
// (`Events`) and the envelope (`EventsResponse`), read with serde's verdict and
// written in both forms. Every expectation is the Rust judge's answer
// (target/release/jamjet-testee-rust); what is built here is only the inputs, and
// where an element's error must be located (the index the test broke).

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  WireError,
  parseEvent,
  parseEvents,
  parseEventsResponse,
  serializeEvent,
  serializeEventApi,
  serializeEvents,
  serializeEventsApi,
  serializeEventsResponse,
  serializeEventsResponseApi,
} from "./schema.js";
import { answer } from "./support/corpus.js";
import { Probe, repoRoot, stripPosition, type ProbeAnswer, type ProbeRequest } from "./support/probe.js";
import { API_FORM, ENVELOPE_MEMBER, EVENTS_ARRAY, EVENTS_ENVELOPE, FORMS, LOG_FORM, writeMembers, type Form } from "./wire.js";

const judge = new Probe("jamjet-testee-rust");

/** The example log's events: every line a valid Event, of varied kinds. */
const EVENTS = readFileSync(join(repoRoot(), "examples", "events.jsonl"), "utf8").split("\n").filter((l) => l !== "");
const EVENT = EVENTS[0]!;

/** An event whose kind is node_started with `attempt` (a u32) set to `value`'s text. */
function nodeStarted(attempt: string): string {
  const uuid = "67e55044-10b1-426f-9247-bb680e5fe0c8";
  const kind = `{"type":"node_started","node_id":"n","worker_id":"w","attempt":${attempt}}`;
  return `{"id":"${uuid}","execution_id":"${uuid}","sequence":1,"kind":${kind},"created_at":"2026-01-02T03:04:05.123456789Z"}`;
}

/** An event of kind node_completed carrying `output` (a serde_json::Value) and u64::MAX as duration_ms. */
function nodeCompleted(output: string): string {
  const uuid = "67e55044-10b1-426f-9247-bb680e5fe0c8";
  const kind = `{"type":"node_completed","node_id":"n","output":${output},"state_patch":null,"duration_ms":18446744073709551615,"cost_usd":0.1}`;
  return `{"kind":${kind},"sequence":9223372036854775807,"id":"${uuid}","execution_id":"${uuid}","created_at":"2026-11-22T08:36:22.000000001Z"}`;
}

const envelope = (events: readonly string[], extra = ""): string => `{"${ENVELOPE_MEMBER}":[${events.join(",")}]${extra}}`;
const array = (events: readonly string[]): string => `[${events.join(",")}]`;

/** The requests where ours (the testee's handlers, in-process) and the judge differ: verdict, or bytes when accepted. */
async function agree(requests: readonly ProbeRequest[]): Promise<string[]> {
  const theirs = await judge.batch(requests);
  const bad: string[] = [];
  requests.forEach((r, i) => {
    const rust: ProbeAnswer = theirs[i]!;
    const ours = answer(r.type_name, r.input, r.form ?? LOG_FORM);
    const crashed = ours.kind === "error" && !(ours.error instanceof WireError);
    const same = !crashed && rust.kind === ours.kind && (rust.kind === "error" || rust.text === ours.text);
    if (!same) bad.push(`${r.type_name} (${r.form}) ${r.input.slice(0, 200)}\n    rust: ${rust.kind} ${rust.text}\n    ours: ${ours.kind} ${ours.text}`);
  });
  return bad;
}

/** Every input under each list type name, in both forms. */
function everyWay(inputs: readonly string[], typeName: string): ProbeRequest[] {
  return inputs.flatMap((input) => FORMS.map((form) => ({ type_name: typeName, input, form })));
}

test("valid lists: serde's bytes in both forms, bare and in the envelope", async () => {
  const values = [
    `{"z":1,"\u00e9":2.5,"a":{"y":[1.0,1e300,-0.0,{"b":null,"a":"x"}]},"n":18446744073709551615,"m":-9223372036854775808}`,
    "[]",
    "1.5e-7",
  ].map(nodeCompleted);
  const lists = [[], [EVENT], EVENTS, values, [...EVENTS, ...values]];
  const requests = [
    ...everyWay(lists.map(array), EVENTS_ARRAY),
    ...everyWay(lists.map((l) => envelope(l)), EVENTS_ENVELOPE),
    ...everyWay([...EVENTS, ...values], "Event"),
  ];
  assert.ok((await judge.batch(requests)).every((a) => a.kind === "output"), "every list here is valid");
  assert.deepEqual(await agree(requests), []);
});

test("what serde reads an envelope from: other members ignored, the sequence form, events in any member order", async () => {
  const apiEvents = EVENTS.map((e) => serializeEventApi(parseEvent(e)));
  const inputs = [
    envelope(apiEvents), // an API response read back: every object sorted
    envelope(EVENTS, ',"next":null,"x":1e999,"s":"\\ud800"'), // skipped unchecked, as serde_json's ignore_value
    `{"total":3,${envelope(EVENTS).slice(1)}`,
    `[${array(EVENTS)}]`, // serde derive reads a struct from a sequence of its fields
    `[${array(EVENTS)},1]`,
    "[]",
    `{"${ENVELOPE_MEMBER}":[],"${ENVELOPE_MEMBER}":[]}`,
    "{}",
    `{"${ENVELOPE_MEMBER}":{}}`,
    `{"${ENVELOPE_MEMBER}":null}`,
    `{"${ENVELOPE_MEMBER}":[[${EVENT}]]}`, // an element in its own sequence form: its id meets an object
    "null",
    `{"x":[1,2}`,
  ];
  assert.deepEqual(await agree(everyWay(inputs, EVENTS_ENVELOPE)), []);
  assert.deepEqual(await agree(everyWay(["{}", "null", `[${EVENT}] x`, `[${EVENT},]`, `[[${EVENT}]]`], EVENTS_ARRAY)), []);
});

test("an invalid element anywhere rejects the list; the error names its index", async () => {
  for (const at of [0, 3, EVENTS.length]) {
    const events = [...EVENTS];
    events.splice(at, 0, nodeStarted("1.5"));
    const inputs = [array(events), envelope(events)];
    const theirs = await judge.batch([
      { type_name: EVENTS_ARRAY, input: inputs[0]! },
      { type_name: EVENTS_ENVELOPE, input: inputs[1]! },
    ]);
    const parsers = [parseEvents, parseEventsResponse];
    const paths = [`[${at}].kind.attempt`, `${ENVELOPE_MEMBER}[${at}].kind.attempt`];
    inputs.forEach((input, i) => {
      const rust = theirs[i]!;
      assert.equal(rust.kind, "error");
      assert.throws(
        () => parsers[i]!(input),
        (e: unknown) => e instanceof WireError && e.detail === stripPosition(rust.text) && e.message === `${paths[i]}: ${e.detail}`,
      );
    });
  }
});

test("syntax errors keep serde_json's line and column in the whole text", async () => {
  const inputs = [`{"${ENVELOPE_MEMBER}":[\n${EVENT},\n${EVENT.slice(0, 40)}`, `{"${ENVELOPE_MEMBER}":[]} x`, `[\n${EVENT}\n,]`, `[${EVENT}]]`];
  const theirs = await judge.batch(inputs.map((input, i) => ({ type_name: i < 2 ? EVENTS_ENVELOPE : EVENTS_ARRAY, input })));
  inputs.forEach((input, i) => {
    const parse = i < 2 ? parseEventsResponse : parseEvents;
    const rust = theirs[i]!;
    assert.equal(rust.kind, "error");
    assert.throws(() => parse(input), (e: unknown) => e instanceof WireError && e.message === rust.text);
  });
});

test("the api form sorts by code point: astral keys after U+E000..U+FFFF (JS's `<` says otherwise)", async () => {
  const keys = ["\u{1F600}", "\uE000", "\uFFFF", "z", "\u00e9", "\u{10000}", "A", ""];
  assert.ok("\u{1F600}" < "\uE000", "UTF-16 order would put the astral key first");
  const value = `{${keys.map((k, i) => `${JSON.stringify(k)}:${i}`).join(",")}}`;
  const events = [nodeCompleted(value)];
  assert.deepEqual(await agree([...everyWay([array(events)], EVENTS_ARRAY), ...everyWay([envelope(events)], EVENTS_ENVELOPE)]), []);
  // writeMembers, where structs are sorted, orders such keys as serde_json::Value does
  const [rust] = await judge.batch([{ type_name: "Event", input: nodeCompleted(value), form: API_FORM }]);
  assert.ok(rust?.kind === "output");
  const written = JSON.parse(rust.text) as { kind: { output: Record<string, unknown> } };
  const sorted = Object.keys(written.kind.output);
  const ours = writeMembers(keys.map((k, i) => [k, String(i)] as const), API_FORM);
  assert.deepEqual(Object.keys(JSON.parse(ours) as Record<string, unknown>), sorted);
});

test("written lists read back to the same values, in either form", () => {
  const events = parseEvents(array(EVENTS));
  for (const text of [serializeEvents(events), serializeEventsApi(events)]) assert.deepEqual(parseEvents(text), events);
  const response = parseEventsResponse(envelope(EVENTS));
  for (const text of [serializeEventsResponse(response), serializeEventsResponseApi(response)]) {
    assert.deepEqual(parseEventsResponse(text), response);
  }
  // the log form of one event is its log line; the api form differs only in member order
  const event = events[3]!;
  assert.equal(serializeEvent(event), EVENTS[3]);
  assert.notEqual(serializeEventApi(event), EVENTS[3]);
  assert.equal([...serializeEventApi(event)].sort().join(""), [...EVENTS[3]!].sort().join(""));
});

test("the form names are the contract's, and writing refuses what serde cannot hold", () => {
  assert.deepEqual([LOG_FORM, API_FORM], [...FORMS]);
  const forms: readonly Form[] = FORMS;
  assert.equal(forms.length, 2);
  assert.throws(() => serializeEventsApi([{} as never]), (e: unknown) => e instanceof WireError && e.path[0] === 0);
  assert.throws(() => serializeEventsResponse({ events: null as never }), (e: unknown) => e instanceof WireError && e.path[0] === ENVELOPE_MEMBER);
});
