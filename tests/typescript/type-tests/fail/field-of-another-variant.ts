// tool belongs to tool_called, not node_cancelled.
import { Timestamp, toJsonNode, type Event, type EventKind, type NodeCompleted, type NodeStarted, type ProvenanceMetadata } from "../../../../generated/typescript/dist/index.js";
export const k: EventKind = { type: "node_cancelled", node_id: "n", tool: "t" }; // error: TS2353
