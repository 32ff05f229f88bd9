package dev.jamjet.schema.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Enums as serde 1.x reads them from serde_json.
 *
 * <p>Internally tagged ({@code #[serde(tag = "...")]}): serde buffers the whole value first, so
 * every member, unknown ones included, must be JSON serde accepts (the caller raises deferred
 * problems with {@link Reads#readValue} first); the tag may stand anywhere, once, and must be a
 * string naming a variant; from an array, the first element is the tag. Fieldless enums are
 * the variant's name, or serde's externally tagged form {@code {"name": null}} (also
 * {@code {"name": {}}} inside a buffered tagged enum).
 *
 * <p>A problem with the tag (missing, not a string, no such variant) is the enum's, reported at
 * the enum value ({@code kind}, not {@code kind.type}): the tag is a member's value naming the
 * variant, not a field of it, as the README's path notation has it.
 */
public final class Tagged {
  private Tagged() {}

  /** The variant and its fields: an object without the tag member, or the array after the tag. */
  public record Split(int variant, Node body) {}

  public static Split read(Node node, String tagKey, String enumName, List<String> variants) {
    if (node instanceof Node.Obj o) {
      int tag = -1;
      List<String> keys = new ArrayList<>(o.size());
      List<Node> values = new ArrayList<>(o.size());
      for (int k = 0; k < o.size(); k++) {
        String key = o.keys().get(k);
        if (!key.equals(tagKey)) {
          keys.add(key);
          values.add(o.values().get(k));
        } else if (tag >= 0) {
          throw new WireException(Messages.duplicateField(tagKey));
        } else {
          tag = identifier(o.values().get(k), variants);
        }
      }
      if (tag < 0) throw new WireException(Messages.missingField(tagKey));
      return new Split(tag, new Node.Obj(keys, values));
    }
    if (node instanceof Node.Array a) {
      if (a.items().isEmpty()) throw new WireException(Messages.missingField(tagKey));
      int tag = identifier(a.items().get(0), variants);
      return new Split(tag, new Node.Array(a.items().subList(1, a.items().size())));
    }
    if (node instanceof Node.Invalid bad) throw bad.error();
    throw Reads.invalidType(node, "internally tagged enum " + enumName);
  }

  /** A fieldless enum's variant index. */
  public static int unitVariant(Node node, String enumName, List<String> variants, boolean buffered) {
    if (node instanceof Node.Obj o) {
      if (o.size() != 1) throw new WireException(Messages.invalidValue("map", "map with a single key"));
      String key = o.keys().get(0);
      int index = identifier(new Node.Str(key), variants);
      Node value = o.values().get(0);
      boolean emptyMap = buffered && value instanceof Node.Obj m && m.size() == 0;
      if (value != Node.Null.NULL && !emptyMap) throw Reads.invalidType(value, "unit").under(key);
      return index;
    }
    if (node instanceof Node.Str || node instanceof Node.Invalid) return identifier(node, variants);
    throw Reads.invalidType(node, buffered ? "string or map" : "enum " + enumName);
  }

  /** A variant identifier: a string naming one of {@code variants}. */
  static int identifier(Node node, List<String> variants) {
    if (!(node instanceof Node.Str s)) throw Reads.invalidType(node, "variant identifier");
    int index = variants.indexOf(s.value());
    if (index < 0) throw new WireException(Messages.unknownVariant(s.value(), variants));
    return index;
  }
}
