// The runtime's public surface: the generated src/decode.ts, src/encode.ts and
// src/builders.ts import from "./runtime/index.js"; the package re-exports what
// users need, and the whole runtime as the "@jamjet/schema/runtime" entry point.

export { WireError, at, formatPath, type PathSegment } from "./errors.js";
export { Reader, fastRead } from "./reader.js";
export { parseJson, firstInvalid, JsonObject, JsonInvalid, type JsonNode, type JsonInt, type ParseOptions } from "./json.js";
export { decodeU32, decodeU64, decodeI64, decodeF64, writeU32, writeU64, writeI64, writeF64 } from "./numbers.js";
export { formatF64 } from "./floats.js";
export { writeJsonString } from "./strings.js";
export { decodeValue, writeValue, toJsonNode, fromJsonNode, type PlainOptions } from "./value.js";
export { Timestamp, decodeTimestamp, writeTimestamp, type TimestampParts } from "./timestamp.js";
export { parseUuid, decodeUuid, writeUuid, randomUuidV4 } from "./uuid.js";
export {
  decodeBool,
  decodeString,
  decodeArray,
  decodeObject,
  decodeVec,
  decodeOption,
  describeUnexpected,
  invalidType,
  invalidValue,
  rustDebugString,
} from "./primitives.js";
export { compareUtf8, isWellFormed } from "./utf8.js";
export {
  readStruct,
  missingField,
  required,
  optional,
  defaulted,
  omitNone,
  omitEmpty,
  type FieldSpec,
  type StructMembers,
} from "./struct.js";
export { readTagged, decodeUnitVariant, variantIdentifier, unknownVariant, type Tagged } from "./tagged.js";
export {
  writeMembers,
  member,
  memberUnlessNone,
  memberUnlessEmpty,
  checkObject,
  writeBool,
  writeString,
  writeOption,
  writeVec,
  writeItems,
  fastWrite,
  writeUnitVariant,
  unknownTag,
  isForm,
  LOG_FORM,
  API_FORM,
  type Form,
  type Member,
  type Writer,
} from "./writers.js";
export {
  viewInt,
  exactInt,
  viewTimestamp,
  exactTimestamp,
  viewValue,
  exactValue,
  mapOption,
  mapVec,
  present,
  expectObject,
  type PlainJson,
  type Convert,
} from "./view.js";
