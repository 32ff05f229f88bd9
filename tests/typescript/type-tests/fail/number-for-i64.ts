// EventSequence (i64) is a bigint.
import { Timestamp, toJsonNode, type Event, type EventKind, type NodeCompleted, type NodeStarted, type ProvenanceMetadata } from "../../../../generated/typescript/dist/index.js";
export function make(kind: EventKind): Event {
  return { id: "x", execution_id: "x", sequence: 1, kind, created_at: Timestamp.now() }; // error: TS2322
}
