// DateTime<Utc> is a Timestamp, not a string.
import { Timestamp, toJsonNode, type Event, type EventKind, type NodeCompleted, type NodeStarted, type ProvenanceMetadata } from "../../../../generated/typescript/dist/index.js";
export const k: EventKind = { type: "timer_created", node_id: "n", fire_at: "2020-01-01T00:00:00Z", correlation_key: null }; // error: TS2322
