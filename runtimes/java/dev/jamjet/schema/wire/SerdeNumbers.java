package dev.jamjet.schema.wire;

import java.math.BigInteger;

/**
 * A JSON number's text to the value serde_json 1.0.154 gives it (de.rs parse_integer,
 * parse_decimal, parse_exponent, f64_from_parts with default features): an integer when it is a
 * u64 or a negative i64, else an f64 by serde_json's fast multiply/divide by powers of ten,
 * which is not correctly rounded on some long inputs (it is what serde does, so it is what we
 * do). The syntax is already checked by the tokenizer.
 */
final class SerdeNumbers {
  private static final double[] POW10 = new double[309];
  private static final int I32_MAX = WireConstants.I32_MAX; // where the exponent saturates
  // u64's maximum split for the overflow check: sig * 10 + d stays within it
  private static final long U64_MAX_TENTH = WireConstants.U64_MAX.divide(BigInteger.TEN).longValue();
  private static final int U64_MAX_LAST = WireConstants.U64_MAX.mod(BigInteger.TEN).intValue();

  static {
    for (int i = 0; i < POW10.length; i++) POW10[i] = Double.parseDouble("1e" + i);
  }

  private SerdeNumbers() {}

  /** The node for {@code text}; out of range is an Invalid node carrying {@code error}. */
  static Node parse(String text, WireException outOfRange) {
    int i = 0;
    int n = text.length();
    boolean positive = true;
    if (text.charAt(0) == '-') {
      positive = false;
      i = 1;
    }
    long sig = 0; // a u64: compared unsigned
    boolean overflow = false;
    int exponent = 0;
    // integer part
    while (i < n && isDigit(text.charAt(i))) {
      int d = text.charAt(i) - '0';
      if (overflow || !fits(sig, d)) {
        overflow = true; // parse_long_integer: every further integer digit is a power of ten
        exponent++;
      } else {
        sig = sig * 10 + d;
      }
      i++;
    }
    boolean isFloat = overflow;
    if (i < n && text.charAt(i) == '.') {
      isFloat = true;
      i++;
      boolean full = false; // parse_decimal_overflow: once a digit does not fit, the rest are ignored
      while (i < n && isDigit(text.charAt(i))) {
        int d = text.charAt(i) - '0';
        if (!full && fits(sig, d)) {
          sig = sig * 10 + d;
          exponent--;
        } else {
          full = true;
        }
        i++;
      }
    }
    if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      return exponentPart(text, i + 1, positive, sig, exponent, outOfRange);
    }
    if (!isFloat) return integer(positive, sig);
    return fromParts(positive, sig, exponent, outOfRange);
  }

  private static Node integer(boolean positive, long sig) {
    if (positive) return new Node.Int(sig, true);
    // (significand as i64).wrapping_neg(): -0 and beyond i64::MIN are f64s
    if (sig == 0 || Long.compareUnsigned(sig, Long.MIN_VALUE) > 0) {
      return new Node.Float(-unsignedToDouble(sig));
    }
    return new Node.Int(-sig, false);
  }

  private static Node exponentPart(
      String text, int i, boolean positive, long sig, int starting, WireException outOfRange) {
    boolean positiveExp = true;
    if (text.charAt(i) == '+') {
      i++;
    } else if (text.charAt(i) == '-') {
      positiveExp = false;
      i++;
    }
    int exp = 0;
    for (; i < text.length(); i++) {
      int d = text.charAt(i) - '0';
      if (exp > I32_MAX / 10 || (exp == I32_MAX / 10 && d > I32_MAX % 10)) {
        // parse_exponent_overflow: an error instead of infinity, else zero
        if (sig != 0 && positiveExp) return new Node.Invalid(outOfRange, null);
        return new Node.Float(positive ? 0.0 : -0.0);
      }
      exp = exp * 10 + d;
    }
    long raw = positiveExp ? (long) starting + exp : (long) starting - exp;
    int finalExp = (int) Math.max(WireConstants.I32_MIN, Math.min(I32_MAX, raw));
    return fromParts(positive, sig, finalExp, outOfRange);
  }

  private static Node fromParts(boolean positive, long sig, int exponent, WireException outOfRange) {
    double f = unsignedToDouble(sig);
    long e = exponent;
    while (true) {
      long abs = Math.abs(e);
      if (abs <= 308) {
        if (e >= 0) {
          f *= POW10[(int) abs];
          if (Double.isInfinite(f)) return new Node.Invalid(outOfRange, null);
        } else {
          f /= POW10[(int) abs];
        }
        break;
      }
      if (f == 0) break;
      if (e >= 0) return new Node.Invalid(outOfRange, null);
      f /= 1e308;
      e += 308;
    }
    return new Node.Float(positive ? f : -f);
  }

  /** Whether sig * 10 + d stays within u64. */
  private static boolean fits(long sig, int d) {
    return Long.compareUnsigned(sig, U64_MAX_TENTH) < 0 || (sig == U64_MAX_TENTH && d <= U64_MAX_LAST);
  }

  /** {@code u64 as f64}: round to nearest, ties to even. */
  static double unsignedToDouble(long bits) {
    if (bits >= 0) return (double) bits;
    // halve keeping the sticky bit, convert, double: exact rounding
    return ((double) ((bits >>> 1) | (bits & 1))) * 2.0;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
