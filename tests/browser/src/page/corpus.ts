// The page's script: @jamjet/schema as a browser app imports it, bundled by esbuild.
// The test hands it requests as JSON text and reads the answers back the same way
// (JSON, so the bytes cross the DevTools protocol unchanged).

import { answerAll, type Request } from "../answer.js";

declare global {
  interface Window {
    /** Set once the bundle has run; the test waits for it. */
    jamjetPage?: { answerAll(requests: string): string };
  }
}

window.jamjetPage = {
  answerAll: (requests) => JSON.stringify(answerAll(JSON.parse(requests) as Request[])),
};
