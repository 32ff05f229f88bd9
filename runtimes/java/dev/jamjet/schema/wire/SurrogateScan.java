package dev.jamjet.schema.wire;

/**
 * Finds, in the raw text of a JSON string, the first escape serde_json refuses in a Rust String
 * (read.rs parse_unicode_escape): a trailing surrogate alone, or a leading one not followed by
 * {@code \\u} and a trailing one. Only called on a string already known to hold one.
 */
final class SurrogateScan {
  record Problem(String reason, int index) {}

  private static final String LONE = WireConstants.LONE_LEADING_SURROGATE;
  private static final String UNEXPECTED_END = WireConstants.UNEXPECTED_END_OF_HEX_ESCAPE;

  private SurrogateScan() {}

  static Problem firstProblem(String text, int start) {
    int i = start;
    while (i < text.length() && text.charAt(i) != '"') {
      if (text.charAt(i) != '\\') {
        i++;
        continue;
      }
      char esc = text.charAt(i + 1);
      i += 2;
      if (esc != 'u') continue;
      int n = Integer.parseInt(text.substring(i, i + 4), 16);
      i += 4;
      if (n >= 0xdc00 && n <= 0xdfff) return new Problem(LONE, i); // (serde says "leading" here too)
      if (n < 0xd800 || n > 0xdbff) continue;
      if (text.charAt(i) != '\\') return new Problem(UNEXPECTED_END, i + 1);
      if (text.charAt(i + 1) != 'u') return new Problem(UNEXPECTED_END, i + 2);
      int n2 = Integer.parseInt(text.substring(i + 2, i + 6), 16);
      if (n2 < 0xdc00 || n2 > 0xdfff) return new Problem(LONE, i + 6);
      i += 6;
    }
    return new Problem(LONE, i);
  }

  /** {@code text} with each lone surrogate escape replaced by that code unit, raw. */
  static String rawLoneEscapes(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '\\' || i + 1 >= text.length()) {
        out.append(c);
        i++;
        continue;
      }
      int n = text.charAt(i + 1) == 'u' ? hex(text, i + 2) : -1;
      if (n < 0xd800 || n > 0xdfff) { // not a surrogate escape: copy the escape's two chars
        out.append(c).append(text.charAt(i + 1));
        i += 2;
        continue;
      }
      int low = n <= 0xdbff && text.startsWith("\\u", i + 6) ? hex(text, i + 8) : -1;
      if (low >= 0xdc00 && low <= 0xdfff) {
        out.append(text, i, i + 12); // a pair: kept as written
        i += 12;
      } else {
        out.append((char) n);
        i += 6;
      }
    }
    return out.toString();
  }

  private static int hex(String text, int at) {
    if (at + 4 > text.length()) return -1;
    try {
      return Integer.parseInt(text.substring(at, at + 4), 16);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
