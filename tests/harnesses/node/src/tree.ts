// A JSON tree that keeps what JSON.parse loses (member order, members given twice,
// number text), read as Python's json.loads reads and written as serde_json writes:
// what the broken subjects rewrite texts with.

export class Num {
  constructor(readonly text: string) {}
}

export class Members {
  constructor(readonly members: [string, Tree][]) {}
}

export type Tree = null | boolean | string | Num | Tree[] | Members;

// one token after JSON's white space: punctuation, a string, a number (NaN and
// Infinity too, as json.loads reads them) or a literal
const TOKEN = /[ \t\n\r]*(?:[{}[\]:,]|"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|-?Infinity|NaN|true|false|null)/y;

/** The tree of `text`, or undefined when it is not JSON. */
export function read(text: string): Tree | undefined {
  const tokens: string[] = [];
  let end = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    tokens.push(m[0].replace(/^[ \t\n\r]+/, ""));
    end = TOKEN.lastIndex;
  }
  if (!/^[ \t\n\r]*$/.test(text.slice(end))) return undefined;
  const at = { i: 0 };
  try {
    const tree = value(tokens, at);
    return at.i === tokens.length ? tree : undefined;
  } catch {
    return undefined;
  }
}

function value(tokens: string[], at: { i: number }): Tree {
  const t = tokens[at.i++];
  if (t === undefined) throw new Error("end");
  if (t === "{") {
    const members: [string, Tree][] = [];
    if (tokens[at.i] === "}") return (at.i++, new Members(members));
    for (;;) {
      const key = value(tokens, at);
      if (typeof key !== "string" || tokens[at.i++] !== ":") throw new Error("key");
      members.push([key, value(tokens, at)]);
      const next = tokens[at.i++];
      if (next === "}") return new Members(members);
      if (next !== ",") throw new Error(",");
    }
  }
  if (t === "[") {
    const items: Tree[] = [];
    if (tokens[at.i] === "]") return (at.i++, items);
    for (;;) {
      items.push(value(tokens, at));
      const next = tokens[at.i++];
      if (next === "]") return items;
      if (next !== ",") throw new Error(",");
    }
  }
  if (t.startsWith('"')) return JSON.parse(t) as string;
  if (t === "true" || t === "false" || t === "null") return JSON.parse(t) as boolean | null;
  if (/^[-\dIN]/.test(t)) return new Num(t);
  throw new Error(t);
}

/** Compact, as serde_json writes it. */
export function write(tree: Tree): string {
  if (tree instanceof Members) return "{" + tree.members.map(([k, v]) => `${JSON.stringify(k)}:${write(v)}`).join(",") + "}";
  if (tree instanceof Num) return tree.text;
  if (Array.isArray(tree)) return "[" + tree.map(write).join(",") + "]";
  return JSON.stringify(tree);
}
