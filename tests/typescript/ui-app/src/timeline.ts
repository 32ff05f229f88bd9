// A timeline of events: filter by type, times relative to the first event, a
// one-line summary per event, the payload as JSON. Rendering is left out.

import type { Event, EventKind } from "./api/types";

export const ALL_EVENT_TYPES: string[] = ["workflow_started", "node_completed", "node_failed", "coordinator_decision"];

function nodeIdOf(kind: EventKind): string | null {
  const k = kind as Record<string, unknown>;
  return typeof k["node_id"] === "string" ? k["node_id"] : null;
}

export function relativeTime(baseIso: string, eventIso: string): string {
  const ms = new Date(eventIso).getTime() - new Date(baseIso).getTime();
  return Math.abs(ms) < 1000 ? `${ms}ms` : `${(ms / 1000).toFixed(1)}s`;
}

function summary(kind: EventKind): string {
  const k = kind as Record<string, unknown>;
  switch (kind.type) {
    case "node_completed":
      return `completed in ${kind.duration_ms}ms`;
    case "node_failed":
      return `failed: ${kind.error}`;
    case "coordinator_decision":
      return typeof k["method"] === "string" ? `selected ${kind.selected ?? "?"} (${k["method"]})` : "selected";
    default:
      return kind.type;
  }
}

export function rows(events: Event[], filter: string[]): string[] {
  const shown = filter.length === 0 ? events : events.filter((e) => filter.includes(e.kind.type));
  const base = events[0]?.created_at ?? new Date().toISOString();
  return shown.map(
    (e) => `${e.sequence} ${relativeTime(base, e.created_at)} ${nodeIdOf(e.kind) ?? ""} ${summary(e.kind)} ${JSON.stringify(e.kind)}`,
  );
}
