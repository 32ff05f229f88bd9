// Where two outputs first differ, for a failure's message: a JSON path when both
// are JSON and their values differ (`at $.kind.output (member 2)`), else a character.

import { JsonNumber, JsonObject, readJson, writeJson, writeString, type Json } from "./json.js";

const SHOWN = 80; // characters of each side shown

export function firstDifference(expected: string, actual: string): string {
  const a = readJson(expected);
  const b = readJson(actual);
  let note = "";
  if (a !== undefined && b !== undefined) {
    const found = walk(a.value, b.value, "$");
    if (found !== undefined) return found;
    note = " (the same JSON value, spelt differently)";
  } else if (a !== undefined) {
    note = " (the actual output is not JSON)";
  }
  const at = differingCharacter(expected, actual);
  return `first difference at character ${at}${note}: expected ${windowAt(expected, at)}, got ${windowAt(actual, at)}`;
}

function said(path: string, expected: string, actual: string, note = ""): string {
  return `first difference at ${path}${note}: expected ${expected}, got ${actual}`;
}

function walk(a: Json, b: Json, path: string): string | undefined {
  if (a instanceof JsonObject && b instanceof JsonObject) return walkObject(a, b, path);
  if (Array.isArray(a) && Array.isArray(b)) return walkArray(a, b, path);
  const same = a instanceof JsonNumber && b instanceof JsonNumber ? a.text === b.text : a === b;
  return same ? undefined : said(path, clip(writeJson(a)), clip(writeJson(b)));
}

function walkObject(a: JsonObject, b: JsonObject, path: string): string | undefined {
  for (let i = 0; i < Math.max(a.members.length, b.members.length); i++) {
    const x = a.members[i];
    const y = b.members[i];
    if (x === undefined || y === undefined || x[0] !== y[0]) return said(path, member(x), member(y), ` (member ${i + 1})`);
    const found = walk(x[1], y[1], child(path, x[0]));
    if (found !== undefined) return found;
  }
  return undefined;
}

function walkArray(a: Json[], b: Json[], path: string): string | undefined {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined) return said(`${path}[${i}]`, item(x), item(y));
    const found = walk(x, y, `${path}[${i}]`);
    if (found !== undefined) return found;
  }
  return undefined;
}

function child(path: string, key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${path}.${key}` : `${path}[${writeString(key)}]`;
}

function member(m: readonly [string, Json] | undefined): string {
  return m === undefined ? "no more members" : clip(`${writeString(m[0])}:${writeJson(m[1])}`);
}

function item(value: Json | undefined): string {
  return value === undefined ? "no more items" : clip(writeJson(value));
}

function clip(text: string): string {
  const chars = [...text];
  return chars.length <= SHOWN ? text : `${chars.slice(0, SHOWN).join("")}... [${chars.length - SHOWN} more chars]`;
}

/** The index (in code points) of the first character where `a` and `b` differ. */
export function differingCharacter(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return i;
  return n;
}

function windowAt(text: string, at: number): string {
  if (text === "") return "(nothing)";
  const chars = [...text];
  const start = Math.max(0, at - 20);
  const shown = chars.slice(start, start + SHOWN).join("");
  return writeString((start > 0 ? "..." : "") + shown + (start + SHOWN < chars.length ? "..." : ""));
}
