// newEvent mirrors Event::new(execution_id, sequence, kind).
import { newEvent, type Event } from "../../../../generated/typescript/dist/index.js";

export const event: Event = newEvent("67e55044-10b1-426f-9247-bb680e5fe0c8", 1n, { type: "workflow_failed", error: "boom" });
