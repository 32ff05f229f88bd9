// JSON documents as trees that keep what JSON.parse would lose (member order,
// duplicate members, exact integers) and can hold raw text parseJson would
// refuse, for the differential tests to build inputs from corpus documents.

import { JsonObject, formatF64, writeJsonString, type JsonNode } from "../wire.js";

/** JSON text inserted as is: lets a mutation place values parseJson would refuse. */
export class Raw {
  constructor(readonly text: string) {}
}

/** A document being mutated: members keep their order and duplicates; keys may be raw text. */
export type Tree = null | boolean | bigint | number | string | Raw | Tree[] | Obj;
export class Obj {
  constructor(public entries: Array<[string | Raw, Tree]>) {}
}

export const deep = (n: number): string => "[".repeat(n) + "]".repeat(n);

// Values at the edges of the rules: widths, floats, timestamps, UUIDs, unit
// enum forms, what serde only checks when it buffers (1e999, "\ud800", depth).
export const VALUES = [
  "null", "true", "false", "0", "-1", "1", "1.0", "1.5", "-0", "1e999", "-1e999", "2.5e-324",
  "4294967295", "4294967296", "9007199254740993", "18446744073709551615", "18446744073709551616",
  "-9223372036854775808", "-9223372036854775809", '""', '"x"', '"approved"', '"rejected"',
  '"Approved"', '"node_completed"', '"tool_called"', '"2020-01-01T00:00:00Z"', '"2020-02-30T00:00:00Z"',
  '"2020-01-01t00:00:00.5+01:00"', '"67e55044-10b1-426f-9247-bb680e5fe0c8"',
  '"{67E55044-10B1-426F-9247-BB680E5FE0C8}"', '"\\ud800"', '"\\u0041"', "[]", "{}", "[1]", '["x"]',
  '{"approved":null}', '{"approved":{}}', '{"rejected":[]}', '{"approved":null,"x":1}', '{"a":1,"a":2}',
  '{"type":"node_cancelled","node_id":"n"}', '["node_cancelled","n"]', "[null,null,null,true]",
  '{"model_id":"m","verified":true,"evidence_refs":["e"]}', deep(127), deep(129), `{"a":${deep(130)}}`,
].map((t) => new Raw(t));

export function fromNode(node: JsonNode): Tree {
  if (node instanceof JsonObject) return new Obj(node.entries.map(([k, v]) => [k, fromNode(v)]));
  if (Array.isArray(node)) return node.map(fromNode);
  if (typeof node === "object" && node !== null) throw new Error("deferred node in a strict parse");
  return node;
}

export function render(tree: Tree): string {
  if (tree instanceof Raw) return tree.text;
  if (tree instanceof Obj) {
    return `{${tree.entries.map(([k, v]) => `${k instanceof Raw ? k.text : writeJsonString(k)}:${render(v)}`).join(",")}}`;
  }
  if (Array.isArray(tree)) return `[${tree.map(render).join(",")}]`;
  if (typeof tree === "number") return formatF64(tree);
  if (typeof tree === "string") return writeJsonString(tree);
  return String(tree);
}

/** Every container in the tree (the root included), for picking where to mutate. */
export function containers(tree: Tree, out: Array<Obj | Tree[]> = []): Array<Obj | Tree[]> {
  if (tree instanceof Obj) {
    out.push(tree);
    for (const [, v] of tree.entries) containers(v, out);
  } else if (Array.isArray(tree)) {
    out.push(tree);
    for (const v of tree) containers(v, out);
  }
  return out;
}
