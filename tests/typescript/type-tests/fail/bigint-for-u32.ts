// u32 is a number.
import { Timestamp, toJsonNode, type Event, type EventKind, type NodeCompleted, type NodeStarted, type ProvenanceMetadata } from "../../../../generated/typescript/dist/index.js";
export const k: NodeStarted = { type: "node_started", node_id: "n", worker_id: "w", attempt: 1n }; // error: TS2322
