// The corpus folder (conformance/fixtures, format conformance/fixture.schema.json):
// its fixtures in path order, its serde_json eras, and causes.json. Fixture files
// need no member order nor number text, so JSON.parse reads them.

import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { compareText } from "./text.js";

export type Form = "log" | "api";
export type Tier = "required" | "api" | "implementation-defined" | "evolution";
export type CaseClass = "canonical" | "accepted" | "rejected";

/** One fixture: a question (type, input, form) and serde's answer. */
export interface Fixture {
  readonly id: string;
  readonly description: string;
  readonly rule: string;
  readonly typeName: string;
  readonly caseClass: CaseClass;
  readonly input: string;
  /** What serde writes back; undefined when serde rejects the input. */
  readonly output: string | undefined;
  /** serde's error when it rejects (for people and for the cause; never compared). */
  readonly serdeError: string | undefined;
  readonly form: Form;
  readonly tier: Tier;
  /** The fixture file, relative to the corpus folder, with `/`. */
  readonly file: string;
  /** The file's path dotted, without `.json`: `required.EventKind.node_started`. */
  readonly group: string;
}

export interface Corpus {
  readonly root: string;
  readonly fixtures: readonly Fixture[];
  /** serde_json release -> its answers by fixture id (eras/serde_json-X.json). */
  readonly eras: ReadonlyMap<string, ReadonlyMap<string, Fixture>>;
  /** causes.json, as read. */
  readonly causes: unknown;
}

const TIERS: readonly Tier[] = ["required", "api", "implementation-defined", "evolution"];
const NOT_FIXTURES = new Set(["manifest.json", "causes.json"]);
const ERAS = "eras";

export class CorpusError extends Error {}

/** The corpus this package carries (copied in by its build), or, in a checkout, conformance/fixtures. */
export function packagedCorpus(): string {
  const pkg = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  for (const candidate of [join(pkg, "corpus"), join(pkg, "..", "..", "fixtures")]) {
    if (existsSync(join(candidate, "manifest.json"))) return candidate;
  }
  throw new CorpusError(`no corpus in ${join(pkg, "corpus")}: the package was built without one`);
}

export function loadCorpus(root: string): Corpus {
  if (!existsSync(join(root, "manifest.json"))) throw new CorpusError(`${root} is no corpus folder (no manifest.json)`);
  const files = jsonFiles(root, []).sort(compareParts);
  const fixtures = files.filter((parts) => parts[0] !== ERAS).flatMap((parts) => fixtureFile(root, parts));
  if (fixtures.length === 0) throw new CorpusError(`no fixture files under ${root}`);
  const eras = new Map(files.filter((parts) => parts[0] === ERAS).map((parts) => eraFile(root, parts)));
  return { root, fixtures, eras, causes: readJsonFile(join(root, "causes.json")) };
}

/** The .json files under `root` (paths as their parts), but the manifest and causes.json. */
function jsonFiles(root: string, parts: string[]): string[][] {
  return readdirSync(join(root, ...parts), { withFileTypes: true }).flatMap((entry) => {
    const path = [...parts, entry.name];
    if (entry.isDirectory()) return jsonFiles(root, path);
    const wanted = entry.name.endsWith(".json") && !NOT_FIXTURES.has(entry.name);
    return wanted ? [path] : [];
  });
}

/** Path order as the reference runner sorts paths: part by part. */
function compareParts(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareText(a[i] ?? "", b[i] ?? "");
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

function readJsonFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new CorpusError(`${path}: not a JSON document: ${String(error)}`);
  }
}

function fixtureFile(root: string, parts: string[]): Fixture[] {
  const path = join(root, ...parts);
  const doc = object(readJsonFile(path), path, "$");
  const tier = text(doc, path, "$", "tier") as Tier;
  if (!TIERS.includes(tier)) throw new CorpusError(`${path}: $.tier: ${tier} is no tier`);
  return cases(doc, path).map((item, i) => fixture(item, path, `$.cases[${i}]`, tier, parts));
}

function eraFile(root: string, parts: string[]): [string, Map<string, Fixture>] {
  const path = join(root, ...parts);
  const doc = object(readJsonFile(path), path, "$");
  const version = text(doc, path, "$", "serde_json");
  const answers = cases(doc, path).map((item, i) => {
    const id = text(item, path, `$.cases[${i}]`, "id");
    const tier = TIERS.find((t) => id.startsWith(`${t}.`)) ?? "required";
    return fixture(item, path, `$.cases[${i}]`, tier, parts);
  });
  return [version, new Map(answers.map((f) => [f.id, f]))];
}

function cases(doc: Record<string, unknown>, path: string): Record<string, unknown>[] {
  const items = doc["cases"];
  if (!Array.isArray(items)) throw new CorpusError(`${path}: $.cases: not an array`);
  return items.map((item: unknown, i) => object(item, path, `$.cases[${i}]`));
}

function fixture(item: Record<string, unknown>, path: string, at: string, tier: Tier, parts: string[]): Fixture {
  const caseClass = text(item, path, at, "class") as CaseClass;
  const rejected = caseClass === "rejected";
  const file = parts.join("/");
  return {
    id: text(item, path, at, "id"),
    description: text(item, path, at, "description"),
    rule: text(item, path, at, "rule"),
    typeName: text(item, path, at, "type_name"),
    caseClass,
    input: text(item, path, at, "input"),
    output: rejected ? undefined : text(item, path, at, "output"),
    serdeError: rejected ? text(item, path, at, "serde_error") : undefined,
    form: item["form"] === "api" ? "api" : "log",
    tier,
    file,
    group: file.replace(/\.json$/, "").split("/").join("."),
  };
}

function object(value: unknown, path: string, at: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new CorpusError(`${path}: ${at}: not an object`);
  return value as Record<string, unknown>;
}

function text(item: Record<string, unknown>, path: string, at: string, key: string): string {
  const value = item[key];
  if (typeof value !== "string") throw new CorpusError(`${path}: ${at}.${key}: not a string`);
  return value;
}
