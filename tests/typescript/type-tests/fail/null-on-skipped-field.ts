// cost_usd is skipped when None: absent, never null.
import { Timestamp, toJsonNode, type Event, type EventKind, type NodeCompleted, type NodeStarted, type ProvenanceMetadata } from "../../../../generated/typescript/dist/index.js";
export const k: NodeCompleted = { type: "node_completed", node_id: "n", output: null, state_patch: null, duration_ms: 1n, cost_usd: null }; // error: TS2322
