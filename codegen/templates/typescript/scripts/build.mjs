// `npm run build` (and so `npm pack`, through prepack): dist/ from src/ with the
// pinned TypeScript compiler (devDependencies), found where a checkout has it:
//   1. node_modules here, after an `npm install` in this folder;
//   2. the repository's pinned toolchain, tests/typescript (the compiler its
//      lockfile pins), installed with `npm ci` from that lockfile when missing.
// So `npm pack` works from a clean checkout, with nothing installed here. dist/ is
// emptied first, so a tarball never carries the output of a deleted module.

import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const pinned = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")).devDependencies.typescript;
const toolchain = resolve(pkg, "..", "..", "tests", "typescript");

/** The pinned compiler's tsc as installed for the project in `dir`, if it is there. */
function compiler(dir) {
  let manifest;
  try {
    manifest = createRequire(join(dir, "package.json")).resolve("typescript/package.json");
  } catch {
    return undefined;
  }
  const { version } = JSON.parse(readFileSync(manifest, "utf8"));
  if (version !== pinned) {
    console.error(`build: ignoring TypeScript ${version} (${dirname(manifest)}): the package pins ${pinned}`);
    return undefined;
  }
  return join(dirname(manifest), "bin", "tsc");
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function npm(args) {
  // Under npm, npm_execpath is its CLI script: run it with this node (no shell needed).
  const cli = process.env.npm_execpath;
  if (cli && /\.[cm]?js$/.test(cli)) run(process.execPath, [cli, ...args]);
  else run("npm", args, { shell: process.platform === "win32" });
}

let tsc = compiler(pkg) ?? compiler(toolchain);
if (tsc === undefined) {
  if (!existsSync(join(toolchain, "package-lock.json"))) {
    console.error(`build: no TypeScript ${pinned} found: run \`npm install\` in ${pkg}`);
    process.exit(1);
  }
  if (existsSync(join(toolchain, "node_modules"))) {
    console.error(`build: ${toolchain}/node_modules lacks TypeScript ${pinned}: run \`npm ci --prefix ${toolchain}\``);
    process.exit(1);
  }
  console.error(`build: installing the pinned toolchain: npm ci --prefix ${toolchain}`);
  npm(["ci", "--prefix", toolchain, "--no-audit", "--no-fund", "--prefer-offline"]);
  tsc = compiler(toolchain);
  if (tsc === undefined) {
    console.error(`build: npm ci did not install TypeScript ${pinned} in ${toolchain}`);
    process.exit(1);
  }
}

rmSync(join(pkg, "dist"), { recursive: true, force: true });
run(process.execPath, [tsc, "-p", join(pkg, "tsconfig.json")]);
