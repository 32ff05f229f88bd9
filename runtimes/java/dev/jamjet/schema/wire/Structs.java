package dev.jamjet.schema.wire;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@code #[derive(Deserialize)]} struct's members, by serde derive's rules: from an object,
 * members in any order, a known field twice is {@code duplicate field}, unknown members are
 * skipped (their deferred problems never raised, as serde's ignore_value never sees them);
 * from an array (serde_json reads a struct from one too), the fields in declaration order, a
 * short array filled only where the field has {@code #[serde(default)]}.
 */
public final class Structs {
  private Structs() {}

  /** The members of struct {@code name}, by field index; null where the input gave none. */
  public static Node[] read(Node node, String name, List<String> fields, boolean[] hasDefault) {
    Node[] out = new Node[fields.size()];
    if (node instanceof Node.Obj o) {
      for (int k = 0; k < o.size(); k++) {
        int index = fields.indexOf(o.keys().get(k));
        if (index < 0) continue;
        if (out[index] != null) throw new WireException(Messages.duplicateField(fields.get(index)));
        out[index] = o.values().get(k);
      }
      return out;
    }
    if (node instanceof Node.Array a) {
      for (int k = 0; k < fields.size(); k++) {
        if (k < a.items().size()) out[k] = a.items().get(k);
        else if (!hasDefault[k]) {
          int n = fields.size();
          String expected = "struct " + name + " with " + n + (n == 1 ? " element" : " elements");
          throw new WireException(Messages.invalidLength(k, expected));
        }
      }
      if (a.items().size() > fields.size()) throw new WireException(WireConstants.TRAILING_CHARACTERS);
      return out;
    }
    if (node instanceof Node.Invalid bad) throw bad.error(); // serde reads maps and arrays alike
    throw Reads.invalidType(node, "struct " + name);
  }

  /** A field serde requires. */
  public static <T> T required(Node[] members, int index, String name, Function<Node, T> read) {
    Node node = members[index];
    if (node == null) throw new WireException(Messages.missingField(name));
    return at(name, node, read);
  }

  /** An Option field: missing is None, like null. */
  public static <T> T optional(Node[] members, int index, String name, Function<Node, T> read) {
    Node node = members[index];
    return node == null ? null : at(name, node, read);
  }

  /** A {@code #[serde(default)]} field: missing is the type's Default. */
  public static <T> T defaulted(Node[] members, int index, String name, Function<Node, T> read, Supplier<T> fallback) {
    Node node = members[index];
    return node == null ? fallback.get() : at(name, node, read);
  }

  /** Runs {@code read} with {@code segment} prepended to the path of its errors. */
  public static <T> T at(Object segment, Node node, Function<Node, T> read) {
    try {
      return read.apply(node);
    } catch (WireException e) {
      throw e.under(segment);
    }
  }
}
