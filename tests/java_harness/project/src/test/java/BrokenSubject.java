import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jamjet.schema.conformance.Subject;
import dev.jamjet.schema.wire.WireException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generated package broken the ways a hand-written Jackson port is: a member given twice is
 * taken (the last one, as Jackson's tree keeps it), and its output goes through a plain
 * ObjectMapper tree, which drops null members (what NON_NULL does), spells doubles as
 * Double.toString does (1.0E21) and escapes control characters with upper-case hex. And it
 * reads timestamps as java.time's ISO parser does: no lower-case t, no space for the T.
 */
public final class BrokenSubject implements Subject {
  private static final ObjectMapper JACKSON = new ObjectMapper();
  private static final Pattern LOOSE_TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\d[t ][^\"]*");

  @Override
  public String answer(String type, String input, String form) throws Exception {
    Matcher loose = LOOSE_TIMESTAMP.matcher(input);
    if (loose.find()) throw new IllegalArgumentException("Text '" + loose.group() + "' could not be parsed at index 10");
    String out;
    try {
      out = JamjetConformanceTest.answer(type, input, form);
    } catch (WireException e) {
      if (!e.getMessage().contains("duplicate field")) throw e;
      out = JamjetConformanceTest.answer(type, JACKSON.writeValueAsString(JACKSON.readTree(input)), form);
    }
    JsonNode tree = JACKSON.readTree(out);
    dropNulls(tree);
    return JACKSON.writeValueAsString(tree);
  }

  private static void dropNulls(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> nulls = new ArrayList<>();
      for (Map.Entry<String, JsonNode> member : object.properties()) {
        if (member.getValue().isNull()) nulls.add(member.getKey());
        else dropNulls(member.getValue());
      }
      object.remove(nulls);
    } else {
      node.forEach(BrokenSubject::dropNulls);
    }
  }
}
