// Narrowing: the discriminant, the guards, an exhaustive switch, nodeIdOf.
import {
  EVENT_KIND_TAGS,
  isNodeCompleted,
  nodeIdOf,
  parseEvent,
  serializeEvent,
  type EventKind,
  type EventKindTag,
  type NodeId,
} from "../../../../generated/typescript/dist/index.js";

export function describe(kind: EventKind): string {
  if (isNodeCompleted(kind)) {
    const tokens: bigint | undefined = kind.input_tokens;
    return `${kind.node_id} took ${kind.duration_ms + 0n} ms, ${tokens ?? 0n} tokens, $${kind.cost_usd ?? 0}`;
  }
  switch (kind.type) {
    case "workflow_failed":
      return kind.error;
    case "approval_received":
      return kind.decision === "approved" ? "yes" : "no";
    default:
      return kind.type;
  }
}

export function exhaustive(kind: EventKind): number {
  switch (kind.type) {
    case "workflow_started": case "workflow_completed": case "workflow_failed": case "workflow_cancelled":
    case "node_scheduled": case "node_started": case "node_completed": case "node_failed": case "node_parked":
    case "node_skipped": case "segment_boundary":
    case "node_cancelled": case "retry_scheduled": case "interrupt_raised": case "approval_received":
    case "timer_created": case "timer_fired": case "external_event_received": case "child_workflow_started":
    case "child_workflow_completed": case "child_workflow_failed": case "budget_exceeded":
    case "token_budget_exceeded": case "cost_budget_exceeded": case "autonomy_limit_reached":
    case "circuit_breaker_tripped": case "escalation_required": case "policy_violation":
    case "tool_approval_required": case "strategy_started": case "plan_generated": case "iteration_started":
    case "tool_called": case "critic_verdict": case "iteration_completed": case "strategy_limit_hit":
    case "strategy_completed": case "coordinator_discovery": case "coordinator_scoring":
    case "coordinator_decision": case "agent_tool_invoked": case "agent_tool_progress": case "agent_tool_turn":
    case "agent_tool_completed": case "agent_tool_terminated": case "agent_tool_failed":
      return 1;
    default: {
      const unreachable: never = kind; // every tag is handled above
      return unreachable;
    }
  }
}

export const node: NodeId | null = nodeIdOf(parseEvent("{}").kind);
export const text: string = serializeEvent(parseEvent("{}"));
export const tags: readonly EventKindTag[] = EVENT_KIND_TAGS;
