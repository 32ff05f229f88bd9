package dev.jamjet.schema.conformance;

/**
 * One answer of a subject: an output, an error (a rejection) or skipped; {@code defect} says what
 * is wrong with an output's text whatever it is compared with (a lone surrogate: UTF-8 cannot
 * hold it), as the Python runner says it.
 */
record Outcome(Verdict verdict, String text, String defect) {
  enum Verdict {
    OUTPUT,
    ERROR,
    SKIPPED;

    /** As the reports name it: output, error, skipped. */
    String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static Outcome output(String text) {
    int at = Texts.loneSurrogateAt(text);
    if (at < 0) return new Outcome(Verdict.OUTPUT, text, null);
    int code = text.codePoints().skip(at).findFirst().orElseThrow();
    String defect = String.format("the output holds a lone surrogate U+%04X at character %d: UTF-8 cannot encode it", code, at);
    return new Outcome(Verdict.OUTPUT, text, defect);
  }

  static Outcome error(String message) {
    return new Outcome(Verdict.ERROR, message, null);
  }

  static Outcome skipped(String why) {
    return new Outcome(Verdict.SKIPPED, why, null);
  }

  boolean accepted() {
    return verdict == Verdict.OUTPUT;
  }

  /** What {@code subject} answers: its output, or its exception's message as a rejection. */
  static Outcome ask(Subject subject, String typeName, String input, String form) {
    if (!subject.supports(typeName)) return skipped("type " + typeName + " is not implemented by the subject");
    String out;
    try {
      out = subject.answer(typeName, input, form);
    } catch (Exception e) {
      return error(message(e));
    }
    return out == null ? error("the subject answered null") : output(out);
  }

  /** An exception's message, or its class's name when it has none. */
  static String message(Exception e) {
    String said = e.getMessage();
    return said == null || said.isBlank() ? e.getClass().getName() : said;
  }
}
