package dev.jamjet.schema.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Why a fixture failed, found in the subject's answer, as causes.json describes it and the Python
 * runner (jamjet_schema.conformance.causes) applies it: an accepted input serde rejects, by the
 * class of serde's error; a rejected input serde accepts, by the subject's own error generalised;
 * another output, by every difference of the two JSON texts. {@link #group} puts each failure
 * under the cause that explains most fixtures.
 */
final class Causes {
  /** A cause: a stable key, for machines, and what the implementation does, for people. */
  record Cause(String key, String title) {}

  /** Failures with one cause (or a serde_json era's answers); the first is the worked example. */
  record Group(String title, String key, List<Result> results, String era) {
    Result example() {
      return results.get(0);
    }
  }

  /** Python's re: \d is any decimal digit, and $ and . know only \n as a line end. */
  private static final int PYTHON = Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES;
  private static final Pattern AT = Pattern.compile(" at line \\d+ column \\d+$", PYTHON);
  private static final Pattern QUOTED = Pattern.compile("`[^`]*`|\"[^\"]*\"|'[^']*'", PYTHON);
  private static final Pattern DIGITS = Pattern.compile("\\d+", PYTHON);
  private static final Pattern TIMESTAMP =
      Pattern.compile("^[+-]?\\d{4,}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?(?:Z|[+-]\\d\\d:\\d\\d)$", PYTHON);
  private static final BigInteger TWO_TO_53 = BigInteger.TWO.pow(53);

  private final List<Map.Entry<Pattern, Cause>> verdictClasses;
  private final Map<String, Cause> output;
  private final int saidLength;

  private Causes(List<Map.Entry<Pattern, Cause>> verdictClasses, Map<String, Cause> output, int saidLength) {
    this.verdictClasses = verdictClasses;
    this.output = output;
    this.saidLength = saidLength;
  }

  /** The table of causes.json. */
  static Causes read(JsonNode table) {
    List<Map.Entry<Pattern, Cause>> classes = new ArrayList<>();
    for (JsonNode c : table.path("accepted").path("classes")) {
      Cause cause = new Cause(c.path("key").asText(), c.path("title").asText());
      classes.add(Map.entry(Pattern.compile(c.path("serde_error").asText(), PYTHON), cause));
    }
    Map<String, Cause> output = new HashMap<>();
    for (JsonNode c : table.path("output").path("causes")) {
      output.put(c.path("key").asText(), new Cause(c.path("key").asText(), c.path("title").asText()));
    }
    return new Causes(classes, output, table.path("rejected").path("said_length").asInt(80));
  }

  private Cause out(String key) {
    Cause found = output.get(key);
    if (found == null) throw new CorpusException("causes.json has no output cause " + key);
    return found;
  }

  // ---- the causes of one failure ---------------------------------------------------------------

  /** Every cause a failed result shows (at least one). */
  Set<Cause> of(Result r) {
    if (r.fixture().output() == null) return Set.of(accepted(r.fixture()));
    if (!r.actual().accepted()) return Set.of(rejected(r));
    return outputCauses(r.fixture().output(), r.actual().text(), r.actual().defect());
  }

  /** Why the subject accepted what serde rejects: serde's error, classified. */
  Cause accepted(Fixture fixture) {
    String error = AT.matcher(fixture.serdeError() == null ? "" : fixture.serdeError()).replaceAll("");
    for (Map.Entry<Pattern, Cause> c : verdictClasses) {
      if (c.getKey().matcher(error).find()) return c.getValue();
    }
    return new Cause("accepts:" + fixture.rule(), "accepts what serde rejects (" + fixture.rule() + ")");
  }

  /** Why the subject rejected what serde accepts: its own error, names and numbers taken out. */
  Cause rejected(Result r) {
    String said = general(r.actual().text());
    if (said.isEmpty()) {
      String rule = r.fixture().rule();
      return new Cause("rejects:" + rule, "rejects what serde accepts (" + rule + ")");
    }
    return new Cause("rejects:" + said, "rejects what serde accepts, saying \"" + said + "\"");
  }

  /** Quoted parts out (before cutting the first line: names hold newlines), then numbers. */
  String general(String error) {
    String unquoted = QUOTED.matcher(Texts.strip(error)).replaceAll("_");
    String first = unquoted.split("\n", 2)[0];
    String plain = DIGITS.matcher(AT.matcher(first).replaceAll("")).replaceAll("N");
    return Texts.slice(plain, 0, saidLength);
  }

  /** Every difference between serde's output and the subject's, classified. */
  Set<Cause> outputCauses(String expected, String actual, String defect) {
    if (defect != null) return Set.of(out("not-utf8"));
    var a = Json.parse(expected);
    var b = Json.parse(actual);
    if (a.isEmpty() || b.isEmpty()) return Set.of(out("not-json"));
    Set<Cause> found = new LinkedHashSet<>();
    compare(a.get(), b.get(), "$", found);
    if (escapesDiffer(expected, actual)) found.add(out("escaping"));
    return found.isEmpty() ? Set.of(out("spelling")) : found;
  }

  private void compare(Json.Node a, Json.Node b, String path, Set<Cause> found) {
    if (a instanceof Json.Obj x && b instanceof Json.Obj y) {
      compareObjects(x, y, path, found);
    } else if (a instanceof Json.Arr x && b instanceof Json.Arr y) {
      if (x.items().size() != y.items().size()) found.add(out("items"));
      for (int i = 0; i < Math.min(x.items().size(), y.items().size()); i++) {
        compare(x.items().get(i), y.items().get(i), path + "[" + i + "]", found);
      }
    } else if (a instanceof Json.Num x && b instanceof Json.Num y) {
      if (!x.text().equals(y.text())) found.add(numberCause(x.text(), y.text()));
    } else if (a instanceof Json.Num && b instanceof Json.Str) {
      found.add(out("number-as-string"));
    } else if (a instanceof Json.Str && b instanceof Json.Num) {
      found.add(out("string-as-number"));
    } else if (a instanceof Json.Str x && b instanceof Json.Str y) {
      if (!x.value().equals(y.value())) found.add(stringCause(x.value(), y.value(), path));
    } else if (!a.equals(b)) {
      found.add(out("other-value"));
    }
  }

  private void compareObjects(Json.Obj a, Json.Obj b, String path, Set<Cause> found) {
    Map<String, Json.Node> ours = lastOf(a);
    Map<String, Json.Node> theirs = lastOf(b);
    for (Json.Member m : a.members()) {
      if (!theirs.containsKey(m.key())) found.add(omitted(m.value()));
    }
    for (Json.Member m : b.members()) {
      if (!ours.containsKey(m.key())) found.add(out(isNull(m.value()) ? "writes-null" : "writes-member"));
    }
    List<String> common = a.members().stream().map(Json.Member::key).filter(theirs::containsKey).toList();
    List<String> commonTheirs = b.members().stream().map(Json.Member::key).filter(ours::containsKey).toList();
    if (!common.equals(commonTheirs)) found.add(out("member-order"));
    for (String key : common) compare(ours.get(key), theirs.get(key), path + "." + key, found);
  }

  /** An object's members by key, the last of two equal keys winning (as a Python dict). */
  private static Map<String, Json.Node> lastOf(Json.Obj obj) {
    Map<String, Json.Node> out = new LinkedHashMap<>();
    for (Json.Member m : obj.members()) out.put(m.key(), m.value());
    return out;
  }

  private static boolean isNull(Json.Node node) {
    return node instanceof Json.Lit lit && lit.isNull();
  }

  private Cause omitted(Json.Node value) {
    if (isNull(value)) return out("omits-null");
    boolean empty = (value instanceof Json.Arr arr && arr.items().isEmpty()) || (value instanceof Json.Obj obj && obj.members().isEmpty());
    return out(empty ? "omits-empty" : "omits-member");
  }

  private Cause numberCause(String a, String b) {
    Double x = f64(a);
    Double y = f64(b);
    boolean sameF64 = x != null && y != null && x.doubleValue() == y.doubleValue();
    if (isFloat(a)) return out(sameF64 ? "float-spelling" : "float-value");
    if (isFloat(b)) return out(sameF64 ? "integer-as-float" : "number-value");
    try {
      boolean rounded = new BigInteger(a).abs().compareTo(TWO_TO_53) > 0 && sameF64;
      return out(rounded ? "integer-precision" : "number-value");
    } catch (NumberFormatException e) {
      return out("number-value");
    }
  }

  private static boolean isFloat(String number) {
    return number.indexOf('.') >= 0 || number.indexOf('e') >= 0 || number.indexOf('E') >= 0;
  }

  private static Double f64(String number) {
    try {
      return Double.parseDouble(number);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private Cause stringCause(String a, String b, String path) {
    if (TIMESTAMP.matcher(a).find() && TIMESTAMP.matcher(b).find()) return out("timestamp");
    if (path.endsWith(".type")) return out("tag");
    if (b.contains("\ufffd") && !a.contains("\ufffd") && Texts.hasLoneSurrogate(a)) return out("replaced-surrogate");
    return out("string-value");
  }

  /** A string both texts hold, spelt otherwise (other escapes) by the subject. */
  private static boolean escapesDiffer(String expected, String actual) {
    Map<String, Set<String>> ours = spellings(expected);
    Map<String, Set<String>> theirs = spellings(actual);
    return ours.entrySet().stream().anyMatch(e -> theirs.containsKey(e.getKey()) && !e.getValue().equals(theirs.get(e.getKey())));
  }

  /** Each string of a JSON text (keys too), decoded, with the ways it is spelt there. */
  private static Map<String, Set<String>> spellings(String text) {
    Map<String, Set<String>> out = new HashMap<>();
    for (String token : Json.stringTokens(text)) {
      out.computeIfAbsent(Json.decodeString(token), k -> new TreeSet<>()).add(token);
    }
    return out;
  }

  // ---- the groups --------------------------------------------------------------------------

  /** Each result under one cause, the cause explaining most fixtures first (ties: the smaller key). */
  List<Group> group(Collection<Result> results) {
    Map<String, Map.Entry<Result, Set<Cause>>> left = new LinkedHashMap<>();
    for (Result r : results) left.put(r.fixture().id(), Map.entry(r, of(r)));
    List<Group> groups = new ArrayList<>();
    while (!left.isEmpty()) {
      Map<Cause, Integer> tally = new HashMap<>();
      for (var entry : left.values()) {
        for (Cause c : entry.getValue()) tally.merge(c, 1, Integer::sum);
      }
      Comparator<Cause> order = Comparator.<Cause>comparingInt(c -> -tally.get(c))
          .thenComparing(Cause::key, Causes::byCodePoint)
          .thenComparing(Cause::title, Causes::byCodePoint);
      Cause top = tally.keySet().stream().min(order).orElseThrow();
      List<Result> taken = left.values().stream().filter(e -> e.getValue().contains(top)).map(Map.Entry::getKey).toList();
      groups.add(new Group(top.title(), top.key(), taken, null));
      for (Result r : taken) left.remove(r.fixture().id());
    }
    return groups;
  }

  /** Python's order of strings: by code point (Java's compareTo orders UTF-16 units). */
  static int byCodePoint(String a, String b) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i] != y[i]) return Integer.compare(x[i], y[i]);
    }
    return Integer.compare(x.length, y.length);
  }
}
