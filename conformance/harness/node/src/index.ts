// @jamjet/schema-conformance: the JamJet event log's conformance corpus, judged
// against your own implementation in your own test runner.
//   runCorpus(subject, options)   node:test: a test per fixture, then the summary
//   judgeCorpus(subject, options) the results and the groups, for vitest, jest, ...

export { runCorpus, SUMMARY_TEST } from "./node-test.js";
export { judgeCorpus, type Answer, type Group, type Judgement, type Options, type Result, type Status, type Subject } from "./judge.js";
export { CorpusError, packagedCorpus, type CaseClass, type Fixture, type Form, type Tier } from "./corpus.js";
export { KnownFailuresError } from "./known-failures.js";
export type { Cause } from "./causes.js";
