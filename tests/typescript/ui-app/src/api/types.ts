// The app's types module. Its hand-written event types are gone: the event types
// come from the contract's view, under the names the app already uses, so no
// component changes its imports. What the contract does not cover stays here.

export type {
  EventView as Event,
  EventKindView as EventKind,
  EventKindTag,
  NodeStartedEvent,
  NodeCompletedEvent,
  NodeFailedEvent,
  CoordinatorDecisionEvent,
  AgentToolInvokedEvent,
  AgentToolCompletedEvent,
  AgentToolTurnEvent,
  PlainJson,
} from "@jamjet/schema";

/** An execution, as the app lists them (not part of the event contract). */
export interface Execution {
  id: string;
  workflow_id: string;
  status: "pending" | "running" | "completed" | "failed" | "cancelled";
  created_at: string;
}
