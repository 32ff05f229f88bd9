package dev.jamjet.schema.conformance;

/** The corpus (or the known-failures file, or an option) cannot be used: the run cannot happen. */
public final class CorpusException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CorpusException(String message) {
    super(message);
  }
}
