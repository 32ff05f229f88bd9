// nodeIdOf is null for the variants EventKind::node_id() does not list.
import { nodeIdOf, type EventKind } from "../../../../generated/typescript/dist/index.js";
export function f(kind: EventKind): string {
  return nodeIdOf(kind); // error: TS2322
}
