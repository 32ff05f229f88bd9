// Fetching: the events endpoint answers {"events": [...]}; parse the text with the
// contract rather than casting res.json(), so every event is checked as serde
// checks it and comes back as plain data.

import { parseEventsResponseView } from "@jamjet/schema";
import type { Event, Execution } from "./types";

const BASE = "/api";

async function text(path: string): Promise<string> {
  const res = await fetch(`${BASE}${path}`);
  if (!res.ok) throw new Error(`API error ${res.status} (${path})`);
  return res.text();
}

export async function fetchExecution(id: string): Promise<Execution> {
  return JSON.parse(await text(`/executions/${id}`)) as Execution;
}

export async function fetchEvents(executionId: string): Promise<Event[]> {
  return parseEventsResponseView(await text(`/executions/${executionId}/events`)).events;
}
