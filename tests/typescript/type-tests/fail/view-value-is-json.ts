// A Value in the view is JSON data: a bigint, a Date or undefined is none.
import { type WorkflowCompletedEvent } from "../../../../generated/typescript/dist/index.js";
export const k: WorkflowCompletedEvent = { type: "workflow_completed", final_state: { at: new Date() } }; // error: TS2322
