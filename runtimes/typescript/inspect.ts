// How the runtime's classes print in Node (console.log, util.inspect): Node calls the
// method registered under this symbol, handing it its own inspect. Nothing here
// imports node:util, so the package keeps to ES2022's typings and runs unchanged in
// browsers, where the symbol is simply never called.

/** Node's util.inspect.custom, the same symbol by its registered name. */
export const INSPECT: unique symbol = Symbol.for("nodejs.util.inspect.custom");

/** What Node passes a custom inspect method (the part used here). */
export interface InspectOptions {
  depth?: number | null;
  [option: string]: unknown;
}

export type Inspect = (value: unknown, options: InspectOptions) => string;
