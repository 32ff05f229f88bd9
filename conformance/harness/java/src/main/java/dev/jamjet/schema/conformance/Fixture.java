package dev.jamjet.schema.conformance;

/**
 * One case of the corpus: a request of the testee protocol and the Rust reference's answer
 * ({@code output} null exactly when the class is rejected). {@code file} is its fixture file
 * under the corpus ({@code required/EventKind/tag.json}); {@code index} its place in the corpus.
 */
record Fixture(
    int index,
    String id,
    String description,
    String rule,
    String typeName,
    String klass,
    String input,
    String output,
    String serdeError,
    String tier,
    String file,
    String form,
    String readerVersion) {

  static final String IMPLEMENTATION_DEFINED = "implementation-defined";

  /** Must agree with the reference: every tier but implementation-defined. */
  boolean required() {
    return !tier.equals(IMPLEMENTATION_DEFINED);
  }

  /** The form the subject is asked to write in: log unless the case says api. */
  String askedForm() {
    return form == null ? "log" : form;
  }

  /** This case expecting another answer (an era's): its class, output and serde error. */
  Fixture expecting(String otherClass, String otherOutput, String otherError) {
    return new Fixture(index, id, description, rule, typeName, otherClass, input, otherOutput, otherError, tier, file, form, readerVersion);
  }

  Outcome expected() {
    return output == null ? Outcome.error(serdeError == null ? "" : serdeError) : new Outcome(Outcome.Verdict.OUTPUT, output, null);
  }

  /** The subject's answer agrees: the same verdict and, when accepted, the same bytes. */
  boolean agrees(Outcome actual) {
    if (output == null) return actual.verdict() == Outcome.Verdict.ERROR;
    return actual.accepted() && actual.defect() == null && actual.text().equals(output);
  }
}
