import dev.jamjet.schema.conformance.Subject;

/**
 * The generated package writing floats as serde_json 1.0.146 does (through ryu: 1e21, where
 * 1.0.147 and later write 1e+21): exactly the answers of the corpus's era file.
 */
public final class RyuSubject implements Subject {
  @Override
  public String answer(String type, String input, String form) {
    return withoutExponentPlus(JamjetConformanceTest.answer(type, input, form));
  }

  /** The JSON text without the + of exponents (outside strings, a + is one). */
  static String withoutExponentPlus(String json) {
    StringBuilder out = new StringBuilder(json.length());
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString && c == '\\') {
        out.append(c).append(json.charAt(++i));
        continue;
      }
      if (c == '"') inString = !inString;
      if (inString || c != '+') out.append(c);
    }
    return out.toString();
  }
}
