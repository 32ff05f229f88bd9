package dev.jamjet.schema.wire;

import java.util.UUID;

/** Writing as serde_json::to_string does: compact, members in declaration order. */
public final class Writes {
  private Writes() {}

  /**
   * Appends a member's key ({@code "name":}, already quoted), after a comma unless it is the
   * first member of the object opened at {@code open}.
   */
  public static void key(StringBuilder out, int open, String quotedKeyColon) {
    if (out.length() != open + 1) out.append(',');
    out.append(quotedKeyColon);
  }

  public static void u64(StringBuilder out, long bits) {
    out.append(Long.toUnsignedString(bits));
  }

  public static void uuid(StringBuilder out, UUID uuid) {
    out.append('"').append(uuid).append('"'); // java.util.UUID writes lower-case hyphenated
  }

  public static void timestamp(StringBuilder out, Timestamp t) {
    out.append('"').append(t).append('"'); // ASCII only: nothing to escape
  }

  /** A u32 given to a record: 0..2^32-1. */
  public static long checkU32(long value, String field) {
    if (value < WireConstants.U32_MIN || value > WireConstants.U32_MAX) {
      String range = WireConstants.U32_MIN + ".." + WireConstants.U32_MAX;
      throw new IllegalArgumentException(field + ": " + value + " is not a u32 (" + range + ")");
    }
    return value;
  }
}
