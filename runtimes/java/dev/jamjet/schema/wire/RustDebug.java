package dev.jamjet.schema.wire;

/**
 * Rust's {@code {:?}} of a str, as serde words {@code invalid type: string "..."}: a character
 * is escaped when it is Grapheme_Extend or not printable (general categories Cc Cf Cs Co Cn Zl
 * Zp Zs, the space excepted), by the ranges the Rust reference's own tables give
 * (WireConstants.DEBUG_ESCAPED_RANGES), not by Java's Unicode version.
 */
final class RustDebug {
  private RustDebug() {}

  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    s.codePoints().forEach(c -> append(out, c));
    return out.append('"').toString();
  }

  private static void append(StringBuilder out, int c) {
    switch (c) {
      case '"' -> out.append("\\\"");
      case '\\' -> out.append("\\\\");
      case 0 -> out.append("\\0");
      case '\t' -> out.append("\\t");
      case '\r' -> out.append("\\r");
      case '\n' -> out.append("\\n");
      default -> {
        if (c != ' ' && escaped(c)) out.append("\\u{").append(Integer.toHexString(c)).append('}');
        else out.appendCodePoint(c);
      }
    }
  }

  /** Whether {@code c} lies in one of the sorted, inclusive (first, last) pairs. */
  private static boolean escaped(int c) {
    int[] ranges = WireConstants.DEBUG_ESCAPED_RANGES;
    int low = 0;
    int high = ranges.length / 2 - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (c < ranges[2 * mid]) high = mid - 1;
      else if (c > ranges[2 * mid + 1]) low = mid + 1;
      else return true;
    }
    return false;
  }
}
