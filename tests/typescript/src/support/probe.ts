// Talks to the Rust judge: target/release/jamjet-wire-probe (see
// reference/testee/src/bin/jamjet-wire-probe.rs), or to any testee of
// conformance/testees.json (Probe.registered). One process per batch;
// requests are batched: every line is written, then every answer read.
//
// If the binary is missing it is built with `cargo build --release -q` from
// the repository root.

import { spawn, execFileSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { isWellFormed, type Form } from "../wire.js";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface ProbeRequest {
  type_name: string;
  input: string;
  /** How an accepted input is written back (protocol.md): absent is the log form. */
  form?: Form;
}

export type ProbeAnswer =
  | { kind: "output"; text: string }
  | { kind: "error"; text: string }
  | { kind: "skipped"; text: string };

/** Walks up from this file to the directory holding the workspace Cargo.toml. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "Cargo.toml")) && existsSync(join(dir, "reference", "testee"))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error("repository root (Cargo.toml + reference/testee) not found");
    dir = up;
  }
}

export function probeBinary(name = "jamjet-wire-probe"): string {
  const root = repoRoot();
  const bin = join(root, "target", "release", name);
  if (!existsSync(bin)) {
    execFileSync("cargo", ["build", "--release", "-q"], { cwd: root, stdio: "inherit" });
  }
  if (!existsSync(bin)) throw new Error(`probe binary still missing after cargo build: ${bin}`);
  return bin;
}

/** Inputs the probe can carry: its request line is parsed into a Rust String. */
export function isSendable(s: string): boolean {
  return isWellFormed(s);
}

export class Probe {
  private nextId = 1;

  /**
   * `binary`: a testee in target/release speaking the protocol (the wire probe by default);
   * or, with `shellCommand`, any testee command line, run by a shell from the repository root.
   */
  constructor(
    private readonly binary = "jamjet-wire-probe",
    private readonly shellCommand?: string,
  ) {}

  /** The testee `name` of conformance/testees.json, started the way the conformance runner does. */
  static registered(name: string): Probe {
    const registry = JSON.parse(readFileSync(join(repoRoot(), "conformance", "testees.json"), "utf8")) as Record<
      string,
      { command: string } | undefined
    >;
    const entry = registry[name];
    if (entry === undefined) throw new Error(`no testee ${name} in conformance/testees.json`);
    return new Probe(name, entry.command);
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.shellCommand !== undefined) {
      return spawn(this.shellCommand, { shell: true, cwd: repoRoot(), stdio: ["pipe", "pipe", "pipe"] });
    }
    return spawn(probeBinary(this.binary), [], { stdio: ["pipe", "pipe", "pipe"] });
  }

  /** Sends every request, then collects every answer (in order). */
  async batch(requests: readonly ProbeRequest[]): Promise<ProbeAnswer[]> {
    if (requests.length === 0) return [];
    for (const r of requests) {
      if (!isSendable(r.input)) throw new Error(`unsendable probe input (lone surrogate): ${JSON.stringify(r.input)}`);
    }
    const child = this.start();
    const firstId = this.nextId;
    this.nextId += requests.length;
    const lines = requests.map((r, i) =>
      JSON.stringify({ id: firstId + i, type_name: r.type_name, input: r.input, ...(r.form === undefined ? {} : { form: r.form }) }),
    );
    const answers = new Array<ProbeAnswer | undefined>(requests.length);
    let stderr = "";
    let buffered = "";
    let received = 0;
    const done = new Promise<void>((resolve, reject) => {
      child.stdout.setEncoding("utf8");
      child.stderr.setEncoding("utf8");
      child.stderr.on("data", (d: string) => (stderr += d));
      child.stdout.on("data", (chunk: string) => {
        buffered += chunk;
        let nl: number;
        while ((nl = buffered.indexOf("\n")) >= 0) {
          const line = buffered.slice(0, nl);
          buffered = buffered.slice(nl + 1);
          if (line.trim() === "") continue;
          const msg = JSON.parse(line) as { id: number; output?: string; error?: string; skipped?: string };
          const slot = msg.id - firstId;
          if (msg.output !== undefined) answers[slot] = { kind: "output", text: msg.output };
          else if (msg.error !== undefined) answers[slot] = { kind: "error", text: msg.error };
          else answers[slot] = { kind: "skipped", text: msg.skipped ?? "" };
          received++;
        }
      });
      child.on("error", reject);
      child.on("close", (code) => {
        if (received === requests.length) resolve();
        else reject(new Error(`probe exited (code ${code}) after ${received}/${requests.length} answers: ${stderr}`));
      });
    });
    child.stdin.end(lines.join("\n") + "\n");
    await done;
    return answers.map((a, i) => {
      if (a === undefined) throw new Error(`no answer for request ${i}`);
      return a;
    });
  }
}

/** serde_json appends " at line L column C" to errors; type/value errors from our tree decoders carry no position. */
export function stripPosition(message: string): string {
  return message.replace(/ at line \d+ column \d+$/, "");
}
