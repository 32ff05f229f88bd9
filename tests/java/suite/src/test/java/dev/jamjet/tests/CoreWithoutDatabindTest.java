package dev.jamjet.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jackson-databind is an optional dependency (only JamjetModule needs it): the README's example
 * compiles and runs on a class path of the package and jackson-core alone.
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
  void theReadmeExampleRunsWithJacksonCoreAlone(@TempDir Path dir) throws Exception {
    Path source = dir.resolve("ReadLog.java");
    Files.writeString(source, ReadmeExampleTest.example());
    String classpath = coreClassPath();
    int compiled =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-Xlint:all", "-Werror", "-cp", classpath, "-d", dir.toString(), source.toString());
    assertEquals(0, compiled, "the example compiles without databind");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(java, "-cp", dir + File.pathSeparator + classpath, "ReadLog")
            .directory(Repo.root().toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    assertTrue(out.startsWith("1 workflow_started "), out);
  }
}
