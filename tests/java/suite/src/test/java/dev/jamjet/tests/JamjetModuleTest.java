package dev.jamjet.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jamjet.schema.Event;
import dev.jamjet.schema.EventKind;
import dev.jamjet.schema.JamjetJson;
import dev.jamjet.schema.JamjetModule;
import dev.jamjet.schema.ProvenanceMetadata;
import dev.jamjet.schema.wire.WireException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A user's ObjectMapper with JamjetModule: the corpus's answers, byte for byte. */
class JamjetModuleTest {
  static final Map<String, Class<?>> TYPES =
      Map.of("Event", Event.class, "EventKind", EventKind.class, "ProvenanceMetadata", ProvenanceMetadata.class);

  /** A user's own bean around an Event: the module applies wherever the type stands. */
  record Envelope(String source, Event event) {}

  /**
   * A user's mapper with the module, set up as its javadoc says for serde's verdicts on whole
   * documents: trailing tokens refused, and the tokenizer's size limits lifted (serde skips an
   * unknown member of any depth or length).
   */
  static ObjectMapper mapper() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.getFactory().setStreamReadConstraints(
        StreamReadConstraints.builder()
            .maxNestingDepth(Integer.MAX_VALUE)
            .maxNumberLength(Integer.MAX_VALUE)
            .maxStringLength(Integer.MAX_VALUE)
            .maxNameLength(Integer.MAX_VALUE)
            .build());
    return mapper.registerModule(new JamjetModule()).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /**
   * The module's one difference in verdict (KNOWN_DIFFERENCES.md): Jackson's tokenizer itself
   * refuses a lone surrogate escape in a member name, where serde refuses it only in a member it
   * reads; JamjetJson.parse* reads such text again, a module inside the mapper's stream cannot.
   */
  static boolean tokenizerRefusesLoneSurrogateName(String input) {
    try {
      mapper().readTree(input);
      return false;
    } catch (JsonProcessingException e) {
      return String.valueOf(e.getOriginalMessage()).startsWith("Broken surrogate pair in field name");
    }
  }

  static String roundTrip(ObjectMapper mapper, Class<?> type, String input) throws JsonProcessingException {
    return mapper.writeValueAsString(mapper.readValue(input, type));
  }

  @Test
  void everyAcceptedCorpusCaseReadsAndWritesSerdesBytes() throws Exception {
    ObjectMapper mapper = mapper();
    List<String> failures = new ArrayList<>();
    int cases = 0;
    int known = 0;
    for (CorpusTest.Case c : CorpusTest.corpus()) {
      Class<?> type = TYPES.get(c.typeName());
      if (type == null || c.klass().equals("rejected")) continue;
      cases++;
      try {
        String out = roundTrip(mapper, type, c.input());
        if (!out.equals(c.output())) failures.add(c.file() + " " + c.id() + ": expected " + c.output() + ", got " + out);
      } catch (JsonProcessingException e) {
        if (tokenizerRefusesLoneSurrogateName(c.input())) known++;
        else failures.add(c.file() + " " + c.id() + ": refused: " + e.getOriginalMessage());
      }
    }
    System.out.println("JamjetModule: " + cases + " accepted cases, " + failures.size() + " failures, "
        + known + " refused for a lone surrogate in an ignored member's name (the known difference)");
    failures.stream().limit(30).forEach(System.out::println);
    assertTrue(cases > 500, "the corpus was found");
    assertEquals(List.of(), failures);
    assertTrue(known <= 4, "only the corpus's few lone-surrogate member names differ: " + known);
  }

  @Test
  void aRefusedValueCarriesSerdesMessage() {
    String input = "{\"type\":\"node_started\",\"node_id\":\"n\",\"worker_id\":\"w\",\"attempt\":\"1\"}";
    JsonMappingException e = assertThrows(JsonMappingException.class, () -> mapper().readValue(input, EventKind.class));
    WireException serde = assertInstanceOf(WireException.class, e.getCause());
    assertThrows(WireException.class, () -> JamjetJson.parseEventKind(input)); // the same verdict
    assertEquals(serde.getMessage(), e.getOriginalMessage());
    assertTrue(serde.getMessage().contains("attempt"), serde.getMessage());
  }

  @Test
  void anEventInsideTheUsersOwnBeanKeepsItsBytes() throws Exception {
    String line = Files.readAllLines(Repo.root().resolve("examples/events.jsonl")).get(0);
    ObjectMapper mapper = mapper();
    String envelope = "{\"source\":\"log\",\"event\":" + line + "}";
    Envelope read = mapper.readValue(envelope, Envelope.class);
    assertEquals(JamjetJson.parseEvent(line), read.event());
    assertEquals(envelope, mapper.writeValueAsString(read));
  }
}
