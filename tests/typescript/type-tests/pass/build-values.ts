// Building values by hand: required fields, Option as null, skipped fields left out.
import {
  Timestamp,
  toJsonNode,
  type Event,
  type EventKind,
  type NodeCompleted,
  type ProvenanceMetadata,
} from "../../../../generated/typescript/dist/index.js";

const minimal: NodeCompleted = { type: "node_completed", node_id: "n", output: null, state_patch: toJsonNode({}), duration_ms: 1n };
const provenance: ProvenanceMetadata = { model_id: null, model_version: "v", confidence: 0.5, verified: false, source: null, trust_domain: null };
const full: NodeCompleted = { ...minimal, gen_ai_system: "anthropic", input_tokens: 2n ** 60n, cost_usd: 0.25, provenance: { ...provenance, evidence_refs: ["doc:1"] } };
const kinds: EventKind[] = [
  minimal,
  full,
  { type: "approval_received", node_id: "n", user_id: "u", decision: "approved", comment: null, state_patch: null },
  { type: "timer_created", node_id: "n", fire_at: Timestamp.parse("2020-01-01T00:00:00Z"), correlation_key: "c" },
  { type: "plan_generated", steps: ["a", "b"] },
  { type: "node_started", node_id: "n", worker_id: "w", attempt: 3 },
  { type: "coordinator_discovery", node_id: "n", query_skills: [], query_trust_domain: null, candidates: [toJsonNode(1)], filtered_out: [] },
];
export const event: Event = { id: "67e55044-10b1-426f-9247-bb680e5fe0c8", execution_id: "67e55044-10b1-426f-9247-bb680e5fe0c8", sequence: -1n, kind: kinds[0]!, created_at: Timestamp.now() };
