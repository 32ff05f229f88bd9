package dev.jamjet.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jackson-databind is an optional dependency (only JamjetModule needs it): the README's examples
 * compile and run on a class path of the package and jackson-core alone.
 */
class CoreWithoutDatabindTest {
  /** The package (its reactor classes or its jar) and jackson-core, from the test class path. */
  static String coreClassPath() {
    List<String> kept =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(e -> e.contains("jackson-core") || e.contains("jamjet-schema-")
                || Path.of(e).endsWith(Path.of("generated", "java", "target", "classes")))
            .toList();
    assertEquals(2, kept.size(), "the package and jackson-core on the class path: " + kept);
    return String.join(File.pathSeparator, kept);
  }

  @Test
  void theReadmeExamplesRunWithJacksonCoreAlone(@TempDir Path dir) throws Exception {
    List<String> examples = ReadmeExampleTest.examples();
    for (int k = 0; k < examples.size(); k++) {
      List<String> lines = ReadmeExampleTest.run(examples.get(k), dir, coreClassPath());
      assertTrue(k > 0 ? !lines.isEmpty() : lines.get(0).startsWith("1 workflow_started "), String.join("\n", lines));
    }
  }
}
