// A page needs an origin: module scripts do not load from file:// URLs. This serves
// a few files from memory on the loopback interface, on a port the system picks.

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface Served {
  /** The server's root, e.g. http://127.0.0.1:41234/ */
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { html: "text/html", js: "text/javascript" };

/** Serves `files` (path -> content, e.g. "/index.html"); anything else is a 404. */
export async function serve(files: Record<string, string | Uint8Array>): Promise<Served> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const body = Object.hasOwn(files, path) ? files[path] : undefined;
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    const type = TYPES[path.slice(path.lastIndexOf(".") + 1)] ?? "application/octet-stream";
    response
      .writeHead(200, {
        "content-type": `${type}; charset=utf-8`,
        "cache-control": "no-store",
        // cross-origin isolation: the page's performance.now() then ticks in 5 µs, not 100 µs
        "cross-origin-opener-policy": "same-origin",
        "cross-origin-embedder-policy": "require-corp",
      })
      .end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
