// An agent tool node: its mode, its agent, its turns in order. The four errors
// marked below are the app's real drift from what the runtime writes.

import type { AgentToolInvokedEvent, AgentToolTurnEvent, AgentTurnEvent, Event } from "./api/types"; // error: TS2724

type Mode = "sync" | "streaming" | "conversational";

export function detectMode(events: Event[]): Mode {
  if (events.some((e) => e.kind.type === "agent_turn")) return "conversational"; // error: TS2367
  if (events.some((e) => e.kind.type === "agent_tool_progress")) return "streaming";
  return "sync";
}

export function agentUri(events: Event[]): string | null {
  const invoked = events.find((e) => e.kind.type === "agent_tool_invoked");
  return invoked ? (invoked.kind as AgentToolInvokedEvent).tool : null; // error: TS2339
}

export function turns(events: Event[]): string[] {
  return events
    .filter((e) => e.kind.type === "agent_tool_turn")
    .sort((a, b) => a.sequence - b.sequence)
    .map((e) => {
      const turn = e.kind as AgentToolTurnEvent;
      return `${turn.turn_number % 2 === 1 ? "outbound" : "inbound"}: ${turn.content_summary} (${new Date(e.created_at).toLocaleTimeString()})`;
    });
}

export function lastTurn(events: Event[]): AgentTurnEvent | undefined {
  return events.map((e) => e.kind).find((k): k is AgentTurnEvent => k.type === "agent_tool_turn");
}
