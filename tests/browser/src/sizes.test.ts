// The README's bundle sizes are this build's, within 5% (the package changes; the
// numbers must follow it: `npm run sizes --prefix tests/browser` rewrites them).

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { README, measure, statedSizes, withSizes } from "./sizes.js";

const TOLERANCE = 0.05;

test("the README states the bundle sizes of this build (esbuild --minify, gzip -9)", async (t) => {
  const measured = await measure();
  const stated = statedSizes(readFileSync(README, "utf8"));
  const off: string[] = [];
  for (const [name, size] of Object.entries(measured) as Array<[keyof typeof measured, (typeof measured)["typical"]]>) {
    t.diagnostic(`${name}: ${size.minified} bytes minified, ${size.gzip} gzip`);
    for (const key of ["minified", "gzip"] as const) {
      if (Math.abs(stated[name][key] - size[key]) > TOLERANCE * size[key]) {
        off.push(`${name} ${key}: the README says ${stated[name][key]} bytes, the build gives ${size[key]}`);
      }
    }
  }
  assert.deepEqual(off, [], "the README's sizes are out of date: run `npm run sizes --prefix tests/browser`");
});

test("writing the sizes keeps the README's wording and reads back as written", () => {
  const readme = readFileSync(README, "utf8");
  const sizes = { typical: { minified: 12345, gzip: 4321 }, whole: { minified: 67890, gzip: 9876 } };
  const written = withSizes(readme, sizes);
  assert.deepEqual(statedSizes(written), {
    typical: { minified: 12300, gzip: 4300 },
    whole: { minified: 67900, gzip: 9900 },
  });
  assert.equal(written.replace(/\d+\.\d kB/g, "N kB"), readme.replace(/\d+\.\d kB/g, "N kB"));
});
