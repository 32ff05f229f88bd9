// esbuild, as a browser app's build would run it: one minified ES module, for the
// browser, ES2022 (the package's own target), @jamjet/schema resolved through
// node_modules and the package's exports map like any dependency.

import { build, type BuildOptions } from "esbuild";
import { fileURLToPath } from "node:url";

/** tests/browser: the folder whose node_modules holds @jamjet/schema and esbuild. */
export const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));

const OPTIONS = {
  bundle: true,
  minify: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  write: false,
  logLevel: "silent",
} as const satisfies BuildOptions;

async function only(options: BuildOptions): Promise<Uint8Array> {
  const result = await build({ ...OPTIONS, ...options });
  const [file, ...more] = result.outputFiles ?? [];
  if (file === undefined || more.length > 0) throw new Error(`esbuild wrote ${result.outputFiles?.length ?? 0} files, not one`);
  return file.contents;
}

/**
 * The bundle of a module of this folder (path relative to tests/browser); `alias`
 * maps bare import names to files elsewhere in the repository.
 */
export function bundleFile(path: string, alias: Record<string, string> = {}): Promise<Uint8Array> {
  return only({ entryPoints: [`${PACKAGE_DIR}/${path}`], alias });
}

/** The bundle of a module given as its text, importing as if it sat in tests/browser. */
export function bundleSource(source: string): Promise<Uint8Array> {
  return only({ stdin: { contents: source, resolveDir: PACKAGE_DIR, loader: "js", sourcefile: "entry.js" } });
}
