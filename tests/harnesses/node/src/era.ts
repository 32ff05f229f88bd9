// Answers as the serde_json build of an era does: its answers (a JSON file of
// [type_name, input, form, output or null, error or null]), else the good subject's.

import { readFileSync } from "node:fs";
import type { Form, Subject } from "@jamjet/schema-conformance";
import { ours } from "./ours.js";

type Row = [typeName: string, input: string, form: Form, output: string | null, error: string | null];

export function eraSubject(path: string): Subject {
  const rows = JSON.parse(readFileSync(path, "utf8")) as Row[];
  const answers = new Map(rows.map(([t, i, f, output, error]) => [JSON.stringify([t, i, f]), { output, error }]));
  return {
    answer(typeName: string, input: string, form: Form): string {
      const then = answers.get(JSON.stringify([typeName, input, form]));
      if (then === undefined) return ours.answer(typeName, input, form);
      if (then.output === null) throw new Error(then.error ?? "rejected");
      return then.output;
    },
  };
}
