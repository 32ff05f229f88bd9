// An Option serde always writes is a required property (T | null).
import { Timestamp, toJsonNode, type Event, type EventKind, type NodeCompleted, type NodeStarted, type ProvenanceMetadata } from "../../../../generated/typescript/dist/index.js";
export const p: ProvenanceMetadata = { model_version: null, confidence: null, verified: false, source: null, trust_domain: null }; // error: TS2741
