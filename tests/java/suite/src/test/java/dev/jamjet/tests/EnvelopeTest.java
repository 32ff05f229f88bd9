package dev.jamjet.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jamjet.schema.JamjetJson;
import dev.jamjet.schema.wire.JsonValue;
import dev.jamjet.schema.wire.WireException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Refusals of the HTTP API's shapes (Events, EventsResponse): serde's verdict and words from the
 * reference (target/release/jamjet-testee-rust), located by this runtime's path notation: an
 * element's problem at its index ({@code events[3].kind.attempt} in the envelope,
 * {@code [3].kind.attempt} in the bare array), a problem with the variant's tag at the enum
 * value ({@code kind}: the tag is not a field). Syntax errors keep serde_json's line and column,
 * counted in the whole text.
 */
class EnvelopeTest {
  static final String REFERENCE = ProvenanceDefaultTest.REFERENCE;
  /** serde_json's position on a data error; this runtime gives the path instead. */
  static final Pattern POSITION = Pattern.compile(" at line \\d+ column \\d+$");

  /** A refused element and where inside it the problem stands (this runtime's notation). */
  record Refused(String element, String inner) {}

  static final String OK = ApiFormTest.event(ApiFormTest.nodeCompleted("1", ",\"duration_ms\":3"), "2024-05-06T07:08:09Z");

  static List<Refused> refused() {
    return List.of(
        new Refused(OK.replace("\"duration_ms\":3", "\"duration_ms\":18446744073709551616"), "kind.duration_ms"),
        new Refused(OK.replace("\"duration_ms\":3", "\"duration_ms\":\"3\""), "kind.duration_ms"),
        new Refused(OK.replace("\"duration_ms\":3", "\"duration_ms\":3,\"duration_ms\":4"), "kind"),
        new Refused(OK.replace("\"sequence\":7", "\"sequence\":7.0"), "sequence"),
        new Refused(OK.replace("09Z\"", "09\""), "created_at"),
        new Refused(OK.replaceFirst("67e55044", "67e5504"), "id"),
        new Refused(OK.replace("\"output\":1", "\"output\":1,\"provenance\":{\"confidence\":\"high\"}"), "kind.provenance.confidence"),
        new Refused(OK.replace("\"output\":1", "\"output\":1,\"provenance\":{\"evidence_refs\":[\"a\",2]}"), "kind.provenance.evidence_refs[1]"),
        // the variant's tag: missing, not a string, no such variant, in either form of the enum
        new Refused(OK.replace("\"type\":\"node_completed\",", ""), "kind"),
        new Refused(OK.replace("\"type\":\"node_completed\"", "\"type\":1"), "kind"),
        new Refused(OK.replace("\"type\":\"node_completed\"", "\"type\":\"node_finished\""), "kind"),
        new Refused(OK.replaceFirst("\\{\"type\":\"node_completed\".*\\},\"created_at", "[\"node_finished\"],\"created_at"), "kind"),
        new Refused(OK.replaceFirst("\\{\"type\":\"node_completed\".*\\},\"created_at", "[2],\"created_at"), "kind"),
        new Refused(OK.replace(",\"sequence\":7", ""), ""),
        new Refused("null", ""),
        new Refused("[]", ""),
        new Refused("\"event\"", ""));
  }

  /** The bare array's and the envelope's texts with {@code element} at {@code index} among valid events. */
  static String array(List<String> valid, String element, int index) {
    List<String> items = new ArrayList<>(valid);
    items.add(index, element);
    return "[" + String.join(",", items) + "]";
  }

  static void check(String typeName, List<String> inputs, List<String> where, Consumer<String> parse) throws Exception {
    List<JsonValue.Obj> rust = DifferentialTest.replies(REFERENCE, typeName, inputs, null);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      String input = inputs.get(i);
      WireException ours = assertThrows(WireException.class, () -> parse.accept(input), input);
      if (!(rust.get(i).members().get("error") instanceof JsonValue.Str serde)) {
        failures.add(input + ": the reference accepts it");
        continue;
      }
      // a deferred syntax problem (the recursion limit) keeps serde's position, a data error has the path
      String detail = POSITION.matcher(serde.value()).replaceFirst("");
      boolean words = ours.detail().equals(detail) || ours.detail().equals(serde.value());
      if (!words || !ours.pathText().equals(where.get(i))) {
        failures.add(input + ": serde " + detail + " at " + where.get(i) + ", java " + ours.detail() + " at " + ours.pathText());
      }
    }
    System.out.println("refusals " + typeName + ": " + inputs.size() + " inputs, " + failures.size() + " failures");
    failures.stream().limit(10).forEach(System.out::println);
    assertEquals(List.of(), failures);
  }

  @Test
  void aRefusedElementIsLocatedByItsIndex() throws Exception {
    List<String> valid = Files.readAllLines(Repo.root().resolve("examples/events.jsonl")).subList(0, 4);
    List<String> arrays = new ArrayList<>();
    List<String> envelopes = new ArrayList<>();
    List<String> inArray = new ArrayList<>();
    List<String> inEnvelope = new ArrayList<>();
    for (Refused r : refused()) {
      for (int index : new int[] {0, 2, valid.size()}) {
        String text = array(valid, r.element(), index);
        String inner = r.inner().isEmpty() || r.inner().startsWith("[") ? r.inner() : "." + r.inner();
        arrays.add(text);
        inArray.add("[" + index + "]" + inner);
        envelopes.add("{\"events\":" + text + ",\"total\":5}");
        inEnvelope.add("events[" + index + "]" + inner);
      }
    }
    check("Events", arrays, inArray, JamjetJson::parseEvents);
    check("EventsResponse", envelopes, inEnvelope, JamjetJson::parseEventsResponse);
  }

  @Test
  void theEnvelopesOwnRefusals() throws Exception {
    List<String> inputs = List.of("{}", "{\"next\":1}", "{\"events\":[],\"events\":[]}", "{\"events\":{}}", "{\"events\":null}",
        "{\"events\":\"[]\"}", "[]", "null", "[[],1]", "{\"events\":[" + OK.replace("\"output\":1", "\"output\":" + "[".repeat(200) + "]".repeat(200)) + "]}");
    // serde buffers the tagged enum whole, so a problem deep in its Value is the enum's (kind)
    List<String> where = List.of("", "", "", "events", "events", "events", "", "", "", "events[0].kind");
    check("EventsResponse", inputs, where, JamjetJson::parseEventsResponse);
    check("Events", List.of("{}", "null", "{\"events\":[]}", "\"[]\""), List.of("", "", "", ""), JamjetJson::parseEvents);
  }

  /**
   * Broken copies of a multi-line text: cut short, a missing colon, trailing
   * content, a raw tab in a string (texts on which Jackson's reasons map to serde's words, see
   * KNOWN_DIFFERENCES.md item 1).
   */
  static List<String> broken(String pretty) {
    List<String> out = new ArrayList<>();
    // inside a member name (line 3), after a member's value (line 4), inside the array
    for (int cut : new int[] {pretty.indexOf("\"kind\"") + 3, pretty.lastIndexOf(",\"kind\""), pretty.length() - 4}) {
      out.add(pretty.substring(0, cut));
    }
    out.add(pretty.replace("\"sequence\":2", "\"sequence\" 2"));
    out.add(pretty + "\n{}");
    out.add(pretty.replace("juliet-alpha", "juliet\talpha"));
    return out;
  }

  static void syntaxErrors(String typeName, List<String> texts, Consumer<String> parse) throws Exception {
    List<JsonValue.Obj> rust = DifferentialTest.replies(REFERENCE, typeName, texts, null);
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      WireException ours = assertThrows(WireException.class, () -> parse.accept(text));
      assertEquals(((JsonValue.Str) rust.get(i).members().get("error")).value(), ours.getMessage(), text);
      assertEquals("", ours.pathText(), text);
    }
    System.out.println("syntax errors " + typeName + ": " + texts.size() + " inputs, serde's line and column");
  }

  @Test
  void syntaxErrorsCountInTheWholeText() throws Exception {
    List<String> lines = Files.readAllLines(Repo.root().resolve("examples/events.jsonl"));
    String events = "\n    " + lines.get(0) + ",\n    " + lines.get(1) + "\n  ";
    syntaxErrors("EventsResponse", broken("{\n  \"events\": [" + events + "]\n}"), JamjetJson::parseEventsResponse);
    syntaxErrors("Events", broken("[" + events + "]"), JamjetJson::parseEvents);
  }
}
