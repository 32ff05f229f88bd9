// Systematic differential: every object of the corpus's minimal and full
// documents (Event, ProvenanceMetadata, each EventKind variant; nested ones
// too), edited one way at a time, through the package and through the Rust
// reference (jamjet-testee-rust). Verdict and bytes must agree.
//
// Edits: each member removed, given twice, or given each edge value of
// support/trees.ts (widths, floats, timestamps, UUIDs, the unit enum's map
// forms such as {"approved":{}}, deferred problems); an unknown member with
// each edge value; the tag moved last or given twice; and serde's sequence
// form cut to every length (a `#[serde(default)]` field may be missing there,
// an Option may not). The corpus pins the rules; this pins their corners.

import { test } from "node:test";
import assert from "node:assert/strict";
import { answer, loadCorpus, manifestVariants } from "./support/corpus.js";
import { Probe, isSendable } from "./support/probe.js";
import { Obj, VALUES, containers, fromNode, render, type Tree } from "./support/trees.js";
import { parseJson } from "./wire.js";

type Edit = (target: Obj) => Tree | undefined; // a replacement for the target, or undefined (edited in place)

function memberEdits(size: number): Edit[] {
  const edits: Edit[] = [];
  for (let i = 0; i < size; i++) {
    edits.push((o) => void o.entries.splice(i, 1));
    edits.push((o) => void o.entries.push(o.entries[i]!));
    for (const v of VALUES) edits.push((o) => void (o.entries[i]![1] = v));
  }
  return edits;
}

function shapeEdits(target: Obj): Edit[] {
  const edits: Edit[] = VALUES.map((v) => (o: Obj) => void o.entries.unshift(["zz_unknown", v]));
  if (target.entries.some(([k]) => k === "type")) {
    edits.push((o) => void (o.entries = [...o.entries.filter(([k]) => k !== "type"), ...o.entries.filter(([k]) => k === "type")]));
    edits.push((o) => void o.entries.push(["type", "tool_called"]));
  }
  // the sequence form, tag first, at every length and one too long
  for (let n = 0; n <= target.entries.length + 1; n++) {
    edits.push((o) => {
      const ordered = [...o.entries.filter(([k]) => k === "type"), ...o.entries.filter(([k]) => k !== "type")];
      const values = ordered.map(([, v]) => v);
      return n <= values.length ? values.slice(0, n) : [...values, null];
    });
  }
  return edits;
}

function replace(root: Tree, target: Tree, by: Tree): Tree {
  if (root === target) return by;
  for (const c of containers(root)) {
    if (c instanceof Obj) for (const e of c.entries) if (e[1] === target) e[1] = by;
    if (Array.isArray(c)) c.forEach((v, i) => v === target && (c[i] = by));
  }
  return root;
}

/** Every document one edit away from `input`. */
function edited(input: string): string[] {
  const fresh = (): Tree => fromNode(parseJson(input));
  const out: string[] = [];
  containers(fresh()).forEach((target, k) => {
    if (!(target instanceof Obj)) return;
    for (const edit of [...memberEdits(target.entries.length), ...shapeEdits(target)]) {
      const root = fresh();
      const copy = containers(root)[k] as Obj;
      const by = edit(copy);
      out.push(render(by === undefined ? root : replace(root, copy, by)));
    }
  });
  return out;
}

test("every base document, edited once anywhere: verdict and bytes as serde", async (t) => {
  const bases = loadCorpus().filter((c) => /^required\.(Event|ProvenanceMetadata|EventKind\.[a-z_]+)\.(minimal|full)$/.test(c.id));
  assert.equal(bases.length, 2 * (2 + manifestVariants().length), "minimal and full documents of Event, ProvenanceMetadata and each variant");
  const cases = bases.flatMap((b) => [...new Set(edited(b.input))].filter(isSendable).map((input) => ({ type: b.type_name, input })));
  const rust = await new Probe("jamjet-testee-rust").batch(cases.map((c) => ({ type_name: c.type, input: c.input })));
  const bad: string[] = [];
  cases.forEach((c, i) => {
    const theirs = rust[i]!;
    const ours = answer(c.type, c.input);
    if (theirs.kind !== ours.kind || (ours.kind === "output" && theirs.text !== ours.text)) {
      if (bad.length < 10) bad.push(`${c.type} ${c.input.slice(0, 300)}\n    rust: ${theirs.kind} ${theirs.text}\n    ours: ${ours.kind} ${ours.text}`);
    }
  });
  const accepted = rust.filter((a) => a.kind === "output").length;
  t.diagnostic(`${cases.length} edited documents from ${bases.length} bases (serde accepted ${accepted})`);
  assert.deepEqual(bad, []);
});
