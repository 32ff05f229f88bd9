// The view for UI code: numbers, strings and plain data where UI code expects them.
import {
  parseEventsResponseView,
  serializeEventView,
  type EventKindView,
  type EventView,
  type NodeCompletedEvent,
  type PlainJson,
} from "../../../../generated/typescript/dist/index.js";

export function timeline(body: string): string[] {
  const { events } = parseEventsResponseView(body);
  return [...events]
    .sort((a, b) => a.sequence - b.sequence) // numbers
    .map((e) => `${new Date(e.created_at).toISOString()} ${summary(e.kind)}`); // a string Date reads
}

function summary(kind: EventKindView): string {
  switch (kind.type) {
    case "node_completed":
      return `${kind.node_id} in ${kind.duration_ms.toFixed(0)} ms, ${(kind.input_tokens ?? 0) + 1} tokens`;
    case "agent_tool_turn":
      return `turn ${kind.turn_number}`;
    default:
      return kind.type;
  }
}

export function loose(kind: EventKindView): unknown {
  const k = kind as Record<string, unknown>; // a type literal converts, unlike an interface
  return typeof k["node_id"] === "string" ? k["node_id"] : null;
}

export function output(kind: NodeCompletedEvent): PlainJson {
  return kind.output;
}

export const built: EventView = {
  id: "67e55044-10b1-426f-9247-bb680e5fe0c8",
  execution_id: "67e55044-10b1-426f-9247-bb680e5fe0c8",
  sequence: 1,
  kind: { type: "workflow_started", workflow_id: "wf", workflow_version: "1", initial_input: { query: "hi", n: [1, 2.5, null] } },
  created_at: new Date().toISOString(),
};
export const text: string = serializeEventView(built);
