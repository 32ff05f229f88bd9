package dev.jamjet.schema.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * serde's primitive visitors over the parse tree, with serde_json's wording
 * ({@code invalid type: <found>, expected <what>}). No coercion of any kind: a string is not a
 * number, {@code 1.0} is not a u32, a number is not a bool. Integers are bounded by their Rust
 * width; u64 comes back as a {@code long} holding the 64 bits (unsigned).
 */
public final class Reads {
  private Reads() {}

  /** serde_json's rendering of the value found (JsonUnexpected). */
  static String describe(Node node) {
    if (node instanceof Node.Str s) return "string " + RustDebug.quote(s.value());
    if (node instanceof Node.Int i) return "integer `" + i + "`";
    if (node instanceof Node.Float f) return "floating point `" + Floats.format(f.value()) + "`";
    if (node instanceof Node.Bool b) return "boolean `" + b.value() + "`";
    if (node instanceof Node.Array) return "sequence";
    if (node instanceof Node.Obj) return "map";
    return "null";
  }

  /** {@code invalid type: ..., expected ...}, or the deferred error of an Invalid node. */
  public static WireException invalidType(Node node, String expected) {
    if (node instanceof Node.Invalid bad) {
      return bad.found() == null
          ? bad.error()
          : new WireException(Messages.invalidType(bad.found(), expected));
    }
    return new WireException(Messages.invalidType(describe(node), expected));
  }

  public static String readString(Node node) {
    if (node instanceof Node.Str s) return s.value();
    throw invalidType(node, WireConstants.EXPECTING_STRING);
  }

  public static boolean readBool(Node node) {
    if (node instanceof Node.Bool b) return b.value();
    throw invalidType(node, WireConstants.EXPECTING_BOOL);
  }

  /** u32, as a long in 0..2^32-1. */
  public static long readU32(Node node) {
    Node.Int i = integer(node, "u32");
    if (!i.unsigned() || Long.compareUnsigned(i.bits(), WireConstants.U32_MAX) > 0) throw outOfRange(i, "u32");
    return i.bits();
  }

  /** u64: the 64 bits in a long, unsigned (Long.toUnsignedString gives the number). */
  public static long readU64(Node node) {
    Node.Int i = integer(node, "u64");
    if (!i.unsigned()) throw outOfRange(i, "u64");
    return i.bits();
  }

  public static long readI64(Node node) {
    Node.Int i = integer(node, "i64");
    if (i.unsigned() && i.bits() < 0) throw outOfRange(i, "i64");
    return i.bits();
  }

  /** f64: a float as is, an integer rounded as Rust's {@code as f64}. */
  public static double readF64(Node node) {
    if (node instanceof Node.Float f) return f.value();
    if (node instanceof Node.Int i) return i.unsigned() ? SerdeNumbers.unsignedToDouble(i.bits()) : (double) i.bits();
    throw invalidType(node, "f64");
  }

  public static Timestamp readTimestamp(Node node) {
    if (node instanceof Node.Str s) return Timestamp.parse(s.value());
    throw invalidType(node, WireConstants.EXPECTING_TIMESTAMP);
  }

  public static UUID readUuid(Node node) {
    if (node instanceof Node.Str s) return Uuids.parse(s.value());
    throw invalidType(node, WireConstants.EXPECTING_UUID);
  }

  /** serde_json::Value: every deferred problem inside is raised. */
  public static JsonValue readValue(Node node) {
    return JsonValue.of(node);
  }

  /**
   * Raises the first deferred problem anywhere in {@code node}, in document order: serde buffers
   * an internally tagged enum's whole value, unknown members included, before reading it.
   */
  public static void raiseDeferred(Node node) {
    if (node instanceof Node.Invalid bad) throw bad.error();
    if (node instanceof Node.Array a) {
      for (Node item : a.items()) raiseDeferred(item);
    } else if (node instanceof Node.Obj o) {
      for (Node v : o.values()) raiseDeferred(v);
    }
  }

  /** Option&lt;T&gt;: null is None (Java null). */
  public static <T> T readOption(Node node, Function<Node, T> inner) {
    return node == Node.Null.NULL ? null : inner.apply(node);
  }

  /** Vec&lt;T&gt;, errors located by index. */
  public static <T> List<T> readVec(Node node, Function<Node, T> element) {
    if (!(node instanceof Node.Array a)) {
      if (node instanceof Node.Invalid bad && "sequence".equals(bad.found())) throw bad.error();
      throw invalidType(node, WireConstants.EXPECTING_SEQUENCE);
    }
    List<T> out = new ArrayList<>(a.items().size());
    for (int k = 0; k < a.items().size(); k++) {
      try {
        out.add(element.apply(a.items().get(k)));
      } catch (WireException e) {
        throw e.under(k);
      }
    }
    return List.copyOf(out);
  }

  private static Node.Int integer(Node node, String expected) {
    if (node instanceof Node.Int i) return i;
    throw invalidType(node, expected);
  }

  private static WireException outOfRange(Node.Int i, String expected) {
    return new WireException(Messages.invalidValue("integer `" + i + "`", expected));
  }
}
