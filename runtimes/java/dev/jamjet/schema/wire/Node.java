package dev.jamjet.schema.wire;

import java.util.List;

/**
 * A JSON value as serde_json's parser gave it, before any typed reading: the runtime's parse
 * tree (the generated readers walk it). Integers are what serde_json keeps as integers (a u64,
 * or a negative i64); every other number is an f64. Objects keep their members in document
 * order, duplicates included, since a struct must see a duplicate to reject it.
 * {@link Invalid} is a value whose serde error waits until something reads it (see {@link
 * TreeReader}). Not for application code: use {@link JsonValue}.
 */
public sealed interface Node
    permits Node.Null, Node.Bool, Node.Int, Node.Float, Node.Str, Node.Array, Node.Obj, Node.Invalid {

  /** JSON null. */
  enum Null implements Node {
    NULL
  }

  /** true or false. */
  record Bool(boolean value) implements Node {
    public static final Bool TRUE = new Bool(true);
    public static final Bool FALSE = new Bool(false);
  }

  /**
   * An integer literal serde_json kept as an integer: {@code unsigned} means {@code bits} is a
   * u64 (0..2^64-1, read with {@link Long#toUnsignedString}); otherwise a negative i64.
   */
  record Int(long bits, boolean unsigned) implements Node {
    @Override
    public String toString() {
      return unsigned ? Long.toUnsignedString(bits) : Long.toString(bits);
    }
  }

  /** An f64: a literal with a fraction or exponent, {@code -0}, or an integer beyond 64 bits. */
  record Float(double value) implements Node {}

  /** A string. */
  record Str(String value) implements Node {}

  /** An array. */
  record Array(List<Node> items) implements Node {}

  /** An object: keys and values in document order, duplicates kept. */
  record Obj(List<String> keys, List<Node> values) implements Node {
    public int size() {
      return keys.size();
    }
  }

  /**
   * A value serde rejects only when it reads it: a number out of range, a string with a lone
   * surrogate escape (or an object with such a key), a container past the recursion limit.
   * {@code found} is what serde would call a container here ("map", "sequence"), null for a
   * number or string (serde must read those, and so fails, whatever it wanted).
   */
  record Invalid(WireException error, String found) implements Node {}
}
