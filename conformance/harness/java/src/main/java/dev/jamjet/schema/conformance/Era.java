package dev.jamjet.schema.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A serde_json era (eras/serde_json-X.json): the answers of the reference built with an older
 * serde_json, under the ids of the fixtures it answers otherwise. With the era option those
 * fixtures are judged by its answers; without, failures that are its answers are named.
 */
record Era(String serdeJson, Map<String, Fixture> cases) {
  /** The fixture, expecting this era's answer where the era re-records it. */
  Fixture judgeBy(Fixture fixture) {
    Fixture era = cases.get(fixture.id());
    return era == null ? fixture : fixture.expecting(era.klass(), era.output(), era.serdeError());
  }

  /** Every era file in {@code folder}, by serde_json release; each case must re-record a fixture. */
  static Map<String, Era> load(Path folder, Map<String, Fixture> byId) {
    Map<String, Era> found = new LinkedHashMap<>();
    if (!Files.isDirectory(folder)) return found;
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path path : files) {
      Era era = read(path, byId);
      if (found.put(era.serdeJson(), era) != null) throw new CorpusException(path + ": $.serde_json: " + era.serdeJson() + " has two era files");
    }
    return found;
  }

  private static Era read(Path path, Map<String, Fixture> byId) {
    String file = "eras/" + path.getFileName();
    JsonNode doc = Corpus.tree(path);
    if (!"era".equals(Corpus.text(doc, file, "$", "tier"))) throw new CorpusException(file + ": $.tier: an era file's tier is era");
    String version = Corpus.text(doc, file, "$", "serde_json");
    Map<String, Fixture> cases = new LinkedHashMap<>();
    JsonNode items = doc.get("cases");
    for (int i = 0; items != null && i < items.size(); i++) {
      String at = "$.cases[" + i + "]";
      Fixture base = byId.get(Corpus.text(items.get(i), file, at, "id"));
      if (base == null) throw new CorpusException(file + ": " + at + ".id: names no fixture of the corpus");
      Fixture era = Corpus.fixture(items.get(i), base.tier(), file, at, base.index());
      if (!era.typeName().equals(base.typeName()) || !era.input().equals(base.input())) {
        throw new CorpusException(file + ": " + at + ": type_name and input differ from " + base.file() + "'s");
      }
      cases.put(era.id(), era);
    }
    return new Era(version, cases);
  }
}
