// What @jamjet/schema adds to a browser app: the esbuild bundle (minified) of a
// typical import and of the whole package, and its gzip size. The README's TypeScript
// section states them; sizes.test.ts fails when it is out of date, and
// `npm run sizes` (node dist/sizes.js --write) rewrites the numbers there.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { bundleSource } from "./bundle.js";
import { REPO } from "./corpus.js";

export interface Size {
  minified: number;
  gzip: number;
}

/** The bundles measured, in the README's order. */
export const ENTRIES = {
  // what a log viewer imports: read a line, write it back
  typical: 'export { parseEvent, serializeEvent } from "@jamjet/schema";',
  // everything both entry points export, so nothing is shaken off
  whole: 'import * as schema from "@jamjet/schema";\nimport * as runtime from "@jamjet/schema/runtime";\nexport { schema, runtime };',
} as const;

export type Sizes = Record<keyof typeof ENTRIES, Size>;

export async function measure(): Promise<Sizes> {
  const sizes = {} as Sizes;
  for (const [name, source] of Object.entries(ENTRIES) as Array<[keyof typeof ENTRIES, string]>) {
    const bundle = await bundleSource(source);
    sizes[name] = { minified: bundle.length, gzip: gzipSync(bundle, { level: 9 }).length };
  }
  return sizes;
}

export const README = join(REPO, "README.md");

// In the README: the bullet that starts with this, holding each size as
// `**38.2 kB** minified (10.1 kB gzip)` (kB = 1000 bytes), in ENTRIES' order.
const BULLET = /^- \*\*In a browser\*\*[^]*?(?=\n(?:- |\n|```))/m;
const SIZE = /\*\*(\d+\.\d) kB\*\*(\s+)minified(\s+)\((\d+\.\d) kB(\s+)gzip\)/g;

function kB(bytes: number): string {
  return (bytes / 1000).toFixed(1);
}

/** The sizes the README states, in bytes (to 100 bytes); throws if it states none. */
export function statedSizes(readme: string): Sizes {
  const bullet = BULLET.exec(readme)?.[0];
  const found = bullet === undefined ? [] : [...bullet.matchAll(SIZE)];
  const names = Object.keys(ENTRIES) as Array<keyof typeof ENTRIES>;
  if (found.length !== names.length) {
    throw new Error(`README.md: the "- **In a browser**" bullet should state ${names.length} sizes, it states ${found.length}`);
  }
  const sizes = {} as Sizes;
  names.forEach((name, i) => {
    const m = found[i]!;
    sizes[name] = { minified: Math.round(Number(m[1]) * 1000), gzip: Math.round(Number(m[4]) * 1000) };
  });
  return sizes;
}

/** The README with `sizes` in place of the numbers it states (its wording and wrapping kept). */
export function withSizes(readme: string, sizes: Sizes): string {
  statedSizes(readme); // the bullet is there, with a number for each bundle
  const values = Object.values(sizes);
  return readme.replace(BULLET, (bullet) => {
    let i = 0;
    return bullet.replace(SIZE, (_all, _min, s1: string, s2: string, _gz, s3: string) => {
      const size = values[i++]!;
      return `**${kB(size.minified)} kB**${s1}minified${s2}(${kB(size.gzip)} kB${s3}gzip)`;
    });
  });
}

async function main(): Promise<void> {
  const sizes = await measure();
  for (const [name, size] of Object.entries(sizes)) {
    console.log(`${name}: ${size.minified} bytes minified, ${size.gzip} gzip`);
  }
  if (process.argv.includes("--write")) {
    writeFileSync(README, withSizes(readFileSync(README, "utf8"), sizes));
    console.log(`wrote them into ${README}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
