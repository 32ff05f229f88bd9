// A JSON reader that keeps what JSON.parse loses and the cause of a difference
// depends on: each object's members in order (a member given twice too), each
// number's text (`1.0` is not `1` on the wire), and every string's spelling (for
// other escapes). It reads what the reference runner's reader (Python's json.loads)
// reads: strict JSON, plus NaN, Infinity and -Infinity as numbers; lone surrogate
// escapes are kept.

export type Json = null | boolean | string | JsonNumber | Json[] | JsonObject;

/** A number, as its text. */
export class JsonNumber {
  constructor(readonly text: string) {}
}

/** An object, as its members in order, duplicates kept. */
export class JsonObject {
  constructor(readonly members: ReadonlyArray<readonly [string, Json]>) {}
}

/** A string of the text (a key too): as it is spelt there, and decoded. */
export interface StringToken {
  readonly spelt: string;
  readonly value: string;
}

export interface ReadJson {
  readonly value: Json;
  readonly strings: readonly StringToken[];
}

// Deeper than Python's recursion limit lets json.loads go: not JSON to the reference.
const MAX_DEPTH = 1000;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/y;
const LITERALS: ReadonlyArray<readonly [string, Json]> = [
  ["null", null],
  ["true", true],
  ["false", false],
  ["NaN", new JsonNumber("NaN")],
  ["Infinity", new JsonNumber("Infinity")],
  ["-Infinity", new JsonNumber("-Infinity")],
];
const ESCAPES: Readonly<Record<string, string>> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

class NotJson extends Error {}

/** `text` read as JSON, or undefined when it is not JSON. */
export function readJson(text: string): ReadJson | undefined {
  const reader = new Reader(text);
  try {
    const value = reader.document();
    return { value, strings: reader.strings };
  } catch (error) {
    if (error instanceof NotJson) return undefined;
    throw error;
  }
}

class Reader {
  pos = 0;
  readonly strings: StringToken[] = [];

  constructor(private readonly text: string) {}

  document(): Json {
    const value = this.value(0);
    this.space();
    if (this.pos !== this.text.length) throw new NotJson();
    return value;
  }

  private value(depth: number): Json {
    if (depth > MAX_DEPTH) throw new NotJson();
    this.space();
    const c = this.text[this.pos];
    if (c === "{") return this.object(depth);
    if (c === "[") return this.array(depth);
    if (c === '"') return this.string();
    NUMBER.lastIndex = this.pos;
    const number = NUMBER.exec(this.text);
    if (number !== null) {
      this.pos += number[0].length;
      return new JsonNumber(number[0]);
    }
    for (const [word, value] of LITERALS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    throw new NotJson();
  }

  private object(depth: number): JsonObject {
    this.pos += 1;
    const members: [string, Json][] = [];
    if (this.next() === "}") return this.close(new JsonObject(members));
    for (;;) {
      if (this.next() !== '"') throw new NotJson();
      const key = this.string();
      if (this.next() !== ":") throw new NotJson();
      this.pos += 1;
      members.push([key, this.value(depth + 1)]);
      const after = this.next();
      this.pos += 1;
      if (after === "}") return new JsonObject(members);
      if (after !== ",") throw new NotJson();
    }
  }

  private array(depth: number): Json[] {
    this.pos += 1;
    const items: Json[] = [];
    if (this.next() === "]") return this.close(items);
    for (;;) {
      items.push(this.value(depth + 1));
      const after = this.next();
      this.pos += 1;
      if (after === "]") return items;
      if (after !== ",") throw new NotJson();
    }
  }

  private close<T>(value: T): T {
    this.pos += 1;
    return value;
  }

  private string(): string {
    const start = this.pos;
    this.pos += 1;
    let value = "";
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined || c < " ") throw new NotJson(); // unterminated, or a control character
      this.pos += 1;
      if (c === '"') break;
      value += c === "\\" ? this.escape() : c;
    }
    this.strings.push({ spelt: this.text.slice(start, this.pos), value });
    return value;
  }

  private escape(): string {
    const c = this.text[this.pos];
    this.pos += 1;
    const simple = c === undefined ? undefined : ESCAPES[c];
    if (simple !== undefined && Object.hasOwn(ESCAPES, c ?? "")) return simple;
    const hex = this.text.slice(this.pos, this.pos + 4);
    if (c !== "u" || !/^[0-9a-fA-F]{4}$/.test(hex)) throw new NotJson();
    this.pos += 4;
    return String.fromCharCode(parseInt(hex, 16)); // a lone surrogate stays one
  }

  /** The next character after white space (JSON's four). */
  private next(): string | undefined {
    this.space();
    return this.text[this.pos];
  }

  private space(): void {
    while (" \t\n\r".includes(this.text[this.pos] ?? "x")) this.pos += 1;
  }
}

/** A tree as compact JSON, numbers as they were spelt (for reports). */
export function writeJson(value: Json): string {
  if (value instanceof JsonObject) return "{" + value.members.map(([k, v]) => `${writeString(k)}:${writeJson(v)}`).join(",") + "}";
  if (value instanceof JsonNumber) return value.text;
  if (Array.isArray(value)) return "[" + value.map(writeJson).join(",") + "]";
  if (typeof value === "string") return writeString(value);
  return JSON.stringify(value);
}

/** A string as JSON, non-ASCII characters as they are (JSON.stringify escapes lone surrogates). */
export function writeString(value: string): string {
  return JSON.stringify(value);
}
