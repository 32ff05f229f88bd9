package dev.jamjet.schema.conformance;

/**
 * The implementation under test: reads a document as one type of the protocol and writes it
 * back (conformance/protocol.md).
 */
@FunctionalInterface
public interface Subject {
  /**
   * Parses {@code input} as {@code typeName} ({@code Event}, {@code EventKind}, {@code
   * ProvenanceMetadata}, {@code Events} or {@code EventsResponse}) and returns the text it writes
   * back in {@code form}: {@code "log"} (serde_json::to_string) or {@code "api"} (the runtime's
   * HTTP API: every object's members sorted by key).
   *
   * @throws Exception to reject the input; its message is kept for the report (null is taken as
   *     a rejection too)
   */
  String answer(String typeName, String input, String form) throws Exception;

  /** False for a type name the subject does not implement: its fixtures are reported as skipped. */
  default boolean supports(String typeName) {
    return true;
  }
}
