// duration_ms is required (a u64 with no default).
import { Timestamp, toJsonNode, type Event, type EventKind, type NodeCompleted, type NodeStarted, type ProvenanceMetadata } from "../../../../generated/typescript/dist/index.js";
export const k: NodeCompleted = { type: "node_completed", node_id: "n", output: null, state_patch: null }; // error: TS2741
