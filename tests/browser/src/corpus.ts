// The requests the page answers: every case of the golden corpus
// (conformance/fixtures, format conformance/fixture.schema.json) and the lines of a
// realistic log (benchmarks/loggen.py, which `nox -s browser` writes).

import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import type { Request } from "./answer.js";
import { PACKAGE_DIR } from "./bundle.js";

export const REPO = join(PACKAGE_DIR, "..", "..");

export interface FixtureCase extends Request {
  id: string;
  class: "canonical" | "accepted" | "rejected";
  output?: string;
  serde_error?: string;
  /** required, api, implementation-defined, evolution, era */
  tier: string;
  file: string;
}

/** The fixture files: the .json files in the tier folders (the corpus's root holds its manifest and other tables). */
function jsonFiles(dir: string, top = true): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return jsonFiles(path, false);
    return !top && entry.name.endsWith(".json") ? [path] : [];
  });
}

/** Every case of every tier, eras included: the page must answer each as Node does. */
export function loadCorpus(): FixtureCase[] {
  const root = join(REPO, "conformance", "fixtures");
  return jsonFiles(root).flatMap((path) => {
    const file = JSON.parse(readFileSync(path, "utf8")) as { tier: string; cases: Omit<FixtureCase, "tier" | "file">[] };
    return file.cases.map((c) => ({ ...c, tier: file.tier, file: relative(root, path) }));
  });
}

/** Fixture ids listed in conformance/known-failures/typescript.txt (the file need not exist). */
export function knownFailures(): Set<string> {
  const path = join(REPO, "conformance", "known-failures", "typescript.txt");
  if (!existsSync(path)) return new Set();
  const lines = readFileSync(path, "utf8").split("\n");
  return new Set(lines.map((line) => line.replace(/#.*/, "").trim()).filter((id) => id !== ""));
}

/** Where `nox -s browser` writes the realistic log ($JAMJET_REALISTIC_LOG overrides). */
export function realisticLogPath(): string {
  return process.env["JAMJET_REALISTIC_LOG"] ?? join(PACKAGE_DIR, "build", "realistic.jsonl");
}

/** The realistic log's lines, without their terminators. */
export function loadRealisticLog(): string[] {
  const path = realisticLogPath();
  if (!existsSync(path)) {
    throw new Error(
      `no realistic log at ${path}: run \`nox -s browser\`, or first ` +
        "`python -m benchmarks.loggen --realistic --events 2000 -o tests/browser/build/realistic.jsonl`",
    );
  }
  const lines = readFileSync(path, "utf8").split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}
