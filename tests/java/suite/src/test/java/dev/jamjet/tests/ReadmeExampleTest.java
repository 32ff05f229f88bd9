package dev.jamjet.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jamjet.schema.JamjetJson;
import dev.jamjet.schema.wire.Form;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java examples, each compiled and run as it is written, from the repository root. */
class ReadmeExampleTest {
  private static final Pattern CLASS = Pattern.compile("public class (\\w+)");

  /** Every ```java block of the README's Java section that is a program (a main), in order: the
   * conformance harness's test class is run by tests/java_harness. */
  static List<String> examples() throws Exception {
    String readme = Files.readString(Repo.root().resolve("README.md"));
    int section = readme.indexOf("\n## Java");
    assertTrue(section >= 0, "README has a Java section");
    int end = readme.indexOf("\n## ", section + 1);
    List<String> out = new ArrayList<>();
    for (int at = readme.indexOf("```java\n", section); at >= 0 && at < end; at = readme.indexOf("```java\n", at)) {
      int start = at + "```java\n".length();
      at = readme.indexOf("```", start);
      String block = readme.substring(start, at);
      if (block.contains("static void main(")) out.add(block);
      at += 3;
    }
    return out;
  }

  static String example() throws Exception {
    return examples().get(0);
  }

  static String className(String example) {
    Matcher m = CLASS.matcher(example);
    assertTrue(m.find(), "the example declares a public class");
    return m.group(1);
  }

  static List<String> run(String example, Path dir) throws Exception {
    return run(example, dir, System.getProperty("java.class.path"));
  }

  /** Compiles the example (-Xlint:all -Werror) on {@code classpath} and runs it; its output lines. */
  static List<String> run(String example, Path dir, String classpath) throws Exception {
    String name = className(example);
    Path source = dir.resolve(name + ".java");
    Files.writeString(source, example);
    int compiled =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-Xlint:all", "-Werror", "-cp", classpath, "-d", dir.toString(), source.toString());
    assertEquals(0, compiled, name + " compiles");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(java, "-cp", dir + File.pathSeparator + classpath, name)
            .directory(Repo.root().toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out.lines().toList();
  }

  @Test
  void theReadmeExampleRuns(@TempDir Path dir) throws Exception {
    List<String> lines = run(example(), dir);
    int events = Files.readAllLines(Repo.root().resolve("examples/events.jsonl")).size();
    assertTrue(lines.size() > events, String.join("\n", lines));
    assertTrue(lines.get(0).startsWith("1 workflow_started "), lines.get(0));
    assertTrue(lines.get(lines.size() - 1).contains("\"kind\":{\"type\":\"node_started\",\"node_id\":\"fetch\""), lines.toString());
  }

  @Test
  void theApiExampleRuns(@TempDir Path dir) throws Exception {
    List<String> examples = examples();
    assertEquals(2, examples.size(), "the README's Java examples: the log, the API");
    List<String> lines = run(examples.get(1), dir);
    List<String> log = Files.readAllLines(Repo.root().resolve("examples/events.jsonl"));
    String api = JamjetJson.writeEvent(JamjetJson.parseEvent(log.get(0)), Form.API);
    assertEquals("{\"events\":[" + api.substring(0, api.indexOf(",\"execution_id\"")), lines.get(0));
    assertEquals(log, lines.subList(1, lines.size())); // the example log is canonical: its own bytes back
  }
}
