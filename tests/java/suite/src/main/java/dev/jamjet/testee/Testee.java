package dev.jamjet.testee;

import dev.jamjet.schema.EventKind;
import dev.jamjet.schema.JamjetJson;
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
import java.util.function.UnaryOperator;

/**
 * The conformance testee of dev.jamjet:jamjet-schema (conformance/protocol.md), registered as
 * {@code java}: {@code java -jar tests/java/suite/target/jamjet-testee-java.jar}. One JSON request
 * per stdin line, one answer per request, in order; end of input ends it. Requests are read
 * with the package's own parser, so any {@code id} is echoed exactly.
 */
public final class Testee {
  /** type_name -> parse then write (or the node_id() extension). */
  public static final Map<String, UnaryOperator<String>> HANDLERS =
      Map.of(
          "Event", in -> JamjetJson.writeEvent(JamjetJson.parseEvent(in)),
          "EventKind", in -> JamjetJson.writeEventKind(JamjetJson.parseEventKind(in)),
          "ProvenanceMetadata",
          in -> JamjetJson.writeProvenanceMetadata(JamjetJson.parseProvenanceMetadata(in)),
          "EventKind.node_id",
          in -> EventKind.nodeId(JamjetJson.parseEventKind(in)).map(JsonText::quote).orElse("null"));

  private Testee() {}

  /** [kind, text]: kind is output, error or skipped. */
  public static String[] handle(String typeName, String input) {
    UnaryOperator<String> handler = HANDLERS.get(typeName);
    if (handler == null) return new String[] {"skipped", "type " + typeName + " is not implemented"};
    try {
      return new String[] {"output", handler.apply(input)};
    } catch (WireException e) {
      return new String[] {"error", e.getMessage()};
    }
  }

  static String answer(String line) {
    if (!(JsonValue.parse(line) instanceof JsonValue.Obj request)) {
      throw new IllegalArgumentException("a request is an object: " + line);
    }
    JsonValue id = request.members().getOrDefault("id", JsonValue.Null.NULL);
    String[] out = handle(text(request, "type_name"), text(request, "input"));
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
