// `npm run build` (and so `npm pack`, through prepack): dist/ from src/ with the
// pinned compiler (run `npm ci` here first), then the corpus copied from the
// repository's conformance/fixtures into corpus/ and its LICENSE beside: the tarball
// carries them, git ignores them (each is kept once in the repository). Both folders
// are emptied first, so a tarball never carries a deleted module or fixture.

import { spawnSync } from "node:child_process";
import { cpSync, existsSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const fixtures = resolve(pkg, "..", "..", "fixtures");

function tsc() {
  try {
    return join(dirname(createRequire(join(pkg, "package.json")).resolve("typescript/package.json")), "bin", "tsc");
  } catch {
    throw new Error(`build: no TypeScript compiler in ${pkg}: run \`npm ci\` there first`);
  }
}

rmSync(join(pkg, "dist"), { recursive: true, force: true });
const built = spawnSync(process.execPath, [tsc(), "-p", join(pkg, "tsconfig.json")], { stdio: "inherit" });
if (built.status !== 0) process.exit(built.status ?? 1);

if (!existsSync(join(fixtures, "manifest.json"))) {
  throw new Error(`build: no corpus at ${fixtures} (the harness builds inside a checkout of jamjet-schema)`);
}
rmSync(join(pkg, "corpus"), { recursive: true, force: true });
cpSync(fixtures, join(pkg, "corpus"), { recursive: true });
cpSync(resolve(pkg, "..", "..", "..", "LICENSE"), join(pkg, "LICENSE"));
