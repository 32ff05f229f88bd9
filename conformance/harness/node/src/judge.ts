// Judging, as the reference runner (jamjet_schema.conformance.runner) does: a fixture
// passes when the subject's verdict is serde's (output or error) and, when accepted,
// its output is byte-identical; serde's error text is never compared. Required and
// api fixtures fail the run; implementation-defined ones are reported, never failing.
// A known failure that fails is expected; one that passes, or an id naming no
// fixture, fails the run. With a serde_json era, the fixtures it re-records are
// judged by its answers; without, failures that are exactly an era's answers are
// grouped as that era.

import { Causes, groupByCause, type Cause } from "./causes.js";
import { loadCorpus, packagedCorpus, type Fixture, type Form, type Tier } from "./corpus.js";
import { readKnownFailures, type KnownFailures } from "./known-failures.js";
import { describe, summarize } from "./summary.js";
import { loneSurrogate, printable } from "./text.js";

/** Your implementation, as the harness calls it. */
export interface Subject {
  /** Parse `input` as `typeName` (Event, EventKind, ProvenanceMetadata, Events,
   * EventsResponse) and write it back in `form`: the output text; throw to reject. */
  answer(typeName: string, input: string, form: Form): string;
  /** false: the fixtures of `typeName` are skipped (default: every type is supported). */
  supports?(typeName: string): boolean;
}

export interface Options {
  /** A fixtures folder (default: $JAMJET_SCHEMA_CORPUS, else the corpus this package carries). */
  corpus?: string;
  /** "all" (default) also runs the implementation-defined fixtures, which never fail. */
  tier?: "required" | "all";
  /** A known-failures file (conformance/known-failures/README.md's format). */
  knownFailures?: string;
  /** Judge the fixtures that serde_json release re-records (eras/) by its answers: "1.0.146". */
  serdeJsonEra?: string;
  /** Only the fixtures of these rules (conformance/README.md's vocabulary). */
  rules?: readonly string[];
  /** Only the fixtures whose id contains this. */
  match?: string;
}

export type Status = "passed" | "failed" | "known-failure" | "now-passes" | "skipped";

export interface Answer {
  readonly verdict: "output" | "error" | "skipped";
  readonly text: string;
  /** Why an output equals nothing serde writes whatever its text (a lone surrogate). */
  readonly defect?: string;
}

export interface Result {
  /** The fixture, with the era's answer when the era option re-records it. */
  readonly fixture: Fixture;
  readonly answer: Answer;
  readonly status: Status;
  /** Fails the run: a required or api fixture failing, or a known failure passing. */
  readonly fatal: boolean;
  /** What the subject did otherwise (failed and known failures): the first is the group's. */
  readonly causes: readonly Cause[];
  /** What a test shows: for a failure, the cause's title, then the fixture, both answers and
   * where the outputs first differ. */
  readonly message: string;
}

export interface Group {
  readonly tier: Tier;
  readonly key: string;
  readonly title: string;
  /** The serde_json release whose answers these are, for an era's group. */
  readonly era: string | undefined;
  readonly fatal: boolean;
  /** The fixtures, the example first. */
  readonly ids: readonly string[];
  /** The rules of the fixtures, most first. */
  readonly rules: readonly (readonly [string, number])[];
}

export interface Judgement {
  readonly corpus: string;
  readonly results: readonly Result[];
  /** The failures, tier by tier (required, api, implementation-defined), most first. */
  readonly groups: readonly Group[];
  readonly knownFailures: KnownFailures | undefined;
  /** Known-failures entries naming no fixture of the corpus. */
  readonly unknownListed: readonly string[];
  readonly era: string | undefined;
  readonly ok: boolean;
  /** The report: the groups with counts and an example each, stale entries, the verdict. */
  readonly summary: string;
}

export const TIER_ORDER: readonly Tier[] = ["required", "api", "evolution", "implementation-defined"];

/** Runs every selected fixture through `subject` and judges it. Throws on a bad option or
 * corpus (CorpusError, KnownFailuresError, an unknown era). */
export function judgeCorpus(subject: Subject, options: Options = {}): Judgement {
  const corpus = loadCorpus(options.corpus ?? (process.env["JAMJET_SCHEMA_CORPUS"] || packagedCorpus()));
  const known = options.knownFailures === undefined ? undefined : readKnownFailures(options.knownFailures);
  const era = chooseEra(corpus.eras, options.serdeJsonEra);
  const causes = new Causes(corpus.causes);
  const judged = corpus.fixtures.filter((f) => selected(f, options)).map((f) => era?.get(f.id) ?? f);
  const raw = judged.map((f) => judgeOne(f, ask(subject, f), known, causes));
  const others = new Map([...corpus.eras].filter(([v]) => v !== options.serdeJsonEra));
  const groups = TIER_ORDER.flatMap((tier) => tierGroups(tier, raw, others));
  const groupOf = new Map(groups.flatMap((g) => g.ids.map((id) => [id, g] as const)));
  const results = raw.map((r) => ({ ...r, message: printable(message(r, groupOf.get(r.fixture.id), known)) }));
  const ids = new Set(corpus.fixtures.map((f) => f.id));
  const unknownListed = [...(known?.lines.keys() ?? [])].filter((id) => !ids.has(id));
  const ok = unknownListed.length === 0 && !results.some((r) => r.fatal);
  const judgement = { corpus: corpus.root, results, groups, knownFailures: known, unknownListed, era: options.serdeJsonEra, ok };
  return { ...judgement, summary: summarize(judgement) };
}

function chooseEra(eras: ReadonlyMap<string, ReadonlyMap<string, Fixture>>, version: string | undefined) {
  if (version === undefined) return undefined;
  const era = eras.get(version);
  if (era === undefined) throw new Error(`the corpus records no serde_json era ${version} (it has: ${[...eras.keys()].join(", ") || "none"})`);
  return era;
}

function selected(f: Fixture, options: Options): boolean {
  // evolution fixtures are answers of an older release's reader: not for a current subject
  if (f.tier === "evolution" || (options.tier === "required" && f.tier === "implementation-defined")) return false;
  const rule = options.rules === undefined || options.rules.length === 0 || options.rules.includes(f.rule);
  return rule && (options.match === undefined || f.id.includes(options.match));
}

function ask(subject: Subject, f: Fixture): Answer {
  if (subject.supports !== undefined && !subject.supports(f.typeName)) {
    return { verdict: "skipped", text: `the subject does not support ${f.typeName}` };
  }
  let text: unknown;
  try {
    text = subject.answer(f.typeName, f.input, f.form);
  } catch (error) {
    return { verdict: "error", text: error instanceof Error ? error.message : String(error) };
  }
  if (typeof text !== "string") return { verdict: "output", text: String(text), defect: `answer returned a ${typeof text}, not a string` };
  const lone = loneSurrogate(text);
  return lone < 0 ? { verdict: "output", text } : { verdict: "output", text, defect: `not UTF-8: a lone surrogate at character ${lone}` };
}

export function agrees(f: Fixture, answer: Answer): boolean {
  if (f.output === undefined) return answer.verdict === "error";
  return answer.verdict === "output" && answer.defect === undefined && answer.text === f.output;
}

type Raw = Omit<Result, "message">;

function judgeOne(fixture: Fixture, answer: Answer, known: KnownFailures | undefined, causes: Causes): Raw {
  const listed = known?.lines.has(fixture.id) ?? false;
  let status: Status;
  if (answer.verdict === "skipped") status = "skipped";
  else if (agrees(fixture, answer)) status = listed ? "now-passes" : "passed";
  else status = listed ? "known-failure" : "failed";
  const failing = status === "failed" || status === "known-failure";
  const fatal = (status === "failed" && fixture.tier !== "implementation-defined") || status === "now-passes";
  return { fixture, answer, status, fatal, causes: failing ? causesOf(fixture, answer, causes) : [] };
}

function causesOf(f: Fixture, answer: Answer, causes: Causes): Cause[] {
  if (f.output === undefined) return [causes.accepted(f.serdeError ?? "", f.rule)];
  if (answer.verdict !== "output") return [causes.rejected(answer.text, f.rule)];
  return causes.written(f.output, answer.text, answer.defect === undefined);
}

/** The failures of `tier`: an era's answers first grouped by era, the rest by cause. */
function tierGroups(tier: Tier, results: readonly Raw[], eras: ReadonlyMap<string, ReadonlyMap<string, Fixture>>): Group[] {
  const failed = results.filter((r) => r.status === "failed" && r.fixture.tier === tier);
  const eraOf = (r: Raw) => [...eras].filter(([, answers]) => eraAnswers(answers, r)).map(([v]) => v).pop();
  const byEra = new Map<string, Raw[]>();
  for (const r of failed) {
    const v = eraOf(r);
    if (v !== undefined) byEra.set(v, [...(byEra.get(v) ?? []), r]);
  }
  const rest = failed.filter((r) => eraOf(r) === undefined);
  const groups = [
    ...[...byEra].map(([v, rs]) => group(tier, { key: `era:${v}`, title: `writes floats as serde_json ${v} does` }, rs, v)),
    ...groupByCause(rest.map((r) => [r, r.causes] as const)).map(([cause, rs]) => group(tier, cause, rs, undefined)),
  ];
  return groups.sort((a, b) => b.ids.length - a.ids.length); // stable: eras first among equals
}

function eraAnswers(answers: ReadonlyMap<string, Fixture>, r: Raw): boolean {
  const then = answers.get(r.fixture.id);
  return then !== undefined && agrees(then, r.answer);
}

function group(tier: Tier, cause: Cause, results: readonly Raw[], era: string | undefined): Group {
  const rules = new Map<string, number>();
  for (const r of results) rules.set(r.fixture.rule, (rules.get(r.fixture.rule) ?? 0) + 1);
  return {
    tier,
    key: cause.key,
    title: cause.title,
    era,
    fatal: tier !== "implementation-defined",
    ids: results.map((r) => r.fixture.id),
    rules: [...rules].sort((a, b) => b[1] - a[1]),
  };
}

function message(r: Raw, g: Group | undefined, known: KnownFailures | undefined): string {
  const line = `${known?.path ?? ""}:${known?.lines.get(r.fixture.id) ?? 0}`;
  switch (r.status) {
    case "passed":
      return "agrees with serde";
    case "skipped":
      return r.answer.text;
    case "now-passes":
      return `listed as a known failure (${line}), but passes: remove the line`;
    case "known-failure":
      return `known failure (${line}): ${r.causes.map((c) => c.title).join("; ")}\n${describe(r)}`;
    case "failed": {
      const head = r.fixture.tier === "implementation-defined" ? "implementation-defined, never failing the run: " : "";
      return `${head}${g?.title ?? ""} [${g?.key ?? ""}]\n${describe(r)}`;
    }
  }
}
