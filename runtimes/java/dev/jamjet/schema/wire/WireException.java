package dev.jamjet.schema.wire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one error of the runtime: a text serde would refuse, or a value it could not write.
 *
 * <p>{@link #detail()} is serde's message (serde_json's syntax errors keep their {@code at line L
 * column C}); {@link #path()} locates the offending value from the document root, member names
 * and array indexes ({@code kind.attempt}, {@code kind.provenance.evidence_refs[0]}). The message
 * is {@code path: detail}, or the detail alone at the root.
 */
public final class WireException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  private final String detail;
  private final List<Object> path;

  public WireException(String detail) {
    this(detail, List.of());
  }

  private WireException(String detail, List<Object> path) {
    super(render(detail, path), null, false, false); // no stack trace: a verdict, not a bug
    this.detail = detail;
    this.path = Collections.unmodifiableList(path);
  }

  /** serde's words for the problem, without the path. */
  public String detail() {
    return detail;
  }

  /** Member names (String) and array indexes (Integer), outermost first. */
  public List<Object> path() {
    return path;
  }

  /** The path as text: {@code kind.attempt}, {@code items[3]}, {@code ["a b"]}. */
  public String pathText() {
    return formatPath(path);
  }

  /** The same error seen from one level further out. */
  public WireException under(Object segment) {
    List<Object> longer = new ArrayList<>(path.size() + 1);
    longer.add(segment);
    longer.addAll(path);
    return new WireException(detail, longer);
  }

  static String formatPath(List<Object> path) {
    StringBuilder out = new StringBuilder();
    for (Object seg : path) {
      if (seg instanceof Integer index) {
        out.append('[').append(index).append(']');
      } else if (IDENTIFIER.matcher((String) seg).matches()) {
        if (out.length() > 0) out.append('.');
        out.append(seg);
      } else {
        out.append('[');
        JsonText.writeString(out, (String) seg);
        out.append(']');
      }
    }
    return out.toString();
  }

  private static String render(String detail, List<Object> path) {
    String where = formatPath(path);
    return where.isEmpty() ? detail : where + ": " + detail;
  }
}
