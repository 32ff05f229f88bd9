package dev.jamjet.schema.wire;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * serde's data-error messages ({@code serde::de::Error}, as serde_json words them), filled
 * in from the templates in {@link WireConstants}, which the Rust reference says
 * (jamjet-wire-constants): the same source as the Python and TypeScript runtimes'.
 */
final class Messages {
  private Messages() {}

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)\\}");

  /** A template's {@code {name}} placeholders replaced by {@code values}, in one pass. */
  static String fill(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** serde's OneOf: "`a`", "`a` or `b`", "one of `a`, `b`, `c`". */
  static String oneOf(List<String> names) {
    if (names.size() == 1) return fill(WireConstants.MESSAGE_ONE_OF_ONE, Map.of("a", names.get(0)));
    if (names.size() == 2) {
      return fill(WireConstants.MESSAGE_ONE_OF_TWO, Map.of("a", names.get(0), "b", names.get(1)));
    }
    StringBuilder listed = new StringBuilder();
    for (String name : names) {
      if (listed.length() > 0) listed.append(WireConstants.MESSAGE_ONE_OF_SEPARATOR);
      listed.append(fill(WireConstants.MESSAGE_ONE_OF_ONE, Map.of("a", name)));
    }
    return fill(WireConstants.MESSAGE_ONE_OF_MANY, Map.of("list", listed.toString()));
  }

  static String unknownVariant(String name, List<String> variants) {
    if (variants.isEmpty()) return fill(WireConstants.MESSAGE_UNKNOWN_VARIANT_NONE, Map.of("name", name));
    return fill(WireConstants.MESSAGE_UNKNOWN_VARIANT, Map.of("name", name, "one_of", oneOf(variants)));
  }

  static String missingField(String name) {
    return fill(WireConstants.MESSAGE_MISSING_FIELD, Map.of("name", name));
  }

  static String duplicateField(String name) {
    return fill(WireConstants.MESSAGE_DUPLICATE_FIELD, Map.of("name", name));
  }

  /** {@code unexpected} as serde's Unexpected displays it (e.g. "integer `1`"). */
  static String invalidType(String unexpected, String expected) {
    return fill(WireConstants.MESSAGE_INVALID_TYPE, Map.of("unexpected", unexpected, "expected", expected));
  }

  static String invalidValue(String unexpected, String expected) {
    return fill(WireConstants.MESSAGE_INVALID_VALUE, Map.of("unexpected", unexpected, "expected", expected));
  }

  static String invalidLength(int length, String expected) {
    return fill(
        WireConstants.MESSAGE_INVALID_LENGTH, Map.of("length", Integer.toString(length), "expected", expected));
  }
}
