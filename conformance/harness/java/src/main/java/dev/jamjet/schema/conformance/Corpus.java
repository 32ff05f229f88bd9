package dev.jamjet.schema.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The corpus: its fixture files in path order (as the Python runner sorts them: by their path's
 * parts), the serde_json eras, and how failures are grouped (causes.json). Read once per folder
 * and kept: every @TestFactory of a test run shares it.
 */
final class Corpus {
  /** The copy this jar carries, beside this class. */
  static final String PACKAGED = "corpus";
  /** Like the Python runner: another corpus folder, when set. */
  static final String ENV = "JAMJET_SCHEMA_CORPUS";

  private static final String MANIFEST = "manifest.json";
  private static final String CAUSES = "causes.json";
  private static final String ERAS = "eras";
  private static final List<String> TIERS = List.of("required", "api", "implementation-defined", "evolution");
  private static final List<String> CLASSES = List.of("canonical", "accepted", "rejected");
  private static final ObjectMapper JACKSON = new ObjectMapper();
  private static final Map<String, Corpus> LOADED = new ConcurrentHashMap<>();

  /** One fixture file: its path under the corpus, its dotted name, its cases. */
  record FixtureFile(String path, String name, List<Fixture> cases) {}

  final String where;
  final List<FixtureFile> files;
  final List<Fixture> fixtures;
  final Map<String, Era> eras;
  final Causes causes;

  private Corpus(String where, List<FixtureFile> files, Map<String, Era> eras, Causes causes) {
    this.where = where;
    this.files = files;
    this.fixtures = files.stream().flatMap(f -> f.cases().stream()).toList();
    this.eras = eras;
    this.causes = causes;
  }

  /** The corpus in {@code folder}, or else $JAMJET_SCHEMA_CORPUS, or else the jar's copy. */
  static Corpus load(Path folder) {
    String chosen = folder != null ? folder.toString() : System.getenv(ENV);
    if (chosen != null && !chosen.isEmpty()) {
      Path root = Path.of(chosen).toAbsolutePath().normalize();
      return LOADED.computeIfAbsent(root.toString(), k -> read(root, root.toString()));
    }
    return LOADED.computeIfAbsent("", k -> read(packaged(), "the corpus carried by dev.jamjet:jamjet-schema-conformance"));
  }

  /** The jar's copy as a folder (a zip file system when it is in a jar). */
  private static Path packaged() {
    URL manifest = Corpus.class.getResource(PACKAGED + "/" + MANIFEST);
    if (manifest == null) throw new CorpusException("this build of the harness carries no corpus (" + PACKAGED + "/" + MANIFEST + ")");
    try {
      URI uri = manifest.toURI();
      if (uri.getScheme().equals("jar")) {
        try {
          FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException open) {
          // opened already (another class loader's run, or a test's): use it
        }
      }
      return Path.of(uri).getParent();
    } catch (URISyntaxException | IOException e) {
      throw new CorpusException("cannot open the packaged corpus at " + manifest + ": " + e);
    }
  }

  private static Corpus read(Path root, String where) {
    if (!Files.isDirectory(root)) throw new CorpusException("the corpus folder " + root + " does not exist");
    List<FixtureFile> files = new ArrayList<>();
    int[] index = {0};
    for (Path path : fixtureFiles(root)) files.add(readFile(root, path, index));
    if (files.isEmpty()) throw new CorpusException("no fixture files under " + root);
    Map<String, Fixture> byId = new LinkedHashMap<>();
    for (FixtureFile file : files) {
      for (Fixture f : file.cases()) {
        if (byId.put(f.id(), f) != null) throw new CorpusException(f.file() + ": the id " + f.id() + " is given twice in the corpus");
      }
    }
    Path causes = Files.isRegularFile(root.resolve(CAUSES)) ? root.resolve(CAUSES) : packaged().resolve(CAUSES);
    return new Corpus(where, files, Era.load(root.resolve(ERAS), byId), Causes.read(tree(causes)));
  }

  /** Every fixture file under {@code root}: not the manifest, causes.json nor the eras. */
  private static List<Path> fixtureFiles(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json"))
          .filter(p -> !List.of(MANIFEST, CAUSES).contains(p.getFileName().toString()))
          .filter(p -> !root.relativize(p).getName(0).toString().equals(ERAS))
          .sorted(Comparator.comparing(p -> parts(root.relativize(p)), Corpus::compareParts))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> parts(Path relative) {
    List<String> out = new ArrayList<>();
    relative.forEach(part -> out.add(part.toString()));
    return out;
  }

  /** Python's order of paths: part by part, each by code point. */
  private static int compareParts(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = Causes.byCodePoint(a.get(i), b.get(i));
      if (c != 0) return c;
    }
    return Integer.compare(a.size(), b.size());
  }

  static JsonNode tree(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      return JACKSON.readTree(in);
    } catch (IOException e) {
      throw new CorpusException(path + ": not a JSON document: " + e.getMessage());
    }
  }

  private static FixtureFile readFile(Path root, Path path, int[] index) {
    List<String> parts = parts(root.relativize(path));
    String relative = String.join("/", parts);
    JsonNode doc = tree(path);
    String tier = text(doc, relative, "$", "tier");
    if (!TIERS.contains(tier) || !tier.equals(parts.get(0))) {
      throw new CorpusException(relative + ": $.tier: " + tier + " is not the tier of its folder " + parts.get(0));
    }
    JsonNode cases = doc.get("cases");
    if (cases == null || !cases.isArray() || cases.isEmpty()) throw new CorpusException(relative + ": $.cases: must be a non-empty array");
    List<Fixture> out = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) out.add(fixture(cases.get(i), tier, relative, "$.cases[" + i + "]", index[0]++));
    String last = parts.get(parts.size() - 1);
    parts.set(parts.size() - 1, last.substring(0, last.length() - ".json".length()));
    return new FixtureFile(relative, String.join(".", parts), Collections.unmodifiableList(out));
  }

  /** One case, its members checked as fixture.schema.json requires. */
  static Fixture fixture(JsonNode c, String tier, String file, String at, int index) {
    String id = text(c, file, at, "id");
    if (!id.startsWith(tier + ".")) throw new CorpusException(file + ": " + at + ".id: " + id + " does not start with its tier " + tier);
    String klass = text(c, file, at, "class");
    if (!CLASSES.contains(klass)) throw new CorpusException(file + ": " + at + ".class: " + klass + " is not one of " + CLASSES);
    boolean rejected = klass.equals("rejected");
    String output = optional(c, file, at, "output");
    String error = optional(c, file, at, "serde_error");
    if (rejected != (output == null) || rejected != (error != null)) {
      throw new CorpusException(file + ": " + at + ": a rejected case has serde_error and no output, any other the reverse");
    }
    return new Fixture(index, id, text(c, file, at, "description"), text(c, file, at, "rule"), text(c, file, at, "type_name"),
        klass, text(c, file, at, "input"), output, error, tier, file, optional(c, file, at, "form"), optional(c, file, at, "reader_version"));
  }

  static String text(JsonNode node, String file, String at, String member) {
    String found = optional(node, file, at, member);
    if (found == null) throw new CorpusException(file + ": " + at + "." + member + ": missing");
    return found;
  }

  static String optional(JsonNode node, String file, String at, String member) {
    JsonNode found = node == null ? null : node.get(member);
    if (found == null) return null;
    if (!found.isTextual()) throw new CorpusException(file + ": " + at + "." + member + ": must be a string");
    return found.textValue();
  }
}
