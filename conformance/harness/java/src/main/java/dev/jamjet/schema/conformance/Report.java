package dev.jamjet.schema.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a run says, in the Python runner's words (jamjet_schema.conformance.report): one fixture
 * in full (its test's failure message), and the summary: the failures of each tier grouped by
 * observed cause, largest first, one worked example each.
 */
final class Report {
  private Report() {}

  /** Characters of an input or output shown. */
  static final int CLIP = 300;
  /** Other fixture ids listed under a group. */
  static final int ALSO = 10;
  /** Rules named under a group. */
  static final int RULES_SHOWN = 5;
  /** The failure sections, in this order. */
  static final List<String> TIERS = List.of("required", "api", "evolution", Fixture.IMPLEMENTATION_DEFINED);

  // ---- one fixture --------------------------------------------------------------------------

  /** A failing fixture's message: its causes' titles, then the fixture in full. */
  static String failure(Result r, Set<Causes.Cause> causes) {
    String titles = causes.stream().map(Causes.Cause::title).collect(Collectors.joining("; "));
    return Texts.printable(titles + "\n" + describe(r, "", ""));
  }

  /** One fixture in full: id, what it pins, input, both answers, where an output first differs. */
  static String describe(Result r, String indent, String lead) {
    Fixture f = r.fixture();
    String pad = indent + " ".repeat(lead.length());
    List<String> lines = new ArrayList<>();
    lines.add(indent + lead + r.label() + " " + f.id());
    lines.add(pad + "  rule " + f.rule() + " | class " + f.klass() + " | type " + f.typeName()
        + (f.form() != null ? " | form " + f.form() : "") + " | " + f.file());
    lines.add(pad + "  " + f.description());
    lines.add(pad + "  -> " + r.problem());
    lines.add(pad + "  input     " + clip(f.input(), 0));
    for (String line : answers(f.expected(), r.actual())) lines.add(pad + line);
    return Texts.printable(String.join("\n", lines));
  }

  private static List<String> answers(Outcome expected, Outcome actual) {
    boolean both = expected.accepted() && actual.accepted();
    int at = both ? Texts.differingCharacter(expected.text(), actual.text()) : 0;
    List<String> lines = new ArrayList<>();
    lines.add("  expected  " + pad7(expected.verdict().wire()) + clip(expected.text(), at));
    lines.add("  actual    " + pad7(actual.verdict().wire()) + clip(actual.text(), at));
    if (both) lines.add("  " + Difference.first(expected.text(), actual.text()));
    return lines;
  }

  private static String pad7(String verdict) {
    return verdict.length() >= 7 ? verdict : verdict + " ".repeat(7 - verdict.length());
  }

  /** {@code value} cut to about CLIP characters, keeping position {@code around} in view. */
  static String clip(String value, int around) {
    int n = Texts.length(value);
    if (n <= CLIP) return value;
    int start = Math.max(0, Math.min(around - CLIP / 3, n - CLIP));
    String head = start > 0 ? "[..." + start + " chars] " : "";
    int rest = n - start - CLIP;
    String tail = rest > 0 ? " [..." + rest + " more chars]" : "";
    return head + Texts.slice(value, start, start + CLIP) + tail;
  }

  // ---- the summary --------------------------------------------------------------------------

  /** The failures of each tier that has some, in groups, largest first. */
  static Map<String, List<Causes.Group>> tierGroups(Run.Summary run) {
    Map<String, List<Causes.Group>> out = new LinkedHashMap<>();
    for (String tier : TIERS) {
      List<Result> failed = run.results().stream()
          .filter(r -> r.status() == Result.Status.FAILED && r.fixture().tier().equals(tier)).toList();
      if (!failed.isEmpty()) out.put(tier, groups(run, failed));
    }
    return out;
  }

  /** The era groups (failures that are an era's answers), then the cause groups, largest first. */
  private static List<Causes.Group> groups(Run.Summary run, List<Result> failed) {
    Map<String, String> inEra = new LinkedHashMap<>();
    run.eraMatches().forEach((version, ids) -> ids.forEach(id -> inEra.put(id, version)));
    Map<String, List<Result>> eras = new LinkedHashMap<>();
    for (Result r : failed) {
      String version = inEra.get(r.fixture().id());
      if (version != null) eras.computeIfAbsent(version, v -> new ArrayList<>()).add(r);
    }
    List<Causes.Group> grouped = new ArrayList<>();
    eras.forEach((version, rs) -> grouped.add(new Causes.Group(eraTitle(version), "era:" + version, rs, version)));
    grouped.addAll(run.causes().group(failed.stream().filter(r -> !inEra.containsKey(r.fixture().id())).toList()));
    grouped.sort((x, y) -> Integer.compare(y.results().size(), x.results().size())); // stable: eras first on a tie
    return grouped;
  }

  static String eraTitle(String version) {
    return "writes floats as serde_json " + version + " does";
  }

  static String eraAdvice(String version) {
    return "run with .serdeJsonEra(\"" + version + "\")";
  }

  /** The whole summary: header, a section per tier with failures, the others, the verdict. */
  static String summary(Run.Summary run) {
    List<String> parts = new ArrayList<>();
    parts.add(header(run));
    tierGroups(run).forEach((tier, groups) -> parts.add(section(tier, groups)));
    parts.addAll(others(run));
    parts.add(verdict(run));
    return Texts.printable(String.join("\n\n", parts));
  }

  private static String header(Run.Summary run) {
    List<String> lines = new ArrayList<>();
    lines.add("jamjet-schema conformance (JUnit 5)");
    lines.add("  subject  " + run.subject());
    lines.add("  corpus  " + run.corpus() + " (" + run.results().size() + " cases run)");
    if (run.known() != null) lines.add("  known failures  " + run.known().path() + " (" + run.known().lines().size() + " entries)");
    if (run.era() != null) lines.add("  serde_json era  " + run.era() + ": the fixtures it re-records expect its bytes");
    return String.join("\n", lines);
  }

  private static String section(String tier, List<Causes.Group> groups) {
    int n = groups.stream().mapToInt(g -> g.results().size()).sum();
    String counted = fixtures(n) + " in " + groups.size() + " group" + (groups.size() != 1 ? "s" : "") + ", most fixtures first";
    String title = tier.equals(Fixture.IMPLEMENTATION_DEFINED)
        ? "IMPLEMENTATION-DEFINED DIFFERENCES: " + counted + " (reported, never failing the run)"
        : "FAILURES, " + tier + " tier: " + counted;
    List<String> body = new ArrayList<>();
    body.add(title);
    for (int i = 0; i < groups.size(); i++) body.add(groupText(i + 1, groups.get(i)));
    return String.join("\n\n", body);
  }

  private static String groupText(int number, Causes.Group g) {
    String head = number + ". " + g.title() + ": " + fixtures(g.results().size());
    if (g.era() != null) head += "; " + eraAdvice(g.era());
    List<Map.Entry<String, Long>> rules = rules(g);
    if (rules.size() > 1) {
      String shown = rules.stream().limit(RULES_SHOWN).map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
      int more = rules.size() - RULES_SHOWN;
      head += "\n     fixtures of rules " + shown + (more > 0 ? " and " + more + " more" : "");
    }
    List<String> lines = new ArrayList<>(List.of(head, describe(g.example(), "     ", "e.g. ")));
    List<String> others = g.results().stream().skip(1).map(r -> r.fixture().id()).toList();
    if (!others.isEmpty()) lines.add("     also " + String.join("\n          ", others.subList(0, Math.min(ALSO, others.size()))));
    if (others.size() > ALSO) lines.add("          ... and " + (others.size() - ALSO) + " more (each fixture's test has it in full)");
    return String.join("\n", lines);
  }

  /** The fixtures' rules a group touches, most first (ties: in the order first seen). */
  static List<Map.Entry<String, Long>> rules(Causes.Group g) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Result r : g.results()) counts.merge(r.fixture().rule(), 1L, Long::sum);
    return counts.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).toList();
  }

  private static List<String> others(Run.Summary run) {
    List<String> out = new ArrayList<>();
    Map<String, Long> skipped = new LinkedHashMap<>();
    run.having(Result.Status.SKIPPED).forEach(r -> skipped.merge(r.actual().text(), 1L, Long::sum));
    if (!skipped.isEmpty()) {
      long n = skipped.values().stream().mapToLong(Long::longValue).sum();
      String reasons = skipped.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue(), x.getValue()))
          .map(e -> "  " + e.getValue() + " x " + e.getKey()).collect(Collectors.joining("\n"));
      out.add("SKIPPED (" + n + ")\n" + reasons);
    }
    List<Result> known = run.having(Result.Status.KNOWN_FAILURE);
    if (!known.isEmpty() && run.known() != null) out.add("KNOWN FAILURES: " + known.size() + " listed in " + run.known().path() + " still fail");
    if (!run.stale().isEmpty() && run.known() != null) out.add(stale(run));
    return out;
  }

  static String stale(Run.Summary run) {
    List<String> lines = new ArrayList<>();
    lines.add("STALE KNOWN FAILURES (" + run.stale().size() + "): listed, but");
    run.having(Result.Status.NOW_PASSES).forEach(r -> lines.add("  now passes      " + r.fixture().id()));
    run.unknownListed().forEach(id -> lines.add("  no such fixture " + id));
    lines.addAll(run.known().pruneHint(run.stale()));
    return String.join("\n", lines);
  }

  /** The closing line: PASS or FAIL, and the tally. */
  static String verdict(Run.Summary run) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("passed", run.count(r -> r.status() == Result.Status.PASSED));
    counts.put("failed", run.count(r -> r.status() == Result.Status.FAILED && r.fixture().required()));
    counts.put("implementation-defined differences", run.count(Result::differs));
    counts.put("known-failure", run.count(r -> r.status() == Result.Status.KNOWN_FAILURE));
    counts.put("now-passes", run.count(r -> r.status() == Result.Status.NOW_PASSES));
    counts.put("skipped", run.count(r -> r.status() == Result.Status.SKIPPED));
    String tally = counts.entrySet().stream().filter(e -> e.getValue() > 0)
        .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    if (run.ok()) return "PASS (" + tally + ")";
    Map<String, Long> fatal = new LinkedHashMap<>();
    run.results().stream().filter(r -> r.status() == Result.Status.FAILED && r.fatal())
        .forEach(r -> fatal.merge(r.fixture().tier(), 1L, Long::sum));
    List<String> why = new ArrayList<>();
    fatal.forEach((tier, n) -> why.add(fixtures(n) + " of the " + tier + " tier fail" + (n == 1 ? "s" : "")));
    if (!run.stale().isEmpty()) why.add("stale known-failure entries: " + run.stale().size());
    return "FAIL: " + String.join("; ", why) + " (" + tally + ")";
  }

  static String fixtures(long n) {
    return n + " fixture" + (n != 1 ? "s" : "");
  }
}
