// serde_json::Value is a JsonNode: build objects with toJsonNode.
import { Timestamp, toJsonNode, type Event, type EventKind, type NodeCompleted, type NodeStarted, type ProvenanceMetadata } from "../../../../generated/typescript/dist/index.js";
export const k: EventKind = { type: "workflow_completed", final_state: { a: 1 } }; // error: TS2353
export const ok: EventKind = { type: "workflow_completed", final_state: toJsonNode({ a: 1 }) };
