// The corpus as node:test tests: a suite per fixture file (its path dotted,
// `required.EventKind.node_started`), a test per fixture named by its id, then a
// summary test that lists the failures grouped by observed cause and fails the run
// when a required or api fixture fails or the known-failures file is stale. A known
// failure and an implementation-defined difference are TODO tests (they run, and
// never fail the run), as the pytest plugin's xfail.

import { describe, test, type TestContext } from "node:test";
import { judgeCorpus, type Judgement, type Options, type Result, type Subject } from "./judge.js";

export const SUMMARY_TEST = "summary: failures grouped by observed cause";

/** Judges the corpus with `subject` and registers its tests; call it at a test file's top level. */
export function runCorpus(subject: Subject, options: Options = {}): Judgement {
  const judgement = judgeCorpus(subject, options);
  const files = new Map<string, Result[]>();
  for (const r of judgement.results) files.set(r.fixture.group, [...(files.get(r.fixture.group) ?? []), r]);
  for (const [name, results] of files) {
    describe(name, () => {
      for (const r of results) test(r.fixture.id, (t) => report(t, r));
    });
  }
  test(SUMMARY_TEST, (t) => {
    if (!judgement.ok) throw failure(judgement.summary);
    // no empty diagnostic: Node 20's JUnit reporter fails on one
    for (const line of judgement.summary.split("\n")) if (line !== "") t.diagnostic(line);
  });
  return judgement;
}

function report(t: TestContext, r: Result): void {
  switch (r.status) {
    case "passed":
      return;
    case "skipped":
      t.skip(r.message);
      return;
    case "known-failure":
      t.todo(r.message); // expected to fail: shown, never failing the run
      return;
    case "now-passes":
      throw failure(r.message);
    case "failed":
      if (r.fatal) throw failure(r.message);
      t.todo(r.message); // implementation-defined: reported, never failing
  }
}

/** An error whose report is its message alone (no stack of the harness's internals). */
function failure(message: string): Error {
  const error = new Error(message);
  error.stack = message;
  return error;
}
