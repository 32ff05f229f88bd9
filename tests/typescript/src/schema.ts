// The package under test, as built by `npm run build` (generated/typescript/dist):
// the one place that knows where it is.
export * from "../../../generated/typescript/dist/index.js";
