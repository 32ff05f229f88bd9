package dev.jamjet.testee;

import dev.jamjet.schema.EventKind;
import dev.jamjet.schema.JamjetJson;
import dev.jamjet.schema.wire.Form;
import dev.jamjet.schema.wire.JsonText;
import dev.jamjet.schema.wire.JsonValue;
import dev.jamjet.schema.wire.WireException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The conformance testee of dev.jamjet:jamjet-schema (conformance/protocol.md), registered as
 * {@code java}: {@code java -jar tests/java/suite/target/jamjet-testee-java.jar}. One JSON request
 * per stdin line, one answer per request, in order; end of input ends it. Requests are read
 * with the package's own parser, so any {@code id} is echoed exactly.
 */
public final class Testee {
  /** Parses the input as one type name's document and writes it back in a form. */
  @FunctionalInterface
  public interface Handler {
    String answer(String input, Form form);
  }

  /** type_name -> parse then write (or the node_id() extension: a string or null, alike in both forms). */
  public static final Map<String, Handler> HANDLERS =
      Map.of(
          "Event", (in, form) -> JamjetJson.writeEvent(JamjetJson.parseEvent(in), form),
          "EventKind", (in, form) -> JamjetJson.writeEventKind(JamjetJson.parseEventKind(in), form),
          "ProvenanceMetadata",
          (in, form) -> JamjetJson.writeProvenanceMetadata(JamjetJson.parseProvenanceMetadata(in), form),
          "Events", (in, form) -> JamjetJson.writeEvents(JamjetJson.parseEvents(in), form),
          "EventsResponse", (in, form) -> JamjetJson.writeEventsResponse(JamjetJson.parseEventsResponse(in), form),
          "EventKind.node_id",
          (in, form) -> EventKind.nodeId(JamjetJson.parseEventKind(in)).map(JsonText::quote).orElse("null"));

  private Testee() {}

  /** [kind, text] in the log form: kind is output, error or skipped. */
  public static String[] handle(String typeName, String input) {
    return handle(typeName, input, null);
  }

  /** [kind, text]; {@code form} is the request's (null when it has none: the log form). */
  public static String[] handle(String typeName, String input, String form) {
    Handler handler = HANDLERS.get(typeName);
    if (handler == null) return new String[] {"skipped", "type " + typeName + " is not implemented"};
    Optional<Form> how = form == null ? Optional.of(Form.LOG) : Form.of(form);
    if (how.isEmpty()) return new String[] {"skipped", "form " + form + " is not implemented"};
    try {
      return new String[] {"output", handler.answer(input, how.get())};
    } catch (WireException e) {
      return new String[] {"error", e.getMessage()};
    }
  }

  static String answer(String line) {
    if (!(JsonValue.parse(line) instanceof JsonValue.Obj request)) {
      throw new IllegalArgumentException("a request is an object: " + line);
    }
    JsonValue id = request.members().getOrDefault("id", JsonValue.Null.NULL);
    String form = request.members().containsKey("form") ? text(request, "form") : null;
    String[] out = handle(text(request, "type_name"), text(request, "input"), form);
    return "{\"id\":" + id.toJson() + "," + JsonText.quote(out[0]) + ":" + JsonText.quote(out[1]) + "}";
  }

  private static String text(JsonValue.Obj request, String key) {
    if (request.members().get(key) instanceof JsonValue.Str s) return s.value();
    throw new IllegalArgumentException("request member " + key + " is not a string");
  }

  public static void main(String[] args) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.isBlank()) continue;
      out.print(answer(line));
      out.print('\n');
      if (!in.ready()) out.flush(); // answer as soon as the tester waits
    }
    out.flush();
  }
}
