// nodeIdOf() against the Rust testee's `EventKind.node_id` (the seed's
// EventKind::node_id()) for every variant: the corpus's minimal document of each.

import { test } from "node:test";
import assert from "node:assert/strict";
import { EVENT_KIND_TAGS, nodeIdOf, parseEventKind } from "./schema.js";
import { loadCorpus } from "./support/corpus.js";
import { Probe } from "./support/probe.js";

test("nodeIdOf agrees with EventKind::node_id() on all variants", async (t) => {
  const minimal = loadCorpus().filter((c) => c.type_name === "EventKind" && /^required\.EventKind\.[a-z_]+\.minimal$/.test(c.id));
  assert.deepEqual(minimal.map((c) => c.covers?.variant).sort(), [...EVENT_KIND_TAGS].sort(), "one minimal document per variant");
  const requests = minimal.map((c) => ({ type_name: "EventKind.node_id", input: c.input }));
  const rust = await new Probe("jamjet-testee-rust").batch(requests);
  const testee = await Probe.registered("typescript").batch(requests);
  minimal.forEach((c, i) => {
    const id = nodeIdOf(parseEventKind(c.input));
    const ours = id === null ? "null" : JSON.stringify(id);
    assert.deepEqual(rust[i], { kind: "output", text: ours }, c.covers?.variant);
    assert.deepEqual(testee[i], { kind: "output", text: ours }, c.covers?.variant);
  });
  const none = minimal.filter((c) => nodeIdOf(parseEventKind(c.input)) === null).map((c) => c.covers?.variant);
  t.diagnostic(`${minimal.length} variants; node_id() is None for: ${none.join(", ")}`);
  // The seed's accessor ignores these two variants' node_id fields: the model says so, and so must we.
  assert.ok(none.includes("tool_called") && none.includes("critic_verdict"));
});
