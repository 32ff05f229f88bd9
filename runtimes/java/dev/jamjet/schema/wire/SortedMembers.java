package dev.jamjet.schema.wire;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Compact JSON text (this package's writers' output) with every object's members sorted by
 * key in code point order, at every level: what serde_json::Value's BTreeMap makes of a value.
 * Scalars are copied as written, so the log form's bytes of numbers and strings are kept.
 */
final class SortedMembers {
  /** A member: its key (for the order), and its key and value as written. */
  private record Member(String key, String writtenKey, String writtenValue) {}

  private static final Comparator<Member> ORDER = (a, b) -> JsonText.compareUtf8(a.key(), b.key());

  private SortedMembers() {}

  static String sort(String json) {
    StringBuilder out = new StringBuilder(json.length());
    int end = value(json, 0, out);
    if (end != json.length()) throw new IllegalArgumentException("not one compact JSON value: " + json);
    return out.toString();
  }

  /** Copies the value starting at {@code i} to {@code out}; returns the index after it. */
  private static int value(String s, int i, StringBuilder out) {
    char c = s.charAt(i);
    if (c == '{') return object(s, i, out);
    if (c == '[') return array(s, i, out);
    int end = c == '"' ? stringEnd(s, i) : literalEnd(s, i);
    out.append(s, i, end);
    return end;
  }

  private static int array(String s, int i, StringBuilder out) {
    out.append('[');
    int j = i + 1;
    if (s.charAt(j) == ']') {
      out.append(']');
      return j + 1;
    }
    while (true) {
      j = value(s, j, out);
      char separator = s.charAt(j++); // ',' or the closing ']'
      out.append(separator);
      if (separator == ']') return j;
    }
  }

  private static int object(String s, int i, StringBuilder out) {
    List<Member> members = new ArrayList<>();
    int j = i + 1;
    while (s.charAt(j) != '}') {
      int keyEnd = stringEnd(s, j);
      StringBuilder written = new StringBuilder();
      int valueEnd = value(s, keyEnd + 1, written); // after the ':'
      members.add(new Member(unquote(s, j, keyEnd), s.substring(j, keyEnd), written.toString()));
      j = s.charAt(valueEnd) == ',' ? valueEnd + 1 : valueEnd;
    }
    members.sort(ORDER);
    out.append('{');
    for (int k = 0; k < members.size(); k++) {
      if (k > 0) out.append(',');
      out.append(members.get(k).writtenKey()).append(':').append(members.get(k).writtenValue());
    }
    out.append('}');
    return j + 1;
  }

  /** The index after the string whose opening quote is at {@code i}. */
  private static int stringEnd(String s, int i) {
    int j = i + 1;
    while (s.charAt(j) != '"') j += s.charAt(j) == '\\' ? 2 : 1;
    return j + 1;
  }

  /** The index after a number, true, false or null. */
  private static int literalEnd(String s, int i) {
    int j = i;
    while (j < s.length() && ",]}".indexOf(s.charAt(j)) < 0) j++;
    return j;
  }

  /** The string {@code s[from, to)} (quotes included) stands for, escapes decoded. */
  private static String unquote(String s, int from, int to) {
    StringBuilder out = new StringBuilder(to - from);
    for (int j = from + 1; j < to - 1; j++) {
      char c = s.charAt(j);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = s.charAt(++j);
      switch (e) {
        case 'b' -> out.append('\b');
        case 't' -> out.append('\t');
        case 'n' -> out.append('\n');
        case 'f' -> out.append('\f');
        case 'r' -> out.append('\r');
        case 'u' -> {
          out.append((char) Integer.parseInt(s.substring(j + 1, j + 5), 16));
          j += 4;
        }
        default -> out.append(e); // '"', '\\' and '/' stand for themselves
      }
    }
    return out.toString();
  }
}
