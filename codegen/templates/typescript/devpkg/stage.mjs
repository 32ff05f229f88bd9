// Copies ../runtime/*.ts and ../runtime-tests/*.ts into ./src/ the way the
// code generator will copy the runtime into generated/typescript/src/runtime/,
// so the type check also proves the runtime folder is self-contained. (Compiling
// the files in place would not work: outside this package they have no
// package.json with "type": "module", so NodeNext would treat them as CommonJS.)
import { cpSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, "src");
rmSync(src, { recursive: true, force: true });
rmSync(join(here, "dist"), { recursive: true, force: true }); // no stale compiled tests
for (const dir of ["runtime", "runtime-tests"]) {
  mkdirSync(join(src, dir), { recursive: true });
  for (const name of readdirSync(join(here, "..", dir))) {
    if (name.endsWith(".ts")) cpSync(join(here, "..", dir, name), join(src, dir, name));
  }
}
