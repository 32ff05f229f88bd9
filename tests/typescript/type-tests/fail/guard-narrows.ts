// After isToolCalled, the value is a ToolCalled.
import { isToolCalled, type EventKind } from "../../../../generated/typescript/dist/index.js";
export function f(kind: EventKind): unknown {
  return isToolCalled(kind) ? kind.duration_ms : null; // error: TS2339
}
