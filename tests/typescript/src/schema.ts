// The package under test, as built by `npm run build` (generated/typescript/dist):
// the one place that knows where it is.
export * from "../../../generated/typescript/dist/index.js";
/** The fast readers parse* tries first (src/read.ts), for the tests that hold them to the exact path. */
export * as read from "../../../generated/typescript/dist/read.js";
