package dev.jamjet.schema.wire;

/**
 * serde_json's words (error.rs ErrorCode) for a syntax error Jackson's tokenizer found. The
 * verdict is the same (both refuse every text that is not strict JSON); the reason is picked
 * from Jackson's message, so on a rare text it may name a neighbouring code (see
 * KNOWN_DIFFERENCES.md).
 */
final class SyntaxMessages {
  private SyntaxMessages() {}

  static String serdeReason(String jackson) {
    String m = jackson == null ? "" : jackson;
    if (m.startsWith("Unexpected end-of-input")) return eof(m);
    if (m.contains("CTRL-CHAR")) return WireConstants.CONTROL_CHARACTER;
    if (m.contains("character escape")) return WireConstants.INVALID_ESCAPE;
    if (m.contains("to start field name")) return WireConstants.KEY_MUST_BE_A_STRING;
    if (m.contains("separate Array entries")) return WireConstants.EXPECTED_LIST_COMMA_OR_END;
    if (m.contains("separate Object entries")) return WireConstants.EXPECTED_OBJECT_COMMA_OR_END;
    if (m.contains("colon to separate")) return WireConstants.EXPECTED_COLON;
    if (m.contains("ero") && m.contains("eading")) return WireConstants.INVALID_NUMBER; // leading zeroes
    if (m.contains("umeric value") || m.contains("Decimal point") || m.contains("exponent")) {
      return WireConstants.INVALID_NUMBER;
    }
    if (m.contains("space separating root-level values")) return WireConstants.TRAILING_CHARACTERS;
    if (m.startsWith("Unrecognized token")) return WireConstants.EXPECTED_IDENT;
    if (m.startsWith("Unexpected close marker")) return WireConstants.EXPECTED_VALUE;
    return WireConstants.EXPECTED_VALUE;
  }

  private static String eof(String m) {
    if (m.contains("String") || m.contains("string") || m.contains("field name")) {
      return WireConstants.EOF_STRING;
    }
    if (m.contains("Array")) return WireConstants.EOF_LIST;
    if (m.contains("Object")) return WireConstants.EOF_OBJECT;
    return WireConstants.EOF_VALUE;
  }
}
