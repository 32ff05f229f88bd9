package dev.jamjet.schema.wire;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * f64 to JSON text exactly as serde_json 1.0.154 writes it (zmij 1.0.23): the shortest decimal
 * that reads back as the same double, the one nearest the exact value among those, laid out by
 * the exponent E of its first digit: plain for -5 <= E <= 15, always with a '.'
 * ({@code 1000000000000000.0}, {@code 0.00001}), otherwise {@code d[.ddd]e(+|-)X}
 * ({@code 1e+16}, {@code 1.5e-7}); zero is {@code 0.0} / {@code -0.0}; NaN and the infinities
 * are {@code null}. Java 17's Double.toString is not shortest (and JDK 19's gives two digits
 * where one would do), so the digits are searched here on the exact BigDecimal value.
 */
public final class Floats {
  private Floats() {}

  /** serde_json's bytes for {@code x}. */
  public static String format(double x) {
    StringBuilder out = new StringBuilder(24);
    write(out, x);
    return out.toString();
  }

  /** Appends serde_json's bytes for {@code x}. */
  public static void write(StringBuilder out, double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      out.append("null");
      return;
    }
    if (x == 0) {
      out.append(1 / x < 0 ? "-0.0" : "0.0");
      return;
    }
    if (x < 0) out.append('-');
    BigDecimal d = shortest(Math.abs(x));
    layout(out, d.unscaledValue().toString(), d.precision() - d.scale() - 1);
  }

  /** The shortest decimal that reads back as {@code x} (> 0), nearest first, trailing zeros gone. */
  static BigDecimal shortest(double x) {
    long whole = (long) x;
    if (whole == x && whole <= (1L << 53)) {
      return BigDecimal.valueOf(whole).stripTrailingZeros(); // spacing <= 1: its own digits
    }
    BigDecimal exact = new BigDecimal(x);
    // Some p-digit decimal reads back for every p from the shortest length on (a p-digit decimal
    // is a (p+1)-digit one too), and if one does, one of the two p-digit neighbours of x does.
    // Bisection on the nearest neighbour gives a length that works; then walk down while a
    // neighbour (the nearest first) still reads back.
    int lo = 1;
    int hi = 17; // 17 digits always read back
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (readsBack(nearest(exact, mid), x)) hi = mid;
      else lo = mid + 1;
    }
    BigDecimal best = nearest(exact, hi);
    for (int p = hi - 1; p >= 1; p--) {
      BigDecimal near = nearest(exact, p);
      if (readsBack(near, x)) {
        best = near;
        continue;
      }
      BigDecimal other = otherNeighbour(exact, near, p);
      if (!readsBack(other, x)) break;
      best = other;
    }
    return best.stripTrailingZeros();
  }

  private static BigDecimal nearest(BigDecimal exact, int p) {
    return exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
  }

  private static BigDecimal otherNeighbour(BigDecimal exact, BigDecimal near, int p) {
    RoundingMode away = near.compareTo(exact) <= 0 ? RoundingMode.CEILING : RoundingMode.FLOOR;
    return exact.round(new MathContext(p, away));
  }

  private static boolean readsBack(BigDecimal d, double x) {
    return Double.parseDouble(d.unscaledValue() + "E" + (-d.scale())) == x;
  }

  /** zmij's layout of the digits {@code digits} whose first digit has exponent {@code exp}. */
  static void layout(StringBuilder out, String digits, int exp) {
    int n = digits.length();
    if (exp >= -5 && exp <= 15) {
      if (n - 1 <= exp) {
        out.append(digits).append("0".repeat(exp - (n - 1))).append(".0");
      } else if (exp >= 0) {
        out.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, n);
      } else {
        out.append("0.").append("0".repeat(-exp - 1)).append(digits);
      }
      return;
    }
    out.append(digits.charAt(0));
    if (n > 1) out.append('.').append(digits, 1, n);
    out.append('e').append(exp >= 0 ? '+' : '-').append(Math.abs(exp));
  }
}
