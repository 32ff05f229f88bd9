// Oracles for the view tests, independent of the view's code: where the Values of a
// parsed document are (read from the schema, not from the generated converters),
// and what the view documents it does to them and to integers.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JsonObject, type Event, type EventKind, type JsonNode, type PathSegment } from "../schema.js";
import { repoRoot } from "./probe.js";

type Schema = { [key: string]: unknown };
type Shape = "value" | "vec"; // a Value (alone or in an Option), or a Vec<Value>

/** The fields of each struct and variant that hold serde_json::Values, by the variant's tag or the struct's name. */
function valueFields(): Map<string, Map<string, Shape>> {
  const schema = JSON.parse(readFileSync(join(repoRoot(), "schema", "event.schema.json"), "utf8")) as { $defs: Record<string, Schema> };
  const out = new Map<string, Map<string, Shape>>();
  for (const [name, def] of Object.entries(schema.$defs)) {
    const properties = (def["properties"] ?? {}) as Record<string, Schema & { const?: string }>;
    const fields = new Map<string, Shape>();
    for (const [field, property] of Object.entries(properties)) {
      if (!JSON.stringify(property).includes('"$ref":"#/$defs/JsonValue"')) continue;
      fields.set(field, property["type"] === "array" ? "vec" : "value");
    }
    out.set(properties["type"]?.const ?? name, fields);
  }
  return out;
}

const VALUES = valueFields();

/** A Value with every f64 that holds a safe integer (but -0) made that integer: what the view writes back. */
export function integralFloatsAsIntegers(node: JsonNode): JsonNode {
  if (typeof node === "number") return Number.isSafeInteger(node) && !Object.is(node, -0) ? BigInt(node) : node;
  if (Array.isArray(node)) return node.map(integralFloatsAsIntegers);
  if (node instanceof JsonObject) return new JsonObject(node.entries.map(([k, v]) => [k, integralFloatsAsIntegers(v)] as const));
  return node;
}

/** A struct or variant with its Value fields passed through `fix`; `key` is its tag or its struct's name. */
function fixValues<T extends object>(value: T, key: string, fix: (node: JsonNode) => JsonNode): T {
  const fields = VALUES.get(key);
  if (fields === undefined) throw new Error(`no ${key} in the schema`);
  const fixField = (field: string, v: unknown): unknown => {
    const shape = fields.get(field);
    if (shape === undefined || v === null || v === undefined) return v;
    return shape === "vec" ? (v as JsonNode[]).map(fix) : fix(v as JsonNode);
  };
  return Object.fromEntries(Object.entries(value).map(([field, v]) => [field, fixField(field, v)])) as T;
}

export function fixKind(kind: EventKind, fix: (node: JsonNode) => JsonNode): EventKind {
  return fixValues(kind, kind.type, fix);
}

export function fixEvent(event: Event, fix: (node: JsonNode) => JsonNode): Event {
  return { ...fixValues(event, "Event", fix), kind: fixKind(event.kind, fix) };
}

/**
 * Where a parsed (exact) value holds an integer beyond ±(2^53-1): every bigint, in
 * fields and in Values (as serde_json::Value keeps them: a repeated key's last value).
 */
export function unsafeIntegers(value: unknown, path: PathSegment[] = []): PathSegment[][] {
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => unsafeIntegers(item, [...path, i]));
  if (value instanceof JsonObject) return unsafeIntegers(value.members, path);
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => unsafeIntegers(v, [...path, k]));
  }
  return [];
}
