package dev.jamjet.schema.conformance;

/** A fixture, the subject's answer, and the verdict on it. */
record Result(Fixture fixture, Outcome actual, Status status) {
  /** known-failure: listed and failing (expected); now-passes: listed but passing (a stale list). */
  enum Status {
    PASSED,
    FAILED,
    SKIPPED,
    KNOWN_FAILURE,
    NOW_PASSES;

    /** As the reports name it: FAILED, KNOWN-FAILURE, ... */
    String label() {
      return name().replace('_', '-');
    }
  }

  static Result judge(Fixture fixture, Outcome actual, boolean listed) {
    Status status;
    if (actual.verdict() == Outcome.Verdict.SKIPPED) status = Status.SKIPPED;
    else if (fixture.agrees(actual)) status = listed ? Status.NOW_PASSES : Status.PASSED;
    else status = listed ? Status.KNOWN_FAILURE : Status.FAILED;
    return new Result(fixture, actual, status);
  }

  /** Fails the run: a required (or api) disagreement, or a known failure passing. */
  boolean fatal() {
    return (status == Status.FAILED && fixture.required()) || status == Status.NOW_PASSES;
  }

  /** An implementation-defined fixture answered otherwise: reported, never failing. */
  boolean differs() {
    return status == Status.FAILED && !fixture.required();
  }

  /** The status as the report names it: tiers as what they are. */
  String label() {
    return differs() ? "implementation-defined: differs" : status.label();
  }

  /** What differs from the reference, in a few words. */
  String problem() {
    if (actual.verdict() == Outcome.Verdict.SKIPPED) return "skipped by the subject";
    if (fixture.agrees(actual)) return "agrees with the reference";
    if (fixture.output() == null && actual.accepted()) return "accepted; the reference rejects it";
    if (actual.verdict() == Outcome.Verdict.ERROR) return "rejected; the reference accepts it";
    return "accepted, but the output differs" + (actual.defect() != null ? " (" + actual.defect() + ")" : "");
  }
}
