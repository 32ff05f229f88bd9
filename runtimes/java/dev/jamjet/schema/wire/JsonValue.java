package dev.jamjet.schema.wire;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A {@code serde_json::Value}: null, a boolean, a number (an integer that is a u64 or an i64,
 * or a finite f64, kept apart as serde_json keeps them: {@code 1} and {@code 1.0} differ), a
 * string, an array, or an object whose members are sorted by key in Rust's order (UTF-8 bytes)
 * with the last duplicate kept, as serde_json's BTreeMap does. {@link #toJson()} is
 * serde_json::to_string's bytes.
 */
public sealed interface JsonValue
    permits JsonValue.Null, JsonValue.Bool, JsonValue.Int, JsonValue.Float, JsonValue.Str,
        JsonValue.Array, JsonValue.Obj {

  BigInteger U64_MAX = WireConstants.U64_MAX;
  BigInteger I64_MIN = BigInteger.valueOf(WireConstants.I64_MIN);

  /** JSON null. */
  enum Null implements JsonValue {
    NULL;

    /** {@code null}, as it is written. */
    @Override
    public String toString() {
      return toJson();
    }
  }

  /** true or false. */
  record Bool(boolean value) implements JsonValue {
    /** Its JSON text, as {@link #toJson()}: a Value prints as what it holds. */
    @Override
    public String toString() {
      return toJson();
    }
  }

  /** An integer serde_json holds exactly: from i64::MIN to u64::MAX. */
  record Int(BigInteger value) implements JsonValue {
    public Int {
      Objects.requireNonNull(value, "value");
      if (value.compareTo(I64_MIN) < 0 || value.compareTo(U64_MAX) > 0) {
        throw new WireException("integer " + value + " is outside u64/i64 and cannot be a serde_json::Value");
      }
    }

    public static Int of(long value) {
      return new Int(BigInteger.valueOf(value));
    }

    /** Its JSON text, as {@link #toJson()}: a Value prints as what it holds. */
    @Override
    public String toString() {
      return toJson();
    }
  }

  /** An f64; serde_json::Value holds no NaN or infinity. */
  record Float(double value) implements JsonValue {
    public Float {
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        throw new WireException("a serde_json::Value cannot hold " + value);
      }
    }

    /** Its JSON text, as {@link #toJson()}: a Value prints as what it holds. */
    @Override
    public String toString() {
      return toJson();
    }
  }

  /** A string. */
  record Str(String value) implements JsonValue {
    public Str {
      Objects.requireNonNull(value, "value");
    }

    /** Its JSON text, as {@link #toJson()}: a Value prints as what it holds. */
    @Override
    public String toString() {
      return toJson();
    }
  }

  /** An array. */
  record Array(List<JsonValue> items) implements JsonValue {
    public Array {
      items = List.copyOf(items);
    }

    /** Its JSON text, as {@link #toJson()}: a Value prints as what it holds. */
    @Override
    public String toString() {
      return toJson();
    }
  }

  /** An object, its members sorted as serde_json sorts them. */
  record Obj(SortedMap<String, JsonValue> members) implements JsonValue {
    public Obj {
      TreeMap<String, JsonValue> sorted = new TreeMap<>(JsonText::compareUtf8);
      for (Map.Entry<String, JsonValue> e : members.entrySet()) {
        sorted.put(Objects.requireNonNull(e.getKey()), Objects.requireNonNull(e.getValue()));
      }
      members = Collections.unmodifiableSortedMap(sorted);
    }

    /** Its JSON text, as {@link #toJson()}: a Value prints as what it holds. */
    @Override
    public String toString() {
      return toJson();
    }
  }

  /** serde_json::to_string's bytes. */
  default String toJson() {
    StringBuilder out = new StringBuilder();
    write(out, this);
    return out.toString();
  }

  /** Parses JSON text as serde_json::from_str::&lt;Value&gt; does. */
  static JsonValue parse(String text) {
    return of(TreeReader.parse(text));
  }

  /** The Value a parsed node stands for; a deferred problem inside is raised here. */
  static JsonValue of(Node node) {
    if (node instanceof Node.Invalid bad) throw bad.error();
    if (node instanceof Node.Str s) return new Str(s.value());
    if (node instanceof Node.Int i) {
      return new Int(i.unsigned() ? new BigInteger(Long.toUnsignedString(i.bits())) : BigInteger.valueOf(i.bits()));
    }
    if (node instanceof Node.Float f) return new Float(f.value());
    if (node instanceof Node.Bool b) return new Bool(b.value());
    if (node instanceof Node.Array a) {
      List<JsonValue> items = new ArrayList<>(a.items().size());
      for (Node item : a.items()) items.add(of(item));
      return new Array(items);
    }
    if (node instanceof Node.Obj o) {
      TreeMap<String, JsonValue> members = new TreeMap<>(JsonText::compareUtf8);
      for (int k = 0; k < o.size(); k++) members.put(o.keys().get(k), of(o.values().get(k)));
      return new Obj(members);
    }
    return Null.NULL;
  }

  /** Appends serde_json's bytes for {@code value}. */
  static void write(StringBuilder out, JsonValue value) {
    if (value instanceof Str s) {
      JsonText.writeString(out, s.value());
    } else if (value instanceof Int i) {
      out.append(i.value());
    } else if (value instanceof Float f) {
      Floats.write(out, f.value());
    } else if (value instanceof Bool b) {
      out.append(b.value());
    } else if (value instanceof Array a) {
      out.append('[');
      for (int k = 0; k < a.items().size(); k++) {
        if (k > 0) out.append(',');
        write(out, a.items().get(k));
      }
      out.append(']');
    } else if (value instanceof Obj o) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
        if (!first) out.append(',');
        first = false;
        JsonText.writeString(out, e.getKey());
        out.append(':');
        write(out, e.getValue());
      }
      out.append('}');
    } else {
      out.append("null");
    }
  }
}
