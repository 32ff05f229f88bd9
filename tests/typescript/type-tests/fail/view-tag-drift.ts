// A tag the runtime never writes (it writes agent_tool_turn) is a comparison with no overlap.
import { type EventView } from "../../../../generated/typescript/dist/index.js";
export const turns = (events: EventView[]) => events.filter((e) => e.kind.type === "agent_turn"); // error: TS2367
