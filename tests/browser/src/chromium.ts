// Headless Chromium (Debian's package: `apt-get install chromium`) driven through the
// DevTools protocol over a pipe (--remote-debugging-pipe: requests on the child's fd 3,
// answers and events on its fd 4, each message JSON ended by a NUL byte). No driver
// library and no browser download: the protocol is all a test needs.

import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable, Writable } from "node:stream";

/** The browser to run: $CHROMIUM, else Debian's launcher on the PATH. */
export function chromiumCommand(): string {
  return process.env["CHROMIUM"] ?? "chromium";
}

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: unknown;
  error?: { message: string };
  sessionId?: string;
}

type Listener = (message: Message) => void;

export class Chromium {
  readonly #child: ChildProcess;
  readonly #requests: Writable;
  readonly #profile: string;
  readonly #pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();
  readonly #listeners = new Set<Listener>();
  #nextId = 1;
  #stderr = "";
  #exited: Promise<void>;

  private constructor(child: ChildProcess, profile: string) {
    this.#child = child;
    this.#profile = profile;
    this.#requests = child.stdio[3] as Writable;
    const answers = child.stdio[4] as Readable;
    let buffered = "";
    answers.setEncoding("utf8");
    answers.on("data", (chunk: string) => {
      buffered += chunk;
      let end: number;
      while ((end = buffered.indexOf("\0")) !== -1) {
        this.#dispatch(JSON.parse(buffered.slice(0, end)) as Message);
        buffered = buffered.slice(end + 1);
      }
    });
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      this.#stderr = (this.#stderr + chunk).slice(-4000); // a tail, for the report
    });
    this.#exited = new Promise((resolve) => {
      child.on("exit", (code, signal) => {
        const why = new Error(`chromium exited (${signal ?? code}); its stderr ends:\n${this.#stderr}`);
        for (const { reject } of this.#pending.values()) reject(why);
        this.#pending.clear();
        resolve();
      });
    });
  }

  /** Starts a headless browser with a fresh profile (removed by close()). */
  static launch(): Chromium {
    const profile = mkdtempSync(join(tmpdir(), "jamjet-chromium-"));
    const args = [
      "--headless",
      "--remote-debugging-pipe",
      `--user-data-dir=${profile}`,
      "--no-first-run",
      "--no-default-browser-check",
      "--disable-gpu",
      "--disable-extensions",
      // a container's /dev/shm is often 64 MB: Chromium then uses /tmp instead
      "--disable-dev-shm-usage",
      // a benchmark's page must run at full speed, never throttled as a background tab
      "--disable-background-timer-throttling",
      "--disable-renderer-backgrounding",
      "--disable-backgrounding-occluded-windows",
      "about:blank",
    ];
    // Chromium refuses to run as root with its sandbox (CI runs as root); the page
    // only runs this repository's code
    if (process.getuid?.() === 0) args.unshift("--no-sandbox");
    const child = spawn(chromiumCommand(), args, { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"] });
    const browser = new Chromium(child, profile);
    child.on("error", (error) => {
      const why = new Error(`cannot start ${chromiumCommand()} (apt-get install chromium, or set CHROMIUM): ${error.message}`);
      for (const { reject } of browser.#pending.values()) reject(why);
      browser.#pending.clear();
    });
    return browser;
  }

  #dispatch(message: Message): void {
    if (message.id !== undefined) {
      const waiting = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if (message.error !== undefined) waiting?.reject(new Error(message.error.message));
      else waiting?.resolve(message.result);
      return;
    }
    for (const listener of this.#listeners) listener(message);
  }

  /** One protocol command (to the browser, or to a page's session); its result. */
  send<T>(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<T> {
    const id = this.#nextId++;
    const message = sessionId === undefined ? { id, method, params } : { id, method, params, sessionId };
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (r: unknown) => void, reject });
      this.#requests.write(JSON.stringify(message) + "\0");
    });
  }

  /** Calls `listener` with every event until the returned function is called. */
  on(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Ends the browser (asked to close, killed if it does not) and removes its profile. */
  async close(): Promise<void> {
    if (this.#child.exitCode === null && this.#child.signalCode === null) {
      this.send("Browser.close").catch(() => undefined);
      const timer = setTimeout(() => this.#child.kill("SIGKILL"), 5000);
      await this.#exited;
      clearTimeout(timer);
    }
    rmSync(this.#profile, { recursive: true, force: true });
  }
}

/** One tab of the browser, attached to (a session of the protocol). */
export class Page {
  readonly #browser: Chromium;
  readonly #session: string;
  /** Uncaught exceptions, console errors and failed loads: a clean page has none. */
  readonly problems: string[] = [];

  private constructor(browser: Chromium, session: string) {
    this.#browser = browser;
    this.#session = session;
    browser.on((m) => {
      if (m.sessionId !== session) return;
      const p = m.params ?? {};
      if (m.method === "Runtime.exceptionThrown") {
        const details = p["exceptionDetails"] as { text: string; exception?: { description?: string } };
        this.problems.push(`uncaught: ${details.exception?.description ?? details.text}`);
      } else if (m.method === "Runtime.consoleAPICalled" && (p["type"] === "error" || p["type"] === "warning")) {
        const args = p["args"] as Array<{ value?: unknown; description?: string }>;
        this.problems.push(`console.${String(p["type"])}: ${args.map((a) => a.description ?? String(a.value)).join(" ")}`);
      } else if (m.method === "Log.entryAdded") {
        const entry = p["entry"] as { level: string; text: string; url?: string };
        if (entry.level === "error") this.problems.push(`${entry.text} ${entry.url ?? ""}`.trim());
      }
    });
  }

  /** A new tab showing `url`, once its load event has fired. */
  static async open(browser: Chromium, url: string): Promise<Page> {
    const { targetId } = await browser.send<{ targetId: string }>("Target.createTarget", { url: "about:blank" });
    const { sessionId } = await browser.send<{ sessionId: string }>("Target.attachToTarget", { targetId, flatten: true });
    const page = new Page(browser, sessionId);
    await Promise.all(["Page.enable", "Runtime.enable", "Log.enable"].map((m) => browser.send(m, {}, sessionId)));
    const loaded = new Promise<void>((resolve) => {
      const stop = browser.on((m) => {
        if (m.sessionId === sessionId && m.method === "Page.loadEventFired") {
          stop();
          resolve();
        }
      });
    });
    const navigated = await browser.send<{ errorText?: string }>("Page.navigate", { url }, sessionId);
    if (navigated.errorText !== undefined) throw new Error(`cannot load ${url}: ${navigated.errorText}`);
    await loaded;
    return page;
  }

  /** The browser's name and version, e.g. "HeadlessChrome/156.0.8078.114". */
  async product(): Promise<string> {
    return (await this.#browser.send<{ product: string }>("Browser.getVersion")).product;
  }

  /** The value of `expression` in the page (awaited if a promise), as JSON carries it. */
  async evaluate<T>(expression: string): Promise<T> {
    const answer = await this.#browser.send<{
      result: { value?: unknown };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    }>("Runtime.evaluate", { expression, awaitPromise: true, returnByValue: true }, this.#session);
    const thrown = answer.exceptionDetails;
    if (thrown !== undefined) throw new Error(`in the page: ${thrown.exception?.description ?? thrown.text}`);
    return answer.result.value as T;
  }
}
