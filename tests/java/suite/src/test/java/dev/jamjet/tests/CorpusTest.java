package dev.jamjet.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jamjet.testee.Testee;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every case of conformance/fixtures, in-process: serde's verdict, and its bytes when accepted,
 * written in the case's form (the api tier's cases may ask for the HTTP API's, members sorted).
 */
class CorpusTest {
  /** One case; {@code form} is the case's optional {@code form} member (null: the log form). */
  record Case(String file, String id, String typeName, String klass, String input, String output, String form) {}

  static List<Case> corpus() throws IOException {
    Path fixtures = Repo.root().resolve("conformance/fixtures");
    ObjectMapper mapper = new ObjectMapper();
    List<Case> cases = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(fixtures)) {
      // manifest.json and causes.json sit beside the fixture files: what the corpus covers, how
      // failures group
      files = walk.filter(p -> p.toString().endsWith(".json") && !p.endsWith("manifest.json") && !p.endsWith("causes.json"))
          .sorted().toList();
    }
    for (Path file : files) {
      JsonNode fixture = mapper.readTree(file.toFile());
      if ("era".equals(fixture.path("tier").asText())) continue; // an older serde_json's bytes
      for (JsonNode c : fixture.get("cases")) {
        if (c.has("reader_version")) continue; // evolution: answered by an older release's reader
        cases.add(
            new Case(
                fixtures.relativize(file).toString(),
                c.get("id").asText(),
                c.get("type_name").asText(),
                c.get("class").asText(),
                c.get("input").asText(),
                c.has("output") ? c.get("output").asText() : null,
                c.has("form") ? c.get("form").asText() : null));
      }
    }
    return cases;
  }

  @Test
  void everyCaseGetsSerdesAnswer() throws IOException {
    List<Case> cases = corpus();
    List<String> failures = new ArrayList<>();
    for (Case c : cases) {
      String[] ours = Testee.handle(c.typeName(), c.input(), c.form());
      boolean accepted = !c.klass().equals("rejected");
      if (accepted && !(ours[0].equals("output") && ours[1].equals(c.output()))) {
        failures.add(c.file() + " " + c.id() + ": expected " + c.output() + ", got " + ours[0] + " " + ours[1]);
      } else if (!accepted && !ours[0].equals("error")) {
        failures.add(c.file() + " " + c.id() + ": expected a rejection, got " + ours[0] + " " + ours[1]);
      }
    }
    System.out.println("corpus: " + cases.size() + " cases, " + failures.size() + " failures");
    failures.stream().limit(60).forEach(System.out::println);
    assertTrue(cases.size() > 1000, "the corpus was found");
    assertEquals(0, failures.size(), "cases answered unlike serde (listed above)");
  }
}
