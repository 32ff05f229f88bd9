// A known-failures file (conformance/known-failures/README.md): one fixture id per
// line, `#` starts a comment, blank lines ignored. A listed fixture that fails is
// expected; one that passes, or an id that names no fixture, fails the run, so the
// list only shrinks.

import { readFileSync } from "node:fs";

export interface KnownFailures {
  readonly path: string;
  /** fixture id -> its line number (from 1) */
  readonly lines: ReadonlyMap<string, number>;
}

export class KnownFailuresError extends Error {}

export function readKnownFailures(path: string): KnownFailures {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new KnownFailuresError(`cannot read the known-failures file ${path}: ${String(error)}`);
  }
  return parseKnownFailures(text, path);
}

export function parseKnownFailures(text: string, path: string): KnownFailures {
  const lines = new Map<string, number>();
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const entry = (raw.split("#", 1)[0] ?? "").trim();
    if (entry === "") return;
    if (entry.split(/\s+/).length !== 1) {
      throw new KnownFailuresError(`${path}:${i + 1}: one fixture id per line, got ${JSON.stringify(entry)}`);
    }
    const first = lines.get(entry);
    if (first !== undefined) throw new KnownFailuresError(`${path}:${i + 1}: ${entry} is already listed at line ${first}`);
    lines.set(entry, i + 1);
  });
  return { path, lines };
}

/** The lines to delete and a command that deletes them (BSD and GNU sed alike). */
export function pruneHint(known: KnownFailures, stale: readonly string[]): string[] {
  const numbers = stale.map((id) => known.lines.get(id) ?? 0).sort((a, b) => a - b);
  if (numbers.length === 0) return [];
  const ids = new Map([...known.lines].map(([id, n]) => [n, id]));
  return [
    `Remove these lines from ${known.path}:`,
    ...numbers.map((n) => `  ${known.path}:${n}: ${ids.get(n) ?? ""}`),
    "or run:",
    `  sed -i.bak ${numbers.map((n) => `-e ${n}d`).join(" ")} '${known.path.replaceAll("'", "'\\''")}'`,
  ];
}
