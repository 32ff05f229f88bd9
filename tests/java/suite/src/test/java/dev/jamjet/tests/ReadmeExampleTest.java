package dev.jamjet.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java example, compiled and run as it is written, from the repository root. */
class ReadmeExampleTest {
  static String example() throws Exception {
    String readme = Files.readString(Repo.root().resolve("README.md"));
    int section = readme.indexOf("\n## Java");
    assertTrue(section >= 0, "README has a Java section");
    int start = readme.indexOf("```java\n", section) + "```java\n".length();
    return readme.substring(start, readme.indexOf("```", start));
  }

  @Test
  void theReadmeExampleRuns(@TempDir Path dir) throws Exception {
    Path source = dir.resolve("ReadLog.java");
    Files.writeString(source, example());
    String classpath = System.getProperty("java.class.path");
    int compiled =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-Xlint:all", "-Werror", "-cp", classpath, "-d", dir.toString(), source.toString());
    assertEquals(0, compiled, "the example compiles");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(java, "-cp", dir + File.pathSeparator + classpath, "ReadLog")
            .directory(Repo.root().toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    List<String> lines = out.lines().toList();
    int events = Files.readAllLines(Repo.root().resolve("examples/events.jsonl")).size();
    assertTrue(lines.size() > events, out);
    assertTrue(lines.get(0).startsWith("1 workflow_started "), out);
    assertTrue(lines.get(lines.size() - 1).contains("\"kind\":{\"type\":\"node_started\",\"node_id\":\"fetch\""), out);
  }
}
