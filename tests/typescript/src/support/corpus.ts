// The golden corpus (conformance/fixtures, format conformance/fixture.schema.json)
// and the TypeScript implementation's answer to one of its requests.

import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
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
} from "../schema.js";
import { API_FORM, EVENTS_ARRAY, EVENTS_ENVELOPE, LOG_FORM, PROTOCOL_TYPES, writeJsonString, type Form } from "../wire.js";
import { repoRoot } from "./probe.js";

/** The corpus's tiers (conformance/fixture.schema.json); `api` holds the HTTP API's shapes and form. */
export type Tier = "required" | "api" | "implementation-defined" | "evolution";

export interface FixtureCase {
  id: string;
  description: string;
  rule: string;
  type_name: (typeof PROTOCOL_TYPES)[number];
  class: "canonical" | "accepted" | "rejected";
  input: string;
  output?: string;
  serde_error?: string;
  /** How the output is written: absent is the log form (protocol.md). */
  form?: Form;
  covers?: { variant?: string; field?: string };
  tier: Tier;
  file: string;
}

/** The fixture files: the .json files in the tier folders (the corpus's own root holds its manifest and other tables). */
function jsonFiles(dir: string, top = true): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return jsonFiles(path, false);
    return !top && entry.name.endsWith(".json") ? [path] : [];
  });
}

/** Every case of the corpus, with its file's tier (not eras/: an older serde_json's bytes). */
export function loadCorpus(): FixtureCase[] {
  const root = join(repoRoot(), "conformance", "fixtures");
  return jsonFiles(root).filter((path) => !relative(root, path).startsWith("eras")).flatMap((path) => {
    const file = JSON.parse(readFileSync(path, "utf8")) as { tier: Tier; cases: Omit<FixtureCase, "tier" | "file">[] };
    return file.cases.map((c) => ({ ...c, tier: file.tier, file: relative(root, path) }));
  });
}

/** The variants of EventKind by wire name, from the corpus manifest (the schema's own list). */
export function manifestVariants(): string[] {
  const manifest = JSON.parse(readFileSync(join(repoRoot(), "conformance", "fixtures", "manifest.json"), "utf8")) as {
    types: { EventKind: { variants: Record<string, string[]> } };
  };
  return Object.keys(manifest.types.EventKind.variants);
}

/** What the implementation says to one protocol request, in-process. */
export type Ours = { kind: "output"; text: string } | { kind: "error"; text: string; error: unknown };

/** A document type's answer: parse, then write back in the form asked for. */
function document<T>(parse: (text: string) => T, log: (value: T) => string, api: (value: T) => string) {
  return (input: string, form: Form): string => (form === API_FORM ? api : log)(parse(input));
}

const HANDLERS: Record<string, (input: string, form: Form) => string> = {
  Event: document(parseEvent, serializeEvent, serializeEventApi),
  EventKind: document(parseEventKind, serializeEventKind, serializeEventKindApi),
  ProvenanceMetadata: document(parseProvenanceMetadata, serializeProvenanceMetadata, serializeProvenanceMetadataApi),
  [EVENTS_ARRAY]: document(parseEvents, serializeEvents, serializeEventsApi),
  [EVENTS_ENVELOPE]: document(parseEventsResponse, serializeEventsResponse, serializeEventsResponseApi),
  // a string or null: the same text in either form
  "EventKind.node_id": (input) => {
    const id = nodeIdOf(parseEventKind(input));
    return id === null ? "null" : writeJsonString(id);
  },
};

/** Whether the implementation answers requests for `typeName`. */
export function implemented(typeName: string): boolean {
  return Object.hasOwn(HANDLERS, typeName);
}

/** The answer to (type_name, input, form); throws (a plain Error) for a type_name it does not know. */
export function answer(typeName: string, input: string, form: Form = LOG_FORM): Ours {
  const handler = implemented(typeName) ? HANDLERS[typeName] : undefined;
  if (handler === undefined) throw new Error(`no handler for ${typeName}`);
  try {
    return { kind: "output", text: handler(input, form) };
  } catch (error) {
    return { kind: "error", text: error instanceof Error ? error.message : String(error), error };
  }
}

/** Why `ours` is not the fixture's answer, or undefined when it is (verdict, and bytes when accepted). */
export function mismatch(c: FixtureCase, ours: Ours): string | undefined {
  if (ours.kind === "error" && !(ours.error instanceof WireError)) return `crashed: ${String(ours.error)}`;
  if (c.class === "rejected") return ours.kind === "error" ? undefined : `accepted what serde rejects (${c.serde_error})`;
  if (ours.kind === "error") return `rejected: ${ours.text}`;
  return ours.text === c.output ? undefined : `wrote ${ours.text}\n   serde: ${c.output}`;
}

/** Fixture ids listed in conformance/known-failures/typescript.txt (none today: the file need not exist). */
export function knownFailures(): Set<string> {
  let text = "";
  try {
    text = readFileSync(join(repoRoot(), "conformance", "known-failures", "typescript.txt"), "utf8");
  } catch {
    return new Set();
  }
  return new Set(text.split("\n").map((line) => line.replace(/#.*/, "").trim()).filter((id) => id !== ""));
}
