package dev.jamjet.schema.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON text to a {@link Node} tree with serde_json's verdicts, on Jackson's streaming parser.
 *
 * <p>Jackson's tokenizer (strict by default: no comments, no trailing commas, no leading zeros,
 * no NaN, no unescaped control characters) checks the syntax; everything it would decide
 * differently from serde_json is done here instead: numbers from their raw text by serde's own
 * algorithm ({@link SerdeNumbers}), Jackson's size limits lifted (serde has none), duplicate
 * members kept (the typed readers reject them), content after the document refused, and
 * serde_json's recursion limit (WireConstants.RECURSION_LIMIT) applied.
 *
 * <p>Deferred problems: serde checks number range, surrogate pairing in escapes and the
 * recursion limit only on values it deserializes, never on an unknown struct member it skips.
 * So such a value becomes a {@link Node.Invalid} that fails only when a reader touches it.
 */
public final class TreeReader {
  /** serde_json's recursion limit: the container at this depth is refused. */
  static final int RECURSION_LIMIT = WireConstants.RECURSION_LIMIT;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(Integer.MAX_VALUE)
                  .maxNumberLength(Integer.MAX_VALUE)
                  .maxStringLength(Integer.MAX_VALUE)
                  .maxNameLength(Integer.MAX_VALUE)
                  .build())
          .disable(JsonFactory.Feature.FAIL_ON_SYMBOL_HASH_OVERFLOW)
          .build();

  private final JsonParser parser;
  private final String text; // the source, for serde's byte positions; null when unknown
  private int remainingDepth = RECURSION_LIMIT;

  private TreeReader(JsonParser parser, String text) {
    this.parser = parser;
    this.text = text;
  }

  /** One JSON document, as serde_json::from_str reads it (trailing content refused). */
  public static Node parse(String text) {
    int lone = JsonText.loneSurrogate(text);
    if (lone >= 0) {
      throw new WireException(
          "input is not valid Unicode (lone surrogate at index " + lone + "); a Rust &str cannot hold it");
    }
    try {
      return document(text, text);
    } catch (JsonProcessingException e) {
      if (!String.valueOf(e.getOriginalMessage()).startsWith("Broken surrogate pair in field name")) {
        throw syntaxError(e, text);
      }
    } catch (IOException e) {
      throw new WireException("cannot read the text: " + e.getMessage());
    }
    // Jackson refuses a lone surrogate escape in a member name, where serde only refuses it
    // when it reads that object: parse again with such escapes as the raw code unit, which
    // Jackson passes through and the checks below find (positions then are not serde's).
    try {
      return document(SurrogateScan.rawLoneEscapes(text), null);
    } catch (JsonProcessingException e) {
      throw syntaxError(e, text);
    } catch (IOException e) {
      throw new WireException("cannot read the text: " + e.getMessage());
    }
  }

  private static Node document(String source, String text) throws IOException {
    try (JsonParser p = FACTORY.createParser(source)) {
      TreeReader reader = new TreeReader(p, text);
      JsonToken first = p.nextToken();
      if (first == null) throw reader.eofError();
      Node node = reader.value(first);
      if (p.nextToken() != null) throw reader.errorAt(WireConstants.TRAILING_CHARACTERS, p.currentTokenLocation(), 1);
      return node;
    }
  }

  /**
   * The value at the parser's current token (for a Jackson deserializer): the same checks,
   * except positions, which are the parser's.
   */
  public static Node read(JsonParser p) throws IOException {
    TreeReader reader = new TreeReader(p, null);
    JsonToken t = p.currentToken();
    if (t == null) t = p.nextToken();
    if (t == null) throw reader.eofError();
    try {
      return reader.value(t);
    } catch (JsonProcessingException e) {
      throw syntaxError(e, null);
    }
  }

  private Node value(JsonToken t) throws IOException {
    switch (t) {
      case VALUE_NULL:
        return Node.Null.NULL;
      case VALUE_TRUE:
        return Node.Bool.TRUE;
      case VALUE_FALSE:
        return Node.Bool.FALSE;
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return number();
      case VALUE_STRING:
        return string();
      case START_ARRAY:
        return container(true);
      case START_OBJECT:
        return container(false);
      default:
        throw errorAt(WireConstants.EXPECTED_VALUE, parser.currentTokenLocation(), 1);
    }
  }

  private Node number() throws IOException {
    String raw = parser.getText();
    Node n = SerdeNumbers.parse(raw, null);
    if (n instanceof Node.Invalid) {
      // the error stands after the number's last digit, where serde_json stops
      JsonLocation at = parser.currentTokenLocation();
      return new Node.Invalid(errorAt(WireConstants.NUMBER_OUT_OF_RANGE, at, raw.length()), null);
    }
    return n;
  }

  private Node string() throws IOException {
    String s = parser.getText();
    if (JsonText.loneSurrogate(s) < 0) return new Node.Str(s);
    return new Node.Invalid(surrogateError(parser.currentTokenLocation()), null);
  }

  private Node container(boolean array) throws IOException {
    JsonLocation start = parser.currentTokenLocation();
    if (--remainingDepth == 0) {
      Node tooDeep =
          new Node.Invalid(errorAt(WireConstants.RECURSION_LIMIT_EXCEEDED, start, 1), array ? "sequence" : "map");
      parser.skipChildren(); // syntax still checked, no limit: serde's ignore_value
      remainingDepth++;
      return tooDeep;
    }
    Node node = array ? array() : object();
    remainingDepth++;
    return node;
  }

  private Node array() throws IOException {
    List<Node> items = new ArrayList<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      if (t == null) throw eofError();
      items.add(value(t));
    }
    return new Node.Array(items);
  }

  private Node object() throws IOException {
    List<String> keys = new ArrayList<>();
    List<Node> values = new ArrayList<>();
    WireException badKey = null; // a key serde cannot read poisons the object
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
      if (t == null) throw eofError();
      String key = parser.currentName();
      if (badKey == null && JsonText.loneSurrogate(key) >= 0) {
        badKey = surrogateError(parser.currentTokenLocation());
      }
      JsonToken v = parser.nextToken();
      if (v == null) throw eofError();
      keys.add(key);
      values.add(value(v));
    }
    if (badKey != null) return new Node.Invalid(badKey, "map");
    return new Node.Obj(keys, values);
  }

  private WireException eofError() {
    return new WireException(WireConstants.EOF_VALUE + position(text == null ? 0 : text.length()));
  }

  /** serde_json's error for a `\\u` escape that is not a valid pair, found in the raw string. */
  private WireException surrogateError(JsonLocation at) {
    if (text == null) return new WireException(WireConstants.LONE_LEADING_SURROGATE);
    int quote = (int) at.getCharOffset();
    SurrogateScan.Problem p = SurrogateScan.firstProblem(text, quote + 1);
    return new WireException(p.reason() + position(p.index()));
  }

  private WireException errorAt(String reason, JsonLocation at, int delta) {
    if (text == null || at.getCharOffset() < 0) return new WireException(reason);
    return new WireException(reason + position((int) at.getCharOffset() + delta));
  }

  /** serde_json's " at line L column C" for the byte at (1-based) {@code charIndex}. */
  private String position(int charIndex) {
    return text == null ? "" : Positions.at(text, charIndex);
  }

  private static WireException syntaxError(JsonProcessingException e, String text) {
    String reason = SyntaxMessages.serdeReason(e.getOriginalMessage());
    JsonLocation at = e.getLocation();
    if (text == null || at == null || at.getCharOffset() < 0) return new WireException(reason);
    return new WireException(reason + Positions.at(text, (int) Math.min(text.length(), at.getCharOffset() + 1)));
  }
}
