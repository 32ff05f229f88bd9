package dev.jamjet.schema.conformance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * One run of a @TestFactory: the results its fixture tests record as they run, and what the
 * summary test makes of them.
 */
final class Run {
  private final Corpus corpus;
  private final String subject;
  private final KnownFailures known;
  private final String era;
  private final List<String> unknownListed;
  private final Map<Integer, Result> results = new ConcurrentHashMap<>();

  Run(Corpus corpus, String subject, KnownFailures known, String era, List<String> unknownListed) {
    this.corpus = corpus;
    this.subject = subject;
    this.known = known;
    this.era = era;
    this.unknownListed = unknownListed;
  }

  void record(Result r) {
    results.put(r.fixture().index(), r);
  }

  /** What has run so far, in corpus order. */
  Summary summary() {
    List<Result> ordered = new ArrayList<>(results.values());
    ordered.sort(Comparator.comparingInt(r -> r.fixture().index()));
    Map<String, List<String>> matches = eraMatches(ordered);
    return new Summary(corpus.where, subject, corpus.causes, List.copyOf(ordered), known, unknownListed, era, matches);
  }

  /** For each era not judged by, the failed fixtures whose answer is the one that era's build gives. */
  private Map<String, List<String>> eraMatches(List<Result> ordered) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    corpus.eras.forEach(
        (version, e) -> {
          if (version.equals(era)) return;
          List<String> ids = ordered.stream()
              .filter(r -> r.status() == Result.Status.FAILED || r.status() == Result.Status.KNOWN_FAILURE)
              .filter(r -> e.cases().containsKey(r.fixture().id()) && e.judgeBy(r.fixture()).agrees(r.actual()))
              .map(r -> r.fixture().id())
              .toList();
          if (!ids.isEmpty()) out.put(version, ids);
        });
    return out;
  }

  /** A run's results and what the report needs beside them. */
  record Summary(
      String corpus,
      String subject,
      Causes causes,
      List<Result> results,
      KnownFailures known,
      List<String> unknownListed,
      String era,
      Map<String, List<String>> eraMatches) {

    List<Result> having(Result.Status status) {
      return results.stream().filter(r -> r.status() == status).toList();
    }

    long count(Predicate<Result> test) {
      return results.stream().filter(test).count();
    }

    /** Known-failures entries to prune: fixed since listed, or naming no fixture. */
    List<String> stale() {
      List<String> out = new ArrayList<>();
      having(Result.Status.NOW_PASSES).forEach(r -> out.add(r.fixture().id()));
      out.addAll(unknownListed);
      return out;
    }

    boolean ok() {
      return unknownListed.isEmpty() && results.stream().noneMatch(Result::fatal);
    }
  }
}
