// Not every variant has node_id: narrow first (or use nodeIdOf).
import { Timestamp, toJsonNode, type Event, type EventKind, type NodeCompleted, type NodeStarted, type ProvenanceMetadata } from "../../../../generated/typescript/dist/index.js";
export function id(kind: EventKind): string {
  return kind.node_id; // error: TS2339
}
