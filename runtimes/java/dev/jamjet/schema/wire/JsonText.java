package dev.jamjet.schema.wire;

/**
 * Strings as serde_json escapes them (ser.rs ESCAPE): the quote and the backslash get a
 * backslash, backspace, tab, newline, form feed and carriage return their short escapes, every
 * other character below U+0020 a six-character escape with lower-case hex; nothing else (not
 * DEL, not U+2028, not non-ASCII, not the slash).
 */
public final class JsonText {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonText() {}

  /** Appends {@code s} as a JSON string; a lone surrogate is refused (a Rust String cannot hold one). */
  public static void writeString(StringBuilder out, String s) {
    out.append('"');
    int run = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        if (Character.isSurrogate(c)) checkPair(s, i);
        continue;
      }
      out.append(s, run, i);
      escape(out, c);
      run = i + 1;
    }
    out.append(s, run, n).append('"');
  }

  /** {@code s} as a JSON string. */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2);
    writeString(out, s);
    return out.toString();
  }

  private static void escape(StringBuilder out, char c) {
    switch (c) {
      case '"' -> out.append("\\\"");
      case '\\' -> out.append("\\\\");
      case '\b' -> out.append("\\b");
      case '\t' -> out.append("\\t");
      case '\n' -> out.append("\\n");
      case '\f' -> out.append("\\f");
      case '\r' -> out.append("\\r");
      default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
    }
  }

  private static void checkPair(String s, int i) {
    char c = s.charAt(i);
    boolean paired =
        Character.isHighSurrogate(c)
            ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
            : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    if (!paired) {
      throw new WireException("string contains a lone surrogate; a Rust String must be valid Unicode");
    }
  }

  /** The index of the first lone surrogate in {@code s}, or -1. */
  static int loneSurrogate(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (!Character.isSurrogate(c)) continue;
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
        continue;
      }
      return i;
    }
    return -1;
  }

  /** Compares by Unicode code point, which is Rust's String order (UTF-8 bytes). */
  public static int compareUtf8(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x == y) continue;
      // A surrogate (an astral code point) sorts after every BMP character.
      boolean sx = Character.isSurrogate(x);
      boolean sy = Character.isSurrogate(y);
      if (sx != sy) return sx ? 1 : -1;
      return Character.compare(x, y);
    }
    return Integer.compare(a.length(), b.length());
  }
}
