package dev.jamjet.schema.wire;

/** serde_json's " at line L column C": lines count '\n', columns count UTF-8 bytes. */
final class Positions {
  private Positions() {}

  /** The position serde_json gives index {@code i} (chars of {@code text} before it). */
  static String at(String text, int i) {
    int end = Math.min(i, text.length());
    int lineStart = text.lastIndexOf('\n', end - 1) + 1;
    int line = 1;
    for (int j = 0; j < lineStart; j++) if (text.charAt(j) == '\n') line++;
    long column = 0;
    for (int j = lineStart; j < end; j++) {
      char c = text.charAt(j);
      if (c < 0x80) column += 1;
      else if (c < 0x800) column += 2;
      else if (Character.isHighSurrogate(c)) {
        column += 4;
        j++;
      } else column += 3;
    }
    return " at line " + line + " column " + column;
  }
}
