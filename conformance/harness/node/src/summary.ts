// The texts people read: one fixture in full (a failing test's message), and the
// summary of a run, its failures grouped by observed cause as the reference runner
// prints them (tier by tier, most fixtures first, an example each).

import { firstDifference, differingCharacter } from "./difference.js";
import { pruneHint } from "./known-failures.js";
import { oneLine, printable } from "./text.js";
import type { Group, Judgement, Result } from "./judge.js";

const CLIP = 300; // characters of an input or output shown
const RULES_SHOWN = 5;

/** One fixture in full: what it pins, the input, both answers, where the outputs first differ. */
export function describe(r: Omit<Result, "message">): string {
  const f = r.fixture;
  const expected = f.output === undefined ? ["error", f.serdeError ?? ""] : ["output", f.output];
  const both = f.output !== undefined && r.answer.verdict === "output";
  const at = both ? differingCharacter(f.output ?? "", r.answer.text) : 0;
  const lines = [
    `${f.id}: ${f.description}`,
    `  rule ${f.rule} | class ${f.caseClass} | type ${f.typeName}${f.form === "api" ? " | form api" : ""} | ${f.file}`,
    `  -> ${problem(r)}`,
    `  input     ${clip(f.input)}`,
    `  expected  ${(expected[0] ?? "").padEnd(7)}${clip(expected[1] ?? "", at)}`,
    `  actual    ${r.answer.verdict.padEnd(7)}${clip(r.answer.text, at)}`,
  ];
  if (both) lines.push(`  ${firstDifference(f.output ?? "", r.answer.text)}`);
  return printable(lines.join("\n"));
}

function problem(r: Omit<Result, "message">): string {
  if (r.answer.verdict === "skipped") return "skipped by the subject";
  if (r.fixture.output === undefined) return "accepted; serde rejects it";
  if (r.answer.verdict === "error") return "rejected; serde accepts it";
  return `accepted, but the output differs${r.answer.defect === undefined ? "" : ` (${r.answer.defect})`}`;
}

/** `value` cut to about `limit` characters, keeping position `around` in view, on one line. */
function clip(value: string, around = 0, limit = CLIP): string {
  const chars = [...value];
  if (chars.length <= limit) return oneLine(value);
  const start = Math.max(0, Math.min(around - Math.floor(limit / 3), chars.length - limit));
  const rest = chars.length - start - limit;
  const shown = oneLine(chars.slice(start, start + limit).join(""));
  return `${start > 0 ? `[...${start} chars] ` : ""}${shown}${rest > 0 ? ` [...${rest} more chars]` : ""}`;
}

/** The run's report: every tier's failures by cause, known failures, stale entries, the verdict. */
export function summarize(j: Omit<Judgement, "summary">): string {
  const parts: string[] = [];
  if (j.era !== undefined) parts.push(`serde_json era ${j.era}: the fixtures it re-records expect its bytes`);
  for (const tier of new Set(j.groups.map((g) => g.tier))) parts.push(section(j.groups.filter((g) => g.tier === tier)));
  const skipped = j.results.filter((r) => r.status === "skipped").length;
  if (skipped > 0) parts.push(`SKIPPED: ${fixtures(skipped)} of types the subject does not support`);
  const known = j.results.filter((r) => r.status === "known-failure").length;
  if (known > 0 && j.knownFailures !== undefined) parts.push(`KNOWN FAILURES: ${known} listed in ${j.knownFailures.path} still fail`);
  const stale = staleText(j);
  if (stale !== undefined) parts.push(stale);
  parts.push(verdict(j));
  return printable(parts.join("\n\n"));
}

function section(groups: readonly Group[]): string {
  const n = groups.reduce((sum, g) => sum + g.ids.length, 0);
  const counted = `${fixtures(n)} in ${groups.length} group${groups.length === 1 ? "" : "s"}, most fixtures first`;
  const tier = groups[0]?.tier ?? "required";
  const title =
    tier === "implementation-defined"
      ? `IMPLEMENTATION-DEFINED DIFFERENCES: ${counted} (reported, never failing the run)`
      : `FAILURES, ${tier} tier: ${counted}`;
  return [title, ...groups.map(groupText)].join("\n");
}

function groupText(g: Group, i: number): string {
  const advice = g.era === undefined ? "" : `; run with the serde_json era option ${g.era}`;
  const lines = [`  ${i + 1}. ${g.title} [${g.key}]: ${fixtures(g.ids.length)}${advice}`];
  if (g.rules.length > 1) {
    const more = g.rules.length - RULES_SHOWN;
    const shown = g.rules.slice(0, RULES_SHOWN).map(([rule, count]) => `${rule} ${count}`).join(", ");
    lines.push(`       fixtures of rules ${shown}${more > 0 ? ` and ${more} more` : ""}`);
  }
  lines.push(`       e.g. ${g.ids[0] ?? ""}`);
  return lines.join("\n");
}

function staleText(j: Omit<Judgement, "summary">): string | undefined {
  const passing = j.results.filter((r) => r.status === "now-passes").map((r) => r.fixture.id);
  if (j.knownFailures === undefined || passing.length + j.unknownListed.length === 0) return undefined;
  return [
    `STALE KNOWN FAILURES (${passing.length + j.unknownListed.length}): listed, but`,
    ...passing.map((id) => `  now passes      ${id}`),
    ...j.unknownListed.map((id) => `  no such fixture ${id}`),
    ...pruneHint(j.knownFailures, [...passing, ...j.unknownListed]),
  ].join("\n");
}

function verdict(j: Omit<Judgement, "summary">): string {
  const count = (test: (r: Result) => boolean) => j.results.filter(test).length;
  const tally = [
    ["passed", count((r) => r.status === "passed")],
    ["failed", count((r) => r.status === "failed" && r.fatal)],
    ["implementation-defined differences", count((r) => r.status === "failed" && !r.fatal)],
    ["known-failure", count((r) => r.status === "known-failure")],
    ["now-passes", count((r) => r.status === "now-passes")],
    ["skipped", count((r) => r.status === "skipped")],
  ]
    .filter(([, n]) => n !== 0)
    .map(([name, n]) => `${n} ${name}`)
    .join(", ");
  if (j.ok) return `PASS (${tally})`;
  const why = ["required", "api", "evolution"].flatMap((tier) => {
    const n = count((r) => r.status === "failed" && r.fatal && r.fixture.tier === tier);
    return n === 0 ? [] : [`${fixtures(n)} of the ${tier} tier fail${n === 1 ? "s" : ""}`];
  });
  const stale = count((r) => r.status === "now-passes") + j.unknownListed.length;
  if (stale > 0) why.push(`stale known-failure entries: ${stale}`);
  return `FAIL: ${why.join("; ")} (${tally})`;
}

function fixtures(n: number): string {
  return `${n} fixture${n === 1 ? "" : "s"}`;
}
