package dev.jamjet.schema.wire;

import java.util.Optional;

/**
 * How an accepted document is written back (conformance/protocol.md, {@code form}).
 *
 * <p>{@link #LOG} is serde_json::to_string of the value: fields in declaration order, the
 * event log's bytes. {@link #API} is what the runtime's HTTP API writes: the value goes
 * through serde_json::Value first ({@code json!}), so every object's members come out sorted
 * by key in code point order (a {@code BTreeMap<String, _>}), at every level, the {@code type}
 * tag among them; scalars are written exactly as in the log form.
 */
public enum Form {
  LOG(WireConstants.FORM_LOG),
  API(WireConstants.FORM_API);

  private final String wire;

  Form(String wire) {
    this.wire = wire;
  }

  /** The protocol's name of the form. */
  public String wire() {
    return wire;
  }

  /** The form the protocol names {@code wire}; empty for a name it does not define. */
  public static Optional<Form> of(String wire) {
    for (Form form : values()) {
      if (form.wire.equals(wire)) return Optional.of(form);
    }
    return Optional.empty();
  }

  /**
   * A document in this form, from its log form as this package's writers give it (compact
   * JSON, no duplicate members). Sorting the written text keeps every scalar's bytes as they
   * are, as serde_json::Value does: no number is parsed and written again.
   */
  public String fromLog(String logText) {
    return this == LOG ? logText : SortedMembers.sort(logText);
  }
}
