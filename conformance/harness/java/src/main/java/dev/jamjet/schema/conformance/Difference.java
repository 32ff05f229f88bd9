package dev.jamjet.schema.conformance;

import java.util.Optional;

/**
 * Where two outputs first differ (the Python runner's triage.first_difference): a JSON path when
 * both are JSON and their values differ, else a character offset; {@code expected} and {@code
 * actual} are what stands there.
 */
record Difference(String expected, String actual, String path, int offset, String note) {
  /** Characters of each side shown. */
  static final int SHOWN = 80;

  @Override
  public String toString() {
    String where = path != null ? "at " + path : "at character " + offset;
    String said = note.isEmpty() ? "" : " (" + note + ")";
    return "first difference " + where + said + ": expected " + expected + ", got " + actual;
  }

  static Difference first(String expected, String actual) {
    Optional<Json.Node> a = Json.parse(expected);
    Optional<Json.Node> b = Json.parse(actual);
    String note;
    if (a.isPresent() && b.isPresent()) {
      Difference found = walk(a.get(), b.get(), "$");
      if (found != null) return found;
      note = "the same JSON value, spelt differently";
    } else {
      note = a.isPresent() ? "the actual output is not JSON" : "";
    }
    int at = Texts.differingCharacter(expected, actual);
    return new Difference(window(expected, at), window(actual, at), null, at, note);
  }

  private static Difference at(String expected, String actual, String path, String note) {
    return new Difference(expected, actual, path, -1, note);
  }

  private static Difference walk(Json.Node a, Json.Node b, String path) {
    if (a instanceof Json.Obj x && b instanceof Json.Obj y) return walkObject(x, y, path);
    if (a instanceof Json.Arr x) {
      if (b instanceof Json.Arr y) return walkArray(x, y, path);
      if (b instanceof Json.Obj) return at(json(a), json(b), path, "");
    }
    return a.equals(b) ? null : at(json(a), json(b), path, "");
  }

  private static Difference walkObject(Json.Obj a, Json.Obj b, String path) {
    int n = Math.max(a.members().size(), b.members().size());
    for (int i = 0; i < n; i++) {
      if (i >= a.members().size() || i >= b.members().size() || !a.members().get(i).key().equals(b.members().get(i).key())) {
        return at(member(a, i), member(b, i), path, "member " + (i + 1));
      }
      Json.Member m = a.members().get(i);
      Difference found = walk(m.value(), b.members().get(i).value(), child(path, m.key()));
      if (found != null) return found;
    }
    return null;
  }

  private static Difference walkArray(Json.Arr a, Json.Arr b, String path) {
    int n = Math.max(a.items().size(), b.items().size());
    for (int i = 0; i < n; i++) {
      String at = path + "[" + i + "]";
      if (i >= a.items().size() || i >= b.items().size()) return at(item(a, i), item(b, i), at, "");
      Difference found = walk(a.items().get(i), b.items().get(i), at);
      if (found != null) return found;
    }
    return null;
  }

  /** {@code $.key}, or {@code $["a key"]} for a key that is no ASCII identifier. */
  private static String child(String path, String key) {
    boolean simple = key.matches("[A-Za-z_][A-Za-z0-9_]*");
    return simple ? path + "." + key : path + "[" + Json.quote(key) + "]";
  }

  private static String member(Json.Obj obj, int i) {
    if (i >= obj.members().size()) return "no more members";
    Json.Member m = obj.members().get(i);
    return clip(Json.quote(m.key()) + ":" + json(m.value()));
  }

  private static String item(Json.Arr arr, int i) {
    return i < arr.items().size() ? json(arr.items().get(i)) : "no more items";
  }

  private static String json(Json.Node node) {
    return clip(Json.dump(node));
  }

  static String clip(String text) {
    int n = Texts.length(text);
    return n <= SHOWN ? text : Texts.slice(text, 0, SHOWN) + "... [" + (n - SHOWN) + " more chars]";
  }

  private static String window(String text, int at) {
    if (text.isEmpty()) return "(nothing)";
    int start = Math.max(0, at - 20);
    String shown = Texts.slice(text, start, start + SHOWN);
    String head = start > 0 ? "..." : "";
    String tail = start + SHOWN < Texts.length(text) ? "..." : "";
    return Json.quote(head + shown + tail);
  }
}
