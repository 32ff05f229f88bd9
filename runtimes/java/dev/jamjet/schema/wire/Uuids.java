package dev.jamjet.schema.wire;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * UUIDs as the uuid crate 1.x reads them (Uuid::try_parse: 32 hex digits, hyphenated,
 * {@code {braced}}, {@code urn:uuid:}, hex digits in either case) with its error texts; written
 * lower-case hyphenated, which is java.util.UUID's toString.
 */
public final class Uuids {
  private static final int[] GROUP_ENDS = {8, 13, 18, 23};

  private Uuids() {}

  private static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;
    final byte[] bytes; // what the failing parser was given (the inside of braces or a URN)
    final boolean hyphenatedRequested;

    Invalid(byte[] bytes, int start, int end, boolean hyphenatedRequested) {
      super(null, null, false, false);
      this.bytes = java.util.Arrays.copyOfRange(bytes, start, end);
      this.hyphenatedRequested = hyphenatedRequested;
    }
  }

  public static UUID parse(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    try {
      return tryParse(b);
    } catch (Invalid e) {
      throw new WireException("UUID parsing failed: " + diagnose(e.bytes, e.hyphenatedRequested));
    }
  }

  private static UUID tryParse(byte[] s) throws Invalid {
    int n = s.length;
    if (n == 32) return fromHex(s, 0, false, false);
    if (n == 36) return hyphenated(s, 0);
    if (n == 38 && s[0] == '{' && s[37] == '}') return hyphenated(s, 1);
    if (n == 45) {
      if (startsWithUrn(s)) return hyphenated(s, 9);
      throw new Invalid(s, 0, n, false);
    }
    throw new Invalid(s, 0, n, false);
  }

  private static boolean startsWithUrn(byte[] s) {
    String urn = "urn:uuid:";
    if (s.length < urn.length()) return false;
    for (int i = 0; i < urn.length(); i++) {
      int a = s[i];
      if (a >= 'A' && a <= 'Z') a += 0x20;
      if (a != urn.charAt(i)) return false;
    }
    return true;
  }

  private static UUID hyphenated(byte[] s, int start) throws Invalid {
    for (int end : GROUP_ENDS) if (s[start + end] != '-') throw new Invalid(s, start, start + 36, true);
    return fromHex(s, start, true, true);
  }

  private static UUID fromHex(byte[] s, int start, boolean hyphens, boolean hyphenatedRequested) throws Invalid {
    long hi = 0;
    long lo = 0;
    int digits = 0;
    int length = hyphens ? 36 : 32;
    for (int i = start; i < start + length; i++) {
      if (hyphens && (i - start == 8 || i - start == 13 || i - start == 18 || i - start == 23)) continue;
      int v = hexValue(s[i]);
      if (v < 0) throw new Invalid(s, start, start + length, hyphenatedRequested);
      if (digits < 16) hi = (hi << 4) | v;
      else lo = (lo << 4) | v;
      digits++;
    }
    return new UUID(hi, lo);
  }

  private static int hexValue(byte c) {
    if (c >= '0' && c <= '9') return c - '0';
    int lower = c | 0x20;
    if (lower >= 'a' && lower <= 'f') return lower - 'a' + 10;
    return -1;
  }

  /** The uuid crate's InvalidUuid::into_err (error.rs) for what was given. */
  private static String diagnose(byte[] bytes, boolean hyphenatedRequested) {
    if (bytes.length == 0 || bytes.length > 45) return "invalid length: found " + bytes.length;
    String format = hyphenatedRequested ? "Hyphenated" : "Any";
    int start = 0;
    int end = bytes.length;
    if (!hyphenatedRequested && bytes.length >= 2 && bytes[0] == '{' && bytes[bytes.length - 1] == '}') {
      start = 1;
      end = bytes.length - 1;
      format = "Braced";
    } else if (!hyphenatedRequested && bytes.length >= 9 && startsWithUrn(bytes)) {
      start = 9;
      format = "Urn";
    }
    int hyphenCount = 0;
    int[] groupBounds = new int[4];
    String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
    int index = 0;
    for (int k = 0; k < text.length(); ) {
      int cp = text.codePointAt(k);
      k += Character.charCount(cp);
      boolean isHex = cp < 0x80 && hexValue((byte) cp) >= 0;
      if (!isHex) {
        if (cp == '-') {
          if (format.equals("Any")) format = "Hyphenated";
          if (hyphenCount < 4) groupBounds[hyphenCount] = index;
          hyphenCount++;
        } else {
          return "invalid character: found `" + new String(Character.toChars(cp)) + "` at " + (index + start);
        }
      }
      index += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }
    if (format.equals("Any")) return "invalid length: found " + bytes.length;
    if (hyphenCount != 4) return "invalid group count: expected 5, found " + (hyphenCount + 1);
    int[] blockStarts = {0, 9, 14, 19, 24};
    int[] expected = {8, 4, 4, 4, 12};
    for (int i = 0; i < 4; i++) {
      if (groupBounds[i] != blockStarts[i + 1] - 1) {
        return "invalid group length in group " + i + ": expected " + expected[i] + ", found "
            + (groupBounds[i] - blockStarts[i]);
      }
    }
    return "invalid group length in group 4: expected 12, found " + (end - start - blockStarts[4]);
  }
}
