package dev.jamjet.schema.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A subject as a testee of conformance/protocol.md, for the Python runner: {@code jamjet-schema
 * conformance --testee 'java -cp CLASSPATH dev.jamjet.schema.conformance.Testee my.Subject'}
 * answers exactly what the subject answers in the JUnit harness (the class needs a public no-arg
 * constructor). One request per stdin line, one answer per request, in order; end of input ends
 * it.
 */
public final class Testee {
  private Testee() {}

  public static void main(String[] args) throws IOException, ReflectiveOperationException {
    if (args.length != 1) {
      System.err.println("usage: java -cp CLASSPATH dev.jamjet.schema.conformance.Testee SUBJECT_CLASS");
      System.exit(2);
    }
    Subject subject = instantiate(args[0]);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    Writer out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.isBlank()) continue;
      out.write(answer(subject, line));
      out.write('\n');
      if (!in.ready()) out.flush(); // answer as soon as the runner waits
    }
    out.flush();
  }

  private static Subject instantiate(String name) throws ReflectiveOperationException {
    Object made;
    try {
      made = Class.forName(name).getDeclaredConstructor().newInstance();
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("the subject " + name + " could not be made", e.getCause());
    }
    if (!(made instanceof Subject subject)) throw new IllegalArgumentException(name + " does not implement " + Subject.class.getName());
    return subject;
  }

  /** The answer line to one request line. */
  static String answer(Subject subject, String line) {
    if (!(Json.parse(line).orElse(null) instanceof Json.Obj request)) throw new IllegalArgumentException("a request is a JSON object: " + line);
    String id = member(request, "id").filter(Json.Num.class::isInstance).map(n -> ((Json.Num) n).text())
        .orElseThrow(() -> new IllegalArgumentException("a request has a numeric id: " + line));
    String form = member(request, "form").isPresent() ? text(request, "form") : "log";
    Outcome outcome = Outcome.ask(subject, text(request, "type_name"), text(request, "input"), form);
    return "{\"id\":" + id + "," + quote(outcome.verdict().wire()) + ":" + quote(outcome.text()) + "}";
  }

  private static Optional<Json.Node> member(Json.Obj request, String key) {
    return request.members().stream().filter(m -> m.key().equals(key)).map(Json.Member::value).reduce((first, last) -> last);
  }

  private static String text(Json.Obj request, String key) {
    if (member(request, key).orElse(null) instanceof Json.Str s) return s.value();
    throw new IllegalArgumentException("request member " + key + " is not a string");
  }

  /** A JSON string; a lone surrogate as its escape, so that the runner sees it (UTF-8 cannot). */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
      if (paired) {
        out.append(c).append(text.charAt(++i));
      } else if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
