package dev.jamjet.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jamjet.schema.JamjetJson;
import dev.jamjet.schema.ProvenanceMetadata;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ProvenanceMetadata's {@code #[serde(default)]} fields (verified, evidence_refs) and its
 * Default, {@link ProvenanceMetadata#empty()}, against the generated serde crate
 * (target/release/jamjet-testee-rust): every object of its fields each absent or given
 * one of two values, alone and inside a node_completed, gets the reference's verdict and
 * bytes; and empty() is what the reference reads an empty object as.
 */
class ProvenanceDefaultTest {
  static final String REFERENCE = "target/release/jamjet-testee-rust";
  static final String[] FIELDS = {"model_id", "model_version", "confidence", "verified", "source", "trust_domain", "evidence_refs"};
  // per field, two values: one the default or None, one not
  static final String[][] VALUES = {
    {"null", "\"m\""}, {"null", "\"v\""}, {"null", "0.5"}, {"false", "true"}, {"null", "\"s\""}, {"null", "\"t\""}, {"[]", "[\"a\",\"b\"]"}
  };

  /** Every object of FIELDS, each absent or with one of its VALUES (3^7 of them), "{}" first. */
  static List<String> objects() {
    List<String> out = new ArrayList<>();
    int count = (int) Math.pow(3, FIELDS.length);
    for (int n = 0; n < count; n++) {
      StringBuilder s = new StringBuilder("{");
      int rest = n;
      for (int f = 0; f < FIELDS.length; f++, rest /= 3) {
        if (rest % 3 == 0) continue; // absent
        if (s.length() > 1) s.append(',');
        s.append('"').append(FIELDS[f]).append("\":").append(VALUES[f][rest % 3 - 1]);
      }
      out.add(s.append('}').toString());
    }
    return out;
  }

  @Test
  void everyMissingDefaultedFieldReadsAsSerdeDoes() throws Exception {
    List<String> inputs = objects();
    // the reference takes every one of them (all fields are Options or defaulted), so the
    // comparison below is about bytes, not only verdicts
    List<String> rust = DifferentialTest.answers(REFERENCE, "ProvenanceMetadata", inputs);
    assertEquals(inputs.size(), rust.stream().filter(a -> a.startsWith("ok ")).count());
    // what a default does not cover: null is not a bool or a Vec; the sequence form
    inputs.addAll(List.of("{\"verified\":null}", "{\"evidence_refs\":null}", "[]", "[null,null,null,false,null,null,[]]", "null"));
    DifferentialTest.compare(
        "ProvenanceMetadata", inputs, in -> JamjetJson.writeProvenanceMetadata(JamjetJson.parseProvenanceMetadata(in)), REFERENCE);
  }

  @Test
  void aNodeCompletedReadsItsProvenanceDefaultsAsSerdeDoes() throws Exception {
    String head = "{\"type\":\"node_completed\",\"node_id\":\"n\",\"output\":1,\"state_patch\":{},\"duration_ms\":3";
    List<String> inputs = new ArrayList<>(List.of(head + "}", head + ",\"provenance\":null}"));
    for (String body : objects()) inputs.add(head + ",\"provenance\":" + body + "}");
    DifferentialTest.compare("EventKind", inputs, in -> JamjetJson.writeEventKind(JamjetJson.parseEventKind(in)), REFERENCE);
  }

  @Test
  void emptyIsWhatSerdeReadsAnEmptyObjectAs() throws Exception {
    List<String> rust = DifferentialTest.answers(REFERENCE, "ProvenanceMetadata", List.of("{}"));
    assertEquals(rust.get(0), "ok " + JamjetJson.writeProvenanceMetadata(ProvenanceMetadata.empty()));
    assertEquals(ProvenanceMetadata.empty(), JamjetJson.parseProvenanceMetadata("{}"));
  }
}
