// The package's API as a user meets it: the shapes parse* returns, what
// serialize* writes from hand-built values, newEvent, the guards, errors.

import { test } from "node:test";
import assert from "node:assert/strict";
import { manifestVariants } from "./support/corpus.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  EVENT_KIND_TAGS,
  SCHEMA_VERSION,
  Timestamp,
  WireError,
  isNodeCompleted,
  isToolCalled,
  newEvent,
  nodeIdOf,
  parseEvent,
  parseEventKind,
  parseProvenanceMetadata,
  serializeEvent,
  serializeEventKind,
  serializeProvenanceMetadata,
  toJsonNode,
  type EventKind,
  type NodeCompleted,
  type ProvenanceMetadata,
} from "./schema.js";
import { Probe, repoRoot, stripPosition } from "./support/probe.js";

const UUID = "67e55044-10b1-426f-9247-bb680e5fe0c8";
const U64_MAX = 18446744073709551615n;

function nodeCompleted(extra: string = ""): string {
  return `{"type":"node_completed","node_id":"n","output":null,"state_patch":{},"duration_ms":${U64_MAX}${extra}}`;
}

test("u64 and i64 are bigint end to end: never rounded beyond 2^53", () => {
  const kind = parseEventKind(nodeCompleted(',"input_tokens":9007199254740993'));
  assert.ok(isNodeCompleted(kind));
  assert.equal(kind.duration_ms, U64_MAX);
  assert.equal(kind.input_tokens, 9007199254740993n);
  assert.match(serializeEventKind(kind), /"duration_ms":18446744073709551615,.*"input_tokens":9007199254740993/);
  const event = parseEvent(`{"id":"${UUID}","execution_id":"${UUID}","sequence":-9223372036854775808,"kind":${nodeCompleted()},"created_at":"2020-01-01T00:00:00Z"}`);
  assert.equal(event.sequence, -(2n ** 63n));
  // a number that is not a safe integer may already be rounded: refused, pass a bigint
  assert.throws(() => serializeEventKind({ ...kind, duration_ms: 2 ** 60 as unknown as bigint }), WireError);
});

test("parsed values come back in the canonical shape", () => {
  const pm = parseProvenanceMetadata('{"verified":false,"evidence_refs":[],"x":1e999}');
  assert.deepEqual(pm, { model_id: null, model_version: null, confidence: null, verified: false, source: null, trust_domain: null });
  assert.ok(!("evidence_refs" in pm), "empty evidence_refs is absent, as serde leaves it out");
  const kind = parseEventKind(nodeCompleted(',"cost_usd":null,"provenance":null'));
  assert.ok(!("cost_usd" in kind) && !("provenance" in kind), "None of a skipped field is absent");
  const withProvenance = parseEventKind(nodeCompleted(',"provenance":[null,null,0.5,true,null,null]'));
  assert.ok(isNodeCompleted(withProvenance));
  assert.equal(withProvenance.provenance?.confidence, 0.5);
});

test("serialize* skips what serde skips, writes None as null otherwise", () => {
  const pm: ProvenanceMetadata = { model_id: null, model_version: "v", confidence: 1, verified: true, source: null, trust_domain: null, evidence_refs: [] };
  assert.equal(serializeProvenanceMetadata(pm), '{"model_id":null,"model_version":"v","confidence":1.0,"verified":true,"source":null,"trust_domain":null}');
  const kind: NodeCompleted = { type: "node_completed", node_id: "n", output: null, state_patch: toJsonNode({ b: [1, 2.5], a: "x" }), duration_ms: 3n };
  assert.equal(serializeEventKind(kind), '{"type":"node_completed","node_id":"n","output":null,"state_patch":{"a":"x","b":[1,2.5]},"duration_ms":3}');
  assert.equal(serializeEventKind({ ...kind, cost_usd: 0.1, provenance: pm }), serializeEventKind(parseEventKind(serializeEventKind({ ...kind, cost_usd: 0.1, provenance: pm }))));
});

test("values built by plain JavaScript are checked, not silently written", () => {
  const cases: Array<[string, unknown]> = [
    ["bigint for f64", { type: "cost_budget_exceeded", node_id: "n", limit_usd: 1n, current_usd: 1 }],
    ["plain object for a Value", { type: "workflow_completed", final_state: { a: 1 } }],
    ["unknown tag", { type: "node_exploded", node_id: "n" }],
    ["unknown unit variant", { type: "approval_received", node_id: "n", user_id: "u", decision: "maybe", comment: null, state_patch: null }],
    ["string for a timestamp", { type: "timer_created", node_id: "n", fire_at: "2020-01-01T00:00:00Z", correlation_key: null }],
    ["missing field", { type: "node_failed", node_id: "n", error: "e", attempt: 1 }],
    ["null for the value", null],
  ];
  for (const [what, value] of cases) assert.throws(() => serializeEventKind(value as EventKind), WireError, what);
});

test("errors are WireErrors that say where", () => {
  const bad = `{"id":"${UUID}","execution_id":"${UUID}","sequence":1,"kind":{"type":"node_started","node_id":"n","worker_id":"w","attempt":-1},"created_at":"2020-01-01T00:00:00Z"}`;
  assert.throws(() => parseEvent(bad), (e: unknown) => e instanceof WireError && e.path.join(".") === "kind.attempt" && /expected u32/.test(e.detail));
  assert.throws(() => parseEventKind('{"type":"node_complete"}'), /unknown variant `node_complete`/);
  assert.throws(() => parseEventKind('{"type":"node_cancelled","node_id":"a","type":"node_cancelled"}'), /duplicate field `type`/);
});

test("newEvent fills id and created_at like Event::new", () => {
  const before = Date.now();
  const kind: EventKind = { type: "workflow_failed", error: "boom" };
  const a = newEvent(UUID, 7n, kind);
  const b = newEvent(UUID, 8n, kind);
  assert.match(a.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.notEqual(a.id, b.id);
  assert.ok(a.created_at instanceof Timestamp && Math.abs(a.created_at.toDate().getTime() - before) < 5000);
  assert.deepEqual(parseEvent(serializeEvent(a)), a);
});

test("uuids and timestamps are normalised the way serde writes them", () => {
  const event = parseEvent(`{"id":"${UUID.toUpperCase()}","execution_id":"{${UUID}}","sequence":1,"kind":{"type":"workflow_failed","error":"e"},"created_at":"2020-01-01 01:30:00.5+01:30"}`);
  assert.equal(event.id, UUID);
  assert.equal(event.execution_id, UUID);
  assert.equal(event.created_at.toString(), "2020-01-01T00:00:00.500Z");
});

test("guards, tags and nodeIdOf", () => {
  assert.deepEqual([...EVENT_KIND_TAGS], manifestVariants());
  const called = parseEventKind('{"type":"tool_called","node_id":"n","tool":"t"}');
  assert.ok(isToolCalled(called) && !isNodeCompleted(called));
  assert.equal(nodeIdOf(called), null, "EventKind::node_id() ignores ToolCalled's node_id");
  assert.equal(nodeIdOf(parseEventKind(nodeCompleted())), "n");
});

test("the package: version, zero runtime dependencies", () => {
  const pkg = JSON.parse(readFileSync(join(repoRoot(), "generated", "typescript", "package.json"), "utf8")) as Record<string, unknown>;
  assert.equal(pkg.name, "@jamjet/schema");
  assert.equal(pkg.version, SCHEMA_VERSION);
  assert.equal(pkg.dependencies, undefined);
});

test("the variant's tag is not in the path: a missing, unknown or non-string tag is reported at `kind`", async () => {
  const event = (kind: string): string =>
    `{"id":"${UUID}","execution_id":"${UUID}","sequence":1,"kind":${kind},"created_at":"2020-01-01T00:00:00Z"}`;
  const kinds = ['{"type":"nope"}', '{"type":1}', '{"node_id":"n"}', '{"type":"a","type":"b"}', '["nope"]', "[]", "[7]"];
  const theirs = await new Probe("jamjet-testee-rust").batch(kinds.map((k) => ({ type_name: "Event", input: event(k) })));
  kinds.forEach((kind, i) => {
    const rust = theirs[i]!;
    assert.equal(rust.kind, "error", kind);
    assert.throws(
      () => parseEvent(event(kind)),
      (e: unknown) => e instanceof WireError && e.detail === stripPosition(rust.text) && e.message === `kind: ${e.detail}`,
      kind,
    );
  });
});
