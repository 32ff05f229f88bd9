package dev.jamjet.schema.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * String helpers that count and cut as the Python runner does (code points, Python's white
 * space and line breaks), so that the reports and the causes read alike in both.
 */
final class Texts {
  private Texts() {}

  /** Python's str.splitlines() separators. */
  private static final Pattern LINES = Pattern.compile("\r\n|[\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029]");

  /** Python's str.isspace(). */
  static boolean isSpace(int c) {
    return (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20) || c == 0x85 || c == 0xa0
        || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029
        || c == 0x202f || c == 0x205f || c == 0x3000;
  }

  /** Python's str.strip(). */
  static String strip(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isSpace(text.charAt(start))) start++;
    while (end > start && isSpace(text.charAt(end - 1))) end--;
    return text.substring(start, end);
  }

  /** Python's str.split(): the words between runs of white space. */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      while (i < text.length() && isSpace(text.charAt(i))) i++;
      int start = i;
      while (i < text.length() && !isSpace(text.charAt(i))) i++;
      if (i > start) out.add(text.substring(start, i));
    }
    return out;
  }

  static String[] lines(String text) {
    return LINES.split(text);
  }

  /** Length in code points, as Python's len(). */
  static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  /** Python's text[from:to], in code points, clamped to the text. */
  static String slice(String text, int from, int to) {
    int n = length(text);
    int a = Math.max(0, Math.min(from, n));
    int b = Math.max(a, Math.min(to, n));
    return text.substring(text.offsetByCodePoints(0, a), text.offsetByCodePoints(0, b));
  }

  /** The code point offset of the first difference of two texts. */
  static int differingCharacter(String a, String b) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    int n = Math.min(x.length, y.length);
    for (int i = 0; i < n; i++) {
      if (x[i] != y[i]) return i;
    }
    return n;
  }

  /** Whether the text holds a surrogate that is not half of a pair. */
  static boolean hasLoneSurrogate(String text) {
    return text.codePoints().anyMatch(Texts::isSurrogate);
  }

  /** Where the text's first lone surrogate stands, in code points, or -1. */
  static int loneSurrogateAt(String text) {
    int[] points = text.codePoints().toArray();
    for (int i = 0; i < points.length; i++) {
      if (isSurrogate(points[i])) return i;
    }
    return -1;
  }

  /** The text with lone surrogates, and what XML cannot hold, as backslash-u escapes: safe to print. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              if (isSurrogate(c) || notXml(c)) out.append(String.format("\\u%04x", c));
              else out.appendCodePoint(c);
            });
    return out.toString();
  }

  /** A code point that is a surrogate: in a Java string, one not paired. */
  static boolean isSurrogate(int c) {
    return c >= 0xd800 && c <= 0xdfff;
  }

  /** What XML 1.0 cannot hold (surefire writes messages into XML). */
  private static boolean notXml(int c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xfffe || c == 0xffff;
  }

  /** Python's shlex.quote(). */
  static String shellQuote(String text) {
    if (!text.isEmpty() && text.matches("[\\w@%+=:,./-]+")) return text;
    return "'" + text.replace("'", "'\"'\"'") + "'";
  }
}
