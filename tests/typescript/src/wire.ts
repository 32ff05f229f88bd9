// The package's runtime (its "@jamjet/schema/runtime" entry point), as built,
// plus the portable UTF-8 fallbacks that only the runtime tests reach for, and the
// contract's constants the testee protocol names (type names, forms).
export * from "../../../generated/typescript/dist/runtime/index.js";
export { isWellFormedFallback, utf8DecodeFallback, utf8EncodeFallback } from "../../../generated/typescript/dist/runtime/utf8.js";
export {
  ENVELOPE_MEMBER,
  EVENTS_ARRAY,
  EVENTS_ENVELOPE,
  FORMS,
  PROTOCOL_TYPES,
} from "../../../generated/typescript/dist/runtime/constants.js";
