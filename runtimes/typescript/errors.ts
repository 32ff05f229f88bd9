// The one error type of the runtime.
//
// Every rejection (bad JSON text, wrong JSON type, integer out of range, bad
// timestamp, bad UUID, ...) is a WireError. `detail` is the text serde would
// put in its error, without serde_json's " at line L column C" suffix for
// type/value errors (we decode from an already parsed tree, so a position
// would be ours, not serde's). JSON syntax errors from parseJson do carry
// serde_json's exact "... at line L column C" text, since that parser is a
// byte-for-byte port of serde_json's.
//
// `path` locates the offending value from the document root: field names
// and array indexes, e.g. ["kind", "attempt"] or ["items", 3]. Decoders throw
// with an empty path at the leaf and callers prepend their segment with
// `under()` while the error travels up, so the leaf code never needs to
// know where it sits.

export type PathSegment = string | number;

/** Renders a path the way a TypeScript reader would write the access: `kind.attempt`, `items[3].id`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") {
      out += `[${seg}]`;
    } else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(seg)) {
      out += out === "" ? seg : `.${seg}`;
    } else {
      // Keys that are not identifiers (Value maps can hold anything) are quoted.
      out += `[${JSON.stringify(seg)}]`;
    }
  }
  return out;
}

export class WireError extends Error {
  /** Where in the document the problem is (outermost first). Empty for the document itself. */
  readonly path: PathSegment[];
  /** serde-like description of the problem, e.g. "invalid type: floating point `1.5`, expected u32". */
  readonly detail: string;

  constructor(detail: string, path: readonly PathSegment[] = []) {
    const where = formatPath(path);
    super(where === "" ? detail : `${where}: ${detail}`);
    this.name = "WireError";
    this.path = [...path];
    this.detail = detail;
  }

  /** The same error seen from one level further out: `segment` is prepended to the path. */
  under(segment: PathSegment): WireError {
    return new WireError(this.detail, [segment, ...this.path]);
  }
}

/**
 * Runs `fn` and re-throws any WireError from it with `segment` prepended to its path.
 * Generated decoders wrap each field/element decode in this.
 */
export function at<T>(segment: PathSegment, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof WireError) throw e.under(segment);
    throw e;
  }
}
