package dev.jamjet.schema.conformance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The conformance corpus as JUnit 5 dynamic tests for a {@link Subject}, judged as {@code
 * jamjet-schema conformance} judges a testee:
 *
 * <pre>
 * &#64;TestFactory
 * Stream&lt;DynamicNode&gt; conformance() {
 *   return JamjetConformance.of(new MySubject()).knownFailures(Path.of("known-failures.txt")).tests();
 * }
 * </pre>
 *
 * <p>A container per fixture file ({@code required.EventKind.node_started}), a test per fixture
 * named by its id, then a summary test listing the failures grouped by observed cause, largest
 * first. A fixture fails when the subject's verdict differs from serde's (accept or reject) or,
 * accepted, its output differs by a byte; the failure's message starts with its causes. A known
 * failure, an implementation-defined difference and a type the subject does not support are
 * skipped (aborted) with the reason; a listed fixture that passes, or a listed id naming no
 * fixture, fails. The evolution tier is not run: it is for readers of an older release ({@code
 * jamjet-schema conformance --reader-version}). Instances are immutable: each option returns a
 * new one.
 */
public final class JamjetConformance {
  /** Which tiers run: all (the default) or the required ones (required, api) alone. */
  public enum Tier {
    REQUIRED,
    ALL
  }

  private final Subject subject;
  private final Path corpus;
  private final Path knownFailures;
  private final String era;
  private final Tier tier;
  private final Set<String> rules;
  private final String match;

  private JamjetConformance(Subject subject, Path corpus, Path knownFailures, String era, Tier tier, Set<String> rules, String match) {
    if (subject == null) throw new IllegalArgumentException("a subject is required");
    this.subject = subject;
    this.corpus = corpus;
    this.knownFailures = knownFailures;
    this.era = era;
    this.tier = tier;
    this.rules = rules;
    this.match = match;
  }

  /** The corpus's tests for {@code subject}: every tier but evolution, no known failures. */
  public static JamjetConformance of(Subject subject) {
    return new JamjetConformance(subject, null, null, null, Tier.ALL, Set.of(), null);
  }

  /** Another corpus folder (a checkout's conformance/fixtures); default: the one in this jar. */
  public JamjetConformance corpus(Path folder) {
    return new JamjetConformance(subject, folder, knownFailures, era, tier, rules, match);
  }

  /** The known-failures file: its fixtures may fail; one listed that passes fails the run. */
  public JamjetConformance knownFailures(Path file) {
    return new JamjetConformance(subject, corpus, file, era, tier, rules, match);
  }

  /** Judges the fixtures that serde_json release's era file re-records by its answers. */
  public JamjetConformance serdeJsonEra(String version) {
    return new JamjetConformance(subject, corpus, knownFailures, version, tier, rules, match);
  }

  public JamjetConformance tier(Tier chosen) {
    return new JamjetConformance(subject, corpus, knownFailures, era, chosen, rules, match);
  }

  /** Only the fixtures of these rules ({@code tag}, {@code float-format}, ...). */
  public JamjetConformance rules(String... chosen) {
    return new JamjetConformance(subject, corpus, knownFailures, era, tier, Set.of(chosen), match);
  }

  /** Only the fixtures whose id contains {@code idSubstring}. */
  public JamjetConformance match(String idSubstring) {
    return new JamjetConformance(subject, corpus, knownFailures, era, tier, rules, idSubstring);
  }

  /** The tests, for a {@code @TestFactory}; run them in order, the summary last. */
  public Stream<DynamicNode> tests() {
    Corpus loaded = Corpus.load(corpus);
    Era chosen = chosenEra(loaded);
    KnownFailures known = knownFailures == null ? null : KnownFailures.load(knownFailures);
    Set<String> ids = new HashSet<>();
    loaded.fixtures.forEach(f -> ids.add(f.id()));
    List<String> unknown = known == null ? List.of() : known.lines().keySet().stream().filter(id -> !ids.contains(id)).toList();
    Run run = new Run(loaded, subjectName(), known, era, unknown);
    List<DynamicNode> nodes = new ArrayList<>();
    if (known != null) nodes.add(DynamicTest.dynamicTest("known-failures: every entry names a fixture", () -> checkNames(known, unknown)));
    for (Corpus.FixtureFile file : loaded.files) {
      List<DynamicNode> tests = file.cases().stream().filter(this::wanted)
          .map(f -> (DynamicNode) DynamicTest.dynamicTest(f.id(), () -> check(run, loaded, known, chosen == null ? f : chosen.judgeBy(f))))
          .toList();
      if (!tests.isEmpty()) nodes.add(DynamicContainer.dynamicContainer(file.name(), tests));
    }
    nodes.add(DynamicTest.dynamicTest("summary: failures grouped by observed cause", () -> summarize(run)));
    return nodes.stream();
  }

  /** The subject's class, or the class a lambda or method reference was written in. */
  private String subjectName() {
    String name = subject.getClass().getName();
    int lambda = name.indexOf("$$Lambda");
    return lambda < 0 ? name : name.substring(0, lambda) + " (a lambda or method reference)";
  }

  private Era chosenEra(Corpus loaded) {
    if (era == null) return null;
    Era found = loaded.eras.get(era);
    if (found == null) {
      String has = loaded.eras.isEmpty() ? "none" : String.join(", ", loaded.eras.keySet());
      throw new CorpusException("the corpus records no serde_json era " + era + " (it has: " + has + ")");
    }
    return found;
  }

  private boolean wanted(Fixture f) {
    if (f.tier().equals("evolution")) return false; // only for readers of an older release
    if (tier == Tier.REQUIRED && !f.required()) return false;
    return (rules.isEmpty() || rules.contains(f.rule())) && (match == null || f.id().contains(match));
  }

  private void check(Run run, Corpus loaded, KnownFailures known, Fixture f) {
    Outcome actual = Outcome.ask(subject, f.typeName(), f.input(), f.askedForm());
    Result r = Result.judge(f, actual, known != null && known.contains(f.id()));
    run.record(r);
    switch (r.status()) {
      case PASSED:
        return;
      case SKIPPED:
        throw new TestAbortedException(actual.text());
      case KNOWN_FAILURE:
        throw new TestAbortedException("known failure, listed at " + known.where(f.id()) + ": " + failure(loaded, r));
      case NOW_PASSES:
        throw new AssertionFailedError("listed as a known failure at " + known.where(f.id()) + ", but passes: remove line "
            + known.lines().get(f.id()) + " from " + known.path());
      default:
        String message = failure(loaded, r);
        if (r.differs()) throw new TestAbortedException("implementation-defined: differs (reported, never failing): " + message);
        if (f.expected().accepted() && actual.accepted()) throw new AssertionFailedError(message, f.output(), actual.text());
        throw new AssertionFailedError(message);
    }
  }

  /** A failure's message: the era whose answer it is (not the one chosen), else its causes. */
  private String failure(Corpus loaded, Result r) {
    for (Era other : loaded.eras.values()) {
      boolean theirs = !other.serdeJson().equals(era) && other.cases().containsKey(r.fixture().id());
      if (theirs && other.judgeBy(r.fixture()).agrees(r.actual())) {
        String title = Report.eraTitle(other.serdeJson()) + "; " + Report.eraAdvice(other.serdeJson());
        return Texts.printable(title + "\n" + Report.describe(r, "", ""));
      }
    }
    return Report.failure(r, loaded.causes.of(r));
  }

  private static void checkNames(KnownFailures known, List<String> unknown) {
    if (unknown.isEmpty()) return;
    List<String> lines = new ArrayList<>();
    lines.add(unknown.size() + " entr" + (unknown.size() == 1 ? "y" : "ies") + " of " + known.path() + " name no fixture:");
    unknown.forEach(id -> lines.add("  no such fixture " + id));
    lines.addAll(known.pruneHint(unknown));
    throw new AssertionFailedError(String.join("\n", lines));
  }

  private static void summarize(Run run) {
    Run.Summary summary = run.summary();
    String text = Report.summary(summary);
    System.out.println(text);
    if (!summary.ok()) throw new AssertionFailedError(Report.verdict(summary) + "\n\n" + text);
  }
}
