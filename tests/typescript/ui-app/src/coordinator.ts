// A coordinator node: which agent it selected and why.

import type { CoordinatorDecisionEvent, Event } from "./api/types";

export function decision(events: Event[], nodeId: string): CoordinatorDecisionEvent | undefined {
  const found = events.find((e) => e.kind.type === "coordinator_decision" && e.kind.node_id === nodeId);
  return found?.kind as CoordinatorDecisionEvent | undefined;
}

export function selected(event: CoordinatorDecisionEvent): string {
  const uri: string = event.selected; // error: TS2322
  return event.reasoning ? `${uri}: ${event.reasoning}` : uri;
}
