// Text as the reference runner (Python) counts it: by code point.

/** Order by code point, as Python compares strings (JS compares UTF-16 units). */
export function compareText(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const diff = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (diff !== 0) return diff;
  }
  return x.length - y.length;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The index of a lone surrogate in `text` (text that is no UTF-8), or -1. */
export function loneSurrogate(text: string): number {
  return text.search(LONE_SURROGATE);
}

const UNPRINTABLE = new RegExp(`${LONE_SURROGATE.source}|[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f\\ufffe\\uffff]`, "g");
const UNPRINTABLE_FIELD = new RegExp(`${UNPRINTABLE.source}|[\\t\\n\\r]`, "g");

/** `text` with lone surrogates and control characters (but tab and line breaks) as \uXXXX
 * escapes: safe to print, and to put in a JUnit report's XML. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, escape);
}

/** A text shown on one line: `printable`, and tabs and line breaks escaped too. */
export function oneLine(text: string): string {
  return text.replace(UNPRINTABLE_FIELD, escape);
}

function escape(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** The first `n` code points of `text`. */
export function head(text: string, n: number): string {
  return [...text].slice(0, n).join("");
}
