// What @jamjet/schema answers to one request of the testee protocol
// (conformance/protocol.md): parse `input` as `type_name`, write it back in the form
// asked for. The same module runs in the page (bundled by esbuild) and in Node
// (imported as built), so any difference between the two is the platform's.

import {
  WireError,
  nodeIdOf,
  parseEvent,
  parseEventKind,
  parseEvents,
  parseEventsResponse,
  parseProvenanceMetadata,
  serializeEvent,
  serializeEventApi,
  serializeEventKind,
  serializeEventKindApi,
  serializeEvents,
  serializeEventsApi,
  serializeEventsResponse,
  serializeEventsResponseApi,
  serializeProvenanceMetadata,
  serializeProvenanceMetadataApi,
} from "@jamjet/schema";
import { writeJsonString } from "@jamjet/schema/runtime";

export interface Request {
  type_name: string;
  input: string;
  /** Absent is the log form (protocol.md). */
  form?: "log" | "api";
}

/**
 * An accepted document's bytes, serde's refusal (a WireError's message), or
 * anything else thrown (a bug, never a verdict), by its name and message.
 */
export type Answer =
  | { verdict: "output"; text: string }
  | { verdict: "error"; text: string }
  | { verdict: "crash"; text: string };

function document<T>(parse: (text: string) => T, log: (value: T) => string, api: (value: T) => string) {
  return (input: string, form: Request["form"]): string => (form === "api" ? api : log)(parse(input));
}

const HANDLERS: Record<string, (input: string, form: Request["form"]) => string> = {
  Event: document(parseEvent, serializeEvent, serializeEventApi),
  EventKind: document(parseEventKind, serializeEventKind, serializeEventKindApi),
  ProvenanceMetadata: document(parseProvenanceMetadata, serializeProvenanceMetadata, serializeProvenanceMetadataApi),
  Events: document(parseEvents, serializeEvents, serializeEventsApi),
  EventsResponse: document(parseEventsResponse, serializeEventsResponse, serializeEventsResponseApi),
  // a string or null, the same in either form
  "EventKind.node_id": (input) => {
    const id = nodeIdOf(parseEventKind(input));
    return id === null ? "null" : writeJsonString(id);
  },
};

export function answer(request: Request): Answer {
  const handler = Object.hasOwn(HANDLERS, request.type_name) ? HANDLERS[request.type_name] : undefined;
  // an unknown type name is the test's mistake: say so rather than skip the case
  if (handler === undefined) return { verdict: "crash", text: `no handler for type ${request.type_name}` };
  try {
    return { verdict: "output", text: handler(request.input, request.form) };
  } catch (error) {
    if (error instanceof WireError) return { verdict: "error", text: error.message };
    return { verdict: "crash", text: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

export function answerAll(requests: readonly Request[]): Answer[] {
  return requests.map(answer);
}
