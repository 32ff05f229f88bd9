// Mutation differential: corpus documents, changed at random in the ways the
// contract's rules are about (a member removed, duplicated, moved, renamed or
// retyped, an unknown member with a value serde only checks when it buffers,
// the sequence form, another variant's tag, ...), through the package and
// through the Rust reference (jamjet-testee-rust). Verdict and bytes must agree.
// Seeded: a failure reproduces on every run, and prints its input.

import { test } from "node:test";
import assert from "node:assert/strict";
import { answer, loadCorpus } from "./support/corpus.js";
import { Rng } from "./support/gen.js";
import { Probe, isSendable } from "./support/probe.js";
import { Obj, Raw, VALUES, containers, fromNode, render, type Tree } from "./support/trees.js";
import { LOG_FORM, parseJson, type Form } from "./wire.js";

// A deeper run: JAMJET_FUZZ_CASES=200000 JAMJET_FUZZ_SEED=7 node --test dist/fuzz.test.js
const CASES = Number(process.env.JAMJET_FUZZ_CASES ?? 80_000); // issue 23: 80,000 every run
const SEED = Number(process.env.JAMJET_FUZZ_SEED ?? 20_251_125);

const KEYS = ["type", "node_id", "zz_unknown", "verified", "evidence_refs", "cost_usd", "kind", "id", "decision"];

/** One mutation of `root` in place (or a new root); returns the root. */
function mutate(rng: Rng, root: Tree): Tree {
  const all = containers(root);
  const objects = all.filter((c): c is Obj => c instanceof Obj);
  const arrays = all.filter((c): c is Tree[] => Array.isArray(c));
  const obj = objects.length > 0 ? rng.pick(objects) : undefined;
  const value = (): Tree => rng.pick(VALUES);
  switch (rng.int(11)) {
    case 0: // replace a member's value
      if (obj && obj.entries.length > 0) rng.pick(obj.entries)[1] = value();
      return root;
    case 1: // remove a member
      if (obj && obj.entries.length > 0) obj.entries.splice(rng.int(obj.entries.length), 1);
      return root;
    case 2: // a member twice (same or other value), anywhere
      if (obj && obj.entries.length > 0) {
        const [k, v] = rng.pick(obj.entries);
        obj.entries.splice(rng.int(obj.entries.length + 1), 0, [k, rng.int(2) === 0 ? v : value()]);
      }
      return root;
    case 3: // an unknown (or known) member with an edge value
      obj?.entries.splice(rng.int(obj.entries.length + 1), 0, [rng.pick(KEYS), value()]);
      return root;
    case 4: // serde's sequence form: the values in order (the tag first, as serde wants it)
      if (obj) {
        const tag = obj.entries.filter(([k]) => k === "type");
        const array = [...tag, ...obj.entries.filter(([k]) => k !== "type")].map(([, v]) => v);
        if (obj === root) return array;
        obj.entries = [["zz_seq", array]];
        replaceIn(root, obj, array);
      }
      return root;
    case 5: // members reordered: the tag last, or reversed
      if (obj) obj.entries = rng.int(2) === 0 ? [...obj.entries].reverse() : sortTagLast(obj.entries);
      return root;
    case 6: // another variant's tag over this body
      for (const o of objects) for (const e of o.entries) if (e[0] === "type") e[1] = rng.pick(VARIANTS);
      return root;
    case 7: // a key spelled with an escape, or in another case
      if (obj && obj.entries.length > 0) {
        const e = rng.pick(obj.entries);
        if (typeof e[0] === "string" && e[0].length > 0) {
          e[0] = rng.int(2) === 0 ? new Raw(`"\\u${e[0].charCodeAt(0).toString(16).padStart(4, "0")}${e[0].slice(1)}"`) : e[0].toUpperCase();
        }
      }
      return root;
    case 8: // an array element dropped, or one added
      if (arrays.length > 0) {
        const a = rng.pick(arrays);
        if (a.length > 0 && rng.int(2) === 0) a.splice(rng.int(a.length), 1);
        else a.splice(rng.int(a.length + 1), 0, value());
      }
      return root;
    case 9: // the whole document replaced by an edge value, or wrapped in an array
      return rng.int(2) === 0 ? value() : [root];
    default: // a value swapped with another member's value (type confusion between fields)
      if (obj && obj.entries.length > 1) {
        const a = rng.pick(obj.entries);
        const b = rng.pick(obj.entries);
        [a[1], b[1]] = [b[1], a[1]];
      }
      return root;
  }
}

function sortTagLast(entries: Array<[string | Raw, Tree]>): Array<[string | Raw, Tree]> {
  return [...entries.filter(([k]) => k !== "type"), ...entries.filter(([k]) => k === "type")];
}

function replaceIn(tree: Tree, target: Tree, replacement: Tree): void {
  if (tree instanceof Obj) {
    for (const e of tree.entries) if (e[1] === target) e[1] = replacement;
    for (const [, v] of tree.entries) replaceIn(v, target, replacement);
  } else if (Array.isArray(tree)) {
    tree.forEach((v, i) => (v === target ? (tree[i] = replacement) : replaceIn(v, target, replacement)));
  }
}

let VARIANTS: string[] = [];

test(`mutated corpus documents: verdict and bytes as serde (${CASES} cases, seed ${SEED})`, async (t) => {
  const corpus = loadCorpus().filter((c) => c.tier !== "evolution");
  VARIANTS = [...new Set(corpus.flatMap((c) => (c.covers?.variant ? [c.covers.variant] : [])))];
  const seeds = corpus.flatMap((c) => {
    try {
      return [{ type: c.type_name as string, form: c.form ?? LOG_FORM, tree: fromNode(parseJson(c.input)) }];
    } catch {
      return []; // not JSON to begin with: the corpus has those as they are
    }
  });
  const rng = new Rng(SEED);
  const cases: Array<{ type: string; input: string; form: Form }> = [];
  while (cases.length < CASES) {
    const seed = rng.pick(seeds);
    let tree = fromNode(parseJson(render(seed.tree)));
    for (let n = 1 + rng.int(3); n > 0; n--) tree = mutate(rng, tree);
    // sometimes the kind of an Event on its own, or node_id() of it
    let type = seed.type;
    if (type === "Event" && tree instanceof Obj && rng.int(4) === 0) {
      const kind = tree.entries.find(([k]) => k === "kind");
      if (kind) [type, tree] = ["EventKind", kind[1]];
    }
    if (type === "EventKind" && rng.int(5) === 0) type = "EventKind.node_id";
    const input = render(tree);
    if (isSendable(input)) cases.push({ type, input, form: seed.form });
  }
  const rust = await new Probe("jamjet-testee-rust").batch(cases.map((c) => ({ type_name: c.type, input: c.input, form: c.form })));
  const bad: string[] = [];
  cases.forEach((c, i) => {
    const theirs = rust[i]!;
    const ours = answer(c.type, c.input, c.form);
    const same = theirs.kind === ours.kind && (ours.kind === "error" || theirs.text === ours.text);
    if (!same && bad.length < 10) {
      bad.push(`${c.type} (${c.form}) ${c.input.slice(0, 300)}\n    rust: ${theirs.kind} ${theirs.text}\n    ours: ${ours.kind} ${ours.text}`);
    }
  });
  const accepted = rust.filter((a) => a.kind === "output").length;
  t.diagnostic(`${cases.length} mutated documents (serde accepted ${accepted}); disagreements shown: ${bad.length}`);
  assert.deepEqual(bad, []);
});
