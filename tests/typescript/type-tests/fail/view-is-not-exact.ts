// A view is not an Event: the exact serializer takes bigints and Timestamps (use serializeEventView).
import { parseEventView, serializeEvent } from "../../../../generated/typescript/dist/index.js";
export const text = serializeEvent(parseEventView("{}")); // error: TS2345
