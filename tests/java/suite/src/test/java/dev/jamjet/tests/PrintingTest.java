package dev.jamjet.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jamjet.schema.Event;
import dev.jamjet.schema.ExecutionId;
import dev.jamjet.schema.JamjetJson;
import dev.jamjet.schema.wire.JsonValue;
import org.junit.jupiter.api.Test;

/**
 * What a Value, an id and an event print as (toString, string concatenation, a logger): the
 * JSON a Value holds, the UUID an ExecutionId wraps, not the records' components
 * ({@code Int[value=1]}, {@code ExecutionId[value=...]}).
 */
class PrintingTest {
  static final String UUID = "67e55044-10b1-426f-9247-bb680e5fe0c8";

  @Test
  void aValuePrintsAsItsJson() {
    String text = "{\"a\":[1,2.5,\"x\",null,true],\"b\":{\"c\":18446744073709551615}}";
    JsonValue value = JsonValue.parse(text);
    assertEquals(text, value.toString());
    assertEquals("null", JsonValue.Null.NULL.toString());
    assertEquals("1.0", JsonValue.parse("1.0").toString());
    assertEquals("\"tab\\there\"", new JsonValue.Str("tab\there").toString());
  }

  @Test
  void anEventPrintsItsValuesAsJson() {
    Event event = JamjetJson.parseEvent("{\"id\":\"" + UUID + "\",\"execution_id\":\"" + UUID
        + "\",\"sequence\":3,\"kind\":{\"type\":\"node_completed\",\"node_id\":\"n\",\"output\":{\"a\":{\"b\":[1,2.5]}},"
        + "\"state_patch\":null,\"duration_ms\":7},\"created_at\":\"2026-11-22T08:36:22.317665811Z\"}");
    String shown = event.toString();
    assertTrue(shown.contains("output={\"a\":{\"b\":[1,2.5]}}"), shown);
    assertTrue(shown.contains("2026-11-22T08:36:22.317665811Z"), shown);
    assertFalse(shown.contains("Int[") || shown.contains("Obj[") || shown.contains("members="), shown);
    assertTrue(shown.contains("executionId=" + UUID + ","), shown);
  }

  @Test
  void anIdPrintsAsTheValueItWraps() {
    ExecutionId id = new ExecutionId(java.util.UUID.fromString(UUID));
    assertEquals(UUID, id.toString());
    assertEquals("run " + UUID, "run " + id);
    assertFalse(JamjetJson.parseEvent(ApiFormTest.event("{\"type\":\"workflow_failed\",\"error\":\"e\"}", "2024-05-06T07:08:09Z"))
        .toString().contains("ExecutionId["));
  }
}
