// A page that runs one bundle, in headless Chromium: the bundle is served beside an
// index.html that loads it as a module, as a browser app ships it.

import { bundleFile } from "./bundle.js";
import { Chromium, Page } from "./chromium.js";
import { serve } from "./server.js";

// no favicon request (a 404 would be reported as a problem of the page)
const INDEX = `<!doctype html>
<html><head><meta charset="utf-8"><title>@jamjet/schema</title><link rel="icon" href="data:,">
<script type="module" src="/page.js"></script></head><body></body></html>
`;

export interface PageOptions {
  /** Bare import names of the page's code -> files (esbuild's alias). */
  alias?: Record<string, string>;
  /** More files the page may fetch, by path ("/log.jsonl"). */
  files?: Record<string, string | Uint8Array>;
}

/**
 * Runs `use` with a page that loaded the bundle of `entry` (a path under
 * tests/browser) and then closes everything. Fails if the page reports a problem
 * (an uncaught exception, a console error, a failed load) at any point.
 */
export async function withPage<T>(entry: string, use: (page: Page) => Promise<T>, options: PageOptions = {}): Promise<T> {
  const bundle = await bundleFile(entry, options.alias);
  const server = await serve({ ...options.files, "/index.html": INDEX, "/page.js": bundle });
  const browser = Chromium.launch();
  try {
    const page = await Page.open(browser, `${server.url}index.html`);
    if (page.problems.length > 0) throw new Error(`the page did not load:\n${page.problems.join("\n")}`);
    const result = await use(page);
    if (page.problems.length > 0) throw new Error(`the page reported:\n${page.problems.join("\n")}`);
    return result;
  } finally {
    await browser.close();
    await server.close();
  }
}
