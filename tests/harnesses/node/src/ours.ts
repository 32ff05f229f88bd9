// The good subject: @jamjet/schema itself, each protocol type name to its parse and
// serialize functions (as tests/typescript/src/support/corpus.ts maps them). The
// broken and era subjects rewrite its answers.

import * as schema from "@jamjet/schema";
import type { Form, Subject } from "@jamjet/schema-conformance";

type Answer = (input: string, form: Form) => string;

function roundTrip<T>(parse: (text: string) => T, log: (value: T) => string, api: (value: T) => string): Answer {
  return (input, form) => (form === "api" ? api : log)(parse(input));
}

const TYPES: Record<string, Answer> = {
  Event: roundTrip(schema.parseEvent, schema.serializeEvent, schema.serializeEventApi),
  EventKind: roundTrip(schema.parseEventKind, schema.serializeEventKind, schema.serializeEventKindApi),
  ProvenanceMetadata: roundTrip(schema.parseProvenanceMetadata, schema.serializeProvenanceMetadata, schema.serializeProvenanceMetadataApi),
  Events: roundTrip(schema.parseEvents, schema.serializeEvents, schema.serializeEventsApi),
  EventsResponse: roundTrip(schema.parseEventsResponse, schema.serializeEventsResponse, schema.serializeEventsResponseApi),
};

export const ours: Subject = {
  answer(typeName: string, input: string, form: Form): string {
    const answer = TYPES[typeName];
    if (answer === undefined) throw new Error(`no type ${typeName}`);
    return answer(input, form);
  },
  supports: (typeName: string) => Object.hasOwn(TYPES, typeName),
};
