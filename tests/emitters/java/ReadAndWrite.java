import dev.jamjet.schema.JamjetJson;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Java golden's round trip (tests/emitters/test_goldens.py): reads each document of the
 * file given, one "Name TAB text" a line, with {@code JamjetJson.parse<Name>} and prints
 * "Name TAB" and what {@code JamjetJson.write<Name>} writes back, in UTF-8. By reflection, so
 * that one source serves every case's documents.
 */
public final class ReadAndWrite {
  private ReadAndWrite() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
      int tab = line.indexOf('\t');
      String name = line.substring(0, tab);
      Method parse = JamjetJson.class.getMethod("parse" + name, String.class);
      Method write = JamjetJson.class.getMethod("write" + name, parse.getReturnType());
      try {
        Object value = parse.invoke(null, line.substring(tab + 1));
        out.println(name + "\t" + write.invoke(null, value));
      } catch (InvocationTargetException e) { // a refused document: serde's message
        System.err.println(name + ": " + e.getCause().getMessage());
        System.exit(1);
      }
    }
  }
}
