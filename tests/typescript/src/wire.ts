// The package's runtime (its "@jamjet/schema/runtime" entry point), as built,
// plus the portable UTF-8 fallbacks that only the runtime tests reach for.
export * from "../../../generated/typescript/dist/runtime/index.js";
export { utf8DecodeFallback, utf8EncodeFallback } from "../../../generated/typescript/dist/runtime/utf8.js";
