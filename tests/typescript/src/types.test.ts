// Type-level tests (type-tests/README.md): the compiler, run on each fixture on
// its own. One compiler host caches the parsed library and package declarations,
// so a program per file costs milliseconds, not a tsc process each.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { repoRoot } from "./support/probe.js";

const DIR = join(repoRoot(), "tests", "typescript", "type-tests");

// What a strict user project would use (the package's own settings).
const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2022.d.ts"],
  types: [],
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noEmit: true,
};

const host = ts.createCompilerHost(OPTIONS);
const parsed = new Map<string, ts.SourceFile | undefined>();
const getSourceFile = host.getSourceFile.bind(host);
host.getSourceFile = (name, language, onError, fresh) => {
  if (!parsed.has(name)) parsed.set(name, getSourceFile(name, language, onError, fresh));
  return parsed.get(name);
};

/** Diagnostics as "line:TScode" (1-based lines), for one file type-checked on its own. */
let previous: ts.Program | undefined;

function check(file: string): string[] {
  const program = ts.createProgram({ rootNames: [file], options: OPTIONS, host, ...(previous && { oldProgram: previous }) });
  previous = program;
  // The fixture's own diagnostics (and global ones); the package's declarations are checked by its build.
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => {
    const where = d.file && d.start !== undefined ? `${d.file.fileName === file ? "" : `${d.file.fileName} `}${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : "?";
    return `${where}:TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, " ").slice(0, 160)}`;
  });
}

/** The `// error: TSnnnn` marks of a fixture, as "line:TSnnnn". */
function marks(file: string): string[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .flatMap((line, i) => [...line.matchAll(/\/\/ error: (TS\d+)/g)].map((m) => `${i + 1}:${m[1]}`));
}

function fixtures(kind: "pass" | "fail"): string[] {
  return readdirSync(join(DIR, kind))
    .filter((f) => f.endsWith(".ts"))
    .sort()
    .map((f) => join(DIR, kind, f));
}

test("type-tests/pass: each fixture type-checks", () => {
  const files = fixtures("pass");
  assert.ok(files.length >= 3);
  for (const file of files) assert.deepEqual(check(file), [], file);
});

test("type-tests/fail: each fixture fails, on its marked lines only, with the marked codes", (t) => {
  const files = fixtures("fail");
  assert.ok(files.length >= 10);
  for (const file of files) {
    const expected = marks(file);
    assert.ok(expected.length > 0, `${file} has no // error: mark`);
    const diagnostics = check(file);
    const found = diagnostics.map((d) => d.split(" ")[0]!);
    assert.deepEqual(found.sort(), expected.sort(), `${file}:\n  ${diagnostics.join("\n  ")}`);
  }
  t.diagnostic(`${files.length} fixtures rejected by the type checker as intended`);
});
