// The repository README's TypeScript examples that are whole programs (they import
// what they use and define what they read): each runs against the package as built,
// so the README stays true. The quick start's first block, a fragment around a `line`
// it does not define, is left out by that rule.

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "./support/probe.js";

const PACKAGE = join(repoRoot(), "generated", "typescript", "dist", "index.js");

/** The README's ```ts blocks that import node:assert: the runnable ones. */
function runnableBlocks(): string[] {
  const readme = readFileSync(join(repoRoot(), "README.md"), "utf8");
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((code) => code.includes('from "node:assert'));
}

test("the README's runnable TypeScript examples run against the built package", () => {
  const blocks = runnableBlocks();
  assert.ok(blocks.length >= 1, "the API response example is in the README");
  const dir = mkdtempSync(join(tmpdir(), "jamjet-readme-"));
  try {
    blocks.forEach((code, i) => {
      // plain JavaScript as written (no type annotations), the package by its built path
      const file = join(dir, `block${i}.mjs`);
      writeFileSync(file, code.replaceAll('"@jamjet/schema"', JSON.stringify(pathToFileURL(PACKAGE).href)));
      execFileSync(process.execPath, [file], { stdio: ["ignore", "pipe", "pipe"] });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
