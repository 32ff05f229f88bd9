// f64 -> JSON text exactly as serde_json 1.0.154 writes it.
//
// serde_json formats finite f64 with zmij 1.0.23 (`Buffer::format_finite`)
// and writes non-finite values as `null`. zmij prints the shortest decimal
// that round-trips (Schubfach), laid out by the scientific exponent E of the
// first digit (zmij's `dec_exp`, FIXED_DEC_EXP = -5..=15 for f64):
//   -5 <= E <= 15 : plain decimal, always with a '.'
//                   1e15 -> "1000000000000000.0", 1e-5 -> "0.00001", 0.1 -> "0.1"
//   otherwise     : d[.ddd]e(+|-)X, exponent without padding, sign always
//                   1e16 -> "1e+16", 1e-7 -> "1e-7", 1.5e300 -> "1.5e+300"
// Zero is "0.0" / "-0.0".
//
// The shortest round-trip digits come from ECMAScript's Number::toString
// algorithm (via toExponential() with no argument), which, like zmij,
// picks the shortest digit string that round-trips and the one closest to
// the exact value among those. The randomized differential test in
// tests/typescript/src/runtime/floats.test.ts checks this against the real serde_json.

// JavaScript's own Number::toString has the same digits, and lays them out the same
// way where both write a plain decimal: it does for 1e-7 <= |x| < 1e21, zmij for
// 1e-5 <= |x| < 1e16 (a shortest digit string equal to 1e16 or 1e-5 is that very
// double, so the bounds compare alike). There only an integral value differs: no
// `.0`. So in that range String(x) is serde_json's text, `.0` added when it has no
// point; the common case, and the engine's own (fast) formatting.
export const PLAIN_LOW = 1e-5;
export const PLAIN_HIGH = 1e16;

/** serde_json's bytes for an f64 (finite: zmij; NaN/±Infinity: `null`). */
export function formatF64(x: number): string {
  const magnitude = Math.abs(x);
  if (magnitude >= PLAIN_LOW && magnitude < PLAIN_HIGH) {
    const text = String(x);
    return text.includes(".") ? text : `${text}.0`;
  }
  if (!Number.isFinite(x)) return "null";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  const sci = Math.abs(x).toExponential(); // e.g. "1.2345e+21", "5e-324"
  const e = sci.indexOf("e");
  const mantissa = sci.slice(0, e);
  const exp = Number(sci.slice(e + 1));
  const digits = mantissa.length > 1 ? mantissa[0] + mantissa.slice(2) : mantissa;
  const n = digits.length;
  if (exp >= -5 && exp <= 15) {
    if (n - 1 <= exp) return `${sign}${digits}${"0".repeat(exp - (n - 1))}.0`; // 1234e7 -> 12340000000.0
    if (exp >= 0) return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`; // 12.34
    return `${sign}0.${"0".repeat(-exp - 1)}${digits}`; // 0.001234
  }
  const head = n > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${sign}${head}e${exp >= 0 ? "+" : "-"}${Math.abs(exp)}`;
}
