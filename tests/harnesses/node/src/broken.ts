// Broken on purpose, three ways at once, by rewriting the texts around the good
// subject (as ../../broken_combo.py does around the Rust reference): it accepts a
// member given twice (the last one wins, at the first one's place), leaves out null
// members, and writes a whole f64 as `1` where serde writes `1.0`.

import type { Form, Subject } from "@jamjet/schema-conformance";
import { ours } from "./ours.js";
import { Members, read, write, type Tree } from "./tree.js";

const DOT_ZERO = /(?<=[:[,])(-?\d+)\.0(?=[,}\]])/g;

function hasDuplicates(tree: Tree): boolean {
  if (tree instanceof Members) {
    const keys = tree.members.map(([k]) => k);
    return new Set(keys).size !== keys.length || tree.members.some(([, v]) => hasDuplicates(v));
  }
  return Array.isArray(tree) && tree.some(hasDuplicates);
}

function keepLast(tree: Tree): Tree {
  if (tree instanceof Members) {
    const kept = new Map<string, Tree>();
    for (const [k, v] of tree.members) kept.set(k, keepLast(v));
    return new Members([...kept]);
  }
  return Array.isArray(tree) ? tree.map(keepLast) : tree;
}

function dropNulls(tree: Tree): Tree {
  if (tree instanceof Members) return new Members(tree.members.filter(([, v]) => v !== null).map(([k, v]) => [k, dropNulls(v)]));
  return Array.isArray(tree) ? tree.map(dropNulls) : tree;
}

export const broken: Subject = {
  answer(typeName: string, input: string, form: Form): string {
    const question = read(input);
    const asked = question !== undefined && hasDuplicates(question) ? write(keepLast(question)) : input;
    const output = ours.answer(typeName, asked, form);
    const written = read(output);
    return (written === undefined ? output : write(dropNulls(written))).replace(DOT_ZERO, "$1");
  },
};
