// The tag must name a variant (TS2820: "did you mean node_completed?").
import { Timestamp, toJsonNode, type Event, type EventKind, type NodeCompleted, type NodeStarted, type ProvenanceMetadata } from "../../../../generated/typescript/dist/index.js";
export const k: EventKind = { type: "node_complete", node_id: "n" }; // error: TS2820
