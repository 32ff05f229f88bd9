// ApprovalDecision is "approved" | "rejected".
import { Timestamp, toJsonNode, type Event, type EventKind, type NodeCompleted, type NodeStarted, type ProvenanceMetadata } from "../../../../generated/typescript/dist/index.js";
export const k: EventKind = { type: "approval_received", node_id: "n", user_id: "u", decision: "maybe", comment: null, state_patch: null }; // error: TS2322
