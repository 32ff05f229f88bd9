// A node's detail: its input and output, timing and cost, read from its events.

import type { Event, NodeCompletedEvent, NodeFailedEvent, PlainJson } from "./api/types";

interface Timing {
  startedAt?: string;
  completedAt?: string;
  durationMs?: number;
  costUsd?: number;
}

function extractDuration(event: Event): number | undefined {
  const k = event.kind as Record<string, unknown>;
  return typeof k["duration_ms"] === "number" ? k["duration_ms"] : undefined;
}

export function timing(events: Event[], nodeId: string): Timing {
  const mine = events.filter((e) => "node_id" in e.kind && (e.kind as { node_id?: string }).node_id === nodeId);
  const started = mine.find((e) => e.kind.type === "node_started");
  const completed = mine.find((e) => e.kind.type === "node_completed");
  const out: Timing = {};
  if (started) out.startedAt = started.created_at;
  if (completed) {
    out.completedAt = completed.created_at;
    out.durationMs = extractDuration(completed);
    out.costUsd = (completed.kind as NodeCompletedEvent).cost_usd;
  }
  return out;
}

export function elapsedMs(t: Timing): number | undefined {
  if (t.durationMs !== undefined) return t.durationMs;
  return t.startedAt && t.completedAt ? new Date(t.completedAt).getTime() - new Date(t.startedAt).getTime() : undefined;
}

export function output(events: Event[], nodeId: string): PlainJson | undefined {
  const done = events.find((e) => e.kind.type === "node_completed" && e.kind.node_id === nodeId);
  return done ? (done.kind as NodeCompletedEvent).output : undefined;
}

export function failure(event: Event): string {
  return (event.kind as NodeFailedEvent).error;
}
