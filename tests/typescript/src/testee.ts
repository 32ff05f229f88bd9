// The conformance testee of @jamjet/schema (conformance/protocol.md), registered
// as `typescript` in conformance/testees.json:
//
//   node tests/typescript/dist/testee.js
//
// One JSON request per stdin line, one answer per request on stdout, in order;
// end of input ends it. Request lines are read with the package's own parser,
// so an `id` beyond 2^53 is echoed exactly (JSON.parse would round it).

import { answer, implemented } from "./support/corpus.js";
import { WireError } from "./schema.js";
import { JsonObject, LOG_FORM, isForm, parseJson, writeJsonString, writeMembers, writeValue, type Form, type JsonNode } from "./wire.js";

type Answer = ["output" | "error" | "skipped", string];

function handle(typeName: string, input: string, form: Form): Answer {
  if (!implemented(typeName)) return ["skipped", `type ${typeName} is not implemented`];
  const ours = answer(typeName, input, form);
  if (ours.kind === "output") return ["output", ours.text];
  // Anything but a WireError is a bug of ours, not a verdict: say so (the
  // corpus test runs in-process too, and fails on it).
  if (ours.error instanceof WireError) return ["error", ours.text];
  const e = ours.error;
  return ["error", `internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`];
}

function stringMember(request: JsonObject, key: string): string {
  const value = request.get(key);
  if (typeof value !== "string") throw new Error(`request member ${key} is not a string`);
  return value;
}

/** The request's `form`: absent is the log form; anything but a form's name is a broken request. */
function formMember(request: JsonObject): Form {
  const value = request.get("form");
  if (value === undefined) return LOG_FORM;
  if (!isForm(value)) throw new Error(`request member form is not a form: ${writeValue(value)}`);
  return value;
}

/** One request line -> one answer line. */
function answerLine(line: string): string {
  const request = parseJson(line);
  if (!(request instanceof JsonObject)) throw new Error(`a request is an object: ${line}`);
  const id: JsonNode = request.get("id") ?? null;
  const [kind, text] = handle(stringMember(request, "type_name"), stringMember(request, "input"), formMember(request));
  return writeMembers([
    ["id", writeValue(id)],
    [kind, writeJsonString(text)],
  ]);
}

function serve(): void {
  let pending = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (chunk: string) => {
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    const answers = lines.filter((l) => l.trim() !== "").map((l) => answerLine(l) + "\n");
    if (answers.length > 0) process.stdout.write(answers.join(""));
  });
  process.stdin.on("end", () => {
    if (pending.trim() !== "") process.stdout.write(answerLine(pending) + "\n");
  });
}

serve();
