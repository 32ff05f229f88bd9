package dev.jamjet.schema.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JSON text as a tree that keeps what comparing two outputs needs: member order, members given
 * twice, and each number's text ({@code 1} and {@code 1.0} differ on the wire). It reads what
 * Python's json.loads reads, as the Python runner's triage does (NaN and Infinity too), so that
 * both find the same differences.
 */
final class Json {
  private Json() {}

  /** A JSON value. */
  sealed interface Node permits Obj, Arr, Num, Str, Lit {}

  /** An object as its members, in order, duplicates kept. */
  record Obj(List<Member> members) implements Node {}

  record Member(String key, Node value) {}

  record Arr(List<Node> items) implements Node {}

  /** A number, as it is spelt. */
  record Num(String text) implements Node {}

  record Str(String value) implements Node {}

  /** true, false or null. */
  record Lit(String text) implements Node {
    static final Lit NULL = new Lit("null");

    boolean isNull() {
      return text.equals("null");
    }
  }

  /** Deeper than this is no JSON to the triage (Python stops at its recursion limit). */
  private static final int DEPTH = 900;

  /** The tree of a JSON text, or empty when the text is not JSON. */
  static Optional<Node> parse(String text) {
    Reader reader = new Reader(text);
    try {
      reader.space();
      Node node = reader.value(0);
      reader.space();
      return reader.at == text.length() ? Optional.of(node) : Optional.empty();
    } catch (NotJson e) {
      return Optional.empty();
    }
  }

  /** Thrown inside the reader: the text is not JSON. */
  private static final class NotJson extends Exception {
    private static final long serialVersionUID = 1L;

    NotJson() {
      super(null, null, false, false);
    }
  }

  private static final class Reader {
    final String text;
    int at;

    Reader(String text) {
      this.text = text;
    }

    void space() {
      while (at < text.length() && " \t\n\r".indexOf(text.charAt(at)) >= 0) at++;
    }

    char peek() throws NotJson {
      if (at >= text.length()) throw new NotJson();
      return text.charAt(at);
    }

    Node value(int depth) throws NotJson {
      if (depth > DEPTH) throw new NotJson();
      char c = peek();
      switch (c) {
        case '{':
          return object(depth);
        case '[':
          return array(depth);
        case '"':
          return new Str(string());
        default:
          for (String word : new String[] {"null", "true", "false"}) {
            if (text.startsWith(word, at)) {
              at += word.length();
              return new Lit(word);
            }
          }
          for (String word : new String[] {"NaN", "Infinity", "-Infinity"}) {
            if (text.startsWith(word, at)) { // Python reads them as numbers
              at += word.length();
              return new Num(word);
            }
          }
          return number();
      }
    }

    Node object(int depth) throws NotJson {
      at++;
      List<Member> members = new ArrayList<>();
      space();
      if (peek() == '}') {
        at++;
        return new Obj(members);
      }
      while (true) {
        space();
        if (peek() != '"') throw new NotJson();
        String key = string();
        space();
        if (peek() != ':') throw new NotJson();
        at++;
        space();
        members.add(new Member(key, value(depth + 1)));
        space();
        char c = peek();
        at++;
        if (c == '}') return new Obj(members);
        if (c != ',') throw new NotJson();
      }
    }

    Node array(int depth) throws NotJson {
      at++;
      List<Node> items = new ArrayList<>();
      space();
      if (peek() == ']') {
        at++;
        return new Arr(items);
      }
      while (true) {
        space();
        items.add(value(depth + 1));
        space();
        char c = peek();
        at++;
        if (c == ']') return new Arr(items);
        if (c != ',') throw new NotJson();
      }
    }

    Node number() throws NotJson {
      int start = at;
      if (at < text.length() && text.charAt(at) == '-') at++;
      if (at < text.length() && text.charAt(at) == '0') at++;
      else if (digits() == 0) throw new NotJson();
      if (at + 1 < text.length() && text.charAt(at) == '.' && isDigit(text.charAt(at + 1))) {
        at++;
        digits();
      }
      if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
        int mark = at++;
        if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) at++;
        if (digits() == 0) at = mark; // not an exponent: what follows is not JSON
      }
      return new Num(text.substring(start, at));
    }

    int digits() {
      int start = at;
      while (at < text.length() && isDigit(text.charAt(at))) at++;
      return at - start;
    }

    static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    String string() throws NotJson {
      at++;
      StringBuilder out = new StringBuilder();
      while (true) {
        char c = peek();
        at++;
        if (c == '"') return out.toString();
        if (c < 0x20) throw new NotJson();
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char e = peek();
        at++;
        switch (e) {
          case '"', '\\', '/' -> out.append(e);
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> out.append(hex4()); // a surrogate pair is its two halves, lone ones kept
          default -> throw new NotJson();
        }
      }
    }

    char hex4() throws NotJson {
      if (at + 4 > text.length()) throw new NotJson();
      int value = 0;
      for (int i = 0; i < 4; i++) {
        int digit = Character.digit(text.charAt(at + i), 16);
        if (digit < 0 || text.charAt(at + i) > 'f') throw new NotJson();
        value = value * 16 + digit;
      }
      at += 4;
      return (char) value;
    }
  }

  // ---- writing, as Python's json.dumps(..., ensure_ascii=False) writes --------------------

  /** A string as Python's json.dumps(text, ensure_ascii=False) writes it. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
        }
      }
    }
    return out.append('"').toString();
  }

  /** A subtree as compact JSON, numbers as they were spelt. */
  static String dump(Node node) {
    StringBuilder out = new StringBuilder();
    dump(node, out);
    return out.toString();
  }

  private static void dump(Node node, StringBuilder out) {
    if (node instanceof Obj obj) {
      out.append('{');
      for (int i = 0; i < obj.members().size(); i++) {
        if (i > 0) out.append(',');
        out.append(quote(obj.members().get(i).key())).append(':');
        dump(obj.members().get(i).value(), out);
      }
      out.append('}');
    } else if (node instanceof Arr arr) {
      out.append('[');
      for (int i = 0; i < arr.items().size(); i++) {
        if (i > 0) out.append(',');
        dump(arr.items().get(i), out);
      }
      out.append(']');
    } else if (node instanceof Num num) {
      out.append(num.text());
    } else if (node instanceof Str str) {
      out.append(quote(str.value()));
    } else {
      out.append(((Lit) node).text());
    }
  }

  /**
   * Each string of a JSON text (keys too) by its own spelling, in order: the texts between
   * quotes as Python's {@code "(?:[^"\\]|\\.)*"} finds them (a loop here, since a regular
   * expression of that shape overflows Java's stack on long strings).
   */
  static List<String> stringTokens(String text) {
    List<String> out = new ArrayList<>();
    int from = 0;
    while (true) {
      int start = text.indexOf('"', from);
      if (start < 0) return out;
      int end = closingQuote(text, start);
      if (end < 0) {
        from = start + 1;
      } else {
        out.add(text.substring(start, end + 1));
        from = end + 1;
      }
    }
  }

  /** The closing quote of the string token opened at {@code start}, or -1 when none matches. */
  private static int closingQuote(String text, int start) {
    int i = start + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') return i;
      if (c == '\\') {
        if (i + 1 >= text.length() || text.charAt(i + 1) == '\n') return -1;
        i += 2;
      } else {
        i++;
      }
    }
    return -1;
  }

  /** A string token's text (a JSON string, as a JSON text holds it). */
  static String decodeString(String token) {
    return parse(token).filter(Str.class::isInstance).map(n -> ((Str) n).value()).orElse(token);
  }
}
