package dev.jamjet.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.jamjet.schema.JamjetJson;
import dev.jamjet.schema.wire.Form;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Events as the runtime's HTTP API serves them (issue 22): the bare array (Events), the
 * envelope (EventsResponse) and single documents, read and written back in both forms, against
 * the generated serde crate (target/release/jamjet-testee-rust, {@code "form"} in the request):
 * the same verdict on every input and, when accepted, the same bytes.
 */
class ApiFormTest {
  static final String REFERENCE = ProvenanceDefaultTest.REFERENCE;
  static final String ID = "67e55044-10b1-426f-9247-bb680e5fe0c8";

  /** type name -> parse then write in a form, as the Java testee answers. */
  static final Map<String, Writer> WRITERS =
      Map.of(
          "Event", (in, form) -> JamjetJson.writeEvent(JamjetJson.parseEvent(in), form),
          "EventKind", (in, form) -> JamjetJson.writeEventKind(JamjetJson.parseEventKind(in), form),
          "ProvenanceMetadata",
          (in, form) -> JamjetJson.writeProvenanceMetadata(JamjetJson.parseProvenanceMetadata(in), form),
          "Events", (in, form) -> JamjetJson.writeEvents(JamjetJson.parseEvents(in), form),
          "EventsResponse", (in, form) -> JamjetJson.writeEventsResponse(JamjetJson.parseEventsResponse(in), form));

  interface Writer {
    String write(String input, Form form);
  }

  /** An event around {@code kind}, its created_at given. */
  static String event(String kind, String createdAt) {
    return "{\"id\":\"" + ID + "\",\"execution_id\":\"" + ID + "\",\"sequence\":7,\"kind\":" + kind
        + ",\"created_at\":\"" + createdAt + "\"}";
  }

  static String nodeCompleted(String output, String rest) {
    return "{\"type\":\"node_completed\",\"node_id\":\"n\",\"output\":" + output + ",\"state_patch\":{}" + rest + "}";
  }

  /** Events with what the API form must keep byte for byte or sort: u64s, nanoseconds, Values. */
  static List<String> events() throws Exception {
    List<String> out = new ArrayList<>(Files.readAllLines(Repo.root().resolve("examples/events.jsonl")));
    String max = "18446744073709551615";
    out.add(event(nodeCompleted("null", ",\"duration_ms\":" + max + ",\"input_tokens\":" + max + ",\"cost_usd\":1e-7"), "2024-05-06T07:08:09.123456789Z"));
    out.add(event(nodeCompleted("1", ",\"duration_ms\":0,\"output_tokens\":0,\"cost_usd\":12345678.9"), "2016-12-31T23:59:60.999999999Z"));
    out.add(event(nodeCompleted("{\"z\":{\"y\":[{\"b\":1,\"a\":[{\"d\":null,\"c\":-0.0}]}],\"x\":-9223372036854775808},\"a\":1.5e300}", ",\"duration_ms\":3"), "2024-05-06T07:08:09.000000001+02:00"));
    // keys past the BMP sort after U+E000..U+FFFF by code point (UTF-16 units would put them first)
    String keys = "{\"\\ue000\":1,\"\ud83d\ude00\":2,\"\\uffff\":3,\"\u00e9\":4,\"B\":5,\"a\":6,\"\":7,\"\\u0001\":8,\"\\\"\":9,\"\\\\\":10,\"\ud800\udc00\":11}";
    out.add(event(nodeCompleted(keys, ",\"duration_ms\":1,\"provenance\":{\"model_id\":\"m\",\"confidence\":0.25,\"evidence_refs\":[\"\ud83d\ude00\",\"\\ue000\"]}"), "2024-05-06T07:08:09Z"));
    out.add(event("{\"type\":\"workflow_started\",\"workflow_id\":\"w\",\"workflow_version\":\"1\",\"initial_input\":" + keys + "}", "2024-05-06T07:08:09.5Z"));
    return out;
  }

  /** Arrays and envelopes of those events: empty, one, all, in the API's own form, with extra members. */
  static List<String> lists(List<String> events) {
    List<String> arrays = new ArrayList<>(List.of("[]", "[" + String.join(",", events) + "]"));
    for (String e : events) {
      arrays.add("[" + e + "]");
      arrays.add("[" + e + "," + JamjetJson.writeEvent(JamjetJson.parseEvent(e), Form.API) + "]");
    }
    return arrays;
  }

  static List<String> envelopes(List<String> arrays) {
    List<String> out = new ArrayList<>();
    for (String a : arrays) {
      out.add("{\"events\":" + a + "}");
      out.add("{\"next\":null,\"events\":" + a + ",\"total\":[1e999,{\"x\":\"\\ud800\"}]}"); // ignored members
    }
    return out;
  }

  /** Every input accepted by the reference: the comparison is of bytes, not only of verdicts. */
  static void allAccepted(String typeName, List<String> inputs) throws Exception {
    List<String> rust = DifferentialTest.answers(REFERENCE, typeName, inputs);
    assertEquals(List.of(), rust.stream().filter(a -> !a.startsWith("ok ")).toList(), typeName);
  }

  static void bothForms(String typeName, List<String> inputs) throws Exception {
    allAccepted(typeName, inputs);
    for (Form form : Form.values()) {
      UnaryOperator<String> ours = in -> WRITERS.get(typeName).write(in, form);
      DifferentialTest.compare(typeName, inputs, ours, REFERENCE, form.wire());
    }
  }

  @Test
  void eventsInBothForms() throws Exception {
    List<String> events = events();
    assertNotEquals(JamjetJson.writeEvent(JamjetJson.parseEvent(events.get(0))), JamjetJson.writeEvent(JamjetJson.parseEvent(events.get(0)), Form.API));
    bothForms("Event", events);
  }

  @Test
  void arraysAndEnvelopesInBothForms() throws Exception {
    List<String> arrays = lists(events());
    bothForms("Events", arrays);
    bothForms("EventsResponse", envelopes(arrays));
  }

  @Test
  void everyCorpusDocumentInTheApiForm() throws Exception {
    for (String typeName : List.of("Event", "EventKind", "ProvenanceMetadata", "Events", "EventsResponse")) {
      List<String> inputs = new ArrayList<>();
      for (CorpusTest.Case c : CorpusTest.corpus()) {
        if (c.typeName().equals(typeName)) inputs.add(c.input());
      }
      UnaryOperator<String> ours = in -> WRITERS.get(typeName).write(in, Form.API);
      DifferentialTest.compare(typeName, inputs, ours, REFERENCE, Form.API.wire());
    }
  }
}
