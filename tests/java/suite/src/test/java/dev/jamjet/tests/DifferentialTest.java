package dev.jamjet.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jamjet.schema.wire.Floats;
import dev.jamjet.schema.wire.JsonText;
import dev.jamjet.schema.wire.JsonValue;
import dev.jamjet.schema.wire.Reads;
import dev.jamjet.schema.wire.TreeReader;
import dev.jamjet.schema.wire.WireException;
import dev.jamjet.schema.wire.Writes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The runtime pieces against the real serde_json / chrono / uuid (target/release/jamjet-wire-probe):
 * the same verdict on every input and, when accepted, the same bytes. Inputs are generated
 * systematically and from a fixed seed; the count of disagreements is printed and must be 0.
 */
class DifferentialTest {
  private static final Random RANDOM = new Random(16);

  static String roundTrip(UnaryOperator<String> f, String input) {
    try {
      return "ok " + f.apply(input);
    } catch (WireException e) {
      return "error";
    }
  }

  /** The probe's answers ("ok BYTES" or "error"), one per input, in order. */
  static List<String> probe(String typeName, List<String> inputs) throws IOException, InterruptedException {
    return answers("target/release/jamjet-wire-probe", typeName, inputs);
  }

  /** The answers of a reference binary that speaks the testee protocol (conformance/protocol.md). */
  static List<String> answers(String reference, String typeName, List<String> inputs) throws IOException, InterruptedException {
    return answers(reference, typeName, inputs, null);
  }

  /** The same, each request asking for {@code form} (null: none, the log form). */
  static List<String> answers(String reference, String typeName, List<String> inputs, String form)
      throws IOException, InterruptedException {
    List<String> out = new ArrayList<>();
    for (JsonValue.Obj answer : replies(reference, typeName, inputs, form)) {
      out.add(answer.members().get("output") instanceof JsonValue.Str s ? "ok " + s.value() : "error");
    }
    return out;
  }

  /** The reference's answer objects ({@code output}, {@code error} ...), one per input, in order. */
  static List<JsonValue.Obj> replies(String reference, String typeName, List<String> inputs, String form)
      throws IOException, InterruptedException {
    Path binary = Repo.root().resolve(reference);
    assumeTrue(Files.isExecutable(binary), "cargo build --release first: " + binary);
    Process p = new ProcessBuilder(binary.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String asked = form == null ? "" : ",\"form\":" + JsonText.quote(form);
    Thread feeder =
        new Thread(
            () -> {
              try (Writer w = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
                for (int i = 0; i < inputs.size(); i++) {
                  w.write("{\"id\":" + i + ",\"type_name\":" + JsonText.quote(typeName) + ",\"input\":"
                      + JsonText.quote(inputs.get(i)) + asked + "}\n");
                }
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
    feeder.start();
    List<JsonValue.Obj> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) out.add((JsonValue.Obj) JsonValue.parse(line));
    }
    feeder.join();
    p.waitFor();
    return out;
  }

  static void compare(String typeName, List<String> inputs, UnaryOperator<String> ours) throws Exception {
    compare(typeName, inputs, ours, "target/release/jamjet-wire-probe");
  }

  /** The same against another reference binary of the testee protocol. */
  static void compare(String typeName, List<String> inputs, UnaryOperator<String> ours, String reference) throws Exception {
    compare(typeName, inputs, ours, reference, null);
  }

  /** The same, the reference asked for {@code form} (null: none), as {@code ours} must write. */
  static void compare(String typeName, List<String> inputs, UnaryOperator<String> ours, String reference, String form)
      throws Exception {
    List<String> rust = answers(reference, typeName, inputs, form);
    assertEquals(inputs.size(), rust.size(), "one probe answer per input");
    int disagreements = 0;
    for (int i = 0; i < inputs.size(); i++) {
      String mine = roundTrip(ours, inputs.get(i));
      if (!mine.equals(rust.get(i))) {
        if (disagreements++ < 10) System.out.println(typeName + " " + (form == null ? "" : form + " ") + JsonText.quote(inputs.get(i)) + ": rust=" + rust.get(i) + " java=" + mine);
      }
    }
    String label = typeName + (form == null ? "" : " (form " + form + ")");
    System.out.println("differential " + label + ": " + inputs.size() + " inputs, " + disagreements + " disagreements");
    assertEquals(0, disagreements, typeName + ": disagreements with serde (listed above)");
  }

  @Test
  void floats() throws Exception {
    List<String> inputs = new ArrayList<>(List.of("0", "-0", "-0.0", "1e999", "-1e999", "1e-999", "5e-324", "2.2250738585072011e-308",
        "1.7976931348623157e308", "1.7976931348623159e308", "9007199254740993", "18446744073709551616", "1e16", "1e15", "0.00001", "0.000001",
        "123456789012345678901234567890", "0.1", "1.5", "\"1\"", "true", "null", "1.", ".5", "01", "1e", "1E+2", "-", "[1]"));
    for (int i = 0; i < 6000; i++) {
      double d = Double.longBitsToDouble(RANDOM.nextLong());
      if (!Double.isNaN(d) && !Double.isInfinite(d)) inputs.add(Double.toString(d));
    }
    for (int i = 0; i < 3000; i++) {
      inputs.add((RANDOM.nextBoolean() ? "-" : "") + (RANDOM.nextInt(1_000_000)) + "." + RANDOM.nextInt(100000) + "e" + (RANDOM.nextInt(660) - 330));
    }
    for (int e = -330; e <= 310; e++) inputs.add("1e" + e);
    compare("f64", inputs, in -> Floats.format(Reads.readF64(TreeReader.parse(in))));
  }

  @Test
  void timestamps() throws Exception {
    List<String> bodies = new ArrayList<>(List.of("2024-05-06T07:08:09Z", "2024-05-06t07:08:09z", "2024-05-06 07:08:09Z", "2024-05-06T07:08:09.123Z",
        "2024-05-06T07:08:09.1234567891Z", "2024-05-06T07:08:60Z", "2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "2024-05-06T07:08:09+01:00",
        "2024-05-06T07:08:09-23:59", "2024-05-06T07:08:09+24:00", "2024-05-06T07:08:09UTC", "2024-05-06T07:08:09 +0100", "+262142-12-31T23:59:59Z",
        "-262143-01-01T00:00:00Z", "262143-01-01T00:00:00Z", "2024-05-06T07:08:09", "2024-05-06", "", " 2024-05-06T07:08:09Z", "2024-05-06T07:08:09Z ",
        "2024-5-6T7:8:9Z", "99999-01-01T00:00:00Z", "2024-05-06T07:08:09.Z", "2024-05-06T07:08:09,5Z", "2024-05-06T07:08:09\u221201:00"));
    for (int i = 0; i < 2000; i++) {
      StringBuilder s = new StringBuilder();
      s.append(String.format("%04d-%02d-%02dT%02d:%02d:%02d", RANDOM.nextInt(10000), RANDOM.nextInt(14), RANDOM.nextInt(33), RANDOM.nextInt(25), RANDOM.nextInt(61), RANDOM.nextInt(62)));
      int digits = RANDOM.nextInt(12);
      if (digits > 0) s.append('.').append(String.valueOf(Math.abs(RANDOM.nextLong())), 0, Math.min(digits, 18));
      s.append(new String[] {"Z", "+00:00", "-05:30", "+14:00", "z", "UTC"}[RANDOM.nextInt(6)]);
      bodies.add(s.toString());
    }
    List<String> inputs = new ArrayList<>();
    for (String b : bodies) inputs.add(JsonText.quote(b));
    inputs.add("1");
    inputs.add("null");
    compare("DateTime<Utc>", inputs, in -> {
      StringBuilder out = new StringBuilder();
      Writes.timestamp(out, Reads.readTimestamp(TreeReader.parse(in)));
      return out.toString();
    });
  }

  @Test
  void uuids() throws Exception {
    List<String> bodies = new ArrayList<>(List.of("67e55044-10b1-426f-9247-bb680e5fe0c8", "67E55044-10B1-426F-9247-BB680E5FE0C8", "67e5504410b1426f9247bb680e5fe0c8",
        "{67e55044-10b1-426f-9247-bb680e5fe0c8}", "urn:uuid:67e55044-10b1-426f-9247-bb680e5fe0c8", "URN:UUID:67e55044-10b1-426f-9247-bb680e5fe0c8",
        "67e55044-10b1-426f-9247-bb680e5fe0c", "67e55044-10b1-426f-9247-bb680e5fe0c8a", "67e5504-410b1-426f-9247-bb680e5fe0c8", "", "g7e55044-10b1-426f-9247-bb680e5fe0c8",
        "67e55044+10b1-426f-9247-bb680e5fe0c8", "{67e5504410b1426f9247bb680e5fe0c8}", "67e55044-10b1-426f-9247-bb680e5fe0c\u00e9"));
    String alphabet = "0123456789abcdefABCDEF-{}:urnid\u00e9x";
    for (int i = 0; i < 2000; i++) {
      StringBuilder s = new StringBuilder(java.util.UUID.randomUUID().toString());
      int edits = RANDOM.nextInt(3);
      for (int k = 0; k < edits; k++) s.setCharAt(RANDOM.nextInt(s.length()), alphabet.charAt(RANDOM.nextInt(alphabet.length())));
      bodies.add(s.toString());
    }
    List<String> inputs = new ArrayList<>();
    for (String b : bodies) inputs.add(JsonText.quote(b));
    compare("Uuid", inputs, in -> {
      StringBuilder out = new StringBuilder();
      Writes.uuid(out, Reads.readUuid(TreeReader.parse(in)));
      return out.toString();
    });
  }

  @Test
  void strings() throws Exception {
    List<String> inputs = new ArrayList<>(List.of("\"\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud83d\\ude00\"", "\"\\ud83dx\"", "\"\\ud83d\\u0041\"", "\"\\u0000\\u001f\\u007f\"",
        "\"\\/\\b\\f\\n\\r\\t\\\"\\\\\"", "\"\\x\"", "\"a\u0001\"", "\"\u2028\u2029\"", "\"\\u12\"", "\"abc", "\"\\uD800\\uDFFF\"", "1", "null"));
    String[] pieces = {"a", "\u00e9", "\u4e2d", "\ud83d\ude00", "\\n", "\\u0041", "\\ud800", "\\udfff", "\\ud83d\\ude00", "\\\"", "\\\\", "\u007f", "\\u001f", " ", "\\t"};
    for (int i = 0; i < 3000; i++) {
      StringBuilder s = new StringBuilder("\"");
      int n = RANDOM.nextInt(6);
      for (int k = 0; k < n; k++) s.append(pieces[RANDOM.nextInt(pieces.length)]);
      inputs.add(s.append('"').toString());
    }
    compare("String", inputs, in -> JsonText.quote(Reads.readString(TreeReader.parse(in))));
  }

  @Test
  void values() throws Exception {
    List<String> inputs = new ArrayList<>(List.of("{\"b\":1,\"a\":2}", "{\"a\":1,\"a\":2}", "18446744073709551615", "18446744073709551616", "-9223372036854775808",
        "-9223372036854775809", "-0", "1.0", "1e2", "[1,[2,{\"\\u00e9\":3,\"z\":4,\"\ud83d\ude00\":5,\"\uffff\":6}]]", "{\"\\ud800\":1}", "[1,]", "{}x", " [ ] ",
        "[".repeat(127) + "]".repeat(127), "[".repeat(128) + "]".repeat(128), "{\"a\":" .repeat(130) + "1" + "}".repeat(130), "1e999", "[1e999]", "\u00a01", "\ufeff1"));
    for (int i = 0; i < 2000; i++) inputs.add(randomValue(3));
    compare("Value", inputs, in -> JsonValue.parse(in).toJson());
  }

  private static String randomValue(int depth) {
    int pick = RANDOM.nextInt(depth > 0 ? 9 : 6);
    return switch (pick) {
      case 0 -> "null";
      case 1 -> RANDOM.nextBoolean() ? "true" : "false";
      case 2 -> Long.toString(RANDOM.nextLong() >> RANDOM.nextInt(64));
      case 3 -> Double.toString(RANDOM.nextGaussian() * Math.pow(10, RANDOM.nextInt(40) - 20));
      case 4 -> new String[] {"\"\"", "\"k\"", "\"\\u00e9\"", "\"\ud83d\ude00\"", "\"\\ud800\""}[RANDOM.nextInt(5)];
      case 5 -> Long.toUnsignedString(RANDOM.nextLong());
      case 6 -> "[" + randomValue(depth - 1) + "," + randomValue(depth - 1) + "]";
      default -> {
        String[] keys = {"a", "b", "B", "\u00e9", "\ud83d\ude00", "\uffff", "a"};
        yield "{\"" + keys[RANDOM.nextInt(keys.length)] + "\":" + randomValue(depth - 1) + ",\"" + keys[RANDOM.nextInt(keys.length)] + "\":" + randomValue(depth - 1) + "}";
      }
    };
  }
}
