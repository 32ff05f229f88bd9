// The hand-typed UI app of docs/typescript-migration.md (ui-app/), type-checked
// against the package as built: after the migration, its only compile errors are
// its real drift from what the runtime writes, each marked `// error: TSnnnn` on
// its line (as in type-tests/), and none elsewhere.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ts from "typescript";
import { repoRoot } from "./support/probe.js";

const APP = join(repoRoot(), "tests", "typescript", "ui-app");

function program(): ts.Program {
  const file = join(APP, "tsconfig.json");
  const config = ts.readConfigFile(file, (path) => ts.sys.readFile(path));
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, "\n"));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(file));
  assert.deepEqual(parsed.errors, []);
  return ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
}

/** "file:line:TScode" of each diagnostic, the file relative to the app. */
function diagnostics(p: ts.Program): string[] {
  return ts.getPreEmitDiagnostics(p).map((d) => {
    const where = d.file && d.start !== undefined ? `${relative(APP, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : "?";
    return `${where}:TS${d.code}`;
  });
}

/** The `// error: TSnnnn` marks of the app's files, as "file:line:TSnnnn". */
function marks(p: ts.Program): string[] {
  return p.getRootFileNames().flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .flatMap((line, i) => [...line.matchAll(/\/\/ error: (TS\d+)/g)].map((m) => `${relative(APP, file)}:${i + 1}:${m[1]}`)),
  );
}

test("the migrated UI app compiles but for its real drift, on the marked lines", (t) => {
  const p = program();
  assert.ok(p.getRootFileNames().length >= 5);
  const expected = marks(p);
  assert.equal(expected.length, 4, "the app's four kinds of drift: a tag, a variant's name, a field's name, a None");
  const found = diagnostics(p);
  assert.deepEqual(found.sort(), expected.sort(), ts.formatDiagnostics(ts.getPreEmitDiagnostics(p), {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => APP,
    getNewLine: () => "\n",
  }));
  t.diagnostic(`${found.length} drift errors, as marked: ${found.join(", ")}`);
});
